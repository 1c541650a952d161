/**
 * Who may send which event. Two kinds of rule:
 *
 * - Step-bound events (`completeStep`, `transfer`, `requestSupplementation`, `requestFinancialObligation`,
 *   `approve`, `reject`, `sign`, `resultReady`, `stop`) may be sent only by whoever holds the dossier: an actor whose
 *   role is the current step's role, acting for the step's authority (the dossier's agency or unit; the intake point
 *   too for a one-stop-section step; the other authority for an inter-agency step). Some of them also need the step
 *   to be a leader's: `approve` and `reject` at a `unit-leader` or `authority-leader` step, `sign` at an
 *   `authority-leader` step or a `unit-leader` step (signing on delegation).
 * - Other events list the roles that may send them and the scope each role is checked against:
 *
 * | event | roles (scope) |
 * |---|---|
 * | file | citizen (online), counter-officer (counter, its intake point), post-office-agent (post, its intake point) |
 * | accept, refuse | counter-officer (intake) |
 * | supplementReceived | citizen (applicant), counter-officer (intake), post-office-agent (intake point) |
 * | supplementationDeadlinePassed | system |
 * | paymentConfirmed | system, counter-officer (intake) |
 * | withdraw | citizen (applicant), counter-officer (intake: a written request at the counter) |
 * | extendWithApology | specialist, unit-leader, authority-leader (agency) |
 * | returnResult | counter: counter-officer (intake); post: post-office-agent; e-wallet: system, counter-officer (intake) |
 * | correct | counter-officer (intake), specialist, clerk, unit-leader, authority-leader (agency) |
 *
 * Before the dossier is received there is no step and so no holder: `requestSupplementation` is then the counter
 * officer's (intake), who asks at intake for what is missing instead of refusing the dossier or accepting it with
 * documents it does not have.
 *
 * Scopes: *intake* = the dossier's agency, unit or intake point is in the account's scope; *agency* = its agency
 * or unit; *intake point* = its intake point; *applicant* = the account that filed it or the applicant's own id.
 * Scope checks reuse `actsFor` from the jurisdiction module (deny by default).
 */
import { type Channel, type ProcessStep, StaffRole } from "../catalogue/schema.ts"
import { actsFor, type ScopeTarget } from "../jurisdiction/competence.ts"
import type { DossierContext } from "./context.ts"
import type { DossierEnv } from "./env.ts"
import type { Actor, DossierEvent, DossierEventType, FileDossier, Role } from "./events.ts"
import type { Refusal, ScopeNeeded } from "./refusals.ts"

type Scope = "none" | "applicant" | "intake" | "agency" | "intake-point"
type Grant = readonly [Role, Scope]

/** The leaders' step roles: a unit's leader and the authority's leader, who decide (approve, reject). */
export const leaderRoles: ReadonlyArray<Role> = ["unit-leader", "authority-leader"]

/** Events that only the holder of the current step may send, with the step roles they need (if restricted). */
export const stepBoundEvents: Readonly<Partial<Record<DossierEventType, ReadonlyArray<Role> | "any">>> = {
  completeStep: "any",
  transfer: "any",
  requestSupplementation: "any",
  requestFinancialObligation: "any",
  resultReady: "any",
  stop: "any",
  approve: leaderRoles,
  reject: leaderRoles,
  sign: ["authority-leader", "unit-leader"],
}

const grants: Readonly<Partial<Record<DossierEventType, ReadonlyArray<Grant>>>> = {
  accept: [["counter-officer", "intake"]],
  refuse: [["counter-officer", "intake"]],
  supplementReceived: [
    ["citizen", "applicant"],
    ["counter-officer", "intake"],
    ["post-office-agent", "intake-point"],
  ],
  supplementationDeadlinePassed: [["system", "none"]],
  paymentConfirmed: [
    ["system", "none"],
    ["counter-officer", "intake"],
  ],
  withdraw: [
    ["citizen", "applicant"],
    ["counter-officer", "intake"],
  ],
  extendWithApology: [
    ["specialist", "agency"],
    ["unit-leader", "agency"],
    ["authority-leader", "agency"],
  ],
  replaceResult: [
    ["unit-leader", "agency"],
    ["authority-leader", "agency"],
  ],
  correct: [
    ["counter-officer", "intake"],
    ["specialist", "agency"],
    ["clerk", "agency"],
    ["unit-leader", "agency"],
    ["authority-leader", "agency"],
  ],
}

/** Step-bound events that may also be sent before the dossier is received (no step yet), and by whom. */
const intakeGrants: Readonly<Partial<Record<DossierEventType, ReadonlyArray<Grant>>>> = {
  requestSupplementation: [["counter-officer", "intake"]],
}

const returnGrants: Readonly<Record<"counter" | "post" | "e-wallet", ReadonlyArray<Grant>>> = {
  counter: [["counter-officer", "intake"]],
  post: [["post-office-agent", "none"]],
  "e-wallet": [
    ["system", "none"],
    ["counter-officer", "intake"],
  ],
}

/**
 * The roles that may ever send an event of this type, whatever the dossier: the listed grants (every return
 * method's for `returnResult`), the channels' filing roles for `file`, and for a step-bound event the step roles
 * it allows (every staff role of the catalogue when any step may). The application's policy is checked against
 * this (policy.test.ts), so that the two statements of who may do what cannot drift apart.
 */
