// What an embedding system receives: one event per dossier transition, without personal data (the dossier code,
// its procedure, authority, the transition and the national status), and the test event an owner can ask for.
import type { Json } from "../ports/json.ts"

/** Every event type a subscription may name (or `*`). */
export const webhookEventTypes = [
  "dossier.file",
  "dossier.accept",
  "dossier.refuse",
  "dossier.requestSupplementation",
  "dossier.receiveSupplement",
  "dossier.supplementationDeadlinePassed",
  "dossier.requestFinancialObligation",
  "dossier.paymentConfirmed",
  "dossier.completeStep",
  "dossier.transfer",
  "dossier.approve",
  "dossier.reject",
  "dossier.sign",
  "dossier.replaceResult",
  "dossier.resultReady",
  "dossier.returnResult",
  "dossier.withdraw",
  "dossier.stop",
  "dossier.extendWithApology",
  "dossier.correct",
  "webhook.test",
] as const

export interface WebhookEvent {
  /** Unique per event; receivers de-duplicate on it (delivery is at least once). */
  readonly id: string
  readonly type: string
  readonly occurredAt: string
  /** The dossier's authority: an integration client receives only its own authorities' events. */
  readonly agencyCode: string | null
  readonly data: Json
}

/** The JSON body sent: the event as it is. */
export const eventBody = (event: WebhookEvent): string => JSON.stringify(event)
