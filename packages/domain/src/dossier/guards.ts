/**
 * The guards, as pure check functions: each returns the typed reason an event is refused, or `undefined` when it
 * passes. The machine's one xstate guard (`allowed`) calls {@link checkEvent}, and `decide` calls the same function to
 * explain a refusal: one source of truth, so the machine never refuses silently what `decide` would accept.
 *
 * Order of the checks (the first failing one is reported): the state accepts the event; time does not go back;
 * the actor's role and scope; the payload makes sense for this procedure; then the business rule of the event.
 *
 * Business rules:
 * - accept: every mandatory document of the procedure is present (filed, taken from the e-wallet, or added at the
 *   counter); fees due at intake are paid.
 * - leaving `accepted` for processing (hand-over, supplementation request, decision, signature, result): fees due
 *   before processing are paid.
 * - completeStep / transfer: there is a next step; an inter-agency next step is reached by `transfer`, any other by
 *   `completeStep`.
 * - approve / reject: once. sign: after a decision, once. resultReady: decision made, signed where the procedure's
 *   result needs a signature, every fee and requested obligation paid. returnResult: signed where needed, and an
 *   e-wallet return only for results issued electronically.
 * - requestSupplementation: also at intake (state `filed`, by the counter officer): the dossier waits for the
 *   supplement without any clock, and a request made at intake is not a processing request (the late rule below
 *   counts only requests made after acceptance). During processing it is allowed a second time, but the dossier is then marked late (Decree 118/2025 allows one
 *   request; the national index counts a second one as late). Refusing it would leave officers no lawful way to
 *   ask again when a supplement is itself incomplete; marking it keeps the index honest. See {@link supplementationRule}.
 * - paymentConfirmed: a payment id is recorded once (gateways retry).
 * - extendWithApology: the new appointment is later than the current one (and after the event).
 * - supplementationDeadlinePassed: the deadline has passed at `at`.
 */
import { type Calendar, isWorkingDay } from "../calendar/index.ts"
import type { Problem } from "../shared/decode.ts"
import type { DossierContext } from "./context.ts"
import type { DossierEnv } from "./env.ts"
import { type DocumentPresent, type DossierEvent, epochMs } from "./events.ts"
import { actorRefusal, currentStep } from "./permissions.ts"
import type { Refusal } from "./refusals.ts"
import type { DossierStateName } from "./status.ts"
import { vietnamDate } from "./time.ts"
import { type Route, transitionTable } from "./transitions.ts"

// ---- money ------------------------------------------------------------------------------------------------------

export type PaymentStage = "at-intake" | "before-processing" | "before-result"

/** What must have been paid by a stage: fees due at or before it, plus (before the result) requested obligations. */
export function amountOwed(context: DossierContext, stage: PaymentStage | "obligations"): number {
  const order = { "at-intake": 0, "before-processing": 1, obligations: 1, "before-result": 2 } as const
  const fees = context.fees.filter((f) => order[f.due] <= order[stage]).reduce((sum, f) => sum + f.amount, 0)
  const obligations =
    stage === "obligations" || stage === "before-result" ? context.obligations.reduce((s, o) => s + o.amount, 0) : 0
  return fees + obligations
}

export const amountPaid = (context: DossierContext): number => context.payments.reduce((sum, p) => sum + p.amount, 0)

/**
 * Everything still owed: the catalogue's fees and every requested financial obligation, less what was paid. What a
 * payment request asks for (one payment settles it all), and the largest payment {@link paymentAmountRefusal} takes.
 */
export const amountOutstanding = (context: DossierContext): number =>
  Math.max(0, amountOwed(context, "before-result") - amountPaid(context))

/** Pure check: fees due by `stage` are paid. */
export function feesUnpaid(context: DossierContext, stage: PaymentStage): Refusal | undefined {
  const missing = amountOwed(context, stage) - amountPaid(context)
  return missing > 0 ? { _tag: "FeesUnpaid", amount: missing, stage } : undefined
}

/** What is due by the stage the dossier is at: at intake while filed, before processing once accepted, … */
export function dueByState(state: DossierStateName): PaymentStage | "obligations" {
  return state === "filed" || state === "awaitingIntakeSupplement"
    ? "at-intake"
    : state === "accepted"
      ? "before-processing"
      : state === "awaitingPayment"
        ? "obligations"
        : "before-result"
}

