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
import { execFileSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { formatTable, type Mode, RowsLost, runBench } from "../adapters/storage-sql/bench/run.ts"

const args = process.argv.slice(2)
const option = (name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const rounds = Math.max(5, Number(option("--rounds") ?? 7))
const roundMs = Number(option("--round-ms") ?? 1000)
const pgOption = option("--pg")
const modes = (option("--only")?.split(",") ?? ["sqlite-normal", "sqlite-full", "pg"]).filter((m): m is Mode =>
  m === "pg" ? pgOption !== undefined : m === "sqlite-normal" || m === "sqlite-full",
)

const postgresScript = fileURLToPath(new URL("../scripts/postgres.sh", import.meta.url))
const script = (command: string) =>
  execFileSync("bash", [postgresScript, command], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim()

let pgUrl: string | undefined
let stopPostgres = false
if (pgOption === "auto") {
  // Reuse a server started earlier (and leave it running); otherwise start one and stop it at the end.
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
  const results = await runBench({ rounds, roundMs, modes, ...(pgUrl === undefined ? {} : { pgUrl }) })
  console.log(`\nFull lifecycles (create + 8 commits + get + work queue), median of ${rounds} interleaved rounds:`)
  console.log(formatTable(results))
} catch (error) {
  exitCode = 1
  console.error(error instanceof RowsLost ? `ROWS LOST: ${error.message}` : error)
} finally {
  if (stopPostgres) script("stop")
}
process.exit(exitCode)
