// Runs the use-case-level lifecycle benchmark (use-cases.ts): for each mode, the use cases over the SQL adapter and
// the raw floor on fresh databases of their own, in ABBA rounds of the same lifecycles (harness/abba.ts);
// after every round both databases must hold exactly the rows the lifecycles write and the same audit chain head.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import {
  migrateToLatest,
  openPostgres,
  openSqlite,
  SqlDatabase,
  type SqliteSynchronous,
  SqlStorage,
} from "@motcua/storage-sql"
import { freshPostgresDatabase } from "@motcua/storage-sql/testing"
import { Layer, ManagedRuntime } from "effect"
import type { Kysely } from "kysely"
import { postgresFloor } from "../floors/postgres.ts"
import { sqliteFloor } from "../floors/sqlite.ts"
import { LABELS, type Mode, type ModeResult, measureAbba, runModes } from "../harness/abba.ts"
import { checkBothSides, countRows, type RowCounts } from "../harness/rows.ts"
import { recordStatements, sameStatements } from "../harness/statements.ts"
import {
  AUDIT_PER_LIFECYCLE,
  type BenchClock,
  type CatalogData,
  makePlanner,
  OUTBOX_PER_LIFECYCLE,
  type PlannedLifecycle,
  type Planner,
  rawPgUseCases,
  rawSqliteUseCases,
  servicesLayer,
  stageDocuments,
  stageRawDocuments,
  type UseCaseItem,
  useCaseLifecycle,
} from "./use-cases.ts"

export interface UseCaseBenchOptions {
  readonly rounds: number
  readonly roundMs: number
  readonly modes: ReadonlyArray<Mode>
  readonly pgUrl?: string
  readonly data: CatalogData
}

interface Side {
  /** Stages the result documents of lifecycles numbered `first …` (outside timing). */
  readonly stage: (first: number, count: number) => Promise<ReadonlyArray<UseCaseItem>>
  /** The floor stages the planned documents in its own database and folder (outside timing). */
  readonly stagePlanned: (batch: ReadonlyArray<PlannedLifecycle>) => Promise<void>
  readonly run: (batch: ReadonlyArray<PlannedLifecycle>) => Promise<void>
  readonly counts: () => Promise<RowCounts>
  readonly close: () => Promise<void>
}

type StorageLayer = ReturnType<typeof SqlStorage.layerSqlite>

async function adapterSide(storage: StorageLayer, data: CatalogData): Promise<Side> {
  const clock: BenchClock = { millis: 0 }
  const runtime = ManagedRuntime.make(Layer.merge(storage, servicesLayer(data, clock)))
  const { db } = await runtime.runPromise(SqlDatabase.useSync((d) => d))
  return {
    stage: (first, count) => runtime.runPromise(stageDocuments(count, first)),
    stagePlanned: async () => {},
    run: async (batch) => {
      for (const planned of batch) await runtime.runPromise(useCaseLifecycle(clock, planned.item))
    },
    counts: () => countRows(db),
    close: () => runtime.dispose(),
  }
}

async function rawSqliteSide(file: string, synchronous: SqliteSynchronous, docsDir: string): Promise<Side> {
  const { db, raw } = openSqlite({ file, synchronous })
  await migrateToLatest(db as unknown as Kysely<unknown>, "sqlite")
  mkdirSync(docsDir, { recursive: true })
  const docs = { dir: docsDir }
  const floor = sqliteFloor(raw)
  const lifecycle = rawSqliteUseCases(floor, docs)
  return {
    stage: async () => [],
    stagePlanned: (batch) => stageRawDocuments(batch, docs, floor.insertDocument),
    run: async (batch) => {
      for (const planned of batch) await lifecycle(planned)
    },
    counts: () => countRows(db),
    close: () => db.destroy(),
  }
}

async function rawPgSide(url: string, docsDir: string): Promise<Side> {
  const { db, pool } = openPostgres({ url })
  await migrateToLatest(db as unknown as Kysely<unknown>, "postgres")
  mkdirSync(docsDir, { recursive: true })
  const docs = { dir: docsDir }
  const floor = postgresFloor(pool)
  const lifecycle = rawPgUseCases(floor, docs)
  return {
    stage: async () => [],
    stagePlanned: (batch) => stageRawDocuments(batch, docs, floor.insertDocument),
    run: async (batch) => {
      for (const planned of batch) await lifecycle(planned)
    },
    counts: () => countRows(db),
    close: () => db.destroy(),
  }
}

