// Benchmark: filing a dossier over HTTP through the real API (startServer: hono on @hono/node-server, the use cases,
// SQLite) against a bare hono handler on the same node server adapter doing the same inserts (the same SQL, raw
// better-sqlite3: apps/api/bench/bare-filing.ts). The load comes from a second process (apps/api/bench/http-load.ts)
// with a fixed number of concurrent keep-alive connections. ABBA rounds; the table gives requests per second and
// p50/p99 latency of each side and the ratios (median of the rounds). After every round both databases must hold
// exactly one dossier, one audit entry, one idempotency row and the template's outbox rows per 201 answer, and every
// answer must be 201, or the run fails. docs/performance.md explains the numbers.
//
//   node bench/http.bench.ts            options: --rounds N (default 7, ≥ 5), --round-ms MS (default 2000),
//                                       --concurrency C (default 16), --synchronous NORMAL|FULL (default NORMAL)
import { fork } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { openSqlite } from "../adapters/storage-sql/src/index.ts"
import { FILING_SQL, type FilingTemplate, startBareServer } from "../apps/api/bench/bare-filing.ts"
import type { LoadRequest, LoadResult } from "../apps/api/bench/http-load.ts"
import { startServer } from "../apps/api/src/index.ts"
import { jsonLogger } from "../apps/api/src/logging.ts"
import { loadQuangNinh } from "../packages/catalog-quangninh/src/index.ts"

const args = process.argv.slice(2)
const option = (name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const rounds = Math.max(5, Number(option("--rounds") ?? 7))
const roundMs = Number(option("--round-ms") ?? 2000)
const concurrency = Number(option("--concurrency") ?? 16)
const synchronous = (option("--synchronous") ?? "NORMAL").toUpperCase() === "FULL" ? "FULL" : "NORMAL"
const TARGET_RPS = 0.8
const TARGET_P99 = 1.3

const TOKEN = "demo-citizen-022090001234"
const CITIZEN = "022090001234"
const body = JSON.stringify({
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
  documents: [
    { id: "ct01", digitised: true },
    { id: "cho-o-hop-phap", fromEWallet: true },
  ],
})

/** A clock from Monday 6 October 2025 08:00 (Vietnam) moving 10 s per reading: under 9 999 filings a day. */
const steppingClock = () => {
  let millis = Date.parse("2025-10-06T01:00:00.000Z")
  return () => {
    millis += 10_000
    return new Date(millis)
  }
}

const collectGarbage: () => void = (() => {
  setFlagsFromString("--expose-gc")
  return runInNewContext("gc") as () => void
})()
const median = (xs: ReadonlyArray<number>) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}
const percentile = (xs: ReadonlyArray<number>, p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0
}

const loaded = loadQuangNinh()
if (loaded._tag === "Failure") throw new Error("the Quảng Ninh data does not load")
const folder = mkdtempSync(join(tmpdir(), "motcua-bench-http-"))
const apiFile = join(folder, "api.sqlite")
const silent = jsonLogger(() => {})
const api = await startServer({
  port: 0,
  hostname: "127.0.0.1",
  databaseUrl: `sqlite:${apiFile}?synchronous=${synchronous}`,
  documentsDir: join(folder, "documents"),
  data: loaded.success,
  logger: silent,
  secureCookies: false,
  now: steppingClock(),
  // the load files as a demo citizen, whose public token a server accepts only when asked
  env: { ...process.env, MOTCUA_DEMO_CITIZENS: "1" },
})

// Counting rows through a connection of our own (WAL: readers do not block the writer, and we count between halves).
const counter = (file: string) => {
  const { raw } = openSqlite({ file, synchronous })
  const count = raw.prepare(
    "select (select count(*) from dossier) as dossiers, (select count(*) from audit_entry) as audit, (select count(*) from outbox) as outbox, (select count(*) from idempotency) as idempotency",
  )
  return {
    counts: () => count.get() as { dossiers: number; audit: number; outbox: number; idempotency: number },
    close: () => raw.close(),
  }
}

