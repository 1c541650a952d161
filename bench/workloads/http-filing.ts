// The HTTP filing workload of http.bench.ts: the real API (startServer: hono on @hono/node-server, the use cases,
// SQLite) and the bare handler (bare-filing.ts: the same statements on the SQLite floor), each on its own file; a
// template filing made through the API; the check that both execute the same statements in the same order for a
// filing; and the row check. `smokeHttp` runs those checks on one filing per side, for the test suite.
import { fork } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { DEFAULT_RELAY, jsonLogger, startRelay, startServer } from "@motcua/api"
import type { QuangNinhData } from "@motcua/catalog-quangninh"
import { openSqlite, type SqliteSynchronous } from "@motcua/storage-sql"
import { SQL } from "../floors/sql.ts"
import { RowsLost } from "../harness/rows.ts"
import { recordStatements } from "../harness/statements.ts"
import { type FilingTemplate, startBareServer } from "./bare-filing.ts"
import type { LoadRequest, LoadResult } from "./http-load.ts"

export const TOKEN = "demo-citizen-022090001234"
const CITIZEN = "022090001234"
export const FILING_BODY = JSON.stringify({
  procedureCode: "1.004222",
  applicant: {
    id: CITIZEN,
    name: "Nguyễn Văn An",
    kind: "citizen",
    address: "Tổ 5, khu 3, phường Hồng Gai",
    phone: "0912345678",
  },
  residence: { provinceCode: "22", unitCode: "06685" },
  subjectUnitCode: "06685",
  summary: "Đăng ký thường trú tại Tổ 5, khu 3, phường Hồng Gai",
  // the documents as listed; a flag declared here would count for nothing (only recorded papers flag a document)
  documents: [{ id: "ct01" }, { id: "cho-o-hop-phap" }],
})

/** A clock from Monday 6 October 2025 08:00 (Vietnam) moving 10 s per reading: under 9 999 filings a day. */
export const steppingClock = () => {
  let millis = Date.parse("2025-10-06T01:00:00.000Z")
  return () => {
    millis += 10_000
    return new Date(millis)
  }
}

export type HttpSide = "api" | "bare"

export interface FilingCounts {
  readonly dossiers: number
  readonly audit: number
  readonly outbox: number
  readonly idempotency: number
}

export interface HttpSides {
  readonly ports: Readonly<Record<HttpSide, number>>
  readonly template: FilingTemplate
  readonly post: (port: number, key: string) => Promise<Response>
  /** Both sides execute the same statements, in order, for one filing; returns how many. */
  readonly checkStatements: () => Promise<number>
  /** Each side holds the rows of `filed` filings (one dossier, audit entry and idempotency row each). */
  readonly checkRows: (side: HttpSide, filed: number) => void
  /**
   * The API's outbox relay (the server's own schedule, on its runtime) paused and resumed: it is the API's background
   * work, and both servers share this process, so it must not run while the bare handler is measured. Running from
   * the start unless `relay: false`; resuming runs a pass at once.
   */
  readonly pauseRelay: () => Promise<void>
  readonly resumeRelay: () => void
  readonly close: () => Promise<void>
}

