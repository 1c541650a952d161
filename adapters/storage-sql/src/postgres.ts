// PostgreSQL through a pg.Pool: several API instances may share one server (outbox rows are claimed with
// FOR UPDATE SKIP LOCKED, dossier writes are checked by version, audit appends are serialised by the head row lock).
import { Kysely, PostgresDialect } from "kysely"
import pg from "pg"
import type { DB } from "./schema.ts"

export interface PostgresOptions {
  /** postgres://user@host:port/database */
  readonly url: string
  /** Pool size. Default 10. */
  readonly maxConnections?: number
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

export function openPostgres(options: PostgresOptions): { readonly db: Kysely<DB>; readonly pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10, types })
  // An idle client losing its connection (server restart) is dropped by the pool; without a listener the 'error'
  // event would end the process. Queries after that fail and are reported as StoreUnavailable.
  pool.on("error", () => {})
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  return { db, pool }
}
