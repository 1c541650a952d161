import { Context, type Effect } from "effect"
import type { StoreUnavailable } from "./errors.ts"
import type { Instant, OutboxMessage, OutboxMessageInput } from "./records.ts"

/**
 * How a complete ended: "completed", or "lease-lost" when the row is no longer claimed by this worker (its lease ran
 * out and another relay took it over, or it was already settled): nothing was written.
 */
export type CompleteOutcome = "completed" | "lease-lost"
/**
 * How a fail ended: "retry" (offered again from `retryAt`), "dead" (the row had used its attempts, or the failure
 * was permanent: it is never claimed again and stays with its last error for someone to look at), or "lease-lost"
 * (as for complete: nothing written).
 */
export type FailOutcome = "retry" | "dead" | "lease-lost"

/** Where a row is: waiting (pending, maybe for its retry time), leased to a relay, delivered, or given up on. */
export type OutboxStatus = "pending" | "claimed" | "done" | "dead"
export const outboxStatuses: ReadonlyArray<OutboxStatus> = ["pending", "claimed", "done", "dead"]

/** A row as the operator sees it (no payload: it may carry the applicant's personal data). */
export interface OutboxRow {
  readonly id: number
  readonly topic: string
  readonly dossierCode: string | null
  readonly status: OutboxStatus
  readonly attempts: number
  readonly lastError: string | null
  /** When it was written (with its change). */
  readonly createdAt: Instant
  /** When it is (or was) next offered to a relay. */
  readonly availableAt: Instant
  readonly completedAt: Instant | null
  readonly claimedBy: string | null
  readonly orderingKey: string | null
}

export interface OutboxQuery {
  readonly status?: OutboxStatus
  readonly topic?: string
  readonly dossierCode?: string
  /** Rows with a larger id only (paging: the last id of the previous page). */
  readonly afterId?: number
  readonly limit: number
}

/** The relay's backlog: counts per status and how long the oldest undelivered row has been due. */
export interface OutboxBacklog {
  readonly pending: number
  readonly claimed: number
  readonly dead: number
  /**
   * When the oldest row that is due and not yet delivered (pending or claimed) first became due: its lag is now
   * minus this. Null when nothing is waiting. Rows scheduled for later (deadline checks) do not count until due.
   */
  readonly oldestDueAt: Instant | null
}

/** What Outbox.completeAndClaim did: the completions refused (lease lost) and the rows claimed. */
export interface CompletedAndClaimed {
  readonly lost: ReadonlyArray<number>
  readonly messages: ReadonlyArray<OutboxMessage>
}

export interface OutboxShape {
  /**
   * Leases up to `limit` due messages to `workerId` for `leaseMs`, oldest first. Rows are written with the state
   * change (DossierStore.create/commit), so a message exists exactly when its change committed. Several relays
   * (processes sharing one database) may claim at once: a row is leased to one of them only (PostgreSQL:
   * FOR UPDATE SKIP LOCKED). A row with an ordering key is due only when every earlier row of its key is done, so at
   * most one row of a key is ever leased, and rows of a key are delivered in order whatever the number of relays.
   * A lease that runs out without complete/fail makes the row claimable again, so delivery is at least once:
   * handlers must be idempotent. Each claim counts an attempt; a due row that has used `maxAttempts`
   * (DEFAULT_MAX_ATTEMPTS), or whose lease has run out MAX_LEASE_EXPIRIES times (a relay that dies on it), becomes
   * dead instead. With `topic`, only rows of that topic are claimed (a relay dedicated to the portal sync, say).
   */
  readonly claim: (
    workerId: string,
    limit: number,
    leaseMs: number,
    maxAttempts?: number,
    topic?: string,
  ) => Effect.Effect<ReadonlyArray<OutboxMessage>, StoreUnavailable>
  /** The message was delivered: it is never claimed again. Only while `workerId` holds the row (see the outcome). */
  readonly complete: (id: number, workerId: string) => Effect.Effect<CompleteOutcome, StoreUnavailable>
  /**
   * Several delivered messages at once, in one write (the relay completes the rows whose deliveries ended meanwhile
   * together): as `complete` for each id. Answers the ids whose lease was lost (nothing written for them).
   */
  readonly completeMany: (
    ids: ReadonlyArray<number>,
    workerId: string,
  ) => Effect.Effect<ReadonlyArray<number>, StoreUnavailable>
  /**
   * `completeMany(completed)`, then `claim(workerId, limit, …)`, in one write (the continuous relay's turn: the rows
   * delivered since its last claim, then the next due rows — which may be the next rows of those rows' dossiers). Answers
   * the ids whose lease was lost (nothing written for them) and the claimed messages, as the two calls would.
   */
  readonly completeAndClaim: (
    completed: ReadonlyArray<number>,
    workerId: string,
    limit: number,
    leaseMs: number,
    maxAttempts?: number,
    topic?: string,
  ) => Effect.Effect<CompletedAndClaimed, StoreUnavailable>
  /**
   * Delivery failed: keep `error` and offer the message again from `retryAt`, or, once it has been claimed
   * `maxAttempts` (DEFAULT_MAX_ATTEMPTS) times or when `permanent` (the receiver refused it: sending it again
   * cannot help), mark it dead. Only while `workerId` holds the row.
   */
  readonly fail: (
    id: number,
    workerId: string,
    error: string,
    retryAt: Instant,
    maxAttempts?: number,
    permanent?: boolean,
  ) => Effect.Effect<FailOutcome, StoreUnavailable>
  /** Rows for the operator, by id. */
  readonly list: (query: OutboxQuery) => Effect.Effect<ReadonlyArray<OutboxRow>, StoreUnavailable>
  /**
   * Offers dead rows again from now, with their attempts counted from zero (their last error kept until the next
   * attempt): the given ids (rows that are not dead are left alone), or every dead row. Answers the ids retried.
   */
  readonly retryDead: (which: ReadonlyArray<number> | "all") => Effect.Effect<ReadonlyArray<number>, StoreUnavailable>
  /**
   * Writes messages about a dossier outside any change of it (the portal reconciliation re-queues a record), now
   * due; in the dossier's order like any row with the same ordering key.
   */
  readonly enqueue: (
    dossierCode: string,
    messages: ReadonlyArray<OutboxMessageInput>,
  ) => Effect.Effect<void, StoreUnavailable>
  /** Counts and the oldest due undelivered row (the relay's lag), as of now. */
  readonly backlog: () => Effect.Effect<OutboxBacklog, StoreUnavailable>
}

export class Outbox extends Context.Service<Outbox, OutboxShape>()("@motcua/application/Outbox") {}
