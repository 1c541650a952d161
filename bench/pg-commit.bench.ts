// Benchmark: on a durable PostgreSQL server (workloads/pg-commit.ts), against plain commits, the server's own group
// commit (`commit_delay`, `commit_siblings`) and the adapter's group commit (postgres-group-commit.ts): the storage
// lifecycle by concurrent clients, ABBA rounds, rows and audit chains checked after every round; also at one client,
// where neither has anything to share a flush with. Issue 13 §2 asks what earns on PostgreSQL what group commit
// earns SQLite; docs/performance.md has the answer.
//
//   node bench/pg-commit.bench.ts        starts (and stops) a durable server: MOTCUA_PG_DURABLE=1 scripts/postgres.sh
//   options: --pg postgres://… (a durable server of your own) --rounds N (≥ 5, default 7) --round-ms MS (default 1500)
//            --concurrency C (default 32) --delay-us D (default 1000) --siblings S (default 5)
//            --batch B (default 64) --wait-ms W (default 0)  --only commit_delay,group_commit
import { execFileSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { abbaOptions, option } from "./harness/cli.ts"
import { type BenchRow, report, rowOf } from "./harness/table.ts"
import { type CommitSetting, runPgCommitBench } from "./workloads/pg-commit.ts"

const { rounds, roundMs } = abbaOptions(1500)
const settings: Record<CommitSetting["kind"], CommitSetting> = {
  commit_delay: {
    kind: "commit_delay",
    delay: { delayUs: Number(option("--delay-us") ?? 1000), siblings: Number(option("--siblings") ?? 5) },
  },
  group_commit: {
    kind: "group_commit",
    group: { maxBatch: Number(option("--batch") ?? 64), maxWaitMs: Number(option("--wait-ms") ?? 0) },
  },
}
const only = (option("--only") ?? "commit_delay,group_commit").split(",") as CommitSetting["kind"][]
for (const kind of only) if (!(kind in settings)) throw new Error(`--only: unknown comparison "${kind}"`)
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
  for (const kind of only)
    for (const concurrency of [Number(option("--concurrency") ?? 32), 1]) {
      const result = await runPgCommitBench({ url, rounds, roundMs, concurrency, setting: settings[kind] })
      rows.push({ ...rowOf(`${kind} / plain commits`, "lifecycles/s", result), target: undefined } as BenchRow)
    }
  report(
    `PostgreSQL: commit_delay and group commit against plain commits (durable server), median of ${rounds} ABBA rounds`,
    rows,
  )
} catch (error) {
  exitCode = 1
  console.error(error)
} finally {
  if (given === undefined) durable("stop")
}
process.exit(exitCode)
