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
import { type ModeResult, measureAbba } from "../harness/abba.ts"
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

async function side(folder: string, name: string, group: GroupCommit | undefined, concurrency: number) {
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

/** Group commit on against off, `concurrency` clients, ABBA rounds. */
export async function runGroupCommitBench(
  options: GroupCommitOptions,
  log: (line: string) => void = console.log,
): Promise<ModeResult> {
  const folder = mkdtempSync(join(tmpdir(), "motcua-bench-group-"))
  const grouped = await side(folder, "group-commit", options.group, options.concurrency)
  const plain = await side(folder, "one-commit-each", undefined, options.concurrency)
  try {
    const result = await measureAbba<Lifecycle>({
      mode: "sqlite-full",
      rounds: options.rounds,
      roundMs: options.roundMs,
      sideName: "group commit",
      measured: grouped.run,
      raw: plain.run,
      prepare: async (done, count) => planLifecycles(done + 1, count),
      check: async (done) => {
        await grouped.check(done)
        await plain.check(done)
      },
      warmCount: Math.max(20, options.concurrency * 2),
      log,
    })
    const { maxBatch, maxWaitMs } = options.group
    return {
      ...result,
      label: `SQLite FULL, ${options.concurrency} clients, batch ≤ ${maxBatch}, wait ≤ ${maxWaitMs} ms`,
    }
  } finally {
    await grouped.close()
    await plain.close()
    rmSync(folder, { recursive: true, force: true })
  }
}

/** The smoke run: a few lifecycles per side with 8 clients, the row and chain checks, no timing. */
export async function smokeGroupCommit(): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), "motcua-bench-group-smoke-"))
  const grouped = await side(folder, "group-commit", { maxBatch: 8, maxWaitMs: 1 }, 8)
  const plain = await side(folder, "one-commit-each", undefined, 8)
  try {
    const lifecycles = planLifecycles(1, 16)
    await grouped.run(lifecycles)
    await plain.run(lifecycles)
    await grouped.check(16)
    await plain.check(16)
    return lifecycles.length
  } finally {
    await grouped.close()
    await plain.close()
    rmSync(folder, { recursive: true, force: true })
  }
}
