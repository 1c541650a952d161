// Storage ports of the quality work (issue 15): the index's counting (IndicatorStore), citizens' ratings and
// petitions (FeedbackStore), and service-level notices (SlaStore). Storage ports like the others: every storage
// adapter provides them over the same database, so they join its transactions (UnitOfWork).
import type {
  DossierFacts,
  DossierTally,
  DossierTimeliness,
  Petition,
  PetitionTally,
  SlaStanding,
  StaffRole,
} from "@motcua/domain"
import { Context, Data, type Effect } from "effect"
import type { TargetReach } from "../authorization/policy.ts"
import type { StoreUnavailable, VersionConflict } from "./errors.ts"
import type { Json } from "./json.ts"
import type { Instant, OutboxMessageInput } from "./records.ts"

/** A period's bounds in the stored form (UTC ISO text): `[startInstant, endInstant)`. */
export interface PeriodBounds {
  readonly startInstant: Instant
  readonly endInstant: Instant
}

/** Which dossiers: those of these authorities or these units (either matches); all when both are absent. */
export interface ScopeFilter {
  readonly agencyCodes?: ReadonlyArray<string>
  readonly unitCodes?: ReadonlyArray<string>
}

/** A dossier whose facts are missing or older than its record. */
export interface StaleDossier {
  readonly code: string
  readonly version: number
  /** The national status (1–10) stored with that version. */
  readonly statusCode: number
  readonly snapshot: Json
}

/**
 * What the dossier report (reports/dossier-report.ts) counts of a dossier beyond its index facts, kept beside them
 * so the report is counted by the store (`reportCounts`): its status, its day of receipt (Vietnam), its class by the
 * index rule, the online-payment indicator's two marks, and what the policy's scope looks at besides the authority
 * and unit (the intake point, the authority holding its open step). Computed by `reportFactsOf`.
 */
export interface DossierReportFacts {
  readonly statusCode: number
  /** YYYY-MM-DD, Vietnam. */
  readonly receivedDay: string
  readonly timeliness: DossierTimeliness
  /** Owed something before the result and paid (the online-payment indicator's base). */
  readonly paid: boolean
  /** Paid, and every payment online. */
  readonly paidOnline: boolean
  readonly intakePointId: string | null
  readonly holderAgencyCode: string | null
}

/** One group of the dossier report's counts: the dossiers alike in everything the report tells apart. */
export interface ReportGroup {
  readonly statusCode: number
  readonly unitCode: string | null
  readonly agencyCode: string
  readonly procedureCode: string
  /** YYYY-MM of receipt, Vietnam. */
  readonly month: string
  readonly timeliness: DossierTimeliness
  readonly paid: boolean
  readonly paidOnline: boolean
  readonly count: number
}

/** The dossiers behind a number (drill-down), among those received in the period. */
export const drillDowns = [
  /** Counted for 2.1 and late at the end of the period. */
  "late",
  /** Not synced to the national portal (1.4). */
  "unsynced",
  /** Not filed online (3.3). */
  "not-online",
  /** Not digitised (4.2). */
  "not-digitised",
  /** Without an electronic result (4.1). */
  "no-electronic-result",
  /** With a fee, not paid online (3.6). */
  "not-paid-online",
  /** Named by a petition or rated "dislike" (5.4). */
  "complained",
] as const
export type DrillDown = (typeof drillDowns)[number]

export interface DrilledDossier {
  readonly code: string
  readonly agencyCode: string
  readonly unitCode: string | null
  readonly procedureCode: string
  readonly channel: string
  readonly receivedAt: Instant
  readonly appointmentAt: Instant | null
  readonly endedAt: Instant | null
}

