// Group commit's settings and its waiters, shared by SQLite's (sqlite-group-commit.ts) and PostgreSQL's
// (postgres-group-commit.ts): an operation runs in its savepoint inside the open batch, then waits, without the
// connection, for the batch's COMMIT to be told its result.
import { StoreUnavailable } from "@motcua/application"
import { Effect, Exit } from "effect"

/**
 * Group commit: the work of concurrent operations committed together, one COMMIT (one fsync at SQLite's
 * `synchronous=FULL`, one WAL flush on PostgreSQL) for a batch. Off unless configured (SqliteOptions.groupCommit,
 * PostgresOptions.groupCommit, `?group_commit=` in the URL). SQLite's in sqlite-group-commit.ts, PostgreSQL's in
 * postgres-group-commit.ts.
 */
export interface GroupCommit {
  /** Most operations in one batch (2…10 000): the batch commits as soon as it holds this many. */
  readonly maxBatch: number
  /** Longest a batch stays open after its first operation, in milliseconds (0…1 000; 0: the next turn of the loop). */
  readonly maxWaitMs: number
  /**
   * Told after each COMMIT of a batch: how many operations it held and how long the COMMIT took (ms). For
   * measurements (the national-day bench's histogram of batch sizes; must not throw); not settable from a database URL.
   */
  readonly onCommit?: (operations: number, commitMs: number) => void
}

/** Checks a group-commit setting; the message says which value is wrong (Vietnamese, then English). */
export function checkGroupCommit(group: GroupCommit): GroupCommit {
  const { maxBatch, maxWaitMs } = group
  if (!Number.isInteger(maxBatch) || maxBatch < 2 || maxBatch > 10_000) {
    throw new TypeError(
      `group commit: số thao tác mỗi lô phải là số nguyên 2…10000 (maxBatch must be an integer 2…10000), nhận ${String(maxBatch)}`,
    )
  }
  if (!Number.isFinite(maxWaitMs) || maxWaitMs < 0 || maxWaitMs > 1000) {
    throw new TypeError(
      `group commit: thời gian chờ phải từ 0 đến 1000 ms (maxWaitMs must be 0…1000), nhận ${String(maxWaitMs)}`,
    )
  }
  return group
}

/** An operation that ran in the open batch and waits for its COMMIT to be told its result. */
export interface Waiter {
  readonly operation: string
  result: Exit.Exit<unknown, unknown>
  settled: boolean
  resume: ((exit: Exit.Exit<unknown, unknown>) => void) | undefined
}

/** An operation that could not enter the batch: settled at once with its failure. */
export const failedWaiter = (operation: string, cause: unknown): Waiter => ({
  operation,
  result: Exit.fail(new StoreUnavailable({ operation, cause })),
  settled: true,
  resume: undefined,
})

/** Tells a batch's operations their results: their own (`failure` undefined), or all the batch's failure. */
export function settleWaiters(waiters: ReadonlyArray<Waiter>, failure: unknown): void {
  for (const waiter of waiters) {
    if (failure !== undefined) {
      waiter.result = Exit.fail(
        new StoreUnavailable({ operation: `${waiter.operation} (group commit)`, cause: failure }),
      )
    }
    waiter.settled = true
    waiter.resume?.(waiter.result)
  }
}

/** The operation's result, once its batch is settled. */
export const awaitWaiter = <A, E>(waiter: Waiter): Effect.Effect<A, E | StoreUnavailable> =>
  waiter.settled
    ? (waiter.result as Exit.Exit<A, E | StoreUnavailable>)
    : Effect.callback<A, E | StoreUnavailable>((resume) => {
        if (waiter.settled) resume(waiter.result as Exit.Exit<A, E | StoreUnavailable>)
        else waiter.resume = (exit) => resume(exit as Exit.Exit<A, E | StoreUnavailable>)
      })

/**
 * A body (statements outside a transaction, or a UnitOfWork body) in its savepoint inside the batch, holding the
 * connection's lock from `enter` to `leave` (which ends the savepoint however the body ended, interrupted too, and
 * enrols it); then, without the lock, its result once the batch commits.
 */
export function inSavepoint<S, A, E, R>(
  exclusive: <B, F, Q>(effect: Effect.Effect<B, F, Q>) => Effect.Effect<B, F, Q>,
  enter: Effect.Effect<S, StoreUnavailable>,
  body: (entered: S) => Effect.Effect<A, E, R>,
  leave: (entered: S, exit: Exit.Exit<unknown, unknown>) => Effect.Effect<Waiter>,
  awaitCommit: (waiter: Waiter) => Effect.Effect<A, E | StoreUnavailable>,
): Effect.Effect<A, E | StoreUnavailable, R> {
  let waiter: Waiter | undefined
  return Effect.flatMap(
    exclusive(
      Effect.acquireUseRelease(enter, body, (entered, exit) =>
        Effect.map(leave(entered, exit as Exit.Exit<unknown, unknown>), (left) => {
          waiter = left
        }),
      ).pipe(Effect.exit),
    ),
    (exit) =>
      waiter === undefined
        ? (exit as Exit.Exit<A, E | StoreUnavailable>) // the batch could not be entered
        : awaitCommit(waiter),
  )
}

/** Calls `flush` once `maxWaitMs` have passed (at the event loop's next turn when 0); answers how to cancel it. */
export function scheduleFlush(maxWaitMs: number, flush: () => void): () => void {
  if (maxWaitMs === 0) {
    const immediate = setImmediate(flush)
    return () => clearImmediate(immediate)
  }
  const timer = setTimeout(flush, maxWaitMs)
  return () => clearTimeout(timer)
}
