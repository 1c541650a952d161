// Runs the lifecycle benchmark (lifecycle.ts): for each mode, the adapter and its raw floor on fresh databases of
// their own, in interleaved rounds of the same lifecycles; after every round the row counts of both databases are
// checked against what the lifecycles must have written, and the two audit chains' heads against each other.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import type { StoragePorts } from "@motcua/application"
import Database from "better-sqlite3"
import { type Effect, type Layer, ManagedRuntime } from "effect"
import { type Kysely, sql } from "kysely"
import { SqlDatabase, SqlStorage } from "../src/layers.ts"
import { migrateToLatest } from "../src/migrations.ts"
import { openPostgres } from "../src/postgres.ts"
import type { DB } from "../src/schema.ts"
import { openSqlite, type SqliteSynchronous } from "../src/sqlite.ts"
import { freshPostgresDatabase } from "../src/testing.ts"
import {
  checkRawHash,
  expectedRows,
  type Lifecycle,
  planLifecycles,
  portsLifecycle,
  type RowCounts,
  rawPgLifecycle,
  rawSqliteLifecycle,
  SQL,
} from "./lifecycle.ts"

export interface BenchOptions {
  readonly rounds: number
  /** Wall time a round of the raw floor should take; the batch size is derived from it after the warm-up. */
  readonly roundMs: number
  readonly modes: ReadonlyArray<Mode>
  /** PostgreSQL server for the "pg" mode: a database of its own is created there for each side, and dropped. */
  readonly pgUrl?: string
  /** The lifecycle written through the adapter: the ports directly, or (later) the use cases. */
  readonly adapterLifecycle?: (lifecycle: Lifecycle) => Effect.Effect<void, unknown, StoragePorts>
}

export type Mode = "sqlite-normal" | "sqlite-full" | "pg"

export interface ModeResult {
  readonly mode: Mode
  readonly label: string
  readonly target: number
  readonly lifecyclesPerRound: number
  readonly adapter: number
  readonly raw: number
  readonly ratios: ReadonlyArray<number>
  readonly ratio: number
  readonly lifecycles: number
}

interface Side {
  readonly run: (batch: ReadonlyArray<Lifecycle>) => Promise<void>
  readonly counts: () => Promise<RowCounts>
  readonly close: () => Promise<void>
}

export const countRows = async (db: Kysely<DB>): Promise<RowCounts> => {
  const { rows } = await sql<{ dossiers: number; audit: number; outbox: number; head_hash: string }>`
    select (select count(*) from dossier) as dossiers, (select count(*) from audit_entry) as audit,
           (select count(*) from outbox) as outbox, (select last_hash from audit_head where id = 1) as head_hash`.execute(
    db,
  )
  const row = rows[0]
  if (row === undefined) throw new Error("no counts")
  return {
    dossiers: Number(row.dossiers),
    audit: Number(row.audit),
    outbox: Number(row.outbox),
    headHash: row.head_hash,
  }
}

async function adapterSide(
  layer: Layer.Layer<StoragePorts | SqlDatabase, unknown>,
  lifecycle: NonNullable<BenchOptions["adapterLifecycle"]>,
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
  const lifecycle = rawSqliteLifecycle(raw)
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
  const lifecycle = rawPgLifecycle(pool)
  return {
    run: async (batch) => {
      for (const item of batch) await lifecycle(item)
    },
    counts: () => countRows(db),
    close: () => db.destroy(),
  }
}

/** The distinct SQL texts the adapter prepares on SQLite during one lifecycle: they must be the floor's. */
async function checkSameStatements(layerOf: (file: string) => Side | Promise<Side>, folder: string): Promise<void> {
  const seen = new Set<string>()
  const original = Database.prototype.prepare
  const side = await layerOf(join(folder, "statements.sqlite"))
  Database.prototype.prepare = function (this: Database.Database, source: string) {
    seen.add(source)
    return original.call(this, source)
  } as typeof original
  try {
    await side.run(planLifecycles(0, 1))
  } finally {
    Database.prototype.prepare = original
    await side.close()
  }
  // BEGIN IMMEDIATE, COMMIT and ROLLBACK are prepared when the adapter's connection opens, before the spy.
  const floor = new Set<string>(Object.values(SQL))
  for (const control of [SQL.begin, SQL.commit, SQL.rollback]) floor.delete(control)
  for (const control of [SQL.begin, SQL.commit, SQL.rollback]) seen.delete(control)
  const onlyAdapter = [...seen].filter((s) => !floor.has(s))
  const onlyFloor = [...floor].filter((s) => !seen.has(s))
  if (onlyAdapter.length > 0 || onlyFloor.length > 0) {
    throw new Error(
      `the adapter and the raw floor issue different statements:\n  adapter only: ${onlyAdapter.join("\n    ")}\n  floor only: ${onlyFloor.join("\n    ")}`,
    )
  }
}

