// Delivering one event to every enabled subscription that takes it: signed (signature.ts), each attempt recorded,
// a receiver that answered 2xx counts as delivered. A retried event (the outbox row came back) skips the
// subscriptions that already have it, so each gets it once when it answers, and the others again with the outbox's
// backoff; the `disableAfter`-th failure in a row disables a subscription (its owner re-enables it through the API).
import { Effect } from "effect"
import { Clock } from "../ports/clock.ts"
import { WebhookStore, type WebhookSubscription } from "../ports/webhook-store.ts"
import { WebhookTransport } from "../ports/webhook-transport.ts"
import { eventBody, type WebhookEvent } from "./events.ts"
import { SIGNATURE_HEADER, signWebhook } from "./signature.ts"

/** Failed deliveries in a row after which a subscription is disabled. */
export const DISABLE_AFTER_FAILURES = 10

export interface DeliveryOutcome {
  readonly subscriptionId: string
  readonly ok: boolean
  readonly status: number | null
  readonly error: string | null
  readonly disabled: boolean
}

const takes = (subscription: WebhookSubscription, event: WebhookEvent): boolean =>
  subscription.agencyCodes === undefined ||
  (event.agencyCode !== null && subscription.agencyCodes.includes(event.agencyCode)) ||
  event.type === "webhook.test"

/** Sends `event` to one subscription now and records the attempt. */
export const deliverTo = Effect.fnUntraced(function* (
  subscription: WebhookSubscription,
  event: WebhookEvent,
  disableAfter: number = DISABLE_AFTER_FAILURES,
) {
  const store = yield* WebhookStore
  const transport = yield* WebhookTransport
  const at = yield* (yield* Clock).now
  const body = eventBody(event)
  const signature = yield* Effect.promise(() =>
    signWebhook(subscription.secret, body, Math.floor(Date.parse(at) / 1000)),
  )
  const started = performance.now()
  const answer = yield* transport
    .post(
      subscription.url,
      {
        "content-type": "application/json",
        [SIGNATURE_HEADER]: signature,
        "motcua-event-id": event.id,
        "motcua-event-type": event.type,
      },
      body,
    )
    .pipe(Effect.result)
  const status = answer._tag === "Success" ? answer.success.status : null
  const ok = status !== null && status >= 200 && status < 300
  const error = answer._tag === "Failure" ? answer.failure.reason : ok ? null : `the receiver answered ${status}`
  const recorded = yield* store.recordAttempt(
    {
      subscriptionId: subscription.id,
      eventId: event.id,
      eventType: event.type,
      at,
      ok,
      status,
      error,
      durationMs: Math.round(performance.now() - started),
    },
    disableAfter,
  )
  return { subscriptionId: subscription.id, ok, status, error, disabled: recorded.disabled } satisfies DeliveryOutcome
})

/**
 * Delivers `event` to every enabled subscription taking it that does not have it yet. Fails (for the outbox to
 * retry) while a subscription that is still enabled did not get it.
 */
export const deliverEvent = Effect.fnUntraced(function* (event: WebhookEvent, disableAfter = DISABLE_AFTER_FAILURES) {
  const store = yield* WebhookStore
  const subscriptions = (yield* store.activeFor(event.type)).filter((s) => takes(s, event))
  const outcomes: DeliveryOutcome[] = []
  for (const subscription of subscriptions) {
    if (yield* store.delivered(subscription.id, event.id)) continue
    outcomes.push(yield* deliverTo(subscription, event, disableAfter))
  }
  const pending = outcomes.filter((o) => !o.ok && !o.disabled)
  if (pending.length > 0)
    return yield* Effect.fail(
      `webhook ${event.id}: ${pending.length} receiver(s) not reached yet (${pending.map((p) => `${p.subscriptionId}: ${p.error}`).join("; ")})`,
    )
  return outcomes
})
