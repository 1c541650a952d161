// Limits password guessing at sign-in: after `maxFailures` failed sign-ins for one username (from anywhere), or
// `maxFailuresPerAddress` from one client address (any usernames), further attempts are refused with 429 and a
// Retry-After header for `lockoutMs`, without checking the password. The address limit is higher because a whole
// service centre may reach the API through one address. A success clears the username's failures (not the
// address's: one valid account must not reset an attacker's count). Counts live in this process's memory: each
// instance counts on its own, so N instances behind a load balancer allow up to N times as many guesses, and a
// restart forgets them. The table is bounded (oldest entries dropped first), so a flood of usernames cannot grow it.
// An attempt counts as a failure from the moment it is admitted (`admit`), before its password is checked, and is
// given back when it turns out not to be a wrong password (`succeeded`, `released`): otherwise parallel requests all
// pass the check while the slow password hash runs and a burst gets unlimited guesses.
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

interface Entry {
  failures: number
  /** When the failures started counting: they are forgotten `lockoutMs` after. */
  since: number
  lockedUntil: number
}

export interface SignInThrottle {
  /** Seconds until the username or the address may try again, or undefined when they may now. */
  readonly retryAfter: (username: string, address: string, now: number) => number | undefined
  /**
   * Seconds to wait when the username or the address is locked; otherwise undefined, and the attempt is counted
   * as a failure until `succeeded` or `released` gives it back.
   */
  readonly admit: (username: string, address: string, now: number) => number | undefined
  /** Counts a failure (an attempt not admitted through `admit`). */
  readonly failed: (username: string, address: string, now: number) => void
  /** An admitted attempt signed in: the username's failures are cleared, the address gets its attempt back. */
  readonly succeeded: (username: string, address: string, now: number) => void
  /** An admitted attempt ended without checking the password (e.g. the database failed): both get it back. */
  readonly released: (username: string, address: string, now: number) => void
  /** How many usernames and addresses are tracked (tests). */
  readonly size: () => number
}

/** The username as signIn compares it. */
const normalised = (username: string) => username.trim().toLowerCase()

export function signInThrottle(settings: SignInThrottleSettings = DEFAULT_SIGN_IN_THROTTLE): SignInThrottle {
  const maxTracked = settings.maxTracked ?? 10_000
  // Map keeps insertion order: re-inserting on each failure keeps the most recently active last.
  const entries = new Map<string, Entry>()
  const keyOfUser = (username: string) => `u:${normalised(username)}`
  const keyOfAddress = (address: string) => `a:${address}`

  const current = (key: string, now: number): Entry | undefined => {
    const entry = entries.get(key)
    if (entry === undefined) return undefined
    if (entry.lockedUntil <= now && entry.since + settings.lockoutMs <= now) {
      entries.delete(key)
      return undefined
    }
    return entry
  }
  const fail = (key: string, limit: number, now: number) => {
    const entry = current(key, now) ?? { failures: 0, since: now, lockedUntil: 0 }
    entry.failures += 1
    // the count stays at the limit while locked, so giving back the attempt that locked it can lift the lock
    if (entry.failures >= limit && entry.lockedUntil <= now) {
      entry.lockedUntil = now + settings.lockoutMs
      entry.since = now
    }
    entries.delete(key)
    entries.set(key, entry)
    while (entries.size > maxTracked) {
      const oldest = entries.keys().next().value
      if (oldest === undefined) break
      entries.delete(oldest)
    }
  }
  const giveBack = (key: string, limit: number, now: number) => {
    const entry = current(key, now)
    if (entry === undefined) return
    entry.failures = Math.max(0, entry.failures - 1)
    // the lock rested on this attempt, which was not a wrong password after all
    if (entry.failures < limit) entry.lockedUntil = 0
  }
  const wait = (key: string, now: number) => {
    const entry = current(key, now)
    return entry !== undefined && entry.lockedUntil > now ? entry.lockedUntil - now : 0
  }
  const retryAfter = (username: string, address: string, now: number) => {
    const ms = Math.max(wait(keyOfUser(username), now), wait(keyOfAddress(address), now))
    return ms > 0 ? Math.ceil(ms / 1000) : undefined
  }
  const failed = (username: string, address: string, now: number) => {
    fail(keyOfUser(username), settings.maxFailures, now)
    fail(keyOfAddress(address), settings.maxFailuresPerAddress, now)
  }
  return {
    retryAfter,
    admit: (username, address, now) => {
      const seconds = retryAfter(username, address, now)
      if (seconds === undefined) failed(username, address, now)
      return seconds
    },
    failed,
    succeeded: (username, address, now) => {
      entries.delete(keyOfUser(username))
      giveBack(keyOfAddress(address), settings.maxFailuresPerAddress, now)
    },
    released: (username, address, now) => {
      giveBack(keyOfUser(username), settings.maxFailures, now)
      giveBack(keyOfAddress(address), settings.maxFailuresPerAddress, now)
    },
    size: () => entries.size,
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
