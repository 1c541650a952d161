/**
 * What can happen to a dossier, as effect Schemas: one definition decodes untrusted input (an API body, a queued
 * command) into a typed event and reports every problem with its path, and types the machine.
 *
 * Every event carries the acting user (`actor`) and the instant it happened (`at`): the domain has no clock and no
 * session, so the application layer passes both in. Ids (dossier code, payment id, signature id) come in the same way.
 */
import { Schema } from "effect"
import { Instant as CalendarInstant } from "../calendar/index.ts"
import { Channel, Dong, StaffRole } from "../catalogue/schema.ts"
import { DossierCode } from "../dossier-code/index.ts"

const NonEmpty = Schema.String.check(Schema.isMinLength(1))
const Positive = Schema.Number.check(Schema.isGreaterThan(0))
const NonEmptyList = <S extends Schema.Top>(item: S) => Schema.Array(item).check(Schema.isMinLength(1))

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/

/**
 * Why an instant text that has the ISO-8601 shape is still unusable (a day that does not exist, a year outside
 * 1900–2199, …), or undefined. The shape itself is the calendar's `Instant` check, which reports it.
 */
export function instantProblem(text: string): string | undefined {
  const m = INSTANT.exec(text)
  if (m === null) return undefined
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]))
  const second = Number(m[6] ?? "0")
  if (year === undefined || year < 1900 || year > 2199) return "the year must lie between 1900 and 2199"
  if (month === undefined || month < 1 || month > 12) return `month ${month} does not exist`
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day === undefined || day < 1 || day > days) return `day ${day} does not exist in ${m[1]}-${m[2]}`
  if (hour === undefined || minute === undefined || hour > 23 || minute > 59 || second > 59)
    return "the time of day must be between 00:00:00 and 23:59:59"
  if (m[8] !== undefined && (Number(m[8]) > 18 || Number(m[9]) > 59)) return `offset ${m[7]} is not a valid UTC offset`
  return undefined
}

/**
 * An instant: ISO-8601 text with an explicit offset. Stricter than the calendar's pattern check (the day must exist,
 * the year must be in the calendar's range), so that nothing the machine hands to the calendar can make it throw.
 */
export const StrictInstant = CalendarInstant.check(
  // described to JSON Schema (the OpenAPI document) as what it is: an RFC 3339 date-time
  Schema.makeFilter((s: string) => instantProblem(s) ?? true, { toJsonSchema: () => ({ format: "date-time" }) }),
)
export type StrictInstant = typeof StrictInstant.Type

/** Milliseconds since the epoch of an instant (valid by construction). */
export const epochMs = (instant: string): number => Date.parse(instant)

/**
 * Who may act on a dossier. Staff roles come from the catalogue (`StaffRole`; `inter-agency` is an officer of
 * another authority holding an inter-agency step); `citizen` is the applicant's own account, `post-office-agent` a
 * post office taking in dossiers and returning results, `system` the application itself (scheduled deadline checks,
 * payment gateway confirmations, results delivered to the e-wallet).
 */
export const Role = Schema.Literals(["citizen", "post-office-agent", "system", ...StaffRole.literals])
export type Role = typeof Role.Type

/** The acting user, with the scope their account acts for (same meaning as the jurisdiction's `StaffScope`). */
export const Actor = Schema.Struct({
  id: NonEmpty,
  role: Role,
  agencyCodes: Schema.Array(NonEmpty),
  unitCodes: Schema.Array(NonEmpty),
  intakePointIds: Schema.Array(NonEmpty),
})
export type Actor = typeof Actor.Type

/** A submitted document of the procedure, with the flags the national portal asks for. */
export const DocumentPresent = Schema.Struct({
  /** The `RequiredDocument.id` of the procedure (or of the variant). */
  id: NonEmpty,
  /** Taken from the citizen's e-wallet / national data stores instead of being submitted (Decree 45/2020). */
  fromEWallet: Schema.optionalKey(Schema.Boolean),
  /** Scanned into the system (the digitisation indicator). */
  digitised: Schema.optionalKey(Schema.Boolean),
  /** Re-used from an earlier dossier or result already held electronically (tái sử dụng, Decree 45/2020). */
  reused: Schema.optionalKey(Schema.Boolean),
})
export type DocumentPresent = typeof DocumentPresent.Type

