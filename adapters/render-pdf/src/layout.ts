// A small page writer over pdf-lib: A4 pages, DejaVu Serif and Sans embedded (subset) from the dejavu-fonts-ttf npm
// package (full TrueType files with every Vietnamese letter; nothing fetched at run time), text normalised to NFC
// (pdf-lib's fontkit does not compose combining marks), words wrapped to the column, a new page when one is full.
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import fontkit from "@pdf-lib/fontkit"
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib"
import QRCode from "qrcode"

const require = createRequire(import.meta.url)
const fontDir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf")
const fontFiles = {
  regular: "DejaVuSerif.ttf",
  bold: "DejaVuSerif-Bold.ttf",
  italic: "DejaVuSerif-Italic.ttf",
  sans: "DejaVuSans.ttf",
} as const
type FontName = keyof typeof fontFiles
const fontBytes = new Map<FontName, Uint8Array>()
const bytesOf = (name: FontName) => {
  let bytes = fontBytes.get(name)
  if (bytes === undefined) {
    bytes = new Uint8Array(readFileSync(join(fontDir, fontFiles[name])))
    fontBytes.set(name, bytes)
  }
  return bytes
}

export const A4 = { width: 595.28, height: 841.89 } as const
const MARGIN = { top: 50, bottom: 60, left: 60, right: 50 } as const

/** Vietnamese text as the fonts expect it: NFC, no control characters. */
export const clean = (text: string): string =>
  text
    .normalize("NFC")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")

export interface Writer {
  readonly doc: PDFDocument
  page: PDFPage
  y: number
  readonly fonts: Readonly<Record<FontName, PDFFont>>
}

export async function newWriter(title: string, subject: string): Promise<Writer> {
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const fonts = {} as Record<FontName, PDFFont>
  for (const name of Object.keys(fontFiles) as FontName[])
    fonts[name] = await doc.embedFont(bytesOf(name), { subset: true })
  doc.setTitle(clean(title), { showInWindowTitleBar: true })
  doc.setSubject(clean(subject))
  doc.setLanguage("vi-VN")
  doc.setCreator("motcua")
  doc.setProducer("motcua render-pdf (pdf-lib)")
  const page = doc.addPage([A4.width, A4.height])
  return { doc, page, y: A4.height - MARGIN.top, fonts }
}

export const contentWidth = A4.width - MARGIN.left - MARGIN.right

/** Breaks `text` into lines no wider than `width` at `size` (long words are cut). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = []
  for (const paragraph of clean(text).split("\n")) {
    let line = ""
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      const candidate = line === "" ? word : `${line} ${word}`
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate
        continue
      }
      if (line !== "") lines.push(line)
      let rest = word
      while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--
        lines.push(rest.slice(0, cut))
        rest = rest.slice(cut)
      }
      line = rest
    }
    lines.push(line)
  }
  return lines
}

/** Makes room for `height`, starting a new page when the current one is full. */
export function ensure(w: Writer, height: number): void {
  if (w.y - height >= MARGIN.bottom) return
  w.page = w.doc.addPage([A4.width, A4.height])
  w.y = A4.height - MARGIN.top
}

export interface TextOptions {
  readonly font?: FontName
  readonly size?: number
  readonly align?: "left" | "center" | "right"
  /** Left edge and width of the column (the whole content width by default). */
  readonly x?: number
  readonly width?: number
  readonly indent?: number
  readonly gapAfter?: number
}

/** Writes wrapped text at the current position and moves down. */
export function text(w: Writer, content: string, options: TextOptions = {}): void {
  const font = w.fonts[options.font ?? "regular"]
  const size = options.size ?? 11
  const x0 = (options.x ?? MARGIN.left) + (options.indent ?? 0)
  const width = (options.width ?? contentWidth) - (options.indent ?? 0)
  const leading = size * 1.35
  for (const line of wrap(content, font, size, width)) {
    ensure(w, leading)
    const lineWidth = font.widthOfTextAtSize(line, size)
    const x =
      options.align === "center"
        ? x0 + (width - lineWidth) / 2
        : options.align === "right"
          ? x0 + width - lineWidth
          : x0
    w.page.drawText(line, { x, y: w.y - size, size, font, color: rgb(0, 0, 0) })
    w.y -= leading
  }
  w.y -= options.gapAfter ?? 0
}

/** Two columns side by side (the national header): each list of lines centred in its half. */
export function twoColumns(
  w: Writer,
  left: ReadonlyArray<{ readonly text: string; readonly font?: FontName; readonly size?: number }>,
  right: ReadonlyArray<{ readonly text: string; readonly font?: FontName; readonly size?: number }>,
): void {
  const top = w.y
  const leftWidth = contentWidth * 0.42
  const rightX = MARGIN.left + leftWidth
  const rightWidth = contentWidth - leftWidth
  for (const line of left) text(w, line.text, { x: MARGIN.left, width: leftWidth, align: "center", ...line })
  const leftBottom = w.y
  w.y = top
  for (const line of right) text(w, line.text, { x: rightX, width: rightWidth, align: "center", ...line })
  w.y = Math.min(w.y, leftBottom)
}

/** A short rule under a header line, centred on the column. */
export function rule(w: Writer, centre: number, length: number): void {
  w.page.drawLine({
    start: { x: centre - length / 2, y: w.y - 1 },
    end: { x: centre + length / 2, y: w.y - 1 },
    thickness: 0.6,
    color: rgb(0, 0, 0),
  })
}

export const columns = {
  leftCentre: MARGIN.left + (contentWidth * 0.42) / 2,
  rightCentre: MARGIN.left + contentWidth * 0.42 + (contentWidth * 0.58) / 2,
  left: MARGIN.left,
  right: A4.width - MARGIN.right,
}

/** Draws `url` as a QR code (PNG, error correction M) of `size` points at the bottom right of the current page, with a caption. */
export async function qr(w: Writer, url: string, caption: string, size = 92): Promise<void> {
  ensure(w, QR_BLOCK_HEIGHT)
  const png = await QRCode.toBuffer(url, { errorCorrectionLevel: "M", margin: 2, scale: 8, type: "png" })
  const image = await w.doc.embedPng(png)
  const x = A4.width - MARGIN.right - size
  const y = MARGIN.bottom - 20
  // the QR sits in the bottom margin band of the page; keep the text above it
  w.page.drawImage(image, { x, y, width: size, height: size })
  const font = w.fonts.sans
  const lines = wrap(caption, font, 7, contentWidth - size - 12)
  let lineY = y + size - 9
  for (const line of lines) {
    w.page.drawText(line, { x: MARGIN.left, y: lineY, size: 7, font })
    lineY -= 9.5
  }
}

/** Space the QR block needs at the bottom of the last page. */
export const QR_BLOCK_HEIGHT = 110

/** The date as printed under the header: "Quảng Ninh, ngày 06 tháng 10 năm 2025". */
export function placeAndDate(place: string, date: string): string {
  const [year, month, day] = date.split("-")
  return `${place}, ngày ${day} tháng ${month} năm ${year}`
}
