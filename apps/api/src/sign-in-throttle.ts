// Limits password guessing at sign-in: after `maxFailures` failed sign-ins for one username (from anywhere), or
// `maxFailuresPerAddress` from one client address (any usernames), further attempts are refused with 429 and a
// Retry-After header for `lockoutMs`, without checking the password. The address limit is higher because a whole
// service centre may reach the API through one address. A success clears the username's failures (not the
// address's: one valid account must not reset an attacker's count). Counts live in the SignInFailureStore port: in
// the database when the server has one (SQLite or PostgreSQL), so every instance on it shares them and a restart
// keeps them; in memory otherwise (bounded, oldest entries dropped first, so a flood of usernames cannot grow it).
// An attempt counts as a failure from the moment it is admitted (`admit`), before its password is checked, and is
// given back when it turns out not to be a wrong password (`succeeded`, `released`): otherwise parallel requests all
// pass the check while the slow password hash runs and a burst gets unlimited guesses.
import { type FailureChange, type FailureCount, makeMemorySignInFailureStore } from "@motcua/application"
import { Effect } from "effect"
import { toProblem } from "./errors.ts"
import { ApiProblem, PROBLEM_CONTENT_TYPE } from "./problem.ts"

export interface SignInThrottleSettings {
  /** Failed sign-ins of one username before it is locked (5). */
  readonly maxFailures: number
  /** Failed sign-ins from one address before it is locked (20). */
  readonly maxFailuresPerAddress: number
  /** How long a lock lasts, and how long failures are remembered (15 minutes). */
  readonly lockoutMs: number
  /** Most usernames and addresses tracked at once (10 000). */
  readonly maxTracked?: number
}

export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottleSettings = {
  maxFailures: 5,
  maxFailuresPerAddress: 20,
  lockoutMs: 15 * 60_000,
}

/** Reads and writes the counts atomically: the runtime's SignInFailureStore, or one in memory. */
export type UpdateCounts = <A>(
  keys: ReadonlyArray<string>,
  change: (counts: ReadonlyMap<string, FailureCount>) => FailureChange<A>,
) => Promise<A>

export interface SignInThrottle {
  /** Seconds until the username or the address may try again, or undefined when they may now. */
  readonly retryAfter: (username: string, address: string, now: number) => Promise<number | undefined>
  /**
   * Seconds to wait when the username or the address is locked; otherwise undefined, and the attempt is counted
   * as a failure until `succeeded` or `released` gives it back.
   */
  readonly admit: (username: string, address: string, now: number) => Promise<number | undefined>
  /** Counts a failure (an attempt not admitted through `admit`). */
  readonly failed: (username: string, address: string, now: number) => Promise<void>
  /** An admitted attempt signed in: the username's failures are cleared, the address gets its attempt back. */
  readonly succeeded: (username: string, address: string, now: number) => Promise<void>
  /** An admitted attempt ended without checking the password (e.g. the database failed): both get it back. */
  readonly released: (username: string, address: string, now: number) => Promise<void>
}

/** The username as signIn compares it. */
const normalised = (username: string) => username.trim().toLowerCase()

/** The counts in this process only (tests, an app without a runtime), bounded by `maxTracked`. */
export function memoryCounts(maxTracked = 10_000): UpdateCounts & { readonly size: () => number } {
  const store = makeMemorySignInFailureStore(maxTracked)
  const update: UpdateCounts = (keys, change) => Effect.runPromise(store.update(keys, change))
  return Object.assign(update, { size: store.size })
}