/** Who the dossier is for (owner type 1 citizen / 2 business on the national portal). */
export const Applicant = Schema.Struct({
  /** Citizen ID (CCCD) or enterprise code. */
  id: NonEmpty,
  name: NonEmpty,
  kind: Schema.Literals(["citizen", "business"]),
  address: Schema.optionalKey(NonEmpty),
  phone: Schema.optionalKey(NonEmpty),
  email: Schema.optionalKey(NonEmpty),
})
export type Applicant = typeof Applicant.Type

/** Who files for the applicant (người được ủy quyền, người đại diện): their account id, name and relationship. */
export const Representative = Schema.Struct({
  id: NonEmpty,
  name: Schema.optionalKey(NonEmpty),
  /** e.g. "cha" (father), "người được ủy quyền" (authorised person), "người đại diện theo pháp luật". */
  relationship: NonEmpty,
})
export type Representative = typeof Representative.Type

/** A fee line assessed by the application layer (fees module: channel price, per-unit counts, exemptions). */
export const AssessedFee = Schema.Struct({ feeId: NonEmpty, amount: Dong })
export type AssessedFee = typeof AssessedFee.Type

const common = { actor: Actor, at: StrictInstant }

/** Where a dossier filed on the national portal came from (FileDossier.portal). */
export const PortalFiling = Schema.Struct({
  dossierId: NonEmpty,
  applicantId: Schema.optionalKey(NonEmpty),
  vneidVerified: Schema.Boolean,
})
export type PortalFiling = typeof PortalFiling.Type

/**
 * The applicant's identity checked against the national population database (Cơ sở dữ liệu quốc gia về dân cư) at
 * filing, with the citizen's consent (Decree 13/2023; Decree 104/2022 on using population data instead of papers):
 * the registry's record matched the applicant's id number, name and date of birth. Feeds indicator 4.5(b) and the
 * portal record's "verified" flag.
 */
export const ApplicantVerification = Schema.Struct({
  source: Schema.Literal("population-db"),
  at: StrictInstant,
  /** The account that asked (the officer or agent at the counter, or the citizen online). */
  by: NonEmpty,
  /** How the citizen consented: signed at the counter, through their e-ID session, declared when filing online. */
  consent: Schema.Literals(["signed-at-counter", "e-id", "declared-online"]),
  /** The registry's reference for the lookup (its trace id), when it gives one. */
  reference: Schema.optionalKey(NonEmpty),
})
/** As the filing carries it (instants as text). */
export type ApplicantVerification = typeof ApplicantVerification.Encoded

/**
 * Filing: the dossier comes into existence. Sent online by the applicant (`citizen`, channel `online`), at a
 * centre's counter (`counter-officer`, `counter`), or by a post office agent (`post-office-agent`, `post`).
 * The application layer has already routed the dossier (`resolveCompetence`): `agencyCode`/`unitCode` are the
 * competent authority and commune-level unit, not necessarily those of the intake point.
 */
/**
 * An exemption or reduction the applicant claims, with what proves it: a document attached to the dossier (the
 * certificate of a poor household, a disability card…) or the confirmation of the officer or agent who saw it at the
 * intake point. The fee is reduced only with one of the two (issue 16: a self-declared category alone zeroed a fee).
 */
export const ExemptionClaim = Schema.Struct({
  category: NonEmpty,
  /** The id of the attached document that proves it. */
  documentId: Schema.optionalKey(NonEmpty),
  /** The account of the officer or agent who saw the proof at the intake point. */
  confirmedBy: Schema.optionalKey(NonEmpty),
})
export type ExemptionClaim = typeof ExemptionClaim.Type

