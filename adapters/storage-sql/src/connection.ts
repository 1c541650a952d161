// How the storage runs compiled queries and transactions, per dialect. Both run queries compiled by kysely (once,
// for the hot paths: prepared.ts); they differ in what executes them.
//
// - PostgreSQL: kysely's executor over the pg.Pool; a transaction is a kysely controlled transaction (one pooled
//   connection held until COMMIT or ROLLBACK).
// - SQLite: the better-sqlite3 statements themselves, synchronously, from the statement cache (sqlite.ts), under one
//   lock (an effect Semaphore) that stands for the single connection: a transaction holds it from BEGIN IMMEDIATE to
//   COMMIT, a statement outside a transaction holds it while it runs, so no statement ever lands inside another
//   fiber's open transaction. Going around kysely's asynchronous executor (a promise chain and a connection mutex
//   per statement) is what keeps the adapter close to raw better-sqlite3 speed. Kysely's own executor is used on
//   SQLite only by the migrator, before the storage serves anything.

import { StoreUnavailable } from "@motcua/application"
import { Effect, Exit, Semaphore } from "effect"
import type { CompiledQuery, Kysely, QueryResult, SqliteDatabase } from "kysely"
import type { DB } from "./schema.ts"

/** Runs compiled queries on one connection (or the pool), inside or outside a transaction. */
export interface Executor {
  readonly query: <Row>(
    operation: string,
    compiled: CompiledQuery<Row>,
  ) => Effect.Effect<QueryResult<Row>, StoreUnavailable>
}

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
}

const attempt = <A>(operation: string, f: () => Promise<A>): Effect.Effect<A, StoreUnavailable> =>
  Effect.tryPromise({ try: f, catch: (cause) => new StoreUnavailable({ operation, cause }) })

const kyselyExecutor = (k: Kysely<DB>): Executor => ({
  query: (operation, compiled) => attempt(operation, () => k.executeQuery(compiled)),
})

export function kyselyConnection(db: Kysely<DB>): Connection {
  const executor = kyselyExecutor(db)
  return {
    direct: (f) => f(executor),
    transaction: (operation, f) =>
      Effect.acquireUseRelease(
        attempt(`${operation}: begin`, () => db.startTransaction().execute()),
        (trx) => f(kyselyExecutor(trx)),
        (trx, exit) =>
          Exit.isSuccess(exit)
            ? attempt(`${operation}: commit`, () => trx.commit().execute())
            : // The failure that caused the rollback is the one worth reporting.
              Effect.ignore(attempt(`${operation}: rollback`, () => trx.rollback().execute())),
      ),
  }
}

export function sqliteConnection(database: SqliteDatabase): Connection {
  const lock = Semaphore.makeUnsafe(1)
  const execute = <Row>(compiled: {
    readonly sql: string
    readonly parameters: ReadonlyArray<unknown>
  }): QueryResult<Row> => {
    const statement = database.prepare(compiled.sql)
    if (statement.reader) return { rows: statement.all(compiled.parameters) as Row[] }
    const { changes, lastInsertRowid } = statement.run(compiled.parameters)
    return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) }
  }
  const executor: Executor = {
    query: <Row>(operation: string, compiled: CompiledQuery<Row>) =>
      Effect.try({ try: () => execute<Row>(compiled), catch: (cause) => new StoreUnavailable({ operation, cause }) }),
  }
  const raw = (operation: string, sql: string) => executor.query(operation, { sql, parameters: [] } as never)
  return {
    direct: (f) => lock.withPermits(1)(f(executor)),
    transaction: (operation, f) =>
      lock.withPermits(1)(
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
  }
}
