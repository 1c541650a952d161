/**
 * The named actions a transition asks the application layer to carry out. The machine only *names* them (with their
 * data); `transition`/`decide` return them as plain objects and run nothing. The application layer writes the audit
 * entry, enqueues the portal sync and the notification in its outbox, creates the payment request and schedules the
 * deadline check, in the same transaction as the new snapshot.
 *
 * - `audit`: every accepted event (and the filing), with who, when and the state change.
 * - `syncPortal`: `dossier` when the national portal's dossier record changes (status, appointment, documents, fees,
 *   return, corrections), `progress` for a progress update (status change or hand-over between steps). `entered`
 *   lists the statuses entered, in order (two when processing starts straight from 2, see `status.ts`).
 * - `notifyApplicant`: what to tell the applicant, and the standard form to attach when there is one (`forms.ts`).
 * - `requestPayment`: a payment request, in đồng: at filing, for the catalogue's fees (all of them, one debt paid
 *   once by any channel, so the citizen can pay online at once); on a financial obligation, for what the stage then
 *   needs (fees before processing and the obligations, less what was paid).
 * - `scheduleDeadlineCheck`: when to look again: the supplementation deadline (the check sends
 *   `supplementationDeadlinePassed`), the appointment and the current step's due instant (for reminders).
 */
import type { DossierContext } from "./context.ts"
import type { DossierEvent, ObligationItem, Role } from "./events.ts"
import { amountOwed, amountPaid } from "./guards.ts"
import { statusesEntered } from "./reducers.ts"
import { type DossierStateName, type NationalStatusCode, statusOfState } from "./status.ts"

/** The standard forms (`forms.ts` builds their data). */
export type FormKind = "receipt" | "supplementation-request" | "refusal" | "apology" | "stop-notice"

export type NoticeKind =
  | FormKind
  | "filed"
  | "payment-request"
  | "result-ready"
  | "result-returned"
  | "withdrawal-confirmed"
  | "correction"

export interface AuditEntry {
  readonly dossierCode: string
  readonly event: DossierEvent["type"] | "file"
  readonly actorId: string
  readonly role: Role
  readonly at: string
  readonly from: DossierStateName | null
  readonly to: DossierStateName
}

export interface PortalSync {
  readonly what: "dossier" | "progress"
  readonly status: NationalStatusCode
  readonly entered: ReadonlyArray<NationalStatusCode>
  readonly at: string
  /** The step holding the dossier after the transition, for progress updates. */
  readonly stepId?: string
}

export interface ApplicantNotice {
  readonly about: NoticeKind
  readonly form?: FormKind
  readonly at: string
}

export interface PaymentRequest {
  readonly amount: number
  readonly items: ReadonlyArray<ObligationItem>
  readonly at: string
}

export interface DeadlineCheck {
  readonly kind: "supplementation" | "appointment" | "step"
  readonly due: string
  readonly stepId?: string
}

export type DossierAction =
  | { readonly type: "audit"; readonly params: AuditEntry }
  | { readonly type: "syncPortal"; readonly params: PortalSync }
  | { readonly type: "notifyApplicant"; readonly params: ApplicantNotice }
  | { readonly type: "requestPayment"; readonly params: PaymentRequest }
  | { readonly type: "scheduleDeadlineCheck"; readonly params: DeadlineCheck }

export type DossierActionType = DossierAction["type"]

const notices: Readonly<Partial<Record<DossierEvent["type"], ApplicantNotice["about"]>>> = {
  accept: "receipt",
  refuse: "refusal",
  requestSupplementation: "supplementation-request",
  supplementationDeadlinePassed: "stop-notice",
  stop: "stop-notice",
  extendWithApology: "apology",
  requestFinancialObligation: "payment-request",
  resultReady: "result-ready",
  returnResult: "result-returned",
  withdraw: "withdrawal-confirmed",
  correct: "correction",
}
const forms: ReadonlySet<string> = new Set(["receipt", "refusal", "supplementation-request", "stop-notice", "apology"])

/** Events that change the portal's dossier record without changing the status. */
const recordChanges: ReadonlySet<string> = new Set([
  "paymentConfirmed",
  "extendWithApology",
  "correct",
  "replaceResult",
])
/** Events that are a progress update without changing the status. */
const progressChanges: ReadonlySet<string> = new Set(["completeStep", "transfer", "approve", "reject", "sign"])