export const FileDossier = Schema.Struct({
  type: Schema.Literal("file"),
  ...common,
  dossierCode: DossierCode,
  channel: Channel,
  /** Required for the counter and postal channels. */
  intakePointId: Schema.optionalKey(NonEmpty),
  agencyCode: NonEmpty,
  unitCode: Schema.optionalKey(NonEmpty),
  applicant: Applicant,
  /** Set when someone files for the applicant: the person filing. */
  representative: Schema.optionalKey(Representative),
  /** One-line summary of the request, as the national portal record asks. */
  summary: Schema.optionalKey(NonEmpty),
  documents: Schema.Array(DocumentPresent),
  /**
   * Fee amounts assessed for this dossier. A fee of the procedure with a flat amount may be left out (the machine
   * takes the flat amount for the channel); every other fee (per-unit, tiered) must be assessed here.
   */
  fees: Schema.optionalKey(Schema.Array(AssessedFee)),
  /** The exemptions claimed, each with its proof (the fee amounts above already apply them). */
  exemptions: Schema.optionalKey(Schema.Array(ExemptionClaim)),
  /**
   * A dossier made up by `motcua simulate`: it behaves like any other, but nothing about it is ever sent outside
   * (no portal sync, notification or payment request is enqueued for it).
   */
  simulated: Schema.optionalKey(Schema.Literal(true)),
  /**
   * Filed on the national public service portal (DVCQG) and received from it: the portal's own dossier id, the
   * portal's id of the applicant's account (MaDoiTuong) and whether that account is verified with VNeID.
   */
  portal: Schema.optionalKey(PortalFiling),
  /** The applicant checked against the national population database (see ApplicantVerification). */
  applicantVerification: Schema.optionalKey(ApplicantVerification),
})
export type FileDossier = typeof FileDossier.Type

export const AcceptAtIntake = Schema.Struct({
  type: Schema.Literal("accept"),
  ...common,
  /** Documents added or digitised at the counter; merged with those filed. */
  documents: Schema.optionalKey(Schema.Array(DocumentPresent)),
})
export const RefuseAtIntake = Schema.Struct({
  type: Schema.Literal("refuse"),
  ...common,
  reasons: NonEmptyList(NonEmpty),
})

/** A missing or inadequate item in a supplementation request. */
export const MissingItem = Schema.Struct({ documentId: Schema.optionalKey(NonEmpty), description: NonEmpty })
export type MissingItem = typeof MissingItem.Type

export const RequestSupplementation = Schema.Struct({
  type: Schema.Literal("requestSupplementation"),
  ...common,
  missing: NonEmptyList(MissingItem),
  /** By when the applicant must supplement; after it the `supplementationDeadlinePassed` check stops processing. */
  applicantDeadline: StrictInstant,
})
export const SupplementReceived = Schema.Struct({
  type: Schema.Literal("supplementReceived"),
  ...common,
  documents: Schema.Array(DocumentPresent),
})
export const SupplementationDeadlinePassed = Schema.Struct({
  type: Schema.Literal("supplementationDeadlinePassed"),
  ...common,
})
export const ObligationItem = Schema.Struct({ name: NonEmpty, amount: Positive.check(Schema.isInt()) })
export type ObligationItem = typeof ObligationItem.Type
export const RequestFinancialObligation = Schema.Struct({
  type: Schema.Literal("requestFinancialObligation"),
  ...common,
  items: NonEmptyList(ObligationItem),
})
export const PaymentConfirmed = Schema.Struct({
  type: Schema.Literal("paymentConfirmed"),
  ...common,
  paymentId: NonEmpty,
  amount: Positive.check(Schema.isInt()),
})
export const CompleteStep = Schema.Struct({
  type: Schema.Literal("completeStep"),
  ...common,
  note: Schema.optionalKey(NonEmpty),
  /** The officer the next step is assigned to, when known. */
  assigneeId: Schema.optionalKey(NonEmpty),
})
export const TransferToAgency = Schema.Struct({
  type: Schema.Literal("transfer"),
  ...common,
  /** The other authority that holds the next (inter-agency) step. */
  agencyCode: NonEmpty,
  note: Schema.optionalKey(NonEmpty),
})
export const Approve = Schema.Struct({ type: Schema.Literal("approve"), ...common, note: Schema.optionalKey(NonEmpty) })
export const Reject = Schema.Struct({ type: Schema.Literal("reject"), ...common, reasons: NonEmptyList(NonEmpty) })
/** The signed result file: its document id, SHA-256, verification id and the signer certificate's serial. */
export const SignedResultFile = Schema.Struct({
  documentId: NonEmpty,
  sha256: Schema.String.check(Schema.isPattern(/^[0-9a-f]{64}$/)),
  verificationId: NonEmpty,
  certificateSerial: Schema.optionalKey(NonEmpty),
})
export type SignedResultFile = typeof SignedResultFile.Type
export const Sign = Schema.Struct({
  type: Schema.Literal("sign"),
  ...common,
  /** Id of the signature (certificate serial / signed document id) from the signer. */
  signatureId: NonEmpty,
  /** The signed result file, when the signature was made over one (recorded in the audit entry). */
  document: Schema.optionalKey(SignedResultFile),
})
/**
 * A corrected result replacing the signed one (a leader of the authority, at any time after the first signature,
 * including after the return): the new signature becomes the dossier's, the one it replaces is kept in
 * `replacedSignatures` with the reason, so the old result's verification says what replaced it.
 */