export interface IndicatorStoreShape {
  /** Up to `limit` dossiers after `afterCode` ("" first) whose facts are missing or older than their version, by code. */
  readonly stale: (afterCode: string, limit: number) => Effect.Effect<ReadonlyArray<StaleDossier>, StoreUnavailable>
  /** Keeps each dossier's facts, as of `version` (a row already at a later version is left as it is). */
  readonly saveFacts: (
    rows: ReadonlyArray<{
      readonly version: number
      readonly facts: DossierFacts
      readonly report: DossierReportFacts
    }>,
  ) => Effect.Effect<void, StoreUnavailable>
  /** The dossier's record reached the national portal (the first time is kept). */
  readonly markSynced: (code: string, at: Instant) => Effect.Effect<void, StoreUnavailable>
  /** The domain's `tallyDossiers` over the stored facts of dossiers received in the period, in key order. */
  readonly tallyDossiers: (
    period: PeriodBounds,
    scope: ScopeFilter,
  ) => Effect.Effect<ReadonlyArray<DossierTally>, StoreUnavailable>
  /** The domain's `tallyPetitions` over the petitions sent in the period, in key order. */
  readonly tallyPetitions: (
    period: PeriodBounds,
    scope: ScopeFilter,
  ) => Effect.Effect<ReadonlyArray<PetitionTally>, StoreUnavailable>
  /**
   * The dossier report's counts over the stored facts: the dossiers received from `fromDay` to `toDay` (Vietnam
   * days, inclusive; either may be absent) that `reach` reaches, grouped (in no particular order).
   */
  readonly reportCounts: (
    days: { readonly fromDay?: string | undefined; readonly toDay?: string | undefined },
    reach: TargetReach,
  ) => Effect.Effect<ReadonlyArray<ReportGroup>, StoreUnavailable>
  /** The dossiers behind a number, by code after `afterCode` ("" first), at most `limit`. */
  readonly dossiersBehind: (
    period: PeriodBounds,
    scope: ScopeFilter,
    which: DrillDown,
    afterCode: string,
    limit: number,
  ) => Effect.Effect<ReadonlyArray<DrilledDossier>, StoreUnavailable>
}

export class IndicatorStore extends Context.Service<IndicatorStore, IndicatorStoreShape>()(
  "@motcua/application/IndicatorStore",
) {}

/** A citizen's rating of a returned dossier, SIPAS-style: four aspects from 1 (very dissatisfied) to 5, and a thumb. */
export interface DossierRating {
  readonly dossierCode: string
  /** The citizen who rated (the applicant or the account that filed). */
  readonly raterId: string
  readonly at: Instant
  /** Access: finding where and how to file. */
  readonly access: number
  /** The procedure: its documents, steps and fees. */
  readonly procedure: number
  /** The officers who handled it. */
  readonly officer: number
  /** The result and its timeliness. */
  readonly result: number
  readonly liked: boolean
  readonly comment?: string
}

/** The dossier was already rated: once per dossier. */
export class AlreadyRated extends Data.TaggedError("AlreadyRated")<{
  readonly dossierCode: string
  readonly at: string
}> {
  override get message(): string {
    return `hồ sơ ${this.dossierCode} đã được đánh giá lúc ${this.at} / dossier already rated`
  }
}

export class PetitionNotFound extends Data.TaggedError("PetitionNotFound")<{ readonly id: string }> {
  override get message(): string {
    return `không có phản ánh, kiến nghị ${this.id} / no petition ${this.id}`
  }
}

export interface StoredPetition {
  readonly petition: Petition
  /** 1 when sent, one more per change (optimistic concurrency, like dossiers). */
  readonly version: number
}

export interface PetitionQuery extends ScopeFilter {
  /** Only those this citizen sent. */
  readonly senderId?: string
  readonly statuses?: ReadonlyArray<Petition["status"]>
  /** Sent before this petition (newest first paging): its id. */
  readonly beforeId?: string
  readonly limit: number
}

