// The outbox relay: claims due rows, hands each to the handler of its topic, and marks it done, or failed with a
// retry time (exponential backoff). Rows were written with the state change, so a message exists exactly when its
// change committed; delivery is at least once (a lease that runs out makes the row claimable again), so handlers
// pass the row id on as the receiver's idempotency key.
import { Effect, Option } from "effect"
import type { Principal } from "../authorization/principal.ts"
import { topics } from "../dossier/plan.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { Clock } from "../ports/clock.ts"
import type { Json } from "../ports/json.ts"
import { type NotificationChannel, Notifier } from "../ports/notifier.ts"
import { Outbox } from "../ports/outbox.ts"
import { PaymentGateway } from "../ports/payment-gateway.ts"
import { PortalSync } from "../ports/portal-sync.ts"
import { IndicatorStore } from "../ports/quality.ts"
import { DEFAULT_MAX_ATTEMPTS, instantOf, type OutboxMessage } from "../ports/records.ts"
import { WebhookStore } from "../ports/webhook-store.ts"
import { WebhookTransport } from "../ports/webhook-transport.ts"
import { supplementationDeadlinePassed } from "../use-cases/deadlines.ts"
import { deliverEvent } from "../webhooks/deliver.ts"

/** Delivers one message; any failure is retried later. */
export type RelayHandler<R> = (message: OutboxMessage) => Effect.Effect<void, unknown, R>
export type RelayHandlers<R> = Readonly<Record<string, RelayHandler<R>>>

export interface RelayOptions {
  readonly workerId?: string
  /** Rows claimed per run. */
  readonly limit?: number
  /** How long a claimed row stays leased to this worker. */
  readonly leaseMs?: number
  /** First retry delay; doubled at each attempt, at most one hour. */
  readonly retryBaseMs?: number
  /** Deliveries tried before a row is given up on (marked dead, never claimed again); DEFAULT_MAX_ATTEMPTS. */
  readonly maxAttempts?: number
}

export interface RelayReport {
  readonly claimed: number
  readonly delivered: ReadonlyArray<number>
  readonly failed: ReadonlyArray<{ readonly id: number; readonly topic: string; readonly error: string }>
  /** Failed rows that used their last attempt: they are dead (also listed in `failed`). */
  readonly dead: ReadonlyArray<number>
  /**
   * Rows whose lease ran out while this relay delivered them and that another relay took over (or settled): this
   * relay's outcome was not written, the other relay's counts.
   */
  readonly lostLeases: ReadonlyArray<number>
}

const HOUR_MS = 3_600_000

/** When to try a row again after its `attempts`-th failed delivery. */
export const retryDelay = (attempts: number, baseMs: number): number =>
  Math.min(HOUR_MS, baseMs * 2 ** Math.max(0, attempts - 1))

const errorText = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : typeof error === "string" ? error : JSON.stringify(error)

/** One pass: claim up to `limit` due rows and deliver each once. */
export const relayOnce = Effect.fnUntraced(function* <R>(handlers: RelayHandlers<R>, options: RelayOptions = {}) {
  const outbox = yield* Outbox
  const clock = yield* Clock
  const workerId = options.workerId ?? "relay"
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS
  const messages = yield* outbox.claim(workerId, options.limit ?? 100, options.leaseMs ?? 60_000, maxAttempts)
  const delivered: number[] = []
  const failed: Array<{ id: number; topic: string; error: string }> = []
  const dead: number[] = []
  const lostLeases: number[] = []
  const leaseLost = (message: OutboxMessage) => {
    lostLeases.push(message.id)
    return Effect.logWarning("outbox: lease lost, another relay holds the row now", {
      id: message.id,
      topic: message.topic,
      workerId,
    })
  }
  for (const message of messages) {
    const handler = Object.hasOwn(handlers, message.topic) ? handlers[message.topic] : undefined
    const delivery: Effect.Effect<void, unknown, R> =
      handler === undefined
        ? Effect.fail(`no handler for topic "${message.topic}"`)
        : Effect.suspend(() => handler(message))
    // a handler that throws (bad payload) fails its row like any other error: the relay goes on with the others
    const outcome = yield* Effect.result(delivery.pipe(Effect.catchDefect((defect) => Effect.fail(defect))))
    if (outcome._tag === "Success") {
      if ((yield* outbox.complete(message.id, workerId)) === "lease-lost") yield* leaseLost(message)
      else delivered.push(message.id)
    } else {
      const error = errorText(outcome.failure)
      const now = Date.parse(yield* clock.now)
      const retryAt = instantOf(now + retryDelay(message.attempts, options.retryBaseMs ?? 30_000))
      const settled = yield* outbox.fail(message.id, workerId, error, retryAt, maxAttempts)
      if (settled === "lease-lost") yield* leaseLost(message)
      else {
        failed.push({ id: message.id, topic: message.topic, error })
        if (settled === "dead") {
          dead.push(message.id)
          yield* Effect.logError("outbox: row given up on after its last attempt", {
            id: message.id,
            topic: message.topic,
            attempts: message.attempts,
            error,
          })
        }
      }
    }
  }
  return { claimed: messages.length, delivered, failed, dead, lostLeases } satisfies RelayReport
})

const field = (payload: Json, key: string): Json | undefined =>
  typeof payload === "object" && payload !== null && !Array.isArray(payload)
    ? (payload as Record<string, Json>)[key]
    : undefined
