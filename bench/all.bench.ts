// `pnpm bench`: every benchmark, one after another (never in parallel: they share the machine), each in its own
// process as when run alone (its rounds and table on the way), then ONE table of every figure against its floor.
// Each benchmark hands its rows over through the file named by MOTCUA_BENCH_ROWS (harness/table.ts `report`).
//
//   pnpm bench                  # SQLite only
//   pnpm bench -- --pg auto     # the storage and lifecycle benchmarks on PostgreSQL too (scripts/postgres.sh), and
//                               # PostgreSQL's commit_delay on a durable server (pg-commit.bench.ts)
//   pnpm bench -- --rounds 5 --round-ms 300   # shorter ABBA rounds
//   pnpm bench -- --memory-counts 1000,10000  # the memory benchmark's N for simulate and import (default 10⁴, 10⁵:
//                                             # about an hour on this machine), --server-minutes M (default 5)
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type BenchRow, formatTable } from "./harness/table.ts"

const args = process.argv.slice(2)
const pass = (name: string) => (args.includes(name) ? [name, args[args.indexOf(name) + 1] ?? ""] : [])
const pg = pass("--pg")
// --rounds and --round-ms go to the ABBA benchmarks (a quick look: --rounds 5 --round-ms 300)
const rounds = [...pass("--rounds"), ...pass("--round-ms")]
const benchmarks: ReadonlyArray<{ file: string; args: string[] }> = [
  { file: "calendar.bench.ts", args: [] },
  { file: "dossier.bench.ts", args: [] },
  { file: "storage.bench.ts", args: [...pg, ...rounds] },
  { file: "lifecycle.bench.ts", args: [...pg, ...rounds] },
  { file: "group-commit.bench.ts", args: rounds },
  // with --pg: PostgreSQL's commit_delay on a durable server of its own (MOTCUA_PG_DURABLE=1 scripts/postgres.sh)
  ...(pg.length === 0 ? [] : [{ file: "pg-commit.bench.ts", args: rounds }]),
  { file: "http.bench.ts", args: rounds },
  { file: "assistant.bench.ts", args: [] },
  { file: "portal.bench.ts", args: rounds },
  { file: "signing.bench.ts", args: rounds },
  // 1,000,000 dossiers take a few minutes to generate: `--index-dossiers N` to change the volume
  {
    file: "index-report.bench.ts",
    args: pass("--index-dossiers").length === 0 ? [] : ["--dossiers", pass("--index-dossiers")[1] ?? ""],
  },
  // the API server under 5 minutes of filing load, simulate and catalogue import at 10⁴ and 10⁵
  {
    file: "memory.bench.ts",
    args: [
      ...pass("--server-minutes"),
      ...(pass("--memory-counts").length === 0
        ? []
        : ["--simulate-counts", pass("--memory-counts")[1] ?? "", "--import-counts", pass("--memory-counts")[1] ?? ""]),
    ],
  },
  // the full national day is long at today's per-transition cost: `--day-dossiers N` to change the volume
  {
    file: "national-day.bench.ts",
    args: pass("--day-dossiers").length === 0 ? [] : ["--dossiers", pass("--day-dossiers")[1] ?? ""],
  },
]

const folder = mkdtempSync(join(tmpdir(), "motcua-bench-all-"))
const rowsFile = join(folder, "rows.jsonl")
const failed: string[] = []
try {
  for (const bench of benchmarks) {
    console.log(`\n=== ${bench.file} ${bench.args.join(" ")}`)
    const run = spawnSync(process.execPath, [join(import.meta.dirname, bench.file), ...bench.args], {
      stdio: "inherit",
      env: { ...process.env, MOTCUA_BENCH_ROWS: rowsFile },
    })
    if (run.status !== 0) failed.push(bench.file)
  }
  let rows: BenchRow[] = []
  try {
    rows = readFileSync(rowsFile, "utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as BenchRow)
  } catch {
    // no benchmark reported
  }
  console.log(
    "\nEvery benchmark against its floor measured in the same run (ratios; absolute figures are this machine's):",
  )
  console.log(formatTable(rows))
  if (failed.length > 0) console.error(`\nfailed: ${failed.join(", ")}`)
} finally {
  rmSync(folder, { recursive: true, force: true })
}
process.exit(failed.length > 0 ? 1 : 0)
