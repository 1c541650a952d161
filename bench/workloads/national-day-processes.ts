// The national working day's other processes (workloads/national-day.ts): the relay started as
// `motcua outbox relay` in a process of its own, and the CPU time each process has spent, read from /proc.
import { type ChildProcess, spawn } from "node:child_process"
import { mkdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { topics } from "@motcua/application"
import { DayCheckFailed } from "./national-day-check.ts"

const TICKS_PER_SECOND = 100 // USER_HZ on Linux
/** CPU seconds (user + system) of a process so far, from /proc (0 when it is gone). */
function cpuOf(pid: number | undefined): number {
  if (pid === undefined) return 0
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
    // the fields after the command name (which may hold spaces) start after its closing parenthesis
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
  } catch {
    return 0
  }
}
export function cpuNow(simPid: number | undefined, relayPid: number | undefined) {
  const own = process.cpuUsage()
  return { self: (own.user + own.system) / 1e6, sim: cpuOf(simPid), relay: cpuOf(relayPid) }
}

const CLI_MAIN = fileURLToPath(new URL("../../apps/cli/src/main.ts", import.meta.url))

/**
 * `motcua outbox relay --topic portal.sync` in a process of its own over the day's database, delivering to the
 * portal simulator (the relay's settings from the environment, as a deployment sets them). Resolves once it runs.
 */
export async function startRelayProcess(options: {
  readonly databaseUrl: string
  readonly dataDir: string
  readonly simUrl: string
  readonly concurrency: number
  readonly log: (line: string) => void
}): Promise<{ child: ChildProcess; exited: () => boolean; output: () => string; stop: () => Promise<void> }> {
  mkdirSync(options.dataDir, { recursive: true })
  const child = spawn(
    process.execPath,
    [
      CLI_MAIN,
      "outbox",
      "relay",
      "--data",
      options.dataDir,
      "--topic",
      topics.portalSync,
      "--interval-ms",
      "50",
      "--batch",
      "2000",
      "--worker-id",
      "day-relay",
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: options.databaseUrl,
        MOTCUA_PORTAL_URL: options.simUrl,
        MOTCUA_PORTAL_USERNAME: "motcua",
        MOTCUA_PORTAL_PASSWORD: "motcua",
        MOTCUA_PORTAL_UNIT_CODE: "000.00.00.H49",
        MOTCUA_PORTAL_DSTCODE: "H49",
        MOTCUA_RELAY_CONCURRENCY: String(options.concurrency),
        MOTCUA_RELAY_RETRY_BASE_MS: "10",
        // the day is in the past (its rows are due from simulated instants): the lag warning would fire throughout
        MOTCUA_RELAY_LAG_WARN_MS: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  )
  let out = ""
  let failures = 0
  let exitCode: number | null | undefined
  const keep = (chunk: Buffer) => {
    const text = chunk.toString()
    failures += text.split("will retry").length - 1
    // the last few kilobytes only: the relay logs a line per failed delivery
    out = (out + text).slice(-4_000)
  }
  child.stdout?.on("data", keep)
  child.stderr?.on("data", keep)
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code) => {
      exitCode = code
      resolve()
    }),
  )
  await new Promise<void>((resolve, reject) => {
    const started = setInterval(() => {
      if (out.includes("outbox relay started")) {
        clearInterval(started)
        resolve()
      } else if (exitCode !== undefined) {
        clearInterval(started)
        reject(new Error(`the relay process exited (${exitCode}): ${out}`))
      }
    }, 50)
  })
  return {
    child,
    exited: () => exitCode !== undefined,
    output: () => out,
    stop: async () => {
      if (failures > 0) options.log(`relay process: ${failures} deliveries failed and were retried`)
      child.kill("SIGTERM")
      await exited
      if (exitCode !== 0) throw new DayCheckFailed(`the relay process exited with ${exitCode}: ${out}`)
    },
  }
}
