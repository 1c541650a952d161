/**
 * The dossier's context: everything the machine knows about one dossier, as plain JSON (strings, numbers, booleans,
 * arrays, objects; no class, no Date) so that storage keeps it as is and `JSON.parse(JSON.stringify(snapshot))`
 * continues where it left off. It changes only through the machine's `assign` (see `reducers.ts`).
 */
import type { Channel, StaffRole } from "../catalogue/schema.ts"
import type {
  Applicant,
  ApplicantVerification,
  DocumentPresent,
  ExemptionClaim,
  MissingItem,
  PortalFiling,
  Representative,
  ReturnMethod,
  Role,
} from "./events.ts"
import type { NationalStatusCode } from "./status.ts"

/** Early (trước hạn), on time (đúng hạn), late (quá hạn); see `classification.ts` for the rule. */
export type Timeliness = "early" | "on-time" | "late"

/** Who did something, kept with each record (the actor's id and role; the agency when it matters). */
export interface ActedBy {
  readonly id: string
  readonly role: Role
}

/** One step of the internal process as the dossier went through it: the process-control slip's row. */
export interface StepRecord {
  readonly stepId: string
  /** Position of the step in the procedure's process. */
  readonly index: number
  readonly role: StaffRole
  /** The organisational unit of the step ("Bộ phận Một cửa", …), or the other authority for an inter-agency step. */
  readonly unit: string
  /** For an inter-agency step, the authority it was transferred to. */
  readonly agencyCode?: string
  /** Who handed the dossier to this step. */
  readonly handedBy: ActedBy
  /** The officer the step was assigned to, when the handover named one. */
  readonly assigneeId?: string
  readonly startedAt: string
  /** Start + the step's allowance in working time, moved later by pauses that fell inside the step. */
  readonly dueAt: string
  readonly endedAt?: string
  /** Who ended the step (handed the dossier on, returned the result, stopped, …): the holder of record. */
  readonly endedBy?: ActedBy
  readonly timeliness?: Timeliness
}

export interface SupplementationRecord {
  readonly requestedAt: string
  readonly requestedBy: ActedBy
  /** The step that asked; empty when asked at intake. */
  readonly stepId: string
  /** Asked by the counter officer before the dossier was received: not a processing request (no late mark). */
  readonly atIntake?: true
  readonly missing: ReadonlyArray<MissingItem>
  readonly applicantDeadline: string
  readonly receivedAt?: string
  readonly documents?: ReadonlyArray<DocumentPresent>
}

/** An interval during which the clock is stopped. `to` is absent while the pause lasts. */
export interface PauseRecord {
  readonly kind: "supplementation" | "financial-obligation"
  readonly from: string
  readonly to?: string
}

export interface FeeLine {
  readonly feeId: string
  readonly name: string
  readonly kind: "fee" | "charge"
  readonly amount: number
  readonly due: "at-intake" | "before-processing" | "before-result"
}

export interface ObligationRecord {
  readonly name: string
  readonly amount: number
  readonly requestedAt: string
  readonly requestedBy: ActedBy
}

export interface PaymentRecord {
  readonly paymentId: string
  readonly amount: number
  readonly at: string
  readonly confirmedBy: ActedBy
}

export interface DecisionRecord {
  readonly kind: "approved" | "rejected"
  readonly at: string
  readonly by: ActedBy
  readonly note?: string
  readonly reasons?: ReadonlyArray<string>
}

export interface ExtensionRecord {
  readonly at: string
  readonly by: ActedBy
  readonly previousAppointment: string
  readonly newAppointment: string
  readonly reason: string
}

/** A signature of the dossier's result. */
export interface SignatureRecord {
  readonly at: string
  readonly by: ActedBy
  readonly signatureId: string
  /** The signed result file (document id, SHA-256, verification id, certificate serial). */
  readonly document?: {
    readonly documentId: string
    readonly sha256: string
    readonly verificationId: string
    readonly certificateSerial?: string
  }
  /** The signature this one replaced (`replaceResult`), when it is a corrected result. */
  readonly replaces?: string
}

/** A signature replaced by a corrected result (`replaceResult`). */
export interface ReplacedSignature extends SignatureRecord {
  readonly replacedAt: string
  readonly replacedBy: ActedBy
  /** The signature of the result that replaced it. */
  readonly replacedWith: string
  readonly reason: string
}

