// Benchmark: full dossier lifecycles per second through the SQL storage adapter (@motcua/storage-sql) against the
// same SQL statements issued raw on the floor of its dialect (floors/: better-sqlite3 prepared once; plain pg) in
// the same transactions, with the same serialisation and audit hashing. ABBA rounds (harness/abba.ts), median of
// the per-round ratios; after every round both databases must hold exactly the rows the lifecycles write, and the
// same audit chain head, or the run fails. Workload: workloads/storage-lifecycle.ts. docs/performance.md explains it.
//
//   node bench/storage.bench.ts                        # SQLite NORMAL and FULL
//   node bench/storage.bench.ts --pg auto              # + PostgreSQL, started and stopped with scripts/postgres.sh
//   node bench/storage.bench.ts --pg postgres://…      # + PostgreSQL on that server (creates and drops databases)
//   options: --rounds N (default 7, at least 5), --round-ms MS (default 1000), --only sqlite-normal,sqlite-full,pg
import { runSqlBench } from "./harness/cli.ts"
import { report, rowOf } from "./harness/table.ts"
import { runBench } from "./workloads/storage-run.ts"

await runSqlBench(1000, async (options) => {
  const results = await runBench(options)
  report(
    `Storage adapter: full lifecycles (create + 8 commits + get + work queue), median of ${options.rounds} ABBA rounds`,
    results.map((r) => rowOf("storage lifecycles", "lifecycles/s", r)),
  )
})
