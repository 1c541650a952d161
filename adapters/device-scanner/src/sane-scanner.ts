// The counter's scanner through SANE: `scanimage` (Debian sane-utils) lists the devices and scans pages to PNG files
// (SANE's own PDF output is malformed on some backends, so pages are scanned as images and the PDF is built here
// with pdf-lib). With OCR on, each page goes through Tesseract (`tesseract … pdf txt`): the page's PDF carries the
// image with an invisible text layer (a searchable PDF) and the text is kept with the document.
// The device's output is untrusted: every page must be a PNG of sane dimensions, and every failure (no device,
// busy, jam, empty feeder, cover open, timeout, anything else) is a DeviceNotReady with its problem; nothing is
// returned until every page is read, so a failed scan never leaves half a document behind.
import { spawn } from "node:child_process"
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import {
  DeviceNotReady,
  type DeviceProblem,
  type ScannedDocument,
  Scanner,
  type ScannerDevice,
  type ScannerShape,
  type ScanOptions,
} from "@motcua/application"
import { Effect, Layer } from "effect"
import { PDFDocument } from "pdf-lib"
import { searchablePdf } from "./ocr.ts"

export interface SaneScannerConfig {
  /** The SANE device name (`scanimage -L`), e.g. `fujitsu:fi-7160:12345`; the first one listed when absent. */
  readonly device?: string
  /** The scanimage program (default `scanimage` on the PATH). */
  readonly command?: string
  /** Extra environment for scanimage (SANE_CONFIG_DIR, …). */
  readonly env?: Readonly<Record<string, string>>
  /** Device-specific options appended to every scan, e.g. `["--page-height", "297"]`. */
  readonly extraArguments?: ReadonlyArray<string>
  /** Milliseconds a whole scan may take (60 s by default). */
  readonly timeoutMs?: number
  /** Most pages one scan takes from the feeder (50 by default). */
  readonly maxPages?: number
  /** OCR with Tesseract: the languages (`vie`, `vie+eng`); off when absent. */
  readonly ocr?: { readonly languages: string; readonly command?: string }
}

const DEVICE = "Scanner"
const MAX_SIDE = 30_000

const notReady = (problem: DeviceProblem, detail: string) => new DeviceNotReady({ device: DEVICE, problem, detail })

interface Ran {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  readonly timedOut: boolean
}

export function run(
  command: string,
  args: ReadonlyArray<string>,
  env: Readonly<Record<string, string>>,
  timeoutMs: number,
  cwd?: string,
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, cwd, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill("SIGKILL")
    }, timeoutMs)
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      if (stdout.length < 1_000_000) stdout += d
    })
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      if (stderr.length < 100_000) stderr += d
    })
    child.on("error", (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on("close", (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr, timedOut })
    })
  })
}

/** SANE status (scanimage's exit code and message) → what the officer is told. */
function problemOf(ran: Ran): DeviceNotReady {
  const said = ran.stderr.trim().split("\n").slice(-2).join(" ").slice(0, 300)
  if (ran.timedOut) return notReady("timeout", `máy quét không xong trong thời gian cho phép (scan timed out) ${said}`)
  if (/open of device .* failed|no SANE devices found|Invalid argument/i.test(ran.stderr))
    return notReady("no-device", `không tìm thấy máy quét (no scanner): ${said}`)
  switch (ran.code) {
    case 3:
      return notReady("busy", `máy quét đang bận (device busy): ${said}`)
    case 6:
      return notReady("jammed", `kẹt giấy trong khay nạp (paper jam): ${said}`)
    case 7:
      return notReady("no-paper", `không có giấy trong khay nạp (feeder empty): ${said}`)
    case 8:
      return notReady("cover-open", `nắp máy quét đang mở (cover open): ${said}`)
    default:
      return notReady("failed", `máy quét báo lỗi (scanner failed, exit ${ran.code}): ${said}`)
  }
}

/** Width and height of a PNG, or undefined when the bytes are not one. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (bytes.length < 33 || !signature.every((b, i) => bytes[i] === b)) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== "IHDR") return undefined
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

/** The pages as one PDF: each image on a page of its physical size at the scan's resolution. */
export async function pagesToPdf(pages: ReadonlyArray<Uint8Array>, dpi: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  for (const bytes of pages) {
    const image = await pdf.embedPng(bytes)
    const [w, h] = [(image.width * 72) / dpi, (image.height * 72) / dpi]
    pdf.addPage([w, h]).drawImage(image, { x: 0, y: 0, width: w, height: h })
  }
  return pdf.save()
}

