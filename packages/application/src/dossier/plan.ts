// What the application writes for the machine's named actions, in the same transaction as the new snapshot:
// `audit` → an audit entry; `syncPortal`, `notifyApplicant`, `requestPayment`, `scheduleDeadlineCheck` → outbox rows
// that the relay (relay/relay.ts) delivers after the commit.
import {
  type DossierAction,
  type DossierContext,
  type DossierStateName,
  type Jurisdiction,
  type Procedure,
  statusOfState,
} from "@motcua/domain"
import { portalProgressView, portalRecordView } from "../portal/view.ts"
import type { Json } from "../ports/json.ts"
import type { AuditEntryInput, OutboxMessageInput } from "../ports/records.ts"
import { stored } from "./instants.ts"

/** Outbox topics, one relay handler each. */
export const topics = {
  portalSync: "portal.sync",
  notifyApplicant: "notify.applicant",
  paymentRequest: "payment.request",
  deadlineCheck: "deadline.check",
  /** Service-level notices to officers (due soon, overdue), enqueued by the SLA sweep (quality/sla.ts). */
  notifyOfficer: "notify.officer",
  /** One per transition, for embedding systems' webhook subscriptions (webhooks/deliver.ts). */
  webhookEvent: "webhook.event",
  /** A receipt issued or cancelled, for the tax authority's e-invoice system (payments/einvoice.ts). */
  einvoiceReceipt: "einvoice.receipt",
} as const
export type OutboxTopic = (typeof topics)[keyof typeof topics]

export interface Plan {
  readonly audit: AuditEntryInput[]
  readonly outbox: OutboxMessageInput[]
}

export interface PlanInput {
  readonly actions: ReadonlyArray<DossierAction>
  /** The context after the event. */
  readonly context: DossierContext
  readonly state: DossierStateName
  readonly procedure: Procedure
  /** The principal behind the actor (an integration client acts as the machine's `system`). */
  readonly principalId: string
  /** Their name, when known (the portal's progress names the officer who handled a step). */
  readonly principalName?: string | undefined
  /** The agencies and intake points, for their names in the portal record. */
  readonly jurisdiction?: Jurisdiction
  /** The event's own data (without actor and instant), kept in the audit entry. */
  readonly eventData: Json
  /** Ids for payment requests, one per `requestPayment` action. */
  readonly paymentRequestIds: ReadonlyArray<string>
}

/** Where to reach the applicant: SMS when there is a phone, else e-mail, else their portal account. */
/**
 * Every way to reach the applicant, and whose channel choices apply (the applicant's id number): the relay follows
 * the citizen's chosen order when there is one (NotificationStore), else the default channel below.
 */
function contactsOf(context: DossierContext) {
  const { phone, email } = context.applicant
  return {
    applicantId: context.applicant.id,
    contacts: {
      ...(phone === undefined ? {} : { sms: phone, zalo: phone }),
      ...(email === undefined ? {} : { email }),
      portal: context.filedBy.role === "citizen" ? context.filedBy.id : context.applicant.id,
    },
  }
}

function recipientOf(context: DossierContext): { channel: "sms" | "email" | "portal"; recipient: string } {
  const { phone, email } = context.applicant
  if (phone !== undefined) return { channel: "sms", recipient: phone }
  if (email !== undefined) return { channel: "email", recipient: email }
  return {
    channel: "portal",
    recipient: context.filedBy.role === "citizen" ? context.filedBy.id : context.applicant.id,
  }
}

export function planOf(input: PlanInput): Plan {
  const { context, procedure } = input
  const audit: AuditEntryInput[] = []
  const outbox: OutboxMessageInput[] = []
  let payments = 0
  let lastAudit: { event: string; actorId: string; role: string } | undefined
  for (const action of input.actions) {
    switch (action.type) {
      case "audit": {
        const p = action.params
        lastAudit = { event: p.event, actorId: p.actorId, role: p.role }
        audit.push({
          at: stored(p.at),
          actor: p.actorId,
          action: `dossier.${p.event}`,
          detail: {
            event: p.event,
            role: p.role,
            principalId: input.principalId,
            from: p.from,
            to: p.to,
            status: statusOfState[p.to],
            data: input.eventData,
          },
        })
        // what embedding systems are told: the transition without personal data (the event's own data stays in
        // the audit entry)
        outbox.push({
          topic: topics.webhookEvent,
          payload: {
            type: `dossier.${p.event}`,
            occurredAt: stored(p.at),
            agencyCode: context.agencyCode,
            data: {
              dossierCode: context.dossierCode,
              procedureCode: context.procedureCode,
              from: p.from,
              to: p.to,
              statusCode: statusOfState[p.to],
            },
          },
        })
        break
      }
      case "syncPortal": {
        const p = action.params
        const kind = p.what === "dossier" ? "record" : "progress"
        const payload: Json =
          kind === "record"
            ? { kind, record: portalRecordView(context, input.state, procedure, input.jurisdiction) as unknown as Json }
            : {
                kind,
                progress: portalProgressView({
                  context,
                  state: input.state,
                  procedure,
                  at: p.at,
                  event: lastAudit?.event ?? "file",
                  entered: p.entered,
                  actor: {
                    id: lastAudit?.actorId ?? input.principalId,
                    role: lastAudit?.role ?? "system",
                    name: input.principalName,
                  },
                  stepId: p.stepId,
                }) as unknown as Json,
              }
        // one dossier's pushes reach the portal in the order they happened, a progress update after its record
        outbox.push({ topic: topics.portalSync, payload, orderingKey: `${topics.portalSync}:${context.dossierCode}` })
        break
      }
      case "notifyApplicant": {
        const p = action.params
        outbox.push({
          topic: topics.notifyApplicant,
          payload: {
            about: p.about,
            ...(p.form === undefined ? {} : { form: p.form }),
            at: p.at,
            ...recipientOf(context),
            ...contactsOf(context),
            data: {
              dossierCode: context.dossierCode,
              procedureName: procedure.name,
              status: statusOfState[input.state],
              appointmentAt: context.appointment ?? null,
            },
          },
        })
        break
      }
      case "requestPayment": {
        const p = action.params
        const requestId = input.paymentRequestIds[payments++] ?? `${context.dossierCode}-payment-${payments}`
        outbox.push({
          topic: topics.paymentRequest,
          payload: {
            requestId,
            amount: p.amount,
            items: p.items.map((i) => ({ name: i.name, amount: i.amount })),
            at: p.at,
            description: `${procedure.name} - ${context.dossierCode}`,
          },
        })
        break
      }
      case "scheduleDeadlineCheck": {
        const p = action.params
        outbox.push({
          topic: topics.deadlineCheck,
          payload: { kind: p.kind, due: p.due, ...(p.stepId === undefined ? {} : { stepId: p.stepId }) },
          availableAt: stored(p.due),
        })
        break
      }
    }
  }
  // A simulated dossier (motcua simulate) is never sent anywhere: no row is enqueued, so no relay can deliver one.
  return { audit, outbox: context.simulated === true ? [] : outbox }
}

/** How many `requestPayment` actions there are (to allocate their ids before planning). */
export const paymentRequestsIn = (actions: ReadonlyArray<DossierAction>): number =>
  actions.filter((a) => a.type === "requestPayment").length
