// The dossier lifecycle: events, the xstate machine, its guards and named actions, national statuses, deadlines
// and timeliness, and the data of the standard forms.
export * from "./classification.ts"
export * from "./context.ts"
export * from "./decide.ts"
export * from "./effects.ts"
export type { DossierEnv } from "./env.ts"
export * from "./events.ts"
export * from "./forms.ts"
export * from "./guards.ts"
export { createDossierMachine, type DossierMachine, type DossierMachineOptions, dossierEnv } from "./machine.ts"
export { actorRefusal, filingRoleOfChannel, stepBoundEvents } from "./permissions.ts"
export { applyEvent, filedContext, statusesEntered } from "./reducers.ts"
export * from "./refusals.ts"
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
