// The PDF side of a PAdES signature: what a document must be before we sign it (a PDF, not encrypted, no
// JavaScript), the signature field with its placeholder (pdf-lib), and the byte ranges of signatures already in a file.
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFString,
} from "pdf-lib"

/** Why a document cannot be signed (or checked). */
export type PdfProblem = "not-pdf" | "encrypted" | "javascript" | "malformed"

export class PdfRefused extends Error {
  readonly reason: PdfProblem
  constructor(reason: PdfProblem, message: string) {
    super(message)
    this.name = "PdfRefused"
    this.reason = reason
  }
}

const messages: Readonly<Record<PdfProblem, string>> = {
  "not-pdf": "tệp không phải PDF / the file is not a PDF",
  encrypted: "PDF được mã hóa, không ký được / the PDF is encrypted and cannot be signed",
  javascript: "PDF chứa JavaScript, không được ký / the PDF contains JavaScript and is not signed",
  malformed: "PDF hỏng, không đọc được / the PDF is malformed and cannot be read",
}

export const refuse = (reason: PdfProblem, detail?: string): PdfRefused =>
  new PdfRefused(reason, detail === undefined ? messages[reason] : `${messages[reason]}: ${detail}`)

const PDF_MAGIC = Buffer.from("%PDF-")
const JS_KEYS = new Set(["JS", "JavaScript"])

/**
 * Loads a PDF that may be signed: it starts with `%PDF-`, pdf-lib parses it, it is not encrypted, and no object of
 * it (object streams included) names JavaScript (`/JS`, `/JavaScript`, an action of subtype JavaScript). Throws
 * PdfRefused otherwise.
 */
export async function loadSignablePdf(bytes: Uint8Array): Promise<PDFDocument> {
  if (bytes.length < PDF_MAGIC.length || !PDF_MAGIC.equals(Buffer.from(bytes.subarray(0, PDF_MAGIC.length))))
    throw refuse("not-pdf")
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The encryption dictionary is named in the trailer (or cross-reference stream), which is never encrypted; pdf-lib
  // may fail on an encrypted file before it can say so.
  if (/\/Encrypt\s*(\d+\s+\d+\s+R|<<)/.test(raw.toString("latin1"))) throw refuse("encrypted")
  let doc: PDFDocument
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true })
  } catch (error) {
    throw refuse("malformed", error instanceof Error ? error.message : String(error))
  }
  if (doc.isEncrypted || doc.context.trailerInfo.Encrypt !== undefined) throw refuse("encrypted")
  let pages = 0
  try {
    pages = doc.getPageCount()
  } catch {
    pages = 0
  }
  if (pages === 0) throw refuse("malformed", "không có trang nào / no page")
  if (raw.includes("/JavaScript")) throw refuse("javascript")
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (namesJavaScript(object)) throw refuse("javascript")
  }
  return doc
}

function namesJavaScript(object: PDFObject): boolean {
  const dict = object instanceof PDFDict ? object : object instanceof PDFRawStream ? object.dict : undefined
  if (dict === undefined) return false
  for (const [key, value] of dict.entries()) {
    if (JS_KEYS.has(key.decodeText())) return true
    if (key.decodeText() === "S" && value instanceof PDFName && value.decodeText() === "JavaScript") return true
    if (value instanceof PDFDict && namesJavaScript(value)) return true
    if (value instanceof PDFArray && value.asArray().some((item) => namesJavaScript(item))) return true
  }
  return false
}

/** Room for the CMS signature in the file: 16 KiB of DER (a chain of three RSA-4096 certificates and a timestamp). */
export const SIGNATURE_BYTES = 16_384
const BYTE_RANGE_PLACEHOLDER = "**********"

export interface PlaceholderInfo {
  /** Why it is signed (printed by PDF readers), Vietnamese. */
  readonly reason: string
  /** The signer's name as in the certificate. */
  readonly name: string
  readonly location: string
  readonly signingTime: Date
  /** Name of the signature field (unique in the document). */
  readonly fieldName: string
}

/**
 * Adds an invisible signature field whose value is a signature dictionary (`/Filter /Adobe.PPKLite /SubFilter
 * /ETSI.CAdES.detached`, a zeroed `/Contents` of SIGNATURE_BYTES and a `/ByteRange` placeholder) and saves the
 * document without object streams, as @signpdf/signpdf expects. Text entries are UTF-16 hex strings, so Vietnamese
 * names and reasons survive (pdf-lib's PDFString keeps Latin-1 only, which is why this is ours and not
 * @signpdf/placeholder-pdf-lib's).
 */
