// @motcua/testkit: fast-check arbitraries, invariant checks and model-based workflow tests for people who deploy
// and test motcua workflows. See docs/testing-workflows.md.
export * from "./arbitraries/applicant.ts"
export * from "./arbitraries/calendar.ts"
export * from "./arbitraries/procedure.ts"
export * from "./arbitraries/time.ts"
export * from "./invariants.ts"
export {
  arbDossierCommands,
  assertWorkflow,
  type Counterexample,
  checkWorkflow,
  formatReport,
  type WorkflowOptions,
  type WorkflowReport,
} from "./workflow/check-workflow.ts"
export {
  arbEventIntent,
  buildEvent,
  type EventIntent,
  eventFor,
  type Flaw,
  flaws,
  plainIntent,
} from "./workflow/events.ts"
export { arbFilingPlan, dossierSetup, type FilingPlan, filingOf, modelSetupOf, startRun } from "./workflow/filing.ts"
export { abstractDossier, candidateEvents, shortestDossierPaths } from "./workflow/graph.ts"
export { DossierModel, type Prediction } from "./workflow/model.ts"
export {
  arbDossierSnapshot,
  arbEventSequence,
  type EventSequence,
  type SequenceOptions,
} from "./workflow/sequences.ts"
export * from "./workflow/trace.ts"
export { actorOf, defaultWorld, type World } from "./workflow/world.ts"
