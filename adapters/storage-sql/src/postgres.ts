// PostgreSQL through a pg.Pool: several API instances may share one server (outbox rows are claimed with
// FOR UPDATE SKIP LOCKED, dossier writes are checked by version, audit appends are serialised by the head row lock).
import { Kysely, PostgresDialect } from "kysely"
import pg from "pg"
import type { GroupCommit } from "./group-commit.ts"
import type { DB } from "./schema.ts"

export interface PostgresOptions {
  /** postgres://user@host:port/database */
  readonly url: string
  /** Pool size. Default 10. */
  readonly maxConnections?: number
  /**
   * Commit concurrent operations together (postgres-group-commit.ts): one connection of the pool runs them in one
   * transaction. Default: off, one COMMIT per operation.
   */
  readonly groupCommit?: GroupCommit
}

const INT8_OID = 20

/** bigint columns (money in đồng, sequence numbers, ids) as JS numbers, refusing any beyond 2^53 rather than rounding. */
function parseInt8(text: string): number {
  const value = Number(text)
  if (!Number.isSafeInteger(value)) throw new RangeError(`bigint ${text} does not fit a JavaScript number`)
  return value
}

const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
}

/** Swallows a held client's connection error: see `guardHeldClients`. */
const ignoreHeldClientError = (): void => {}

/**
 * A client checked out of the pool has no 'error' listener of the pool's (pg-pool attaches its own only while the
 * client is idle), and pg emits 'error' on a client whose connection dies (backend terminated, ECONNRESET, server
 * restart) even while a query runs — the query fails too. Kysely holds clients this way for every query and for a
 * whole transaction, so without a listener that 'error' would be an uncaught exception. The listener is attached
 * for the time the client is held; the query that meets the broken connection fails (StoreUnavailable), and the
 * pool discards a client that is no longer queryable when it comes back.
 */
function guardHeldClients(pool: pg.Pool): void {
  pool.on("acquire", (client) => {
    client.on("error", ignoreHeldClientError)
  })
  pool.on("release", (_error, client) => {
    client.removeListener("error", ignoreHeldClientError)
  })
}

export function openPostgres(options: PostgresOptions): { readonly db: Kysely<DB>; readonly pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10, types })
  // An idle client losing its connection (server restart) is dropped by the pool; without a listener the 'error'
  // event would end the process. Queries after that fail and are reported as StoreUnavailable.
  pool.on("error", () => {})
  guardHeldClients(pool)
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  return { db, pool }
}
