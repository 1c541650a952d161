// @motcua/render-pdf: the standard forms, result documents, e-receipts and verification pages as PDF (pdf-lib, DejaVu fonts
// embedded, a QR code from the qrcode package), and the DocumentRenderer port over them.
export {
  appendVerificationPage,
  MOTTO,
  NATION,
  renderFormPdf,
  renderReceiptPdf,
  renderResultPdf,
} from "./documents.ts"
export { checkResultPdf, PdfRenderer } from "./layer.ts"
export { placeAndDate } from "./layout.ts"
export { type PreviewOptions, previewPdfPage } from "./preview.ts"
