// In-code migrations (kysely/migration with a provider object: nothing is read from the file system, so the
// migrations ship inside the package and run the same from the CLI, the API and the tests). Append new migrations;
// never edit one that has been released. Names sort in the order they run.
import { type Kysely, sql } from "kysely"
import { type Migration, Migrator } from "kysely/migration"
import type { Dialect } from "./schema.ts"

export function migrations(dialect: Dialect): Record<string, Migration> {
  // The few places where the dialects differ: integer width and how an id is generated.
  const bigint = dialect === "postgres" ? "bigint" : "integer"
  return {
    "2026-11-23-001-storage": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("dossier")
          .addColumn("code", "text", (c) => c.primaryKey())
          .addColumn("version", "integer", (c) => c.notNull())
          .addColumn("status_code", "integer", (c) => c.notNull().check(sql`status_code between 1 and 10`))
          .addColumn("state", "text", (c) => c.notNull())
          .addColumn("procedure_code", "text", (c) => c.notNull())
          .addColumn("agency_code", "text", (c) => c.notNull())
          .addColumn("unit_code", "text")
          .addColumn("current_role", "text")
          .addColumn("due_at", "text")
          .addColumn("appointment_at", "text")
          .addColumn("fee_total_dong", bigint, (c) => c.notNull().check(sql`fee_total_dong >= 0`))
          .addColumn("snapshot", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .execute()
        await db.schema.createIndex("dossier_queue").on("dossier").columns(["current_role", "due_at"]).execute()

        await db.schema
          .createTable("audit_entry")
          .addColumn("seq", bigint, (c) => c.primaryKey())
          .addColumn("at", "text", (c) => c.notNull())
          .addColumn("dossier_code", "text")
          .addColumn("actor", "text", (c) => c.notNull())
          .addColumn("action", "text", (c) => c.notNull())
          .addColumn("detail", "text", (c) => c.notNull())
          .addColumn("prev_hash", "text", (c) => c.notNull())
          .addColumn("hash", "text", (c) => c.notNull())
          .execute()
        await db.schema.createIndex("audit_entry_dossier").on("audit_entry").columns(["dossier_code", "seq"]).execute()
        await db.schema
          .createTable("audit_head")
          .addColumn("id", "integer", (c) => c.primaryKey())
          .addColumn("last_seq", bigint, (c) => c.notNull())
          .addColumn("last_hash", "text", (c) => c.notNull())
          .execute()
        await sql`insert into audit_head (id, last_seq, last_hash) values (1, 0, ${"0".repeat(64)})`.execute(db)

        await db.schema
          .createTable("outbox")
          .addColumn("id", dialect === "postgres" ? "bigserial" : "integer", (c) =>
            dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn("topic", "text", (c) => c.notNull())
          .addColumn("dossier_code", "text")
          .addColumn("payload", "text", (c) => c.notNull())
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("attempts", "integer", (c) => c.notNull())
          .addColumn("available_at", "text", (c) => c.notNull())
          .addColumn("claimed_by", "text")
          .addColumn("lease_until", "text")
          .addColumn("last_error", "text")
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("completed_at", "text")
          .execute()
        await db.schema.createIndex("outbox_due").on("outbox").columns(["status", "available_at", "id"]).execute()

        await db.schema
          .createTable("idempotency")
          .addColumn("scope", "text", (c) => c.notNull())
          .addColumn("idem_key", "text", (c) => c.notNull())
          .addColumn("request_hash", "text", (c) => c.notNull())
          .addColumn("response", "text")
          .addColumn("created_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("idempotency_pk", ["scope", "idem_key"])
          .execute()

        await db.schema
          .createTable("daily_sequence")
          .addColumn("agency_code", "text", (c) => c.notNull())
          .addColumn("day", "text", (c) => c.notNull())
          .addColumn("value", "integer", (c) => c.notNull())
          .addPrimaryKeyConstraint("daily_sequence_pk", ["agency_code", "day"])
          .execute()

        await db.schema
          .createTable("document")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("sha256", "text", (c) => c.notNull())
          .addColumn("size", bigint, (c) => c.notNull())
          .addColumn("media_type", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("dossier_code", "text", (c) => c.references("dossier.code"))
          .addColumn("attached_at", "text")
          .execute()
        await db.schema
          .createIndex("document_dossier")
          .on("document")
          .columns(["dossier_code", "attached_at"])
          .execute()
        await db.schema.createIndex("document_staged").on("document").columns(["created_at"]).execute()
      },
    },
    // Appended by the API work (apps/api, accounts.ts): officers' local accounts, their sessions and integration
    // clients' API keys, used by SqlAccountStore (accounts.ts). Storage engineers: this migration is released with
    // the API; append after it, do not edit it.
    "2026-11-24-001-accounts": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("account")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("username", "text", (c) => c.notNull().unique())
          .addColumn("display_name", "text", (c) => c.notNull())
          .addColumn("roles", "text", (c) => c.notNull())
          .addColumn("scope", "text", (c) => c.notNull())
          .addColumn("password_hash", "text", (c) => c.notNull())
          .addColumn("disabled", "integer", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .execute()
        await db.schema
          .createTable("account_session")
          .addColumn("token_hash", "text", (c) => c.primaryKey())
          .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
          .addColumn("csrf_token", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("expires_at", "text", (c) => c.notNull())
          .execute()
        await db.schema.createIndex("account_session_expiry").on("account_session").column("expires_at").execute()
        await db.schema
          .createTable("api_key")
          .addColumn("key_hash", "text", (c) => c.primaryKey())
          .addColumn("principal_id", "text", (c) => c.notNull())
          .addColumn("display_name", "text", (c) => c.notNull())
          .addColumn("roles", "text", (c) => c.notNull())
          .addColumn("scope", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("revoked", "integer", (c) => c.notNull())
          .execute()
      },
    },
    // Who uploaded each document: the staged-bytes limit per principal counts by it, and only the uploader may
    // attach a staged document. Null for documents staged before this migration (and for uploads without one).
    "2026-11-25-001-document-uploader": {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable("document").addColumn("uploaded_by", "text").execute()
        await db.schema
          .createIndex("document_uploader")
          .on("document")
          .columns(["uploaded_by", "dossier_code"])
          .execute()
      },
    },
    // Webhook subscriptions of embedding systems and every delivery attempt (webhooks.ts).
    "2026-12-04-090-webhooks": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("webhook_subscription")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("owner_id", "text", (c) => c.notNull())
          .addColumn("agency_codes", "text")
          .addColumn("url", "text", (c) => c.notNull())
          .addColumn("event_types", "text", (c) => c.notNull())
          .addColumn("secret", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("consecutive_failures", "integer", (c) => c.notNull())
          .addColumn("disabled_at", "text")
          .execute()
        await db.schema
          .createTable("webhook_attempt")
          .addColumn("id", dialect === "postgres" ? "bigserial" : "integer", (c) => c.primaryKey())
          .addColumn("subscription_id", "text", (c) =>
            c.notNull().references("webhook_subscription.id").onDelete("cascade"),
          )
          .addColumn("event_id", "text", (c) => c.notNull())
          .addColumn("event_type", "text", (c) => c.notNull())
          .addColumn("at", "text", (c) => c.notNull())
          .addColumn("ok", "integer", (c) => c.notNull())
          .addColumn("status", "integer")
          .addColumn("error", "text")
          .addColumn("duration_ms", "integer", (c) => c.notNull())
          .execute()
        await db.schema
          .createIndex("webhook_attempt_event")
          .on("webhook_attempt")
          .columns(["subscription_id", "event_id"])
          .execute()
      },
    },
    // Postal orders for home pick-up and delivery (postal.ts): the order with its history as JSON.
    "2026-12-04-091-postal": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("postal_order")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("dossier_code", "text", (c) => c.notNull())
          .addColumn("tracking_number", "text", (c) => c.unique())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("body", "text", (c) => c.notNull())
          .execute()
        await db.schema.createIndex("postal_order_dossier").on("postal_order").column("dossier_code").execute()
      },
    },
    // Who may list a dossier as theirs ("my dossiers"): the applicant's id number and the filing account, written
    // with the dossier; dossiers stored before this migration get theirs from the snapshot.
    "2026-12-04-093-dossier-owners": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("dossier_owner")
          .addColumn("owner_id", "text", (c) => c.notNull())
          .addColumn("dossier_code", "text", (c) => c.notNull().references("dossier.code").onDelete("cascade"))
          .addColumn("created_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("dossier_owner_pk", ["owner_id", "dossier_code"])
          .execute()
        const field = (path: string) =>
          dialect === "postgres"
            ? `(snapshot::json)#>>'{context,${path}}'`
            : `json_extract(snapshot, '$.context.${path.replace(",", ".")}')`
        for (const path of ["applicant,id", "filedBy,id"])
          await sql
            .raw(
              `insert into dossier_owner (owner_id, dossier_code, created_at)
               select ${field(path)}, code, created_at from dossier where ${field(path)} is not null
               on conflict do nothing`,
            )
            .execute(db)
      },
    },
    // Failed sign-in counts per username and per client address (sign-in-failures.ts), shared by every instance on
    // the database. Times in epoch milliseconds.
    "2026-12-04-010-sign-in-failures": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("sign_in_failure")
          .addColumn("key", "text", (c) => c.primaryKey())
          .addColumn("failures", "integer", (c) => c.notNull())
          .addColumn("since_ms", bigint, (c) => c.notNull())
          .addColumn("locked_until_ms", bigint, (c) => c.notNull())
          .execute()
      },
    },
    // Signed results by verification id (issued-results.ts): what the public verification page reads. The record's
    // fixed part is JSON; status and revocation are columns, changed by one conditional update.
    "2026-12-05-001-issued-results": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("issued_result")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("dossier_code", "text", (c) => c.notNull())
          .addColumn("signed_at", "text", (c) => c.notNull())
          .addColumn("record", "text", (c) => c.notNull())
          .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('valid', 'revoked')`))
          .addColumn("revoked_at", "text")
          .addColumn("revoked_by", "text")
          .addColumn("revocation_reason", "text")
          .execute()
        await db.schema.createIndex("issued_result_dossier").on("issued_result").columns(["dossier_code"]).execute()
      },
    },
  }
}

export interface MigrationOutcome {
  /** Migrations run now, in order. */
  readonly applied: ReadonlyArray<string>
  /** Every migration the schema has, in name order. */
  readonly known: ReadonlyArray<string>
}

/**
 * Brings the schema to the latest migration and says which ones ran; throws the failed migration's error. The one
 * migration runner: the storage layer runs it when it opens a database, `motcua migrate` runs it on demand.
 */
export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect): Promise<MigrationOutcome> {
  // Unordered: features developed side by side append migrations whose names need not sort after every one a
  // database has already run (they touch separate tables); each still runs once.
  const provided = migrations(dialect)
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => provided },
    allowUnorderedMigrations: true,
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName
    throw new Error(
      `migration ${failed ?? "(unknown)"} failed: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    )
  }
  return {
    applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName),
    known: Object.keys(provided).sort(),
  }
}
