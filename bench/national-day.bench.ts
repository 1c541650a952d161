// Benchmark: one national working day (issue 13 §3; workloads/national-day.ts) — N dossiers through the use cases
// by C concurrent clients over one storage, every change pushed through the outbox to the portal simulator by the
// relay; every row checked afterwards. Target: the full day (300,000 dossiers, ≈2.5 million transitions) in ≤ 10
// minutes. Not an ABBA comparison: one run, its figures printed with the load average.
//
//   node bench/national-day.bench.ts [--dossiers N (300000)] [--clients C (64)] [--storage sqlite|pg]
//                                    [--batch B (group commit, 64)] [--relay R (relay deliveries at once, 16)]
//                                    [--wait-ms W (group commit: longest a batch stays open, 0)]
//                                    [--relay-process (`motcua outbox relay` in a process of its own, not inline)]
//   --storage pg needs MOTCUA_TEST_PG_URL (a fresh database is made there and dropped after).
import { testPostgresUrl } from "@motcua/storage-sql/testing"
import { option } from "./harness/cli.ts"
import { runNationalDay } from "./workloads/national-day.ts"

const args = process.argv.slice(2)
const positive = (name: string, fallback: number) => {
  const value = Number(option(name) ?? fallback)
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`${name} phải là số nguyên dương (must be a positive integer), nhận "${option(name)}"`)
    process.exit(2)
  }
  return value
}
function waitMs() {
  const value = Number(option("--wait-ms") ?? 0)
  if (!Number.isFinite(value) || value < 0 || value > 1000) {
    console.error(`--wait-ms phải từ 0 đến 1000 (must be 0…1000), nhận "${option("--wait-ms")}"`)
    process.exit(2)
  }
  return value
}
const storage = option("--storage") ?? "sqlite"
if (storage !== "sqlite" && storage !== "pg") {
  console.error(`--storage phải là sqlite hoặc pg (must be sqlite or pg), nhận "${storage}"`)
  process.exit(2)
}
const TARGET_SECONDS_FULL_DAY = 600
const dossiers = positive("--dossiers", 300_000)
const pgUrl = testPostgresUrl()
const result = await runNationalDay({
  dossiers,
  clients: positive("--clients", 64),
  storage,
  ...(pgUrl === undefined ? {} : { pgUrl }),
  batch: positive("--batch", 64),
  waitMs: waitMs(),
  relayConcurrency: positive("--relay", 16),
  relay: args.includes("--relay-process") ? "process" : "inline",
})
const ms = (n: number) => n.toFixed(2)
console.log(
  `\n${result.dossiers} dossiers, ${result.transitions} transitions in ${result.seconds.toFixed(1)} s: ` +
    `${result.transitionsPerSecond.toFixed(0)} transitions/s; load ${result.load}`,
)
console.log(`channels: ${JSON.stringify(result.byChannel)}`)
console.log(`final states: ${JSON.stringify(result.byFinalState)}`)
console.log(
  `outbox lag when the clients finished: ${result.lagRows} portal rows, drained ${result.lagSeconds.toFixed(1)} s later; ` +
    `${result.portalRows} portal pushes delivered; peak RSS ${result.peakRssMb.toFixed(0)} MB`,
)
console.log("action                          count     p50 ms    p99 ms")
for (const a of result.actions)
  console.log(`${a.label.padEnd(30)} ${String(a.count).padStart(7)} ${ms(a.p50).padStart(9)} ${ms(a.p99).padStart(9)}`)
const { cpu, batches } = result
console.log(
  `CPU seconds while the clients worked (${cpu.wallSeconds.toFixed(1)} s wall, 2 cores): clients ${cpu.clients.toFixed(1)}` +
    ` (${((100 * cpu.clients) / cpu.wallSeconds).toFixed(0)} % of a core), relay ${cpu.relay === 0 ? "(in the clients' process)" : cpu.relay.toFixed(1)}` +
    `${result.lagRows > 0 ? " (until drained)" : ""}, portal-sim ${cpu.portalSim.toFixed(1)}`,
)
if (batches !== undefined)
  console.log(
    `group commit: ${batches.commits} COMMITs for ${batches.operations} operations (${(batches.operations / Math.max(1, batches.commits)).toFixed(1)} a COMMIT); ` +
      `operations per COMMIT p50 ${batches.p50} p99 ${batches.p99} max ${batches.max}; COMMIT ms p50 ${ms(batches.commitMsP50)} p99 ${ms(batches.commitMsP99)}\n` +
      `  histogram (≤ size: COMMITs) ${batches.histogram.map(([b, n]) => `≤${b}: ${n}`).join(", ")}`,
  )
const perDossier = result.seconds / result.dossiers
console.log(
  `the full day (300,000 dossiers) at this rate: ~${((perDossier * 300_000) / 60).toFixed(0)} min (target ≤ ${TARGET_SECONDS_FULL_DAY / 60} min)`,
)
process.exit(0)
