// A storage operation written once for both dialects as a *program*: a generator that yields the queries it needs
// (a prepared query and its values) and receives each result. Two drivers run it:
// - on SQLite, synchronously, statement after statement on the cached better-sqlite3 statements, inside one
//   `Effect.try` for the whole operation (BEGIN IMMEDIATE … COMMIT included when it is its own transaction): no
//   effect machinery, promise or fiber step per statement;
// - on PostgreSQL, as one promise that awaits each query on the transaction's client (or the pool) and feeds the
//   result back (connection.ts).
// Expected failures (a stale version, a missing document) are returned as an Outcome, not thrown, so that the
// driver can roll back and fail the effect with them; anything thrown is a store failure (StoreUnavailable).
import { Exit } from "effect"
import type { QueryResult } from "kysely"
import type { PreparedQuery } from "./prepared.ts"

export interface Request {
  readonly query: PreparedQuery<unknown>
  readonly values: Readonly<Record<string, unknown>>
}

export type Program<A> = Generator<Request, A, QueryResult<unknown>>

export type Outcome<A, E> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly error: E }

export const ok = <A>(value: A): Outcome<A, never> => ({ ok: true, value })
export const failed = <E>(error: E): Outcome<never, E> => ({ ok: false, error })

/** An outcome as an Exit, which is an effect too: its value, or its expected failure. */
export const exitOf = <A, E>(outcome: Outcome<A, E>): Exit.Exit<A, E> =>
  outcome.ok ? Exit.succeed(outcome.value) : Exit.fail(outcome.error)

/** One query of a program: `const result = yield* ask(query, values)`. */
export function* ask<Row>(
  query: PreparedQuery<Row>,
  values: Readonly<Record<string, unknown>>,
): Generator<Request, QueryResult<Row>, QueryResult<unknown>> {
  return (yield { query: query as PreparedQuery<unknown>, values }) as QueryResult<Row>
}

/** Runs a program to its end with a synchronous executor; throws what the executor or the program throws. */
export function runProgramSync<A>(
  program: Program<A>,
  execute: (query: PreparedQuery<unknown>, values: Readonly<Record<string, unknown>>) => QueryResult<unknown>,
): A {
  let step = program.next(undefined as never)
  while (step.done !== true) step = program.next(execute(step.value.query, step.value.values))
  return step.value
}
