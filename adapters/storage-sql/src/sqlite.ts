// SQLite through better-sqlite3: the embedded default. One connection per storage (SQLite has one writer at a time
// anyway; kysely serialises the connection's users with a mutex).
//
// Pragmas: journal_mode=WAL (readers do not block the writer), synchronous chosen by the deployment:
//   - NORMAL: in WAL mode a commit is durable once the WAL is synced at checkpoint; a power cut may lose the last
//     transactions but never corrupts the database. Fastest; fine for a single-office install on a UPS.
//   - FULL (default): the WAL is synced on every commit; a committed transaction survives a power cut.
// busy_timeout: how long a connection waits for another process's write lock before failing (SQLITE_BUSY).
//
// Kysely's SQLite driver calls `prepare(sql)` for every query, BEGIN and COMMIT included. better-sqlite3 statements
// are reusable, so the database handed to kysely caches them by SQL text (bounded, least recently used evicted).
// Transactions begin with BEGIN IMMEDIATE: they take the write lock at the start, so two processes never both read
// in a transaction and then fail to upgrade to writing (which SQLite reports as SQLITE_BUSY without waiting).
import Database from "better-sqlite3"
import { Kysely, type SqliteDatabase, SqliteDialect, type SqliteStatement } from "kysely"
import type { GroupCommit } from "./group-commit.ts"
import type { DB } from "./schema.ts"

export type SqliteSynchronous = "NORMAL" | "FULL"

export interface SqliteOptions {
  /** Path of the database file; ":memory:" for a throw-away database (tests). */
  readonly file: string
  readonly synchronous?: SqliteSynchronous
  /** Milliseconds to wait for another process's write lock. Default 5000. */
  readonly busyTimeoutMs?: number
  /** How many prepared statements to keep. Default 256. */
  readonly statementCacheSize?: number
  /** Commit concurrent operations together (connection.ts, GroupCommit). Default: off, one COMMIT per operation. */
  readonly groupCommit?: GroupCommit
  /**
   * The page cache, in KiB (`PRAGMA cache_size = -N`). Default: the build's, 16 MiB for better-sqlite3. A long scan
   * (a year's index report) fills it, and SQLite's sorter may hold as much again, all resident: the API server asks
   * for less (runtime.ts).
   */
  readonly cacheKib?: number
}

/** The better-sqlite3 handle with a statement cache, in the shape kysely's SqliteDialect expects. */
export function cachingDatabase(db: Database.Database, capacity: number): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>()
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      const cached = cache.get(sql)
      if (cached !== undefined) {
        // Re-insert to mark it most recently used (a Map iterates in insertion order).
        cache.delete(sql)
        cache.set(sql, cached)
        return cached
      }
      const statement = db.prepare(sql === "begin" ? "begin immediate" : sql) as unknown as SqliteStatement
      cache.set(sql, statement)
      if (cache.size > capacity) {
        const oldest = cache.keys().next().value
        if (oldest !== undefined) cache.delete(oldest)
      }
      return statement
    },
  }
}

export interface OpenedSqlite {
  readonly db: Kysely<DB>
  /** The better-sqlite3 handle (pragmas, backups). */
  readonly raw: Database.Database
  /** The same handle with the statement cache: what the storage runs its statements on (connection.ts). */
  readonly database: SqliteDatabase
}

/** The smallest and largest page cache accepted, in KiB. */
export const CACHE_KIB_RANGE = { min: 256, max: 4_194_304 } as const

/** A page cache size in KiB, whole and within CACHE_KIB_RANGE, or a TypeError saying what was wrong. */
export function checkCacheKib(kib: number): number {
  if (!Number.isInteger(kib) || kib < CACHE_KIB_RANGE.min || kib > CACHE_KIB_RANGE.max)
    throw new TypeError(
      `cache_kib phải là số nguyên ${CACHE_KIB_RANGE.min}…${CACHE_KIB_RANGE.max} (must be a whole number of KiB in that range), nhận "${kib}"`,
    )
  return kib
}

export function openSqlite(options: SqliteOptions): OpenedSqlite {
  const synchronous = options.synchronous ?? "FULL"
  if (synchronous !== "NORMAL" && synchronous !== "FULL") {
    throw new TypeError(`SQLite synchronous must be NORMAL or FULL, not "${String(synchronous)}"`)
  }
  const raw = new Database(options.file)
  raw.pragma("journal_mode = WAL")
  raw.pragma(`synchronous = ${synchronous}`)
  raw.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`)
  raw.pragma("foreign_keys = ON")
  if (options.cacheKib !== undefined) raw.pragma(`cache_size = -${checkCacheKib(options.cacheKib)}`)
  const database = cachingDatabase(raw, options.statementCacheSize ?? 256)
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database }) })
  return { db, raw, database }
}
