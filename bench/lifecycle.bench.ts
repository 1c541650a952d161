// Benchmark: whole dossier lifecycles through the application's use cases on the SQL storage adapter (a real
// Quảng Ninh dossier, 1.004222, from online filing to the returned result: 11 transactions) against the same SQL
// statements issued raw on the floor of its dialect (floors/), with the same serialisation and audit hashing. ABBA
// rounds, median of the per-round ratios; after every round both databases must hold exactly the rows the
// lifecycles write and the same audit chain head, or the run fails. Workload: workloads/use-cases.ts.
// docs/performance.md explains it.
//
//   node bench/lifecycle.bench.ts                      # SQLite NORMAL and FULL
//   node bench/lifecycle.bench.ts --pg auto            # + PostgreSQL, started and stopped with scripts/postgres.sh
//   node bench/lifecycle.bench.ts --pg postgres://…    # + PostgreSQL on that server (creates and drops databases)
//   options: --rounds N (default 7, at least 5), --round-ms MS (default 1500), --only sqlite-normal,sqlite-full,pg
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { runSqlBench } from "./harness/cli.ts"
import { report, rowOf } from "./harness/table.ts"
import { runUseCaseBench } from "./workloads/use-case-run.ts"

const loaded = loadQuangNinh()
if (loaded._tag === "Failure") throw new Error("the Quảng Ninh data does not load")
const { catalogue, jurisdiction, holidays } = loaded.success
const data = { catalogue, jurisdiction, ...(holidays === undefined ? {} : { holidays }) }

await runSqlBench(1500, async (options) => {
  const results = await runUseCaseBench({ ...options, data })
  report(
    `Full lifecycles through the use cases (file online + 10 actions + work queue), median of ${options.rounds} ABBA rounds`,
    results.map((r) => rowOf("use-case lifecycles", "lifecycles/s", r)),
  )
})
