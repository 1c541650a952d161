// What a server does besides answering requests: it relays the outbox (national portal sync, notifications, payment
// requests, supplementation deadline checks), sweeps for dossiers due soon or overdue (service-level notices, sent
// through the outbox), and cleans up (expired sessions, documents staged but never attached), and on the same pass
// asks the postal operator for the journey of the orders still underway.
// Every instance may run both: outbox rows are leased to one relay at a time (PostgreSQL: FOR UPDATE SKIP LOCKED),
// and the clean-up statements are idempotent.
import { hostname } from "node:os"
import {
  AccountStore,
  BankStatements,
  Clock,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_RETRY,
  DocumentStore,
  outboxLag,
  pollBankStatements,
  pollPostalOrders,
  type RelayReport,
  receivePortalFilings,
  recheckPendingPayments,
  relayOnce,
  SignInFailureStore,
  slaSweep,
  standardHandlers,
} from "@motcua/application"
import { Effect, Option, Result } from "effect"
import type { Logger } from "./logging.ts"
import { type PeriodicTask, startPeriodic } from "./periodic.ts"
import type { ApiRuntime } from "./runtime.ts"

export interface RelaySettings {
  /** Pause between relay passes; 0 turns the relay off for this instance. */
  readonly intervalMs: number
  /** Rows claimed per pass. */
  readonly batch: number
  /** How long a claimed row stays with this instance before another may take it (60 s by default). */
  readonly leaseMs?: number
  /** This relay's name in the outbox (`claimed_by`): host, process and a random part by default. */
  readonly workerId?: string
  /** First retry delay, doubled each attempt (MOTCUA_RELAY_RETRY_BASE_MS, 30 s). */
  readonly retryBaseMs?: number
  /** Longest retry delay (MOTCUA_RELAY_RETRY_CEILING_MS, 1 h). */
  readonly retryCeilingMs?: number
  /** Share of each retry delay drawn at random, 0–1 (MOTCUA_RELAY_JITTER_PERCENT / 100, 0.5). */
  readonly jitter?: number
  /** Rows of a pass delivered at once (MOTCUA_RELAY_CONCURRENCY, 8). */
  readonly concurrency?: number
  /** Attempts before a row is dead (MOTCUA_RELAY_MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS: one to two days of trying). */
  readonly maxAttempts?: number
  /** A lag above this is logged as a warning (MOTCUA_RELAY_LAG_WARN_MS, 5 min; 0 = never). */
  readonly lagWarnMs?: number
  /** Only rows of this topic (`motcua outbox relay --topic`); every topic by default. */
  readonly topic?: string
}

/** The relay's defaults for real traffic. */
export const DEFAULT_RELAY_TRAFFIC = {
  retryBaseMs: DEFAULT_RETRY.baseMs,
  retryCeilingMs: DEFAULT_RETRY.ceilingMs,
  jitter: DEFAULT_RETRY.jitter,
  concurrency: 8,
  maxAttempts: DEFAULT_MAX_ATTEMPTS,
  lagWarnMs: 5 * 60_000,
} as const

export interface MaintenanceSettings {
  /** Pause between clean-ups; 0 turns them off for this instance. */
  readonly intervalMs: number
  /** Staged documents older than this are removed (24 h by default). */
  readonly orphanDocumentAgeMs?: number
  /** Failed sign-in counts neither locked nor counting for this long are removed (the sign-in lockout, 15 min). */
  readonly signInWindowMs?: number
}

export interface SlaSettings {
  /** Pause between sweeps; 0 turns them off for this instance (several instances may sweep: notices are once). */
  readonly intervalMs: number
}

export const DEFAULT_RELAY: RelaySettings = { intervalMs: 2_000, batch: 100 }
export const DEFAULT_SLA: SlaSettings = { intervalMs: 5 * 60_000 }
export const DEFAULT_MAINTENANCE: MaintenanceSettings = { intervalMs: 15 * 60_000 }
export const DEFAULT_ORPHAN_DOCUMENT_AGE_MS = 24 * 60 * 60_000

/** One relay pass over the runtime's outbox with the standard handlers. */
export const relayPass = (runtime: ApiRuntime, settings: RelaySettings & { readonly workerId: string }) =>
  runtime.run(
    Effect.flatMap(standardHandlers, (handlers) =>
      relayOnce(handlers, {
        workerId: settings.workerId,
        limit: settings.batch,
        continuous: true,
        ...(settings.leaseMs === undefined ? {} : { leaseMs: settings.leaseMs }),
        retryBaseMs: settings.retryBaseMs ?? DEFAULT_RELAY_TRAFFIC.retryBaseMs,
        retryCeilingMs: settings.retryCeilingMs ?? DEFAULT_RELAY_TRAFFIC.retryCeilingMs,
        jitter: settings.jitter ?? DEFAULT_RELAY_TRAFFIC.jitter,
        concurrency: settings.concurrency ?? DEFAULT_RELAY_TRAFFIC.concurrency,
        maxAttempts: settings.maxAttempts ?? DEFAULT_RELAY_TRAFFIC.maxAttempts,
        ...(settings.topic === undefined ? {} : { topic: settings.topic }),
      }),
    ),
  )

