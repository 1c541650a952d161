// Local accounts as use cases: officers sign in with a username and password and get a session (a random token for
// the cookie and a CSRF token); integration clients present an API key. Both resolve to a Principal, the same one
// the authorisation policy checks. Every failure to authenticate is the same Unauthenticated, so that an answer
// never tells whether a username exists.
import { Effect } from "effect"
import type { AppRole, Principal, PrincipalScope } from "../authorization/principal.ts"
import { type AccountRecord, AccountStore } from "../ports/account-store.ts"
import { Clock } from "../ports/clock.ts"
import { Unauthenticated } from "../ports/identity-provider.ts"
import { instantOf } from "../ports/records.ts"
import {
  decoyHash,
  hashPassword,
  newToken,
  SCRYPT_DEFAULTS,
  type ScryptCost,
  tokenHash,
  verifyPassword,
} from "./credentials.ts"

/** Sessions last a working day unless the caller says otherwise. */
export const DEFAULT_SESSION_MS = 10 * 60 * 60 * 1000

/** API keys start with this, so that a leaked one is easy to recognise (secret scanners). */
export const API_KEY_PREFIX = "mck_"

export const principalOfAccount = (account: AccountRecord): Principal => ({
  id: account.id,
  roles: account.roles,
  scope: account.scope,
  name: account.displayName,
})

export interface NewStaffAccount {
  readonly id: string
  readonly username: string
  readonly displayName: string
  readonly roles: ReadonlyArray<AppRole>
  readonly scope: PrincipalScope
  readonly password: string
  readonly disabled?: boolean
}

/**
 * Creates or replaces an account, hashing its password (scrypt, a fresh salt). A new password ends every session of
 * the account, so whoever signed in with the old one (perhaps the reason for the change) is out; the same password
 * keeps its hash and the sessions, so seeding again signs no one out.
 */
export const saveStaffAccount = Effect.fnUntraced(function* (
  input: NewStaffAccount,
  cost: ScryptCost = SCRYPT_DEFAULTS,
) {
  const store = yield* AccountStore
  const now = yield* (yield* Clock).now
  const existing = yield* store.findAccount(input.id)
  const samePassword =
    existing !== undefined && (yield* Effect.promise(() => verifyPassword(input.password, existing.passwordHash)))
  const passwordHash = samePassword
    ? existing.passwordHash
    : yield* Effect.promise(() => hashPassword(input.password, cost))
  const account: AccountRecord = {
    id: input.id,
    username: input.username.trim().toLowerCase(),
    displayName: input.displayName,
    roles: input.roles,
    scope: input.scope,
    passwordHash,
    disabled: input.disabled ?? false,
    createdAt: existing?.createdAt ?? now,
  }
  yield* store.saveAccount(account)
  // after saving: a sign-in racing the change either used the new password or loses its session here
  if (existing !== undefined && !samePassword) yield* store.deleteSessionsOfAccount(account.id)
  return account
})

export interface SignedIn {
  /** Goes in the HttpOnly session cookie; stored only as its hash. */
  readonly token: string
  /** Must be echoed in `x-csrf-token` on unsafe requests authenticated by the cookie. */
  readonly csrfToken: string
  readonly expiresAt: string
  readonly principal: Principal
}

const refused = (reason: string) => Effect.fail(new Unauthenticated({ reason }))

/** Checks a username and password and opens a session. */
export const signIn = Effect.fnUntraced(function* (
  input: { readonly username: string; readonly password: string },
  sessionMs: number = DEFAULT_SESSION_MS,
) {
  const store = yield* AccountStore
  const account = yield* store.findAccountByUsername(input.username.trim().toLowerCase())
  // An unknown user is checked against a decoy hash: the same work, the same answer.
  const stored = account?.passwordHash ?? (yield* Effect.promise(decoyHash))
  const matches = yield* Effect.promise(() => verifyPassword(input.password, stored))
  if (account === undefined || !matches || account.disabled)
    return yield* refused("sai tên đăng nhập hoặc mật khẩu / wrong username or password")
  const now = yield* (yield* Clock).now
  const token = newToken()
  const csrfToken = newToken()
  const expiresAt = instantOf(Date.parse(now) + sessionMs)
  yield* store.createSession({
    tokenHash: tokenHash(token),
    accountId: account.id,
    csrfToken,
    createdAt: now,
    expiresAt,
  })
  const signedIn: SignedIn = { token, csrfToken, expiresAt, principal: principalOfAccount(account) }
  return signedIn
})

/** The principal of a session token, with the session's CSRF token; expired or unknown sessions are refused. */
export const resolveSession = Effect.fnUntraced(function* (token: string) {
  const store = yield* AccountStore
  const session = yield* store.findSession(tokenHash(token))
  if (session === undefined) return yield* refused("phiên không tồn tại / unknown session")
  const now = yield* (yield* Clock).now
  if (session.expiresAt <= now) {
    yield* store.deleteSession(session.tokenHash)
    return yield* refused("phiên đã hết hạn / session expired")
  }
  const account = yield* store.findAccount(session.accountId)
  if (account === undefined || account.disabled) return yield* refused("tài khoản bị khóa / account disabled")
  return { principal: principalOfAccount(account), csrfToken: session.csrfToken, expiresAt: session.expiresAt }
})

/** Ends a session (unknown tokens are ignored: signing out twice is fine). */
export const signOut = Effect.fnUntraced(function* (token: string) {
  const store = yield* AccountStore
  yield* store.deleteSession(tokenHash(token))
})

export interface NewApiKey {
  readonly principalId: string
  readonly displayName: string
  readonly roles: ReadonlyArray<AppRole>
  readonly scope: PrincipalScope
  /** A key to register (seeding a known demo key); a new random one when absent. */
  readonly key?: string
}

/** Registers an API key for an integration client; returns the key (shown once: only its hash is kept). */
export const issueApiKey = Effect.fnUntraced(function* (input: NewApiKey) {
  const store = yield* AccountStore
  const now = yield* (yield* Clock).now
  const key = input.key ?? newToken(API_KEY_PREFIX)
  yield* store.saveApiKey({
    keyHash: tokenHash(key),
    principalId: input.principalId,
    displayName: input.displayName,
    roles: input.roles,
    scope: input.scope,
    createdAt: now,
    revoked: false,
  })
  return key
})

/** The principal of an API key; unknown or revoked keys are refused. */
export const resolveApiKey = Effect.fnUntraced(function* (key: string) {
  const store = yield* AccountStore
  const found = yield* store.findApiKey(tokenHash(key))
  if (found === undefined || found.revoked) return yield* refused("khóa API không hợp lệ / unknown API key")
  const principal: Principal = {
    id: found.principalId,
    roles: found.roles,
    scope: found.scope,
    name: found.displayName,
  }
  return principal
})
