/**
 * How each accepted event changes the context: pure functions `(env, from, to, context, event) → context`. The
 * machine runs them inside its `apply` action (an xstate `assign`), never by mutation: xstate v5 ignores mutated
 * context, and a mutation would also corrupt the caller's previous snapshot.
 *
 * Deadlines: the appointment is set at acceptance from the procedure's provincial time and the calendar; each step's
 * due instant from its allowance when it starts. When a pause ends (supplement received, obligation paid, or the
 * dossier stopped/withdrawn while paused), the appointment and the current step's due instant move by the working
 * time the pause took (`moveDeadlineOverPause`).
 */
import { timeliness } from "./classification.ts"
import type { ActedBy, DossierContext, FeeLine, PauseRecord, StepRecord } from "./context.ts"
import type { DossierEnv } from "./env.ts"
import type { Actor, DossierEvent, FileDossier } from "./events.ts"
import { mergeDocuments, supplementationRule } from "./guards.ts"
import { type DossierStateName, type NationalStatusCode, statusOfState } from "./status.ts"
import { addDuration, moveDeadlineOverPause } from "./time.ts"

const actedBy = (actor: Actor): ActedBy => ({ id: actor.id, role: actor.role })

/** The fee lines of a dossier: assessed amounts where given, else the flat amount for the channel. */
export function feeLines(env: DossierEnv, event: FileDossier): FeeLine[] {
  const assessed = new Map((event.fees ?? []).map((f) => [f.feeId, f.amount]))
  return env.procedure.fees.flatMap((fee) => {
    const amount = fee.byChannel?.find((c) => c.channel === event.channel)?.amount ?? fee.amount
    const value = assessed.get(fee.id) ?? (amount.type === "flat" ? amount.amount : undefined)
    return value === undefined ? [] : [{ feeId: fee.id, name: fee.name, kind: fee.kind, amount: value, due: fee.due }]
  })
}

/** The context of a dossier just filed. */
export function filedContext(env: DossierEnv, event: FileDossier): DossierContext {
  return {
    dossierCode: event.dossierCode,
    procedureCode: env.procedure.code,
    ...(env.variantId === undefined ? {} : { variantId: env.variantId }),
    channel: event.channel,
    ...(event.intakePointId === undefined ? {} : { intakePointId: event.intakePointId }),
    agencyCode: event.agencyCode,
    ...(event.unitCode === undefined ? {} : { unitCode: event.unitCode }),
    applicant: event.applicant,
    ...(event.representative === undefined ? {} : { representative: event.representative }),
    filedBy: actedBy(event.actor),
    ...(event.summary === undefined ? {} : { summary: event.summary }),
    documents: mergeDocuments([], event.documents),
    receivedAt: event.at,
    currentStep: -1,
    steps: [],
    supplementations: [],
    pauses: [],
    fees: feeLines(env, event),
    ...(event.exemptions === undefined || event.exemptions.length === 0 ? {} : { exemptions: event.exemptions }),
    obligations: [],
    payments: [],
    extensions: [],
    corrections: [],
    transfers: [],
    lateMarks: [],
    statusHistory: [{ code: 1, at: event.at }],
    lastEventAt: event.at,
    ...(event.simulated === true ? { simulated: true } : {}),
    ...(event.portal === undefined ? {} : { portal: event.portal }),
    ...(event.applicantVerification === undefined ? {} : { applicantVerification: event.applicantVerification }),
  }
}

/** The national status codes a transition enters, in order (4 first when processing starts straight from 2). */
export function statusesEntered(from: DossierStateName, to: DossierStateName): NationalStatusCode[] {
  const a = statusOfState[from]
  const b = statusOfState[to]
  if (a === b) return []
  return a === 2 && b !== 4 && b !== 7 ? [4, b] : [b]
}

const replaceLast = <A>(list: ReadonlyArray<A>, f: (a: A) => A): A[] =>
  list.length === 0 ? [] : [...list.slice(0, -1), f(list[list.length - 1] as A)]

/** Ends the open step (if any) at `at`, with its timeliness. */
function endOpenStep(context: DossierContext, at: string, by: ActedBy): DossierContext {
  const last = context.steps[context.steps.length - 1]
  if (last === undefined || last.endedAt !== undefined) return context
  return {
    ...context,
    steps: replaceLast(context.steps, (s) => ({ ...s, endedAt: at, endedBy: by, timeliness: timeliness(at, s.dueAt) })),
  }
}

