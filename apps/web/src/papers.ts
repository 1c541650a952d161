// A dossier's digitised papers as the officer desk shows them: one row per required document of the dossier's
// procedure (as its variant has them), in the catalogue's order, each with its digitised versions from
// GET /api/v1/dossiers/{code}/papers (none: not digitised yet), newest first. A paper recorded for a document the
// procedure no longer lists (the catalogue changed since) still gets its row, after the others, under the name the API
// gives it: nothing digitised is ever hidden.
import type { Schemas } from "./api/client.ts"

export type DigitisedPaper = Schemas["DigitisedPaper"]
export type PaperHistory = Schemas["PaperHistory"]

/** A required document as the procedure lists it (GET /api/v1/procedures/{code} → documents, or a variant's). */
export interface RequiredDocument {
  readonly id: string
  readonly name: string
  readonly nameEn?: string
  readonly mandatory: boolean
}

export interface ProcedureDocuments {
  readonly documents: ReadonlyArray<RequiredDocument>
  readonly variants?: ReadonlyArray<{ readonly id: string; readonly documents?: ReadonlyArray<RequiredDocument> }>
}

export interface PaperRow {
  readonly documentId: string
  readonly name: string
  /** Whether the procedure requires it; undefined for a paper of a document the procedure no longer lists. */
  readonly mandatory: boolean | undefined
  /** The current version (the highest), if digitised. */
  readonly current: DigitisedPaper | undefined
  /** Every version, newest first (the current one first). */
  readonly versions: ReadonlyArray<DigitisedPaper>
}

/** How many hex digits of a SHA-256 the desk shows: enough to tell papers apart and to compare by eye. */
export const HASH_PREFIX = 12

export const shortHash = (sha256: string): string => sha256.slice(0, HASH_PREFIX).toLowerCase()

/** The sources a paper is digitised from (DigitisedPaper.source), for the catalogues' keys `papers.source_…`. */
export const PAPER_SOURCES: ReadonlyArray<DigitisedPaper["source"]> = ["officer", "citizen", "e-wallet"]

/** The procedure's required documents for a dossier filed under `variantId` (the variant's own list when it has one). */
export function requiredDocumentsOf(
  procedure: ProcedureDocuments,
  variantId: string | undefined,
): ReadonlyArray<RequiredDocument> {
  const variant = variantId === undefined ? undefined : procedure.variants?.find((v) => v.id === variantId)
  return variant?.documents ?? procedure.documents
}

/** The rows of the desk's list: each required document with its versions, then papers of documents not listed. */
export function paperRows(
  required: ReadonlyArray<RequiredDocument>,
  histories: ReadonlyArray<PaperHistory>,
  language: string,
): ReadonlyArray<PaperRow> {
  const byDocument = new Map(histories.map((h) => [h.documentId, h]))
  const newestFirst = (history: PaperHistory | undefined) =>
    [...(history?.versions ?? [])].sort((a, b) => b.version - a.version)
  const listed = required.map((document): PaperRow => {
    const versions = newestFirst(byDocument.get(document.id))
    return {
      documentId: document.id,
      name: language === "en" && document.nameEn ? document.nameEn : document.name,
      mandatory: document.mandatory,
      current: versions[0],
      versions,
    }
  })
  const known = new Set(required.map((d) => d.id))
  const unlisted = histories
    .filter((h) => !known.has(h.documentId))
    .map((h): PaperRow => {
      const versions = newestFirst(h)
      return { documentId: h.documentId, name: h.name, mandatory: undefined, current: versions[0], versions }
    })
  return [...listed, ...unlisted]
}
