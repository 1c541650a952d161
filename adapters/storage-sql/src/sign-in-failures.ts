// The SignInFailureStore port of @motcua/application over the storage's database (table `sign_in_failure`, created
// by the "sign-in-failures" migration): failed sign-in counts every instance on the database shares. An update is
// one transaction: on PostgreSQL the keys' rows are created if missing and locked (FOR UPDATE) before they are
// read, so instances updating the same key wait for each other; on SQLite UnitOfWork.transaction holds the
// database's single write lock (BEGIN IMMEDIATE) for the whole read-modify-write.
import {
  type FailureCount,
  SignInFailureStore,
  type SignInFailureStoreShape,
  StoreUnavailable,
  UnitOfWork,
} from "@motcua/application"
import { Effect, Layer } from "effect"
import type { Kysely, Transaction } from "kysely"
import { SqlDatabase } from "./layers.ts"

interface SignInFailureTable {
  key: string
  failures: number
  since_ms: number | string
  locked_until_ms: number | string
}
interface FailuresDB {
  sign_in_failure: SignInFailureTable
}

type Db = Kysely<FailuresDB> | Transaction<FailuresDB>

const countOf = (row: SignInFailureTable): FailureCount => ({
  failures: Number(row.failures),
  since: Number(row.since_ms),
  lockedUntil: Number(row.locked_until_ms),
})

export const makeSqlSignInFailureStore = Effect.gen(function* () {
  const { db: kysely, dialect } = yield* SqlDatabase
  const unitOfWork = yield* UnitOfWork
  const db = kysely as unknown as Kysely<FailuresDB>
  const attempt = <A>(operation: string, f: () => Promise<A>) =>
    Effect.tryPromise({ try: f, catch: (cause) => new StoreUnavailable({ operation, cause }) })

  const readModifyWrite = async <A>(
    trx: Db,
    keys: ReadonlyArray<string>,
    change: Parameters<SignInFailureStoreShape["update"]>[1],
    lock: boolean,
  ): Promise<A> => {
    if (keys.length === 0) return change(new Map()).result as A
    if (lock) {
      // a row to lock for every key, so that two first failures of one key cannot both insert
      await trx
        .insertInto("sign_in_failure")
        .values(keys.map((key) => ({ key, failures: 0, since_ms: 0, locked_until_ms: 0 })))
        .onConflict((oc) => oc.column("key").doNothing())
        .execute()
    }
    const query = trx
      .selectFrom("sign_in_failure")
      .selectAll()
      .where("key", "in", [...keys])
      .orderBy("key")
    const rows = await (lock ? query.forUpdate() : query).execute()
    const counts = new Map<string, FailureCount>()
    // placeholder rows (no failure counted yet) read as absent
    for (const row of rows)
      if (Number(row.failures) > 0 || Number(row.locked_until_ms) > 0) counts.set(row.key, countOf(row))
    const { result, writes } = change(counts)
    for (const [key, count] of writes) {
      if (count === undefined) await trx.deleteFrom("sign_in_failure").where("key", "=", key).execute()
      else
        await trx
          .insertInto("sign_in_failure")
          .values({ key, failures: count.failures, since_ms: count.since, locked_until_ms: count.lockedUntil })
          .onConflict((oc) =>
            oc.column("key").doUpdateSet({
              failures: count.failures,
              since_ms: count.since,
              locked_until_ms: count.lockedUntil,
            }),
          )
          .execute()
    }
    return result as A
  }

  return SignInFailureStore.of({
    update: (keys, change) =>
      dialect === "postgres"
        ? attempt("sign-in failures", () => db.transaction().execute((trx) => readModifyWrite(trx, keys, change, true)))
        : unitOfWork.transaction(attempt("sign-in failures", () => readModifyWrite(db, keys, change, false))),
    deleteExpired: (now, windowMs) => {
      const statement = attempt("sign-in failures", async () => {
        const result = await db
          .deleteFrom("sign_in_failure")
          .where("locked_until_ms", "<=", now)
          .where("since_ms", "<=", now - windowMs)
          .executeTakeFirst()
        return Number(result.numDeletedRows)
      })
      return dialect === "sqlite" ? unitOfWork.transaction(statement) : statement
    },
  })
})

/** SignInFailureStore over the database of a SqlStorage layer (provide that layer to it). */
export const SqlSignInFailureStore = {
  layer: Layer.effect(SignInFailureStore, makeSqlSignInFailureStore),
}
