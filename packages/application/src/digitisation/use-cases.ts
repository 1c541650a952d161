// Digitisation (số hóa hồ sơ, Decree 45/2020 art. 15): every paper of a dossier that is scanned at a counter,
// uploaded by the applicant or taken from their e-wallet is recorded as the required document it is, with its pages,
// SHA-256, who digitised it, when and where (DigitisedPaperStore). A paper digitised again replaces the current one as
// a new version; the old version and its bytes stay, readable by whoever may read the dossier. The dossier's flags
// (`documents[].digitised`, `fromEWallet`: the national portal's record, indicators 4.2 and 4.3) come only from
// these records, through the domain's one rule `digitisedDocuments`, written in the same transaction as the record.
// A flag declared without a record is dropped from a filing or a supplement and refused at intake
// (`declaredFlagsBacked`); a dossier received from the national portal keeps the portal's own flags.
import {
  applyVariant,
  type DocumentPresent,
  type DossierContext,
  digitisedDocuments,
  type Jurisdiction,
  type PaperSource,
  type PersistedDossier,
  type Procedure,
  persist,
  stateOf,
  unbackedFlags,
  withoutRecordFlags,
} from "@motcua/domain"
import { Effect, Result } from "effect"
import type { Principal } from "../authorization/principal.ts"
import { authorizeOn, loadDossier } from "../dossier/engine.ts"
import { topics } from "../dossier/plan.ts"
import { summarize } from "../dossier/summary.ts"
import { PaperRefused } from "../errors.ts"
import { portalRecordView } from "../portal/view.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { Clock } from "../ports/clock.ts"
import { type DigitisedPaper, DigitisedPaperStore } from "../ports/digitised-papers.ts"
import { DocumentStore } from "../ports/document-store.ts"
import { DossierStore } from "../ports/dossier-store.ts"
import { DocumentNotFound, VersionConflict } from "../ports/errors.ts"
import type { Json } from "../ports/json.ts"
import type { DocumentMeta, Instant, OutboxMessageInput } from "../ports/records.ts"
import { UnitOfWork } from "../ports/unit-of-work.ts"
import { authorizeDossierRead } from "../use-cases/read-audit.ts"
import { countPages } from "./pages.ts"

/** A paper to record: the required document it is and the staged document (DocumentStore.put) holding it. */
export interface PaperInput {
  /** The required document of the procedure (`RequiredDocument.id`). */
  readonly documentId: string
  /** The staged document with the bytes (a scan from the counter agent, an upload). */
  readonly attachmentId: string
  /** What the digitiser counted; checked against the bytes when they can be counted. */
  readonly pages?: number
  /** What the digitiser hashed (the counter agent sends it): checked against what was stored. */
  readonly sha256?: string
}

/** Where and by whom a paper is digitised. */
interface PaperOrigin {
  readonly principal: Principal
  readonly source: PaperSource
  readonly at: Instant
  readonly intakePointId: string | null
  readonly agencyCode: string
  readonly unitCode: string | null
  readonly walletEntryId?: string
}

/** The required documents a dossier of `procedure` (and variant) may carry. */
const requiredDocuments = (procedure: Procedure, variantId: string | undefined) => {
  const applied = applyVariant(procedure, variantId)
  return Result.isSuccess(applied) ? applied.success.documents : procedure.documents
}

/**
 * Checks one paper against the procedure and its bytes and makes its record (not stored): the next version after
 * `existing`. `field` is the input's path, for the refusal.
 */
