import { createHash } from "node:crypto"
import { Context, type Effect } from "effect"
import { type DocumentNotFound, type DocumentRejected, StoreUnavailable } from "./errors.ts"
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

/** How `put` stores a document besides its bytes. */
export interface PutOptions {
  /**
   * The document's id, chosen by the application (documentIdFrom over an `Ids` value: deterministic under the test
   * ids, random otherwise); absent, the store makes up a random one. It must have the shape of a document id
   * (isDocumentId) and be unused: an id already in use fails the put (StoreUnavailable) and leaves the document
   * that has it untouched.
   */
  readonly id?: string
}

export interface DocumentStoreShape {
  readonly put: (
    bytes: Uint8Array,
    declaredType: string,
    uploader?: Uploader,
    options?: PutOptions,
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

/** A document id: a UUID's shape (lower-case hex), whatever made it. */
export const isDocumentId = (id: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)

/**
 * A document id derived from an id of the `Ids` port (e.g. `Ids.next("document")`): the first 128 bits of its
 * SHA-256, written as a UUID. Unguessable when the seed is (the real ids are random UUIDs); the same seed always
 * gives the same id, so the test ids make the same documents on every run and on every storage.
 */
export function documentIdFrom(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex")
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}

/** The id a put stores under: the one chosen in `options` (refused unless it has a document id's shape) or a new random one. */
export function idForPut(options: PutOptions | undefined): string | StoreUnavailable {
  const id = options?.id
  if (id === undefined) return crypto.randomUUID()
  return isDocumentId(id)
    ? id
    : new StoreUnavailable({ operation: "store document", cause: `"${id}" is not a document id (a UUID's shape)` })
}

/** The failure of a put whose chosen id is already in use (the document that has it is left as it was). */
export const idInUse = (id: string) =>
  new StoreUnavailable({ operation: "store document", cause: `document id ${id} is already in use` })
