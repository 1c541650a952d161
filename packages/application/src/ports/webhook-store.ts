// Where webhook subscriptions of embedding systems live, with a record of every delivery attempt. A subscription
// belongs to the principal that made it (an integration client or the province administrator); its secret signs
// what is sent (webhooks/signature.ts), so it is kept as given (it cannot be hashed) and never shown again.
import { Context, Effect, Layer } from "effect"
import type { StoreUnavailable } from "./errors.ts"
import type { Instant } from "./records.ts"

export interface WebhookSubscription {
  readonly id: string
  /** The principal that made it; an integration client sees and receives only its own authorities' events. */
  readonly ownerId: string
  /** The owner's authorities (integration client), or undefined for all (province administrator). */
  readonly agencyCodes: ReadonlyArray<string> | undefined
  readonly url: string
  /** Event types (`dossier.accept`, …) or `*` for every one. */
  readonly eventTypes: ReadonlyArray<string>
  readonly secret: string
  readonly createdAt: Instant
  /** Failed deliveries in a row (reset by a delivered one). */
  readonly consecutiveFailures: number
  /** Set when it reached the most failures in a row; a disabled subscription gets nothing. */
  readonly disabledAt: Instant | null
}

export interface WebhookAttempt {
  readonly subscriptionId: string
  /** The event's id (what receivers de-duplicate on). */
  readonly eventId: string
  readonly eventType: string
  readonly at: Instant
  readonly ok: boolean
  /** The receiver's HTTP status, when it answered. */
  readonly status: number | null
  readonly error: string | null
  readonly durationMs: number
}

export interface WebhookStoreShape {
  readonly create: (subscription: WebhookSubscription) => Effect.Effect<void, StoreUnavailable>
  readonly find: (id: string) => Effect.Effect<WebhookSubscription | undefined, StoreUnavailable>
  /** Every subscription, or the owner's, oldest first. */
  readonly list: (ownerId?: string) => Effect.Effect<ReadonlyArray<WebhookSubscription>, StoreUnavailable>
  readonly remove: (id: string) => Effect.Effect<boolean, StoreUnavailable>
  /** Re-enables a disabled subscription (its failures start again from zero). */
  readonly enable: (id: string) => Effect.Effect<boolean, StoreUnavailable>
  /** The enabled subscriptions that take `eventType` (or `*`). */
  readonly activeFor: (eventType: string) => Effect.Effect<ReadonlyArray<WebhookSubscription>, StoreUnavailable>
  /**
   * Records an attempt and, in the same step, its effect on the subscription: a delivered one resets the failures,
   * a failed one counts, and the `disableAfter`-th failure in a row disables it.
   */
  readonly recordAttempt: (
    attempt: WebhookAttempt,
    disableAfter: number,
  ) => Effect.Effect<{ readonly consecutiveFailures: number; readonly disabled: boolean }, StoreUnavailable>
  /** Whether the event was already delivered to the subscription (a retried event skips those). */
  readonly delivered: (subscriptionId: string, eventId: string) => Effect.Effect<boolean, StoreUnavailable>
  /** The latest attempts of a subscription, newest first. */
  readonly attempts: (
    subscriptionId: string,
    limit: number,
  ) => Effect.Effect<ReadonlyArray<WebhookAttempt>, StoreUnavailable>
}

/** In memory, for tests and the in-memory runtime. */
export const makeMemoryWebhookStore = (): WebhookStoreShape => {
  const subscriptions = new Map<string, WebhookSubscription>()
  let attempts: WebhookAttempt[] = []
  return {
    create: (s) => Effect.sync(() => void subscriptions.set(s.id, s)),
    find: (id) => Effect.sync(() => subscriptions.get(id)),
    list: (ownerId) =>
      Effect.sync(() => [...subscriptions.values()].filter((s) => ownerId === undefined || s.ownerId === ownerId)),
    remove: (id) =>
      Effect.sync(() => {
        attempts = attempts.filter((a) => a.subscriptionId !== id)
        return subscriptions.delete(id)
      }),
    enable: (id) =>
      Effect.sync(() => {
        const s = subscriptions.get(id)
        if (s === undefined) return false
        subscriptions.set(id, { ...s, disabledAt: null, consecutiveFailures: 0 })
        return true
      }),
    activeFor: (eventType) =>
      Effect.sync(() =>
        [...subscriptions.values()].filter(
          (s) => s.disabledAt === null && (s.eventTypes.includes("*") || s.eventTypes.includes(eventType)),
        ),
      ),
    recordAttempt: (attempt, disableAfter) =>
      Effect.sync(() => {
        attempts.push(attempt)
        const s = subscriptions.get(attempt.subscriptionId)
        if (s === undefined) return { consecutiveFailures: 0, disabled: false }
        const consecutiveFailures = attempt.ok ? 0 : s.consecutiveFailures + 1
        const disabled = s.disabledAt !== null || consecutiveFailures >= disableAfter
        subscriptions.set(s.id, {
          ...s,
          consecutiveFailures,
          disabledAt: s.disabledAt ?? (disabled ? attempt.at : null),
        })
        return { consecutiveFailures, disabled }
      }),
    delivered: (subscriptionId, eventId) =>
      Effect.sync(() => attempts.some((a) => a.subscriptionId === subscriptionId && a.eventId === eventId && a.ok)),
    attempts: (subscriptionId, limit) =>
      Effect.sync(() =>
        attempts
          .filter((a) => a.subscriptionId === subscriptionId)
          .reverse()
          .slice(0, limit),
      ),
  }
}

export class WebhookStore extends Context.Service<WebhookStore, WebhookStoreShape>()(
  "@motcua/application/WebhookStore",
) {
  static readonly layerMemory = Layer.sync(WebhookStore, makeMemoryWebhookStore)
}