export async function withSignaturePlaceholder(doc: PDFDocument, info: PlaceholderInfo): Promise<Uint8Array> {
  const context = doc.context
  const byteRange = PDFArray.withContext(context)
  byteRange.push(PDFNumber.of(0))
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(BYTE_RANGE_PLACEHOLDER))
  const signature = context.obj({
    Type: "Sig",
    Filter: "Adobe.PPKLite",
    SubFilter: "ETSI.CAdES.detached",
    ByteRange: byteRange,
    Contents: PDFHexString.of("00".repeat(SIGNATURE_BYTES)),
    Reason: PDFHexString.fromText(info.reason),
    Name: PDFHexString.fromText(info.name),
    Location: PDFHexString.fromText(info.location),
    M: PDFString.fromDate(info.signingTime),
    Prop_Build: { App: { Name: "motcua" } },
  })
  // Written as raw bytes so that pdf-lib never moves it into an object stream (the byte range must be findable).
  const buffer = new Uint8Array(signature.sizeInBytes())
  signature.copyBytesInto(buffer, 0)
  const signatureRef = context.register(PDFInvalidObject.of(buffer))
  const page = doc.getPages()[0]
  if (page === undefined) throw refuse("malformed", "no page")
  const widget = context.obj({
    Type: "Annot",
    Subtype: "Widget",
    FT: "Sig",
    Rect: [0, 0, 0, 0],
    V: signatureRef,
    T: PDFHexString.fromText(info.fieldName),
    F: 4, // print
    P: page.ref,
    AP: { N: context.register(context.formXObject([], { BBox: [0, 0, 0, 0], Resources: {} })) },
  })
  const widgetRef = context.register(widget)
  const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray) ?? context.obj([])
  annots.push(widgetRef)
  page.node.set(PDFName.of("Annots"), annots)
  let form = doc.catalog.lookupMaybe(PDFName.of("AcroForm"), PDFDict)
  if (form === undefined) {
    form = context.obj({ Fields: [] })
    doc.catalog.set(PDFName.of("AcroForm"), context.register(form))
  }
  const fields = form.lookupMaybe(PDFName.of("Fields"), PDFArray) ?? context.obj([])
  fields.push(widgetRef)
  form.set(PDFName.of("Fields"), fields)
  form.set(PDFName.of("SigFlags"), PDFNumber.of(3)) // signatures exist, append only
  return doc.save({ useObjectStreams: false })
}

/** One signature found in a file: its byte range and the DER of its CMS (the hex of /Contents, zero padding cut). */
export interface SignatureInFile {
  readonly byteRange: readonly [number, number, number, number]
  readonly cms: Uint8Array
  /** The bytes the signature covers: the two ranges concatenated. */
  readonly signedBytes: Uint8Array
  /** `/M` of the signature dictionary, when present (the claimed signing time). */
  readonly claimedTime: Date | undefined
}

/** Every `/ByteRange [a b c d]` with its `/Contents <hex>` in the file, in file order. */
export function signaturesIn(bytes: Uint8Array): SignatureInFile[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1")
  const found: SignatureInFile[] = []
  for (const match of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const [a, b, c, d] = [match[1], match[2], match[3], match[4]].map(Number) as [number, number, number, number]
    if (c + d > bytes.length || a + b > c) continue
    const contents = text.slice(a + b, c).trim()
    if (!contents.startsWith("<") || !contents.endsWith(">")) continue
    const hex = contents.slice(1, -1).replace(/\s+/g, "")
    const der = Buffer.from(hex, "hex")
    const signedBytes = Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)])
    // the dictionary around the byte range: look for /M (D:yyyyMMddHHmmss±HH'mm') within it
    const dictStart = text.lastIndexOf("<<", match.index)
    const dictEnd = text.indexOf(">>", c)
    const dict = text.slice(Math.max(0, dictStart), dictEnd === -1 ? c : dictEnd)
    const m = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(dict)
    found.push({
      byteRange: [a, b, c, d],
      cms: new Uint8Array(trimDer(der)),
      signedBytes: new Uint8Array(signedBytes),
      claimedTime: m === null ? undefined : pdfDate(m),
    })
  }
  return found
}

function pdfDate(m: RegExpExecArray): Date {
  const zone = m[7] === undefined || m[7] === "Z" ? "Z" : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, "").slice(3, 5)}`
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`)
}

/** The DER value at the start of `der` without the zero padding after it (its length from its own header). */
function trimDer(der: Buffer): Buffer {
  if (der.length < 2 || der[0] !== 0x30) return der
  const first = der[1] ?? 0
  if (first < 0x80) return der.subarray(0, 2 + first)
  const count = first & 0x7f
  let length = 0
  for (let i = 0; i < count; i++) length = length * 256 + (der[2 + i] ?? 0)
  return der.subarray(0, Math.min(der.length, 2 + count + length))
}

export { PDFDocument, PDFRef }
