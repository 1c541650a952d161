// The command line bundled ahead (build-server.ts) serving on PostgreSQL: scripts/start.sh's test runs the bundle on
// SQLite only, and the bundle takes `pg` in (better-sqlite3 stays outside it). Built into a temporary folder, started
// with a fresh database: the migrations run, /readyz reports the database, a citizen files a dossier and reads it
// back, and SIGTERM stops it with 0.
import { type ChildProcess, spawn } from "node:child_process"
import { join } from "node:path"
import { residenceFiling } from "@motcua/application/testing"
import { describeOnPostgres, freshPostgresDatabase } from "@motcua/storage-sql/testing"
import { afterAll, beforeAll, expect, it } from "vitest"
import { buildServer } from "./build-server.ts"
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
    let out = ""
    const { DATABASE_URL: _elsewhere, ...inherited } = process.env
    child = spawn(process.execPath, [entry, "serve", "--port", "0"], {
      cwd: dir.path,
      env: { ...inherited, DATABASE_URL: database?.url ?? "", MOTCUA_DEMO_CITIZENS: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    })
    const started = child
    started.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString()
    })
    started.stderr?.on("data", (chunk: Buffer) => {
      out += chunk.toString()
    })
    const port = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not serving within 60 s:\n${out}`)), 60_000)
      const check = () => {
        const found = /đang chạy tại http:\/\/localhost:(\d+)/.exec(out)
        if (found !== null) {
          clearTimeout(timer)
          resolve(found[1] as string)
        }
      }
      started.stderr?.on("data", check)
      started.once("exit", (code) => {
        clearTimeout(timer)
        reject(new Error(`the bundle exited with ${code} before serving:\n${out}`))
      })
    })
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
    const exited = new Promise<number | null>((resolve) => started.once("exit", resolve))
    started.kill("SIGTERM")
    expect(await exited).toBe(0)
  }, 180_000)
})
