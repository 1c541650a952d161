// The application's DocumentRenderer port over pdf-lib.
import { DocumentRenderer, ExternalServiceFailed, PreviewRefused, SigningRefused } from "@motcua/application"
import { Effect, Layer } from "effect"
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFRawStream } from "pdf-lib"
import { appendVerificationPage, renderFormPdf, renderReceiptPdf, renderResultPdf } from "./documents.ts"
import { previewPdfPage } from "./preview.ts"

const failed = (operation: string) => (cause: unknown) =>
  new ExternalServiceFailed({ port: "DocumentRenderer", operation, cause })

const refused = (reason: SigningRefused["reason"], detail: string) => new SigningRefused({ reason, detail })

function namesJavaScript(object: PDFObject): boolean {
  const dict = object instanceof PDFDict ? object : object instanceof PDFRawStream ? object.dict : undefined
  if (dict === undefined) return false
  for (const [key, value] of dict.entries()) {
    const name = key.decodeText()
    if (name === "JS" || name === "JavaScript") return true
    if (name === "S" && value instanceof PDFName && value.decodeText() === "JavaScript") return true
    if (value instanceof PDFDict && namesJavaScript(value)) return true
    if (value instanceof PDFArray && value.asArray().some(namesJavaScript)) return true
  }
  return false
}

/**
 * Whether an uploaded result may be issued: a PDF (by its first bytes), not encrypted, without JavaScript, that
 * pdf-lib reads and that has pages. The same rules as the X.509 signer's, checked here first because the
 * verification page is added before signing.
 */
export async function checkResultPdf(bytes: Uint8Array): Promise<SigningRefused | undefined> {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (!raw.subarray(0, 5).equals(Buffer.from("%PDF-")))
    return refused("not-pdf", "tệp không phải PDF / the file is not a PDF")
  const latin1 = raw.toString("latin1")
  if (/\/Encrypt\s*(\d+\s+\d+\s+R|<<)/.test(latin1))
    return refused("encrypted", "PDF được mã hóa, không ký được / the PDF is encrypted and cannot be signed")
  const javascript = refused("javascript", "PDF chứa JavaScript, không được ký / the PDF contains JavaScript")
  if (latin1.includes("/JavaScript")) return javascript
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true })
    if (doc.getPageCount() === 0) return refused("malformed", "PDF không có trang nào / the PDF has no page")
    for (const [, object] of doc.context.enumerateIndirectObjects()) if (namesJavaScript(object)) return javascript
  } catch (error) {
    return refused("malformed", `PDF hỏng / malformed PDF: ${error instanceof Error ? error.message : String(error)}`)
  }
  return undefined
}

export const PdfRenderer = {
  layer: Layer.succeed(
    DocumentRenderer,
    DocumentRenderer.of({
      renderResult: (document) =>
        Effect.tryPromise({ try: () => renderResultPdf(document), catch: failed("renderResult") }),
      renderForm: (form, frame) =>
        Effect.tryPromise({ try: () => renderFormPdf(form, frame), catch: failed("renderForm") }),
      renderReceipt: (document) =>
        Effect.tryPromise({ try: () => renderReceiptPdf(document), catch: failed("renderReceipt") }),
      markForVerification: (pdf, mark) =>
        Effect.gen(function* () {
          const problem = yield* Effect.promise(() => checkResultPdf(pdf))
          if (problem !== undefined) return yield* Effect.fail(problem)
          return yield* Effect.tryPromise({
            try: () => appendVerificationPage(pdf, mark),
            catch: failed("markForVerification"),
          })
        }),
      previewPage: (pdf, page) =>
        Effect.flatMap(
          Effect.tryPromise({ try: () => previewPdfPage(pdf, page), catch: failed("previewPage") }),
          (drawn) => (drawn instanceof PreviewRefused ? Effect.fail(drawn) : Effect.succeed(drawn)),
        ),
    }),
  ),
}
