// What a principal may do to a dossier now, as the dossier's page offers it: each lifecycle event the dossier's state
// takes (the domain's transitionTable), for which the policy grants the principal an action and the machine itself
// (`decide`, which runs the domain's checkEvent: role, step, scope, business rules) does not refuse this principal.
// Nothing here restates a rule: every answer is the policy's and the machine's own, asked with a probe event built
// the way the engine builds the real one (same role, same actor, the clock's instant). What the probe cannot know —
// what the officer will type (a new appointment, an authority code) — is never held against the action.
import {
  acceptedEvents,
  amountOwed,
  amountPaid,
  type DossierEventType,
  type DossierMachine,
  decide,
  describeRefusal,
  type Refusal,
  type RefusalTag,
  type ReturnMethod,
} from "@motcua/domain"
import { Effect, Option } from "effect"
import { type AppAction, authorize } from "../authorization/policy.ts"
import type { Principal } from "../authorization/principal.ts"
import type { EventBody, LoadedDossier } from "../dossier/engine.ts"
import { machineFor } from "../dossier/machines.ts"
import { actorOf, machineRole, targetOf } from "../dossier/target.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { Clock } from "../ports/clock.ts"

/** The application action that sends each lifecycle event a person may ask for (the lifecycle use cases). */
export const actionOfEvent: Readonly<Partial<Record<DossierEventType, AppAction>>> = {
  accept: "dossier.accept",
  refuse: "dossier.refuse",
  requestSupplementation: "dossier.requestSupplementation",
  supplementReceived: "dossier.receiveSupplement",
  requestFinancialObligation: "dossier.requestPayment",
  paymentConfirmed: "dossier.confirmPayment",
  completeStep: "dossier.completeStep",
  transfer: "dossier.transfer",
  approve: "dossier.approve",
  reject: "dossier.reject",
  sign: "dossier.sign",
  replaceResult: "dossier.replaceResult",
  resultReady: "dossier.markResultReady",
  returnResult: "dossier.returnResult",
  withdraw: "dossier.withdraw",
  stop: "dossier.stop",
  extendWithApology: "dossier.extendWithApology",
  correct: "dossier.correct",
}

/** One action the page may offer: allowed now, or blocked by a rule of the machine with its reason. */
export interface OfferedAction {
  readonly event: DossierEventType
  readonly action: AppAction
  readonly allowed: boolean
  /** Why the machine refuses it now, Vietnamese then English (describeRefusal), when it is blocked. */
  readonly reason?: string
  readonly refusal?: RefusalTag
  /** For returnResult: the ways this principal may hand the result over. */
  readonly methods?: ReadonlyArray<ReturnMethod>
}

/**
 * Refusals that say the action is not this principal's now, not taken in this state, not the way on from this step
 * (the next step is reached with the other hand-over event, or there is none), or already done (the decision is
 * made, the result signed, nothing is owed): such an action is not shown at all.
 */
const notOffered = (reason: Refusal): boolean => {
  switch (reason._tag) {
    case "ActorNotAllowed":
    case "OutOfScope":
    case "NotAllowedInState":
    case "WrongHandover":
    case "NoNextStep":
    case "DecisionAlreadyMade":
    case "AlreadySigned":
      return true
    case "PaymentAmountWrong":
      return reason.problem === "nothing-owed"
    default:
      return false
  }
}
/** Refusals about what the person will type, which a probe cannot know: the action stays offered. */
const aboutInput: ReadonlySet<RefusalTag> = new Set(["InvalidEvent", "AppointmentNotLater", "AppointmentOnDayOff"])

const RETURN_METHODS: ReadonlyArray<ReturnMethod> = ["counter", "post", "e-wallet"]
const PROBE = "—"
const later = (at: string, days: number) => new Date(Date.parse(at) + days * 86_400_000).toISOString()

