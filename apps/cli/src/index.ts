// @motcua/cli: the motcua command line, callable in-process (runCli) for tests and tools.

export { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "./args.ts"
export { commands, MAIN_HELP, runCli } from "./cli.ts"
export { type Io, memoryIo, processIo } from "./io.ts"
export {
  type SimulatedDossier,
  type SimulationOptions,
  type SimulationResult,
  simulate as simulateDossiers,
} from "./simulation/driver.ts"
export { simulationStandIns } from "./simulation/stand-ins.ts"
