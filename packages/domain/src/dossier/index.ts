/**
 * The dossier lifecycle: one xstate v5 machine per procedure (and variant), driven purely.
 *
 * API in one breath (details in each module's comment):
 * - `createDossierMachine({ procedure, variantId?, calendar, pauseForFinancialObligation? })` → `Result<machine>`
 *   (machine.ts).
 * - `open(machine, filing)` and `decide(machine, snapshot, event)` → `{ ok: true, snapshot, persisted, actions }`
 *   or `{ ok: false, reason }` (decide.ts; the transition is computed from the machine's table and plain functions,
 *   step.ts, proven equal to the machine's own by the graph test and the testkit's machine-agreement test). Inputs are JSON (decoded with the Schemas of events.ts); snapshots are live
 *   or their JSON; nothing throws, nothing runs: `actions` are the named actions of effects.ts (audit, syncPortal,
 *   notifyApplicant, requestPayment, scheduleDeadlineCheck) for the application layer.
 * - `Refusal` (refusals.ts): the typed reasons; `checkEvent` and the check functions (guards.ts) are what the
 *   machine's guard and `decide` both run; who may send what: permissions.ts; which state takes which event:
 *   transitions.ts (`transitionTable`, `acceptedEvents`).
 * - National statuses 1–10: `nationalStatus(snapshot)`, `acceptedStatusTransitions`, `isAcceptedStatusSequence`
 *   (status.ts). Deadlines and timeliness: reducers.ts, time.ts, classification.ts. Forms: forms.ts.
 *
 * For property-based tests: every `decide` answer is total; an `ok` snapshot's `context.statusHistory` is always an
 * accepted sequence whose last code is `nationalStatus(snapshot)`; a refusal never changes the snapshot given.
 */
export * from "./classification.ts"
export * from "./context.ts"
export * from "./decide.ts"
export * from "./digitised.ts"
export * from "./effects.ts"
export type { DossierEnv } from "./env.ts"
export * from "./events.ts"
export * from "./forms.ts"
export * from "./guards.ts"
export { createDossierMachine, type DossierMachine, type DossierMachineOptions, dossierEnv } from "./machine.ts"
export {
  actorGrants,
  actorRefusal,
  filingRoleOfChannel,
  leaderRoles,
  rolesThatMaySend,
  stepBoundEvents,
} from "./permissions.ts"
export { PLAIN_APPLICANT_FIELDS, PLAIN_DOCUMENT_PRESENT_FIELDS } from "./plain-events.ts"
export { applyEvent, filedContext, statusesEntered } from "./reducers.ts"
export * from "./refusals.ts"
export * from "./role-titles.ts"
export * from "./status.ts"
export {
  addDuration,
  moveDeadlineOverPause,
  toVietnamTime,
  vietnamDate,
  vietnamDateTime,
  workingMinutesBetween,
} from "./time.ts"
export * from "./transitions.ts"
export { type EventRule, lifecycleRules, lifecycleRulesMarkdown } from "./who-may.ts"
