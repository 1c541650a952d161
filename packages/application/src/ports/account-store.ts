// Where local accounts live: officers' sign-in accounts (password hash), their sessions and integration clients'
// API keys. Only hashes of secrets are stored (a session token or an API key is looked up by its SHA-256; a password
// by its scrypt hash, see accounts/credentials.ts), so a copy of the table lets no one sign in. Citizens have no
// account here: they come through the IdentityProvider port (the national e-ID later).
import { Context, Effect, Layer } from "effect"
import type { AppRole, PrincipalScope } from "../authorization/principal.ts"
import type { StoreUnavailable } from "./errors.ts"
import type { Instant } from "./records.ts"

/** An officer's (or administrator's, auditor's) local account. */
export interface AccountRecord {
  /** The principal id used in audit entries, e.g. `cb-hg-01`. */
  readonly id: string
  /** What the officer types to sign in (lower case). */
  readonly username: string
  readonly displayName: string
  readonly roles: ReadonlyArray<AppRole>
  readonly scope: PrincipalScope
  /** `scrypt$N$r$p$salt$hash` (credentials.ts). */
  readonly passwordHash: string
  readonly disabled: boolean
  readonly createdAt: Instant
}

/** A signed-in session; the cookie carries the token, the store only its SHA-256. */
export interface SessionRecord {
  readonly tokenHash: string
  readonly accountId: string
  /** The CSRF token of the session (synchronizer token): unsafe cookie-authenticated requests must echo it. */
  readonly csrfToken: string
  readonly createdAt: Instant
  readonly expiresAt: Instant
}

/** An integration client's API key; the store keeps its SHA-256 only. */
export interface ApiKeyRecord {
  readonly keyHash: string
  /** The principal id of the client, e.g. `client:payment-gateway`. */
  readonly principalId: string
  readonly displayName: string
  readonly roles: ReadonlyArray<AppRole>
  readonly scope: PrincipalScope
  readonly createdAt: Instant
  readonly revoked: boolean
}

export interface AccountStoreShape {
  /** Creates the account, or replaces the one with the same id (seeding is repeatable). */
  readonly saveAccount: (account: AccountRecord) => Effect.Effect<void, StoreUnavailable>
  readonly findAccountByUsername: (username: string) => Effect.Effect<AccountRecord | undefined, StoreUnavailable>
  readonly findAccount: (id: string) => Effect.Effect<AccountRecord | undefined, StoreUnavailable>
  readonly createSession: (session: SessionRecord) => Effect.Effect<void, StoreUnavailable>
  readonly findSession: (tokenHash: string) => Effect.Effect<SessionRecord | undefined, StoreUnavailable>
  readonly deleteSession: (tokenHash: string) => Effect.Effect<void, StoreUnavailable>
  /** Ends every session of the account (its password changed); returns how many. */
  readonly deleteSessionsOfAccount: (accountId: string) => Effect.Effect<number, StoreUnavailable>
  /** Removes every session that expired at or before `now` (run periodically); returns how many. */
  readonly deleteExpiredSessions: (now: Instant) => Effect.Effect<number, StoreUnavailable>
  /** Creates the key, or replaces the one with the same hash. */
  readonly saveApiKey: (key: ApiKeyRecord) => Effect.Effect<void, StoreUnavailable>
  readonly findApiKey: (keyHash: string) => Effect.Effect<ApiKeyRecord | undefined, StoreUnavailable>
}

/** In-memory accounts, for tests and the in-memory runtime. */
export const makeMemoryAccountStore = (): AccountStoreShape => {
  const accounts = new Map<string, AccountRecord>()
  const sessions = new Map<string, SessionRecord>()
  const keys = new Map<string, ApiKeyRecord>()
  return {
    saveAccount: (account) =>
      Effect.sync(() => {
        for (const [id, other] of accounts)
          if (other.username === account.username && id !== account.id) accounts.delete(id)
        accounts.set(account.id, account)
      }),
    findAccountByUsername: (username) => Effect.sync(() => [...accounts.values()].find((a) => a.username === username)),
    findAccount: (id) => Effect.sync(() => accounts.get(id)),
    createSession: (session) => Effect.sync(() => void sessions.set(session.tokenHash, session)),
    findSession: (tokenHash) => Effect.sync(() => sessions.get(tokenHash)),
    deleteSession: (tokenHash) => Effect.sync(() => void sessions.delete(tokenHash)),
    deleteSessionsOfAccount: (accountId) =>
      Effect.sync(() => {
        let removed = 0
        for (const [hash, session] of sessions)
          if (session.accountId === accountId) {
            sessions.delete(hash)
            removed += 1
          }
        return removed
      }),
    deleteExpiredSessions: (now) =>
      Effect.sync(() => {
        let removed = 0
        for (const [hash, session] of sessions)
          if (session.expiresAt <= now) {
            sessions.delete(hash)
            removed += 1
          }
        return removed
      }),
    saveApiKey: (key) => Effect.sync(() => void keys.set(key.keyHash, key)),
    findApiKey: (keyHash) => Effect.sync(() => keys.get(keyHash)),
  }
}

export class AccountStore extends Context.Service<AccountStore, AccountStoreShape>()(
  "@motcua/application/AccountStore",
) {
  /** In memory, for one process (the API without DATABASE_URL, tests): accounts, sessions and keys vanish with it. */
  static readonly layerMemory = Layer.sync(AccountStore, makeMemoryAccountStore)
}
