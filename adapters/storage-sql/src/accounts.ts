// The AccountStore port of @motcua/application over the same database as the other storage ports: officers'
// accounts, sessions and integration clients' API keys (tables created by the "accounts" migration). Only hashes of
// secrets are stored. Built on the exported storage API only (SqlDatabase's Kysely handle, UnitOfWork): on SQLite
// every statement runs inside UnitOfWork.transaction, which holds the single connection's lock, so that an account
// statement never lands inside another fiber's open dossier transaction; PostgreSQL runs them on the pool.
import {
  type AccountRecord,
  AccountStore,
  type ApiKeyRecord,
  type AppRole,
  type PrincipalScope,
  type SessionRecord,
  StoreUnavailable,
  UnitOfWork,
} from "@motcua/application"
import { Effect, Layer } from "effect"
import type { Kysely } from "kysely"
import { SqlDatabase } from "./layers.ts"

interface AccountTable {
  id: string
  username: string
  display_name: string
  /** JSON array of roles. */
  roles: string
  /** JSON PrincipalScope. */
  scope: string
  password_hash: string
  disabled: number
  created_at: string
}
interface SessionTable {
  token_hash: string
  account_id: string
  csrf_token: string
  created_at: string
  expires_at: string
}
interface ApiKeyTable {
  key_hash: string
  principal_id: string
  display_name: string
  roles: string
  scope: string
  created_at: string
  revoked: number
}
interface AccountsDB {
  account: AccountTable
  account_session: SessionTable
  api_key: ApiKeyTable
}

const parse = <A>(text: string): A => JSON.parse(text) as A

const accountOf = (row: AccountTable): AccountRecord => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  roles: parse<AppRole[]>(row.roles),
  scope: parse<PrincipalScope>(row.scope),
  passwordHash: row.password_hash,
  disabled: Number(row.disabled) !== 0,
  createdAt: row.created_at,
})

const sessionOf = (row: SessionTable): SessionRecord => ({
  tokenHash: row.token_hash,
  accountId: row.account_id,
  csrfToken: row.csrf_token,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
})

const apiKeyOf = (row: ApiKeyTable): ApiKeyRecord => ({
  keyHash: row.key_hash,
  principalId: row.principal_id,
  displayName: row.display_name,
  roles: parse<AppRole[]>(row.roles),
  scope: parse<PrincipalScope>(row.scope),
  createdAt: row.created_at,
  revoked: Number(row.revoked) !== 0,
})

export const makeSqlAccountStore = Effect.gen(function* () {
  const { db: kysely, dialect } = yield* SqlDatabase
  const unitOfWork = yield* UnitOfWork
  const db = kysely as unknown as Kysely<AccountsDB>
  const run = <A>(operation: string, query: (db: Kysely<AccountsDB>) => Promise<A>) => {
    const statement = Effect.tryPromise({
      try: () => query(db),
      catch: (cause) => new StoreUnavailable({ operation, cause }),
    })
    return dialect === "sqlite" ? unitOfWork.transaction(statement) : statement
  }
  return AccountStore.of({
    saveAccount: (account) =>
      run("save account", async (db) => {
        const row: AccountTable = {
          id: account.id,
          username: account.username,
          display_name: account.displayName,
          roles: JSON.stringify(account.roles),
          scope: JSON.stringify(account.scope),
          password_hash: account.passwordHash,
          disabled: account.disabled ? 1 : 0,
          created_at: account.createdAt,
        }
        const { id: _id, created_at: _created, ...changes } = row
        await db
          .insertInto("account")
          .values(row)
          .onConflict((oc) => oc.column("id").doUpdateSet(changes))
          .execute()
      }),
    findAccountByUsername: (username) =>
      run("find account", async (db) => {
        const row = await db.selectFrom("account").selectAll().where("username", "=", username).executeTakeFirst()
        return row === undefined ? undefined : accountOf(row)
      }),
    findAccount: (id) =>
      run("find account", async (db) => {
        const row = await db.selectFrom("account").selectAll().where("id", "=", id).executeTakeFirst()
        return row === undefined ? undefined : accountOf(row)
      }),
    createSession: (session) =>
      run("create session", async (db) => {
        await db
          .insertInto("account_session")
          .values({
            token_hash: session.tokenHash,
            account_id: session.accountId,
            csrf_token: session.csrfToken,
            created_at: session.createdAt,
            expires_at: session.expiresAt,
          })
          .execute()
      }),
    findSession: (tokenHash) =>
      run("find session", async (db) => {
        const row = await db
          .selectFrom("account_session")
          .selectAll()
          .where("token_hash", "=", tokenHash)
          .executeTakeFirst()
        return row === undefined ? undefined : sessionOf(row)
      }),
    deleteSession: (tokenHash) =>
      run("delete session", async (db) => {
        await db.deleteFrom("account_session").where("token_hash", "=", tokenHash).execute()
      }),
    deleteSessionsOfAccount: (accountId) =>
      run("delete sessions of account", async (db) => {
        const result = await db.deleteFrom("account_session").where("account_id", "=", accountId).executeTakeFirst()
        return Number(result.numDeletedRows)
      }),
    deleteExpiredSessions: (now) =>
      run("delete expired sessions", async (db) => {
        // instants are fixed-width ISO text, so text order is time order (and the expiry column is indexed)
        const result = await db.deleteFrom("account_session").where("expires_at", "<=", now).executeTakeFirst()
        return Number(result.numDeletedRows)
      }),
    saveApiKey: (key) =>
      run("save api key", async (db) => {
        const row: ApiKeyTable = {
          key_hash: key.keyHash,
          principal_id: key.principalId,
          display_name: key.displayName,
          roles: JSON.stringify(key.roles),
          scope: JSON.stringify(key.scope),
          created_at: key.createdAt,
          revoked: key.revoked ? 1 : 0,
        }
        const { key_hash: _hash, created_at: _created, ...changes } = row
        await db
          .insertInto("api_key")
          .values(row)
          .onConflict((oc) => oc.column("key_hash").doUpdateSet(changes))
          .execute()
      }),
    findApiKey: (keyHash) =>
      run("find api key", async (db) => {
        const row = await db.selectFrom("api_key").selectAll().where("key_hash", "=", keyHash).executeTakeFirst()
        return row === undefined ? undefined : apiKeyOf(row)
      }),
  })
})

/** AccountStore over the database of a SqlStorage layer (provide that layer to it). */
export const SqlAccountStore = {
  layer: Layer.effect(AccountStore, makeSqlAccountStore),
}
