// What became of each notice, and how each citizen wants to be told. The relay records every delivery attempt's
// outcome per notice and channel (sent with the provider's message id, retrying or failed with the reason), a
// provider's delivery report marks it delivered or failed, and the dossier's page lists them. Citizens choose their
// channels in order (e.g. Zalo, then SMS); the relay follows that order, moving to the next channel when one refuses
// the notice for good. Optional (`Effect.serviceOption`): without it notices go to the channel the plan chose and
// nothing is recorded. The SQL implementation is in adapters/storage-sql (notifications.ts).
import { Context, Effect, Layer } from "effect"
import type { StoreUnavailable } from "./errors.ts"
import type { NotificationChannel } from "./notifier.ts"

export type DeliveryStatus = "sent" | "delivered" | "retrying" | "failed"

export interface NotificationDelivery {
  /** The notice (one outbox row): with the channel, the key of this record. */
  readonly notificationId: string
  readonly channel: NotificationChannel
  readonly dossierCode: string
  readonly about: string
  readonly status: DeliveryStatus
  /** Why it failed or is retried (the channel's answer, never the recipient's address). */
  readonly reason?: string
  /** The provider's id of the message, for its delivery reports. */
  readonly messageId?: string
  readonly attempts: number
  readonly updatedAt: string
}

export const NOTIFICATION_CHANNELS: ReadonlyArray<NotificationChannel> = ["sms", "zalo", "email", "portal"]

export interface NotificationStoreShape {
  /** Writes the outcome of an attempt (the attempt count grows by one over the stored record). */
  readonly recordAttempt: (
    delivery: Omit<NotificationDelivery, "attempts">,
  ) => Effect.Effect<NotificationDelivery, StoreUnavailable>
  /** A provider's report on a message sent: delivered, or failed with its reason. Undefined for an unknown id. */
  readonly report: (
    messageId: string,
    outcome: { readonly status: "delivered" | "failed"; readonly reason?: string; readonly at: string },
  ) => Effect.Effect<NotificationDelivery | undefined, StoreUnavailable>
  readonly ofDossier: (dossierCode: string) => Effect.Effect<ReadonlyArray<NotificationDelivery>, StoreUnavailable>
  /** The channels an account chose, in order; undefined when it never chose. */
  readonly preferencesOf: (
    accountId: string,
  ) => Effect.Effect<ReadonlyArray<NotificationChannel> | undefined, StoreUnavailable>
  readonly setPreferences: (
    accountId: string,
    channels: ReadonlyArray<NotificationChannel>,
    at: string,
  ) => Effect.Effect<void, StoreUnavailable>
}

/** The attempt applied to what was stored: one record per notice and channel, attempts counted. */
export const nextAttempt = (
  stored: NotificationDelivery | undefined,
  delivery: Omit<NotificationDelivery, "attempts">,
): NotificationDelivery => ({ ...delivery, attempts: (stored?.attempts ?? 0) + 1 })

export const makeMemoryNotificationStore = (): NotificationStoreShape => {
  const deliveries = new Map<string, NotificationDelivery>()
  const preferences = new Map<string, ReadonlyArray<NotificationChannel>>()
  const key = (id: string, channel: string) => `${id}\u0000${channel}`
  return {
    recordAttempt: (delivery) =>
      Effect.sync(() => {
        const k = key(delivery.notificationId, delivery.channel)
        const next = nextAttempt(deliveries.get(k), delivery)
        deliveries.set(k, next)
        return next
      }),
    report: (messageId, outcome) =>
      Effect.sync(() => {
        for (const [k, d] of deliveries) {
          if (d.messageId !== messageId) continue
          const next: NotificationDelivery = {
            ...d,
            status: outcome.status,
            ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
            updatedAt: outcome.at,
          }
          deliveries.set(k, next)
          return next
        }
        return undefined
      }),
    ofDossier: (dossierCode) =>
      Effect.sync(() =>
        [...deliveries.values()]
          .filter((d) => d.dossierCode === dossierCode)
          .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.notificationId.localeCompare(b.notificationId)),
      ),
    preferencesOf: (accountId) => Effect.sync(() => preferences.get(accountId)),
    setPreferences: (accountId, channels) =>
      Effect.sync(() => {
        preferences.set(accountId, [...channels])
      }),
  }
}

export class NotificationStore extends Context.Service<NotificationStore, NotificationStoreShape>()(
  "@motcua/application/NotificationStore",
) {
  static readonly layerMemory = Layer.sync(NotificationStore, makeMemoryNotificationStore)
}
