// The preview of a PDF's page, drawn by poppler's pdftoppm: the page asked for (told apart by its shape: the first
// is upright, the second lying), the page count, and a clear refusal for a page the PDF lacks or a file that only
// starts like a PDF.
import { PreviewRefused } from "@motcua/application"
import { PDFDocument } from "pdf-lib"
import { describe, expect, it } from "vitest"
import { previewPdfPage } from "./preview.ts"

/** A PNG's width and height, from its IHDR chunk. */
const size = (png: Uint8Array) => {
  const view = Buffer.from(png)
  expect(view.subarray(1, 4).toString("latin1")).toBe("PNG")
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) }
}

const twoPages = async () => {
  const doc = await PDFDocument.create()
  doc.addPage([576, 792]) // 8 × 11 inches, upright
  doc.addPage([720, 360]) // 10 × 5 inches, lying
  return doc.save()
}

describe("previewPdfPage (pdftoppm)", () => {
  it("draws the page asked for at 100 dpi and counts the pages", async () => {
    const pdf = await twoPages()
    const first = await previewPdfPage(pdf, 1)
    const second = await previewPdfPage(pdf, 2)
    if (first instanceof PreviewRefused || second instanceof PreviewRefused) throw new Error("refused")
    expect(first.pages).toBe(2)
    expect(second.pages).toBe(2)
    expect(size(first.png)).toEqual({ width: 800, height: 1100 })
    expect(size(second.png)).toEqual({ width: 1000, height: 500 })
    const small = await previewPdfPage(pdf, 1, { dpi: 50 })
    if (small instanceof PreviewRefused) throw new Error("refused")
    expect(size(small.png).width).toBe(400)
  })

  it("refuses a page the PDF does not have, saying how many it has", async () => {
    const pdf = await twoPages()
    for (const page of [0, 3, 1.5]) {
      const refused = await previewPdfPage(pdf, page)
      expect(refused).toBeInstanceOf(PreviewRefused)
      expect((refused as PreviewRefused).reason).toBe("no-such-page")
      expect((refused as PreviewRefused).detail).toContain("2 page(s)")
    }
  })

  it("refuses a file that only starts like a PDF", async () => {
    const refused = await previewPdfPage(new TextEncoder().encode("%PDF-1.7\nnot really a PDF\n"), 1)
    expect(refused).toBeInstanceOf(PreviewRefused)
    expect((refused as PreviewRefused).reason).toBe("unreadable")
    expect((refused as PreviewRefused).detail).toMatch(/^không đọc được tệp PDF/)
  })
})
