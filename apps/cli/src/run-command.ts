// How a command's run ends, for cli.ts and for the commands main.ts starts on their own (`outbox relay`): a
// UsageError exits with 2 and the command's help line, any other failure with 1 and its message (Vietnamese first,
// then English); nothing is thrown past this point.
import { EXIT_FAILURE, EXIT_USAGE, UsageError } from "./args.ts"
import { type Io, say } from "./io.ts"

/** Runs `run` (a command's, named `name` on the command line); answers the exit code. */
export async function runCommand(name: string, run: () => Promise<number>, io: Io): Promise<number> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message)
      io.err(`motcua ${name} --help`)
      return EXIT_USAGE
    }
    io.err(say(`Lỗi: ${describeError(error)}`, `motcua ${name} failed`))
    return EXIT_FAILURE
  }
}

/** A readable message for an error, with its cause (driver errors are often wrapped). */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause
    const own = error.message || error.name
    return cause === undefined || cause === error ? own : `${own} ← ${describeError(cause)}`
  }
  if (typeof error === "object" && error !== null) {
    const tagged = error as { _tag?: unknown; message?: unknown; cause?: unknown }
    const head = [tagged._tag, tagged.message].filter((x) => typeof x === "string" && x !== "").join(": ")
    if (tagged.cause !== undefined) return `${head || "error"} ← ${describeError(tagged.cause)}`
    if (head !== "") return head
  }
  return String(error)
}
