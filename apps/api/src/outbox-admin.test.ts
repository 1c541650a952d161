// The outbox for the province administrator over HTTP (SQLite): rows with their last error and never their
// payload, a refused portal push dead and retried, everyone else refused; /readyz carries the relay's backlog.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Outbox } from "@motcua/application"
import { residenceFiling } from "@motcua/application/testing"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DEMO_PASSWORD, seedDemoAccounts } from "./demo.ts"
import { TEST_COST } from "./dossier.test-support.ts"
import { memoryLogger } from "./logging.ts"
import { type RunningServer, startServer } from "./server.ts"
import { data } from "./testing.test-support.ts"

let server: RunningServer
const dir = mkdtempSync(join(tmpdir(), "motcua-outbox-admin-"))
const base = () => `http://127.0.0.1:${server.port}`

beforeAll(async () => {
  server = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    logger: memoryLogger(),
    data,
    databaseUrl: `sqlite:${join(dir, "motcua.sqlite")}`,
    documentsDir: join(dir, "documents"),
    secureCookies: false,
    env: { MOTCUA_DEMO_CITIZENS: "1" },
    relay: { intervalMs: 0 },
    maintenance: { intervalMs: 0 },
  })
  await seedDemoAccounts(server.runtime, { cost: TEST_COST })
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

async function signIn(username: string) {
  const response = await fetch(`${base()}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  expect(response.status).toBe(200)
  const { csrfToken } = (await response.json()) as { csrfToken: string }
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ")
  return (method: string, path: string, body?: unknown) =>
    fetch(`${base()}${path}`, {
      method,
      headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
}

describe("the outbox under /api/v1/admin", () => {
  it("lists rows without payloads, shows a dead portal push with its error, and retries it", async () => {
    const filed = await fetch(`${base()}/api/v1/dossiers`, {
      method: "POST",
      headers: {
        authorization: "Bearer demo-citizen-022090001234",
        "content-type": "application/json",
        "idempotency-key": "outbox-admin-1",
      },
      body: JSON.stringify(residenceFiling()),
    })
    expect(filed.status).toBe(201)
    // the portal refuses the record for good: the row is dead with the portal's message
    const refused = await server.runtime.run(
      Effect.gen(function* () {
        const outbox = yield* Outbox
        const rows = yield* outbox.claim("test", 100, 60_000)
        const record = rows.find((r) => r.topic === "portal.sync")
        if (record === undefined) throw new Error("no portal row")
        yield* outbox.fail(
          record.id,
          "test",
          "PortalRefused: Mã TTHC không có trên Cổng",
          "2000-01-01T00:00:00.000Z",
          20,
          true,
        )
        for (const other of rows) if (other.id !== record.id) yield* outbox.complete(other.id, "test")
        return record.id
      }),
    )
    expect(refused._tag).toBe("Success")
    const deadId = refused._tag === "Success" ? refused.success : 0

    const admin = await signIn("qt-tinh-01")
    const listed = await admin("GET", "/api/v1/admin/outbox?status=dead")
    expect(listed.status).toBe(200)
    const body = (await listed.json()) as {
      items: Array<{ id: number; topic: string; lastError: string; attempts: number }>
      backlog: { dead: number; pending: number; lagMs: number }
    }
    expect(body.items.map((r) => [r.id, r.topic, r.lastError])).toEqual([
      [deadId, "portal.sync", "PortalRefused: Mã TTHC không có trên Cổng"],
    ])
    expect(body.backlog.dead).toBe(1)
    // the dossier's progress waits behind its dead record
    expect(body.backlog.pending).toBeGreaterThanOrEqual(1)
    const all = await (await admin("GET", "/api/v1/admin/outbox?limit=500")).text()
    expect(all).not.toContain("022090001234")
    expect(all).not.toContain("Nguyễn Văn An")

    const ready = (await (await fetch(`${base()}/readyz`)).json()) as { relay: { dead: number; lagMs: number } }
    expect(ready.relay.dead).toBe(1)
    expect(ready.relay.lagMs).toBeGreaterThanOrEqual(0)

    const retried = await admin("POST", "/api/v1/admin/outbox/retry", { ids: [deadId] })
    expect(await retried.json()).toEqual({ retried: [deadId] })
    expect(
      ((await (await admin("GET", "/api/v1/admin/outbox?status=dead")).json()) as { items: unknown[] }).items,
    ).toEqual([])
    expect(await (await admin("POST", "/api/v1/admin/outbox/retry", { allDead: true })).json()).toEqual({ retried: [] })
  })

  it("refuses officers who are not the province administrator, and callers without a session", async () => {
    for (const username of ["cb-hg-01", "qt-hg-01", "tt-01"]) {
      const officer = await signIn(username)
      expect((await officer("GET", "/api/v1/admin/outbox")).status, username).toBe(403)
      expect((await officer("POST", "/api/v1/admin/outbox/retry", { allDead: true })).status, username).toBe(403)
    }
    expect((await fetch(`${base()}/api/v1/admin/outbox`)).status).toBe(401)
  })
})
