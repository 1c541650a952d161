// What the SQL lifecycle benchmarks (storage.bench.ts, lifecycle.bench.ts) share: their options, the PostgreSQL
// server for `--pg auto`, and how a run ends (ROWS LOST exits 1).
//   --rounds N (at least 5, default 7)  --round-ms MS  --only sqlite-normal,sqlite-full,pg  --pg auto|postgres://…
import { execFileSync } from "node:child_process"
import { loadavg } from "node:os"
import { fileURLToPath } from "node:url"
import type { Mode } from "./abba.ts"
import { RowsLost } from "./rows.ts"

export interface SqlBenchOptions {
  readonly rounds: number
  readonly roundMs: number
  readonly modes: Mode[]
  readonly pgUrl?: string
}

/** The value after `name` on the command line (`--rounds 5`), or undefined: how every benchmark reads its options. */
export const option = (name: string, args: ReadonlyArray<string> = process.argv.slice(2)): string | undefined => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

/** A whole number option ≥ `least`, or its default; anything else stops the run with what was wrong. */
export function countOption(name: string, fallback: number, least: number): number {
  const given = option(name)
  const value = Number(given ?? fallback)
  if (!Number.isInteger(value) || value < least)
    throw new TypeError(`${name} phải là số nguyên ≥ ${least} (must be a whole number ≥ ${least}), nhận "${given}"`)
  return value
}

/** The ABBA benchmarks' `--rounds N` (at least 5, default 7) and `--round-ms MS` (default `defaultRoundMs`). */
export const abbaOptions = (defaultRoundMs: number) => ({
  rounds: Math.max(5, countOption("--rounds", 7, 1)),
  roundMs: countOption("--round-ms", defaultRoundMs, 1),
})

const postgresScript = fileURLToPath(new URL("../../scripts/postgres.sh", import.meta.url))
const script = (command: string) =>
  execFileSync("bash", [postgresScript, command], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim()

/**
 * Reads the options and runs `body` with them. With `--pg auto` a server started earlier is reused (and left
 * running); otherwise one is started and stopped at the end. Exits 1 when `body` throws (ROWS LOST for lost rows).
 */
export async function runSqlBench(
  defaultRoundMs: number,
  body: (options: SqlBenchOptions) => Promise<void>,
): Promise<never> {
  const pgOption = option("--pg")
  const modes = (option("--only")?.split(",") ?? ["sqlite-normal", "sqlite-full", "pg"]).filter((m): m is Mode =>
    m === "pg" ? pgOption !== undefined : m === "sqlite-normal" || m === "sqlite-full",
  )
  let pgUrl = pgOption
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
  }
  let exitCode = 0
  try {
    await body({
      ...abbaOptions(defaultRoundMs),
      modes,
      ...(pgUrl === undefined ? {} : { pgUrl }),
    })
  } catch (error) {
    exitCode = 1
    console.error(error instanceof RowsLost ? `ROWS LOST: ${error.message}` : error)
  } finally {
    if (stopPostgres) script("stop")
  }
  process.exit(exitCode)
}

/** The load average (1, 5 and 15 minutes) as printed beside every figure: the machine may be shared. */
export const loadAverage = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")