const preparePaper = (
  input: PaperInput,
  procedure: Procedure,
  variantId: string | undefined,
  dossierCode: string,
  existing: ReadonlyArray<DigitisedPaper>,
  origin: PaperOrigin,
  field: string,
  pagesRequired = true,
) =>
  Effect.gen(function* () {
    const required = requiredDocuments(procedure, variantId)
    if (!required.some((d) => d.id === input.documentId)) {
      return yield* Effect.fail(
        new PaperRefused({
          reason: "unknown-document",
          field: within(field, "documentId"),
          detail:
            `thủ tục ${procedure.code} không có thành phần hồ sơ "${input.documentId}"; có: ` +
            `${required.map((d) => d.id).join(", ")} (the procedure has no such required document)`,
        }),
      )
    }
    const { meta, bytes } = yield* (yield* DocumentStore).get(input.attachmentId)
    // only a staged document becomes a paper: one attached anywhere already (this dossier's included) is not new
    if (meta.dossierCode !== null) return yield* Effect.fail(new DocumentNotFound({ id: input.attachmentId }))
    if (input.sha256 !== undefined && input.sha256.toLowerCase() !== meta.sha256) {
      return yield* Effect.fail(
        new PaperRefused({
          reason: "hash-mismatch",
          field: within(field, "sha256"),
          detail:
            `SHA-256 của tài liệu đã lưu là ${meta.sha256}, khác với ${input.sha256} (the stored document is not the ` +
            "one that was hashed: scan or upload it again)",
        }),
      )
    }
    const pages = yield* pagesOf(meta, bytes, input.pages, within(field, "pages"), pagesRequired)
    const version = existing
      .filter((p) => p.documentId === input.documentId)
      .reduce((n, p) => Math.max(n, p.version), 0)
    const paper: DigitisedPaper = {
      dossierCode,
      documentId: input.documentId,
      version: version + 1,
      fileId: meta.id,
      pages,
      sha256: meta.sha256,
      mediaType: meta.mediaType,
      size: meta.size,
      source: origin.source,
      digitisedBy: origin.principal.id,
      digitisedAt: origin.at,
      intakePointId: origin.intakePointId,
      unitCode: origin.unitCode,
      agencyCode: origin.agencyCode,
      walletEntryId: origin.walletEntryId ?? null,
    }
    return paper
  })

/**
 * The paper's pages: counted from the bytes (a number said otherwise is refused), else as said; a PDF whose pages
 * cannot be counted and that nobody counted is refused when `required`, else recorded without a count (null).
 */
/** The path of an input's field below the input's own path ("" for the request's top level: `documentId`). */
const within = (field: string, name: string) => (field === "" ? name : `${field}.${name}`)

const pagesOf = (meta: DocumentMeta, bytes: Uint8Array, said: number | undefined, field: string, required: boolean) => {
  const counted = countPages(bytes, meta.mediaType)
  if (said !== undefined && counted !== undefined && said !== counted)
    return Effect.fail(
      new PaperRefused({
        reason: "pages-mismatch",
        field,
        detail: `tài liệu có ${counted} trang, không phải ${said} (the document has ${counted} pages, not ${said})`,
      }),
    )
  const pages = counted ?? said
  if (pages === undefined && required)
    return Effect.fail(
      new PaperRefused({
        reason: "pages-unknown",
        field,
        detail: "không đếm được số trang của tệp PDF này; hãy khai số trang (give the number of pages)",
      }),
    )
  return Effect.succeed(pages ?? null)
}

/** Where an officer digitises: the intake point they name (one of theirs), else the dossier's when theirs, else none. */
const intakePointOf = (principal: Principal, context: DossierContext, named: string | undefined) => {
  const scope = principal.scope
  const mine = scope._tag === "Staff" ? scope.intakePointIds : []
  if (named !== undefined) {
    return mine.includes(named)
      ? Effect.succeed<string | null>(named)
      : Effect.fail(
          new PaperRefused({
            reason: "not-at-this-counter",
            field: "intakePointId",
            detail: `tài khoản không làm việc tại điểm tiếp nhận ${named} (the account does not work at that intake point)`,
          }),
        )
  }
  const own = context.intakePointId !== undefined && mine.includes(context.intakePointId) ? context.intakePointId : null
  return Effect.succeed(own ?? mine[0] ?? null)
}

const sourceOf = (principal: Principal): PaperSource => (principal.scope._tag === "Citizen" ? "citizen" : "officer")

/** Whether the dossier's documents keep the flags it was filed with: received from the national portal. */
const portalSourced = (context: DossierContext) => ({ portal: context.portal !== undefined })

/** The dossier's snapshot with its documents' flags derived from `papers` (the domain's rule). */
export const withPaperFlags = (dossier: PersistedDossier, papers: ReadonlyArray<DigitisedPaper>): PersistedDossier => ({
  ...dossier,
  context: {
    ...dossier.context,
    documents: digitisedDocuments(dossier.context.documents, papers, portalSourced(dossier.context)),
  },
})

/**
 * The documents an officer declares at intake, checked against the dossier's records: a `digitised` or `fromEWallet`
 * flag that no record backs (no paper of that document scanned, uploaded or taken from the wallet) is refused at its
 * path `field[i].flag`, for the officer to record the paper first (POST …/papers) — not counted, and not silently
 * dropped while the paper is still at the counter. Backed flags pass. Answers the documents without the flags: the
 * dossier's flags stay the records' (the machine merges the rest).
 */
