// @motcua/storage-sql: the storage ports of @motcua/application over SQL (kysely: SQLite via better-sqlite3, the
// embedded default, and PostgreSQL via pg). See README.md for the design.
export { makeSqlAccountStore, SqlAccountStore } from "./accounts.ts"
export {
  type DatabaseTarget,
  DatabaseUrlError,
  DEFAULT_GROUP_COMMIT_WAIT_MS,
  isPostgresUrl,
  parseDatabaseUrl,
} from "./database-url.ts"
export { checkGroupCommit, type GroupCommit } from "./group-commit.ts"
export { makeSqlIssuedResultStore, SqlIssuedResultStore } from "./issued-results.ts"
export { type CommonOptions, SqlDatabase, SqlStorage } from "./layers.ts"
export { type MigrationOutcome, migrateToLatest, migrations } from "./migrations.ts"
export { makeSqlNotificationStore, SqlNotificationStore } from "./notifications.ts"
export { makeSqlPostalStore, SqlPostalStore } from "./postal.ts"
export { openPostgres, type PostgresOptions } from "./postgres.ts"
export { bind, param, prepare } from "./prepared.ts"
export type { DB, Dialect } from "./schema.ts"
export { makeSqlSignInFailureStore, SqlSignInFailureStore } from "./sign-in-failures.ts"
export { openSqlite, type SqliteOptions, type SqliteSynchronous } from "./sqlite.ts"
export { makeSqlStorage, type SqlStorageConfig, type SqlStoragePorts } from "./storage.ts"
export { makeSqlWalletStore, SqlWalletStore } from "./wallet.ts"
export { makeSqlWebhookStore, SqlWebhookStore } from "./webhooks.ts"