export const ReplaceResult = Schema.Struct({
  type: Schema.Literal("replaceResult"),
  ...common,
  /** Id of the new signature from the signer. */
  signatureId: NonEmpty,
  /** The new signed result file. */
  document: Schema.optionalKey(SignedResultFile),
  /** Why the result is replaced (shown on the old result's verification page). */
  reason: NonEmpty,
})
export const ResultReady = Schema.Struct({
  type: Schema.Literal("resultReady"),
  ...common,
  resultDocumentIds: Schema.optionalKey(Schema.Array(NonEmpty)),
})
export const ReturnMethod = Schema.Literals(["counter", "post", "e-wallet"])
export type ReturnMethod = typeof ReturnMethod.Type
export const ReturnResult = Schema.Struct({ type: Schema.Literal("returnResult"), ...common, method: ReturnMethod })
export const Withdraw = Schema.Struct({
  type: Schema.Literal("withdraw"),
  ...common,
  reason: Schema.optionalKey(NonEmpty),
})
export const StopProcessing = Schema.Struct({
  type: Schema.Literal("stop"),
  ...common,
  reasons: NonEmptyList(NonEmpty),
})
export const ExtendWithApology = Schema.Struct({
  type: Schema.Literal("extendWithApology"),
  ...common,
  newAppointment: StrictInstant,
  reason: NonEmpty,
})
export const CorrectionChange = Schema.Struct({
  /** What is corrected: `applicant.name`, `applicant.address`, `applicant.phone`, `applicant.email`, or free text. */
  field: NonEmpty,
  from: Schema.optionalKey(Schema.String),
  to: Schema.String,
})
export const CorrectReturned = Schema.Struct({
  type: Schema.Literal("correct"),
  ...common,
  changes: NonEmptyList(CorrectionChange),
  reason: NonEmpty,
})

/** Every event a filed dossier can receive (filing itself is {@link FileDossier}, handled by `open`). */
export const DossierEvent = Schema.Union([
  AcceptAtIntake,
  RefuseAtIntake,
  RequestSupplementation,
  SupplementReceived,
  SupplementationDeadlinePassed,
  RequestFinancialObligation,
  PaymentConfirmed,
  CompleteStep,
  TransferToAgency,
  Approve,
  Reject,
  Sign,
  ReplaceResult,
  ResultReady,
  ReturnResult,
  Withdraw,
  StopProcessing,
  ExtendWithApology,
  CorrectReturned,
])
export type DossierEvent = typeof DossierEvent.Type
/** The JSON form of an event, as callers write it. */
export type DossierEventInput = typeof DossierEvent.Encoded
export type FileDossierInput = typeof FileDossier.Encoded
export type DossierEventType = DossierEvent["type"]
export type EventOf<T extends DossierEventType> = Extract<DossierEvent, { type: T }>

/** Every event type, in lifecycle order (useful for exhaustive tests and documentation). */
export const dossierEventTypes: ReadonlyArray<DossierEventType> = [
  "accept",
  "refuse",
  "requestSupplementation",
  "supplementReceived",
  "supplementationDeadlinePassed",
  "requestFinancialObligation",
  "paymentConfirmed",
  "completeStep",
  "transfer",
  "approve",
  "reject",
  "sign",
  "replaceResult",
  "resultReady",
  "returnResult",
  "withdraw",
  "stop",
  "extendWithApology",
  "correct",
]
