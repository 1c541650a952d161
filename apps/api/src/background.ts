// What a server does besides answering requests: it relays the outbox (national portal sync, notifications, payment
// requests, supplementation deadline checks), sweeps for dossiers due soon or overdue (service-level notices, sent
// through the outbox), and cleans up (expired sessions, documents staged but never attached).
// Every instance may run both: outbox rows are leased to one relay at a time (PostgreSQL: FOR UPDATE SKIP LOCKED),
// and the clean-up statements are idempotent.
import { hostname } from "node:os"
import {
  AccountStore,
  Clock,
  DocumentStore,
  type RelayReport,
  relayOnce,
  SignInFailureStore,
  slaSweep,
  standardHandlers,
} from "@motcua/application"
import { Effect, Result } from "effect"
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
}

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
        ...(settings.leaseMs === undefined ? {} : { leaseMs: settings.leaseMs }),
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
      return { sessions, documents, signInFailures }
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
    onPass?.(report)
    // a full batch means more rows may be due
    return report.claimed === settings.batch
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
