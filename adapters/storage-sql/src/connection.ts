// How the storage runs compiled queries and transactions, per dialect. Both run queries compiled by kysely (once,
// for the hot paths: prepared.ts); they differ in what executes them.
//
// - PostgreSQL: kysely's executor over the pg.Pool; a transaction is a kysely controlled transaction (one pooled
//   connection held until COMMIT or ROLLBACK). A program that is a transaction of its own (create, commit) runs on a
//   pooled client directly instead (`postgresConnection`).
// - SQLite: the better-sqlite3 statements themselves, synchronously, from the statement cache (sqlite.ts), under one
//   lock (an effect Semaphore) that stands for the single connection: a transaction holds it from BEGIN IMMEDIATE to
//   COMMIT, a statement outside a transaction holds it while it runs, so no statement ever lands inside another
//   fiber's open transaction. Going around kysely's asynchronous executor (a promise chain and a connection mutex
//   per statement) is what keeps the adapter close to raw better-sqlite3 speed. Kysely's own executor is used on
//   SQLite only by the migrator, before the storage serves anything.

import { StoreUnavailable } from "@motcua/application"
import { Effect, Exit, Semaphore } from "effect"
import type { CompiledQuery, Kysely, QueryResult, SqliteDatabase, SqliteStatement } from "kysely"
import type pg from "pg"
import { bindParameters, type PreparedQuery } from "./prepared.ts"
import { type Outcome, type Program, runProgramEffect, runProgramSync } from "./program.ts"
import type { DB } from "./schema.ts"

/** Runs compiled queries on one connection (or the pool), inside or outside a transaction. */
export interface Executor {
  readonly query: <Row>(
    operation: string,
    compiled: CompiledQuery<Row>,
  ) => Effect.Effect<QueryResult<Row>, StoreUnavailable>
  /** SQLite only: runs a prepared query synchronously (the caller holds the connection lock). */
  readonly sync?: SyncQuery
}

export type SyncQuery = (
  query: PreparedQuery<unknown>,
  values: Readonly<Record<string, unknown>>,
) => QueryResult<unknown>

export type Make<A, E> = () => Program<Outcome<A, E>>

export interface Connection {
  /** Runs `f` with statements outside any transaction (each one atomic on its own). */
  readonly direct: <A, E, R>(
    f: (executor: Executor) => Effect.Effect<A, E, R>,
  ) => Effect.Effect<A, E | StoreUnavailable, R>
  /** Runs `f` in a new transaction: committed when `f` succeeds, rolled back when it fails, dies or is interrupted. */
  readonly transaction: <A, E, R>(
    operation: string,
    f: (executor: Executor) => Effect.Effect<A, E, R>,
  ) => Effect.Effect<A, E | StoreUnavailable, R>
  /**
   * Runs a program (program.ts) in a transaction of its own when `transactional`, else statement by statement: on
   * SQLite synchronously, as one step of the calling fiber; on PostgreSQL query by query.
   */
  readonly run: <A, E>(
    operation: string,
    transactional: boolean,
    make: Make<A, E>,
  ) => Effect.Effect<A, E | StoreUnavailable>
  /** Commits what group commit holds open (SQLite with GroupCommit; nothing elsewhere): before closing. */
  readonly flush: Effect.Effect<void>
}

/** Runs a program on an executor whose transaction (or lock) the caller already holds. */
export const runOn = <A, E>(
  executor: Executor,
  operation: string,
  make: Make<A, E>,
): Effect.Effect<A, E | StoreUnavailable> => {
  const sync = executor.sync
  if (sync === undefined) return runProgramEffect(operation, make, executor)
  return Effect.suspend((): Effect.Effect<A, E | StoreUnavailable> => {
    let outcome: Outcome<A, E>
    try {
      outcome = runProgramSync(make(), sync)
    } catch (cause) {
      return Effect.fail(new StoreUnavailable({ operation, cause }))
    }
    return outcome.ok ? Effect.succeed(outcome.value) : Effect.fail(outcome.error)
  })
}

export const attempt = <A>(operation: string, f: () => Promise<A>): Effect.Effect<A, StoreUnavailable> =>
  Effect.tryPromise({ try: f, catch: (cause) => new StoreUnavailable({ operation, cause }) })

const kyselyExecutor = (k: Kysely<DB>): Executor => ({
  query: (operation, compiled) => attempt(operation, () => k.executeQuery(compiled)),
})

export function kyselyConnection(db: Kysely<DB>): Connection {
  const executor = kyselyExecutor(db)
  const transaction: Connection["transaction"] = (operation, f) =>
    Effect.acquireUseRelease(
      attempt(`${operation}: begin`, () => db.startTransaction().execute()),
      (trx) => f(kyselyExecutor(trx)),
      (trx, exit) =>
        Exit.isSuccess(exit)
          ? attempt(`${operation}: commit`, () => trx.commit().execute())
          : // The failure that caused the rollback is the one worth reporting.
            Effect.ignore(attempt(`${operation}: rollback`, () => trx.rollback().execute())),
    )
  return {
    direct: (f) => f(executor),
    transaction,
    run: (operation, transactional, make) =>
      transactional
        ? transaction(operation, (x) => runProgramEffect(operation, make, x))
        : runProgramEffect(operation, make, executor),
    flush: Effect.void,
  }
}

