// The outbox relay: claims due rows, hands each to the handler of its topic, and marks it done, or failed with a
// retry time (exponential backoff with jitter, up to a ceiling), or dead when the receiver refused it for good or
// its attempts are used. Rows were written with the state change, so a message exists exactly when its change
// committed; delivery is at least once (a lease that runs out makes the row claimable again), so handlers pass the
// row id on as the receiver's idempotency key. Rows of one ordering key (a dossier's portal sync) are claimed one at
// a time, in order (Outbox.claim), so the rows of one pass may be delivered concurrently.
import { Effect, Fiber, Option } from "effect"
import type { Principal } from "../authorization/principal.ts"
import { topics } from "../dossier/plan.ts"
import { deliverNotice } from "../notifications/deliver.ts"
import { einvoiceHandler } from "../payments/einvoice.ts"
import { openFiledPaymentRequest } from "../payments/requests.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { Clock } from "../ports/clock.ts"
import { EInvoices } from "../ports/einvoice.ts"
import type { StoreUnavailable } from "../ports/errors.ts"
import type { Json } from "../ports/json.ts"
import { type NotificationChannel, Notifier } from "../ports/notifier.ts"
import { Outbox, type OutboxBacklog } from "../ports/outbox.ts"
import { PortalSync } from "../ports/portal-sync.ts"
import { IndicatorStore } from "../ports/quality.ts"
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY, instantOf, type OutboxMessage } from "../ports/records.ts"
import { WebhookStore } from "../ports/webhook-store.ts"
import { WebhookTransport } from "../ports/webhook-transport.ts"
import { supplementationDeadlinePassed } from "../use-cases/deadlines.ts"
import { deliverEvent } from "../webhooks/deliver.ts"

/** Delivers one message; any failure is retried later, unless it is permanent (isPermanentFailure). */
export type RelayHandler<R> = (message: OutboxMessage) => Effect.Effect<void, unknown, R>
export type RelayHandlers<R> = Readonly<Record<string, RelayHandler<R>>>

export interface RelayOptions {
  readonly workerId?: string
  /** Rows claimed per run. */
  readonly limit?: number
  /** How long a claimed row stays leased to this worker. */
  readonly leaseMs?: number
  /** First retry delay; doubled at each attempt up to `retryCeilingMs` (30 s by default). */
  readonly retryBaseMs?: number
  /** Longest retry delay (one hour by default). */
  readonly retryCeilingMs?: number
  /**
   * Share of each retry delay drawn at random (0–1, 0.5 by default): the delay is uniform between (1 − jitter) × and
   * 1 × the exponential delay, so rows that failed together (a portal outage) do not all come back at once.
   */
  readonly jitter?: number
  /** The random source of the jitter, in [0, 1) (tests fix it). */
  readonly random?: () => number
  /** Deliveries tried before a row is given up on (marked dead, never claimed again); DEFAULT_MAX_ATTEMPTS. */
  readonly maxAttempts?: number
  /** Only rows of this topic (a relay dedicated to it); every topic by default. */
  readonly topic?: string
  /** Rows of one pass delivered at the same time (1 by default: one after another). */
  readonly concurrency?: number
  /**
   * Claim rows one by one as delivery slots free up (up to `limit` in the pass), instead of one batch: the next row
   * of a dossier goes as soon as the one before it is done, and a slow delivery (a portal timeout) holds up only its
   * own slot. What the server and `motcua outbox relay` run.
   */
  readonly continuous?: boolean
  /**
   * Longest time one delivery may take before it is abandoned and counted as a failure (half the lease by default),
   * so that a delivery never outlives its lease and overlaps another relay's.
   */
  readonly deliveryTimeoutMs?: number
}

export interface RelayReport {
  readonly claimed: number
  readonly delivered: ReadonlyArray<number>
  readonly failed: ReadonlyArray<{ readonly id: number; readonly topic: string; readonly error: string }>
  /** Failed rows that used their last attempt or were refused for good: they are dead (also listed in `failed`). */
  readonly dead: ReadonlyArray<number>
  /**
   * Rows whose lease ran out while this relay delivered them and that another relay took over (or settled): this
   * relay's outcome was not written, the other relay's counts.
   */
  readonly lostLeases: ReadonlyArray<number>
}