const text = (payload: Json, key: string): string => {
  const value = field(payload, key)
  if (typeof value !== "string") throw new TypeError(`outbox payload: "${key}" is not text`)
  return value
}

/** The account the scheduler acts as: an integration client for every authority of the jurisdiction. */
export const schedulerPrincipal = (agencyCodes: ReadonlyArray<string>): Principal => ({
  id: "system:scheduler",
  roles: ["integration-client"],
  scope: { _tag: "Integration", clientId: "scheduler", agencyCodes },
})

/**
 * The handlers of the application's topics: portal sync → PortalSync.push (and, for a dossier record, the dossier
 * marked synced for indicator 1.4), applicant notices → Notifier.send, officers' service-level notices →
 * Notifier.send on the portal channel,
 * payment requests → PaymentGateway.createPaymentRequest, deadline checks → the supplementation deadline use case
 * (a check that finds the dossier elsewhere has nothing to do; appointment and step checks are reminders, not yet
 * sent).
 */
export const standardHandlers = Effect.gen(function* () {
  const portal = yield* PortalSync
  const notifier = yield* Notifier
  const gateway = yield* PaymentGateway
  const catalog = yield* CatalogStore
  const clock = yield* Clock
  const scheduler = schedulerPrincipal(catalog.jurisdiction.agencies.map((a) => a.code))
  const codeOf = (m: OutboxMessage) =>
    m.dossierCode === null ? Effect.fail(`outbox row ${m.id} has no dossier`) : Effect.succeed(m.dossierCode)
  const handlers = {
    [topics.portalSync]: (m: OutboxMessage) =>
      Effect.gen(function* () {
        const dossierCode = yield* codeOf(m)
        const kind = field(m.payload, "kind") === "record" ? "record" : "progress"
        yield* portal.push({ kind, dossierCode, pushId: `outbox-${m.id}`, payload: m.payload })
        // the dossier's record is on the national portal now: indicator 1.4 counts it as synced
        if (kind === "record") {
          const indicators = yield* Effect.serviceOption(IndicatorStore)
          if (Option.isSome(indicators)) yield* indicators.value.markSynced(dossierCode, yield* clock.now)
        }
      }),
    [topics.notifyOfficer]: (m: OutboxMessage) =>
      Effect.gen(function* () {
        const dossierCode = yield* codeOf(m)
        const assignee = field(m.payload, "assigneeId")
        const unit = field(m.payload, "unitCode")
        // to the named officer's account, else to the role's desk in the unit or authority (the portal channel)
        const recipient =
          typeof assignee === "string"
            ? assignee
            : `${text(m.payload, "role")}@${typeof unit === "string" ? unit : text(m.payload, "agencyCode")}`
        yield* notifier.send({
          about: text(m.payload, "about"),
          channel: "portal",
          recipient,
          dossierCode,
          notificationId: `outbox-${m.id}`,
          data: m.payload,
        })
      }),
    [topics.notifyApplicant]: (m: OutboxMessage) =>
      Effect.gen(function* () {
        const dossierCode = yield* codeOf(m)
        const form = field(m.payload, "form")
        yield* notifier.send({
          about: text(m.payload, "about"),
          ...(typeof form === "string" ? { form } : {}),
          channel: text(m.payload, "channel") as NotificationChannel,
          recipient: text(m.payload, "recipient"),
          dossierCode,
          notificationId: `outbox-${m.id}`,
          data: field(m.payload, "data") ?? null,
        })
      }),
    [topics.paymentRequest]: (m: OutboxMessage) =>
      Effect.gen(function* () {
        const dossierCode = yield* codeOf(m)
        const items = field(m.payload, "items")
        yield* gateway.createPaymentRequest({
          requestId: text(m.payload, "requestId"),
          dossierCode,
          amount: Number(field(m.payload, "amount")),
          items: Array.isArray(items) ? (items as Array<{ name: string; amount: number }>) : [],
          description: text(m.payload, "description"),
        })
      }),
    [topics.webhookEvent]: (m: OutboxMessage) =>
      Effect.gen(function* () {
        // a deployment without webhook storage or transport has no subscribers to tell
        const store = yield* Effect.serviceOption(WebhookStore)
        const transport = yield* Effect.serviceOption(WebhookTransport)
        if (Option.isNone(store) || Option.isNone(transport)) return
        const agency = field(m.payload, "agencyCode")
        yield* deliverEvent({
          id: `event-${m.id}`,
          type: text(m.payload, "type"),
          occurredAt: text(m.payload, "occurredAt"),
          agencyCode: typeof agency === "string" ? agency : null,
          data: field(m.payload, "data") ?? null,
        }).pipe(
          Effect.provideService(WebhookStore, store.value),
          Effect.provideService(WebhookTransport, transport.value),
        )
      }),
    [topics.deadlineCheck]: (m: OutboxMessage) =>
      Effect.gen(function* () {
        const dossierCode = yield* codeOf(m)
        if (field(m.payload, "kind") !== "supplementation") return
        yield* supplementationDeadlinePassed(scheduler, dossierCode, `outbox-${m.id}`).pipe(
          // the applicant supplemented (or the dossier ended) in time: nothing to stop
          Effect.catchTag("ActionRefused", () => Effect.void),
        )
      }),
  }
  return handlers
})
