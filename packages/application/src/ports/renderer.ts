// Rendering documents people hold: the standard forms, the result document and the e-receipt as PDF, each with a QR
// code to its public page, and the verification mark (QR and page) added to a result PDF an officer uploaded. Implemented by
// adapters/render-pdf; the test layer writes a small text stand-in that keeps what was asked for.
import type { FormData, ProcessControlSlip, ReceiptRecord, TrackingLog } from "@motcua/domain"
import { Context, Data, Effect, Layer } from "effect"
import type { ExternalServiceFailed } from "./external-errors.ts"
import { SigningRefused } from "./signer.ts"

/** Any of the seven standard forms' data (domain/dossier/forms.ts). */
export type StandardForm = FormData | ProcessControlSlip | TrackingLog

/** What frames a document: who issues it, its number, place and date, and where its QR code leads. */
export interface DocumentFrame {
  /** The issuing authority, printed top left (e.g. "CÔNG AN PHƯỜNG HỒNG GAI"). */
  readonly issuer: string
  /** The document's number ("Số: …"). */
  readonly number: string
  /** Where and when it is issued: "Quảng Ninh", a civil date `YYYY-MM-DD`. */
  readonly place: string
  readonly date: string
  /** The URL the QR code holds (the public verification or lookup page). */
  readonly qrUrl: string
}

/** The result of a dossier as a document: the citizen-facing title and what was decided. */
export interface ResultDocument {
  readonly frame: DocumentFrame
  /** The result's citizen-facing title (the procedure's result name), printed upper case. */
  readonly title: string
  readonly dossierCode: string
  readonly procedureCode: string
  readonly procedureName: string
  readonly applicantName: string
  readonly decision: "approved" | "rejected"
  readonly note?: string
  readonly reasons?: ReadonlyArray<string>
  /** How long the result is valid, as published. */
  readonly validity?: string
  /** Who signs, printed above the signature: the role and the officer's name or id. */
  readonly signerTitle: string
  readonly signerName: string
}

/** The mark a signed result carries so that anyone can check it. */
export interface VerificationMark {
  readonly url: string
  readonly verificationId: string
  readonly dossierCode: string
  readonly title: string
}

/** An e-receipt as printed: the record as issued (or cancelled), where it is issued, and where its QR code leads. */
export interface ReceiptDocument {
  readonly receipt: ReceiptRecord
  /** Printed with the date ("Quảng Ninh, ngày …"). */
  readonly place: string
  /** The URL the QR code holds: the dossier's public lookup page. */
  readonly qrUrl: string
  /** The cancelled receipt this one replaces (`receipt.replaces`), by its series and number as printed. */
  readonly replaces?: ReceiptRef
  /** The receipt that replaced this cancelled one (`receipt.replacedBy`). */
  readonly replacedBy?: ReceiptRef
}

/** A receipt as another receipt names it: its series and number. */
export interface ReceiptRef {
  readonly series: string
  readonly number: number
}

/**
 * A preview that cannot be drawn (HTTP 422): a page the document does not have (pages count from 1), or a PDF the
 * renderer cannot read (its upload was checked only by its first bytes).
 */
export class PreviewRefused extends Data.TaggedError("PreviewRefused")<{
  readonly reason: "no-such-page" | "unreadable"
  readonly detail: string
}> {
  override get message(): string {
    return `không xem trước được / no preview: ${this.detail}`
  }
}

/** The refusal of page `page` of a document of `pages` pages. */
export const noSuchPage = (page: number, pages: number): PreviewRefused =>
  new PreviewRefused({
    reason: "no-such-page",
    detail: `tài liệu có ${pages} trang, không có trang ${page} / the document has ${pages} page(s), not page ${page}`,
  })

/** One page of a document drawn as a PNG image, and how many pages the document has. */
export interface PagePreview {
  readonly png: Uint8Array
  readonly pages: number
}

export interface DocumentRendererShape {
  readonly renderResult: (document: ResultDocument) => Effect.Effect<Uint8Array, ExternalServiceFailed>
  /** Adds a verification page (QR, dossier code, title) to an uploaded PDF; refuses what cannot be signed. */
  readonly markForVerification: (
    pdf: Uint8Array,
    mark: VerificationMark,
  ) => Effect.Effect<Uint8Array, SigningRefused | ExternalServiceFailed>
  readonly renderForm: (form: StandardForm, frame: DocumentFrame) => Effect.Effect<Uint8Array, ExternalServiceFailed>
  /** An e-receipt (biên lai điện tử) as PDF: form symbol, series, number, payer, items, total in figures and words. */
  readonly renderReceipt: (document: ReceiptDocument) => Effect.Effect<Uint8Array, ExternalServiceFailed>
  /**
   * One page of a PDF (from 1) drawn as a PNG image, for a preview in the pages (their content-security policy
   * embeds no PDF); a page the PDF does not have, or a PDF that cannot be read, is PreviewRefused.
   */
  readonly previewPage: (
    pdf: Uint8Array,
    page: number,
  ) => Effect.Effect<PagePreview, PreviewRefused | ExternalServiceFailed>
}

export class DocumentRenderer extends Context.Service<DocumentRenderer, DocumentRendererShape>()(
  "@motcua/application/DocumentRenderer",
) {
  /** Text stand-ins starting with `%PDF-` (not real PDFs) that keep what was asked, for the use-case tests. */
  static readonly layerTest = Layer.succeed(
    DocumentRenderer,
    DocumentRenderer.of({
      renderResult: (d) =>
        Effect.succeed(stand(`result|${d.title}|${d.dossierCode}|${d.decision}|${d.frame.qrUrl}|${d.signerName}`)),
      markForVerification: (pdf, mark) => {
        const text = Buffer.from(pdf).toString("latin1")
        if (!text.startsWith("%PDF-"))
          return Effect.fail(new SigningRefused({ reason: "not-pdf", detail: "tệp không phải PDF / not a PDF" }))
        return Effect.succeed(
          new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.from(`\n%mark|${mark.url}|${mark.dossierCode}`)])),
        )
      },
      renderForm: (form, frame) => Effect.succeed(stand(`form|${form.form}|${frame.number}|${frame.qrUrl}`)),
      renderReceipt: ({ receipt: r, qrUrl }) =>
        Effect.succeed(stand(`receipt|${r.form}|${r.series}|${r.number}|${r.status}|${r.total}|${qrUrl}`)),
      // a stand-in PDF has one page, drawn as a 1×1 PNG
      previewPage: (_, page) =>
        page === 1 ? Effect.succeed({ png: ONE_PIXEL_PNG, pages: 1 }) : Effect.fail(noSuchPage(page, 1)),
    }),
  )
}

const ONE_PIXEL_PNG = new Uint8Array(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==", "base64"),
)

const stand = (text: string) => new Uint8Array(Buffer.from(`%PDF-1.7\n%${text}\n%%EOF\n`, "utf8"))
