// Effect layers of the SQL storage: every storage port of @motcua/application, plus SqlDatabase (the Kysely handle,
// for tools, benchmarks and tests). The database is opened and migrated when the layer is built and closed when its
// scope ends. Apps choose the dialect from DATABASE_URL with `SqlStorage.layerFromUrl`.
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import {
  AuditLog,
  DEFAULT_MAX_DOCUMENT_BYTES,
  DigitisedPaperStore,
  DocumentStore,
  DossierListing,
  DossierStore,
  FeedbackStore,
  IdempotencyStore,
  IndicatorStore,
  Outbox,
  PaymentStore,
  SlaStore,
  StoreUnavailable,
  UnitOfWork,
} from "@motcua/application"
import { Context, Effect, Layer } from "effect"
import type { Kysely } from "kysely"
import { type Connection, postgresConnection, sqliteConnection } from "./connection.ts"
import { type DatabaseTarget, parseDatabaseUrl } from "./database-url.ts"
import { migrateToLatest } from "./migrations.ts"
import { openPostgres, type PostgresOptions } from "./postgres.ts"
import { postgresGroupCommitted } from "./postgres-group-commit.ts"
import type { DB, Dialect } from "./schema.ts"
import { openSqlite, type SqliteOptions } from "./sqlite.ts"
import { makeSqlStorage } from "./storage.ts"

export class SqlDatabase extends Context.Service<
  SqlDatabase,
  { readonly db: Kysely<DB>; readonly dialect: Dialect; readonly documentsDir: string }
>()("@motcua/storage-sql/SqlDatabase") {}

export interface CommonOptions {
  /** Folder for document files. Default: next to the SQLite file (`<file>.documents`), or `./data/documents`. */
  readonly documentsDir?: string
  /** Largest accepted document, in bytes. Default 10 MiB. */
  readonly maxDocumentBytes?: number
}

interface Opened {
  readonly db: Kysely<DB>
  readonly connection: Connection
}

const openAndMigrate = (operation: string, open: () => Opened, dialect: Dialect) =>
  Effect.acquireRelease(
    Effect.tryPromise({
      try: async () => {
        const opened = open()
        try {
          await migrateToLatest(opened.db as unknown as Kysely<unknown>, dialect)
        } catch (error) {
          await opened.db.destroy()
          throw error
        }
        return opened
      },
      catch: (cause) => new StoreUnavailable({ operation, cause }),
    }),
    // what group commit holds open is committed before the database closes
    ({ db, connection }) =>
      Effect.andThen(
        connection.flush,
        Effect.promise(() => db.destroy()),
      ),
  )

const portsLayer = (dialect: Dialect, documentsDir: string, options: CommonOptions, open: () => Opened) =>
  Layer.effectContext(
    Effect.gen(function* () {
      const { db, connection } = yield* openAndMigrate(`open ${dialect} database`, open, dialect)
      const ports = makeSqlStorage(db, connection, {
        dialect,
        documentsDir,
        maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES,
      })
      return Context.make(SqlDatabase, { db, dialect, documentsDir })
        .pipe(Context.add(UnitOfWork, ports.unitOfWork))
        .pipe(Context.add(DossierStore, ports.dossierStore))
        .pipe(Context.add(IdempotencyStore, ports.idempotencyStore))
        .pipe(Context.add(AuditLog, ports.auditLog))
        .pipe(Context.add(Outbox, ports.outbox))
        .pipe(Context.add(DocumentStore, ports.documentStore))
        .pipe(Context.add(DigitisedPaperStore, ports.digitisedPaperStore))
        .pipe(Context.add(DossierListing, ports.dossierListing))
        .pipe(Context.add(PaymentStore, ports.paymentStore))
        .pipe(Context.add(IndicatorStore, ports.indicatorStore))
        .pipe(Context.add(FeedbackStore, ports.feedbackStore))
        .pipe(Context.add(SlaStore, ports.slaStore))
    }),
  )

export const SqlStorage = {
  /** SQLite file (WAL, synchronous NORMAL or FULL; see sqlite.ts). */
  layerSqlite: (options: SqliteOptions & CommonOptions) =>
    portsLayer(
      "sqlite",
      options.documentsDir ??
        (options.file === ":memory:" ? join(tmpdir(), `motcua-documents-${process.pid}`) : `${options.file}.documents`),
      options,
      () => {
        const { db, database } = openSqlite(options)
        return { db, connection: sqliteConnection(database, options.groupCommit) }
      },
    ),
  /** PostgreSQL server through a connection pool. */
  layerPostgres: (options: PostgresOptions & CommonOptions) =>
    portsLayer("postgres", options.documentsDir ?? resolve("data", "documents"), options, () => {
      const { db, pool } = openPostgres(options)
      return {
        db,
        connection:
          options.groupCommit === undefined
            ? postgresConnection(pool)
            : postgresGroupCommitted(pool, options.groupCommit),
      }
    }),
  /**
   * Chooses by URL: `postgres://` or `postgresql://` → PostgreSQL; `sqlite:<path>` or a plain path → SQLite.
   * `?group_commit=<most operations per batch>&group_commit_wait_ms=<ms>` turns group commit on (either dialect).
   * For SQLite, `?synchronous=NORMAL` selects the synchronous level (default FULL) and `?cache_kib=` sets the page
   * cache (database-url.ts); `sqliteCacheKib` is the page cache when the URL names none.
   */
  layerFromUrl: (url: string, options: CommonOptions & { readonly sqliteCacheKib?: number } = {}) => {
    let target: DatabaseTarget
    try {
      target = parseDatabaseUrl(url)
    } catch (error) {
      return Layer.effectContext(
        Effect.fail(new StoreUnavailable({ operation: "open database", cause: (error as Error).message })),
      )
    }
    return target.dialect === "postgres"
      ? SqlStorage.layerPostgres({
          url: target.url,
          ...(target.groupCommit === undefined ? {} : { groupCommit: target.groupCommit }),
          ...options,
        })
      : SqlStorage.layerSqlite({
          file: target.file,
          synchronous: target.synchronous,
          ...(target.groupCommit === undefined ? {} : { groupCommit: target.groupCommit }),
          ...options,
          ...((target.cacheKib ?? options.sqliteCacheKib) === undefined
            ? {}
            : { cacheKib: target.cacheKib ?? options.sqliteCacheKib }),
        })
  },
}
