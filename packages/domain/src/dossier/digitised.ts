/**
 * Digitised papers (hồ sơ, giấy tờ được số hóa): each paper of a dossier scanned at the counter, uploaded by the
 * applicant or taken from their e-wallet is recorded with which required document it is (the application keeps the
 * records, with their versions: application/digitisation). This module is the one rule that turns those records into
 * the flags a dossier's documents carry (`DocumentPresent.digitised`, `fromEWallet`), which the national portal's
 * record (DuocSoHoa, LayTuKhoDMQG) and the Decision 766 digitisation indicators (4.2, 4.3) read.
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

/**
 * The dossier's documents with the flags its digitised papers give, in order, new required documents after:
 * - a document with a record is `digitised`, and `fromEWallet` when its current version (the highest) was taken from
 *   the citizen's e-wallet (a replacement scanned at the counter is no longer the wallet's paper);
 * - a document with none keeps what was declared for it (a filing received from the national portal carries the
 *   portal's own flags; papers digitised there are not recorded here).
 */
export function digitisedDocuments(
  documents: ReadonlyArray<DocumentPresent>,
  papers: ReadonlyArray<DigitisedPaperFact>,
): DocumentPresent[] {
  const current = new Map<string, DigitisedPaperFact>()
  for (const paper of papers) {
    const seen = current.get(paper.documentId)
    if (seen === undefined || paper.version > seen.version) current.set(paper.documentId, paper)
  }
  const flagged = (document: DocumentPresent, paper: DigitisedPaperFact): DocumentPresent => {
    const { fromEWallet: _, ...rest } = document
    return { ...rest, digitised: true, ...(paper.source === "e-wallet" ? { fromEWallet: true } : {}) }
  }
  const out = documents.map((d) => {
    const paper = current.get(d.id)
    return paper === undefined ? d : flagged(d, paper)
  })
  for (const [id, paper] of current) if (!documents.some((d) => d.id === id)) out.push(flagged({ id }, paper))
  return out
}
