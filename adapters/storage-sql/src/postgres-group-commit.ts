// Group commit on PostgreSQL (issue 13 §2): what SQLite's group commit does (sqlite-group-commit.ts), on one pooled
// connection. Without it every writer of the storage takes the audit chain's head row (`select … for update`) and
// holds it through its own WAL flush, so concurrent writers queue on that lock one flush at a time: 32 clients did
// fewer lifecycles a second than one (bench/pg-commit.bench.ts), and the server's `commit_delay` cannot help, since
// no two commits are ever ready together. Here the transactional operations of concurrent requests run one after
// another on one connection inside one transaction, each in a savepoint of its own, and one COMMIT (one flush)
// ends the batch.
//
// - A batch opens with the first operation (a connection from the pool, BEGIN) and commits when it holds
//   `maxBatch` operations or `maxWaitMs` after it opened, never while an operation is under way.
// - An operation that fails (a stale version, a refusal, a failed statement) is rolled back to its savepoint: its
//   work alone is undone, and PostgreSQL's transaction is usable again.
// - Every operation learns its result only after the batch's COMMIT returns (a refusal too: it may rest on another
//   operation's uncommitted work), so nothing acknowledged is ever lost. A COMMIT that fails, or a connection that
//   breaks, fails every operation of the batch with StoreUnavailable: nothing of it was written.
// - Statements outside a transaction (reads, and the few autocommit writes) go to the pool as without group
//   commit: they see what is committed, which includes everything acknowledged.
import { StoreUnavailable } from "@motcua/application"
import { Effect, Exit, Semaphore } from "effect"
import type pg from "pg"
import {
  asError,
  type Connection,
  type Executor,
  type Make,
  pgExecutor,
  postgresConnection,
  runProgramOnClient,
} from "./connection.ts"
import {
  awaitWaiter,
  checkGroupCommit,
  failedWaiter,
  type GroupCommit,
  inSavepoint,
  scheduleFlush,
  settleWaiters,
  type Waiter,
} from "./group-commit.ts"
import { exitOf } from "./program.ts"

interface Batch {
  readonly client: pg.PoolClient
  readonly waiters: Waiter[]
  /** The first error of the held connection (pg emits 'error' when it dies): the batch cannot commit. */
  broken: Error | undefined
  readonly onError: (error: Error) => void
  /** Stops the batch's timer (it commits the batch when its time is up). */
  readonly cancelTimer: () => void
}

