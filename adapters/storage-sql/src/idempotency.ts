// Idempotent requests: the first request with a (scope, key) claims it and stores its answer in the same
// transaction; a repeat gets the stored answer, a different request under the same key is refused (IdempotencyStore).
import { IdempotencyKeyReused, type IdempotencyStoreShape, StoreUnavailable } from "@motcua/application"
import { Effect } from "effect"
import type { Kysely } from "kysely"
import { type PreparedQuery, param, prepare } from "./prepared.ts"
import type { DB } from "./schema.ts"
import { affected, now, type StorageContext } from "./storage-context.ts"

export function prepareIdempotencyQueries(db: Kysely<DB>) {
  const p = <T = never>(name: string) => param<T>(name)
  return {
    idempotencyInsert: prepare(
      db
        .insertInto("idempotency")
        .values({
          scope: p("scope"),
          idem_key: p("key"),
          request_hash: p("request_hash"),
          response: null,
          created_at: p("at"),
        })
        .onConflict((oc) => oc.columns(["scope", "idem_key"]).doNothing())
        .compile(),
    ),
    idempotencySelect: prepare(
      db
        .selectFrom("idempotency")
        .select(["request_hash", "response"])
        .where("scope", "=", p("scope"))
        .where("idem_key", "=", p("key"))
        .compile(),
    ),
    idempotencyAnswer: prepare(
      db
        .updateTable("idempotency")
        .set({ response: p("response") })
        .where("scope", "=", p("scope"))
        .where("idem_key", "=", p("key"))
        .compile(),
    ),
  } satisfies Record<string, PreparedQuery<unknown>>
}

export type IdempotencyQueries = ReturnType<typeof prepareIdempotencyQueries>

export function makeIdempotencyStore(ctx: StorageContext, q: IdempotencyQueries): IdempotencyStoreShape {
  const { inTransaction, exec } = ctx
  return {
    remember: (request, compute) =>
      inTransaction("idempotent request", (trx) =>
        Effect.gen(function* () {
          const at = yield* now
          const keys = { scope: request.scope, key: request.key }
          // Claim the key first. On PostgreSQL a concurrent first attempt waits here until the other transaction
          // ends, then finds its answer (or, if it rolled back, claims the key itself).
          const claimed = yield* exec("idempotent request", trx, q.idempotencyInsert, {
            ...keys,
            request_hash: request.requestHash,
            at,
          })
          if (affected(claimed) === 0) {
            const stored = (yield* exec("idempotent request", trx, q.idempotencySelect, keys)).rows[0]
            if (stored === undefined || stored.response === null) {
              return yield* Effect.fail(
                new StoreUnavailable({ operation: "idempotent request", cause: "the stored answer is missing" }),
              )
            }
            if (stored.request_hash !== request.requestHash) return yield* Effect.fail(new IdempotencyKeyReused(keys))
            return JSON.parse(stored.response)
          }
          const answer = yield* compute
          yield* exec("idempotent request", trx, q.idempotencyAnswer, { ...keys, response: JSON.stringify(answer) })
          return answer
        }),
      ),
  }
}
