// Argument parsing on node:util parseArgs: strict (an unknown option is a usage error), with positionals.
import { type ParseArgsOptionsConfig, parseArgs } from "node:util"

/** Exit codes: 0 ok, 1 the command failed, 2 the command line was wrong. */
export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2

/** The command line was wrong: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError"
}

/** Options every command takes. */
export const commonOptions = {
  help: { type: "boolean", short: "h" },
  data: { type: "string" },
} as const satisfies ParseArgsOptionsConfig

export function parseCommandLine<const O extends ParseArgsOptionsConfig>(args: ReadonlyArray<string>, options: O) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true })
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    throw new UsageError(`dòng lệnh không hợp lệ (invalid command line): ${detail}`)
  }
}

/** A whole positive number from an option, or `fallback` when absent. */
export function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new UsageError(`--${name} phải là số nguyên dương (must be a positive whole number), nhận "${raw}"`)
  }
  return value
}

/** A whole number (zero or more) from an option, or `fallback` when absent. */
export function naturalNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new UsageError(`--${name} phải là số nguyên không âm (must be a whole number ≥ 0), nhận "${raw}"`)
  }
  return value
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** A civil date `YYYY-MM-DD` from an option (checked to exist), or undefined when absent. */
export function civilDate(name: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  const ms = Date.parse(`${raw}T00:00:00Z`)
  const valid = DATE.test(raw) && !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === raw
  if (!valid) throw new UsageError(`--${name} phải là ngày dạng YYYY-MM-DD (must be a date YYYY-MM-DD), nhận "${raw}"`)
  return raw
}
