// Runs the use-case-level lifecycle benchmark (use-cases.ts): for each mode, the use cases over the SQL adapter and
// the raw floor on fresh databases of their own, in ABBA rounds of the same lifecycles (harness/abba.ts);
// after every round both databases must hold exactly the rows the lifecycles write and the same audit chain head.
import fs, { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { syncBuiltinESMExports } from "node:module"
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
import Database from "better-sqlite3"
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
 * The checks every run starts with, on its first lifecycle: both sides execute the same statements in the same
 * order (BEGIN and COMMIT included); then both hold that lifecycle's rows and the same chain head. Returns the
 * statements per lifecycle.
 */
async function checkOneLifecycle(adapter: Side, raw: Side, planner: Planner): Promise<number> {
  const planned = await planner.plan(await adapter.stage(0, 1))
  await raw.stagePlanned(planned)
  const a = await recordStatements(() => adapter.run(planned))
  const r = await recordStatements(() => raw.run(planned))
  checkBothSides("use cases", await adapter.counts(), await raw.counts(), 1, ROWS())
  return sameStatements("use-case lifecycle", a.statements, r.statements)
}

async function runMode(mode: Mode, options: UseCaseBenchOptions, log: (line: string) => void): Promise<ModeResult> {
  const folder = mkdtempSync(join(tmpdir(), "motcua-bench-uc-"))
  const cleanups: Array<() => Promise<void>> = [async () => rmSync(folder, { recursive: true, force: true })]
  try {
    const { adapter, raw, planner } = await sidesOf(mode, folder, options, cleanups)
    const statements = await checkOneLifecycle(adapter, raw, planner)
    log(`${LABELS[mode].label}: both sides execute the same ${statements} statements per lifecycle`)

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

/** What one side spends on `count` lifecycles: wall and CPU time, statements, COMMITs and the time spent in them. */
export interface SideAccount {
  readonly wallMs: number
  readonly cpuMs: number
  /** The part of cpuMs spent in the kernel (system calls: the COMMITs' writes, the document files). */
  readonly systemMs: number
  readonly statements: number
  readonly commits: number
  readonly commitMs: number
  readonly fsyncs: number
}

/**
 * The accounting of bench/account-lifecycle.ts: `count` planned lifecycles run on each side of a SQLite mode,
 * counting, per side, statements and COMMITs (better-sqlite3's statements wrapped, timing the COMMITs), the document
 * fsyncs (node:fs fsync and FileHandle.sync wrapped) and the wall and CPU time.
 */
export async function accountLifecycles(
  mode: Mode,
  data: CatalogData,
  count: number,
  pgUrl?: string,
): Promise<{ useCases: SideAccount; raw: SideAccount }> {
  return withSides(mode, data, pgUrl, "motcua-bench-uc-account-", async ({ adapter, raw, planner }) => {
    const warm = await planner.plan(await adapter.stage(0, 20))
    await raw.stagePlanned(warm)
    await adapter.run(warm)
    await raw.run(warm)
    // two halves run A B B A, so that a change of load weighs on both sides alike
    const half = Math.ceil(count / 2)
    const first = await planner.plan(await adapter.stage(20, half))
    const second = await planner.plan(await adapter.stage(20 + half, count - half))
    await raw.stagePlanned(first)
    await raw.stagePlanned(second)
    const empty = (): SideAccount => ({
      wallMs: 0,
      cpuMs: 0,
      systemMs: 0,
      statements: 0,
      commits: 0,
      commitMs: 0,
      fsyncs: 0,
    })
    const account = async (side: Side, planned: ReadonlyArray<PlannedLifecycle>, into: SideAccount) => {
      const counters = { statements: 0, commits: 0, commitMs: 0, fsyncs: 0 }
      const restore = instrument(counters)
      try {
        const cpu = process.cpuUsage()
        const started = performance.now()
        await side.run(planned)
        const wallMs = performance.now() - started
        const used = process.cpuUsage(cpu)
        return {
          wallMs: into.wallMs + wallMs,
          cpuMs: into.cpuMs + (used.user + used.system) / 1000,
          systemMs: into.systemMs + used.system / 1000,
          statements: into.statements + counters.statements,
          commits: into.commits + counters.commits,
          commitMs: into.commitMs + counters.commitMs,
          fsyncs: into.fsyncs + counters.fsyncs,
        }
      } finally {
        restore()
      }
    }
    let useCases = await account(adapter, first, empty())
    let rawAccount = await account(raw, first, empty())
    rawAccount = await account(raw, second, rawAccount)
    useCases = await account(adapter, second, useCases)
    return { useCases, raw: rawAccount }
  })
}

function instrument(counters: { statements: number; commits: number; commitMs: number; fsyncs: number }) {
  const probe = new Database(":memory:")
  const proto = Object.getPrototypeOf(probe.prepare("select 1")) as Record<string, unknown>
  probe.close()
  const methods = ["run", "get", "all", "iterate"] as const
  const originals = methods.map((m) => proto[m] as (...args: unknown[]) => unknown)
  methods.forEach((m, i) => {
    const original = originals[i] as (...args: unknown[]) => unknown
    proto[m] = function (this: { source: string }, ...args: unknown[]) {
      counters.statements += 1
      if (!/^\s*commit/i.test(this.source)) return original.apply(this, args)
      counters.commits += 1
      const t = performance.now()
      try {
        return original.apply(this, args)
      } finally {
        counters.commitMs += performance.now() - t
      }
    }
  })
  const fsMutable = fs as unknown as { fsync: (...args: unknown[]) => unknown }
  const fsyncOriginal = fsMutable.fsync
  fsMutable.fsync = (...args: unknown[]) => {
    counters.fsyncs += 1
    return fsyncOriginal(...args)
  }
  syncBuiltinESMExports()
  const handleProto = FILE_HANDLE_PROTO as { sync: (...args: unknown[]) => unknown }
  const syncOriginal = handleProto.sync
  handleProto.sync = function (this: unknown, ...args: unknown[]) {
    counters.fsyncs += 1
    return syncOriginal.apply(this, args)
  }
  return () => {
    methods.forEach((m, i) => {
      proto[m] = originals[i]
    })
    fsMutable.fsync = fsyncOriginal
    syncBuiltinESMExports()
    handleProto.sync = syncOriginal
  }
}

const FILE_HANDLE_PROTO = await (async () => {
  const handle = await fs.promises.open(tmpdir(), "r")
  const proto = Object.getPrototypeOf(handle) as object
  await handle.close()
  return proto
})()

/** The smoke run for the test suite: the opening checks of one mode on one lifecycle, no timing. */
export const smokeUseCases = (mode: Mode, data: CatalogData, pgUrl?: string): Promise<number> =>
  withSides(mode, data, pgUrl, "motcua-bench-uc-smoke-", ({ adapter, raw, planner }) =>
    checkOneLifecycle(adapter, raw, planner),
  )

/** Runs `work` on both sides of `mode` and the planner, on fresh databases in a temporary folder removed after. */
async function withSides<T>(
  mode: Mode,
  data: CatalogData,
  pgUrl: string | undefined,
  prefix: string,
  work: (sides: Awaited<ReturnType<typeof sidesOf>>) => Promise<T>,
): Promise<T> {
  const folder = mkdtempSync(join(tmpdir(), prefix))
  const cleanups: Array<() => Promise<void>> = [async () => rmSync(folder, { recursive: true, force: true })]
  try {
    return await work(await sidesOf(mode, folder, { data, ...(pgUrl === undefined ? {} : { pgUrl }) }, cleanups))
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => {})
  }
}
