import { Context, type Effect } from "effect"
import type { StoreUnavailable } from "./errors.ts"
import type { Instant, OutboxMessage } from "./records.ts"

/**
 * How a complete ended: "completed", or "lease-lost" when the row is no longer claimed by this worker (its lease ran
 * out and another relay took it over, or it was already settled): nothing was written.
 */
export type CompleteOutcome = "completed" | "lease-lost"
/**
 * How a fail ended: "retry" (offered again from `retryAt`), "dead" (the row had used its attempts: it is never claimed
 * again and stays with its last error for someone to look at), or "lease-lost" (as for complete: nothing written).
 */
export type FailOutcome = "retry" | "dead" | "lease-lost"

export interface OutboxShape {
  /**
   * Leases up to `limit` due messages to `workerId` for `leaseMs`, oldest first. Rows are written with the state
   * change (DossierStore.create/commit), so a message exists exactly when its change committed. Several relays
   * (processes sharing one database) may claim at once: a row is leased to one of them only (PostgreSQL:
   * FOR UPDATE SKIP LOCKED). A lease that runs out without complete/fail makes the row claimable again, so delivery
   * is at least once: handlers must be idempotent. Each claim counts an attempt; a row whose lease ran out after
   * `maxAttempts` (DEFAULT_MAX_ATTEMPTS) claims becomes dead instead (a relay that dies on it every time).
   */
  readonly claim: (
    workerId: string,
    limit: number,
    leaseMs: number,
    maxAttempts?: number,
  ) => Effect.Effect<ReadonlyArray<OutboxMessage>, StoreUnavailable>
  /** The message was delivered: it is never claimed again. Only while `workerId` holds the row (see the outcome). */
  readonly complete: (id: number, workerId: string) => Effect.Effect<CompleteOutcome, StoreUnavailable>
  /**
   * Delivery failed: keep `error` and offer the message again from `retryAt`, or, once it has been claimed
   * `maxAttempts` (DEFAULT_MAX_ATTEMPTS) times, mark it dead. Only while `workerId` holds the row.
   */
  readonly fail: (
    id: number,
    workerId: string,
    error: string,
    retryAt: Instant,
    maxAttempts?: number,
  ) => Effect.Effect<FailOutcome, StoreUnavailable>
}

export class Outbox extends Context.Service<Outbox, OutboxShape>()("@motcua/application/Outbox") {}
