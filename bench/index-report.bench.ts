// Benchmark (issue 15): the Decision 766 index report of a month and of a year over a large store — by default
// 1,000,000 dossiers over the sample province's 54 units, 48 procedures and three years (workloads/index-report.ts) —
// against hand-written SQL computing the same counts in the same run, on SQLite. ABBA rounds (report, floor, floor,
// report), a full GC before each timed side, the median of the per-round ratios floor time ÷ report time (≥ 0.9× is
// the bar: the report may take at most ~11% longer than the bare counting). After every round the report's numbers
// must equal the floor's for every handling unit, or the run fails. Then the API server's memory during the year
// report: a separate process running the API (createRuntime + createApp, as `motcua serve` does, without the TCP
// listener) answers GET /api/v1/reports/index?period=YEAR for an auditor while its RSS is sampled every 20 ms; the
// bar is < 150 MB. docs/performance.md explains it and keeps one run's figures.
//
//   node bench/index-report.bench.ts                      # 1,000,000 dossiers, 5 rounds
//   node bench/index-report.bench.ts --dossiers 100000 --rounds 3 --keep /tmp/index.sqlite
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { Result } from "effect"
import { collectGarbage, median } from "./harness/abba.ts"
import { type BenchRow, report } from "./harness/table.ts"
import { buildIndexDatabase, checkEqual, floorRunner, reportRunner } from "./workloads/index-report.ts"

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
      `${built.ratings} ratings (${((Date.now() - started) / 1000).toFixed(0)} s); load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
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

  // the API server's memory during the year report, in its own process
  const child = spawnSync(
    process.execPath,
    ["--expose-gc", join(import.meta.dirname, "workloads", "index-report-server.ts"), file, "2025"],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    },
  )
  if (child.status !== 0) throw new Error(`the API server's run failed (${child.status})`)
  const memory = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as {
    peakRssMb: number
    baselineRssMb: number
    restRssMb: number
    status: number
    ms: number
  }
  console.log(
    `API server: year report ${memory.status} in ${memory.ms.toFixed(0)} ms, RSS at rest before it ${memory.restRssMb.toFixed(0)} MB (startup's peak ${memory.baselineRssMb.toFixed(0)} MB), peak ${memory.peakRssMb.toFixed(0)} MB (bar < 150 MB)`,
  )
  rows.push({
    benchmark: `API server RSS, year report of ${count} dossiers`,
    mode: "SQLite",
    unit: "MB peak",
    measured: memory.peakRssMb,
    floor: 150,
    ratio: memory.peakRssMb / 150,
    ratios: [memory.peakRssMb / 150],
    target: { ratio: 1, atMost: true },
  })
  report("The Decision 766 index report against hand-written SQL (floor ÷ report time), and the server's memory", rows)
} finally {
  if (keep === undefined) rmSync(folder, { recursive: true, force: true })
}
