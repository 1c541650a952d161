// Benchmark: whole dossier lifecycles through the application's use cases on the SQL storage adapter (a real
// Quảng Ninh dossier, 1.004222, from online filing to the returned result: 11 transactions) against the same SQL
// statements issued raw (better-sqlite3 prepared once; plain pg) in the same transactions, with the same
// serialisation and audit hashing. ABBA rounds, median of the per-round ratios; after every round both databases must
// hold exactly the rows the lifecycles write (audit rows = transitions, outbox rows as planned) and the same audit
// chain head, or the run fails. Workload: adapters/storage-sql/bench/use-cases.ts. docs/performance.md explains it.
//
//   node bench/lifecycle.bench.ts                      # SQLite NORMAL and FULL
//   node bench/lifecycle.bench.ts --pg auto            # + PostgreSQL, started and stopped with scripts/postgres.sh
//   node bench/lifecycle.bench.ts --pg postgres://…    # + PostgreSQL on that server (creates and drops databases)
//   options: --rounds N (default 7, at least 5), --round-ms MS (default 1500), --only sqlite-normal,sqlite-full,pg
import { formatTable } from "../adapters/storage-sql/bench/run.ts"
import { runUseCaseBench } from "../adapters/storage-sql/bench/use-case-run.ts"
import { loadQuangNinh } from "../packages/catalog-quangninh/src/index.ts"
import { runSqlBench } from "./sql-bench-cli.ts"

const loaded = loadQuangNinh()
if (loaded._tag === "Failure") throw new Error("the Quảng Ninh data does not load")
const { catalogue, jurisdiction, holidays } = loaded.success
const data = { catalogue, jurisdiction, ...(holidays === undefined ? {} : { holidays }) }

await runSqlBench(1500, async (options) => {
  const results = await runUseCaseBench({ ...options, data })
  console.log(
    `\nFull lifecycles through the use cases (file online + 10 actions + work queue), median of ${options.rounds} ABBA rounds:`,
  )
  console.log(formatTable(results).replace("adapter lifecycles/s", "use cases lifecycles/s"))
})
