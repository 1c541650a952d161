// The command line bundled ahead (build-server.ts) serving on PostgreSQL: scripts/start.sh's test runs the bundle on
// SQLite only, and the bundle takes `pg` in (better-sqlite3 stays outside it). Built into a temporary folder, started
// with a fresh database: the migrations run, /readyz reports the database, a citizen files a dossier and reads it
// back, and SIGTERM stops it with 0.
import type { ChildProcess } from "node:child_process"
import { join } from "node:path"
import { residenceFiling } from "@motcua/application/testing"
import { describeOnPostgres, freshPostgresDatabase } from "@motcua/storage-sql/testing"
import { afterAll, beforeAll, expect, it } from "vitest"
import { buildServer } from "./build-server.ts"
import { SERVING, startProcess, stop, waitFor } from "./serving.test-support.ts"
import { tempDir } from "./test-support.ts"

describeOnPostgres("the server bundle on PostgreSQL", (adminUrl) => {
  const dir = tempDir("serve-bundle-pg")
  let database: { url: string; drop: () => Promise<void> } | undefined
  let child: ChildProcess | undefined
  beforeAll(async () => {
    database = await freshPostgresDatabase(adminUrl, "motcua_serve_bundle")
  })
  afterAll(async () => {
    if (child?.exitCode === null) child.kill("SIGKILL")
    await database?.drop()
    dir.remove()
  })

  it("migrates, reports the database ready, files a dossier and reads it back; SIGTERM stops it with 0", async () => {
    const { entry } = await buildServer(join(dir.path, "bundle"))
    const { DATABASE_URL: _elsewhere, ...inherited } = process.env
    const started = startProcess(process.execPath, [entry, "serve", "--port", "0"], {
      cwd: dir.path,
      env: { ...inherited, DATABASE_URL: database?.url ?? "", MOTCUA_DEMO_CITIZENS: "1" },
    })
    child = started.child
    const [, port] = await waitFor(started.child, started.output, SERVING, 60_000)
    const api = `http://127.0.0.1:${port}`
    const ready = await fetch(`${api}/readyz`)
    expect(ready.status).toBe(200)
    const readiness = (await ready.json()) as { checks: Array<{ name: string; ok: boolean }> }
    expect(readiness.checks).toContainEqual({ name: "database", ok: true })
    const citizen = { authorization: "Bearer demo-citizen-022090001234" }
    const filed = await fetch(`${api}/api/v1/dossiers`, {
      method: "POST",
      headers: { ...citizen, "content-type": "application/json", "idempotency-key": "bundle-pg-1" },
      body: JSON.stringify(residenceFiling()),
    })
    expect(filed.status, await filed.clone().text()).toBe(201)
    const { code } = (await filed.json()) as { code: string }
    const read = await fetch(`${api}/api/v1/dossiers/${code}`, { headers: citizen })
    expect(read.status).toBe(200)
    expect(((await read.json()) as { code: string }).code).toBe(code)
    expect(await stop(started.child)).toBe(0)
  }, 180_000)
})