/** A pg result as kysely's PostgreSQL driver gives it (so that programs see the same QueryResult either way). */
export const kyselyResultOf = (result: pg.QueryResult): QueryResult<unknown> => ({
  numAffectedRows:
    result.command === "INSERT" ||
    result.command === "UPDATE" ||
    result.command === "DELETE" ||
    result.command === "MERGE"
      ? BigInt(result.rowCount ?? 0)
      : undefined,
  rows: result.rows ?? [],
})

/** Runs a program to its end on one pg client, each query awaited in turn (no effect or fiber step per query). */
export async function runProgramOnClient<A, E>(client: pg.PoolClient, make: Make<A, E>): Promise<Outcome<A, E>> {
  const program = make()
  let step = program.next(undefined as never)
  while (step.done !== true) {
    const { query, values } = step.value
    const result = await client.query(query.compiled.sql, bindParameters(query, values))
    step = program.next(kyselyResultOf(result))
  }
  return step.value
}

export const asError = (cause: unknown): Error => (cause instanceof Error ? cause : new Error(String(cause)))

/**
 * PostgreSQL: kysely's executor over the pool, except for a program that is a transaction of its own (create,
 * commit): that one runs on a pooled client directly — BEGIN, its queries, COMMIT (ROLLBACK when it returns a failure,
 * throws, or the fiber is interrupted before COMMIT) — as one promise, without kysely's per-query executor chain.
 * Same SQL texts and parameters, same results (`kyselyResultOf`), same transaction boundaries.
 */
export function postgresConnection(db: Kysely<DB>, pool: pg.Pool): Connection {
  const base = kyselyConnection(db)
  const ownTransaction = <A, E>(operation: string, make: Make<A, E>): Effect.Effect<A, E | StoreUnavailable> =>
    Effect.flatMap(
      Effect.tryPromise({
        try: async (signal) => {
          const client = await pool.connect()
          // The connection may die while the client is held (backend terminated, ECONNRESET): pg then emits
          // 'error' on the client, which must have a listener; the query under way or the next one fails, and the
          // client goes back with that error so that the pool discards it.
          let broken: Error | undefined
          const onConnectionError = (error: Error) => {
            broken ??= error
          }
          client.on("error", onConnectionError)
          try {
            await client.query("begin")
            let outcome: Outcome<A, E>
            try {
              outcome = await runProgramOnClient(client, make)
            } catch (error) {
              await client.query("rollback").catch((rollbackError: unknown) => {
                broken ??= asError(rollbackError)
              })
              throw error
            }
            if (!outcome.ok || signal.aborted) {
              await client.query("rollback")
              return outcome
            }
            const committed = await client.query("commit")
            // PostgreSQL answers COMMIT with a ROLLBACK tag when an earlier error left the transaction aborted.
            if (committed.command === "ROLLBACK") throw new Error("the transaction was aborted and rolled back")
            return outcome
          } catch (error) {
            // Whatever failed here (a query, COMMIT) may have left the connection unusable: do not reuse it.
            broken ??= asError(error)
            throw error
          } finally {
            client.removeListener("error", onConnectionError)
            client.release(broken)
          }
        },
        catch: (cause) => new StoreUnavailable({ operation, cause }),
      }),
      (outcome): Effect.Effect<A, E> => (outcome.ok ? Effect.succeed(outcome.value) : Effect.fail(outcome.error)),
    )
  return {
    direct: base.direct,
    transaction: base.transaction,
    run: (operation, transactional, make) =>
      transactional ? ownTransaction(operation, make) : base.run(operation, transactional, make),
    flush: Effect.void,
  }
}

