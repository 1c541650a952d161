// Document type is decided by the bytes, never by the name or the declared type alone: a file claiming to be a PDF
// must start with the PDF signature. Only the types a dossier may carry are accepted (PDF, JPEG, PNG).
import { createHash } from "node:crypto"
import { DocumentRejected } from "./errors.ts"
import type { DocumentMediaType } from "./records.ts"

/** Default size limit: 10 MiB, the usual cap of provincial portals for one attachment (configure per deployment). */
export const DEFAULT_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

/** Default bytes one principal may have staged (put, not yet attached) at once: 50 MiB, five full documents. */
export const DEFAULT_STAGED_BYTES_PER_PRINCIPAL = 50 * 1024 * 1024

/** The refusal of a document that would take its uploader's staged bytes past the limit. */
export const quotaExceeded = (staged: number, size: number, limit: number): DocumentRejected =>
  new DocumentRejected({
    reason: "quota-exceeded",
    detail:
      `đã có ${staged} byte tài liệu chưa gắn hồ sơ, thêm ${size} byte sẽ vượt hạn mức ${limit} byte; hãy nộp hồ sơ ` +
      `với các tài liệu đã tải lên hoặc chờ chúng được dọn / ${staged} bytes already staged and not attached, ` +
      `${size} more would exceed the limit of ${limit} bytes per principal; attach them to a dossier or wait for the sweep`,
  })

const SIGNATURES: ReadonlyArray<{ readonly type: DocumentMediaType; readonly magic: ReadonlyArray<number> }> = [
  { type: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // "%PDF-"
  { type: "image/jpeg", magic: [0xff, 0xd8, 0xff] }, // SOI marker + first segment marker
  { type: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }, // "\x89PNG\r\n\x1a\n"
]

const ALIASES: Record<string, DocumentMediaType> = {
  "application/pdf": "application/pdf",
  "image/jpeg": "image/jpeg",
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
  "image/png": "image/png",
}

/** The media type the bytes are, by their signature, or undefined. */
export function sniffMediaType(bytes: Uint8Array): DocumentMediaType | undefined {
  return SIGNATURES.find(({ magic }) => magic.length <= bytes.length && magic.every((b, i) => bytes[i] === b))?.type
}

export interface CheckedDocument {
  readonly mediaType: DocumentMediaType
  readonly sha256: string
  readonly size: number
}

/** Checks size, type by content, and agreement with the declared type; returns the type and SHA-256. */
export function checkDocument(
  bytes: Uint8Array,
  declaredType: string,
  maxBytes: number,
): CheckedDocument | DocumentRejected {
  if (bytes.length === 0) return new DocumentRejected({ reason: "empty", detail: "tệp rỗng / the file is empty" })
  if (bytes.length > maxBytes) {
    return new DocumentRejected({
      reason: "too-large",
      detail: `${bytes.length} bytes > giới hạn / limit ${maxBytes} bytes`,
    })
  }
  const declared = ALIASES[declaredType.trim().toLowerCase().split(";")[0]?.trim() ?? ""]
  if (declared === undefined) {
    return new DocumentRejected({
      reason: "unsupported-type",
      detail: `chỉ nhận PDF, JPEG, PNG / only PDF, JPEG and PNG are accepted, not "${declaredType}"`,
    })
  }
  const actual = sniffMediaType(bytes)
  if (actual === undefined) {
    return new DocumentRejected({
      reason: "unsupported-type",
      detail: "nội dung không phải PDF, JPEG hay PNG / the content is not a PDF, JPEG or PNG file",
    })
  }
  if (actual !== declared) {
    return new DocumentRejected({
      reason: "type-mismatch",
      detail: `khai là / declared ${declared}, nội dung là / content is ${actual}`,
    })
  }
  return { mediaType: actual, sha256: createHash("sha256").update(bytes).digest("hex"), size: bytes.length }
}