/** A well-formed event of each type, with placeholders where the person's input goes. */
function probes(event: DossierEventType, loaded: LoadedDossier, at: string): ReadonlyArray<EventBody> {
  const context = loaded.context
  switch (event) {
    case "accept":
      return [{ type: "accept" }]
    case "refuse":
      return [{ type: "refuse", reasons: [PROBE] }]
    case "requestSupplementation":
      return [{ type: "requestSupplementation", missing: [{ description: PROBE }], applicantDeadline: later(at, 30) }]
    case "supplementReceived":
      return [{ type: "supplementReceived", documents: [] }]
    case "requestFinancialObligation":
      return [{ type: "requestFinancialObligation", items: [{ name: `${PROBE} probe`, amount: 1 }] }]
    case "paymentConfirmed": {
      // what settles everything still owed: when nothing is owed the machine refuses it (nothing-owed)
      const outstanding = amountOwed(context, "before-result") - amountPaid(context)
      return [{ type: "paymentConfirmed", paymentId: `probe:${at}`, amount: Math.max(1, outstanding) }]
    }
    case "completeStep":
      return [{ type: "completeStep" }]
    case "transfer": {
      const named = loaded.procedure.process[context.currentStep + 1]?.agencyCode
      return [{ type: "transfer", agencyCode: named ?? `${PROBE}${context.agencyCode}` }]
    }
    case "approve":
      return [{ type: "approve" }]
    case "reject":
      return [{ type: "reject", reasons: [PROBE] }]
    case "sign":
      return [{ type: "sign", signatureId: "pending" }]
    case "replaceResult":
      return [{ type: "replaceResult", signatureId: "pending", reason: PROBE }]
    case "resultReady":
      return [{ type: "resultReady" }]
    case "returnResult":
      return RETURN_METHODS.map((method) => ({ type: "returnResult", method }))
    case "withdraw":
      return [{ type: "withdraw" }]
    case "stop":
      return [{ type: "stop", reasons: [PROBE] }]
    case "extendWithApology":
      return [{ type: "extendWithApology", newAppointment: later(context.appointment ?? at, 30), reason: PROBE }]
    case "correct":
      return [{ type: "correct", changes: [{ field: PROBE, to: PROBE }], reason: PROBE }]
    default:
      return []
  }
}

/** The machine's answer to a probe: ok, a refusal that blocks the action, or one that means it is not offered. */
function verdict(
  machine: DossierMachine,
  loaded: LoadedDossier,
  body: EventBody,
  actor: ReturnType<typeof actorOf>,
  at: string,
): { readonly ok: true } | { readonly ok: false; readonly reason: Refusal } | undefined {
  const decision = decide(machine, loaded.dossier, { ...body, actor, at })
  if (decision.ok || aboutInput.has(decision.reason._tag)) return { ok: true }
  // nothing signed yet: there is no result to replace, so replacing one is not an action of this dossier yet
  const nothingToReplace =
    body.type === "replaceResult" &&
    (decision.reason._tag === "SignatureRequired" || decision.reason._tag === "DecisionMissing")
  return notOffered(decision.reason) || nothingToReplace ? undefined : { ok: false, reason: decision.reason }
}

/** The actions the dossier's page offers this principal now, in the order the state's row lists its events. */
export const offeredActions = Effect.fnUntraced(function* (principal: Principal, loaded: LoadedDossier) {
  const catalog = yield* CatalogStore
  const at = yield* (yield* Clock).now
  const machine = yield* Effect.option(machineFor(catalog, loaded.procedure, loaded.context.variantId))
  if (Option.isNone(machine)) return []
  const step = loaded.procedure.process[loaded.context.currentStep]
  const offered: OfferedAction[] = []
  for (const event of acceptedEvents(loaded.dossier.value)) {
    const action = actionOfEvent[event]
    if (action === undefined) continue
    // the role the engine would act in: the policy's, with the step's role tried first
    const decision = authorize(principal, action, targetOf(loaded.context), step === undefined ? [] : [step.role])
    if (!decision.allow) continue
    const role = machineRole(decision.role)
    if (role === undefined) continue
    const actor = actorOf(principal, role)
    const verdicts = probes(event, loaded, at).map((body) => ({
      body,
      verdict: verdict(machine.value, loaded, body, actor, at),
    }))
    const ok = verdicts.filter((v) => v.verdict?.ok === true)
    if (ok.length > 0) {
      offered.push({
        event,
        action,
        allowed: true,
        ...(event === "returnResult"
          ? { methods: ok.map((v) => (v.body as { readonly method: ReturnMethod }).method) }
          : {}),
      })
      continue
    }
    const blocked = verdicts.find((v) => v.verdict !== undefined && !v.verdict.ok)?.verdict
    if (blocked !== undefined && !blocked.ok)
      offered.push({
        event,
        action,
        allowed: false,
        reason: describeRefusal(blocked.reason),
        refusal: blocked.reason._tag,
      })
  }
  return offered
})
