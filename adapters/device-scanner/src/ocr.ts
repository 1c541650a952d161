// OCR of scanned pages with Tesseract (Debian tesseract-ocr, tesseract-ocr-vie): each page becomes a searchable PDF
// page (the image with an invisible text layer) and its text; the pages are merged into one PDF.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DeviceNotReady } from "@motcua/application"
import { type MrzCard, parseMrz } from "@motcua/domain"
import { Result } from "effect"
import { mergePdfs, run } from "./sane-scanner.ts"

export interface OcrOptions {
  /** Tesseract languages, `vie` or `vie+eng`. */
  readonly languages: string
  /** The pages' resolution in dots per inch. */
  readonly dpi: number
  readonly command?: string
  readonly timeoutMs?: number
  /** Tesseract settings, e.g. `{ tessedit_char_whitelist: "0123456789<ABC…" }` for machine-readable zones. */
  readonly settings?: Readonly<Record<string, string>>
  /** Page segmentation mode (`6`: one block of text). */
  readonly psm?: number
}

/** Reads each PNG page: one searchable PDF of them all and the text of each page (pages separated by a form feed). */
export async function searchablePdf(
  pages: ReadonlyArray<Uint8Array>,
  options: OcrOptions,
): Promise<{ readonly pdf: Uint8Array; readonly text: string; readonly pageTexts: ReadonlyArray<string> }> {
  const dir = await mkdtemp(join(tmpdir(), "motcua-ocr-"))
  try {
    const texts: string[] = []
    const parts: Uint8Array[] = []
    for (const [i, png] of pages.entries()) {
      const image = join(dir, `page-${i}.png`)
      const base = join(dir, `page-${i}`)
      await writeFile(image, png)
      const ran = await run(
        options.command ?? "tesseract",
        [
          image,
          base,
          "-l",
          options.languages,
          "--dpi",
          String(options.dpi),
          ...(options.psm === undefined ? [] : ["--psm", String(options.psm)]),
          ...Object.entries(options.settings ?? {}).flatMap(([k, v]) => ["-c", `${k}=${v}`]),
          "pdf",
          "txt",
        ],
        {},
        options.timeoutMs ?? 120_000,
      )
      if (ran.code !== 0)
        throw new DeviceNotReady({
          device: "OCR",
          problem: ran.timedOut ? "timeout" : "failed",
          detail: `OCR không đọc được trang ${i + 1} (tesseract exit ${ran.code}): ${ran.stderr.slice(0, 200)}`,
        })
      texts.push((await readFile(`${base}.txt`, "utf8")).trim())
      parts.push(new Uint8Array(await readFile(`${base}.pdf`)))
    }
    return { pdf: await mergePdfs(parts), text: texts.join("\n\f\n"), pageTexts: texts }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Character accuracy of `read` against `expected`: 1 − edit distance / expected length (whitespace collapsed). */
export function characterAccuracy(expected: string, read: string): number {
  const a = [...expected.normalize("NFC").replace(/\s+/g, " ").trim()]
  const b = [...read.normalize("NFC").replace(/\s+/g, " ").trim()]
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    previous = current
  }
  return a.length === 0 ? 1 : Math.max(0, 1 - (previous[b.length] ?? 0) / a.length)
}

const MRZ_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"

/**
 * The machine-readable zone of a CCCD's back, scanned: OCR restricted to the MRZ's characters, then the three lines of
 * about 30 characters are taken (whatever else the page shows is ignored) and parsed with every check digit verified.
 */
export async function readMrz(png: Uint8Array, dpi: number): Promise<MrzCard> {
  const read = await searchablePdf([png], {
    languages: "eng",
    dpi,
    psm: 6,
    settings: { tessedit_char_whitelist: MRZ_CHARACTERS, load_system_dawg: "0", load_freq_dawg: "0" },
  })
  const lines = read.text
    .split("\n")
    .map((l) => l.replace(/\s/g, ""))
    .filter((l) => l.length >= 25 && l.length <= 36 && l.includes("<"))
  const parsed = parseMrz(lines.slice(-3))
  if (Result.isFailure(parsed))
    throw new DeviceNotReady({
      device: "OCR",
      problem: "invalid-output",
      detail: `không đọc được vùng MRZ mặt sau thẻ (${parsed.failure.field}: ${parsed.failure.reason})`,
    })
  return parsed.success
}
