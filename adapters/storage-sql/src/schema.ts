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
  /** pending → claimed → done; fail puts it back to pending, or to dead once its attempts or leases are used up. */
  status: string
  attempts: number
  /** Claims that ended in a failed delivery; the others ended done, or with their lease run out. */
  failures: Generated<number>
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
  /**
   * Whether the row's turn among its key's rows has come (outbox.ts): null until the relay settles it, then 1 (no
   * earlier row of its key still to do, or no key) or 0 (waiting; set to 1 when the row before it is completed).
   */
  in_turn: number | null
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

/** Each dossier's facts for the index (issue 15), as of `version`; flags 0/1 (indicators.ts). */
export interface IndicatorFactTable {
  code: string
  version: number
  agency_code: string
  unit_code: string | null
  procedure_code: string
  channel: string
  standing: string
  received_at: string
  accepted_at: string | null
  ended_at: string | null
  appointment_at: string | null
  late_marked_at: string | null
  paused_since: string | null
  handling_minutes: number | null
  electronic_result: number
  digitised: number
  reused_data: number
  verified_account: number
  fee_due: number
  paid_online: number
  // What the dossier report counts (the application's reportFactsOf; migration 2026-12-07-185). NULL only in a row
  // whose dossier's snapshot could not be read when the migration filled them (none is left: such rows are removed
  // and rebuilt by the next refresh).
  status_code: number | null
  /** YYYY-MM-DD, Vietnam. */
  received_day: string | null
  /** early, on-time, late, pending or not-counted. */
  timeliness: string | null
  payment_paid: number | null
  payment_all_online: number | null
  intake_point_id: string | null
  holder_agency_code: string | null
}

export interface DossierSyncedTable {
  dossier_code: string
  synced_at: string
}

export interface DossierRatingTable {
  dossier_code: string
  rater_id: string
  at: string
  access: number
  procedure: number
  officer: number
  result: number
  liked: number
  comment: string | null
}

/** A petition: the domain's Petition as JSON (`body`), with what lists and the index read in columns. */
export interface PetitionTable {
  id: string
  version: number
  sender_id: string
  agency_code: string
  unit_code: string | null
  procedure_code: string | null
  dossier_code: string | null
  status: string
  sent_at: string
  classified: number
  ended_at: string | null
  due_at: string
  late_at: string | null
  not_satisfied: number
  re_petitioned: number
  body: string
}

export interface SlaNoticeTable {
  dossier_code: string
  subject: string
  /** '' for the dossier's appointment. */
  step_id: string
  due_at: string
  threshold: string
  at: string
  role: string
  assignee_id: string | null
  agency_code: string
  unit_code: string | null
}

/** A digitised paper's version (digitised-papers.ts); rows are only inserted. */
export interface DigitisedPaperTable {
  dossier_code: string
  document_id: string
  version: number
  file_id: string
  pages: number | null
  sha256: string
  media_type: string
  size: number | string
  source: string
  digitised_by: string
  digitised_at: string
  intake_point_id: string | null
  unit_code: string | null
  agency_code: string
  wallet_entry_id: string | null
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
  digitised_paper: DigitisedPaperTable
  indicator_fact: IndicatorFactTable
  /** Dossiers whose facts may be stale: marked by triggers on dossier, unmarked when current facts are saved. */
  indicator_dirty: { code: string }
  dossier_synced: DossierSyncedTable
  dossier_rating: DossierRatingTable
  petition: PetitionTable
  sla_notice: SlaNoticeTable
}

export type Dialect = "sqlite" | "postgres"