/**
 * A full garbage collection before each timed batch, so that neither side pays for collecting the other's garbage
 * (the adapter makes more of it); each still pays for its own.
 */
export const collectGarbage: () => void = (() => {
  setFlagsFromString("--expose-gc")
  return runInNewContext("gc") as () => void
})()

export const median = (xs: ReadonlyArray<number>) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

export class RowsLost extends Error {}

export async function checkRows(side: string, counts: RowCounts, lifecycles: number): Promise<void> {
  const expected = expectedRows(lifecycles)
  if (counts.dossiers !== expected.dossiers || counts.audit !== expected.audit || counts.outbox !== expected.outbox) {
    throw new RowsLost(
      `${side}: after ${lifecycles} lifecycles expected ${expected.dossiers} dossiers, ${expected.audit} audit rows, ${expected.outbox} outbox rows; found ${counts.dossiers}, ${counts.audit}, ${counts.outbox}`,
    )
  }
}

export const LABELS: Record<Mode, { label: string; target: number }> = {
  "sqlite-normal": { label: "SQLite, synchronous=NORMAL", target: 0.75 },
  "sqlite-full": { label: "SQLite, synchronous=FULL", target: 0.9 },
  pg: { label: "PostgreSQL", target: 0.85 },
}

/**
 * The check after each round of both lifecycle benchmarks: each side holds exactly the rows its lifecycles write
 * (`checkRows`), and both audit chains end at the same head hash.
 */
export async function checkBothSides(
  sideName: string,
  measured: RowCounts,
  raw: RowCounts,
  done: number,
  checkRows: (side: string, counts: RowCounts, lifecycles: number) => void | Promise<void>,
): Promise<void> {
  await checkRows(sideName, measured, done)
  await checkRows("raw floor", raw, done)
  if (measured.headHash !== raw.headHash) {
    throw new RowsLost(
      `the audit chains differ after ${done} lifecycles (${sideName} ${measured.headHash}, raw ${raw.headHash})`,
    )
  }
}

/** Runs `runMode` for each mode in turn (modes share the machine: never in parallel). */
export async function runModes(
  modes: ReadonlyArray<Mode>,
  runMode: (mode: Mode) => Promise<ModeResult>,
): Promise<ModeResult[]> {
  const results: ModeResult[] = []
  for (const mode of modes) results.push(await runMode(mode))
  return results
}

/** One side of an ABBA measurement: runs a part of a batch (timed). */
export type TimedSide<T> = (part: ReadonlyArray<T>) => Promise<void>

export interface AbbaMeasurement<T> {
  readonly mode: Mode
  readonly rounds: number
  readonly roundMs: number
  /** How the measured side is named in the log ("adapter", "use cases"). */
  readonly sideName: string
  readonly measured: TimedSide<T>
  readonly raw: TimedSide<T>
  /** Plans `count` lifecycles after the `done` already run (outside timing). */
  readonly prepare: (done: number, count: number) => Promise<ReadonlyArray<T>>
  /** Work before a batch that neither side is timed for (e.g. staging the floor's documents). */
  readonly beforeBatch?: (batch: ReadonlyArray<T>) => Promise<void>
  /** Checks both databases after `done` lifecycles; throws RowsLost when rows are missing. */
  readonly check: (done: number) => Promise<void>
  readonly warmCount: number
  readonly log: (line: string) => void
}

/**
 * Measures two sides in rounds. A round runs the batch in two halves, in the order measured, raw, raw, measured
 * (ABBA): each side runs once right after the other one and once right after itself, so whatever the side that runs
 * second inherits from the first (on this machine's disk, the side that runs first after a switch is up to 15%
 * slower at synchronous=FULL, even raw against raw) is shared equally, and so is any drift during the round. The
 * batch size is set from a warm-up so that the raw side's round takes about `roundMs`.
 */