/** Starts step `index` of the process at `at`. */
function startStep(
  env: DossierEnv,
  context: DossierContext,
  index: number,
  at: string,
  by: ActedBy,
  extra: { readonly assigneeId?: string; readonly agencyCode?: string },
): DossierContext {
  const step = env.procedure.process[index]
  if (step === undefined) return context
  const record: StepRecord = {
    stepId: step.id,
    index,
    role: step.role,
    unit: extra.agencyCode ?? step.unit,
    ...(extra.agencyCode === undefined ? {} : { agencyCode: extra.agencyCode }),
    handedBy: by,
    ...(extra.assigneeId === undefined ? {} : { assigneeId: extra.assigneeId }),
    startedAt: at,
    dueAt: addDuration(env.calendar, at, step.allowance),
  }
  return { ...context, currentStep: index, steps: [...context.steps, record] }
}

function openPause(context: DossierContext, kind: PauseRecord["kind"], at: string): DossierContext {
  return { ...context, pauses: [...context.pauses, { kind, from: at }] }
}

/** Ends the open pause (if any) at `at`: the appointment and the open step's due instant move over it. */
function closePause(env: DossierEnv, context: DossierContext, at: string): DossierContext {
  const open = context.pauses[context.pauses.length - 1]
  if (open === undefined || open.to !== undefined) return context
  const move = (deadline: string) => moveDeadlineOverPause(env.calendar, deadline, open.from, at)
  const step = context.steps[context.steps.length - 1]
  return {
    ...context,
    pauses: replaceLast(context.pauses, (p) => ({ ...p, to: at })),
    ...(context.appointment === undefined ? {} : { appointment: move(context.appointment) }),
    steps:
      step === undefined || step.endedAt !== undefined
        ? context.steps
        : replaceLast(context.steps, (s) => ({ ...s, dueAt: move(s.dueAt) })),
  }
}

function recordStatus(context: DossierContext, from: DossierStateName, to: DossierStateName, at: string) {
  const entered = statusesEntered(from, to).map((code) => ({ code, at }))
  return entered.length === 0 ? context : { ...context, statusHistory: [...context.statusHistory, ...entered] }
}

const APPLICANT_FIELDS = new Set(["name", "address", "phone", "email"])

