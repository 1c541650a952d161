// Opening the database the settings name: the storage layer (every storage port, migrated on open) for the use
// cases and the report (through its ports), or the bare Kysely handle for the migrator.
import {
  type DB,
  type MigrationOutcome,
  migrateToLatest,
  openPostgres,
  openSqlite,
  SqlStorage,
} from "@motcua/storage-sql"
import type { Kysely } from "kysely"
import { type DatabaseTarget, prepareDatabaseFolder } from "./settings.ts"

/** Every storage port of the application over the target database (migrated when the layer is built). */
export function storageLayer(target: DatabaseTarget, documentsDir?: string) {
  prepareDatabaseFolder(target)
  const documents = documentsDir === undefined ? {} : { documentsDir }
  const group = target.groupCommit === undefined ? {} : { groupCommit: target.groupCommit }
  return target.dialect === "sqlite"
    ? SqlStorage.layerSqlite({ file: target.file, synchronous: target.synchronous, ...group, ...documents })
    : SqlStorage.layerPostgres({ url: target.url, ...group, ...documents })
}

export interface OpenDatabase {
  readonly db: Kysely<DB>
  readonly dialect: DatabaseTarget["dialect"]
  readonly close: () => Promise<void>
}

export function openDatabase(target: DatabaseTarget): OpenDatabase {
  prepareDatabaseFolder(target)
  if (target.dialect === "sqlite") {
    const { db } = openSqlite({ file: target.file, synchronous: target.synchronous })
    return { db, dialect: "sqlite", close: () => db.destroy() }
  }
  const { db } = openPostgres({ url: target.url, maxConnections: 2 })
  return { db, dialect: "postgres", close: () => db.destroy() }
}

/** Runs `use` on an open database and closes it however `use` ends. */
export async function withDatabase<A>(target: DatabaseTarget, use: (open: OpenDatabase) => Promise<A>): Promise<A> {
  const open = openDatabase(target)
  try {
    return await use(open)
  } finally {
    await open.close()
  }
}

/** Brings the storage schema to the latest migration and says which ones ran (storage-sql's one runner). */
export const migrateStorage = (open: OpenDatabase): Promise<MigrationOutcome> =>
  migrateToLatest(open.db as unknown as Kysely<unknown>, open.dialect)
