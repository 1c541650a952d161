// The one statement table of the raw floors: the SQL the storage adapter issues (kysely's compiled text, SQLite
// form with `?` placeholders), written out once for every benchmark that compares against a hand-written store —
// the storage lifecycle, the use-case lifecycle and the bare HTTP filing. The smoke test and each benchmark check
// that the adapter really issues these statements (harness/statements.ts), so a change to the adapter's SQL that is
// not made here fails CI. PostgreSQL's form is derived (numbered placeholders; the head row read FOR UPDATE).
import { createHash } from "node:crypto"
import { type AuditEntryInput, auditHash, canonicalJson } from "@motcua/application"

export const SQL = {
  begin: "begin immediate",
  commit: "commit",
  rollback: "rollback",
  idempotencyInsert:
    'insert into "idempotency" ("scope", "idem_key", "request_hash", "response", "created_at") values (?, ?, ?, ?, ?) on conflict ("scope", "idem_key") do nothing',
  idempotencyAnswer: 'update "idempotency" set "response" = ? where "scope" = ? and "idem_key" = ?',
  nextSequence:
    'insert into "daily_sequence" ("agency_code", "day", "value") values (?, ?, ?) on conflict ("agency_code", "day") do update set "value" = daily_sequence.value + 1 returning "value"',
  insertDossier:
    'insert into "dossier" ("code", "version", "status_code", "state", "procedure_code", "agency_code", "unit_code", "current_role", "due_at", "appointment_at", "fee_total_dong", "snapshot", "created_at", "updated_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict ("code") do nothing',
  insertOwner:
    'insert into "dossier_owner" ("owner_id", "dossier_code", "created_at") values (?, ?, ?) on conflict ("owner_id", "dossier_code") do nothing',
  // the dossier's payment requests, read when a payment is credited (its other pending requests are closed)
  requestsOfDossier: 'select "body" from "payment_request" where "dossier_code" = ? order by "created_at", "id"',
  insertConfirmation:
    'insert into "payment_confirmation" ("payment_id", "dossier_code", "centre_id", "paid_at", "body") values (?, ?, ?, ?, ?) on conflict ("payment_id") do nothing',
  addToBalance:
    'insert into "payment_balance" ("dossier_code", "paid", "refunded") values (?, ?, ?) on conflict ("dossier_code") do update set "paid" = payment_balance.paid + ?',
  updateDossier:
    'update "dossier" set "version" = version + 1, "status_code" = ?, "state" = ?, "procedure_code" = ?, "agency_code" = ?, "unit_code" = ?, "current_role" = ?, "due_at" = ?, "appointment_at" = ?, "fee_total_dong" = ?, "snapshot" = ?, "updated_at" = ? where "code" = ? and "version" = ? returning "version", "created_at"',
  attachDocument:
    'update "document" set "dossier_code" = ?, "attached_at" = coalesce(attached_at, ?) where "id" = ? and (("dossier_code" is null and ("uploaded_by" is null or "uploaded_by" = ?)) or "dossier_code" = ?)',
  readHead: 'select "last_seq", "last_hash" from "audit_head" where "id" = ?',
  insertAudit:
    'insert into "audit_entry" ("seq", "at", "dossier_code", "actor", "action", "detail", "prev_hash", "hash") values (?, ?, ?, ?, ?, ?, ?, ?)',
  updateHead: 'update "audit_head" set "last_seq" = ?, "last_hash" = ? where "id" = ?',
  insertOutbox:
    'insert into "outbox" ("topic", "dossier_code", "payload", "status", "attempts", "available_at", "created_at", "ordering_key", "due_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  documentIds: 'select "id" from "document" where "dossier_code" = ? order by "attached_at", "id"',
  getDossier: 'select * from "dossier" where "code" = ?',
  getDocument: 'select * from "document" where "id" = ?',
  insertDocument:
    'insert into "document" ("id", "sha256", "size", "media_type", "created_at", "dossier_code", "attached_at", "uploaded_by") values (?, ?, ?, ?, ?, ?, ?, ?)',
  workQueue:
    'select * from "dossier" where "current_role" = ? and "agency_code" in (?) order by case when due_at is null then 1 else 0 end, "due_at", "code" limit ?',
} as const

export type SqlName = keyof typeof SQL

/** PostgreSQL's numbered placeholders; the head is read FOR UPDATE there, as the adapter does. */
export const PG_SQL: Record<SqlName, string> = Object.fromEntries(
  Object.entries(SQL).map(([name, text]) => {
    let n = 0
    const numbered = text.replace(/\?/g, () => `$${++n}`)
    return [name, name === "begin" ? "begin" : name === "readHead" ? `${numbered} for update` : numbered]
  }),
) as Record<SqlName, string>

/** The audit hash as a hand-written store would compute it: the canonical text built directly, hashed once. */
export function rawAuditHash(
  prevHash: string,
  seq: number,
  dossierCode: string,
  input: Pick<AuditEntryInput, "action" | "actor" | "at">,
  detailText: string,
): string {
  const text = `${prevHash}\n{"action":${JSON.stringify(input.action)},"actor":${JSON.stringify(input.actor)},"at":${JSON.stringify(input.at)},"detail":${detailText},"dossierCode":${JSON.stringify(dossierCode)},"seq":${seq}}`
  return createHash("sha256").update(text).digest("hex")
}

/** Checks that the floor's hash is the chain's hash (audit-chain.ts), so both sides do the same work. */
export function checkRawHash(code: string, input: AuditEntryInput): void {
  const expected = auditHash("0".repeat(64), { ...input, seq: 7, dossierCode: code })
  const actual = rawAuditHash("0".repeat(64), 7, code, input, canonicalJson(input.detail))
  if (actual !== expected) throw new Error("the raw floor's audit hash differs from the chain's")
}