export function rolesThatMaySend(type: DossierEventType | "file"): ReadonlyArray<Role> {
  if (type === "file") return [...new Set(Object.values(filingRoleOfChannel))]
  const bound = stepBoundEvents[type]
  if (bound !== undefined) return bound === "any" ? StaffRole.literals : bound
  const list = type === "returnResult" ? Object.values(returnGrants).flat() : (grants[type] ?? [])
  return [...new Set(list.map(([role]) => role))]
}

/** The role that files through each channel. */
export const filingRoleOfChannel: Readonly<Record<Channel, Role>> = {
  online: "citizen",
  counter: "counter-officer",
  post: "post-office-agent",
}

// `actsFor` takes a StaffScope; its `level` plays no part in the check.
const inScope = (actor: Actor, target: ScopeTarget) => actsFor({ level: "commune", ...actor }, target)

const targetOf = (scope: Scope, context: DossierContext): ScopeNeeded => {
  const agency = {
    agencyCode: context.agencyCode,
    ...(context.unitCode === undefined ? {} : { unitCode: context.unitCode }),
  }
  switch (scope) {
    case "none":
      return {}
    case "applicant":
      return { accountId: context.filedBy.id }
    case "agency":
      return agency
    case "intake":
      return context.intakePointId === undefined ? agency : { ...agency, intakePointId: context.intakePointId }
    case "intake-point":
      return context.intakePointId === undefined ? {} : { intakePointId: context.intakePointId }
  }
}

function scopeRefusal(actor: Actor, scope: Scope, context: DossierContext): Refusal | undefined {
  if (scope === "none") return undefined
  const needs = targetOf(scope, context)
  if (scope === "applicant") {
    const own = actor.id === context.filedBy.id || actor.id === context.applicant.id
    return own ? undefined : { _tag: "OutOfScope", actorId: actor.id, needs }
  }
  return inScope(actor, needs) ? undefined : { _tag: "OutOfScope", actorId: actor.id, needs }
}

/** The step that holds the dossier now, if the dossier has been accepted. */
export const currentStep = (env: DossierEnv, context: DossierContext): ProcessStep | undefined =>
  context.currentStep < 0 ? undefined : env.procedure.process[context.currentStep]

/** The scope the holder of the current step must act for. */
function holderTarget(env: DossierEnv, context: DossierContext): ScopeNeeded {
  const step = currentStep(env, context)
  const record = context.steps[context.steps.length - 1]
  if (step?.role === "inter-agency" && record?.agencyCode !== undefined) return { agencyCode: record.agencyCode }
  return targetOf(step?.role === "counter-officer" ? "intake" : "agency", context)
}

/**
 * Who may send an event that is not bound to the current step, with the scope each role is checked against, per
 * return method for returnResult (read by who-may.ts to publish the rules).
 */
export function actorGrants(event: DossierEventType): Readonly<Record<string, ReadonlyArray<Grant>>> {
  return event === "returnResult" ? returnGrants : { "": grants[event] ?? [] }
}

/** Who may send a step-bound event before the dossier is received (read by who-may.ts to publish the rules). */
export const intakeGrantsOf = (event: DossierEventType): ReadonlyArray<Grant> => intakeGrants[event] ?? []

/** Whether the actor's role and scope allow the event on this dossier now. */
export function actorRefusal(env: DossierEnv, context: DossierContext, event: DossierEvent): Refusal | undefined {
  const { actor } = event
  const bound = stepBoundEvents[event.type]
  const atIntake = intakeGrants[event.type]
  if (bound !== undefined && context.currentStep < 0 && atIntake !== undefined) {
    const grant = atIntake.find(([role]) => role === actor.role)
    if (grant === undefined) return { _tag: "ActorNotAllowed", role: actor.role, needed: atIntake.map(([r]) => r) }
    return scopeRefusal(actor, grant[1], context)
  }
  if (bound !== undefined) {
    const step = currentStep(env, context)
    if (step === undefined) return { _tag: "ActorNotAllowed", role: actor.role, needed: [] }
    const restricted: ReadonlyArray<Role> | undefined = bound === "any" ? undefined : bound
    const stepAllows = restricted === undefined || restricted.includes(step.role)
    const needed: ReadonlyArray<Role> = stepAllows ? [step.role] : (restricted ?? [])
    if (!stepAllows || actor.role !== step.role) {
      return { _tag: "ActorNotAllowed", role: actor.role, needed, stepId: step.id }
    }
    const needs = holderTarget(env, context)
    return inScope(actor, needs) ? undefined : { _tag: "OutOfScope", actorId: actor.id, needs }
  }
  const list = event.type === "returnResult" ? returnGrants[event.method] : (grants[event.type] ?? [])
  const grant = list.find(([role]) => role === actor.role)
  if (grant === undefined) return { _tag: "ActorNotAllowed", role: actor.role, needed: list.map(([role]) => role) }
  return scopeRefusal(actor, grant[1], context)
}

/** Whether the actor may file through the event's channel at its intake point. */
export function filingActorRefusal(event: FileDossier): Refusal | undefined {
  const needed = filingRoleOfChannel[event.channel]
  if (event.actor.role !== needed) return { _tag: "ActorNotAllowed", role: event.actor.role, needed: [needed] }
  if (event.channel === "online" || event.intakePointId === undefined) return undefined
  const needs = { intakePointId: event.intakePointId }
  return inScope(event.actor, needs) ? undefined : { _tag: "OutOfScope", actorId: event.actor.id, needs }
}
