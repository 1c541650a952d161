// How the storage runs compiled queries and transactions, per dialect. Both run queries compiled by kysely (once,
// for the hot paths: prepared.ts); they differ in what executes them. Kysely builds and compiles; it executes only
// the migrations (and the few queries its builders run themselves), never a port's statements.
//
// - PostgreSQL: the pg.Pool itself — a statement outside a transaction is `pool.query`, a transaction holds one
//   pooled client from BEGIN to COMMIT (or ROLLBACK), and a program that is a transaction of its own (create, commit)
//   runs on that client as one promise, without an effect step per query (`postgresConnection`). Kysely's executor
//   (a connection provider, plugins and a promise chain per query) cost ~12 % of a lifecycle's time there.
// - SQLite: the better-sqlite3 statements themselves, synchronously, from the statement cache (sqlite.ts), under one
//   lock (an effect Semaphore) that stands for the single connection: a transaction holds it from BEGIN IMMEDIATE to
//   COMMIT, a statement outside a transaction holds it while it runs, so no statement ever lands inside another
//   fiber's open transaction. Going around kysely's asynchronous executor (a promise chain and a connection mutex
//   per statement) is what keeps the adapter close to raw better-sqlite3 speed.

import { StoreUnavailable } from "@motcua/application"
import { Effect, Exit, Semaphore } from "effect"
import type { CompiledQuery, QueryResult, SqliteDatabase, SqliteStatement } from "kysely"
import type pg from "pg"
import { checkGroupCommit, type GroupCommit } from "./group-commit.ts"
import { bindParameters, type PreparedQuery } from "./prepared.ts"
import { exitOf, type Outcome, type Program, runProgramSync } from "./program.ts"
import { sqliteGroupCommitted } from "./sqlite-group-commit.ts"

