// Contract targets over SQL: helpers shared by the SQLite and PostgreSQL test files.
import { rm } from "node:fs/promises"
import { canonicalJson, GENESIS_HASH, type StoragePorts } from "@motcua/application"
import { Effect, type Layer, ManagedRuntime } from "effect"
import { sql } from "kysely"
import type { OpenedStorage } from "./contract.test-support.ts"
import { SqlDatabase } from "./layers.ts"

type SqlLayer = Layer.Layer<StoragePorts | SqlDatabase, unknown>

const TABLES = [
  "digitised_paper",
  "payment_request",
  "payment_message",
  "payment_confirmation",
  "payment_balance",
  "refund",
  "receipt_series",
  "receipt",
  "sla_notice",
  "petition",
  "dossier_rating",
  "dossier_synced",
  "indicator_fact",
  "document",
  "audit_entry",
  "outbox",
  "idempotency",
  "daily_sequence",
  "dossier_owner",
  "dossier",
] as const

/** Opens two runtimes on one database (two connections or pools) and the tampering hooks of the contract. */
export async function openSqlTarget(
  first: SqlLayer,
  second: SqlLayer,
  cleanup: () => Promise<void>,
): Promise<OpenedStorage> {
  const runtime = ManagedRuntime.make(first)
  const database = await runtime.runPromise(SqlDatabase.useSync((d) => d))
  const secondRuntime = ManagedRuntime.make(second)
  await secondRuntime.runPromise(Effect.void)
  const { db } = database
  return {
    runtime,
    second: secondRuntime,
    reset: async () => {
      for (const table of TABLES) await sql`delete from ${sql.table(table)}`.execute(db)
      await db.updateTable("audit_head").set({ last_seq: 0, last_hash: GENESIS_HASH }).where("id", "=", 1).execute()
      await rm(database.documentsDir, { recursive: true, force: true })
    },
    editAuditEntry: async (seq, detailJson) => {
      await sql`update audit_entry set detail = ${detailJson} where seq = ${seq}`.execute(db)
    },
    deleteAuditEntry: async (seq) => {
      await sql`delete from audit_entry where seq = ${seq}`.execute(db)
    },
    insertAuditEntry: async (e) => {
      await sql`insert into audit_entry (seq, at, dossier_code, actor, action, detail, prev_hash, hash)
        values (${e.seq}, ${e.at}, ${e.dossierCode}, ${e.actor}, ${e.action}, ${canonicalJson(e.detail)}, ${e.prevHash}, ${e.hash})`.execute(
        db,
      )
    },
    close: async () => {
      await secondRuntime.dispose()
      await runtime.dispose()
      await cleanup()
    },
  }
}