export const declaredFlagsBacked = (
  dossier: PersistedDossier,
  declared: ReadonlyArray<DocumentPresent>,
  field: string,
) =>
  Effect.gen(function* () {
    if (declared.some((d) => d.digitised === true || d.fromEWallet === true)) {
      const papers = yield* (yield* DigitisedPaperStore).list(dossier.context.dossierCode)
      const recorded = withPaperFlags(dossier, papers).context.documents
      const [unbacked] = unbackedFlags(declared, recorded)
      if (unbacked !== undefined) {
        return yield* Effect.fail(
          new PaperRefused({
            reason: "declared-without-record",
            field: `${field}[${unbacked.index}].${unbacked.flag}`,
            detail:
              unbacked.flag === "digitised"
                ? `giấy tờ "${unbacked.documentId}" chưa có bản số hóa nào được ghi nhận; hãy ghi nhận bản quét hoặc ` +
                  "tệp tải lên trước (POST /api/v1/dossiers/{code}/papers) (no digitised paper of this document is " +
                  "recorded: record the scan or upload first)"
                : `giấy tờ "${unbacked.documentId}" không được lấy từ kho dữ liệu của công dân khi nộp hồ sơ (the ` +
                  "document was not taken from the citizen's e-wallet at filing)",
          }),
        )
      }
    }
    return declared.map(withoutRecordFlags)
  })

/** The portal's record pushed again, its documents' flags having changed (not for a simulated dossier). */
const portalRecordAgain = (
  dossier: PersistedDossier,
  procedure: Procedure,
  jurisdiction: Jurisdiction,
): OutboxMessageInput[] =>
  dossier.context.simulated === true
    ? []
    : [
        {
          topic: topics.portalSync,
          payload: {
            kind: "record",
            record: portalRecordView(dossier.context, stateOf(dossier), procedure, jurisdiction) as unknown as Json,
          },
          orderingKey: `${topics.portalSync}:${dossier.context.dossierCode}`,
        },
      ]

export interface DigitisePaperInput extends PaperInput {
  /** The intake point (counter) it is digitised at, one of the officer's; default the dossier's, when theirs. */
  readonly intakePointId?: string
  /** The dossier version the caller saw: another stored version is a VersionConflict. */
  readonly expectedVersion?: number
}

/**
 * Records a paper of an existing dossier — a counter's scan, the officer's or the applicant's upload — as the
 * required document it is: the first version, or the next one, replacing the current one (which stays). The staged
 * document is attached to the dossier, the dossier's flags follow from its papers, the audit says who and what, and
 * the national portal's record is pushed again; all in one transaction, or nothing. Who may: the dossier's applicant
 * (their own upload) and the officers and post office agents taking papers in for it (`dossier.digitise`).
 */
export const digitisePaper = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  input: DigitisePaperInput,
) {
  const loaded = yield* loadDossier(code)
  yield* authorizeOn(principal, "dossier.digitise", loaded)
  if (input.expectedVersion !== undefined && input.expectedVersion !== loaded.record.version) {
    return yield* Effect.fail(
      new VersionConflict({ code, expectedVersion: input.expectedVersion, actualVersion: loaded.record.version }),
    )
  }
  const store = yield* DigitisedPaperStore
  const existing = yield* store.list(code)
  const { context, procedure } = loaded
  const at = yield* (yield* Clock).now
  const source = sourceOf(principal)
  const origin: PaperOrigin = {
    principal,
    source,
    at,
    intakePointId: source === "officer" ? yield* intakePointOf(principal, context, input.intakePointId) : null,
    agencyCode: context.agencyCode,
    unitCode: context.unitCode ?? null,
  }
  const paper = yield* preparePaper(input, procedure, context.variantId, code, existing, origin, "")
  const next = withPaperFlags(loaded.dossier, [...existing, paper])
  const replaced = existing.filter((p) => p.documentId === paper.documentId).at(-1)
  const record = yield* (yield* UnitOfWork).transaction(
    Effect.gen(function* () {
      const committed = yield* (yield* DossierStore).commit({
        code,
        expectedVersion: loaded.record.version,
        snapshot: persist(next as never) as unknown as Json,
        summary: summarize(next, procedure),
        at,
        audit: [
          {
            at,
            actor: principal.id,
            action: replaced === undefined ? "dossier.paperDigitised" : "dossier.paperReplaced",
            detail: {
              documentId: paper.documentId,
              version: paper.version,
              fileId: paper.fileId,
              sha256: paper.sha256,
              pages: paper.pages,
              source: paper.source,
              intakePointId: paper.intakePointId,
              ...(replaced === undefined ? {} : { replacesFileId: replaced.fileId }),
            },
          },
        ],
        outbox: portalRecordAgain(next, procedure, (yield* CatalogStore).jurisdiction),
        documentIds: [paper.fileId],
        attachedBy: principal.id,
      })
      yield* store.add(paper)
      return committed
    }),
  )
  return { paper, dossierVersion: record.version, replacedVersion: replaced?.version ?? null }
})

