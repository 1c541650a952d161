// Idempotency keys: a retried request (same key, same body) gets the first answer and changes nothing; the same key
// with another body is IdempotencyKeyReused. The answer is stored in the transaction of the change it reports.
import { createHash } from "node:crypto"
import { Effect } from "effect"
import { IdempotencyStore } from "./ports/idempotency-store.ts"
import { canonicalJson, type Json } from "./ports/json.ts"

/** The hash that tells a retry from another request reusing the key: SHA-256 of the body's canonical JSON. */
export const requestHash = (body: unknown): string => createHash("sha256").update(canonicalJson(body)).digest("hex")

/**
 * Runs `compute` once per (scope, key). Keys are scoped by what they are for and, for accounts, by who sends them,
 * so that two clients cannot collide (or read each other's answers) by picking the same key.
 */
export const onceFor = <A extends Json, E, R>(
  scope: string,
  key: string,
  body: unknown,
  compute: Effect.Effect<A, E, R>,
) =>
  Effect.gen(function* () {
    const store = yield* IdempotencyStore
    return yield* store.remember({ scope, key, requestHash: requestHash(body) }, compute)
  })
