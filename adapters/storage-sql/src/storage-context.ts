// What every concept of the SQL storage (dossiers.ts, audit-chain.ts, outbox.ts, document-store.ts, idempotency.ts)
// shares: the database, its dialect, and how a port method runs its statements — on the fiber's current transaction
// of this storage (UnitOfWork.transaction puts it in CurrentSqlTransaction), or on its own.
import { instantOf, type Json, type StoreUnavailable } from "@motcua/application"
import { Clock, Context, Effect } from "effect"
import type { Kysely, QueryResult } from "kysely"
import type { Connection, Executor } from "./connection.ts"
import { bind, type PreparedQuery } from "./prepared.ts"
import type { Outcome, Program } from "./program.ts"
import type { DB, Dialect } from "./schema.ts"

interface CurrentTransaction {
  /** The storage that opened it: a transaction of one database is never used for another. */
  readonly owner: object
  readonly executor: Executor
}

const CurrentSqlTransaction = Context.Reference<CurrentTransaction | undefined>(
  "@motcua/storage-sql/CurrentTransaction",
  { defaultValue: () => undefined },
)

export const now = Effect.map(Clock.currentTimeMillis, instantOf)

export const affected = (result: { readonly numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0n)

export function parseJson(text: string, what: string): Json {
  try {
    return JSON.parse(text) as Json
  } catch (cause) {
    throw new Error(`stored ${what} is not JSON`, { cause })
  }
}

export interface StorageContext {
  readonly db: Kysely<DB>
  readonly dialect: Dialect
  /** Runs `f` on the current transaction of this storage, or outside any transaction. */
  readonly withDb: <A, E, R>(f: (x: Executor) => Effect.Effect<A, E, R>) => Effect.Effect<A, E | StoreUnavailable, R>
  /** Runs `f` in a transaction: the current one of this storage, or a new one committed when `f` succeeds. */
  readonly inTransaction: <A, E, R>(
    operation: string,
    f: (x: Executor) => Effect.Effect<A, E, R>,
  ) => Effect.Effect<A, E | StoreUnavailable, R>
  /** One prepared query on an executor. */
  readonly exec: <Row>(
    operation: string,
    x: Executor,
    query: PreparedQuery<Row>,
    values: Record<string, unknown>,
  ) => Effect.Effect<QueryResult<Row>, StoreUnavailable>
  /**
   * Runs a program (program.ts) on the current transaction of this storage, or on its own: in a transaction when
   * `transactional`. On SQLite the whole program runs synchronously (connection.ts).
   */
  readonly runProgram: <A, E>(
    operation: string,
    transactional: boolean,
    make: () => Program<Outcome<A, E>>,
  ) => Effect.Effect<A, E | StoreUnavailable>
}

export function makeStorageContext(db: Kysely<DB>, connection: Connection, dialect: Dialect): StorageContext {
  const owner = {}
  return {
    db,
    dialect,
    withDb: (f) =>
      Effect.flatMap(CurrentSqlTransaction, (current) =>
        current?.owner === owner ? f(current.executor) : connection.direct(f),
      ),
    inTransaction: (operation, f) =>
      Effect.flatMap(CurrentSqlTransaction, (current) =>
        current?.owner === owner
          ? f(current.executor)
          : connection.transaction(operation, (executor) =>
              Effect.provideService(f(executor), CurrentSqlTransaction, { owner, executor }),
            ),
      ),
    exec: (operation, x, query, values) => Effect.suspend(() => x.query(operation, bind(query, values))),
    runProgram: (operation, transactional, make) =>
      Effect.flatMap(CurrentSqlTransaction, (current) =>
        current?.owner === owner
          ? current.executor.program(operation, make)
          : connection.run(operation, transactional, make),
      ),
  }
}
