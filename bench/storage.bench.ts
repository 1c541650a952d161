// Benchmark: full dossier lifecycles per second through the SQL storage adapter (@motcua/storage-sql) against the
// same SQL statements issued raw (better-sqlite3 prepared once; plain pg) in the same transactions, with the same
// serialisation and audit hashing. Rounds are interleaved and the table gives the median; after every round both
// databases must hold exactly the rows the lifecycles write (audit rows = transitions, outbox rows as planned), and
// the same audit chain head, or the run fails. Workload and floors: adapters/storage-sql/bench/. docs/performance.md
// explains the numbers.
//
//   node bench/storage.bench.ts                        # SQLite NORMAL and FULL
//   node bench/storage.bench.ts --pg auto              # + PostgreSQL, started and stopped with scripts/postgres.sh
//   node bench/storage.bench.ts --pg postgres://…      # + PostgreSQL on that server (creates and drops databases)
//   options: --rounds N (default 7, at least 5), --round-ms MS (default 1000), --only sqlite-normal,sqlite-full,pg
import { formatTable, runBench } from "../adapters/storage-sql/bench/run.ts"
import { runSqlBench } from "./sql-bench-cli.ts"

await runSqlBench(1000, async (options) => {
  const results = await runBench(options)
  console.log(
    `\nFull lifecycles (create + 8 commits + get + work queue), median of ${options.rounds} interleaved rounds:`,
  )
  console.log(formatTable(results))
})
