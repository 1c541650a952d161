// Group commit on the one SQLite connection (connection.ts's `sqliteConnection` with a GroupCommit setting).
import { StoreUnavailable } from "@motcua/application"
import { Effect, Exit } from "effect"
import type { Connection, Executor, Make, SyncQuery } from "./connection.ts"
import {
  awaitWaiter,
  failedWaiter,
  type GroupCommit,
  inSavepoint,
  scheduleFlush,
  settleWaiters,
  type Waiter,
} from "./group-commit.ts"
import { exitOf, runProgramSync } from "./program.ts"

export interface SqliteParts {
  readonly executor: Executor
  readonly exclusive: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  readonly holders: () => number
  readonly begin: () => void
  readonly commit: () => void
  readonly rollback: () => void
  readonly statement: (sql: string) => () => void
}

/**
 * Group commit on the one SQLite connection. The first operation opens a batch (BEGIN IMMEDIATE); every operation
 * — a program, a UnitOfWork transaction, statements outside a transaction — runs inside the batch in a savepoint of
 * its own, released when it succeeds and rolled back to (its work alone undone) when it fails. The batch commits
 * (one COMMIT) when it holds `maxBatch` operations or `maxWaitMs` after it opened, and never while an operation is
 * under way (a UnitOfWork body that waits on something holds the lock: the COMMIT waits for it). Every operation
 * learns its result only after that COMMIT returns — failures too, since a refusal may rest on another operation's
 * uncommitted work — so nothing acknowledged is ever lost. If the COMMIT fails, or an error ends the batch's
 * transaction, every operation of the batch fails with StoreUnavailable: nothing of it was written.
 */
export function sqliteGroupCommitted(group: GroupCommit, parts: SqliteParts): Connection {
  const { executor, exclusive } = parts
  const sync = executor.sync as SyncQuery
  const savepoint = parts.statement("savepoint motcua_op")
  const release = parts.statement("release motcua_op")
  const rollbackTo = parts.statement("rollback to motcua_op")
  let batch: Waiter[] | undefined
  /** Cancels the open batch's scheduled flush. */
  let cancelFlush: (() => void) | undefined
  /** The batch's time is up (or it is full) while an operation holds the lock: commit when it lets go. */
  let due = false

  /** Ends the open batch: its operations get their own results (`failure` undefined) or all fail with it. */
  const end = (failure: unknown) => {
    const waiters = batch ?? []
    batch = undefined
    due = false
    cancelFlush?.()
    cancelFlush = undefined
    settleWaiters(waiters, failure)
  }
  /** COMMIT the open batch (no operation is under way), then tell its operations their results. */
  const flushNow = () => {
    if (batch === undefined) return
    let failure: unknown
    const operations = batch.length
    const started = group.onCommit === undefined ? 0 : performance.now()
    try {
      parts.commit()
    } catch (error) {
      failure = error
      try {
        parts.rollback()
      } catch {
        // the failed COMMIT left no transaction open
      }
    }
    if (failure === undefined) group.onCommit?.(operations, performance.now() - started)
    end(failure)
  }
  const flushWhenFree = () => {
    if (parts.holders() === 0) flushNow()
    else due = true
  }
  /** Opens the batch if none is open, and the operation's savepoint. */
  const enter = () => {
    if (batch === undefined) {
      parts.begin()
      batch = []
      cancelFlush = scheduleFlush(group.maxWaitMs, flushWhenFree)
    }
    savepoint()
  }
  /** Ends an operation's savepoint (rolled back to when it failed) and enrols it in the batch. */
  const leave = (operation: string, result: Exit.Exit<unknown, unknown>): Waiter => {
    const waiter: Waiter = { operation, result, settled: false, resume: undefined }
    try {
      if (Exit.isFailure(result)) rollbackTo()
      release()
    } catch (cause) {
      // the savepoint is gone: an error made SQLite end the batch's transaction
      batch?.push(waiter)
      try {
        parts.rollback()
      } catch {
        // already rolled back by SQLite
      }
      end(cause)
      return waiter
    }
    batch?.push(waiter)
    if ((batch?.length ?? 0) >= group.maxBatch) due = true
    return waiter
  }
  /** Commits a due batch once no one holds the lock. */
  const settleDue = () => {
    if (due && parts.holders() === 0) flushNow()
  }
  /** The operation's result, once its batch is committed. */
  const awaitCommit = <A, E>(waiter: Waiter): Effect.Effect<A, E | StoreUnavailable> => {
    settleDue()
    return awaitWaiter(waiter)
  }
  /** A program, synchronously, in its savepoint inside the batch; returns its waiter. */
  const enrolProgram = <A, E>(operation: string, make: Make<A, E>): Waiter => {
    try {
      enter()
    } catch (cause) {
      return failedWaiter(operation, cause)
    }
    let result: Exit.Exit<unknown, unknown>
    try {
      result = exitOf(runProgramSync(make(), sync))
    } catch (cause) {
      result = Exit.fail(new StoreUnavailable({ operation, cause }))
    }
    return leave(operation, result)
  }
  /** An effect (statements outside a transaction, or a UnitOfWork body) in its savepoint inside the batch. */
  const inBatch = <A, E, R>(operation: string, body: Effect.Effect<A, E, R>) =>
    inSavepoint(
      exclusive,
      Effect.try({ try: enter, catch: (cause) => new StoreUnavailable({ operation, cause }) }),
      () => body,
      (_, exit) => Effect.sync(() => leave(operation, exit)),
      (waiter) => awaitCommit<A, E>(waiter),
    )
  return {
    direct: (f) => inBatch("statements", f(executor)),
    transaction: (operation, f) => inBatch(operation, f(executor)),
    run: (operation, _transactional, make) =>
      Effect.suspend(() =>
        parts.holders() === 0
          ? awaitCommit(enrolProgram(operation, make))
          : Effect.flatMap(exclusive(Effect.sync(() => enrolProgram(operation, make))), (waiter) =>
              awaitCommit(waiter),
            ),
      ),
    flush: Effect.sync(flushWhenFree),
  }
}
