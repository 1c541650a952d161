// In-code migrations (kysely/migration with a provider object: nothing is read from the file system, so the
// migrations ship inside the package and run the same from the CLI, the API and the tests). Append new migrations;
// never edit one that has been released. Names sort in the order they run.
import { type CreateTableBuilder, type Kysely, sql } from "kysely"
import { type Migration, Migrator } from "kysely/migration"
import { fillReportFacts } from "./indicators.ts"
import type { DB, Dialect } from "./schema.ts"

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
    // The payment requests the gateway made for each dossier (payment-requests.ts), shown on the dossier.
    "2026-12-04-120-payment-links": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("payment_link")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("dossier_code", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("body", "text", (c) => c.notNull())
          .execute()
        await db.schema.createIndex("payment_link_dossier").on("payment_link").column("dossier_code").execute()
      },
    },
    // What became of each notice per channel, and each account's chosen channels (notifications.ts).
    "2026-12-04-125-notifications": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("notification_delivery")
          .addColumn("notification_id", "text", (c) => c.notNull())
          .addColumn("channel", "text", (c) => c.notNull())
          .addColumn("dossier_code", "text", (c) => c.notNull())
          .addColumn("message_id", "text")
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .addColumn("body", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("notification_delivery_pk", ["notification_id", "channel"])
          .execute()
        await db.schema
          .createIndex("notification_delivery_dossier")
          .on("notification_delivery")
          .column("dossier_code")
          .execute()
        await db.schema
          .createIndex("notification_delivery_message")
          .on("notification_delivery")
          .column("message_id")
          .execute()
        await db.schema
          .createTable("notification_preference")
          .addColumn("account_id", "text", (c) => c.primaryKey())
          .addColumn("channels", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .execute()
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
    // Outbox rows delivered in order per key (a dossier's portal sync: a progress update only after its record),
    // and when each row first became due, for the relay's lag (outbox.ts).
    "2026-12-04-170-outbox-ordering": {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable("outbox").addColumn("ordering_key", "text").execute()
        await db.schema.alterTable("outbox").addColumn("due_at", "text").execute()
        await sql`update outbox set due_at = available_at`.execute(db)
        // Partial indexes over the rows still to deliver: done rows pile up (they are the delivery record), and the
        // claim (every pass, and in a continuous relay every time a delivery ends) must not read them.
        await sql`create index outbox_open on outbox (id) where status in ('pending', 'claimed')`.execute(db)
        await sql`create index outbox_ordering_open on outbox (ordering_key, id) where status <> 'done'`.execute(db)
        await sql`create index outbox_attempts_open on outbox (attempts) where status in ('pending', 'claimed')`.execute(
          db,
        )
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
    // The payments ledger (payments.ts): requests, the message log, confirmations, each dossier's balance, refunds,
    // e-receipts and the receipt series counters. Records as JSON in `body`, with what they are found by in columns;
    // instants in columns are UTC ISO text (they sort as text). The constraints are the money rules' last line:
    // one message per (channel, key), one confirmation per payment id, refunds never above what was paid, one
    // receipt per (centre, series, number).
    "2026-12-04-180-payments": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("payment_request")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("reference", "text", (c) => c.notNull().unique())
          .addColumn("dossier_code", "text", (c) => c.notNull())
          .addColumn("centre_id", "text", (c) => c.notNull())
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("paid_at", "text")
          .addColumn("body", "text", (c) => c.notNull())
          .execute()
        await db.schema.createIndex("payment_request_dossier").on("payment_request").column("dossier_code").execute()
        await db.schema
          .createIndex("payment_request_pending")
          .on("payment_request")
          .columns(["status", "created_at"])
          .execute()
        await db.schema
          .createIndex("payment_request_centre")
          .on("payment_request")
          .columns(["centre_id", "created_at"])
          .execute()
        await db.schema
          .createTable("payment_message")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("channel", "text", (c) => c.notNull())
          .addColumn("msg_key", "text")
          .addColumn("received_at", "text", (c) => c.notNull())
          .addColumn("outcome", "text", (c) => c.notNull())
          .addColumn("centre_id", "text")
          .addColumn("unresolved", "integer", (c) => c.notNull())
          .addColumn("body", "text", (c) => c.notNull())
          .execute()
        await db.schema
          .createIndex("payment_message_key")
          .on("payment_message")
          .columns(["channel", "msg_key"])
          .unique()
          .execute()
        await db.schema
          .createIndex("payment_message_centre")
          .on("payment_message")
          .columns(["centre_id", "received_at"])
          .execute()
        await db.schema
          .createTable("payment_confirmation")
          .addColumn("payment_id", "text", (c) => c.primaryKey())
          .addColumn("dossier_code", "text", (c) => c.notNull())
          .addColumn("centre_id", "text", (c) => c.notNull())
          .addColumn("paid_at", "text", (c) => c.notNull())
          .addColumn("body", "text", (c) => c.notNull())
          .execute()
        await db.schema
          .createIndex("payment_confirmation_dossier")
          .on("payment_confirmation")
          .column("dossier_code")
          .execute()
        await db.schema
          .createIndex("payment_confirmation_centre")
          .on("payment_confirmation")
          .columns(["centre_id", "paid_at"])
          .execute()
        await db.schema
          .createTable("payment_balance")
          .addColumn("dossier_code", "text", (c) => c.primaryKey())
          .addColumn("paid", bigint, (c) => c.notNull())
          .addColumn("refunded", bigint, (c) => c.notNull())
          .addCheckConstraint("payment_balance_refunds", sql`refunded >= 0 and refunded <= paid`)
          .execute()
        await db.schema
          .createTable("refund")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("dossier_code", "text")
          .addColumn("centre_id", "text", (c) => c.notNull())
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("requested_at", "text", (c) => c.notNull())
          .addColumn("body", "text", (c) => c.notNull())
          .execute()
        await db.schema.createIndex("refund_dossier").on("refund").column("dossier_code").execute()
        await db.schema.createIndex("refund_centre").on("refund").columns(["centre_id", "status"]).execute()
        await db.schema
          .createTable("receipt_series")
          .addColumn("centre_id", "text", (c) => c.notNull())
          .addColumn("series", "text", (c) => c.notNull())
          .addColumn("last_number", "integer", (c) => c.notNull())
          .addPrimaryKeyConstraint("receipt_series_pk", ["centre_id", "series"])
          .execute()
        await db.schema
          .createTable("receipt")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("centre_id", "text", (c) => c.notNull())
          .addColumn("series", "text", (c) => c.notNull())
          .addColumn("number", "integer", (c) => c.notNull())
          .addColumn("dossier_code", "text", (c) => c.notNull())
          .addColumn("issued_at", "text", (c) => c.notNull())
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("body", "text", (c) => c.notNull())
          .addUniqueConstraint("receipt_number", ["centre_id", "series", "number"])
          .execute()
        await db.schema.createIndex("receipt_dossier").on("receipt").column("dossier_code").execute()
        await db.schema.createIndex("receipt_centre").on("receipt").columns(["centre_id", "issued_at"]).execute()
      },
    },
    // The citizen's e-wallet (wallet.ts): one row per paper or result, its bytes in the row (a wallet outlives any
    // dossier, so its documents are not the document store's staged files).
    "2026-12-04-160-wallet": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("wallet_entry")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("owner_id", "text", (c) => c.notNull())
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("document_type", "text", (c) => c.notNull())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("media_type", "text", (c) => c.notNull())
          .addColumn("size", bigint, (c) => c.notNull())
          .addColumn("sha256", "text", (c) => c.notNull())
          .addColumn("valid_from", "text")
          .addColumn("valid_until", "text")
          .addColumn("dossier_code", "text")
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("content", dialect === "postgres" ? "bytea" : "blob", (c) => c.notNull())
          .execute()
        await db.schema
          .createIndex("wallet_entry_owner")
          .on("wallet_entry")
          .columns(["owner_id", "created_at"])
          .execute()
      },
    },
    // The quality work (issue 15): each dossier's facts for the Decision 766 index (a cache rebuilt from the
    // snapshots: indicators.ts), the dossiers whose record reached the national portal, citizens' ratings and
    // petitions (feedback.ts), and the service-level notices recorded once each (sla.ts). Flags are integers 0/1.
    "2026-12-04-150-quality": {
      async up(db: Kysely<unknown>) {
        const flag = (name: string) => (t: CreateTableBuilder<string, never>) =>
          t.addColumn(name, "integer", (c) => c.notNull().check(sql.raw(`${name} in (0, 1)`)))
        let facts = db.schema
          .createTable("indicator_fact")
          .addColumn("code", "text", (c) => c.primaryKey().references("dossier.code").onDelete("cascade"))
          .addColumn("version", "integer", (c) => c.notNull())
          .addColumn("agency_code", "text", (c) => c.notNull())
          .addColumn("unit_code", "text")
          .addColumn("procedure_code", "text", (c) => c.notNull())
          .addColumn("channel", "text", (c) => c.notNull())
          .addColumn("standing", "text", (c) => c.notNull())
          .addColumn("received_at", "text", (c) => c.notNull())
          .addColumn("accepted_at", "text")
          .addColumn("ended_at", "text")
          .addColumn("appointment_at", "text")
          .addColumn("late_marked_at", "text")
          .addColumn("paused_since", "text")
          .addColumn("handling_minutes", bigint)
        for (const name of [
          "electronic_result",
          "digitised",
          "reused_data",
          "verified_account",
          "fee_due",
          "paid_online",
        ])
          facts = flag(name)(facts as CreateTableBuilder<string, never>) as typeof facts
        await facts.execute()
        await db.schema.createIndex("indicator_fact_received").on("indicator_fact").column("received_at").execute()

        await db.schema
          .createTable("dossier_synced")
          .addColumn("dossier_code", "text", (c) => c.primaryKey().references("dossier.code").onDelete("cascade"))
          .addColumn("synced_at", "text", (c) => c.notNull())
          .execute()

        await db.schema
          .createTable("dossier_rating")
          .addColumn("dossier_code", "text", (c) => c.primaryKey().references("dossier.code").onDelete("cascade"))
          .addColumn("rater_id", "text", (c) => c.notNull())
          .addColumn("at", "text", (c) => c.notNull())
          .addColumn("access", "integer", (c) => c.notNull().check(sql`access between 1 and 5`))
          .addColumn("procedure", "integer", (c) => c.notNull().check(sql`procedure between 1 and 5`))
          .addColumn("officer", "integer", (c) => c.notNull().check(sql`officer between 1 and 5`))
          .addColumn("result", "integer", (c) => c.notNull().check(sql`result between 1 and 5`))
          .addColumn("liked", "integer", (c) => c.notNull().check(sql`liked in (0, 1)`))
          .addColumn("comment", "text")
          .execute()

        await db.schema
          .createTable("petition")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("version", "integer", (c) => c.notNull())
          .addColumn("sender_id", "text", (c) => c.notNull())
          .addColumn("agency_code", "text", (c) => c.notNull())
          .addColumn("unit_code", "text")
          .addColumn("procedure_code", "text")
          .addColumn("dossier_code", "text")
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("sent_at", "text", (c) => c.notNull())
          .addColumn("classified", "integer", (c) => c.notNull())
          .addColumn("ended_at", "text")
          .addColumn("due_at", "text", (c) => c.notNull())
          .addColumn("late_at", "text")
          .addColumn("not_satisfied", "integer", (c) => c.notNull())
          .addColumn("re_petitioned", "integer", (c) => c.notNull())
          .addColumn("body", "text", (c) => c.notNull())
          .execute()
        await db.schema.createIndex("petition_sent").on("petition").columns(["sent_at", "id"]).execute()
        await db.schema.createIndex("petition_dossier").on("petition").column("dossier_code").execute()
        await db.schema.createIndex("petition_sender").on("petition").columns(["sender_id", "sent_at"]).execute()

        await db.schema
          .createTable("sla_notice")
          .addColumn("dossier_code", "text", (c) => c.notNull().references("dossier.code").onDelete("cascade"))
          .addColumn("subject", "text", (c) => c.notNull())
          /** '' for a notice about the dossier's appointment. */
          .addColumn("step_id", "text", (c) => c.notNull())
          .addColumn("due_at", "text", (c) => c.notNull())
          .addColumn("threshold", "text", (c) => c.notNull())
          .addColumn("at", "text", (c) => c.notNull())
          .addColumn("role", "text", (c) => c.notNull())
          .addColumn("assignee_id", "text")
          .addColumn("agency_code", "text", (c) => c.notNull())
          .addColumn("unit_code", "text")
          .addPrimaryKeyConstraint("sla_notice_pk", ["dossier_code", "subject", "step_id", "due_at", "threshold"])
          .execute()
        await db.schema.createIndex("sla_notice_assignee").on("sla_notice").columns(["assignee_id", "at"]).execute()
        await db.schema.createIndex("sla_notice_role").on("sla_notice").columns(["role", "agency_code", "at"]).execute()
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
    // Auditors list the audit entries of one person (the reads of personal data they made, issue 14): by actor.
    "2026-12-06-140-audit-actor": {
      async up(db: Kysely<unknown>) {
        await db.schema.createIndex("audit_entry_actor").on("audit_entry").columns(["actor", "seq"]).execute()
      },
    },
    // Which dossiers' index facts may be stale, kept by the database itself: a trigger marks a dossier when it is
    // created and whenever its version moves (in the writing transaction, whoever writes), and saving facts that
    // are current unmarks it. A report's check then costs the dossiers changed since the last one, not the whole
    // store (indicators.ts `stale`; the 1,000,000-dossier benchmark). The dossiers stale now are marked here.
    "2026-12-06-141-indicator-dirty": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("indicator_dirty")
          .addColumn("code", "text", (c) => c.primaryKey())
          .execute()
        if (dialect === "postgres") {
          await sql`create function motcua_indicator_dirty() returns trigger language plpgsql as $$
            begin
              insert into indicator_dirty (code) values (new.code) on conflict (code) do nothing;
              return null;
            end $$`.execute(db)
          await sql`create trigger dossier_indicator_dirty after insert or update of version on dossier
            for each row execute function motcua_indicator_dirty()`.execute(db)
        } else {
          await sql`create trigger dossier_indicator_dirty_insert after insert on dossier
            begin insert or ignore into indicator_dirty (code) values (new.code); end`.execute(db)
          await sql`create trigger dossier_indicator_dirty_update after update of version on dossier
            begin insert or ignore into indicator_dirty (code) values (new.code); end`.execute(db)
        }
        await sql`insert into indicator_dirty (code)
          select d.code from dossier d left join indicator_fact f on f.code = d.code
          where f.code is null or f.version < d.version`.execute(db)
      },
    },
    // The payment links the relay kept for each dossier ("2026-12-04-120-payment-links") are retired: a dossier's
    // payment requests are the payments ledger's (payment_request), which the filing's request now opens. The links
    // were only what the development gateway answered (no money moved through them), so nothing is carried over.
    "2026-12-06-090-drop-payment-link": {
      async up(db: Kysely<unknown>) {
        await db.schema.dropIndex("payment_link_dossier").ifExists().execute()
        await db.schema.dropTable("payment_link").ifExists().execute()
      },
    },
    // A refund's transfer back (payments.ts's payRefund): the bank reference in a column, one refund per reference
    // and centre (NULL, not paid out yet, is not a value the index compares).
    "2026-12-06-091-refund-payout": {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable("refund").addColumn("payout_reference", "text").execute()
        await db.schema
          .createIndex("refund_payout_reference")
          .on("refund")
          .columns(["centre_id", "payout_reference"])
          .unique()
          .execute()
      },
    },
    // What the tax authority's e-invoice system made of a receipt (payments.ts's recordEInvoice), JSON; NULL until
    // it is sent.
    "2026-12-06-100-receipt-einvoice": {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable("receipt").addColumn("einvoice", "text").execute()
      },
    },
    // Where the polling of each centre's bank statement API stopped (payments.ts's statementCursor).
    "2026-12-06-101-statement-cursor": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("statement_cursor")
          .addColumn("centre_id", "text", (c) => c.primaryKey())
          .addColumn("cursor", "text", (c) => c.notNull())
          .execute()
      },
    },
    // A result in a citizen's e-wallet replaced by a corrected one (signing.ts's replaceResult): the entry that
    // replaced it. NULL for every entry so far (no result was ever replaced before).
    "2026-12-06-110-wallet-replaced-by": {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable("wallet_entry").addColumn("replaced_by", "text").execute()
      },
    },
    // Digitised papers (issue 14): each scanned, uploaded or e-wallet paper of a dossier as the required document it
    // is, one row per version (a replacement adds the next; rows are never updated), its bytes in `document`.
    "2026-12-06-142-digitised-paper": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("digitised_paper")
          .addColumn("dossier_code", "text", (c) => c.notNull().references("dossier.code").onDelete("cascade"))
          .addColumn("document_id", "text", (c) => c.notNull())
          .addColumn("version", "integer", (c) => c.notNull().check(sql`version >= 1`))
          .addColumn("file_id", "text", (c) => c.notNull().references("document.id"))
          .addColumn("pages", "integer", (c) => c.check(sql`pages is null or pages >= 1`))
          .addColumn("sha256", "text", (c) => c.notNull())
          .addColumn("media_type", "text", (c) => c.notNull())
          .addColumn("size", bigint, (c) => c.notNull())
          .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('officer', 'citizen', 'e-wallet')`))
          .addColumn("digitised_by", "text", (c) => c.notNull())
          .addColumn("digitised_at", "text", (c) => c.notNull())
          .addColumn("intake_point_id", "text")
          .addColumn("unit_code", "text")
          .addColumn("agency_code", "text", (c) => c.notNull())
          .addColumn("wallet_entry_id", "text")
          .addPrimaryKeyConstraint("digitised_paper_pk", ["dossier_code", "document_id", "version"])
          .execute()
      },
    },
    // The dossier report counted by the store (issue 13 §4): what it tells apart beyond the index facts — status,
    // day of receipt (Vietnam), class by the index rule, the online-payment marks, the intake point and the
    // authority holding the open step (the policy's scope looks at both) — as columns of indicator_fact, filled
    // here for the rows there are from their dossiers' snapshots (indicators.ts's fillReportFacts, with the
    // application's reportFactsOf, the same as every refresh after).
    "2026-12-07-185-report-facts": {
      async up(db: Kysely<unknown>) {
        for (const [name, type] of [
          ["status_code", "integer"],
          ["received_day", "text"],
          ["timeliness", "text"],
          ["payment_paid", "integer"],
          ["payment_all_online", "integer"],
          ["intake_point_id", "text"],
          ["holder_agency_code", "text"],
        ] as const)
          await db.schema.alterTable("indicator_fact").addColumn(name, type).execute()
        await fillReportFacts(db as Kysely<DB>)
        await db.schema.createIndex("indicator_fact_received_day").on("indicator_fact").column("received_day").execute()
      },
    },
    // The outbox keeps fewer indexes: every claim, completion and insert (one in each dossier change) paid the upkeep
    // of outbox_due (status first: every status change moved its entry) and outbox_attempts_open (attempts change at
    // each claim), which only the operator's counts and the separate burial of exhausted rows read. The claim buries
    // those itself now (outbox.ts), the counts read outbox_open and the small outbox_dead.
    "2026-12-07-190-outbox-lean-indexes": {
      async up(db: Kysely<unknown>) {
        await sql`drop index outbox_due`.execute(db)
        await sql`drop index outbox_attempts_open`.execute(db)
        await sql`create index outbox_dead on outbox (id) where status = 'dead'`.execute(db)
      },
    },
    // A relay that serves one topic (`motcua outbox relay --topic …`) claimed by walking every open row in id order and
    // skipping the other topics': with a backlog of another topic (its gateway down, or no relay for it) each claim
    // read all of it — hundreds of milliseconds a claim at 600,000 rows (docs/performance.md, the national day's
    // tenth on PostgreSQL). Its claim walks the open rows of its topic alone.
    "2026-12-07-191-outbox-open-by-topic": {
      async up(db: Kysely<unknown>) {
        await sql`create index outbox_open_topic on outbox (topic, id) where status in ('pending', 'claimed')`.execute(
          db,
        )
      },
    },
    // Claims read only the due rows in their turn (outbox.ts, `in_turn`): walking every open row in id order, a claim
    // read each row waiting out its retries (a portal outage: 42 ms a claim behind 30,000 of them, on the event loop)
    // and each row behind its dossier's earlier rows (a backlog: twenty rows read for every one leased). The rows
    // open now get their turn here; done rows keep none (they are never claimed again).
    "2026-12-08-200-outbox-turns": {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable("outbox").addColumn("in_turn", "integer").execute()
        await sql`update outbox set in_turn = case when exists (select 1 from outbox as earlier where earlier.ordering_key = outbox.ordering_key and earlier.id < outbox.id and earlier.status <> 'done') then 0 else 1 end where status <> 'done'`.execute(
          db,
        )
        await sql`create index outbox_unsettled on outbox (id) where in_turn is null and status <> 'done'`.execute(db)
        await sql`create index outbox_ready on outbox (available_at, id) where status = 'pending' and in_turn = 1`.execute(
          db,
        )
        await sql`create index outbox_ready_topic on outbox (topic, available_at, id) where status = 'pending' and in_turn = 1`.execute(
          db,
        )
        await sql`create index outbox_leased on outbox (lease_until, id) where status = 'claimed'`.execute(db)
        // the one-topic claims read outbox_ready_topic now
        await sql`drop index outbox_open_topic`.execute(db)
      },
    },
    // The relay's lag and the open rows' counts (Outbox.backlog: /readyz, and every relay pass while the relay is
    // behind) walked outbox_open and read each row for its status and due_at: 270 ms each at 300,000 rows waiting out
    // a portal outage, on the server's event loop. Over (status, due_at) the counts read the index alone (15 ms there)
    // and the lag its front (microseconds); the operator's list of a status sorts the page it reads.
    "2026-12-08-201-outbox-open-due": {
      async up(db: Kysely<unknown>) {
        await sql`create index outbox_open_due on outbox (status, due_at) where status in ('pending', 'claimed')`.execute(
          db,
        )
        await sql`drop index outbox_open`.execute(db)
      },
    },
    // The failed deliveries of each row, so that the claims that ended with the lease run out (a relay that died on the
    // row) are counted apart: a row is buried after MAX_LEASE_EXPIRIES of those, whatever attempts it has left. The
    // open rows' past attempts count as failures (all but the one out now): none is buried for what came before.
    "2026-12-08-202-outbox-failures": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable("outbox")
          .addColumn("failures", "integer", (column) => column.notNull().defaultTo(0))
          .execute()
        await sql`update outbox set failures = case when status = 'claimed' then attempts - 1 else attempts end where status in ('pending', 'claimed')`.execute(
          db,
        )
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