const ROWS = () => ({ audit: AUDIT_PER_LIFECYCLE, outbox: OUTBOX_PER_LIFECYCLE })

/** Both sides of a mode on fresh databases under `folder`, and the planner. */
async function sidesOf(
  mode: Mode,
  folder: string,
  options: Pick<UseCaseBenchOptions, "pgUrl" | "data">,
  cleanups: Array<() => Promise<void>>,
) {
  let adapter: Side
  let raw: Side
  if (mode === "pg") {
    if (options.pgUrl === undefined) throw new Error("the pg mode needs a server URL")
    const a = await freshPostgresDatabase(options.pgUrl, "motcua_bench")
    const r = await freshPostgresDatabase(options.pgUrl, "motcua_bench")
    cleanups.unshift(a.drop, r.drop)
    adapter = await adapterSide(
      SqlStorage.layerPostgres({ url: a.url, documentsDir: join(folder, "documents") }) as unknown as StorageLayer,
      options.data,
    )
    raw = await rawPgSide(r.url, join(folder, "raw-documents"))
  } else {
    const synchronous: SqliteSynchronous = mode === "sqlite-full" ? "FULL" : "NORMAL"
    adapter = await adapterSide(
      SqlStorage.layerSqlite({
        file: join(folder, "adapter.sqlite"),
        synchronous,
        documentsDir: join(folder, "documents"),
      }),
      options.data,
    )
    raw = await rawSqliteSide(join(folder, "raw.sqlite"), synchronous, join(folder, "raw-documents"))
  }
  const planner: Planner = await makePlanner(options.data)
  cleanups.unshift(
    () => adapter.close(),
    () => raw.close(),
    () => planner.dispose(),
  )
  return { adapter, raw, planner }
}

/**
 * The checks every run starts with, on its first lifecycle: on SQLite both sides execute the same statements in
 * the same order (BEGIN and COMMIT included); then both hold that lifecycle's rows and the same chain head.
 * Returns the statements per lifecycle (0 on PostgreSQL, where they are not recorded).
 */
async function checkOneLifecycle(mode: Mode, adapter: Side, raw: Side, planner: Planner): Promise<number> {
  const planned = await planner.plan(await adapter.stage(0, 1))
  await raw.stagePlanned(planned)
  const a = await recordStatements(() => adapter.run(planned))
  const r = await recordStatements(() => raw.run(planned))
  checkBothSides("use cases", await adapter.counts(), await raw.counts(), 1, ROWS())
  return mode === "pg" ? 0 : sameStatements("use-case lifecycle", a.statements, r.statements)
}

async function runMode(mode: Mode, options: UseCaseBenchOptions, log: (line: string) => void): Promise<ModeResult> {
  const folder = mkdtempSync(join(tmpdir(), "motcua-bench-uc-"))
  const cleanups: Array<() => Promise<void>> = [async () => rmSync(folder, { recursive: true, force: true })]
  try {
    const { adapter, raw, planner } = await sidesOf(mode, folder, options, cleanups)
    const statements = await checkOneLifecycle(mode, adapter, raw, planner)
    if (statements > 0) log(`${LABELS[mode].label}: both sides execute the same ${statements} statements per lifecycle`)

    return await measureAbba<PlannedLifecycle>({
      mode,
      rounds: options.rounds,
      roundMs: options.roundMs,
      sideName: "use cases",
      measured: (part) => adapter.run(part),
      raw: (part) => raw.run(part),
      prepare: async (done, count) => planner.plan(await adapter.stage(done + 1, count)),
      beforeBatch: (batch) => raw.stagePlanned(batch),
      check: async (done) => checkBothSides("use cases", await adapter.counts(), await raw.counts(), done + 1, ROWS()),
      warmCount: 20,
      log,
    })
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => {})
  }
}

export const runUseCaseBench = (options: UseCaseBenchOptions, log: (line: string) => void = console.log) =>
  runModes(options.modes, (mode) => runMode(mode, options, log))

/** The smoke run for the test suite: the opening checks of one mode on one lifecycle, no timing. */
export async function smokeUseCases(mode: Mode, data: CatalogData, pgUrl?: string): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), "motcua-bench-uc-smoke-"))
  const cleanups: Array<() => Promise<void>> = [async () => rmSync(folder, { recursive: true, force: true })]
  try {
    const { adapter, raw, planner } = await sidesOf(
      mode,
      folder,
      { data, ...(pgUrl === undefined ? {} : { pgUrl }) },
      cleanups,
    )
    return await checkOneLifecycle(mode, adapter, raw, planner)
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => {})
  }
}
