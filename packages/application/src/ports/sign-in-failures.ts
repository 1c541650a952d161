// Failed sign-in counts (per username, per client address), kept where every instance of the server sees them:
// the database when there is one, so that N instances behind a load balancer share one count instead of allowing N
// times as many guesses. The store only reads and writes counts atomically; the rules (limits, lock, window, what
// a success clears) are the sign-in throttle's (apps/api/src/sign-in-throttle.ts).
import { Context, Effect, Layer, Semaphore } from "effect"
import type { StoreUnavailable } from "./errors.ts"

/** The failures counted for one key. Times are epoch milliseconds. */
export interface FailureCount {
  readonly failures: number
  /** When the failures started counting: they are forgotten a lockout period after. */
  readonly since: number
  /** Locked until then (0: not locked). */
  readonly lockedUntil: number
}

/** What a change decides: its result, and the counts to write (undefined deletes the key). */
export interface FailureChange<A> {
  readonly result: A
  readonly writes: ReadonlyMap<string, FailureCount | undefined>
}

export interface SignInFailureStoreShape {
  /**
   * Reads the counts of `keys` (absent keys are missing from the map), lets `change` decide and writes what it
   * returns, atomically: concurrent updates of the same keys, from this instance or another on the same database,
   * never interleave, so no failure is lost and no lock is missed.
   */
  readonly update: <A>(
    keys: ReadonlyArray<string>,
    change: (counts: ReadonlyMap<string, FailureCount>) => FailureChange<A>,
  ) => Effect.Effect<A, StoreUnavailable>
  /** Removes counts that are neither locked nor counting any more (`lockedUntil` and `since + windowMs` ≤ now). */
  readonly deleteExpired: (now: number, windowMs: number) => Effect.Effect<number, StoreUnavailable>
}

/** In memory, for one process: a bounded table (the oldest keys dropped first), so a flood cannot grow it. */
export const makeMemorySignInFailureStore = (maxTracked = 10_000) => {
  const counts = new Map<string, FailureCount>()
  const lock = Semaphore.makeUnsafe(1)
  const shape: SignInFailureStoreShape & { readonly size: () => number } = {
    update: (keys, change) =>
      lock.withPermits(1)(
        Effect.sync(() => {
          const read = new Map<string, FailureCount>()
          for (const key of keys) {
            const count = counts.get(key)
            if (count !== undefined) read.set(key, count)
          }
          const { result, writes } = change(read)
          for (const [key, count] of writes) {
            // re-inserting keeps the most recently active last
            counts.delete(key)
            if (count !== undefined) counts.set(key, count)
          }
          while (counts.size > maxTracked) {
            const oldest = counts.keys().next().value
            if (oldest === undefined) break
            counts.delete(oldest)
          }
          return result
        }),
      ),
    deleteExpired: (now, windowMs) =>
      Effect.sync(() => {
        let removed = 0
        for (const [key, count] of counts)
          if (count.lockedUntil <= now && count.since + windowMs <= now) {
            counts.delete(key)
            removed += 1
          }
        return removed
      }),
    size: () => counts.size,
  }
  return shape
}

export class SignInFailureStore extends Context.Service<SignInFailureStore, SignInFailureStoreShape>()(
  "@motcua/application/SignInFailureStore",
) {
  /** In memory, for one process (the API without DATABASE_URL, tests). */
  static readonly layerMemory = Layer.sync(SignInFailureStore, () => makeMemorySignInFailureStore())
}