/**
 * A payment's amount against what is owed: the catalogue's fees are one debt (paid once, by any channel) and each
 * financial obligation another. A payment is everything still owed, or exactly what the dossier's stage needs now
 * when that is less (fees due at intake before those due with the result); more is an overpayment, any other
 * amount an underpayment.
 */
export function paymentAmountRefusal(
  context: DossierContext,
  state: DossierStateName,
  amount: number,
): Refusal | undefined {
  const paid = amountPaid(context)
  const outstanding = amountOutstanding(context)
  const dueNow = Math.max(0, amountOwed(context, dueByState(state)) - paid)
  // everything still owed, or exactly what the current stage needs when that is less: nothing in between
  const settles = amount === outstanding || (dueNow > 0 && amount === dueNow)
  const problem =
    outstanding <= 0 ? "nothing-owed" : amount > outstanding ? "overpayment" : settles ? undefined : "underpayment"
  return problem === undefined ? undefined : { _tag: "PaymentAmountWrong", problem, amount, outstanding, dueNow }
}

/** Whether a payment of `amount` would cover everything requested so far (fees before processing + obligations). */
export const paymentSettles = (context: DossierContext, amount: number): boolean =>
  amountPaid(context) + amount >= amountOwed(context, "obligations")

/** The extra conditions of `transitionTable` routes (`Route.when`): the machine's guards of the same names. */
export const routeConditions: Readonly<
  Record<NonNullable<Route["when"]>, (context: DossierContext, event: DossierEvent) => boolean>
> = {
  paymentSettles: (context, event) => event.type === "paymentConfirmed" && paymentSettles(context, event.amount),
}

// ---- documents -------------------------------------------------------------------------------------------------

/** Merges document lists by id; later entries win (a document digitised at the counter replaces the filed one). */
export function mergeDocuments(
  a: ReadonlyArray<DocumentPresent>,
  b: ReadonlyArray<DocumentPresent>,
): DocumentPresent[] {
  const byId = new Map<string, DocumentPresent>()
  for (const d of [...a, ...b]) byId.set(d.id, { ...byId.get(d.id), ...d })
  return [...byId.values()]
}

/** Pure check: every mandatory document of the procedure is among `present`. */
export function missingMandatoryDocuments(
  env: DossierEnv,
  present: ReadonlyArray<DocumentPresent>,
): Refusal | undefined {
  const have = new Set(present.map((d) => d.id))
  const ids = env.procedure.documents.filter((d) => d.mandatory && !have.has(d.id)).map((d) => d.id)
  return ids.length > 0 ? { _tag: "MissingMandatoryDocuments", ids } : undefined
}

/** Problems with document ids the procedure does not know. */
export function unknownDocuments(
  env: DossierEnv,
  documents: ReadonlyArray<{ readonly id?: string; readonly documentId?: string }>,
  path: string,
): Problem[] {
  const known = new Set(env.procedure.documents.map((d) => d.id))
  const problems: Problem[] = []
  documents.forEach((d, i) => {
    const id = d.id ?? d.documentId
    if (id !== undefined && !known.has(id)) {
      problems.push({
        path: `${path}[${i}].${d.id === undefined ? "documentId" : "id"}`,
        message: `thủ tục ${env.procedure.code} không có thành phần hồ sơ "${id}" / no such document in the procedure`,
      })
    }
  })
  return problems
}

// ---- decisions and signature -----------------------------------------------------------------------------------

export const decisionMissing = (context: DossierContext): Refusal | undefined =>
  context.decision === undefined ? { _tag: "DecisionMissing" } : undefined

export const decisionAlreadyMade = (context: DossierContext): Refusal | undefined =>
  context.decision === undefined ? undefined : { _tag: "DecisionAlreadyMade", decision: context.decision.kind }

export const alreadySigned = (context: DossierContext): Refusal | undefined =>
  context.signature === undefined ? undefined : { _tag: "AlreadySigned", at: context.signature.at }

/** Pure check: a corrected result replaces a signed one, so there must be one. */
export const notYetSigned = (context: DossierContext): Refusal | undefined =>
  context.signature === undefined ? { _tag: "SignatureRequired" } : undefined

/** Pure check: a signature is present where the procedure's result requires one. */
export const signatureMissing = (env: DossierEnv, context: DossierContext): Refusal | undefined =>
  env.procedure.result.signatureRequired && context.signature === undefined ? { _tag: "SignatureRequired" } : undefined

