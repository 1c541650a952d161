// Shortest paths through a procedure's dossier machine (xstate/graph), for tests that want every state reached
// and each path exercised. Candidate events are the testkit's plausible events of every type for the dossier as it
// stands; states are told apart by an abstraction (state, step, decision, signature, payment, supplementations),
// so that the search ends.
import {
  type DossierEvent,
  type DossierSnapshot,
  dossierEventTypes,
  type FileDossierInput,
  open,
  stateOf,
} from "@motcua/domain"
import { getShortestPaths } from "xstate/graph"
import { buildEvent, plainIntent } from "./events.ts"
import { type DossierSetup, modelSetupOf } from "./filing.ts"
import { DossierModel, type ModelSetup } from "./model.ts"

/** One plausible event of every type for the dossier as it stands, two working hours after its last event. */
export function candidateEvents(setup: DossierSetup, base: ModelSetup, snapshot: DossierSnapshot): DossierEvent[] {
  const model = DossierModel.fromContext(base, stateOf(snapshot), snapshot.context)
  return dossierEventTypes.flatMap((type) => {
    const built = buildEvent(model, setup.calendar, plainIntent(type))
    return built.read === "malformed" ? [] : [built.input as unknown as DossierEvent]
  })
}

/** The abstraction the search tells dossiers apart by. */
export function abstractDossier(snapshot: DossierSnapshot): string {
  const c = snapshot.context
  const paid = c.payments.reduce((s, p) => s + p.amount, 0)
  const owed = [...c.fees, ...c.obligations].reduce((s, f) => s + f.amount, 0)
  return [
    String(snapshot.value),
    c.currentStep,
    Math.min(c.supplementations.length, 2),
    c.decision?.kind ?? "-",
    c.signature === undefined ? "unsigned" : "signed",
    owed > paid ? "owes" : "paid",
  ].join("|")
}

/** Shortest paths from the filing to every abstract dossier the candidate events reach. */
export function shortestDossierPaths(setup: DossierSetup, filing: FileDossierInput) {
  const opened = open(setup.machine, filing)
  if (!opened.ok) throw new Error(`the filing was refused: ${JSON.stringify(opened.reason)}`)
  const base = modelSetupOf(setup, filing)
  return getShortestPaths(setup.machine, {
    input: filing as never,
    fromState: opened.snapshot,
    events: (snapshot) => candidateEvents(setup, base, snapshot),
    serializeState: (snapshot) => abstractDossier(snapshot),
  })
}
