// What the storage ports store and return. Instants are ISO-8601 UTC text with milliseconds
// (`2026-11-23T07:15:00.000Z`, what `Date.prototype.toISOString` writes): fixed width, so text order is time order,
// and the same bytes in every database. Money is in whole đồng (VND has no minor unit).
import { decodeAll } from "@motcua/domain"
import { Effect, Schema } from "effect"
import type { Json } from "./json.ts"

export const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
/** An instant as fixed-width ISO-8601 UTC text with milliseconds. */
export const Instant = Schema.String.check(Schema.isPattern(INSTANT_PATTERN))
export type Instant = string

/** The instant `millis` milliseconds after the epoch, in the stored form. */
export const instantOf = (millis: number): Instant => new Date(millis).toISOString()

const NonEmpty = Schema.String.check(Schema.isMinLength(1))

/**
 * The columns kept beside a dossier's snapshot so that lists and queues can be queried without reading snapshots.
 * They are written by the application from the snapshot on every commit.
 */
export const DossierSummary = Schema.Struct({
  /** National-portal status code, 1–10. */
  statusCode: Schema.Number.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 10 })),
  /** Name of the machine state, e.g. "processing.appraisal". */
  state: NonEmpty,
  procedureCode: NonEmpty,
  /** QCVN 102 code of the agency that handles the dossier. */
  agencyCode: NonEmpty,
  /** Administrative unit (or department) handling it, when narrower than the agency. */
  unitCode: Schema.NullOr(NonEmpty),
  /** Role whose work queue holds the dossier now; null when no one has to act (finished, waiting for the citizen). */
  currentRole: Schema.NullOr(NonEmpty),
  /** When the current step is due. */
  dueAt: Schema.NullOr(Instant),
  /** Appointment to return the result (ngày hẹn trả). */
  appointmentAt: Schema.NullOr(Instant),
  /** Fees and charges owed for the dossier, in whole đồng. */
  feeTotal: Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0)),
})
export type DossierSummary = typeof DossierSummary.Type

/** An audit entry as the application writes it; the store adds its sequence number and hashes. */
export interface AuditEntryInput {
  readonly at: Instant
  /** Who acted: an officer's or citizen's id, or "system". */
  readonly actor: string
  /** What happened, e.g. "dossier.accepted". */
  readonly action: string
  readonly detail: Json
}

/** A stored audit entry, one link of the hash chain (see audit-chain.ts). */
export interface AuditEntry extends AuditEntryInput {
  /** Position in the database-wide chain: 1, 2, 3, ... without gaps. */
  readonly seq: number
  readonly dossierCode: string | null
  readonly prevHash: string
  readonly hash: string
}

/** A message to deliver after the transaction commits (portal sync, notification, ...). */
export interface OutboxMessageInput {
  /** Which relay handles it, e.g. "portal.sync" or "notify.sms". */
  readonly topic: string
  readonly payload: Json
  /** Not before this instant; default: the commit's instant. */
  readonly availableAt?: Instant
  /**
   * Rows with the same key are delivered one at a time, in the order they were written: a row is claimed only once
   * every earlier row of its key is done (a dead one holds the rest back until it is retried). The portal sync of
   * a dossier uses `portal.sync:<code>`; rows without a key are delivered in any order.
   */
  readonly orderingKey?: string
}

/** The relay's retry delays by default: from 30 s, doubled at each attempt up to an hour, less up to half at random. */
export const DEFAULT_RETRY = { baseMs: 30_000, ceilingMs: 3_600_000, jitter: 0.5 } as const

/**
 * How many times an outbox row is claimed (delivery attempts) before it is given up on, by default: with the default
 * retry delays, between one and two days of trying (seven doubling delays, then hourly ones; relay.test.ts works it
 * out). A national portal down overnight or for a weekend's maintenance must not leave its rows dead in the morning:
 * 20 attempts gave up after 6.5–13 hours.
 */
export const DEFAULT_MAX_ATTEMPTS = 55

/**
 * How many times a row's lease may run out (its relay died or hung while delivering it, with no outcome written)
 * before the row is given up on, whatever attempts it has left: a row that kills its relay must not crash-loop it for
 * the day or two `DEFAULT_MAX_ATTEMPTS` gives failed deliveries.
 */
export const MAX_LEASE_EXPIRIES = 5

export interface OutboxMessage {
  readonly id: number
  readonly topic: string
  readonly dossierCode: string | null
  readonly payload: Json
  /** How many times it has been claimed, this claim included. */
  readonly attempts: number
  readonly lastError: string | null
}

/** A new dossier with its first audit entries and outbox rows, written in one transaction at version 1. */
export interface NewDossier {
  readonly code: string
  readonly snapshot: Json
  readonly summary: DossierSummary
  readonly at: Instant
  readonly audit: ReadonlyArray<AuditEntryInput>
  readonly outbox: ReadonlyArray<OutboxMessageInput>
  /** Documents put earlier (DocumentStore.put) to attach in the same transaction. */
  readonly documentIds?: ReadonlyArray<string>
  /**
   * Who attaches `documentIds` (the acting principal's id): a document whose uploader is recorded is attached only
   * by that uploader (DocumentNotOwned otherwise), so nobody can attach what someone else uploaded.
   */
  readonly attachedBy?: string
  /**
   * Who may list the dossier as theirs (create only): the applicant's id number and the filing account's id. The
   * listing of "my dossiers" reads these; reading a dossier is still decided by the policy.
   */
  readonly owners?: ReadonlyArray<string>
}

/** A state change: written only if the stored version is still `expectedVersion`; the version then goes up by one. */
export interface DossierCommit extends NewDossier {
  readonly expectedVersion: number
}

export interface DossierRecord {
  readonly code: string
  readonly version: number
  readonly snapshot: Json
  readonly summary: DossierSummary
  readonly createdAt: Instant
  readonly updatedAt: Instant
  /** Attached documents, earliest attached first (documents attached by the same commit in no set order). */
  readonly documentIds: ReadonlyArray<string>
}

/** A row of a work queue: the summary without the snapshot. */
export interface DossierQueueItem {
  readonly code: string
  readonly version: number
  readonly summary: DossierSummary
}

export interface WorkQueueQuery {
  readonly role: string
  /** Dossiers handled by one of these agencies. */
  readonly agencyCodes: ReadonlyArray<string>
  /** When given and not empty, only dossiers of these units. */
  readonly unitCodes?: ReadonlyArray<string>
  readonly limit: number
}

/** Checks a dossier's summary before it is written, so that bad data is refused with every problem and its path. */
export const validateSummary = (summary: unknown, code: string) =>
  Effect.fromResult(decodeAll(DossierSummary, summary, `dossier ${code} summary`, "summary"))

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/

/** Metadata of a stored document. */
export interface DocumentMeta {
  readonly id: string
  /** Hex SHA-256 of the bytes. */
  readonly sha256: string
  readonly size: number
  readonly mediaType: DocumentMediaType
  readonly createdAt: Instant
  /** The dossier it is attached to, or null while it is only staged. */
  readonly dossierCode: string | null
  /** The principal who uploaded it; null when put without one (a system upload, or staged before this was kept). */
  readonly uploadedBy: string | null
}

export type DocumentMediaType = "application/pdf" | "image/jpeg" | "image/png"
