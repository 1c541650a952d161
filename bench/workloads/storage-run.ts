// The storage lifecycle benchmark (storage-lifecycle.ts): for each mode, the adapter and its raw floor on fresh
// databases of their own, in ABBA rounds of the same lifecycles (harness/abba.ts); after every round the row counts
// of both databases are checked and the two audit chains' heads compared (harness/rows.ts). `smokeStorage` runs the
// same checks on one lifecycle, for the test suite.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { StoragePorts } from "@motcua/application"
import {
  migrateToLatest,
  openPostgres,
  openSqlite,
  SqlDatabase,
  type SqliteSynchronous,
  SqlStorage,
} from "@motcua/storage-sql"
import { freshPostgresDatabase } from "@motcua/storage-sql/testing"
import { type Effect, type Layer, ManagedRuntime } from "effect"
import type { Kysely } from "kysely"
import { postgresFloor } from "../floors/postgres.ts"
import { sqliteFloor } from "../floors/sqlite.ts"
import { LABELS, type Mode, type ModeResult, measureAbba, runModes } from "../harness/abba.ts"
import { checkBothSides, countRows, type RowCounts } from "../harness/rows.ts"
import { recordStatements, sameStatements } from "../harness/statements.ts"
import {
  checkRawHash,
  type Lifecycle,
  planLifecycles,
  portsLifecycle,
  rawPgLifecycle,
  rawSqliteLifecycle,
  STORAGE_ROWS,
} from "./storage-lifecycle.ts"

export interface BenchOptions {
  readonly rounds: number
  /** Wall time a round of the raw floor should take; the batch size is derived from it after the warm-up. */
  readonly roundMs: number
  readonly modes: ReadonlyArray<Mode>
  /** PostgreSQL server for the "pg" mode: a database of its own is created there for each side, and dropped. */
  readonly pgUrl?: string
}

interface Side {
  readonly run: (batch: ReadonlyArray<Lifecycle>) => Promise<void>
  readonly counts: () => Promise<RowCounts>
  readonly close: () => Promise<void>
}

async function adapterSide(
  layer: Layer.Layer<StoragePorts | SqlDatabase, unknown>,
  lifecycle: (lifecycle: Lifecycle) => Effect.Effect<void, unknown, StoragePorts>,
): Promise<Side> {
  const runtime = ManagedRuntime.make(layer)
  const { db } = await runtime.runPromise(SqlDatabase.useSync((d) => d))
  return {
    run: async (batch) => {
      for (const item of batch) await runtime.runPromise(lifecycle(item))
    },
    counts: () => countRows(db),
    close: () => runtime.dispose(),
  }
}

async function rawSqliteSide(file: string, synchronous: SqliteSynchronous): Promise<Side> {
  // The same pragmas as the adapter (openSqlite), the same schema (the migrations); then only better-sqlite3.
  const { db, raw } = openSqlite({ file, synchronous })
  await migrateToLatest(db as unknown as Kysely<unknown>, "sqlite")
  const lifecycle = rawSqliteLifecycle(sqliteFloor(raw))
  return {
    run: async (batch) => {
      for (const item of batch) lifecycle(item)
    },
    counts: () => countRows(db),
    close: () => db.destroy(),
  }
}

async function rawPgSide(url: string): Promise<Side> {
  const { db, pool } = openPostgres({ url })
  await migrateToLatest(db as unknown as Kysely<unknown>, "postgres")
  const lifecycle = rawPgLifecycle(postgresFloor(pool))
  return {
    run: async (batch) => {
      for (const item of batch) await lifecycle(item)
    },
    counts: () => countRows(db),
    close: () => db.destroy(),
  }
}

/** Both sides of a mode, on fresh databases under `folder`, and what closes them. */
async function sidesOf(mode: Mode, folder: string, pgUrl: string | undefined, cleanups: Array<() => Promise<void>>) {
  let adapter: Side
  let raw: Side
  if (mode === "pg") {
    if (pgUrl === undefined) throw new Error("the pg mode needs a server URL")
    const a = await freshPostgresDatabase(pgUrl, "motcua_bench")
    const r = await freshPostgresDatabase(pgUrl, "motcua_bench")
    cleanups.unshift(a.drop, r.drop)
    adapter = await adapterSide(
      SqlStorage.layerPostgres({ url: a.url, documentsDir: join(folder, "documents") }),
      portsLifecycle,
    )
    raw = await rawPgSide(r.url)
  } else {
    const synchronous: SqliteSynchronous = mode === "sqlite-full" ? "FULL" : "NORMAL"
    adapter = await adapterSide(
      SqlStorage.layerSqlite({ file: join(folder, "adapter.sqlite"), synchronous, documentsDir: join(folder, "docs") }),
      portsLifecycle,
    )
    raw = await rawSqliteSide(join(folder, "raw.sqlite"), synchronous)
  }
  cleanups.unshift(
    () => adapter.close(),
    () => raw.close(),
  )
  return { adapter, raw }
}

/**
 * The checks every run starts with: the floor hashes as the chain does, and both sides execute the same statements,
 * in the same order, for one lifecycle; then both hold that lifecycle's rows and the same chain head. Returns how
 * many statements a lifecycle takes.
 */
async function checkOneLifecycle(adapter: Side, raw: Side): Promise<number> {
  const [first] = planLifecycles(0, 1)
  if (first === undefined) throw new Error("no lifecycle")
  checkRawHash(first)
  const a = await recordStatements(() => adapter.run([first]))
  const r = await recordStatements(() => raw.run([first]))
  checkBothSides("adapter", await adapter.counts(), await raw.counts(), 1, STORAGE_ROWS)
  return sameStatements("storage lifecycle", a.statements, r.statements)
}

async function runMode(mode: Mode, options: BenchOptions, log: (line: string) => void): Promise<ModeResult> {
  const folder = mkdtempSync(join(tmpdir(), "motcua-bench-"))
  const cleanups: Array<() => Promise<void>> = [async () => rmSync(folder, { recursive: true, force: true })]
  try {
    const { adapter, raw } = await sidesOf(mode, folder, options.pgUrl, cleanups)
    const statements = await checkOneLifecycle(adapter, raw)
    log(`${LABELS[mode].label}: both sides execute the same ${statements} statements per lifecycle`)
    return await measureAbba<Lifecycle>({
      mode,
      rounds: options.rounds,
      roundMs: options.roundMs,
      sideName: "adapter",
      measured: (part) => adapter.run(part),
      raw: (part) => raw.run(part),
      prepare: async (done, count) => planLifecycles(done + 1, count),
      check: async (done) =>
        checkBothSides("adapter", await adapter.counts(), await raw.counts(), done + 1, STORAGE_ROWS),
      warmCount: 30,
      log,
    })
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => {})
  }
}

export const runBench = (options: BenchOptions, log: (line: string) => void = console.log) =>
  runModes(options.modes, (mode) => runMode(mode, options, log))

/** The smoke run for the test suite: the opening checks of one mode on one lifecycle, no timing. */
export async function smokeStorage(mode: Mode, pgUrl?: string): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), "motcua-bench-smoke-"))
  const cleanups: Array<() => Promise<void>> = [async () => rmSync(folder, { recursive: true, force: true })]
  try {
    const { adapter, raw } = await sidesOf(mode, folder, pgUrl, cleanups)
    return await checkOneLifecycle(adapter, raw)
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => {})
  }
}