// ---- steps -------------------------------------------------------------------------------------------------------

/** Pure check: the dossier can be handed to a next step with this event. */
export function handoverRefusal(
  env: DossierEnv,
  context: DossierContext,
  via: "completeStep" | "transfer",
): Refusal | undefined {
  const step = currentStep(env, context)
  const next = env.procedure.process[context.currentStep + 1]
  if (step === undefined) return { _tag: "NoNextStep", stepId: "" }
  if (next === undefined) return { _tag: "NoNextStep", stepId: step.id }
  const expected = next.role === "inter-agency" ? "transfer" : "completeStep"
  return via === expected ? undefined : { _tag: "WrongHandover", expected, nextStepId: next.id }
}

// ---- other rules -----------------------------------------------------------------------------------------------

/**
 * The supplementation rule: the first request pauses the clock; a later one pauses it too but marks the dossier
 * late (`lateMarks: repeated-supplementation`). Never refused.
 */
export const supplementationRule = (context: DossierContext): "first" | "repeated-marks-late" =>
  context.supplementations.some((s) => s.atIntake !== true) ? "repeated-marks-late" : "first"

export const duplicatePayment = (context: DossierContext, paymentId: string): Refusal | undefined =>
  context.payments.some((p) => p.paymentId === paymentId) ? { _tag: "DuplicatePayment", paymentId } : undefined

export function appointmentNotLater(context: DossierContext, requested: string): Refusal | undefined {
  const appointment = context.appointment
  if (appointment === undefined) return undefined
  return epochMs(requested) > epochMs(appointment) ? undefined : { _tag: "AppointmentNotLater", appointment, requested }
}

/** A new appointment is a day the centre works: a citizen cannot be asked to come back on a Sunday or during Tết. */
export function appointmentOnDayOff(calendar: Calendar, requested: string): Refusal | undefined {
  return isWorkingDay(calendar, vietnamDate(requested)) ? undefined : { _tag: "AppointmentOnDayOff", requested }
}

export function deadlineNotReached(context: DossierContext, at: string): Refusal | undefined {
  const open = context.supplementations[context.supplementations.length - 1]
  if (open === undefined) return undefined
  return epochMs(at) >= epochMs(open.applicantDeadline)
    ? undefined
    : { _tag: "DeadlineNotReached", deadline: open.applicantDeadline }
}

export function returnMethodUnavailable(env: DossierEnv, method: string): Refusal | undefined {
  return method === "e-wallet" && env.procedure.result.form === "paper"
    ? { _tag: "ReturnMethodUnavailable", method }
    : undefined
}

export const notAllowedInState = (state: DossierStateName, event: string): Refusal | undefined =>
  Object.hasOwn(transitionTable[state], event) ? undefined : { _tag: "NotAllowedInState", state, event }

export const instantBeforeLastEvent = (context: DossierContext, at: string): Refusal | undefined =>
  epochMs(at) < epochMs(context.lastEventAt)
    ? { _tag: "InstantBeforeLastEvent", at, last: context.lastEventAt }
    : undefined

// ---- payload ---------------------------------------------------------------------------------------------------

const after = (path: string, value: string, at: string, what: string): Problem[] =>
  epochMs(value) > epochMs(at)
    ? []
    : [{ path, message: `${what} phải sau thời điểm sự kiện (${at}) / must be after the event` }]

/** Problems of an event's payload against the procedure and the dossier (ids it does not know, dates in the past). */
/** Names compared as a person reads them: Unicode-normalised, case and runs of spaces ignored. */
const sameName = (name: string) => name.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim()

/**
 * A financial obligation is another debt than the procedure's fees (a tax, a land-use levy, a registration charge of
 * another authority): asking again for one of the dossier's own fee lines would make the applicant owe it twice
 * (issue 16: the fee paid online, then requested again, showed as still owed). Those items are problems.
 */
export function catalogueFeesAsked(
  context: DossierContext,
  items: ReadonlyArray<{ readonly name: string }>,
): Problem[] {
  const own = new Set(context.fees.map((f) => sameName(f.name)))
  return items.flatMap((item, i) =>
    own.has(sameName(item.name))
      ? [
          {
            path: `items[${i}].name`,
            message:
              `"${item.name}" là phí, lệ phí của thủ tục, đã tính khi nộp hồ sơ (thu một lần, qua bất kỳ kênh nào); ` +
              "nghĩa vụ tài chính là khoản khác / is the procedure's own fee, owed once since filing; a financial " +
              "obligation is another item",
          },
        ]
      : [],
  )
}

