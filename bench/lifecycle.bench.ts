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
import { execFileSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { formatTable, type Mode, RowsLost } from "../adapters/storage-sql/bench/run.ts"
import { runUseCaseBench } from "../adapters/storage-sql/bench/use-case-run.ts"
import { loadQuangNinh } from "../packages/catalog-quangninh/src/index.ts"

const args = process.argv.slice(2)
const option = (name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const rounds = Math.max(5, Number(option("--rounds") ?? 7))
const roundMs = Number(option("--round-ms") ?? 1500)
const pgOption = option("--pg")
const modes = (option("--only")?.split(",") ?? ["sqlite-normal", "sqlite-full", "pg"]).filter((m): m is Mode =>
  m === "pg" ? pgOption !== undefined : m === "sqlite-normal" || m === "sqlite-full",
)

const loaded = loadQuangNinh()
if (loaded._tag === "Failure") throw new Error("the Quảng Ninh data does not load")
const { catalogue, jurisdiction, holidays } = loaded.success
const data = { catalogue, jurisdiction, ...(holidays === undefined ? {} : { holidays }) }

const postgresScript = fileURLToPath(new URL("../scripts/postgres.sh", import.meta.url))
const script = (command: string) =>
  execFileSync("bash", [postgresScript, command], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim()

let pgUrl: string | undefined
let stopPostgres = false
if (pgOption === "auto") {
  try {
    pgUrl = execFileSync("bash", [postgresScript, "url"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim()
  } catch {
    pgUrl = script("start")
    stopPostgres = true
  }
} else {
  pgUrl = pgOption
}

let exitCode = 0
try {
  const results = await runUseCaseBench({ rounds, roundMs, modes, data, ...(pgUrl === undefined ? {} : { pgUrl }) })
  console.log(
    `\nFull lifecycles through the use cases (file online + 10 actions + work queue), median of ${rounds} ABBA rounds:`,
  )
  console.log(formatTable(results).replace("adapter lifecycles/s", "use cases lifecycles/s"))
} catch (error) {
  exitCode = 1
  console.error(error instanceof RowsLost ? `ROWS LOST: ${error.message}` : error)
} finally {
  if (stopPostgres) script("stop")
}
process.exit(exitCode)
