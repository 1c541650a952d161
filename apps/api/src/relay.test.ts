// The outbox relay inside the running server. On SQLite, one server; on PostgreSQL, two servers (two startServer in
// this process) over one database, each running its relay with small batches so that they compete for rows. Dossiers
// are filed over HTTP on both, some get a supplementation request whose deadline then passes. In the end every
// outbox row is done, each was claimed once, each portal push and notification was delivered exactly once (counted
// in the development adapters' records of both servers), each fee's payment request was opened once in the payments
// ledger, and each passed deadline stopped its dossier once.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type DevelopmentCall, topics } from "@motcua/application"
import { residenceFiling } from "@motcua/application/testing"
import { SqlDatabase } from "@motcua/storage-sql"
import { Effect } from "effect"
import { type Kysely, sql } from "kysely"
import { afterAll, beforeAll, expect, it } from "vitest"
import { DEMO_PASSWORD, seedDemoAccounts } from "./demo.ts"
import { DAY, HOUR, onEachDatabase, START, TEST_COST, type TestDatabase, testDatabase } from "./dossier.test-support.ts"
import { memoryLogger } from "./logging.ts"
import type { ApiRuntime } from "./runtime.ts"
import { type RunningServer, startServer } from "./server.ts"
import { data } from "./testing.test-support.ts"

/** Rows of a query on the runtime's database. */
async function query<T>(runtime: ApiRuntime, text: string): Promise<T[]> {
  const result = await runtime.run(
    SqlDatabase.use(({ db }) =>
      Effect.promise(() => sql.raw<T>(text).execute(db as unknown as Kysely<unknown>)),
    ) as never,
  )
  if (result._tag === "Failure") throw result.failure
  return (result.success as { rows: T[] }).rows
}

/** Waits until `done` holds (polling); fails with `what` after a generous time. */
async function until(what: string, done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1500; i++) {
    if (await done()) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`timed out waiting for ${what}`)
}

interface Client {
  readonly post: (path: string, body: unknown, headers?: Record<string, string>) => Promise<Response>
}

const client = (server: RunningServer, headers: Record<string, string>): Client => ({
  post: (path, body, extra = {}) =>
    fetch(`http://127.0.0.1:${server.port}${path}`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json", ...extra },
      body: JSON.stringify(body),
    }),
})

async function signIn(server: RunningServer, username: string): Promise<Client> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  if (response.status !== 200) throw new Error(`sign-in of ${username}: ${response.status}`)
  const { csrfToken } = (await response.json()) as { csrfToken: string }
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ")
  return client(server, { cookie, "x-csrf-token": csrfToken })
}

