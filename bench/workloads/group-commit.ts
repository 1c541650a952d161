// The group-commit benchmark (group-commit.bench.ts): the storage lifecycle (storage-lifecycle.ts: create, 8 commits,
// read-back and work queue) run by C concurrent clients through the SQL adapter on SQLite at synchronous=FULL, with
// group commit on (measured) and off (the floor: the same adapter, one COMMIT — one fsync — per transaction), each
// side on a fresh file of its own, in ABBA rounds. After every round each side must hold exactly the rows its
// lifecycles wrote and its audit chain must verify (the heads differ: concurrent clients interleave differently).
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { AuditLog, type DossierCommit, DossierStore } from "@motcua/application"
import { type GroupCommit, SqlDatabase, SqlStorage } from "@motcua/storage-sql"
import { Effect, ManagedRuntime } from "effect"
import { type Mode, type ModeResult, measureAbba } from "../harness/abba.ts"
import { checkRows, countRows, RowsLost } from "../harness/rows.ts"
import { AGENCY, type Lifecycle, planLifecycles, READ_AFTER, STORAGE_ROWS } from "./storage-lifecycle.ts"

/**
 * portsLifecycle with its reads kept but the work-queue membership check left out: with many clients at once the
 * queue's first page holds other clients' dossiers.
 */
export const lifecycleOfClient = (lifecycle: Lifecycle) =>
  Effect.gen(function* () {
    const store = yield* DossierStore
    yield* store.create(lifecycle.create)
    for (let i = 0; i < lifecycle.commits.length; i += 1) {
      yield* store.commit(lifecycle.commits[i] as DossierCommit)
      if (i + 1 === READ_AFTER) {
        const record = yield* store.get(lifecycle.code)
        if (record.version !== READ_AFTER + 1) return yield* Effect.die(`read ${lifecycle.code} at ${record.version}`)
        yield* store.workQueue({ role: lifecycle.readRole, agencyCodes: [AGENCY], limit: 20 })
      }
    }
  })

export interface GroupCommitOptions {
  readonly rounds: number
  readonly roundMs: number
  /** Concurrent clients (each runs its lifecycles one after another). */
  readonly concurrency: number
  readonly group: GroupCommit
}

async function side(
  folder: string,
  name: string,
  group: GroupCommit | undefined,
  concurrency: number,
): Promise<ClientsSide> {
  const runtime = ManagedRuntime.make(
    SqlStorage.layerSqlite({
      file: join(folder, `${name}.sqlite`),
      documentsDir: join(folder, `${name}-documents`),
      synchronous: "FULL",
      ...(group === undefined ? {} : { groupCommit: group }),
    }),
  )
  const { db } = await runtime.runPromise(SqlDatabase.useSync((d) => d))
  return {
    run: (batch: ReadonlyArray<Lifecycle>) =>
      runtime.runPromise(Effect.forEach(batch, lifecycleOfClient, { concurrency, discard: true })),
    check: async (done: number) => {
      checkRows(name, await countRows(db), done, STORAGE_ROWS)
      const chain = await runtime.runPromise(AuditLog.use((log) => log.verifyChain()))
      if (chain._tag !== "Intact") throw new RowsLost(`${name}: the audit chain does not verify (${chain._tag})`)
    },
    close: () => runtime.dispose(),
  }
}

/** A side of these benchmarks: its clients' run of a batch, its checks, its end. */
export interface ClientsSide {
  readonly run: (batch: ReadonlyArray<Lifecycle>) => Promise<unknown>
  readonly check: (done: number) => Promise<void>
  readonly close: () => Promise<void>
}

/**
 * Two sides of concurrent clients (group-commit.ts, pg-commit.ts) in ABBA rounds over the storage lifecycle, both
 * checked after every round, both closed at the end.
 */
export async function measureClientSides(options: {
  readonly mode: Mode
  readonly rounds: number
  readonly roundMs: number
  readonly concurrency: number
  readonly sideName: string
  readonly measured: ClientsSide
  readonly floor: ClientsSide
  readonly log: (line: string) => void
}): Promise<ModeResult> {
  const { measured, floor } = options
  try {
    return await measureAbba<Lifecycle>({
      mode: options.mode,
      rounds: options.rounds,
      roundMs: options.roundMs,
      sideName: options.sideName,
      measured: async (batch) => {
        await measured.run(batch)
      },
      raw: async (batch) => {
        await floor.run(batch)
      },
      prepare: async (done, count) => planLifecycles(done + 1, count),
      check: async (done) => {
        await measured.check(done)
        await floor.check(done)
      },
      warmCount: Math.max(20, options.concurrency * 2),
      log: options.log,
    })
  } finally {
    await measured.close()
    await floor.close()
  }
}

/** The smoke run of two sides: 16 lifecycles by their clients on each, both checked, both closed. */
export async function smokeClientSides(measured: ClientsSide, floor: ClientsSide): Promise<number> {
  try {
    const lifecycles = planLifecycles(1, 16)
    await measured.run(lifecycles)
    await floor.run(lifecycles)
    await measured.check(16)
    await floor.check(16)
    return lifecycles.length
  } finally {
    await measured.close()
    await floor.close()
  }
}

/** Group commit on against off, `concurrency` clients, ABBA rounds. */
export async function runGroupCommitBench(
  options: GroupCommitOptions,
  log: (line: string) => void = console.log,
): Promise<ModeResult> {
  const folder = mkdtempSync(join(tmpdir(), "motcua-bench-group-"))
  try {
    const result = await measureClientSides({
      mode: "sqlite-full",
      rounds: options.rounds,
      roundMs: options.roundMs,
      concurrency: options.concurrency,
      sideName: "group commit",
      measured: await side(folder, "group-commit", options.group, options.concurrency),
      floor: await side(folder, "one-commit-each", undefined, options.concurrency),
      log,
    })
    const { maxBatch, maxWaitMs } = options.group
    return {
      ...result,
      label: `SQLite FULL, ${options.concurrency} clients, batch ≤ ${maxBatch}, wait ≤ ${maxWaitMs} ms`,
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

/** The smoke run: a few lifecycles per side with 8 clients, the row and chain checks, no timing. */
export async function smokeGroupCommit(): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), "motcua-bench-group-smoke-"))
  try {
    return await smokeClientSides(
      await side(folder, "group-commit", { maxBatch: 8, maxWaitMs: 1 }, 8),
      await side(folder, "one-commit-each", undefined, 8),
    )
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
