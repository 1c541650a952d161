// Whether the dossiers filed by this program are made up (motcua simulate). Set only by the simulator, never from a
// request: a filing under it is marked `simulated` (the dossier's context keeps the mark), and a simulated dossier
// never enqueues an outbox row (dossier/plan.ts), so no adapter sends it to the portal, an applicant or a gateway —
// even when the simulation was pointed at a live database.
import { Context, Layer } from "effect"

export const SimulationRun = Context.Reference<boolean>("@motcua/application/SimulationRun", {
  defaultValue: () => false,
})

/** Provide to file every dossier of the program as simulated. */
export const layerSimulationRun = Layer.succeed(SimulationRun, true)