export function postgresGroupCommitted(pool: pg.Pool, settings: GroupCommit): Connection {
  const group = checkGroupCommit(settings)
  const plain = postgresConnection(pool)
  /** Stands for the batch's connection: one operation (or the COMMIT) at a time. */
  const lock = Semaphore.makeUnsafe(1)
  let batch: Batch | undefined

  /** Ends `ended` (the lock is held): COMMIT, or ROLLBACK when `failure` is given; then its operations are told. */
  const finish = async (ended: Batch, failure?: unknown) => {
    if (batch !== ended) return
    batch = undefined
    ended.cancelTimer()
    let cause: unknown = failure ?? ended.broken
    const started = performance.now()
    if (cause === undefined) {
      try {
        const committed = await ended.client.query("commit")
        // PostgreSQL answers COMMIT with a ROLLBACK tag when an error left the transaction aborted.
        if (committed.command === "ROLLBACK") cause = new Error("the batch's transaction was aborted and rolled back")
      } catch (error) {
        cause = error
      }
    } else {
      await ended.client.query("rollback").catch(() => undefined)
    }
    if (cause === undefined) group.onCommit?.(ended.waiters.length, performance.now() - started)
    ended.client.removeListener("error", ended.onError)
    // a connection that failed may be unusable: the pool discards a client released with an error
    ended.client.release(cause === undefined ? undefined : asError(cause))
    settleWaiters(ended.waiters, cause)
  }
  /** Commits the batch when its time is up, as soon as no operation holds the connection. */
  const commitLater = (owner: () => Batch | undefined) => () => {
    const due = owner()
    if (due !== undefined) Effect.runFork(lock.withPermits(1)(Effect.promise(() => finish(due))))
  }
  /** The open batch, or a new one (the lock is held). */
  const open = async (): Promise<Batch> => {
    if (batch !== undefined) return batch
    const client = await pool.connect()
    let opened: Batch | undefined
    const onError = (error: Error) => {
      if (opened !== undefined) opened.broken ??= error
    }
    client.on("error", onError)
    try {
      await client.query("begin")
    } catch (error) {
      client.removeListener("error", onError)
      client.release(asError(error))
      throw error
    }
    const due = commitLater(() => (batch === opened ? opened : undefined))
    const cancelTimer = scheduleFlush(group.maxWaitMs, due)
    opened = { client, waiters: [], broken: undefined, onError, cancelTimer }
    batch = opened
    return opened
  }
  /**
   * Ends an operation's savepoint — rolled back to when it failed — and enrols it in the batch, which commits
   * at once when full. A savepoint that cannot be ended (the connection broke) fails the whole batch.
   */
  const leave = async (current: Batch, operation: string, result: Exit.Exit<unknown, unknown>): Promise<Waiter> => {
    const waiter: Waiter = { operation, result, settled: false, resume: undefined }
    current.waiters.push(waiter)
    try {
      if (Exit.isFailure(result)) await current.client.query("rollback to savepoint motcua_op")
      await current.client.query("release savepoint motcua_op")
    } catch (error) {
      await finish(current, error)
      return waiter
    }
    if (current.waiters.length >= group.maxBatch) await finish(current)
    return waiter
  }
  /** Enters the batch (opening it if need be) and the operation's savepoint; the lock is held. */
  const enter = async (): Promise<Batch> => {
    const current = await open()
    try {
      await current.client.query("savepoint motcua_op")
    } catch (error) {
      await finish(current, error)
      throw error
    }
    return current
  }
  /** A program in its savepoint inside the batch, holding the lock; then its result once the batch commits. */
  const runProgram = <A, E>(operation: string, make: Make<A, E>): Effect.Effect<A, E | StoreUnavailable> =>
    Effect.flatMap(
      lock.withPermits(1)(
        // not interruptible: the lock must be held until the program's last query and its savepoint are done
        Effect.uninterruptible(
          Effect.promise(async (): Promise<Waiter> => {
            let current: Batch
            try {
              current = await enter()
            } catch (cause) {
              return failedWaiter(operation, cause)
            }
            let result: Exit.Exit<unknown, unknown>
            try {
              result = exitOf(await runProgramOnClient(current.client, make))
            } catch (cause) {
              result = Exit.fail(new StoreUnavailable({ operation, cause }))
            }
            return leave(current, operation, result)
          }),
        ),
      ),
      (waiter) => awaitWaiter<A, E>(waiter),
    )
  /** A UnitOfWork body in its savepoint inside the batch, holding the lock (its queries on the batch's connection). */
  const transaction: Connection["transaction"] = <A, E, R>(
    operation: string,
    f: (executor: Executor) => Effect.Effect<A, E, R>,
  ) =>
    inSavepoint(
      lock.withPermits(1),
      Effect.tryPromise({ try: enter, catch: (cause) => new StoreUnavailable({ operation, cause }) }),
      (current) => f(pgExecutor(current.client)),
      (current, exit) => Effect.promise(() => leave(current, operation, exit)),
      (waiter) => awaitWaiter<A, E>(waiter),
    )
  return {
    direct: plain.direct,
    transaction,
    run: (operation, transactional, make) =>
      transactional ? runProgram(operation, make) : plain.run(operation, transactional, make),
    flush: lock.withPermits(1)(Effect.promise(() => (batch === undefined ? Promise.resolve() : finish(batch)))),
  }
}
