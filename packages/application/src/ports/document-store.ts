import { Context, type Effect } from "effect"
import type { DocumentNotFound, DocumentRejected, StoreUnavailable } from "./errors.ts"
import type { DocumentMeta } from "./records.ts"

/**
 * Documents are stored in two phases, so that a failed transaction leaves neither a dangling reference nor a
 * lasting orphan:
 * 1. `put` checks the bytes (type by magic bytes, size limit), stores them durably and records them as *staged*
 *    (attached to no dossier), outside any dossier transaction.
 * 2. DossierStore.create/commit attach staged documents (`documentIds`) inside the dossier's transaction; a
 *    document that does not exist (or is attached elsewhere) fails the whole commit.
 * If the commit fails, the documents stay staged and `sweepOrphans` removes them once older than its threshold.
 * The sweep deletes a document's record only while it is still unattached (one atomic statement) and its bytes
 * after that, so it can never remove something a commit has just attached.
 *
 * `put` with an uploader records who uploaded (only they may attach it: NewDossier.attachedBy) and refuses the
 * document (DocumentRejected "quota-exceeded") when the uploader's staged bytes would go past `stagedBytesLimit`, so
 * one principal cannot fill the disk with files that wait a day for the sweep.
 */
export interface Uploader {
  readonly principalId: string
  /** Most bytes the principal may have staged (not yet attached), this document included; absent: no limit. */
  readonly stagedBytesLimit?: number
}

export interface DocumentStoreShape {
  readonly put: (
    bytes: Uint8Array,
    declaredType: string,
    uploader?: Uploader,
  ) => Effect.Effect<DocumentMeta, DocumentRejected | StoreUnavailable>
  readonly get: (
    id: string,
  ) => Effect.Effect<{ readonly meta: DocumentMeta; readonly bytes: Uint8Array }, DocumentNotFound | StoreUnavailable>
  /** Removes staged documents older than `olderThanMs`; returns how many were removed. */
  readonly sweepOrphans: (olderThanMs: number) => Effect.Effect<number, StoreUnavailable>
}

export class DocumentStore extends Context.Service<DocumentStore, DocumentStoreShape>()(
  "@motcua/application/DocumentStore",
) {}
