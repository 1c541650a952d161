// The PostgreSQL commit benchmark (pg-commit.bench.ts), issue 13 §2's question for PostgreSQL: does the server's own
// group commit — `commit_delay` (µs a committing transaction waits so that others' commits share its WAL flush) when
// at least `commit_siblings` other transactions are open — earn what group commit earns SQLite? The storage lifecycle
// (storage-lifecycle.ts, as group-commit.ts runs it) by C concurrent clients through the SQL adapter, each side on a
// fresh database of one durable server (fsync and synchronous_commit on: scripts/postgres.sh with
// MOTCUA_PG_DURABLE=1): measured with the delay set on its connections, the floor with the server's default (no
// delay), ABBA rounds. After every round each side must hold exactly the rows its lifecycles wrote and its audit
// chain must verify, and the measured side's connections must show the delay (or the run measured nothing).
import { AuditLog } from "@motcua/application"
import { SqlDatabase, SqlStorage } from "@motcua/storage-sql"
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

export interface PgCommitOptions {
  /** A server URL (the databases are created on it and dropped after). */
  readonly url: string
  readonly rounds: number
  readonly roundMs: number
  readonly concurrency: number
  readonly delay: CommitDelay
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
  delay: CommitDelay | undefined,
  concurrency: number,
): Promise<ClientsSide> {
  const fresh = await freshPostgresDatabase(serverUrl, `motcua_bench_${name}`)
  const url = delay === undefined ? fresh.url : withCommitDelay(fresh.url, delay)
  // one connection per client, so that every client's transaction is open at once (siblings to wait for)
  const runtime = ManagedRuntime.make(SqlStorage.layerPostgres({ url, maxConnections: concurrency }))
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

/** The delay on against the server's default, `concurrency` clients, ABBA rounds. */
export async function runPgCommitBench(
  options: PgCommitOptions,
  log: (line: string) => void = console.log,
): Promise<ModeResult> {
  const result = await measureClientSides({
    mode: "pg",
    rounds: options.rounds,
    roundMs: options.roundMs,
    concurrency: options.concurrency,
    sideName: "commit_delay",
    measured: await side(options.url, "commit_delay", options.delay, options.concurrency),
    floor: await side(options.url, "no_delay", undefined, options.concurrency),
    log,
  })
  const { delayUs, siblings } = options.delay
  return {
    ...result,
    label: `PostgreSQL durable, ${options.concurrency} clients, commit_delay ${delayUs} µs, siblings ${siblings}`,
  }
}

/** The smoke run: 16 lifecycles by 8 clients on each side, the delay shown on the connections, rows and chains checked. */
export async function smokePgCommit(url: string): Promise<number> {
  return smokeClientSides(
    await side(url, "commit_delay", { delayUs: 200, siblings: 2 }, 8),
    await side(url, "no_delay", undefined, 8),
  )
}
