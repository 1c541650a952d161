// Starting a `motcua` process (the bundle, or start.sh) in tests and waiting for it to serve: its output kept, and
// the port read from the line `serve` prints once it listens.
import { type ChildProcess, spawn } from "node:child_process"

/** The line `motcua serve` prints once it listens (Vietnamese first); group 1 is the port. */
export const SERVING = /đang chạy tại http:\/\/localhost:(\d+)/

/** Resolves with the match of `pattern` in the child's output; rejects if the child exits first or `ms` pass. */
export function waitFor(
  child: ChildProcess,
  output: () => string,
  pattern: RegExp,
  ms: number,
): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms:\n${output()}`)), ms)
    const check = () => {
      const found = output().match(pattern)
      if (found !== null) {
        clearTimeout(timer)
        resolve(found)
      }
    }
    child.stderr?.on("data", check)
    child.stdout?.on("data", check)
    child.once("exit", (code) => {
      clearTimeout(timer)
      reject(new Error(`the process exited with ${code} before serving:\n${output()}`))
    })
  })
}

export interface Started {
  readonly child: ChildProcess
  /** Everything the process printed so far (stdout and stderr). */
  readonly output: () => string
}

/** Spawns `command args` with its output gathered. */
export function startProcess(
  command: string,
  args: ReadonlyArray<string>,
  options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv },
): Started {
  let out = ""
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] })
  const gather = (chunk: Buffer) => {
    out += chunk.toString()
  }
  child.stdout?.on("data", gather)
  child.stderr?.on("data", gather)
  return { child, output: () => out }
}

/** Sends SIGTERM and answers the exit code. */
export function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve))
  child.kill("SIGTERM")
  return exited
}
