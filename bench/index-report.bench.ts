// Benchmark (issue 15): the Decision 766 index report of a month and of a year over a large store — by default
// 1,000,000 dossiers over the sample province's 54 units, 48 procedures and three years (workloads/index-report.ts) —
// against hand-written SQL computing the same counts in the same run, on SQLite. ABBA rounds (report, floor, floor,
// report), a full GC before each timed side, the median of the per-round ratios floor time ÷ report time (≥ 0.9× is
// the bar: the report may take at most ~11% longer than the bare counting). After every round the report's numbers
// must equal the floor's for every handling unit, or the run fails. Then the API server's memory: a separate process
// with the server's process settings, running the API (createRuntime + createApp, as `motcua serve` does, without
// the TCP listener), reports its resident set at rest and the peak during GET /api/v1/reports/index for the month and
// for the year (workloads/index-report-server.ts); the bar is < 150 MB for each. docs/performance.md explains it and
// keeps one run's figures.
//
//   node bench/index-report.bench.ts                      # 1,000,000 dossiers, 5 rounds
//   node bench/index-report.bench.ts --dossiers 100000 --rounds 3 --keep /tmp/index.sqlite
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { Result } from "effect"
import { collectGarbage, median } from "./harness/abba.ts"
import { loadAverage } from "./harness/cli.ts"
import { type BenchRow, report } from "./harness/table.ts"
import { buildIndexDatabase, checkEqual, floorRunner, reportRunner, serverMemory } from "./workloads/index-report.ts"

/** The bar on the API server's resident set, at rest and during each report (issue 15). */
const RSS_BAR_MB = 150

const args = process.argv.slice(2)
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const count = Number(option("--dossiers") ?? 1_000_000)
const rounds = Math.max(3, Number(option("--rounds") ?? 5))
const keep = option("--keep")
const data = Result.getOrThrow(loadQuangNinh())

const folder = mkdtempSync(join(tmpdir(), "motcua-bench-index-"))
const file = keep ?? join(folder, "index.sqlite")
try {
  const started = Date.now()
  const built = existsSync(file)
    ? { file, dossiers: count, units: 54, procedures: 48, petitions: Number.NaN, ratings: Number.NaN }
    : await buildIndexDatabase(file, data, count)
  console.log(
    `database: ${built.dossiers} dossiers, ${built.units} units, ${built.procedures} procedures, ${built.petitions} petitions, ` +
      `${built.ratings} ratings (${((Date.now() - started) / 1000).toFixed(0)} s); load average ${loadAverage()}`,
  )
  const measured = reportRunner(file, data)
  const floor = floorRunner(file, data)
  const time = async (f: () => unknown) => {
    collectGarbage()
    const t = performance.now()
    await f()
    return performance.now() - t
  }
  const rows: BenchRow[] = []
  for (const period of ["2025-06", "2025"]) {
    // warm-up: the first report computes nothing (facts are current) but warms the caches, as the floor's does
    checkEqual(await measured.run(period), floor.run(period).dossiers)
    const ratios: number[] = []
    const reportMs: number[] = []
    const floorMs: number[] = []
    for (let round = 0; round < rounds; round++) {
      const a1 = await time(() => measured.run(period))
      const b1 = await time(() => floor.run(period))
      const b2 = await time(() => floor.run(period))
      const a2 = await time(() => measured.run(period))
      const compared = checkEqual(await measured.run(period), floor.run(period).dossiers)
      ratios.push((b1 + b2) / (a1 + a2))
      reportMs.push((a1 + a2) / 2)
      floorMs.push((b1 + b2) / 2)
      console.log(
        `${period} round ${round + 1}: report ${((a1 + a2) / 2).toFixed(0)} ms, floor ${((b1 + b2) / 2).toFixed(0)} ms, ` +
          `ratio ${((b1 + b2) / (a1 + a2)).toFixed(3)} (numbers equal for ${compared} units; load ${loadavg()[0]?.toFixed(1)})`,
      )
    }
    rows.push({
      benchmark: `766 index report, ${period.length === 4 ? "year" : "month"} of ${count} dossiers`,
      mode: "SQLite",
      unit: "ms (median)",
      measured: median(reportMs),
      floor: median(floorMs),
      ratio: median(ratios),
      ratios,
      target: { ratio: 0.9 },
    })
  }
  await measured.close()
  floor.close()

  // the API server's memory at rest and during the month's and the year's report, in its own process
  const memory = serverMemory(file, "2025-06", "2025")
  console.log(
    `API server (${memory.settings.execArgv.join(" ")}, MALLOC_ARENA_MAX=${memory.settings.MALLOC_ARENA_MAX}): ` +
      `at rest ${memory.restRssMb.toFixed(0)} MB (start-up's peak ${memory.startupPeakRssMb.toFixed(0)} MB); ` +
      `month report ${memory.month.status} in ${memory.month.ms.toFixed(0)} ms, peak ${memory.month.peakRssMb.toFixed(0)} MB; ` +
      `year report ${memory.year.status} in ${memory.year.ms.toFixed(0)} ms, peak ${memory.year.peakRssMb.toFixed(0)} MB (bar < ${RSS_BAR_MB} MB)`,
  )
  const memoryRow = (benchmark: string, mb: number): BenchRow => ({
    benchmark: `${benchmark} (${count} dossiers)`,
    mode: "SQLite",
    unit: "MB RSS",
    measured: mb,
    floor: RSS_BAR_MB,
    ratio: mb / RSS_BAR_MB,
    ratios: [mb / RSS_BAR_MB],
    target: { ratio: 1, atMost: true },
  })
  rows.push(
    memoryRow("API server RSS at rest", memory.restRssMb),
    memoryRow("API server RSS peak, month report", memory.month.peakRssMb),
    memoryRow("API server RSS peak, year report", memory.year.peakRssMb),
  )
  report("The Decision 766 index report against hand-written SQL (floor ÷ report time), and the server's memory", rows)
} finally {
  if (keep === undefined) rmSync(folder, { recursive: true, force: true })
}
