#!/usr/bin/env node
// motcua: the command line (migrate, seed, catalogue, serve, simulate, report). `motcua --help` lists them.
// `motcua serve` is the API server: its process settings for memory come first, before the commands' modules load
// (a restart in place when they are missing: apps/api/src/process-settings.ts). The long runs over data take them
// too: `simulate` and `catalogue` (import of a large catalogue) — without them V8 sizes its young generation for a
// machine with much memory and a 1,000-dossier simulation peaked at 373 MB resident instead of 189 MB
// (docs/performance.md, "Memory"). `motcua outbox relay` loads its own command only (commands/outbox-relay.ts).
import { ensureServerProcess } from "@motcua/api/process-settings"

const LONG_RUNS: ReadonlySet<string | undefined> = new Set(["serve", "simulate", "catalogue"])
if (LONG_RUNS.has(process.argv[2])) ensureServerProcess()
const { processIo } = await import("./io.ts")
const argv = process.argv.slice(2)
if (argv[0] === "outbox" && argv[1] === "relay" && !argv.some((a) => a === "--help" || a === "-h")) {
  // a relay process (restarted after every crash) loads its own command only, not every command's modules and the
  // HTTP app: it delivers again sooner (docs/performance.md)
  const { relay } = await import("./commands/outbox-relay.ts")
  const { runCommand } = await import("./run-command.ts")
  const io = processIo()
  process.exitCode = await runCommand("outbox", () => relay(argv.slice(2), io), io)
} else {
  const { runCli } = await import("./cli.ts")
  process.exitCode = await runCli(argv, processIo())
}