/** `relay: false` runs the API without its outbox relay (to measure the relay's share; the bench keeps it on). */
export async function openHttpSides(
  data: QuangNinhData,
  synchronous: SqliteSynchronous,
  options: { readonly relay?: boolean } = {},
): Promise<HttpSides> {
  const folder = mkdtempSync(join(tmpdir(), "motcua-bench-http-"))
  const files: Record<HttpSide, string> = { api: join(folder, "api.sqlite"), bare: join(folder, "bare.sqlite") }
  const api = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    databaseUrl: `sqlite:${files.api}?synchronous=${synchronous}`,
    documentsDir: join(folder, "documents"),
    data,
    logger: jsonLogger(() => {}),
    secureCookies: false,
    now: steppingClock(),
    // the load files as a demo citizen, whose public token a server accepts only when asked
    env: { ...process.env, MOTCUA_DEMO_CITIZENS: "1" },
    // the relay is started below, on the server's runtime, so that it can be paused
    relay: { intervalMs: 0 },
  })
  let relay: ReturnType<typeof startRelay>
  const resumeRelay = () => {
    if (options.relay === false || relay !== undefined) return
    const task = startRelay(
      api.runtime,
      DEFAULT_RELAY,
      jsonLogger(() => {}),
    )
    relay = task
    void task?.runNow()
  }
  const pauseRelay = async () => {
    const running = relay
    relay = undefined
    await running?.stop()
  }
  resumeRelay()
  const post = (port: number, key: string) =>
    fetch(`http://127.0.0.1:${port}/api/v1/dossiers`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}`, "idempotency-key": key },
      body: FILING_BODY,
    })
  // The template: one filing through the API, read back from its database.
  const first = await post(api.port, "template")
  if (first.status !== 201) throw new Error(`the API refused the filing: ${first.status} ${await first.text()}`)
  const template: FilingTemplate = (() => {
    const { raw } = openSqlite({ file: files.api, synchronous })
    try {
      const row = raw.prepare("select * from dossier").get() as FilingTemplate["row"]
      const audit = raw.prepare("select actor, action, detail from audit_entry").get() as FilingTemplate["audit"]
      const outbox = raw
        .prepare("select topic, payload, ordering_key from outbox order by id")
        .all() as FilingTemplate["outbox"]
      const owners = (raw.prepare("select owner_id from dossier_owner").all() as Array<{ owner_id: string }>).map(
        (o) => o.owner_id,
      )
      return { code: String(row.code), row, audit, outbox, owners }
    } finally {
      raw.close()
    }
  })()
  const bare = await startBareServer({
    file: files.bare,
    synchronous,
    template,
    token: TOKEN,
    citizenId: CITIZEN,
    now: steppingClock(),
  })
  const bareFirst = await post(bare.port, "template")
  if (bareFirst.status !== 201) throw new Error(`the bare handler failed: ${await bareFirst.text()}`)
  return {
    ports: { api: api.port, bare: bare.port },
    template,
    post,
    checkStatements: async () => {
      const expected = [
        SQL.begin,
        SQL.idempotencyInsert,
        SQL.nextSequence,
        SQL.insertDossier,
        ...template.owners.map(() => SQL.insertOwner),
        SQL.readHead,
        SQL.insertAudit,
        SQL.updateHead,
        ...template.outbox.map(() => SQL.insertOutbox),
        SQL.documentIds,
        SQL.idempotencyAnswer,
        SQL.commit,
      ]
      for (const [name, port] of [
        ["API", api.port],
        ["bare handler", bare.port],
      ] as const) {
        const { result, statements } = await recordStatements(() => post(port, "statements"))
        if (result.status !== 201) throw new Error(`the ${name} answered ${result.status}: ${await result.text()}`)
        if (statements.length !== expected.length || statements.some((s, i) => s !== expected[i])) {
          throw new Error(`the ${name} issues other statements for a filing:\n  ${statements.join("\n  ")}`)
        }
      }
      return expected.length
    },
    checkRows: (side, filed) => {
      // Counted through a connection of our own (WAL: readers do not block the writer).
      const { raw } = openSqlite({ file: files[side], synchronous })
      try {
        const n = raw
          .prepare(
            "select (select count(*) from dossier) as dossiers, (select count(*) from audit_entry) as audit, (select count(*) from outbox) as outbox, (select count(*) from idempotency) as idempotency",
          )
          .get() as FilingCounts
        const expected = { dossiers: filed, audit: filed, outbox: filed * template.outbox.length, idempotency: filed }
        if (
          n.dossiers !== expected.dossiers ||
          n.audit !== expected.audit ||
          n.outbox !== expected.outbox ||
          n.idempotency !== expected.idempotency
        ) {
          throw new RowsLost(`${side}: expected ${JSON.stringify(expected)}, found ${JSON.stringify(n)}`)
        }
      } finally {
        raw.close()
      }
    },
    pauseRelay,
    resumeRelay,
    close: async () => {
      await pauseRelay()
      await api.close()
      await bare.close()
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

/** The smoke run for the test suite: the template filing and one checked filing per side, no timing. */
export async function smokeHttp(data: QuangNinhData, synchronous: SqliteSynchronous = "NORMAL"): Promise<number> {
  const sides = await openHttpSides(data, synchronous)
  try {
    const statements = await sides.checkStatements()
    sides.checkRows("api", 2)
    sides.checkRows("bare", 2)
    return statements
  } finally {
    await sides.close()
  }
}

/**
 * The load generator (http-load.ts) in a process of its own, so that its requests do not share the measured
 * server's CPU time: `load` runs one request batch there and answers its result; `stop` ends the process.
 */
export function startLoader() {
  const loader = fork(fileURLToPath(new URL("./http-load.ts", import.meta.url)), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  })
  const load = (request: LoadRequest) =>
    new Promise<LoadResult>((resolve, reject) => {
      loader.once("message", (message: LoadResult | { error: string }) =>
        "error" in message ? reject(new Error(message.error)) : resolve(message),
      )
      loader.send(request)
    })
  return { load, stop: () => loader.send("exit") }
}
