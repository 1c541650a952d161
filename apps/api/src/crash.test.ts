// A server process killed with SIGKILL — between requests and while requests are in flight — loses nothing it
// acknowledged, on SQLite and on PostgreSQL. The real server (main.ts) runs as a child process over a database
// seeded with the demo accounts; clients file dossiers and accept them, remembering every 2xx; the server is killed
// at random moments and restarted. Afterwards every acknowledged dossier is at least at the acknowledged version,
// its audit trail has an entry per acknowledged version, and the audit chain verifies.
import { type ChildProcess, spawn } from "node:child_process"
import { join } from "node:path"
import { createInterface } from "node:readline"
import { describeOnPostgres } from "@motcua/storage-sql/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { seedDemoAccounts } from "./demo.ts"
import {
  citizen,
  onEachDatabase,
  residenceFiling,
  TEST_COST,
  type TestDatabase,
  testDatabase,
} from "./dossier.test-support.ts"
import { createRuntime } from "./runtime.ts"
import { data } from "./testing.test-support.ts"
import { sessionHeaders } from "./testing.ts"

const MAIN = join(import.meta.dirname, "main.ts")

interface Server {
  readonly child: ChildProcess
  readonly base: string
}

/** Starts main.ts and waits for its "listening" line; rejects with its output if it stops first. */
function startServer(database: TestDatabase): Promise<Server> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: "0",
      MOTCUA_SECURE_COOKIES: "false",
      MOTCUA_DOCUMENTS_DIR: database.documentsDir,
      // the test files as a demo citizen, whose public token a server accepts only when asked
      MOTCUA_DEMO_CITIZENS: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  })
  return new Promise((resolve, reject) => {
    const output: string[] = []
    child.stderr?.on("data", (chunk) => output.push(String(chunk)))
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
      output.push(line)
      try {
        const entry = JSON.parse(line) as { message?: string; port?: number }
        if (entry.message === "listening" && entry.port !== undefined)
          resolve({ child, base: `http://127.0.0.1:${entry.port}` })
      } catch {
        // not a log line
      }
    })
    child.once("exit", (code) => reject(new Error(`server exited (${code}) before listening:\n${output.join("\n")}`)))
  })
}

const kill = (server: Server) =>
  new Promise<void>((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve()
    server.child.once("exit", () => resolve())
    server.child.kill("SIGKILL")
  })

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** What the server acknowledged: dossier code → highest version answered with a 2xx. */
type Acknowledged = Map<string, number>

/** Files and accepts dossiers until the server goes away; records every 2xx. */
async function client(
  base: string,
  worker: number,
  acknowledged: Acknowledged,
  counter: Record<string, string>,
  stopped: () => boolean,
) {
  for (let i = 0; !stopped(); i++) {
    try {
      const filed = await fetch(`${base}/api/v1/dossiers`, {
        method: "POST",
        headers: {
          ...citizen().headers,
          "content-type": "application/json",
          "idempotency-key": `w${worker}-${Date.now()}-${i}`,
        },
        body: JSON.stringify(residenceFiling()),
      })
      if (filed.status !== 201) throw new Error(`filing answered ${filed.status}`)
      const { code, version } = (await filed.json()) as { code: string; version: number }
      acknowledged.set(code, version)
      const accepted = await fetch(`${base}/api/v1/dossiers/${code}/accept`, {
        method: "POST",
        headers: { ...counter, "content-type": "application/json" },
        body: JSON.stringify({ expectedVersion: version }),
      })
      if (accepted.status !== 200) throw new Error(`accept answered ${accepted.status}`)
      acknowledged.set(code, ((await accepted.json()) as { version: number }).version)
    } catch (error) {
      // the server was killed: whatever had no answer was not acknowledged
      if (error instanceof TypeError) return
      throw error
    }
  }
}

/** The kills, on a database of `kind` opened with the URL's `options` (e.g. group commit). */
function crashes(kind: "sqlite" | "postgres", options = "") {
  let database: TestDatabase
  let server: Server | undefined
  beforeAll(async () => {
    const created = await testDatabase(kind)
    database = { ...created, url: `${created.url}${options}` }
    const runtime = await createRuntime({ data, databaseUrl: database.url, documentsDir: database.documentsDir })
    try {
      await seedDemoAccounts(runtime, { cost: TEST_COST })
    } finally {
      await runtime.dispose()
    }
  }, 60_000)
  afterAll(async () => {
    if (server !== undefined) await kill(server)
    await database?.remove()
  })

  it("every 2xx survives four kills; the audit chain verifies", async () => {
    const acknowledged: Acknowledged = new Map()
    for (let round = 0; round < 4; round++) {
      server = await startServer(database)
      const counter = await sessionHeaders(server.base, "cb-hg-01")
      let stopping = false
      const base = server.base
      const running = [0, 1, 2].map((w) => client(base, w, acknowledged, counter, () => stopping))
      await sleep(150 + Math.floor(Math.random() * 350))
      // Even rounds: kill while requests are in flight; odd rounds: let the clients finish, kill between requests.
      if (round % 2 === 1) {
        stopping = true
        await Promise.all(running)
      }
      await kill(server)
      await Promise.all(running)
    }
    expect(acknowledged.size).toBeGreaterThan(0)

    server = await startServer(database)
    const auditor = await sessionHeaders(server.base, "tt-01")
    const counter = await sessionHeaders(server.base, "cb-hg-01")
    for (const [code, version] of acknowledged) {
      const dossier = await fetch(`${server.base}/api/v1/dossiers/${code}`, { headers: counter })
      expect(dossier.status, code).toBe(200)
      expect(((await dossier.json()) as { version: number }).version).toBeGreaterThanOrEqual(version)
      const audit = await fetch(`${server.base}/api/v1/dossiers/${code}/audit`, { headers: auditor })
      expect(((await audit.json()) as { total: number }).total).toBeGreaterThanOrEqual(version)
    }
    const chain = await fetch(`${server.base}/api/v1/audit/chain`, { headers: auditor })
    expect(await chain.json()).toMatchObject({ _tag: "Intact" })
  }, 300_000)
}

onEachDatabase("SIGKILL between and during requests loses nothing acknowledged", (kind) => crashes(kind))

// Group commit answers a request only after its batch's COMMIT: a kill while batches are open loses only what was
// not answered yet. Batches of up to 16 requests held open up to 5 ms, so kills land inside open batches.
describe("SIGKILL between and during requests loses nothing acknowledged — SQLite with group commit", () =>
  crashes("sqlite", "?group_commit=16&group_commit_wait_ms=5"))
describeOnPostgres(
  "SIGKILL between and during requests loses nothing acknowledged — PostgreSQL with group commit",
  () => crashes("postgres", "?group_commit=16&group_commit_wait_ms=5"),
)
