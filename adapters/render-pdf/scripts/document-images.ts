// The pictures of the documents in the docs: each of the seven standard forms, the result document and the
// verification page added to an uploaded result, rendered by this adapter and drawn by poppler's pdftoppm (60 dpi),
// from the same filled-in forms the tests read back. Run after changing the layout, and commit the pictures:
//
//   node adapters/render-pdf/scripts/document-images.ts [folder]     (default: docs/images/forms)
import { mkdirSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { PDFDocument, StandardFonts } from "pdf-lib"
import { appendVerificationPage, renderFormPdf, renderResultPdf } from "../src/documents.ts"
import { forms, frame, pagePng, resultDocument, verificationMark } from "../src/fixtures.test-support.ts"

const folder = resolve(process.argv[2] ?? join(import.meta.dirname, "..", "..", "..", "docs", "images", "forms"))
mkdirSync(folder, { recursive: true })
const write = (name: string, png: Uint8Array) => {
  writeFileSync(join(folder, name), png)
  console.log(join(folder, name))
}

for (const [i, form] of forms.entries()) write(`${form.form}.png`, pagePng(await renderFormPdf(form, frame(i + 1))))
write("result.png", pagePng(await renderResultPdf(resultDocument)))

// an officer's own result (a one-page decision made elsewhere), with the verification page this adapter adds
const upload = await PDFDocument.create()
const page = upload.addPage([595.28, 841.89])
const font = await upload.embedFont(StandardFonts.Helvetica)
page.drawText("QUYET DINH (van ban do co quan soan thao)", { x: 60, y: 760, size: 14, font })
write("verification-page.png", pagePng(await appendVerificationPage(await upload.save(), verificationMark), -1))