/** Removes expired sessions and old staged documents; returns how many of each. */
export const cleanUp = (runtime: ApiRuntime, settings: MaintenanceSettings) =>
  runtime.run(
    Effect.gen(function* () {
      const now = yield* (yield* Clock).now
      const sessions = yield* (yield* AccountStore).deleteExpiredSessions(now)
      const documents = yield* (yield* DocumentStore).sweepOrphans(
        settings.orphanDocumentAgeMs ?? DEFAULT_ORPHAN_DOCUMENT_AGE_MS,
      )
      const signInFailures = yield* (yield* SignInFailureStore).deleteExpired(
        Date.parse(now),
        settings.signInWindowMs ?? 15 * 60_000,
      )
      // callbacks get lost: the orders still underway are asked for their journey (nothing underway: no call)
      const postalOrdersMoved = yield* pollPostalOrders()
      return { sessions, documents, signInFailures, postalOrdersMoved }
    }),
  )

export const defaultWorkerId = () => `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`

/** Starts the outbox relay; undefined when its interval is 0. */
export function startRelay(
  runtime: ApiRuntime,
  settings: RelaySettings,
  logger: Logger,
  onPass?: (report: RelayReport) => void,
): PeriodicTask | undefined {
  if (settings.intervalMs === 0) return undefined
  const workerId = settings.workerId ?? defaultWorkerId()
  const lag: LagState = { lastLoggedAt: 0, behind: false }
  logger.log("info", "outbox relay started", { workerId, intervalMs: settings.intervalMs, batch: settings.batch })
  return startPeriodic({ name: "outbox relay", intervalMs: settings.intervalMs, logger }, async () => {
    const pass = await relayPass(runtime, { ...settings, workerId })
    if (Result.isFailure(pass)) {
      logger.log("error", "outbox relay pass failed", { error: pass.failure })
      return false
    }
    const report = pass.success
    for (const failed of report.failed)
      logger.log("warn", "outbox delivery failed, will retry", {
        id: failed.id,
        topic: failed.topic,
        error: failed.error,
      })
    for (const id of report.dead) logger.log("error", "outbox row is dead: it waits for an operator", { id })
    onPass?.(report)
    await reportLag(runtime, settings, logger, lag)
    // a full batch means more rows may be due
    return report.claimed === settings.batch
  })
}

/** When the relay last said how far behind it is (once a minute at most; at once when it crosses the threshold). */
interface LagState {
  lastLoggedAt: number
  behind: boolean
}

const LAG_LOG_EVERY_MS = 60_000

/** Logs the relay's lag: a warning while above the threshold (once a minute), an info line when it recovers. */
async function reportLag(runtime: ApiRuntime, settings: RelaySettings, logger: Logger, state: LagState) {
  const threshold = settings.lagWarnMs ?? DEFAULT_RELAY_TRAFFIC.lagWarnMs
  if (threshold === 0) return
  const now = Date.now()
  if (!state.behind && now - state.lastLoggedAt < LAG_LOG_EVERY_MS / 4) return
  const lag = await runtime.run(outboxLag)
  if (Result.isFailure(lag)) return
  const { lagMs, pending, claimed, dead, oldestDueAt } = lag.success
  if (lagMs > threshold) {
    if (!state.behind || now - state.lastLoggedAt >= LAG_LOG_EVERY_MS) {
      logger.log("warn", "outbox relay is behind", { lagMs, pending, claimed, dead, oldestDueAt })
      state.lastLoggedAt = now
    }
    state.behind = true
  } else {
    if (state.behind) logger.log("info", "outbox relay caught up", { lagMs, pending, dead })
    state.behind = false
    state.lastLoggedAt = now
  }
}

export interface InboundSettings {
  /** Pause between fetches of filings made on the national portal; 0 turns it off for this instance. */
  readonly intervalMs: number
  /** Filings fetched per round. */
  readonly batch?: number
}