const openStep = (context: DossierContext) => {
  const last = context.steps[context.steps.length - 1]
  return last !== undefined && last.endedAt === undefined ? last : undefined
}

function sync(
  what: PortalSync["what"],
  to: DossierStateName,
  entered: NationalStatusCode[],
  context: DossierContext,
  at: string,
): DossierAction {
  const step = openStep(context)
  return {
    type: "syncPortal",
    params: { what, status: statusOfState[to], entered, at, ...(step === undefined ? {} : { stepId: step.stepId }) },
  }
}

function schedule(kind: "appointment" | "step", context: DossierContext): DossierAction[] {
  if (kind === "appointment") {
    return context.appointment === undefined
      ? []
      : [{ type: "scheduleDeadlineCheck", params: { kind, due: context.appointment } }]
  }
  const step = openStep(context)
  return step === undefined
    ? []
    : [{ type: "scheduleDeadlineCheck", params: { kind, due: step.dueAt, stepId: step.stepId } }]
}

/** The named actions of an accepted event, from the context *after* it. */
export function effectsOf(
  from: DossierStateName,
  to: DossierStateName,
  context: DossierContext,
  event: DossierEvent,
): DossierAction[] {
  const at = event.at
  const out: DossierAction[] = [
    {
      type: "audit",
      params: {
        dossierCode: context.dossierCode,
        event: event.type,
        actorId: event.actor.id,
        role: event.actor.role,
        at,
        from,
        to,
      },
    },
  ]
  const entered = statusesEntered(from, to)
  if (entered.length > 0)
    out.push(sync("dossier", to, entered, context, at), sync("progress", to, entered, context, at))
  else if (recordChanges.has(event.type)) out.push(sync("dossier", to, entered, context, at))
  else if (progressChanges.has(event.type)) out.push(sync("progress", to, entered, context, at))

  // a supplement asked at intake and never brought: the dossier is not received, so the applicant gets a refusal slip
  const about = event.type === "supplementationDeadlinePassed" && to === "refused" ? "refusal" : notices[event.type]
  if (about !== undefined) {
    out.push({
      type: "notifyApplicant",
      params: { about, at, ...(forms.has(about) ? { form: about as FormKind } : {}) },
    })
  }
  switch (event.type) {
    case "requestFinancialObligation":
      out.push({
        type: "requestPayment",
        params: {
          amount: Math.max(0, amountOwed(context, "obligations") - amountPaid(context)),
          items: event.items,
          at,
        },
      })
      break
    case "requestSupplementation":
      out.push({ type: "scheduleDeadlineCheck", params: { kind: "supplementation", due: event.applicantDeadline } })
      break
    case "accept":
    case "supplementReceived":
      out.push(...schedule("appointment", context), ...schedule("step", context))
      break
    case "paymentConfirmed":
      if (from === "awaitingPayment" && to === "working")
        out.push(...schedule("appointment", context), ...schedule("step", context))
      break
    case "completeStep":
    case "transfer":
      out.push(...schedule("step", context))
      break
    case "extendWithApology":
      out.push(...schedule("appointment", context))
      break
  }
  return out
}

/** The named actions of a filing (the machine's initial state). */
export function filingEffects(context: DossierContext): DossierAction[] {
  const at = context.receivedAt
  const { id, role } = context.filedBy
  return [
    {
      type: "audit",
      params: { dossierCode: context.dossierCode, event: "file", actorId: id, role, at, from: null, to: "filed" },
    },
    sync("dossier", "filed", [1], context, at),
    sync("progress", "filed", [1], context, at),
    { type: "notifyApplicant", params: { about: "filed", at } },
    ...feeRequest(context, at),
  ]
}

/** The payment request of the catalogue's fees at filing, when something is owed (an exempted dossier owes 0). */
function feeRequest(context: DossierContext, at: string): DossierAction[] {
  const items = context.fees.filter((f) => f.amount > 0).map((f) => ({ name: f.name, amount: f.amount }))
  const amount = Math.max(0, amountOwed(context, "before-result") - amountPaid(context))
  return amount === 0 ? [] : [{ type: "requestPayment", params: { amount, items, at } }]
}