/** Merges one-page PDFs (Tesseract's searchable pages) into one. */
export async function mergePdfs(parts: ReadonlyArray<Uint8Array>): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  for (const part of parts) {
    const source = await PDFDocument.load(part)
    for (const page of await pdf.copyPages(source, source.getPageIndices())) pdf.addPage(page)
  }
  return pdf.save()
}

/** The Scanner port over scanimage. */
export function makeSaneScanner(config: SaneScannerConfig = {}): ScannerShape & {
  readonly devices: () => Effect.Effect<ReadonlyArray<ScannerDevice>, DeviceNotReady>
} {
  const command = config.command ?? "scanimage"
  const env = config.env ?? {}
  const timeoutMs = config.timeoutMs ?? 60_000

  const listDevices = async (): Promise<ReadonlyArray<ScannerDevice>> => {
    const ran = await run(command, ["-f", "%d\t%v %m (%t)%n"], env, 30_000)
    if (ran.code !== 0) throw problemOf(ran)
    return ran.stdout
      .split("\n")
      .map((line) => line.split("\t"))
      .filter((parts): parts is [string, string] => parts.length === 2 && parts[0] !== "")
      .map(([id, description]) => ({ id, description: description.trim() }))
  }

  const scanPages = async (options: ScanOptions): Promise<ScannedDocument> => {
    const device = config.device ?? (await listDevices())[0]?.id
    if (device === undefined) throw notReady("no-device", "không có máy quét nào được kết nối (no scanner attached)")
    const dpi = options.resolution ?? 200
    if (!Number.isInteger(dpi) || dpi < 50 || dpi > 1200)
      throw notReady("failed", `độ phân giải ${dpi} dpi không hợp lệ`)
    const adf = options.source === "adf"
    const maxPages = Math.max(1, Math.min(options.maxPages ?? config.maxPages ?? 50, config.maxPages ?? 50))
    const dir = await mkdtemp(join(tmpdir(), "motcua-scan-"))
    try {
      const args = [
        "-d",
        device,
        "--format=png",
        "--resolution",
        String(dpi),
        ...(options.mode === undefined ? [] : ["--mode", options.mode]),
        ...(adf ? ["--source", "Automatic Document Feeder"] : []),
        `--batch=${join(dir, "page-%04d.png")}`,
        `--batch-count=${adf ? maxPages : 1}`,
        ...(config.extraArguments ?? []),
      ]
      const ran = await run(command, args, env, timeoutMs)
      const files = (await readdir(dir)).filter((f) => /^page-\d{4}\.png$/.test(f)).sort()
      // the feeder running out after some pages is the normal end of a batch
      const feederEnded = ran.code === 7 && files.length > 0 && adf
      if (ran.timedOut || (ran.code !== 0 && !feederEnded)) throw problemOf(ran)
      if (files.length === 0) throw notReady("no-paper", "máy quét không trả trang nào (no page scanned)")
      const pages: Uint8Array[] = []
      for (const file of files) {
        const bytes = new Uint8Array(await readFile(join(dir, file)))
        const size = pngSize(bytes)
        if (size === undefined || size.width < 1 || size.height < 1 || size.width > MAX_SIDE || size.height > MAX_SIDE)
          throw notReady("invalid-output", `trang ${file} không phải ảnh PNG hợp lệ (not a valid PNG page)`)
        pages.push(bytes)
      }
      if (config.ocr === undefined) {
        return { bytes: await pagesToPdf(pages, dpi), mediaType: "application/pdf", pages: pages.length }
      }
      const read = await searchablePdf(pages, { dpi, ...config.ocr, timeoutMs })
      return { bytes: read.pdf, mediaType: "application/pdf", pages: pages.length, text: read.text }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }

  const asEffect = <A>(work: () => Promise<A>) =>
    Effect.tryPromise({
      try: work,
      catch: (error) =>
        error instanceof DeviceNotReady
          ? error
          : notReady(
              (error as { code?: unknown }).code === "ENOENT" ? "no-device" : "failed",
              `${command}: ${error instanceof Error ? error.message : String(error)}`,
            ),
    })

  return {
    devices: () => asEffect(listDevices),
    scan: (options) => asEffect(() => scanPages(options)),
  }
}

export const SaneScanner = {
  layer: (config: SaneScannerConfig = {}) => Layer.sync(Scanner, () => Scanner.of(makeSaneScanner(config))),
}