export interface FeedbackStoreShape {
  readonly rate: (rating: DossierRating) => Effect.Effect<void, AlreadyRated | StoreUnavailable>
  readonly ratingOf: (dossierCode: string) => Effect.Effect<DossierRating | undefined, StoreUnavailable>
  /** Stores a new petition at version 1. */
  readonly createPetition: (petition: Petition) => Effect.Effect<void, StoreUnavailable>
  /** Replaces a petition if it is still at `expectedVersion`; answers the new version. */
  readonly savePetition: (
    petition: Petition,
    expectedVersion: number,
  ) => Effect.Effect<number, VersionConflict | PetitionNotFound | StoreUnavailable>
  readonly getPetition: (id: string) => Effect.Effect<StoredPetition | undefined, StoreUnavailable>
  /** Newest first (by sent instant, then id). */
  readonly listPetitions: (query: PetitionQuery) => Effect.Effect<ReadonlyArray<StoredPetition>, StoreUnavailable>
}

export class FeedbackStore extends Context.Service<FeedbackStore, FeedbackStoreShape>()(
  "@motcua/application/FeedbackStore",
) {}

/** A dossier the SLA sweep should look at: open, with a step due or an appointment at or before the threshold. */
export interface SlaCandidate {
  readonly code: string
  readonly dueAt: Instant | null
  readonly appointmentAt: Instant | null
}

/** What the sweep noticed: one per dossier, subject, due instant and threshold (that is what "once" means). */
export interface SlaNotice {
  readonly dossierCode: string
  /** The dossier's appointment, or its current step. */
  readonly subject: "dossier" | "step"
  readonly stepId: string | null
  readonly threshold: Exclude<SlaStanding, "on-track">
  readonly dueAt: Instant
  readonly at: Instant
  /** Who is told: a role of the dossier's authority and unit, and the officer when one is named. */
  readonly role: StaffRole
  readonly assigneeId: string | null
  readonly agencyCode: string
  readonly unitCode: string | null
}

export interface SlaInboxQuery {
  readonly recipientId: string
  readonly roles: ReadonlyArray<string>
  readonly agencyCodes: ReadonlyArray<string>
  readonly unitCodes: ReadonlyArray<string>
  readonly limit: number
}

export interface OverdueDossier {
  readonly code: string
  readonly agencyCode: string
  readonly unitCode: string | null
  readonly procedureCode: string
  readonly appointmentAt: Instant
  /** When the sweep found it overdue. */
  readonly noticedAt: Instant
  readonly statusCode: number
}

export interface SlaStoreShape {
  /**
   * Open dossiers (statuses 1, 2, 4) whose current step is due, or whose appointment is, at or before `threshold`,
   * leaving out those whose overdue notice for that due instant is already recorded; by code after `afterCode`.
   */
  readonly candidates: (
    threshold: Instant,
    afterCode: string,
    limit: number,
  ) => Effect.Effect<ReadonlyArray<SlaCandidate>, StoreUnavailable>
  /**
   * Records the notice and enqueues `message` in one transaction, unless that notice (dossier, subject, due
   * instant, threshold) is already recorded: then nothing is written. Answers whether it was new.
   */
  readonly record: (notice: SlaNotice, message: OutboxMessageInput) => Effect.Effect<boolean, StoreUnavailable>
  /** The notices for an officer (named, or by role within the scope), newest first. */
  readonly inbox: (query: SlaInboxQuery) => Effect.Effect<ReadonlyArray<SlaNotice>, StoreUnavailable>
  /**
   * Dossiers found overdue whose appointment has not moved since (no apology with a new appointment) and that are
   * not finished (statuses 1, 2, 4, 5, 6), within the scope; by appointment.
   */
  readonly overdueWithoutApology: (
    scope: ScopeFilter,
    limit: number,
  ) => Effect.Effect<ReadonlyArray<OverdueDossier>, StoreUnavailable>
}

export class SlaStore extends Context.Service<SlaStore, SlaStoreShape>()("@motcua/application/SlaStore") {}