const post = (port: number, key: string) =>
  fetch(`http://127.0.0.1:${port}/api/v1/dossiers`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}`, "idempotency-key": key },
    body,
  })

// The template: one filing through the API, read back from its database.
const first = await post(api.port, "template")
if (first.status !== 201) throw new Error(`the API refused the filing: ${first.status} ${await first.text()}`)
const template: FilingTemplate = (() => {
  const { raw } = openSqlite({ file: apiFile, synchronous })
  try {
    const row = raw.prepare("select * from dossier").get() as FilingTemplate["row"]
    const audit = raw.prepare("select actor, action, detail from audit_entry").get() as FilingTemplate["audit"]
    const outbox = raw.prepare("select topic, payload from outbox order by id").all() as FilingTemplate["outbox"]
    return { code: String(row.code), row, audit, outbox }
  } finally {
    raw.close()
  }
})()
const OUTBOX_PER_FILING = template.outbox.length

const bare = await startBareServer({
  file: join(folder, "bare.sqlite"),
  synchronous,
  template,
  token: TOKEN,
  citizenId: CITIZEN,
  now: steppingClock(),
})
await post(bare.port, "template")

// Both sides must issue the same statements, in the same order, for a filing.
{
  const { raw } = openSqlite({ file: join(folder, "probe.sqlite"), synchronous })
  const proto = Object.getPrototypeOf(raw.prepare("select 1")) as Record<string, (...a: unknown[]) => unknown>
  raw.close()
  const methods = ["run", "get", "all", "iterate"] as const
  const originals = methods.map((m) => proto[m] as (...a: unknown[]) => unknown)
  let seen: string[] = []
  methods.forEach((m, i) => {
    const original = originals[i] as (...a: unknown[]) => unknown
    proto[m] = function (this: { source: string }, ...a: unknown[]) {
      seen.push(this.source)
      return original.apply(this, a)
    }
  })
  try {
    await post(api.port, "statements")
    const apiSeen = seen
    seen = []
    await post(bare.port, "statements")
    const bareSeen = seen
    const expected = [
      FILING_SQL.begin,
      FILING_SQL.idempotencyInsert,
      FILING_SQL.nextSequence,
      FILING_SQL.insertDossier,
      FILING_SQL.readHead,
      FILING_SQL.insertAudit,
      FILING_SQL.updateHead,
      ...template.outbox.map(() => FILING_SQL.insertOutbox),
      FILING_SQL.documentIds,
      FILING_SQL.idempotencyAnswer,
      FILING_SQL.commit,
    ]
    for (const [name, list] of [
      ["API", apiSeen],
      ["bare handler", bareSeen],
    ] as const) {
      if (list.length !== expected.length || list.some((s, i) => s !== expected[i])) {
        throw new Error(`the ${name} issues other statements for a filing:\n  ${list.join("\n  ")}`)
      }
    }
    console.log(`Both sides issue the same ${expected.length} statements per filing (checked in order).`)
  } finally {
    methods.forEach((m, i) => {
      proto[m] = originals[i] as (...a: unknown[]) => unknown
    })
  }
}

const loader = fork(fileURLToPath(new URL("../apps/api/bench/http-load.ts", import.meta.url)), [], {
  stdio: ["ignore", "inherit", "inherit", "ipc"],
})
const load = (request: LoadRequest) =>
  new Promise<LoadResult>((resolve, reject) => {
    loader.once("message", (message: LoadResult | { error: string }) =>
      "error" in message ? reject(new Error(message.error)) : resolve(message),
    )
    loader.send(request)
  })

class RowsLost extends Error {}
const sides = {
  api: { port: api.port, file: apiFile, filed: 2 },
  bare: { port: bare.port, file: join(folder, "bare.sqlite"), filed: 2 },
}
let keys = 0
const half = async (side: keyof typeof sides, requests: number) => {
  const s = sides[side]
  collectGarbage()
  const result = await load({
    url: `http://127.0.0.1:${s.port}/api/v1/dossiers`,
    token: TOKEN,
    body,
    requests,
    concurrency,
    keyPrefix: `k${keys++}`,
  })
  const created = result.statuses["201"] ?? 0
  if (created !== requests) {
    throw new RowsLost(
      `${side}: ${created} of ${requests} filings answered 201 (${JSON.stringify(result.statuses)}) ${result.sample ?? ""}`,
    )
  }
  s.filed += created
  const c = counter(s.file)
  try {
    const n = c.counts()
    const expected = { dossiers: s.filed, audit: s.filed, outbox: s.filed * OUTBOX_PER_FILING, idempotency: s.filed }
    if (
      n.dossiers !== expected.dossiers ||
      n.audit !== expected.audit ||
      n.outbox !== expected.outbox ||
      n.idempotency !== expected.idempotency
    ) {
      throw new RowsLost(`${side}: expected ${JSON.stringify(expected)}, found ${JSON.stringify(n)}`)
    }
  } finally {
    c.close()
  }
  return result
}

