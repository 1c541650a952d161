import { Context, type Effect } from "effect"
import type { IdempotencyKeyReused, StoreUnavailable } from "./errors.ts"
import type { Json } from "./json.ts"

export interface IdempotentRequest {
  /** The client's Idempotency-Key (or the callback's own id). */
  readonly key: string
  /** What the key is for, e.g. "filing", "payment.confirm", "callback.portal": keys are unique per scope. */
  readonly scope: string
  /** A hash of the request's content, to tell a retry from a different request reusing the key. */
  readonly requestHash: string
}

export interface IdempotencyStoreShape {
  /**
   * Runs `compute` once per (scope, key). The first time, `compute` runs inside a transaction and its answer is
   * stored in that same transaction, so the state change and the answer commit together. A retry with the same
   * key and request hash returns the stored answer and changes nothing; the same key with another request hash
   * fails with IdempotencyKeyReused. Failures are not remembered: after a failed first attempt a retry computes
   * again. Concurrent first attempts with one key: one computes, the other waits for it (or, when it lost a race,
   * is rolled back) and returns its answer.
   */
  readonly remember: <A extends Json, E, R>(
    request: IdempotentRequest,
    compute: Effect.Effect<A, E, R>,
  ) => Effect.Effect<A, E | IdempotencyKeyReused | StoreUnavailable, R>
}

export class IdempotencyStore extends Context.Service<IdempotencyStore, IdempotencyStoreShape>()(
  "@motcua/application/IdempotencyStore",
) {}
