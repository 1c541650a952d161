// A PDF's page as a PNG image, drawn by poppler's `pdftoppm` (Debian's poppler-utils, scripts/system-packages.txt),
// with the page count from `pdfinfo`: the pages' preview of a dossier's documents, since their content-security policy
// (`object-src 'none'`) embeds no PDF. The PDF comes from outside (an upload checked only by its first bytes): the tools
// run on a copy in a private temporary folder, with a time limit and a cap on what they may write back.
import { execFile } from "node:child_process"
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { noSuchPage, type PagePreview, PreviewRefused } from "@motcua/application"

export interface PreviewOptions {
  /** Resolution of the drawing; 100 dpi draws an A4 page 827 × 1169 pixels. */
  readonly dpi?: number
  /** How long each tool may run (ms). */
  readonly timeoutMs?: number
}

const run = (command: string, args: ReadonlyArray<string>, timeoutMs: number) =>
  new Promise<{ ok: true; stdout: string } | { ok: false; why: string }>((resolve, reject) => {
    execFile(command, [...args], { timeout: timeoutMs, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      if (error === null) resolve({ ok: true, stdout })
      else if ((error as NodeJS.ErrnoException).code === "ENOENT")
        // the tool itself is missing: the deployment's fault, not the document's
        reject(new Error(`${command} is not installed (poppler-utils)`))
      else resolve({ ok: false, why: (stderr.trim().split("\n")[0] ?? "") || error.message })
    })
  })

const unreadable = (why: string) =>
  new PreviewRefused({
    reason: "unreadable",
    detail: `không đọc được tệp PDF / the PDF cannot be read: ${why.slice(0, 200)}`,
  })

/**
 * Page `page` (from 1) of the PDF as PNG and the PDF's page count; a page it does not have, or a PDF poppler cannot
 * read, is a PreviewRefused. Throws only when the tools cannot run at all.
 */
export async function previewPdfPage(
  pdf: Uint8Array,
  page: number,
  options: PreviewOptions = {},
): Promise<PagePreview | PreviewRefused> {
  const timeoutMs = options.timeoutMs ?? 20_000
  const dir = await mkdtemp(join(tmpdir(), "motcua-preview-"))
  try {
    const file = join(dir, "document.pdf")
    await writeFile(file, pdf, { mode: 0o600 })
    const info = await run("pdfinfo", [file], timeoutMs)
    if (!info.ok) return unreadable(info.why)
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info.stdout)?.[1] ?? "0")
    if (pages < 1) return unreadable("no page")
    if (!Number.isInteger(page) || page < 1 || page > pages) return noSuchPage(page, pages)
    const n = String(page)
    const drawn = await run(
      "pdftoppm",
      ["-r", String(options.dpi ?? 100), "-png", "-f", n, "-l", n, "-singlefile", file, join(dir, "page")],
      timeoutMs,
    )
    if (!drawn.ok) return unreadable(drawn.why)
    return { png: new Uint8Array(await readFile(join(dir, "page.png"))), pages }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
