// The PostgreSQL commit benchmark (pg-commit.bench.ts), issue 13 §2's question for PostgreSQL: what earns there what
// group commit earns SQLite? Two candidates, each against plain commits (one COMMIT per operation, the server's
// defaults):
// - the server's own group commit, `commit_delay` (µs a committing transaction waits so that others' commits share
//   its WAL flush) when at least `commit_siblings` other transactions are open, set on the measured side's
//   connections (which must show it, or the run measured nothing);
// - the adapter's group commit (postgres-group-commit.ts): concurrent operations in one transaction on one
//   connection, a savepoint each, one COMMIT a batch.
// The storage lifecycle (storage-lifecycle.ts, as group-commit.ts runs it) by C concurrent clients through the SQL
// adapter, each side on a fresh database of one durable server (fsync and synchronous_commit on: scripts/postgres.sh
// with MOTCUA_PG_DURABLE=1), ABBA rounds. After every round each side must hold exactly the rows its lifecycles
// wrote and its audit chain must verify.
import { AuditLog } from "@motcua/application"
import { type GroupCommit, SqlDatabase, SqlStorage } from "@motcua/storage-sql"
import { freshPostgresDatabase } from "@motcua/storage-sql/testing"
import { Effect, ManagedRuntime } from "effect"
import { sql } from "kysely"
import type { ModeResult } from "../harness/abba.ts"
import { checkRows, countRows, RowsLost } from "../harness/rows.ts"
import { type ClientsSide, lifecycleOfClient, measureClientSides, smokeClientSides } from "./group-commit.ts"
import { type Lifecycle, STORAGE_ROWS } from "./storage-lifecycle.ts"

export interface CommitDelay {
  /** Microseconds (PostgreSQL's `commit_delay`, 0–100000). */
  readonly delayUs: number
  /** Other open transactions needed before a commit waits (`commit_siblings`). */
  readonly siblings: number
}

/** What the measured side does differently from plain commits. */
export type CommitSetting =
  | { readonly kind: "commit_delay"; readonly delay: CommitDelay }
  | { readonly kind: "group_commit"; readonly group: GroupCommit }

export interface PgCommitOptions {
  /** A server URL (the databases are created on it and dropped after). */
  readonly url: string
  readonly rounds: number
  readonly roundMs: number
  readonly concurrency: number
  readonly setting: CommitSetting
}

/** The URL with the delay set on every connection (libpq's `options`: `-c commit_delay=… -c commit_siblings=…`). */
export function withCommitDelay(url: string, delay: CommitDelay): string {
  const target = new URL(url)
  target.searchParams.set("options", `-c commit_delay=${delay.delayUs} -c commit_siblings=${delay.siblings}`)
  return target.toString()
}

async function side(
  serverUrl: string,
  name: string,
  setting: CommitSetting | undefined,
  concurrency: number,
): Promise<ClientsSide> {
  const fresh = await freshPostgresDatabase(serverUrl, `motcua_bench_${name}`)
  const delay = setting?.kind === "commit_delay" ? setting.delay : undefined
  const url = delay === undefined ? fresh.url : withCommitDelay(fresh.url, delay)
  // one connection per client, so that every client's transaction is open at once (siblings to wait for)
  const runtime = ManagedRuntime.make(
    SqlStorage.layerPostgres({
      url,
      maxConnections: concurrency,
      ...(setting?.kind === "group_commit" ? { groupCommit: setting.group } : {}),
    }),
  )
  const { db } = await runtime.runPromise(SqlDatabase.useSync((d) => d))
  const shown = await sql<{ commit_delay: string }>`show commit_delay`.execute(db)
  const expected = delay === undefined ? "0" : String(delay.delayUs)
  if (shown.rows[0]?.commit_delay !== expected)
    throw new Error(`${name}: commit_delay is ${shown.rows[0]?.commit_delay} on its connections, expected ${expected}`)
  return {
    run: (batch: ReadonlyArray<Lifecycle>) =>
      runtime.runPromise(Effect.forEach(batch, lifecycleOfClient, { concurrency, discard: true })),
    check: async (done: number) => {
      checkRows(name, await countRows(db), done, STORAGE_ROWS)
      const chain = await runtime.runPromise(AuditLog.use((log) => log.verifyChain()))
      if (chain._tag !== "Intact") throw new RowsLost(`${name}: the audit chain does not verify (${chain._tag})`)
    },
    close: async () => {
      await runtime.dispose()
      await fresh.drop()
    },
  }
}

/** The setting on against plain commits, `concurrency` clients, ABBA rounds. */
export async function runPgCommitBench(
  options: PgCommitOptions,
  log: (line: string) => void = console.log,
): Promise<ModeResult> {
  const { setting } = options
  const result = await measureClientSides({
    mode: "pg",
    rounds: options.rounds,
    roundMs: options.roundMs,
    concurrency: options.concurrency,
    sideName: setting.kind,
    measured: await side(options.url, setting.kind, setting, options.concurrency),
    floor: await side(options.url, "plain", undefined, options.concurrency),
    log,
  })
  const what =
    setting.kind === "commit_delay"
      ? `commit_delay ${setting.delay.delayUs} µs, siblings ${setting.delay.siblings}`
      : `group commit, batches of ≤ ${setting.group.maxBatch}, wait ${setting.group.maxWaitMs} ms`
  return { ...result, label: `PostgreSQL durable, ${options.concurrency} clients, ${what}` }
}

/**
 * The smoke run: 16 lifecycles by 8 clients on each side of both comparisons, the delay shown on the connections,
 * rows and chains checked. Returns the lifecycles run.
 */
export async function smokePgCommit(url: string): Promise<number> {
  const delayed = await smokeClientSides(
    await side(url, "commit_delay", { kind: "commit_delay", delay: { delayUs: 200, siblings: 2 } }, 8),
    await side(url, "plain", undefined, 8),
  )
  const grouped = await smokeClientSides(
    await side(url, "group_commit", { kind: "group_commit", group: { maxBatch: 8, maxWaitMs: 0 } }, 8),
    await side(url, "plain", undefined, 8),
  )
  return delayed + grouped
}