export function payloadProblems(env: DossierEnv, context: DossierContext, event: DossierEvent): Problem[] {
  switch (event.type) {
    case "accept":
      return unknownDocuments(env, event.documents ?? [], "documents")
    case "supplementReceived":
      return unknownDocuments(env, event.documents, "documents")
    case "requestSupplementation":
      return [
        ...unknownDocuments(env, event.missing, "missing"),
        ...after("applicantDeadline", event.applicantDeadline, event.at, "Hạn bổ sung"),
      ]
    case "extendWithApology":
      return after("newAppointment", event.newAppointment, event.at, "Ngày hẹn mới")
    case "requestFinancialObligation":
      return catalogueFeesAsked(context, event.items)
    case "transfer": {
      if (event.agencyCode === context.agencyCode) {
        return [{ path: "agencyCode", message: "liên thông phải chuyển sang cơ quan khác / must be another authority" }]
      }
      // The machine has no jurisdiction data (the application checks the code exists); it holds the process to the
      // authority its next step names, when it names one.
      const named = env.procedure.process[context.currentStep + 1]?.agencyCode
      return named === undefined || named === event.agencyCode
        ? []
        : [
            {
              path: "agencyCode",
              message: `bước tiếp theo chuyển cho cơ quan ${named} / the next step goes to ${named}`,
            },
          ]
    }
    default:
      return []
  }
}

// ---- the rule of each event ------------------------------------------------------------------------------------

/** Events that, sent in `accepted`, start processing and so need the fees due before processing. */
const startsProcessing = new Set([
  "completeStep",
  "transfer",
  "requestSupplementation",
  "approve",
  "reject",
  "sign",
  "resultReady",
])

function ruleRefusal(
  env: DossierEnv,
  state: DossierStateName,
  context: DossierContext,
  event: DossierEvent,
): Refusal | undefined {
  const beforeProcessing =
    state === "accepted" && startsProcessing.has(event.type) ? feesUnpaid(context, "before-processing") : undefined
  switch (event.type) {
    case "accept":
      return (
        missingMandatoryDocuments(env, mergeDocuments(context.documents, event.documents ?? [])) ??
        feesUnpaid(context, "at-intake")
      )
    case "completeStep":
    case "transfer":
      return handoverRefusal(env, context, event.type) ?? beforeProcessing
    case "approve":
    case "reject":
      return decisionAlreadyMade(context) ?? beforeProcessing
    case "sign":
      return decisionMissing(context) ?? alreadySigned(context) ?? beforeProcessing
    case "replaceResult":
      return decisionMissing(context) ?? notYetSigned(context)
    case "resultReady":
      return (
        decisionMissing(context) ??
        signatureMissing(env, context) ??
        beforeProcessing ??
        feesUnpaid(context, "before-result")
      )
    case "returnResult":
      return returnMethodUnavailable(env, event.method) ?? signatureMissing(env, context)
    case "paymentConfirmed":
      return duplicatePayment(context, event.paymentId) ?? paymentAmountRefusal(context, state, event.amount)
    case "extendWithApology":
      return (
        appointmentNotLater(context, event.newAppointment) ?? appointmentOnDayOff(env.calendar, event.newAppointment)
      )
    case "supplementationDeadlinePassed":
      return deadlineNotReached(context, event.at)
    case "requestSupplementation":
      return beforeProcessing
    default:
      return undefined
  }
}

/**
 * Every check for one event in one state, in order; `undefined` means the machine takes the transition.
 * This is the single source of truth for both the machine's guard and `decide`.
 */
export function checkEvent(
  env: DossierEnv,
  state: DossierStateName,
  context: DossierContext,
  event: DossierEvent,
): Refusal | undefined {
  const notInState = notAllowedInState(state, event.type)
  if (notInState !== undefined) return notInState
  const problems = payloadProblems(env, context, event)
  return (
    instantBeforeLastEvent(context, event.at) ??
    actorRefusal(env, context, event) ??
    (problems.length > 0 ? { _tag: "InvalidEvent", problems } : undefined) ??
    ruleRefusal(env, state, context, event)
  )
}
