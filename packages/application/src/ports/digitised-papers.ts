// Digitised papers (hồ sơ số hóa): each paper of a dossier that was scanned, uploaded or taken from the citizen's
// e-wallet, recorded as which required document it is, with its pages, SHA-256, who digitised it, when and where.
// A replacement is a new version beside the old one: records are only ever added, never changed or removed, and the
// bytes of every version stay attached to the dossier (DocumentStore), readable by whoever may read the dossier.
// Written inside the dossier's own transaction (UnitOfWork: `add` joins the caller's), so a paper is never recorded
// without the dossier's flags that it feeds (domain digitisedDocuments), nor the other way round.
import type { PaperSource } from "@motcua/domain"
import { Context, Data, type Effect } from "effect"
import type { StoreUnavailable } from "./errors.ts"
import type { DocumentMediaType, Instant } from "./records.ts"

export interface DigitisedPaper {
  readonly dossierCode: string
  /** The required document of the procedure it is (`RequiredDocument.id`). */
  readonly documentId: string
  /** 1 for the first digitisation; each replacement the next number. */
  readonly version: number
  /** The document (DocumentStore) holding this version's bytes, attached to the dossier. */
  readonly fileId: string
  /** Counted from the bytes, or as the digitiser said; null when neither (a PDF taken from the e-wallet whose pages could not be counted). */
  readonly pages: number | null
  readonly sha256: string
  readonly mediaType: DocumentMediaType
  readonly size: number
  readonly source: PaperSource
  /** The principal who digitised it (the officer, or the citizen who uploaded or took it from their e-wallet). */
  readonly digitisedBy: string
  readonly digitisedAt: Instant
  /** Where: the intake point (counter) it was digitised at, and the unit or agency handling the dossier. */
  readonly intakePointId: string | null
  readonly unitCode: string | null
  readonly agencyCode: string
  /** The e-wallet entry it was taken from (source "e-wallet"). */
  readonly walletEntryId: string | null
}

/** A version already recorded (two replacements of one paper at the same moment): the later one is refused. */
export class PaperVersionTaken extends Data.TaggedError("PaperVersionTaken")<{
  readonly dossierCode: string
  readonly documentId: string
  readonly version: number
}> {
  override get message(): string {
    return (
      `giấy tờ ${this.documentId} của hồ sơ ${this.dossierCode} đã có phiên bản ${this.version} ` +
      `(version ${this.version} of this paper was recorded meanwhile; read the list again)`
    )
  }
}

export interface DigitisedPaperStoreShape {
  /** Records one version; a version that exists fails with PaperVersionTaken and writes nothing. */
  readonly add: (paper: DigitisedPaper) => Effect.Effect<void, PaperVersionTaken | StoreUnavailable>
  /** The dossier's papers, every version, by required document then version. */
  readonly list: (dossierCode: string) => Effect.Effect<ReadonlyArray<DigitisedPaper>, StoreUnavailable>
}

export class DigitisedPaperStore extends Context.Service<DigitisedPaperStore, DigitisedPaperStoreShape>()(
  "@motcua/application/DigitisedPaperStore",
) {}

/** The order `list` answers in. */
export const byDocumentThenVersion = (a: DigitisedPaper, b: DigitisedPaper): number =>
  a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.version - b.version