export function signInThrottle(
  settings: SignInThrottleSettings = DEFAULT_SIGN_IN_THROTTLE,
  update: UpdateCounts = memoryCounts(settings.maxTracked),
): SignInThrottle {
  const keyOfUser = (username: string) => `u:${normalised(username)}`
  const keyOfAddress = (address: string) => `a:${address}`
  const limits = (username: string, address: string) =>
    [
      [keyOfUser(username), settings.maxFailures],
      [keyOfAddress(address), settings.maxFailuresPerAddress],
    ] as const

  // The rules, on counts read from the store.
  const current = (count: FailureCount | undefined, now: number) =>
    count === undefined || (count.lockedUntil <= now && count.since + settings.lockoutMs <= now) ? undefined : count
  const afterFailure = (count: FailureCount | undefined, limit: number, now: number): FailureCount => {
    const before = current(count, now) ?? { failures: 0, since: now, lockedUntil: 0 }
    const failures = before.failures + 1
    // the count stays at the limit while locked, so giving back the attempt that locked it can lift the lock
    return failures >= limit && before.lockedUntil <= now
      ? { failures, since: now, lockedUntil: now + settings.lockoutMs }
      : { ...before, failures }
  }
  const afterGiveBack = (count: FailureCount | undefined, limit: number, now: number) => {
    const before = current(count, now)
    if (before === undefined) return undefined
    const failures = Math.max(0, before.failures - 1)
    // the lock rested on this attempt, which was not a wrong password after all
    return { ...before, failures, lockedUntil: failures < limit ? 0 : before.lockedUntil }
  }
  const waitOf = (counts: ReadonlyMap<string, FailureCount>, keys: ReadonlyArray<string>, now: number) => {
    const ms = Math.max(
      0,
      ...keys.map((key) => {
        const count = current(counts.get(key), now)
        return count !== undefined && count.lockedUntil > now ? count.lockedUntil - now : 0
      }),
    )
    return ms > 0 ? Math.ceil(ms / 1000) : undefined
  }
  const failAll = (pairs: ReturnType<typeof limits>, counts: ReadonlyMap<string, FailureCount>, now: number) =>
    new Map(pairs.map(([key, limit]) => [key, afterFailure(counts.get(key), limit, now)]))

  return {
    retryAfter: (username, address, now) => {
      const keys = limits(username, address).map(([key]) => key)
      return update(keys, (counts) => ({ result: waitOf(counts, keys, now), writes: new Map() }))
    },
    // one atomic step: checked and counted together, so parallel guesses (on any instance) cannot all pass
    admit: (username, address, now) => {
      const pairs = limits(username, address)
      const keys = pairs.map(([key]) => key)
      return update(keys, (counts) => {
        const wait = waitOf(counts, keys, now)
        return { result: wait, writes: wait === undefined ? failAll(pairs, counts, now) : new Map() }
      })
    },
    failed: (username, address, now) => {
      const pairs = limits(username, address)
      return update(
        pairs.map(([key]) => key),
        (counts) => ({ result: undefined, writes: failAll(pairs, counts, now) }),
      )
    },
    succeeded: (username, address, now) => {
      const [user, [addressKey, addressLimit]] = limits(username, address)
      return update([user[0], addressKey], (counts) => ({
        result: undefined,
        writes: new Map([
          [user[0], undefined],
          [addressKey, afterGiveBack(counts.get(addressKey), addressLimit, now)],
        ]),
      }))
    },
    released: (username, address, now) => {
      const pairs = limits(username, address)
      return update(
        pairs.map(([key]) => key),
        (counts) => ({
          result: undefined,
          writes: new Map(pairs.map(([key, limit]) => [key, afterGiveBack(counts.get(key), limit, now)])),
        }),
      )
    },
  }
}

/** The 429 answer to a locked sign-in: problem details and Retry-After (seconds). */
export function tooManySignIns(retryAfterSeconds: number, instance: string): Response {
  const minutes = Math.ceil(retryAfterSeconds / 60)
  const { problem } = toProblem(
    new ApiProblem({
      kind: "too-many-requests",
      detail:
        `Đăng nhập sai quá nhiều lần: thử lại sau khoảng ${minutes} phút ` +
        `(too many failed sign-ins: try again in about ${minutes} min).`,
    }),
    instance,
  )
  return new Response(JSON.stringify(problem), {
    status: 429,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, "retry-after": String(retryAfterSeconds) },
  })
}
