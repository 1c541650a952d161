// Typed errors of the storage ports. Adapters turn every driver error into `StoreUnavailable`; everything else is a
// fact about the request that the edge maps to an HTTP problem (VersionConflict → 409, DossierNotFound → 404, ...).
import { Data } from "effect"

/** The dossier changed since it was read: the caller's `expectedVersion` is stale (HTTP 409). Nothing was written. */
export class VersionConflict extends Data.TaggedError("VersionConflict")<{
  readonly code: string
  readonly expectedVersion: number
  /** The version now stored, or `undefined` when the dossier does not exist. */
  readonly actualVersion: number | undefined
}> {
  override get message(): string {
    return `dossier ${this.code} is at version ${this.actualVersion ?? "(none)"}, not ${this.expectedVersion}: reload it and try again`
  }
}

export class DossierNotFound extends Data.TaggedError("DossierNotFound")<{ readonly code: string }> {
  override get message(): string {
    return `no dossier ${this.code}`
  }
}

export class DossierAlreadyExists extends Data.TaggedError("DossierAlreadyExists")<{ readonly code: string }> {
  override get message(): string {
    return `dossier ${this.code} already exists`
  }
}

/** The same idempotency key was sent again with a different request (HTTP 422): the first answer is not returned. */
export class IdempotencyKeyReused extends Data.TaggedError("IdempotencyKeyReused")<{
  readonly scope: string
  readonly key: string
}> {
  override get message(): string {
    return `idempotency key "${this.key}" (${this.scope}) was already used for a different request`
  }
}

/** Why a document was refused. */
export type DocumentRejection = "empty" | "too-large" | "unsupported-type" | "type-mismatch" | "quota-exceeded"

export class DocumentRejected extends Data.TaggedError("DocumentRejected")<{
  readonly reason: DocumentRejection
  readonly detail: string
  /** For `quota-exceeded` by an e-wallet: its limits and what the owner uses now. */
  readonly quota?: {
    readonly entries: number
    readonly bytes: number
    readonly usedEntries: number
    readonly usedBytes: number
  }
}> {
  override get message(): string {
    return `tài liệu bị từ chối / document refused (${this.reason}): ${this.detail}`
  }
}

/** No such document, or (when linking) one that is already attached to another dossier. */
export class DocumentNotFound extends Data.TaggedError("DocumentNotFound")<{ readonly id: string }> {
  override get message(): string {
    return `no unattached document ${this.id}`
  }
}

/** A staged document put by another principal: only its uploader may attach it to a dossier. Nothing was written. */
export class DocumentNotOwned extends Data.TaggedError("DocumentNotOwned")<{ readonly id: string }> {
  override get message(): string {
    return `document ${this.id} was uploaded by another principal: only its uploader may attach it`
  }
}

/** The database (or file system) failed: not a fact about the request. `cause` keeps the driver's error. */
export class StoreUnavailable extends Data.TaggedError("StoreUnavailable")<{
  readonly operation: string
  readonly cause: unknown
}> {
  override get message(): string {
    const why = this.cause instanceof Error ? this.cause.message : String(this.cause)
    return `storage failed during ${this.operation}: ${why}`
  }
}
