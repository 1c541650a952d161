// Benchmark: filing a dossier over HTTP through the real API (startServer: hono on @hono/node-server, the use cases,
// SQLite) against a bare hono handler on the same node server adapter doing the same inserts (the same SQL, raw
// better-sqlite3: workloads/bare-filing.ts). The load comes from a second process (workloads/http-load.ts)
// with a fixed number of concurrent keep-alive connections. ABBA rounds; the table gives requests per second and
// p50/p99 latency of each side and the ratios (median of the rounds). After every round both databases must hold
// exactly one dossier, one audit entry, one idempotency row and the template's outbox rows per 201 answer, and every
// answer must be 201, or the run fails. The API's outbox relay (its background work) runs during the API's halves
// only: both servers share this process. docs/performance.md explains the numbers.
//
//   node bench/http.bench.ts            options: --rounds N (default 7, ≥ 5), --round-ms MS (default 2000),
//                                       --concurrency C (default 16), --synchronous NORMAL|FULL (default NORMAL),
//                                       --relay off (the API without its relay: its share)
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { collectGarbage, median } from "./harness/abba.ts"
import { abbaOptions, loadAverage, option } from "./harness/cli.ts"
import { RowsLost } from "./harness/rows.ts"
import { report } from "./harness/table.ts"
import { FILING_BODY, type HttpSide, openHttpSides, startLoader, TOKEN } from "./workloads/http-filing.ts"

const { rounds, roundMs } = abbaOptions(2000)
const concurrency = Number(option("--concurrency") ?? 16)
const synchronous = (option("--synchronous") ?? "NORMAL").toUpperCase() === "FULL" ? "FULL" : "NORMAL"
// `--relay off` runs the API without its outbox relay, to see the relay's share (the bar is measured with it on)
const relay = option("--relay") !== "off"
const TARGET_RPS = 0.8
const TARGET_P99 = 1.3

const percentile = (xs: ReadonlyArray<number>, p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0
}

const loaded = loadQuangNinh()
if (loaded._tag === "Failure") throw new Error("the Quảng Ninh data does not load")
const http = await openHttpSides(loaded.success, synchronous, { relay })
const statementCount = await http.checkStatements()
console.log(`Both sides issue the same ${statementCount} statements per filing (checked in order).`)

const { load, stop: stopLoader } = startLoader()

// Two filings on each side so far: the template and the statements check.
const filed: Record<HttpSide, number> = { api: 2, bare: 2 }
let keys = 0
const half = async (side: HttpSide, requests: number) => {
  // the API's relay works during the API's halves only (both servers share this process)
  if (side === "api") http.resumeRelay()
  else await http.pauseRelay()
  collectGarbage()
  const result = await load({
    url: `http://127.0.0.1:${http.ports[side]}/api/v1/dossiers`,
    token: TOKEN,
    body: FILING_BODY,
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
  filed[side] += created
  http.checkRows(side, filed[side])
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
    `${rounds} ABBA rounds of 2 × ${requests} filings per side, ${concurrency} connections, synchronous=${synchronous}; load ${loadAverage()}`,
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
  console.log(
    `\nFiling over HTTP (POST /api/v1/dossiers), median of ${rounds} ABBA rounds (load at the end ${loadAverage()}):`,
  )
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
  const mode = `SQLite, synchronous=${synchronous}, ${concurrency} connections`
  report("HTTP filing against the bare handler", [
    {
      benchmark: "HTTP filing",
      mode,
      unit: "requests/s",
      measured: m((r) => r.api),
      floor: m((r) => r.bare),
      ratio: rpsRatio,
      ratios: rpsRatios,
      target: { ratio: TARGET_RPS },
    },
    {
      benchmark: "HTTP filing",
      mode,
      unit: "p99 ms",
      measured: m((r) => r.apiP99),
      floor: m((r) => r.bareP99),
      ratio: p99Ratio,
      ratios: p99Ratios,
      target: { ratio: TARGET_P99, atMost: true },
    },
  ])
} catch (error) {
  exitCode = 1
  console.error(error instanceof RowsLost ? `ROWS LOST: ${error.message}` : error)
} finally {
  stopLoader()
  await http.close()
}
process.exit(exitCode)