export async function measureAbba<T>(m: AbbaMeasurement<T>): Promise<ModeResult> {
  let done = 0
  const timed = async (side: TimedSide<T>, part: ReadonlyArray<T>) => {
    collectGarbage()
    const start = performance.now()
    await side(part)
    return performance.now() - start
  }
  const both = async (batch: ReadonlyArray<T>) => {
    await m.beforeBatch?.(batch)
    const middle = Math.ceil(batch.length / 2)
    const [first, second] = [batch.slice(0, middle), batch.slice(middle)]
    let measuredMs = await timed(m.measured, first)
    let rawMs = await timed(m.raw, first)
    rawMs += await timed(m.raw, second)
    measuredMs += await timed(m.measured, second)
    done += batch.length
    await m.check(done)
    return { measuredMs, rawMs }
  }

  const warm = await m.prepare(done, m.warmCount)
  const warmTimes = await both(warm)
  const perLifecycleMs = Math.max(warmTimes.rawMs, 1e-3) / warm.length
  const batchSize = Math.max(20, Math.round(m.roundMs / perLifecycleMs))
  const { label, target } = LABELS[m.mode]
  m.log(`${label}: ${m.rounds} ABBA rounds of ${batchSize} lifecycles per side (${m.sideName})`)
  const measuredRates: number[] = []
  const rawRates: number[] = []
  const ratios: number[] = []
  for (let round = 0; round < m.rounds; round += 1) {
    const batch = await m.prepare(done, batchSize)
    const { measuredMs, rawMs } = await both(batch)
    const a = (batch.length * 1000) / measuredMs
    const r = (batch.length * 1000) / rawMs
    measuredRates.push(a)
    rawRates.push(r)
    ratios.push(a / r)
    m.log(`  round ${round + 1}: ${m.sideName} ${a.toFixed(0)}/s, raw ${r.toFixed(0)}/s, ratio ${(a / r).toFixed(3)}`)
  }
  return {
    mode: m.mode,
    label,
    target,
    lifecyclesPerRound: batchSize,
    adapter: median(measuredRates),
    raw: median(rawRates),
    ratios,
    ratio: median(ratios),
    lifecycles: done,
  }
}

async function runMode(mode: Mode, options: BenchOptions, log: (line: string) => void): Promise<ModeResult> {
  const folder = mkdtempSync(join(tmpdir(), "motcua-bench-"))
  const cleanups: Array<() => Promise<void>> = [async () => rmSync(folder, { recursive: true, force: true })]
  const adapterLifecycle = options.adapterLifecycle ?? portsLifecycle
  try {
    let adapter: Side
    let raw: Side
    if (mode === "pg") {
      if (options.pgUrl === undefined) throw new Error("the pg mode needs a server URL")
      const a = await freshPostgresDatabase(options.pgUrl, "motcua_bench")
      const r = await freshPostgresDatabase(options.pgUrl, "motcua_bench")
      cleanups.unshift(a.drop, r.drop)
      adapter = await adapterSide(
        SqlStorage.layerPostgres({ url: a.url, documentsDir: join(folder, "documents") }),
        adapterLifecycle,
      )
      raw = await rawPgSide(r.url)
    } else {
      const synchronous: SqliteSynchronous = mode === "sqlite-full" ? "FULL" : "NORMAL"
      const adapterOn = (file: string) =>
        adapterSide(
          SqlStorage.layerSqlite({ file, synchronous, documentsDir: join(folder, "documents") }),
          adapterLifecycle,
        )
      await checkSameStatements(adapterOn, folder)
      adapter = await adapterOn(join(folder, "adapter.sqlite"))
      raw = await rawSqliteSide(join(folder, "raw.sqlite"), synchronous)
    }
    cleanups.unshift(
      () => adapter.close(),
      () => raw.close(),
    )

    checkRawHash(planLifecycles(0, 1)[0] as Lifecycle)
    return await measureAbba<Lifecycle>({
      mode,
      rounds: options.rounds,
      roundMs: options.roundMs,
      sideName: "adapter",
      measured: (part) => adapter.run(part),
      raw: (part) => raw.run(part),
      prepare: async (done, count) => planLifecycles(done, count),
      check: async (done) => checkBothSides("adapter", await adapter.counts(), await raw.counts(), done, checkRows),
      warmCount: 30,
      log,
    })
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => {})
  }
}

export const runBench = (options: BenchOptions, log: (line: string) => void = console.log) =>
  runModes(options.modes, (mode) => runMode(mode, options, log))

export function formatTable(results: ReadonlyArray<ModeResult>): string {
  const header = ["mode", "adapter lifecycles/s", "raw lifecycles/s", "ratio (median)", "min–max", "target", ""]
  const rows = results.map((r) => [
    r.label,
    r.adapter.toFixed(0),
    r.raw.toFixed(0),
    `${r.ratio.toFixed(3)}×`,
    `${Math.min(...r.ratios).toFixed(2)}–${Math.max(...r.ratios).toFixed(2)}`,
    `≥ ${r.target.toFixed(2)}×`,
    r.ratio >= r.target ? "met" : "MISSED",
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)))
  const line = (cells: ReadonlyArray<string>) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(" | ")} |`
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n")
}
