// Where a command writes: standard output for results, standard error for messages and the progress bar. Commands
// take an Io so that tests run them in-process and read what they printed.
export interface Io {
  /** A line of results (stdout). */
  readonly out: (line: string) => void
  /** A line of messages (stderr). */
  readonly err: (line: string) => void
  /** Raw writes to stderr, for the progress bar's `\r` rendering. */
  readonly errWrite: (text: string) => void
  /** Whether stderr is a terminal: the progress bar is drawn only then. */
  readonly errIsTTY: boolean
  readonly env: Readonly<Record<string, string | undefined>>
  /** The folder relative paths are read from. */
  readonly cwd: string
}

export const processIo = (): Io => ({
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  errWrite: (text) => process.stderr.write(text),
  errIsTTY: process.stderr.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
})

/** Collects what a command prints (tests). */
export const memoryIo = (
  options: { env?: Record<string, string | undefined>; cwd?: string; tty?: boolean } = {},
): Io & { readonly stdout: string[]; readonly stderr: string[]; readonly raw: string[] } => {
  const stdout: string[] = []
  const stderr: string[] = []
  const raw: string[] = []
  return {
    stdout,
    stderr,
    raw,
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    errWrite: (text) => raw.push(text),
    errIsTTY: options.tty ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  }
}

/** A user-facing message: Vietnamese first, English in brackets. */
export const say = (vi: string, en: string): string => `${vi} (${en})`