/**
 * Group commit: the work of concurrent operations committed together, one COMMIT (one fsync at SQLite's
 * `synchronous=FULL`, one WAL flush on PostgreSQL) for a batch. Off unless configured (SqliteOptions.groupCommit,
 * PostgresOptions.groupCommit, `?group_commit=` in the URL). SQLite's below; PostgreSQL's in postgres-group-commit.ts.
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

const NO_ROWS: never[] = Object.freeze([]) as never[]

export function sqliteConnection(database: SqliteDatabase, groupCommit?: GroupCommit): Connection {
  const lock = Semaphore.makeUnsafe(1)
  /**
   * How many fibers hold the lock (0 or 1). A program runs synchronously from BEGIN to COMMIT without giving
   * the event loop a turn, so when no one holds the lock it can run without taking it: nothing else can start in
   * between. When someone holds it (a UnitOfWork transaction waiting on something), the program waits its turn.
   */
  let holders = 0
  const execute = <Row>(compiled: {
    readonly sql: string
    readonly parameters: ReadonlyArray<unknown>
  }): QueryResult<Row> => {
    const statement = database.prepare(compiled.sql)
    if (statement.reader) return { rows: statement.all(compiled.parameters) as Row[] }
    const { changes, lastInsertRowid } = statement.run(compiled.parameters)
    return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) }
  }
  // The storage's prepared queries keep their statement here, so that the hot path does not even look it up by
  // SQL text (it is still prepared through the statement cache: once per SQL text).
  const statements = new Map<PreparedQuery<unknown>, SqliteStatement>()
  const sync: SyncQuery = (query, values) => {
    let statement = statements.get(query)
    if (statement === undefined) {
      statement = database.prepare(query.compiled.sql)
      statements.set(query, statement)
    }
    const parameters = bindParameters(query, values)
    if (statement.reader) return { rows: statement.all(parameters) }
    // Programs read only the count of changed rows (no statement of theirs needs the inserted row id).
    return { rows: NO_ROWS, numAffectedRows: BigInt(statement.run(parameters).changes) }
  }
  const executor: Executor = {
    query: <Row>(operation: string, compiled: CompiledQuery<Row>) =>
      Effect.try({ try: () => execute<Row>(compiled), catch: (cause) => new StoreUnavailable({ operation, cause }) }),
    sync,
  }
  const raw = (operation: string, sql: string) => executor.query(operation, { sql, parameters: [] } as never)
  const begin = database.prepare("begin immediate")
  const commit = database.prepare("commit")
  const rollback = database.prepare("rollback")
  /** The whole program, synchronously; in its own transaction when asked (rolled back on a failed outcome). */
  const runNow = <A, E>(operation: string, transactional: boolean, make: Make<A, E>) =>
    Effect.suspend((): Effect.Effect<A, E | StoreUnavailable> => {
      let outcome: Outcome<A, E>
      try {
        if (!transactional) {
          outcome = runProgramSync(make(), sync)
        } else {
          begin.run([])
          try {
            outcome = runProgramSync(make(), sync)
            if (outcome.ok) commit.run([])
            else rollback.run([])
          } catch (error) {
            // A failed COMMIT (SQLITE_BUSY) leaves the transaction open too: end it either way.
            try {
              rollback.run([])
            } catch {
              // no transaction was left open
            }
            throw error
          }
        }
      } catch (cause) {
        return Effect.fail(new StoreUnavailable({ operation, cause }))
      }
      return outcome.ok ? Effect.succeed(outcome.value) : Effect.fail(outcome.error)
    })
  const exclusive = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    lock.withPermits(1)(
      Effect.suspend(() => {
        holders += 1
        return Effect.ensuring(
          effect,
          Effect.sync(() => {
            holders -= 1
          }),
        )
      }),
    )
  if (groupCommit === undefined) {
    return {
      direct: (f) => exclusive(f(executor)),
      transaction: (operation, f) =>
        exclusive(
          Effect.acquireUseRelease(
            raw(`${operation}: begin`, "begin immediate"),
            () => f(executor),
            (_, exit) =>
              Exit.isSuccess(exit)
                ? raw(`${operation}: commit`, "commit").pipe(
                    // A COMMIT that fails (SQLITE_BUSY) leaves the transaction open: end it.
                    Effect.tapError(() => Effect.ignore(raw(`${operation}: rollback`, "rollback"))),
                  )
                : Effect.ignore(raw(`${operation}: rollback`, "rollback")),
          ),
        ),
      run: (operation, transactional, make) =>
        Effect.suspend(() =>
          holders === 0 ? runNow(operation, transactional, make) : exclusive(runNow(operation, transactional, make)),
        ),
      flush: Effect.void,
    }
  }
  return groupCommitted(checkGroupCommit(groupCommit), {
    executor,
    exclusive,
    holders: () => holders,
    begin: () => void begin.run([]),
    commit: () => void commit.run([]),
    rollback: () => void rollback.run([]),
    statement: (sql) => {
      const prepared = database.prepare(sql)
      return () => void prepared.run([])
    },
  })
}

interface SqliteParts {
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
function groupCommitted(group: GroupCommit, parts: SqliteParts): Connection {
  const { executor, exclusive } = parts
  const sync = executor.sync as SyncQuery
  const savepoint = parts.statement("savepoint motcua_op")
  const release = parts.statement("release motcua_op")
  const rollbackTo = parts.statement("rollback to motcua_op")
  let batch: Waiter[] | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let immediate: ReturnType<typeof setImmediate> | undefined
  /** The batch's time is up (or it is full) while an operation holds the lock: commit when it lets go. */
  let due = false

  /** Ends the open batch: its operations get their own results (`failure` undefined) or all fail with it. */
  const end = (failure: unknown) => {
    const waiters = batch ?? []
    batch = undefined
    due = false
    if (timer !== undefined) clearTimeout(timer)
    if (immediate !== undefined) clearImmediate(immediate)
    timer = undefined
    immediate = undefined
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
      if (group.maxWaitMs === 0) immediate = setImmediate(flushWhenFree)
      else timer = setTimeout(flushWhenFree, group.maxWaitMs)
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
      const outcome = runProgramSync(make(), sync)
      result = outcome.ok ? Exit.succeed(outcome.value) : Exit.fail(outcome.error)
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