/** Runs compiled queries on one connection (or the pool), inside or outside a transaction. */
export interface Executor {
  readonly query: <Row>(
    operation: string,
    compiled: CompiledQuery<Row>,
  ) => Effect.Effect<QueryResult<Row>, StoreUnavailable>
  /**
   * Runs a program (program.ts) to its end on this executor, its queries one after the other: on SQLite
   * synchronously, as one step of the calling fiber; on PostgreSQL as one promise — no effect step per query.
   */
  readonly program: <A, E>(operation: string, make: Make<A, E>) => Effect.Effect<A, E | StoreUnavailable>
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

/** A program run synchronously on `sync`, as one effect step; what it throws is a StoreUnavailable. */
const syncProgram =
  (sync: SyncQuery) =>
  <A, E>(operation: string, make: Make<A, E>): Effect.Effect<A, E | StoreUnavailable> =>
    Effect.suspend((): Effect.Effect<A, E | StoreUnavailable> => {
      let outcome: Outcome<A, E>
      try {
        outcome = runProgramSync(make(), sync)
      } catch (cause) {
        return Effect.fail(new StoreUnavailable({ operation, cause }))
      }
      return exitOf(outcome)
    })

export const attempt = <A>(operation: string, f: () => Promise<A>): Effect.Effect<A, StoreUnavailable> =>
  Effect.tryPromise({ try: f, catch: (cause) => new StoreUnavailable({ operation, cause }) })

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

/**
 * Runs a program to its end on one pg client (or the pool), each query awaited in turn (no effect or fiber step per
 * query).
 */
export async function runProgramOnClient<A, E>(
  client: pg.Pool | pg.PoolClient,
  make: Make<A, E>,
): Promise<Outcome<A, E>> {
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

/** Statements on the pool (each on a client of its own, given back at once) or on a held client. */
export const pgExecutor = (queryable: pg.Pool | pg.PoolClient): Executor => ({
  query: <Row>(operation: string, compiled: CompiledQuery<Row>) =>
    Effect.map(
      attempt(operation, () => queryable.query(compiled.sql, compiled.parameters as unknown[])),
      (result) => kyselyResultOf(result) as QueryResult<Row>,
    ),
  program: (operation, make) =>
    Effect.flatMap(
      attempt(operation, () => runProgramOnClient(queryable, make)),
      exitOf,
    ),
})

/** A client taken from the pool for a transaction, and whether its connection broke while it was held. */
interface HeldClient {
  readonly client: pg.PoolClient
  broken: Error | undefined
  readonly onConnectionError: (error: Error) => void
}

async function holdClient(pool: pg.Pool): Promise<HeldClient> {
  const client = await pool.connect()
  // The connection may die while the client is held (backend terminated, ECONNRESET): pg then emits 'error' on the
  // client, which must have a listener; the query under way or the next one fails, and the client goes back with
  // that error so that the pool discards it.
  const held: HeldClient = {
    client,
    broken: undefined,
    onConnectionError: (error) => {
      held.broken ??= error
    },
  }
  client.on("error", held.onConnectionError)
  return held
}

/** Gives a held client back: discarded by the pool when its connection broke or `failure` may have left it unusable. */
function giveBack(held: HeldClient, failure?: unknown): void {
  if (failure !== undefined) held.broken ??= asError(failure)
  held.client.removeListener("error", held.onConnectionError)
  held.client.release(held.broken)
}

/** A client held for a transaction, BEGIN sent; given back broken when BEGIN fails. */
async function beginOn(pool: pg.Pool): Promise<HeldClient> {
  const held = await holdClient(pool)
  try {
    await held.client.query("begin")
  } catch (error) {
    giveBack(held, error)
    throw error
  }
  return held
}

/** COMMIT, refused when PostgreSQL answers it with ROLLBACK (an earlier error left the transaction aborted). */
async function commitOn(client: pg.PoolClient): Promise<void> {
  const committed = await client.query("commit")
  if (committed.command === "ROLLBACK") throw new Error("the transaction was aborted and rolled back")
}

/** Ends a held client's transaction (COMMIT or ROLLBACK) and gives the client back, broken if that failed. */
async function endOn(held: HeldClient, commit: boolean): Promise<void> {
  try {
    if (commit) await commitOn(held.client)
    else await held.client.query("rollback")
  } catch (error) {
    giveBack(held, error)
    throw error
  }
  giveBack(held)
}

/**
 * PostgreSQL over the pg.Pool directly: statements outside a transaction on the pool, a transaction (UnitOfWork,
 * an idempotent request) on one held client, and a program that is a transaction of its own (create, commit) on a
 * held client as one promise — BEGIN, its queries, COMMIT (ROLLBACK when it returns a failure, throws, or the fiber
 * is interrupted before COMMIT) — without an effect step per query.
 */
export function postgresConnection(pool: pg.Pool): Connection {
  const onPool = pgExecutor(pool)
  const transaction: Connection["transaction"] = (operation, f) =>
    Effect.acquireUseRelease(
      attempt(`${operation}: begin`, () => beginOn(pool)),
      (held) => f(pgExecutor(held.client)),
      (held, exit) =>
        Exit.isSuccess(exit)
          ? attempt(`${operation}: commit`, () => endOn(held, true))
          : // The failure that caused the rollback is the one worth reporting.
            Effect.ignore(attempt(`${operation}: rollback`, () => endOn(held, false))),
    )
  const ownTransaction = <A, E>(operation: string, make: Make<A, E>): Effect.Effect<A, E | StoreUnavailable> =>
    Effect.flatMap(
      Effect.tryPromise({
        try: async (signal) => {
          const held = await beginOn(pool)
          let outcome: Outcome<A, E>
          try {
            outcome = await runProgramOnClient(held.client, make)
          } catch (error) {
            // a query failed: roll back if the connection still can, and do not reuse it — whatever failed may have
            // left it unusable
            await held.client.query("rollback").catch(() => {})
            giveBack(held, error)
            throw error
          }
          await endOn(held, outcome.ok && !signal.aborted)
          return outcome
        },
        catch: (cause) => new StoreUnavailable({ operation, cause }),
      }),
      (outcome): Effect.Effect<A, E> => exitOf(outcome),
    )
  return {
    direct: (f) => f(onPool),
    transaction,
    run: (operation, transactional, make) =>
      transactional ? ownTransaction(operation, make) : onPool.program(operation, make),
    flush: Effect.void,
  }
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
    program: syncProgram(sync),
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
      return exitOf(outcome)
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
  return sqliteGroupCommitted(checkGroupCommit(groupCommit), {
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