let exitCode = 0
try {
  // Warm-up (JIT, statement caches), which also sizes the rounds.
  await half("api", 400)
  const warm = await half("bare", 400)
  const perRequestMs = warm.ms / 400
  const requests = Math.max(200, Math.round(roundMs / 2 / perRequestMs))
  console.log(
    `${rounds} ABBA rounds of 2 × ${requests} filings per side, ${concurrency} connections, synchronous=${synchronous}`,
  )
  const rows: Array<{ api: number; bare: number; apiP50: number; bareP50: number; apiP99: number; bareP99: number }> =
    []
  for (let round = 0; round < rounds; round += 1) {
    const a1 = await half("api", requests)
    const b1 = await half("bare", requests)
    const b2 = await half("bare", requests)
    const a2 = await half("api", requests)
    const apiLat = [...a1.latencies, ...a2.latencies]
    const bareLat = [...b1.latencies, ...b2.latencies]
    const r = {
      api: (2 * requests * 1000) / (a1.ms + a2.ms),
      bare: (2 * requests * 1000) / (b1.ms + b2.ms),
      apiP50: percentile(apiLat, 50),
      bareP50: percentile(bareLat, 50),
      apiP99: percentile(apiLat, 99),
      bareP99: percentile(bareLat, 99),
    }
    rows.push(r)
    console.log(
      `  round ${round + 1}: API ${r.api.toFixed(0)}/s p99 ${r.apiP99.toFixed(1)} ms, bare ${r.bare.toFixed(0)}/s p99 ${r.bareP99.toFixed(1)} ms, ratio ${(r.api / r.bare).toFixed(3)}, p99 ×${(r.apiP99 / r.bareP99).toFixed(2)}`,
    )
  }
  const rpsRatios = rows.map((r) => r.api / r.bare)
  const p99Ratios = rows.map((r) => r.apiP99 / r.bareP99)
  const m = (f: (r: (typeof rows)[number]) => number) => median(rows.map(f))
  const rpsRatio = median(rpsRatios)
  const p99Ratio = median(p99Ratios)
  console.log(`\nFiling over HTTP (POST /api/v1/dossiers), median of ${rounds} ABBA rounds:`)
  console.log("| side | requests/s | p50 ms | p99 ms |")
  console.log("| --- | ---: | ---: | ---: |")
  console.log(
    `| API (startServer, use cases, SQLite) | ${m((r) => r.api).toFixed(0)} | ${m((r) => r.apiP50).toFixed(1)} | ${m((r) => r.apiP99).toFixed(1)} |`,
  )
  console.log(
    `| bare hono handler, raw better-sqlite3 | ${m((r) => r.bare).toFixed(0)} | ${m((r) => r.bareP50).toFixed(1)} | ${m((r) => r.bareP99).toFixed(1)} |`,
  )
  console.log(
    `| ratio | ${rpsRatio.toFixed(3)}× (${Math.min(...rpsRatios).toFixed(2)}–${Math.max(...rpsRatios).toFixed(2)}), target ≥ ${TARGET_RPS}: ${rpsRatio >= TARGET_RPS ? "met" : "MISSED"} | | ${p99Ratio.toFixed(2)}× (${Math.min(...p99Ratios).toFixed(2)}–${Math.max(...p99Ratios).toFixed(2)}), target ≤ ${TARGET_P99}: ${p99Ratio <= TARGET_P99 ? "met" : "MISSED"} |`,
  )
} catch (error) {
  exitCode = 1
  console.error(error instanceof RowsLost ? `ROWS LOST: ${error.message}` : error)
} finally {
  loader.send("exit")
  await api.close()
  await bare.close()
  rmSync(folder, { recursive: true, force: true })
}
process.exit(exitCode)
