#!/usr/bin/env node
// node apps/portal-sim/src/main.ts [options]: the simulator until SIGINT or SIGTERM (`motcua portal-sim` runs the same).
import { parseSimArgs, SIM_HELP, SimUsageError } from "./args.ts"
import { startPortalSim } from "./server.ts"

const args = process.argv.slice(2)
if (args.includes("--help") || args.includes("-h")) {
  console.log(SIM_HELP)
  process.exit(0)
}
try {
  const options = parseSimArgs(args)
  const sim = await startPortalSim(options)
  console.log(`Cổng DVCQG giả lập (portal simulator) tại ${sim.url} — fail rate ${options.faults?.failRate ?? 0}`)
  const stop = () => void sim.close().then(() => process.exit(0))
  process.once("SIGINT", stop)
  process.once("SIGTERM", stop)
} catch (error) {
  console.error(error instanceof SimUsageError ? `${error.message}\n\n${SIM_HELP}` : String(error))
  process.exit(error instanceof SimUsageError ? 2 : 1)
}
