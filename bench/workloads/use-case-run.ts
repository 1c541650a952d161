// Runs the use-case-level lifecycle benchmark (use-cases.ts): for each mode, the use cases over the SQL adapter and
// the raw floor on fresh databases of their own, in ABBA rounds of the same lifecycles (run.ts explains the order);
// after every round both databases must hold exactly the rows the lifecycles write and the same audit chain head.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Layer, ManagedRuntime } from "effect"
import type { Kysely } from "kysely"
import { SqlDatabase, SqlStorage } from "../src/layers.ts"
import { migrateToLatest } from "../src/migrations.ts"
import { openPostgres } from "../src/postgres.ts"
import { openSqlite, type SqliteSynchronous } from "../src/sqlite.ts"
import { freshPostgresDatabase } from "../src/testing.ts"
import type { RowCounts } from "./lifecycle.ts"
import {
  checkBothSides,
  countRows,
  LABELS,
  type Mode,
  type ModeResult,
  measureAbba,
  RowsLost,
  runModes,
} from "./run.ts"
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
  SQL,
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
  const lifecycle = rawSqliteUseCases(raw, docs)
  const insertDocument = raw.prepare(SQL.insertDocument)
  return {
    stage: async () => [],
    stagePlanned: (batch) => stageRawDocuments(batch, docs, (values) => void insertDocument.run(...values)),
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
  const lifecycle = rawPgUseCases(pool, docs)
  return {
    stage: async () => [],
    stagePlanned: (batch) =>
      stageRawDocuments(batch, docs, async (values) => void (await pool.query(PG_INSERT_DOCUMENT, [...values]))),
    run: async (batch) => {
      for (const planned of batch) await lifecycle(planned)
    },
    counts: () => countRows(db),
    close: () => db.destroy(),
  }
}

const PG_INSERT_DOCUMENT = (() => {
  let n = 0
  return SQL.insertDocument.replace(/\?/g, () => `$${++n}`)
})()

/**
 * The SQL statements each side executes during one lifecycle, in order (every run/get/all of better-sqlite3,
 * BEGIN and COMMIT included): they must be the same list, or the floor is not doing the adapter's work.
 */
async function checkSameStatements(folder: string, data: CatalogData, synchronous: SqliteSynchronous) {
  const probe = openSqlite({ file: join(folder, "probe.sqlite"), synchronous })
  const proto = Object.getPrototypeOf(probe.raw.prepare("select 1")) as Record<string, unknown>
  await probe.db.destroy()
  const methods = ["run", "get", "all", "iterate"] as const
  const originals = methods.map((m) => proto[m] as (...args: unknown[]) => unknown)
  let seen: string[] = []
  methods.forEach((m, i) => {
    const original = originals[i] as (...args: unknown[]) => unknown
    proto[m] = function (this: { source: string }, ...args: unknown[]) {
      seen.push(this.source)
      return original.apply(this, args)
    }
  })
  const planner = await makePlanner(data)
  const adapter = await adapterSide(
    SqlStorage.layerSqlite({
      file: join(folder, "a-statements.sqlite"),
      synchronous,
      documentsDir: join(folder, "a-docs"),
    }),
    data,
  )
  const raw = await rawSqliteSide(join(folder, "r-statements.sqlite"), synchronous, join(folder, "r-docs"))
  try {
    const items = await adapter.stage(0, 1)
    const planned = await planner.plan(items)
    seen = []
    await adapter.run(planned)
    const adapterSeen = seen
    seen = []
    await raw.stagePlanned(planned)
    seen = []
    await raw.run(planned)
    const rawSeen = seen
    const differ = adapterSeen.length !== rawSeen.length || adapterSeen.some((s, i) => s !== rawSeen[i])
    if (differ) {
      const lines = Math.max(adapterSeen.length, rawSeen.length)
      const table = Array.from({ length: lines }, (_, i) =>
        adapterSeen[i] === rawSeen[i] ? `  = ${adapterSeen[i]}` : `  A ${adapterSeen[i]}\n  R ${rawSeen[i]}`,
      )
      throw new Error(`the adapter and the raw floor issue different statements:\n${table.join("\n")}`)
    }
    return adapterSeen.length
  } finally {
    methods.forEach((m, i) => {
      proto[m] = originals[i]
    })
    await adapter.close()
    await raw.close()
    await planner.dispose()
  }
}

const checkRows = (side: string, counts: RowCounts, lifecycles: number) => {
  const expected = {
    dossiers: lifecycles,
    audit: lifecycles * AUDIT_PER_LIFECYCLE,
    outbox: lifecycles * OUTBOX_PER_LIFECYCLE,
  }
  if (counts.dossiers !== expected.dossiers || counts.audit !== expected.audit || counts.outbox !== expected.outbox) {
    throw new RowsLost(
      `${side}: after ${lifecycles} lifecycles expected ${expected.dossiers} dossiers, ${expected.audit} audit rows, ${expected.outbox} outbox rows; found ${counts.dossiers}, ${counts.audit}, ${counts.outbox}`,
    )
  }
}

async function runMode(mode: Mode, options: UseCaseBenchOptions, log: (line: string) => void): Promise<ModeResult> {
  const folder = mkdtempSync(join(tmpdir(), "motcua-bench-uc-"))
  const cleanups: Array<() => Promise<void>> = [async () => rmSync(folder, { recursive: true, force: true })]
  try {
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
      const statements = await checkSameStatements(folder, options.data, synchronous)
      log(`${LABELS[mode].label}: both sides execute the same ${statements} statements per lifecycle`)
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

    return await measureAbba<PlannedLifecycle>({
      mode,
      rounds: options.rounds,
      roundMs: options.roundMs,
      sideName: "use cases",
      measured: (part) => adapter.run(part),
      raw: (part) => raw.run(part),
      prepare: async (done, count) => planner.plan(await adapter.stage(done, count)),
      beforeBatch: (batch) => raw.stagePlanned(batch),
      check: async (done) => checkBothSides("use cases", await adapter.counts(), await raw.counts(), done, checkRows),
      warmCount: 20,
      log,
    })
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => {})
  }
}

export const runUseCaseBench = (options: UseCaseBenchOptions, log: (line: string) => void = console.log) =>
  runModes(options.modes, (mode) => runMode(mode, options, log))