/** Starts fetching the filings made on the national portal; undefined when its interval is 0. */
export function startPortalInbound(
  runtime: ApiRuntime,
  settings: InboundSettings,
  logger: Logger,
): PeriodicTask | undefined {
  if (settings.intervalMs === 0) return undefined
  logger.log("info", "portal inbound started", { intervalMs: settings.intervalMs })
  return startPeriodic({ name: "portal inbound", intervalMs: settings.intervalMs, logger, maxBurst: 5 }, async () => {
    const batch = settings.batch ?? 50
    const round = await runtime.run(receivePortalFilings(batch))
    if (Result.isFailure(round)) {
      logger.log("warn", "portal inbound: the portal could not be asked, will try again", { error: round.failure })
      return false
    }
    const { filed, refused, failed, malformed } = round.success
    if (filed.length + refused.length + failed.length + malformed.length > 0)
      logger.log("info", "portal inbound round", {
        filed: filed.length,
        refused: refused.length,
        failed: failed.length,
        malformed: malformed.length,
      })
    return filed.length + refused.length + failed.length + malformed.length >= batch
  })
}

/** Starts the periodic clean-up; undefined when its interval is 0. */
export function startMaintenance(
  runtime: ApiRuntime,
  settings: MaintenanceSettings,
  logger: Logger,
): PeriodicTask | undefined {
  if (settings.intervalMs === 0) return undefined
  return startPeriodic({ name: "clean-up", intervalMs: settings.intervalMs, logger, maxBurst: 1 }, async () => {
    const done = await cleanUp(runtime, settings)
    if (Result.isFailure(done)) logger.log("error", "clean-up failed", { error: done.failure })
    else if (done.success.sessions + done.success.documents > 0)
      logger.log("info", "cleaned up", {
        expiredSessions: done.success.sessions,
        stagedDocuments: done.success.documents,
      })
    return false
  })
}

/**
 * Starts the payments re-check (gateway requests still pending 15 minutes after they were made are asked about,
 * unpaid requests expire); undefined when its interval is 0. Every instance may run it: a request leaves `pending`
 * once and a gateway's answer is credited once (the ledger's rules).
 */
export function startPaymentRecheck(runtime: ApiRuntime, intervalMs: number, logger: Logger): PeriodicTask | undefined {
  if (intervalMs === 0) return undefined
  return startPeriodic({ name: "payments re-check", intervalMs, logger, maxBurst: 1 }, async () => {
    const done = await runtime.run(recheckPendingPayments())
    if (Result.isFailure(done)) logger.log("error", "payments re-check failed", { error: done.failure })
    else {
      const r = done.success
      if (r.paid + r.failed + r.expired > 0)
        logger.log("info", "payments re-checked", { paid: r.paid, failed: r.failed, expired: r.expired })
      for (const e of r.errors) logger.log("warn", "payment gateway could not be asked", e)
    }
    return false
  })
}

/** One poll of the centres' bank statement APIs when a BankStatements adapter is configured (undefined otherwise). */
export const statementPoll = Effect.flatMap(Effect.serviceOption(BankStatements), (bank) =>
  Option.isNone(bank)
    ? Effect.succeed(undefined)
    : pollBankStatements.pipe(Effect.provideService(BankStatements, bank.value)),
)

/**
 * Starts the polling of the centres' bank statement APIs (payments/statements.ts) when one is configured; undefined
 * otherwise or when its interval is 0. Every instance may run it: a bank reference is settled once (the ledger's
 * message log), and a cursor saved twice is saved the same.
 */
export function startStatementPoll(runtime: ApiRuntime, intervalMs: number, logger: Logger): PeriodicTask | undefined {
  if (intervalMs === 0) return undefined
  return startPeriodic({ name: "bank statements", intervalMs, logger, maxBurst: 1 }, async () => {
    const done = await runtime.run(statementPoll)
    if (Result.isFailure(done)) logger.log("error", "bank statement poll failed", { error: done.failure })
    else if (done.success !== undefined && done.success.confirmed + done.success.held + done.success.rejected > 0)
      logger.log("info", "bank statements polled", { ...done.success })
    if (Result.isSuccess(done))
      for (const e of done.success?.errors ?? []) logger.log("warn", "a centre's bank statement could not be read", e)
    return false
  })
}

/** Starts the periodic SLA sweep (due soon → the holder, overdue → the unit's leader); undefined when its interval is 0. */
export function startSlaSweep(runtime: ApiRuntime, settings: SlaSettings, logger: Logger): PeriodicTask | undefined {
  if (settings.intervalMs === 0) return undefined
  return startPeriodic({ name: "sla sweep", intervalMs: settings.intervalMs, logger, maxBurst: 1 }, async () => {
    const swept = await runtime.run(slaSweep())
    if (Result.isFailure(swept)) logger.log("error", "sla sweep failed", { error: swept.failure })
    else if (swept.success.noticed.length > 0)
      logger.log("info", "sla notices", {
        examined: swept.success.examined,
        dueSoon: swept.success.noticed.filter((n) => n.threshold === "due-soon").length,
        overdue: swept.success.noticed.filter((n) => n.threshold === "overdue").length,
      })
    return false
  })
}
