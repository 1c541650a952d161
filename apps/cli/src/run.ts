// The command line after its process settings (main.ts): what `build:server` bundles ahead (build-server.ts) and what
// main.ts loads from the sources when there is no bundle matching them (server-bundle.ts).
import { processIo } from "./io.ts"

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