/** The context after an accepted event. `from`/`to` are the machine states of the transition. */
export function applyEvent(
  env: DossierEnv,
  from: DossierStateName,
  to: DossierStateName,
  context: DossierContext,
  event: DossierEvent,
): DossierContext {
  const at = event.at
  const by = actedBy(event.actor)
  const base = recordStatus({ ...context, lastEventAt: at }, from, to, at)
  switch (event.type) {
    case "accept": {
      const appointment = addDuration(env.calendar, at, env.procedure.provincialTime)
      const accepted: DossierContext = {
        ...base,
        documents: mergeDocuments(base.documents, event.documents ?? []),
        acceptedAt: at,
        acceptedBy: by,
        appointment,
        initialAppointment: appointment,
      }
      return startStep(env, accepted, 0, at, by, { assigneeId: by.id })
    }
    case "refuse":
      return { ...base, refusal: { at, by, reasons: event.reasons } }
    case "withdraw":
      return endOpenStep(
        closePause(
          env,
          { ...base, withdrawal: { at, by, ...(event.reason === undefined ? {} : { reason: event.reason }) } },
          at,
        ),
        at,
        by,
      )
    case "paymentConfirmed": {
      // The machine goes from awaitingPayment to working only when the payment settles what was requested.
      const settles = from === "awaitingPayment" && to === "working"
      const paid = {
        ...base,
        payments: [...base.payments, { paymentId: event.paymentId, amount: event.amount, at, confirmedBy: by }],
      }
      return settles ? closePause(env, paid, at) : paid
    }
    case "completeStep":
    case "transfer": {
      const ended = endOpenStep(base, at, by)
      const transferred =
        event.type === "transfer"
          ? { ...ended, transfers: [...ended.transfers, { at, by, agencyCode: event.agencyCode }] }
          : ended
      return startStep(env, transferred, base.currentStep + 1, at, by, {
        ...(event.type === "completeStep" && event.assigneeId !== undefined ? { assigneeId: event.assigneeId } : {}),
        ...(event.type === "transfer" ? { agencyCode: event.agencyCode } : {}),
      })
    }
    case "requestSupplementation": {
      if (from === "filed") {
        // at intake: recorded, but nothing pauses (no clock runs before the dossier is received) and no late mark
        const asked = { requestedAt: at, requestedBy: by, stepId: "", atIntake: true as const }
        const record = { ...asked, missing: event.missing, applicantDeadline: event.applicantDeadline }
        return { ...base, supplementations: [...base.supplementations, record] }
      }
      const marked =
        supplementationRule(base) === "repeated-marks-late"
          ? { ...base, lateMarks: [...base.lateMarks, { mark: "repeated-supplementation" as const, at }] }
          : base
      const step = env.procedure.process[base.currentStep]
      const requested: DossierContext = {
        ...marked,
        supplementations: [
          ...marked.supplementations,
          {
            requestedAt: at,
            requestedBy: by,
            stepId: step?.id ?? "",
            missing: event.missing,
            applicantDeadline: event.applicantDeadline,
          },
        ],
      }
      return openPause(requested, "supplementation", at)
    }
    case "supplementReceived": {
      const received: DossierContext = {
        ...base,
        documents: mergeDocuments(base.documents, event.documents),
        supplementations: replaceLast(base.supplementations, (s) => ({
          ...s,
          receivedAt: at,
          documents: event.documents,
        })),
      }
      return closePause(env, received, at)
    }
    case "supplementationDeadlinePassed": {
      const deadline = base.supplementations[base.supplementations.length - 1]?.applicantDeadline ?? at
      const reason = `Quá thời hạn bổ sung hồ sơ (${deadline}) mà người nộp không bổ sung / the applicant did not supplement by the deadline`
      // asked at intake: the dossier was never received, so it is not received (status 3), not stopped
      if (to === "refused") return { ...base, refusal: { at, by, reasons: [reason] } }
      return endOpenStep(closePause(env, { ...base, stop: { at, by, reasons: [reason] } }, at), at, by)
    }
    case "requestFinancialObligation": {
      const requested: DossierContext = {
        ...base,
        obligations: [
          ...base.obligations,
          ...event.items.map((i) => ({ name: i.name, amount: i.amount, requestedAt: at, requestedBy: by })),
        ],
      }
      return env.pauseForFinancialObligation ? openPause(requested, "financial-obligation", at) : requested
    }
    case "approve":
      return {
        ...base,
        decision: { kind: "approved", at, by, ...(event.note === undefined ? {} : { note: event.note }) },
      }
    case "reject":
      return { ...base, decision: { kind: "rejected", at, by, reasons: event.reasons } }
    case "sign":
      return {
        ...base,
        signature: {
          at,
          by,
          signatureId: event.signatureId,
          ...(event.document === undefined ? {} : { document: event.document }),
        },
      }
    case "replaceResult": {
      const replaced = base.signature
      if (replaced === undefined) return base // refused by its guard: never here
      return {
        ...base,
        signature: {
          at,
          by,
          signatureId: event.signatureId,
          ...(event.document === undefined ? {} : { document: event.document }),
          replaces: replaced.signatureId,
        },
        replacedSignatures: [
          ...(base.replacedSignatures ?? []),
          { ...replaced, replacedAt: at, replacedBy: by, replacedWith: event.signatureId, reason: event.reason },
        ],
        // the new signed file stands for the result from now on (the one to return, or returned already)
        ...(base.resultDocumentIds === undefined || replaced.document === undefined
          ? {}
          : {
              resultDocumentIds: base.resultDocumentIds.map((id) =>
                id === replaced.document?.documentId ? (event.document?.documentId ?? id) : id,
              ),
            }),
      }
    }
    case "resultReady":
      return {
        ...base,
        processedAt: at,
        ...(event.resultDocumentIds === undefined ? {} : { resultDocumentIds: event.resultDocumentIds }),
      }
    case "returnResult":
      return endOpenStep({ ...base, returned: { at, by, method: event.method } }, at, by)
    case "stop":
      return endOpenStep(closePause(env, { ...base, stop: { at, by, reasons: event.reasons } }, at), at, by)
    case "extendWithApology":
      return {
        ...base,
        appointment: event.newAppointment,
        extensions: [
          ...base.extensions,
          {
            at,
            by,
            previousAppointment: base.appointment ?? at,
            newAppointment: event.newAppointment,
            reason: event.reason,
          },
        ],
        lateMarks: [...base.lateMarks, { mark: "extended", at }],
      }
    case "correct": {
      let applicant = base.applicant
      for (const change of event.changes) {
        const key = change.field.startsWith("applicant.") ? change.field.slice("applicant.".length) : ""
        if (APPLICANT_FIELDS.has(key)) applicant = { ...applicant, [key]: change.to }
      }
      return {
        ...base,
        applicant,
        corrections: [...base.corrections, { at, by, changes: event.changes, reason: event.reason }],
      }
    }
  }
}