/** A required document's digitised versions, the current (highest) first in `current`. */
export interface PaperHistory {
  readonly documentId: string
  readonly name: string
  readonly current: DigitisedPaper
  /** Every version, oldest first (the current one last). */
  readonly versions: ReadonlyArray<DigitisedPaper>
}

/** The dossier's digitised papers with their versions, for whoever may read the dossier (the read is audited). */
export const dossierPapers = Effect.fnUntraced(function* (principal: Principal, code: string) {
  const loaded = yield* loadDossier(code)
  yield* authorizeDossierRead(principal, loaded, "dossier-document")
  const papers = yield* (yield* DigitisedPaperStore).list(code)
  const names = new Map(requiredDocuments(loaded.procedure, loaded.context.variantId).map((d) => [d.id, d.name]))
  const byDocument = new Map<string, DigitisedPaper[]>()
  for (const paper of papers) byDocument.set(paper.documentId, [...(byDocument.get(paper.documentId) ?? []), paper])
  const histories: PaperHistory[] = [...byDocument].map(([documentId, versions]) => ({
    documentId,
    name: names.get(documentId) ?? documentId,
    current: versions.at(-1) as DigitisedPaper,
    versions,
  }))
  return histories
})

/** A paper a filing brings: an upload or a scan of the filer (`papers`), or a copy of an e-wallet entry. */
export interface FilingPaper extends PaperInput {
  readonly walletEntryId?: string
  /** Its path in the filing, for a refusal (`papers[0]`, `fromWallet[1]`). */
  readonly field: string
}

/**
 * The records of the papers a filing brings, checked before the dossier exists (so a refusal leaves nothing), and
 * the filing's documents with the flags they give. `store` writes them once the dossier is created, in its
 * transaction (filing.ts).
 */
export const filingPapers = Effect.fnUntraced(function* (
  principal: Principal,
  input: {
    readonly procedure: Procedure
    readonly variantId: string | undefined
    readonly at: Instant
    readonly agencyCode: string
    readonly unitCode: string | null
    readonly intakePointId: string | null
    readonly documents: ReadonlyArray<DocumentPresent>
    readonly papers: ReadonlyArray<FilingPaper>
    /** Received from the national portal: its documents keep the portal's flags (others' declared flags drop). */
    readonly portal: boolean
  },
) {
  const made: DigitisedPaper[] = []
  for (const paper of input.papers) {
    const fromWallet = paper.walletEntryId !== undefined
    const origin: PaperOrigin = {
      principal,
      source: fromWallet ? "e-wallet" : sourceOf(principal),
      at: input.at,
      intakePointId: input.intakePointId,
      agencyCode: input.agencyCode,
      unitCode: input.unitCode,
      ...(fromWallet ? { walletEntryId: paper.walletEntryId } : {}),
    }
    // the dossier's code is not known yet: storeFilingPapers sets it; a wallet copy's pages are never asked for
    made.push(yield* preparePaper(paper, input.procedure, input.variantId, "", made, origin, paper.field, !fromWallet))
  }
  return { papers: made, documents: digitisedDocuments(input.documents, made, { portal: input.portal }) }
})

/** Writes a new dossier's papers under its code (inside its creation's transaction). */
export const storeFilingPapers = (dossierCode: string, papers: ReadonlyArray<DigitisedPaper>) =>
  Effect.gen(function* () {
    if (papers.length === 0) return
    const store = yield* DigitisedPaperStore
    for (const paper of papers) yield* store.add({ ...paper, dossierCode })
  })
