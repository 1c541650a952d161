// The real counter agent (apps/counter-agent/src/main.ts) as its own process, as an officer's PC runs it, with SANE's
// `test` backend as its scanner (a SANE configuration of its own, in a temporary folder), and optionally a serial card
// reader's port (a socat pseudo-terminal, see @motcua/device-card-reader/testing), for the browser tests that pair the
// desk with it, scan through it and read cards with it.
import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { freePort } from "@motcua/api/testing"

const AGENT_MAIN = fileURLToPath(new URL("../../counter-agent/src/main.ts", import.meta.url))

export interface RunningAgent {
  /** Where the agent listens (loopback). */
  readonly url: string
  readonly stop: () => void
}

/** Whether `scanimage` (Debian's sane-utils, in scripts/system-packages.txt) is on this machine. */
export function scanimageAvailable(): boolean {
  return spawnSync("scanimage", ["--version"], { stdio: "ignore" }).status === 0
}

/**
 * Starts the agent for the API at `apiUrl`, scanning with SANE's `device` (`test:0` by default; one the test backend
 * does not have, such as `test:9`, makes every scan a `no-device` problem), reading cards on `cardPort` when given
 * (its serial card reader); resolves once it listens.
 */
export async function startCounterAgent(apiUrl: string, device = "test:0", cardPort?: string): Promise<RunningAgent> {
  const saneDir = mkdtempSync(join(tmpdir(), "motcua-web-sane-"))
  writeFileSync(join(saneDir, "dll.conf"), "test\n")
  const port = await freePort()
  const agent: ChildProcess = spawn(process.execPath, [AGENT_MAIN], {
    env: {
      ...process.env,
      MOTCUA_AGENT_API: apiUrl,
      MOTCUA_AGENT_PORT: String(port),
      MOTCUA_AGENT_SCANNER: device,
      SANE_CONFIG_DIR: saneDir,
      ...(cardPort === undefined ? {} : { MOTCUA_AGENT_CARD_PORT: cardPort }),
    },
    stdio: ["ignore", "pipe", "pipe"],
  })
  const stop = () => {
    agent.kill("SIGTERM")
    rmSync(saneDir, { recursive: true, force: true })
  }
  let output = ""
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the counter agent did not start: ${output}`)), 30_000)
      agent.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes(`http://127.0.0.1:${port}`)) {
          clearTimeout(timer)
          resolve()
        }
      })
      agent.stderr?.on("data", (chunk: Buffer) => {
        output += chunk.toString()
      })
      agent.on("exit", (code) => reject(new Error(`the counter agent exited (${code}): ${output}`)))
    })
  } catch (error) {
    stop()
    throw error
  }
  return { url: `http://127.0.0.1:${port}`, stop }
}
