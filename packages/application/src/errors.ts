// Typed errors of the use cases, mapped once at the edge to HTTP problems: ActionRefused → 422, Forbidden → 403,
// Unauthenticated → 401, DossierNotFound → 404, VersionConflict → 409, IdempotencyKeyReused → 422 (the last
// three and StoreUnavailable come from the storage ports).
import { describeRefusal, type Refusal } from "@motcua/domain"
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

/** Stored data the application cannot use (a snapshot that is not one of the machine's): a bug or corruption. */
export class CorruptDossier extends Data.TaggedError("CorruptDossier")<{
  readonly code: string
  readonly detail: string
}> {
  override get message(): string {
    return `dossier ${this.code} cannot be read: ${this.detail}`
  }
}