export interface CorrectionRecord {
  readonly at: string
  readonly by: ActedBy
  readonly changes: ReadonlyArray<{ readonly field: string; readonly from?: string; readonly to: string }>
  readonly reason: string
}

/** Why a dossier counts as late whatever the time it ends. */
export type LateMark = "repeated-supplementation" | "extended"

export interface DossierContext {
  readonly dossierCode: string
  readonly procedureCode: string
  readonly variantId?: string
  readonly channel: Channel
  readonly intakePointId?: string
  /** The competent authority and commune-level unit handling the dossier. */
  readonly agencyCode: string
  readonly unitCode?: string
  readonly applicant: Applicant
  /** Who filed for the applicant, when not the applicant (the representative's account id is also filedBy's). */
  readonly representative?: Representative
  /** The account that filed (an applicant's own account online; the officer or agent otherwise). */
  readonly filedBy: ActedBy
  readonly summary?: string
  readonly documents: ReadonlyArray<DocumentPresent>
  readonly receivedAt: string
  readonly acceptedAt?: string
  readonly acceptedBy?: ActedBy
  /** Appointment for the result: acceptance + the provincial time, moved by pauses, replaced by extensions. */
  readonly appointment?: string
  /** The appointment first given on the receipt (never moved), for the record. */
  readonly initialAppointment?: string
  /** Index of the current step in the process; -1 before acceptance. */
  readonly currentStep: number
  readonly steps: ReadonlyArray<StepRecord>
  readonly supplementations: ReadonlyArray<SupplementationRecord>
  readonly pauses: ReadonlyArray<PauseRecord>
  readonly fees: ReadonlyArray<FeeLine>
  /** Exemptions claimed at filing, each with its proof (a document attached, or the intake officer's confirmation). */
  readonly exemptions?: ReadonlyArray<ExemptionClaim>
  readonly obligations: ReadonlyArray<ObligationRecord>
  readonly payments: ReadonlyArray<PaymentRecord>
  readonly decision?: DecisionRecord
  /** The signature of the result in force (the last one, when a corrected result replaced an earlier one). */
  readonly signature?: SignatureRecord
  /** Signatures replaced by corrected results, oldest first, each with when, by whom and why it was replaced. */
  readonly replacedSignatures?: ReadonlyArray<ReplacedSignature>
  readonly processedAt?: string
  readonly resultDocumentIds?: ReadonlyArray<string>
  readonly returned?: { readonly at: string; readonly by: ActedBy; readonly method: ReturnMethod }
  readonly refusal?: { readonly at: string; readonly by: ActedBy; readonly reasons: ReadonlyArray<string> }
  readonly withdrawal?: { readonly at: string; readonly by: ActedBy; readonly reason?: string }
  readonly stop?: { readonly at: string; readonly by: ActedBy; readonly reasons: ReadonlyArray<string> }
  readonly extensions: ReadonlyArray<ExtensionRecord>
  readonly corrections: ReadonlyArray<CorrectionRecord>
  readonly transfers: ReadonlyArray<{ readonly at: string; readonly by: ActedBy; readonly agencyCode: string }>
  /** Marks that make the dossier late in the national index whenever it ends. Non-empty = the late flag. */
  readonly lateMarks: ReadonlyArray<{ readonly mark: LateMark; readonly at: string }>
  /** Every national status the dossier went through, in order (an accepted sequence: see `status.ts`). */
  readonly statusHistory: ReadonlyArray<{ readonly code: NationalStatusCode; readonly at: string }>
  /** The instant of the last accepted event: events may not go back in time. */
  readonly lastEventAt: string
  /** Made up by `motcua simulate`: nothing about it is ever sent outside (see FileDossier.simulated). */
  readonly simulated?: true
  /** Filed on the national public service portal and received from it (FileDossier.portal). */
  readonly portal?: PortalFiling
  /** The applicant checked against the national population database at filing (FileDossier.applicantVerification). */
  readonly applicantVerification?: ApplicantVerification
}

/** The late flag: a second supplementation request or an extension with apology makes the dossier late. */
export const isMarkedLate = (context: DossierContext): boolean => context.lateMarks.length > 0
