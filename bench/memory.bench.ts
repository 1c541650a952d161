// Benchmark: memory (issue 13 §4). Each run in a process of its own, started as an operator starts it, its resident
// set sampled from outside every 250 ms (/proc/<pid>/status VmRSS, and VmHWM so that no peak between samples is
// missed), its data checked afterwards (workloads/memory.ts):
// - the API server under the HTTP bench's filing load (16 keep-alive connections) for --server-minutes (5): peak
//   resident set (target < 150 MB), the resident set after warm-up (the first fifth, at least 30 s) against the end,
//   and the slope after warm-up (target: no growth: the end within 10% of after warm-up);
// - `motcua simulate --count N` at each of --simulate-counts (10000,100000) and `motcua catalogue import` of a
//   generated catalogue of N procedures at each of --import-counts (10000,100000): peak resident set at each N, the
//   largest N's peak against the smallest's (target: constant memory, within 10%), and the slope after warm-up.
// Every figure is printed with the load average it was taken at (the machine is shared). --parts server,simulate,import
// picks the parts; --json FILE appends each run's figures as JSON lines (to gather long runs made separately).
//
//   node bench/memory.bench.ts [--parts server,simulate,import] [--server-minutes 5]
//                              [--simulate-counts 10000,100000] [--import-counts 10000,100000] [--json FILE]
//                              [--server-node-options "--flag …"] [--server-env NAME=value,…]
//                              [--server-script FILE]   (in workloads/memory-server.ts's place, e.g. a bundle of it)
import { appendFileSync } from "node:fs"
import { option } from "./harness/cli.ts"
import { RowsLost } from "./harness/rows.ts"
import { type BenchRow, report } from "./harness/table.ts"
import { describeRun, importRun, type MemoryRun, serverRun, simulateRun } from "./workloads/memory.ts"

const counts = (name: string, fallback: string) =>
  (option(name) ?? fallback)
    .split(",")
    .filter((s) => s !== "")
    .map((s) => {
      const n = Number(s)
      if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: "${s}" is not a positive whole number`)
      return n
    })
const parts = new Set((option("--parts") ?? "server,simulate,import").split(","))
const serverMinutes = Number(option("--server-minutes") ?? 5)
const simulateCounts = counts("--simulate-counts", "10000,100000")
const importCounts = counts("--import-counts", "10000,100000")
const jsonFile = option("--json")
// settings to try on the server (docs/performance.md, "Memory"): node flags as NODE_OPTIONS, NAME=value,… variables
const serverScript = option("--server-script")
const serverTrial = {
  ...(serverScript === undefined ? {} : { script: serverScript }),
  nodeOptions: option("--server-node-options") ?? "",
  env: Object.fromEntries(
    (option("--server-env") ?? "")
      .split(",")
      .filter((s) => s !== "")
      .map((s) => {
        const [name, value] = s.split("=")
        if (name === undefined || value === undefined || name === "")
          throw new Error(`--server-env: "${s}" is not NAME=value`)
        return [name, value]
      }),
  ),
}
const SERVER_LIMIT_MB = 150
const GROWTH_LIMIT = 1.1

const runs: MemoryRun[] = []
const keep = (run: MemoryRun) => {
  console.log(`  ${describeRun(run)}`)
  runs.push(run)
  if (jsonFile !== undefined) appendFileSync(jsonFile, `${JSON.stringify(run)}\n`)
  return run
}

const mb = (x: number) => x.toFixed(0)
const rows: BenchRow[] = []
/** Constant memory over N: the largest N's peak against the smallest's. */
const acrossN = (part: string, list: ReadonlyArray<MemoryRun>) => {
  const first = list[0]
  const last = list.at(-1)
  if (first === undefined || last === undefined || list.length < 2) return
  rows.push({
    benchmark: `${part}: peak RSS at N = ${last.n} vs N = ${first.n}`,
    mode: "SQLite, own process",
    unit: "MB peak",
    measured: last.peakMb,
    floor: first.peakMb,
    ratio: last.peakMb / first.peakMb,
    ratios: [last.peakMb / first.peakMb],
    target: { ratio: GROWTH_LIMIT, atMost: true },
  })
}

let exitCode = 0
try {
  if (parts.has("server")) {
    const ms = serverMinutes * 60_000
    console.log(`API server under the filing load for ${serverMinutes} min (warm-up: the first fifth, ≥ 30 s):`)
    const run = keep(await serverRun(ms, Math.max(30_000, ms / 5), 1000, serverTrial))
    const mode = `SQLite NORMAL, 16 connections, ${serverMinutes} min, ${run.n} filings`
    rows.push(
      {
        benchmark: "API server: peak RSS under filing load",
        mode,
        unit: "MB peak",
        measured: run.peakMb,
        floor: SERVER_LIMIT_MB,
        ratio: run.peakMb / SERVER_LIMIT_MB,
        ratios: [run.peakMb / SERVER_LIMIT_MB],
        target: { ratio: 1, atMost: true },
      },
      {
        benchmark: "API server: RSS at the end vs after warm-up",
        mode,
        unit: "MB",
        measured: run.growth.endMb,
        floor: run.growth.warmMb,
        ratio: run.growth.endMb / run.growth.warmMb,
        ratios: [run.growth.endMb / run.growth.warmMb],
        target: { ratio: GROWTH_LIMIT, atMost: true },
      },
    )
  }
  if (parts.has("simulate")) {
    console.log(`motcua simulate at N = ${simulateCounts.join(", ")}:`)
    const list: MemoryRun[] = []
    for (const n of simulateCounts) list.push(keep(await simulateRun(n)))
    acrossN("motcua simulate", list)
  }
  if (parts.has("import")) {
    console.log(`motcua catalogue import of a generated catalogue of N procedures, N = ${importCounts.join(", ")}:`)
    const list: MemoryRun[] = []
    for (const n of importCounts) list.push(keep(await importRun(n)))
    acrossN("motcua catalogue import", list)
  }
  console.log(
    "\n| run | N | peak RSS MB | first sample MB | after warm-up MB | at the end MB | slope MB/min | seconds | load avg |",
  )
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
  for (const r of runs)
    console.log(
      `| ${r.part} | ${r.n} | ${mb(r.peakMb)} | ${mb(r.growth.startMb)} | ${mb(r.growth.warmMb)} | ${mb(r.growth.endMb)} | ${r.growth.slopeMbPerMin.toFixed(2)} | ${r.seconds.toFixed(0)} | ${r.load[0].toFixed(1)}→${r.load[1].toFixed(1)} |`,
    )
  if (rows.length > 0) report("Memory: resident sets (the API server's bar, constant memory over N)", rows)
} catch (error) {
  exitCode = 1
  console.error(error instanceof RowsLost ? `ROWS LOST: ${error.message}` : error)
}
process.exit(exitCode)
