// Where the CLI keeps things: one data folder (default ./data, or --data, or MOTCUA_DATA) holding the embedded SQLite
// database (motcua.sqlite), its document files and the deployment's catalogue (catalogue/, the same layout as
// @motcua/catalog-quangninh's data/). DATABASE_URL=postgres://… moves the database to PostgreSQL; the catalogue
// stays in the data folder.
import { existsSync, mkdirSync } from "node:fs"
import { dirname, isAbsolute, join, resolve } from "node:path"
import { DATA_DIR as SAMPLE_CATALOGUE_DIR } from "@motcua/catalog-quangninh"
import { type DatabaseTarget, DatabaseUrlError, parseDatabaseUrl as parseStorageUrl } from "@motcua/storage-sql"
import { UsageError } from "./args.ts"
import type { Io } from "./io.ts"

export type { DatabaseTarget }
export { SAMPLE_CATALOGUE_DIR }

export interface Settings {
  readonly dataDir: string
  readonly databaseUrl: string
  readonly database: DatabaseTarget
  /** The deployment's catalogue folder inside the data folder (written by seed and catalogue import). */
  readonly catalogueDir: string
}

export const DEFAULT_DATA_DIR = "data"
export const SQLITE_FILE = "motcua.sqlite"
/** The database `motcua simulate` writes into by default (and `motcua report --simulation` reads), in the data folder. */
export const SIMULATION_FILE = "simulation.sqlite"
export const CATALOGUE_FOLDER = "catalogue"

/** Reads a database URL as the storage adapter does (its parseDatabaseUrl); a bad one is a usage error. */
export function parseDatabaseUrl(url: string, cwd: string): DatabaseTarget {
  try {
    return parseStorageUrl(url, cwd)
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new UsageError(error.message)
    throw error
  }
}

export function resolveSettings(options: { readonly data?: string | undefined }, io: Io): Settings {
  const raw = options.data ?? io.env.MOTCUA_DATA ?? DEFAULT_DATA_DIR
  const dataDir = isAbsolute(raw) ? raw : resolve(io.cwd, raw)
  const databaseUrl = io.env.DATABASE_URL || `sqlite:${join(dataDir, SQLITE_FILE)}`
  return {
    dataDir,
    databaseUrl,
    database: parseDatabaseUrl(databaseUrl, io.cwd),
    catalogueDir: join(dataDir, CATALOGUE_FOLDER),
  }
}

/**
 * Where `motcua simulate` writes: `--database URL` when given, else its own SQLite file in the data folder — never
 * the live database (DATABASE_URL) the server uses by default, whose relay would sync and notify for made-up dossiers.
 * Its own file at synchronous=NORMAL: a simulation is redone from its seed, so it need not wait for each commit to
 * reach the disk (a power cut may lose its last commits, never corrupt the file), and runs ~11 % faster (1,000
 * dossiers: 23–28 s against 26–32 s at FULL; the document files are still synced, as the store always does).
 */
export function simulationDatabase(settings: Settings, url: string | undefined, cwd: string): DatabaseTarget {
  return parseDatabaseUrl(url ?? `sqlite:${join(settings.dataDir, SIMULATION_FILE)}?synchronous=NORMAL`, cwd)
}

/** The URL for messages: a PostgreSQL password is never printed. */
export function displayUrl(target: DatabaseTarget): string {
  if (target.dialect === "sqlite") return `sqlite:${target.file} (synchronous=${target.synchronous})`
  try {
    const url = new URL(target.url)
    if (url.password !== "") url.password = "***"
    return url.toString()
  } catch {
    return "postgres://…"
  }
}

/** Makes sure the SQLite file's folder exists (better-sqlite3 creates the file, not its folders). */
export function prepareDatabaseFolder(target: DatabaseTarget): void {
  if (target.dialect === "sqlite" && target.file !== ":memory:") mkdirSync(dirname(target.file), { recursive: true })
}

/**
 * Where document files go: next to the SQLite file (the adapter's default), or `<data>/documents` with PostgreSQL
 * (several instances must then share that folder, e.g. a network volume; see docs/deployment.md).
 */
export const documentsDirOf = (settings: Settings): string | undefined =>
  settings.database.dialect === "postgres" ? join(settings.dataDir, "documents") : undefined

/** Whether a folder holds a catalogue in the package layout (units.json is the one file always there). */
export const hasCatalogue = (dir: string): boolean => existsSync(join(dir, "units.json"))

/** The catalogue in use: the data folder's when seeded or imported, else the Quảng Ninh sample. */
export const activeCatalogueDir = (settings: Settings): string =>
  hasCatalogue(settings.catalogueDir) ? settings.catalogueDir : SAMPLE_CATALOGUE_DIR