onEachDatabase("the server's outbox relay", (kind) => {
  const instances = kind === "postgres" ? 2 : 1
  let database: TestDatabase
  let keysDir: string
  let millis = Date.parse(START)
  const now = () => new Date(millis)
  const servers: RunningServer[] = []
  const delivered: DevelopmentCall[] = []

  beforeAll(async () => {
    database = await testDatabase(kind)
    keysDir = mkdtempSync(join(tmpdir(), "motcua-keys-"))
    for (let i = 0; i < instances; i++)
      servers.push(
        await startServer({
          port: 0,
          hostname: "127.0.0.1",
          logger: memoryLogger(),
          data,
          databaseUrl: database.url,
          documentsDir: database.documentsDir,
          developmentKeysDir: keysDir,
          now,
          secureCookies: false,
          // the citizens below sign in with the public demo tokens, which a server accepts only when asked
          env: { MOTCUA_DEMO_CITIZENS: "1" },
          // The test clock jumps days at a time: a lease shorter than the jump would run out while a relay is still
          // delivering a row it claimed just before the jump, and the other relay would deliver it again (delivery
          // is at least once by design). Real clocks do not jump; a lease longer than the test's jumps keeps the
          // exactly-once expectation about the claiming, which is what this test checks.
          relay: { intervalMs: 10, batch: 3, workerId: `relay-${i + 1}`, leaseMs: 30 * DAY },
          maintenance: { intervalMs: 0 },
          developmentLog: (call) => delivered.push(call),
        }),
      )
    const first = servers[0]
    if (first === undefined) throw new Error("no server")
    await seedDemoAccounts(first.runtime, { cost: TEST_COST })
  }, 60_000)
  afterAll(async () => {
    for (const server of servers) await server.close()
    await database?.remove()
    rmSync(keysDir, { recursive: true, force: true })
  })

  it("delivers every outbox row exactly once and fires the deadline checks", async () => {
    const codes: string[] = []
    // eight online filings, alternating between the servers
    for (let i = 0; i < 8; i++) {
      const server = servers[i % servers.length] as RunningServer
      const citizen = client(server, { authorization: "Bearer demo-citizen-022090001234" })
      const filed = await citizen.post("/api/v1/dossiers", residenceFiling(), { "idempotency-key": `relay-${i}` })
      expect(filed.status, await filed.clone().text()).toBe(201)
      codes.push(((await filed.json()) as { code: string }).code)
    }
    // half of them: accepted, handed to the specialist, asked for a supplement due in 3 days
    millis += HOUR
    const supplemented = codes.slice(0, 4)
    for (const [i, code] of supplemented.entries()) {
      const server = servers[i % servers.length] as RunningServer
      const counter = await signIn(server, "cb-hg-01")
      const specialist = await signIn(server, "cv-hg-01")
      const at = (segment: string) => `/api/v1/dossiers/${code}/${segment}`
      // each action names the version its caller saw (required over HTTP): filed at 1, then one per action
      expect((await counter.post(at("accept"), { expectedVersion: 1 })).status).toBe(200)
      const assigned = await counter.post(at("complete-step"), { expectedVersion: 2, assigneeId: "cv-hg-01" })
      expect(assigned.status).toBe(200)
      const asked = await specialist.post(at("request-supplementation"), {
        expectedVersion: 3,
        missing: [{ documentId: "cho-o-hop-phap", description: "Hợp đồng thuê nhà chưa công chứng" }],
        applicantDeadline: new Date(millis + 3 * DAY).toISOString(),
      })
      expect(asked.status, await asked.clone().text()).toBe(200)
    }
    const runtime = (servers[0] as RunningServer).runtime
    const pendingOf = async () =>
      (
        await query<{ n: number | string }>(
          runtime,
          `select count(*) as n from outbox where status <> 'done' and topic <> '${topics.deadlineCheck}'`,
        )
      )[0]?.n
    await until("the relays to deliver the filings' rows", async () => Number(await pendingOf()) === 0)
    // the deadline checks are not due yet: they wait in the outbox
    const waiting = await query<{ n: number | string }>(
      runtime,
      `select count(*) as n from outbox where topic = '${topics.deadlineCheck}' and status = 'pending'`,
    )
    expect(Number(waiting[0]?.n)).toBeGreaterThanOrEqual(supplemented.length)

    // the deadlines pass: the relays fire the checks, which stop the dossiers and notify the applicants (later
    // reminders, of the appointment and of the steps' due times, stay in the outbox until their time)
    millis += 4 * DAY
    const due = () => `status <> 'done' and available_at <= '${now().toISOString()}'`
    await until("every due outbox row to be done", async () => {
      const left = await query<{ n: number | string }>(runtime, `select count(*) as n from outbox where ${due()}`)
      return Number(left[0]?.n) === 0
    })
    const errors = await query<{ last_error: string | null }>(
      runtime,
      "select last_error from outbox where last_error is not null",
    )
    expect(errors).toEqual([])

    const rows = await query<{ id: number | string; topic: string; attempts: number | string; payload: string }>(
      runtime,
      "select id, topic, attempts, payload from outbox where status = 'done' order by id",
    )
    expect(rows.length).toBeGreaterThan(codes.length)
    for (const row of rows) expect(Number(row.attempts), `row ${row.id} (${row.topic})`).toBe(1)
    const count = (key: string, value: string) => delivered.filter((c) => c.fields[key] === value).length
    for (const row of rows) {
      const id = `outbox-${row.id}`
      if (row.topic === topics.portalSync) expect(count("pushId", id), id).toBe(1)
      if (row.topic === topics.notifyApplicant) expect(count("notificationId", id), id).toBe(1)
    }
    // each payment request row opened one request in the payments ledger, with the row's request id
    const asked = rows
      .filter((r) => r.topic === topics.paymentRequest)
      .map((r) => (JSON.parse(r.payload) as { requestId: string }).requestId)
      .sort()
    expect(asked.length).toBe(codes.length)
    const ledger = await query<{ id: string; dossier_code: string }>(
      runtime,
      "select id, dossier_code from payment_request order by id",
    )
    expect(ledger.map((r) => r.id).sort()).toEqual(asked)
    expect(new Set(ledger.map((r) => r.dossier_code))).toEqual(new Set(codes))
    const by = await query<{ claimed_by: string | null }>(
      runtime,
      "select distinct claimed_by from outbox where status = 'done'",
    )
    const workers = servers.map((_, i) => `relay-${i + 1}`)
    for (const row of by) expect(workers).toContain(row.claimed_by)
    const pushes = delivered.filter((c) => c.port === "PortalSync").length
    const notices = delivered.filter((c) => c.port === "Notifier").length
    expect(pushes).toBe(rows.filter((r) => r.topic === topics.portalSync).length)
    expect(notices).toBe(rows.filter((r) => r.topic === topics.notifyApplicant).length)

    // each supplemented dossier was stopped by its deadline check, once; the others were not touched
    const stops = await query<{ dossier_code: string; n: number | string }>(
      runtime,
      "select dossier_code, count(*) as n from audit_entry where action = 'dossier.supplementationDeadlinePassed' group by dossier_code",
    )
    expect(Object.fromEntries(stops.map((s) => [s.dossier_code, Number(s.n)]))).toEqual(
      Object.fromEntries(supplemented.map((code) => [code, 1])),
    )
    for (const code of codes) {
      const lookup = await fetch(`http://127.0.0.1:${servers[0]?.port}/api/v1/lookup/${code}`)
      const status = ((await lookup.json()) as { statusCode: number }).statusCode
      expect(status, code).toBe(supplemented.includes(code) ? 8 : 1)
    }
  }, 120_000)
})
