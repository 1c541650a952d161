/**
 * Digitised papers (hồ sơ, giấy tờ được số hóa): each paper of a dossier scanned at the counter, uploaded by the
 * applicant or taken from their e-wallet is recorded with which required document it is (the application keeps the
 * records, with their versions: application/digitisation). This module is the one rule that turns those records into
 * the flags a dossier's documents carry (`DocumentPresent.digitised`, `fromEWallet`), which the national portal's
 * record (DuocSoHoa, LayTuKhoDMQG) and the Decision 766 digitisation indicators (4.2, 4.3) read: the records are
 * their only source. A flag a filing, an intake or a supplement declares for a document says nothing by itself
 * (`withoutRecordFlags`, `unbackedFlags`); only a dossier received from the national portal keeps the portal's own
 * flags (the portal digitised those papers, and its records are not kept here).
 */
import type { DocumentPresent } from "./events.ts"

/** Who digitised a paper: an officer at a counter (scan or upload), the applicant (online upload), or re-use. */
export const paperSources = ["officer", "citizen", "e-wallet"] as const
export type PaperSource = (typeof paperSources)[number]

/** What the rule needs of a record: the required document it is and how it came. */
export interface DigitisedPaperFact {
  /** The `RequiredDocument.id` of the procedure (or of its variant). */
  readonly documentId: string
  /** Its version (1 for the first digitisation; a replacement is the next one). */
  readonly version: number
  readonly source: PaperSource
}

/** The flags only records give (or, for a dossier received from the national portal, the portal). */
export const recordFlags = ["digitised", "fromEWallet"] as const
export type RecordFlag = (typeof recordFlags)[number]

/** A document as declared, without the flags only records give (`reused` and the id stay). */
export function withoutRecordFlags(document: DocumentPresent): DocumentPresent {
  const { digitised: _, fromEWallet: __, ...rest } = document
  return rest
}

/**
 * The dossier's documents with the flags its digitised papers give, in order, new required documents after:
 * - a document with a record is `digitised`, and `fromEWallet` when its current version (the highest) was taken from
 *   the citizen's e-wallet (a replacement scanned at the counter is no longer the wallet's paper);
 * - a document with none carries neither flag, whatever was declared for it — except in a dossier received from the
 *   national portal (`portal: true`), whose documents keep the flags the portal sent (papers digitised there, or
 *   taken from the national data stores, are not recorded here).
 */
export function digitisedDocuments(
  documents: ReadonlyArray<DocumentPresent>,
  papers: ReadonlyArray<DigitisedPaperFact>,
  origin: { readonly portal: boolean },
): DocumentPresent[] {
  const current = new Map<string, DigitisedPaperFact>()
  for (const paper of papers) {
    const seen = current.get(paper.documentId)
    if (seen === undefined || paper.version > seen.version) current.set(paper.documentId, paper)
  }
  const flagged = (document: DocumentPresent, paper: DigitisedPaperFact): DocumentPresent => ({
    ...withoutRecordFlags(document),
    digitised: true,
    ...(paper.source === "e-wallet" ? { fromEWallet: true } : {}),
  })
  const out = documents.map((d) => {
    const paper = current.get(d.id)
    if (paper !== undefined) return flagged(d, paper)
    return origin.portal ? d : withoutRecordFlags(d)
  })
  for (const [id, paper] of current) if (!documents.some((d) => d.id === id)) out.push(flagged({ id }, paper))
  return out
}

/** A flag declared `true` for a document that the dossier's records do not give it: where, and which. */
export interface UnbackedFlag {
  /** The index of the document in the declared list. */
  readonly index: number
  readonly documentId: string
  readonly flag: RecordFlag
}

/**
 * The `true` flags of `declared` that the dossier's documents as its records make them (`digitisedDocuments`) do not
 * carry: a paper said to be digitised, or taken from the e-wallet, that nobody recorded. Empty when every declared
 * flag is backed (saying what the records say is harmless) or none is declared.
 */
export function unbackedFlags(
  declared: ReadonlyArray<DocumentPresent>,
  recorded: ReadonlyArray<DocumentPresent>,
): UnbackedFlag[] {
  const byId = new Map(recorded.map((d) => [d.id, d]))
  return declared.flatMap((d, index) =>
    recordFlags
      .filter((flag) => d[flag] === true && byId.get(d.id)?.[flag] !== true)
      .map((flag) => ({ index, documentId: d.id, flag })),
  )
}
