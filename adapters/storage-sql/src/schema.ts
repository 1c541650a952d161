// The database schema as kysely sees it. One schema for SQLite and PostgreSQL (migrations.ts creates it):
// - instants are ISO-8601 UTC text with milliseconds in both (fixed width, so text order is time order, and the
//   bytes that were hashed into the audit chain come back unchanged);
// - JSON (snapshots, audit details, payloads, idempotent answers) is text in both, for the same reason;
// - money is integer đồng (PostgreSQL bigint, read back as a JS number and refused beyond 2^53).
import type { Generated } from "kysely"

export interface DossierTable {
  code: string
  version: number
  status_code: number
  state: string
  procedure_code: string
  agency_code: string
  unit_code: string | null
  current_role: string | null
  due_at: string | null
  appointment_at: string | null
  fee_total_dong: number
  snapshot: string
  created_at: string
  updated_at: string
}

export interface AuditEntryTable {
  seq: number
  at: string
  dossier_code: string | null
  actor: string
  action: string
  detail: string
  prev_hash: string
  hash: string
}

/** One row (id 1): the chain's last seq and hash, updated with every append; its lock serialises appends. */
export interface AuditHeadTable {
  id: number
  last_seq: number
  last_hash: string
}

export interface OutboxTable {
  id: Generated<number>
  topic: string
  dossier_code: string | null
  payload: string
  /** pending → claimed → done; fail puts it back to pending, or to dead once its attempts are used (never claimed). */
  status: string
  attempts: number
  available_at: string
  claimed_by: string | null
  lease_until: string | null
  last_error: string | null
  created_at: string
  completed_at: string | null
  /** Rows of one key are claimed one at a time, in id order (OutboxMessageInput.orderingKey). */
  ordering_key: string | null
  /** When the row first became due (its available_at as written): the relay's lag counts from here. */
  due_at: string
}

export interface IdempotencyTable {
  scope: string
  idem_key: string
  request_hash: string
  /** The first answer, JSON; null only inside the transaction that computes it. */
  response: string | null
  created_at: string
}

export interface DailySequenceTable {
  agency_code: string
  day: string
  value: number
}

export interface DocumentTable {
  id: string
  sha256: string
  size: number
  media_type: string
  created_at: string
  /** Null while staged; set in the dossier transaction that attaches it. */
  dossier_code: string | null
  attached_at: string | null
  /** The principal who uploaded it; null for uploads without one (and those staged before it was recorded). */
  uploaded_by: string | null
}

/** Who may list a dossier as theirs (NewDossier.owners). */
export interface DossierOwnerTable {
  owner_id: string
  dossier_code: string
  created_at: string
}

export interface DB {
  dossier: DossierTable
  dossier_owner: DossierOwnerTable
  audit_entry: AuditEntryTable
  audit_head: AuditHeadTable
  outbox: OutboxTable
  idempotency: IdempotencyTable
  daily_sequence: DailySequenceTable
  document: DocumentTable
}

export type Dialect = "sqlite" | "postgres"
