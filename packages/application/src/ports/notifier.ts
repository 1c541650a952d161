// Notifications to applicants: a message (and the standard form when there is one) through a channel: SMS, e-mail,
// the citizen's portal account (and later Zalo or VNeID through adapters).
import { Context, Effect, Layer } from "effect"
import { CallLog } from "./call-log.ts"
import { ExternalServiceFailed } from "./external-errors.ts"
import type { Json } from "./json.ts"

export type NotificationChannel = "sms" | "email" | "zalo" | "portal"

export interface Notification {
  /** What it is about (`receipt`, `supplementation-request`, ...: the domain's NoticeKind). */
  readonly about: string
  /** The standard form to attach, when there is one. */
  readonly form?: string
  readonly channel: NotificationChannel
  /** Phone number, e-mail address or portal account id, per channel. */
  readonly recipient: string
  readonly dossierCode: string
  /** Idempotency key: the same notification sent twice is delivered once. */
  readonly notificationId: string
  readonly data: Json
}

export interface NotifierShape {
  readonly send: (notification: Notification) => Effect.Effect<{ readonly messageId: string }, ExternalServiceFailed>
}

export class Notifier extends Context.Service<Notifier, NotifierShape>()("@motcua/application/Notifier") {
  static readonly layerTest = Layer.effect(
    Notifier,
    Effect.gen(function* () {
      const log = yield* CallLog
      return Notifier.of({
        send: (notification) =>
          log.record("Notifier", "send", notification).pipe(
            Effect.mapError((cause) => new ExternalServiceFailed({ port: "Notifier", operation: "send", cause })),
            Effect.as({ messageId: `msg-${notification.notificationId}` }),
          ),
      })
    }),
  )
}