/**
 * When to try a row again after its `attempts`-th failed delivery: `baseMs` doubled at each attempt, at most
 * `ceilingMs`, less up to `jitter` of it at random (`random()` in [0, 1)).
 */
export const retryDelay = (
  attempts: number,
  baseMs: number,
  ceilingMs: number = DEFAULT_RETRY.ceilingMs,
  jitter = 0,
  random: () => number = Math.random,
): number => {
  const exponential = Math.min(ceilingMs, baseMs * 2 ** Math.min(40, Math.max(0, attempts - 1)))
  const share = Math.min(1, Math.max(0, jitter))
  return Math.round(exponential * (1 - share * random()))
}

/**
 * Whether sending the message again cannot help: the error, or one of its causes, says `permanent: true` (a
 * receiver's refusal: DeliveryRefused, PortalRefused, PostalOperatorFailed). Anything else is retried.
 */
export function isPermanentFailure(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; depth < 8 && typeof current === "object" && current !== null; depth++) {
    if ((current as { permanent?: unknown }).permanent === true) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

const errorText = (error: unknown): string => {
  if (typeof error === "string") return error
  if (error instanceof Error || (typeof error === "object" && error !== null && "message" in error)) {
    const e = error as { name?: unknown; _tag?: unknown; message?: unknown }
    const name = typeof e._tag === "string" ? e._tag : typeof e.name === "string" ? e.name : "Error"
    return `${name}: ${String(e.message)}`
  }
  return JSON.stringify(error)
}

class DeliveryTimedOut extends Error {
  constructor(ms: number) {
    super(`giao không xong trong ${ms} ms (delivery took longer than ${ms} ms)`)
    this.name = "DeliveryTimedOut"
  }
}

/**
 * Fails after `ms` of wall-clock time. A real timer, not Effect's Clock: a delivery waits on a real network whatever
 * clock the application runs on (tests stop theirs), and the lease it must stay within is real time too.
 */
const wallClockTimeout = (ms: number) =>
  Effect.callback<never, DeliveryTimedOut>((resume) => {
    const timer = setTimeout(() => resume(Effect.fail(new DeliveryTimedOut(ms))), ms)
    return Effect.sync(() => clearTimeout(timer))
  })

/** One pass: claim up to `limit` due rows and deliver each once. */
export const relayOnce = Effect.fnUntraced(function* <R>(handlers: RelayHandlers<R>, options: RelayOptions = {}) {
  const outbox = yield* Outbox
  const clock = yield* Clock
  const workerId = options.workerId ?? "relay"
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS
  const leaseMs = options.leaseMs ?? 60_000
  // a lease of 0 (tests: "expired at once") sets no timeout
  const timeoutMs = options.deliveryTimeoutMs ?? (leaseMs >= 2 ? Math.floor(leaseMs / 2) : undefined)
  const limit = options.limit ?? 100
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
  // continuous mode completes the rows whose deliveries ended meanwhile together, in the write of the claimer's next
  // claim (Outbox.completeAndClaim: the completions, then the claim that may take their dossiers' next rows); a pass
  // completes each row on its own
  const toComplete: OutboxMessage[] = []
  /** When the oldest row of toComplete was delivered (performance.now()). */
  let oldestDelivered = 0
  const settleCompleted = (batch: ReadonlyArray<OutboxMessage>, lost: ReadonlyArray<number>) => {
    if (batch.length === 0) return Effect.void
    const lostIds = new Set(lost)
    return Effect.forEach(
      batch,
      (message) => {
        if (lostIds.has(message.id)) return leaseLost(message)
        delivered.push(message.id)
        return Effect.void
      },
      { discard: true },
    )
  }
  const completeWaiting = Effect.suspend(() => {
    if (toComplete.length === 0) return Effect.void
    const batch = toComplete.splice(0)
    return Effect.flatMap(
      outbox.completeMany(
        batch.map((m) => m.id),
        workerId,
      ),
      (lost) => settleCompleted(batch, lost),
    )
  })
  const deliverOne = (message: OutboxMessage, completeLater = false) =>
    Effect.gen(function* () {
      const handler = Object.hasOwn(handlers, message.topic) ? handlers[message.topic] : undefined
      const delivery: Effect.Effect<void, unknown, R> =
        handler === undefined
          ? Effect.fail(`no handler for topic "${message.topic}"`)
          : timeoutMs === undefined
            ? Effect.suspend(() => handler(message))
            : Effect.raceFirst(
                Effect.suspend(() => handler(message)),
                wallClockTimeout(timeoutMs),
              )
      // a handler that throws (bad payload) fails its row like any other error: the relay goes on with the others
      const outcome = yield* Effect.result(delivery.pipe(Effect.catchDefect((defect) => Effect.fail(defect))))
      if (outcome._tag === "Success") {
        if (completeLater) {
          if (toComplete.length === 0) oldestDelivered = performance.now()
          toComplete.push(message)
        } else if ((yield* outbox.complete(message.id, workerId)) === "lease-lost") yield* leaseLost(message)
        else delivered.push(message.id)
        return
      }
      const error = errorText(outcome.failure)
      const permanent = isPermanentFailure(outcome.failure)
      const now = Date.parse(yield* clock.now)
      const delay = retryDelay(
        message.attempts,
        options.retryBaseMs ?? DEFAULT_RETRY.baseMs,
        options.retryCeilingMs ?? DEFAULT_RETRY.ceilingMs,
        options.jitter ?? DEFAULT_RETRY.jitter,
        options.random ?? Math.random,
      )
      const settled = yield* outbox.fail(message.id, workerId, error, instantOf(now + delay), maxAttempts, permanent)
      if (settled === "lease-lost") {
        yield* leaseLost(message)
        return
      }
      failed.push({ id: message.id, topic: message.topic, error })
      if (settled === "dead") {
        dead.push(message.id)
        yield* Effect.logError(
          permanent
            ? "outbox: row refused for good by its receiver, now dead"
            : "outbox: row given up on after its last attempt",
          { id: message.id, topic: message.topic, attempts: message.attempts, error },
        )
      }
    })
  const concurrency = Math.max(1, options.concurrency ?? 1)
  let claimed = 0
  if (options.continuous !== true) {
    const messages = yield* outbox.claim(workerId, limit, leaseMs, maxAttempts, options.topic)
    claimed = messages.length
    yield* Effect.forEach(messages, (message) => deliverOne(message), { concurrency, discard: true })
  } else {
    // One claimer keeps `concurrency` deliveries going: when slots are free and nothing waits, it claims up to a
    // slot-full of rows (the first start at once, the rest wait here for a slot: one claim serves several rows). A
    // slow delivery holds up its own slot only, and the next row of a dossier is taken as soon as the one before it
    // is done (it was not due while that one was out). A claimed row that waited here for a quarter of its lease is
    // not started: its lease runs out and it is claimed again, so no delivery ever overlaps another relay's.
    let inFlight = 0
    let completions = 0
    let wake: () => void = () => {}
    let ended = new Promise<void>((resolve) => {
      wake = resolve
    })
    const done = Effect.sync(() => {
      inFlight--
      completions++
      wake()
      ended = new Promise<void>((resolve) => {
        wake = resolve
      })
    })
    const fibers: Array<Fiber.Fiber<void, StoreUnavailable>> = []
    const waiting: Array<{ readonly message: OutboxMessage; readonly at: number }> = []
    const start = (message: OutboxMessage) =>
      Effect.map(Effect.forkChild(deliverOne(message, true).pipe(Effect.ensuring(done))), (fiber) => {
        inFlight++
        fibers.push(fiber)
      })
    for (;;) {
      const seen = completions
      while (inFlight < concurrency && waiting.length > 0) {
        const next = waiting.shift() as { readonly message: OutboxMessage; readonly at: number }
        if (performance.now() - next.at < leaseMs / 4) yield* start(next.message)
      }
      let got = 0
      if (inFlight < concurrency && waiting.length === 0 && claimed < limit) {
        // the rows delivered since the last claim are completed in the claim's write: a dossier's next row can only
        // be claimed once its row before is done, and so it is, in the same turn
        const settled = toComplete.splice(0)
        const { lost, messages: batch } = yield* outbox.completeAndClaim(
          settled.map((m) => m.id),
          workerId,
          Math.min(concurrency, limit - claimed),
          leaseMs,
          maxAttempts,
          options.topic,
        )
        yield* settleCompleted(settled, lost)
        got = batch.length
        claimed += got
        const at = performance.now()
        for (const message of batch)
          if (inFlight < concurrency) yield* start(message)
          else waiting.push({ message, at })
      } else if (toComplete.length > 0 && performance.now() - oldestDelivered >= leaseMs / 8) {
        // no claim this turn (every slot busy, or the limit reached): delivered rows are not left waiting long for
        // one, lest their lease run out (another relay would deliver them again)
        yield* completeWaiting
      }
      // a delivery ended while we were claiming: its slot (and maybe the next row of its dossier) is free now
      if (completions !== seen) continue
      if (inFlight === 0) {
        if (waiting.length > 0) continue
        // nothing out, and nothing was due (or the limit is reached): the pass is over
        if (got === 0 || claimed >= limit) break
        continue
      }
      const next = ended
      yield* Effect.promise(() => next)
    }
    yield* Fiber.joinAll(fibers)
    yield* completeWaiting
  }
  const order = (ids: number[]) => ids.sort((a, b) => a - b)
  failed.sort((a, b) => a.id - b.id)
  return {
    claimed,
    delivered: order(delivered),
    failed,
    dead: order(dead),
    lostLeases: order(lostLeases),
  } satisfies RelayReport
})

/** The relay's lag: how long the oldest due row has waited undelivered (0 when none), with the backlog's counts. */
export const outboxLag = Effect.gen(function* () {
  const backlog: OutboxBacklog = yield* (yield* Outbox).backlog()
  const now = Date.parse(yield* (yield* Clock).now)
  const lagMs = backlog.oldestDueAt === null ? 0 : Math.max(0, now - Date.parse(backlog.oldestDueAt))
  return { ...backlog, lagMs }
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
 * payment requests → a request in the payments ledger (payments/requests.ts: VietQR or the gateway), deadline checks → the supplementation deadline use case
 * (a check that finds the dossier elsewhere has nothing to do; appointment and step checks are reminders, not yet
 * sent).
 */
export const standardHandlers = Effect.gen(function* () {
  const portal = yield* PortalSync
  const notifier = yield* Notifier
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
        yield* portal.push({ kind, dossierCode, pushId: `outbox-${m.id}`, payload: m.payload, attempt: m.attempts })
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
        const applicantId = field(m.payload, "applicantId")
        const contacts = field(m.payload, "contacts")
        yield* deliverNotice(notifier, {
          about: text(m.payload, "about"),
          ...(typeof form === "string" ? { form } : {}),
          channel: text(m.payload, "channel") as NotificationChannel,
          recipient: text(m.payload, "recipient"),
          ...(typeof applicantId === "string" ? { applicantId } : {}),
          ...(typeof contacts === "object" && contacts !== null && !Array.isArray(contacts)
            ? {
                contacts: Object.fromEntries(
                  Object.entries(contacts).filter(([, address]) => typeof address === "string"),
                ) as Partial<Record<NotificationChannel, string>>,
              }
            : {}),
          dossierCode,
          notificationId: `outbox-${m.id}`,
          data: field(m.payload, "data") ?? null,
        })
      }),
    [topics.paymentRequest]: (m: OutboxMessage) =>
      Effect.gen(function* () {
        // a request in the payments ledger (VietQR to the collecting centre's account, or the gateway's page),
        // with the message's request id: a redelivered message finds the one it made
        yield* openFiledPaymentRequest(yield* codeOf(m), text(m.payload, "requestId"))
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
    [topics.einvoiceReceipt]: (m: OutboxMessage) =>
      Effect.gen(function* () {
        // rows are written only when an e-invoice system is configured (payments/einvoice.ts)
        const einvoices = yield* Effect.serviceOption(EInvoices)
        if (Option.isNone(einvoices)) return
        yield* einvoiceHandler(m).pipe(Effect.provideService(EInvoices, einvoices.value))
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
  // one requirement for all of them (inferred per handler, they differ: relayOnce could not infer its R)
  return handlers as RelayHandlers<ServicesOf<typeof handlers>>
})

/** The services any of a record of handlers requires. */
type ServicesOf<H> = {
  [K in keyof H]: H[K] extends (m: OutboxMessage) => Effect.Effect<unknown, unknown, infer R> ? R : never
}[keyof H]
