// Benchmark: PostgreSQL's own group commit (`commit_delay`, `commit_siblings`) against plain commits on a durable
// server (workloads/pg-commit.ts): the storage lifecycle by concurrent clients, ABBA rounds, rows and audit chains
// checked after every round; also at one client, where the delay can only cost (no siblings to share a flush with).
// Issue 13 §2 asks whether it earns what group commit earns SQLite; docs/performance.md has the answer.
//
//   node bench/pg-commit.bench.ts        starts (and stops) a durable server: MOTCUA_PG_DURABLE=1 scripts/postgres.sh
//   options: --pg postgres://… (a durable server of your own) --rounds N (≥ 5, default 7) --round-ms MS (default 1500)
//            --concurrency C (default 32) --delay-us D (default 1000) --siblings S (default 5)
import { execFileSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { abbaOptions, option } from "./harness/cli.ts"
import { type BenchRow, report, rowOf } from "./harness/table.ts"
import { runPgCommitBench } from "./workloads/pg-commit.ts"

const { rounds, roundMs } = abbaOptions(1500)
const delay = { delayUs: Number(option("--delay-us") ?? 1000), siblings: Number(option("--siblings") ?? 5) }
const script = fileURLToPath(new URL("../scripts/postgres.sh", import.meta.url))
const durable = (command: string) =>
  execFileSync("bash", [script, command], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, MOTCUA_PG_DURABLE: "1" },
  }).trim()
const given = option("--pg")
const url = given ?? durable("start")
let exitCode = 0
try {
  const rows: BenchRow[] = []
  for (const concurrency of [Number(option("--concurrency") ?? 32), 1]) {
    const result = await runPgCommitBench({ url, rounds, roundMs, concurrency, delay })
    rows.push({ ...rowOf("commit_delay / plain commits", "lifecycles/s", result), target: undefined } as BenchRow)
  }
  report(`PostgreSQL commit_delay against plain commits (durable server), median of ${rounds} ABBA rounds`, rows)
} catch (error) {
  exitCode = 1
  console.error(error)
} finally {
  if (given === undefined) durable("stop")
}
process.exit(exitCode)
