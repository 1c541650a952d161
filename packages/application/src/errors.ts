// Typed errors of the use cases, mapped once at the edge to HTTP problems: ActionRefused → 422, Forbidden → 403,
// Unauthenticated → 401, DossierNotFound → 404, VersionConflict → 409, IdempotencyKeyReused → 422 (the last
// three and StoreUnavailable come from the storage ports).
import { describePetitionRefusal, describeRefusal, type PetitionRefusal, type Refusal } from "@motcua/domain"
import { Data } from "effect"

/** The dossier machine refused the action (wrong state, missing documents, fees unpaid, ...), HTTP 422. */
export class ActionRefused extends Data.TaggedError("ActionRefused")<{
  readonly code: string
  readonly reason: Refusal
}> {
  override get message(): string {
    return `hồ sơ ${this.code}: ${describeRefusal(this.reason)}`
  }
}

/** The principal may not take this action on this target (policy.ts), HTTP 403. Nothing was read or written. */
export class Forbidden extends Data.TaggedError("Forbidden")<{
  readonly principalId: string
  readonly action: string
  readonly reason: string
}> {
  override get message(): string {
    return `không có quyền / forbidden: ${this.reason}`
  }
}

/** The request cannot be taken in here (competence, unknown procedure or variant, bad dates), HTTP 422. */
export class FilingRefused extends Data.TaggedError("FilingRefused")<{
  readonly reason: string
  readonly detail: string
  /** The input field at fault, when there is one (e.g. `fees`), as a path in the filing. */
  readonly field?: string
}> {
  override get message(): string {
    return `không tiếp nhận được hồ sơ / filing refused (${this.reason}): ${this.detail}`
  }
}

/**
 * A digitised paper refused before anything is stored: a required document the procedure does not have, a document
 * whose SHA-256 or page count is not what the digitiser said, or one already used. `field` is the input's path.
 */
export class PaperRefused extends Data.TaggedError("PaperRefused")<{
  readonly reason:
    | "unknown-document"
    | "hash-mismatch"
    | "pages-mismatch"
    | "pages-unknown"
    | "not-at-this-counter"
    | "declared-without-record"
  readonly detail: string
  readonly field: string
}> {
  override get message(): string {
    return `không ghi nhận được giấy tờ số hóa / digitised paper refused (${this.reason}): ${this.detail}`
  }
}

/** Stored data the application cannot use (a snapshot that is not one of the machine's): a bug or corruption. */
export class CorruptDossier extends Data.TaggedError("CorruptDossier")<{
  readonly code: string
  readonly detail: string
}> {
  override get message(): string {
    return `dossier ${this.code} cannot be read: ${this.detail}`
  }
}

/** A report was asked for with a bad period, unit or drill-down (HTTP 422): `field` names the input at fault. */
export class ReportRequestInvalid extends Data.TaggedError("ReportRequestInvalid")<{
  readonly field: string
  readonly detail: string
}> {
  override get message(): string {
    return `yêu cầu báo cáo không hợp lệ / invalid report request (${this.field}): ${this.detail}`
  }
}

/** A rating that cannot be taken (the dossier has not been returned yet), HTTP 422. */
export class RatingRefused extends Data.TaggedError("RatingRefused")<{
  readonly code: string
  readonly detail: string
}> {
  override get message(): string {
    return `hồ sơ ${this.code}: không đánh giá được / cannot be rated: ${this.detail}`
  }
}

/** The petition's lifecycle refused the action (wrong state, asked twice, not the sender, …), HTTP 422. */
export class PetitionRefused extends Data.TaggedError("PetitionRefused")<{
  readonly id: string
  readonly reason: PetitionRefusal
}> {
  override get message(): string {
    return `phản ánh, kiến nghị ${this.id}: ${describePetitionRefusal(this.reason)}`
  }
}
