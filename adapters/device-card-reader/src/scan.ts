// What one framed scan says: its bytes decoded as UTF-8 (the QR of a CCCD carries the name and address with
// Vietnamese diacritics), then read as the card's QR text (parseCccdQr) or as its machine-readable zone (parseMrz).
// An MRZ reader sends three lines of 30 characters; they come as one scan with CR/LF between them, or as three scans
// when the reader ends each line with the terminator: lines are held until the third, and a scan that stops short
// (the reader's wait for the next line passed) is refused as truncated, naming the line missing. Device output is
// untrusted: each refusal says what was wrong and where (the byte, the MRZ line, the QR field).
import { type IdCardText, readIdCardText } from "@motcua/domain"
import { Data, Result } from "effect"
import type { Frame } from "./framing.ts"

export type ScanProblem =
  /** More bytes than the cap without a terminator. */
  | "too-long"
  /** Bytes that are not UTF-8. */
  | "not-utf8"
  /** An MRZ that stopped before its third line. */
  | "truncated"
  /** The text is read but a field or an MRZ line is wrong (`where` says which). */
  | "invalid"

/** A scan the reader sent that is not a card's text: what was wrong (`detail`, Vietnamese then English) and where. */
export class CardScanRefused extends Data.TaggedError("CardScanRefused")<{
  readonly problem: ScanProblem
  /** Which part: `byte 17`, `MRZ line 2`, `MRZ line 2 (birth-date)`, `QR field 4 (date-of-birth)`, … */
  readonly where: string
  readonly detail: string
}> {
  override get message(): string {
    return `lần quét thẻ bị từ chối / card scan refused — ${this.where}: ${this.detail}`
  }
}

export type ScanOutcome =
  | { readonly kind: "card"; readonly card: IdCardText }
  | { readonly kind: "refused"; readonly error: CardScanRefused }

const refused = (problem: ScanProblem, where: string, detail: string): ScanOutcome => ({
  kind: "refused",
  error: new CardScanRefused({ problem, where, detail }),
})

/** The offset of the first byte that breaks UTF-8 (overlong forms and surrogates included), or undefined. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] ?? 0
    const [size, min] =
      b < 0x80
        ? [1, 0]
        : b >= 0xc2 && b <= 0xdf
          ? [2, 0x80]
          : (b & 0xf0) === 0xe0
            ? [3, 0x800]
            : b >= 0xf0 && b <= 0xf4
              ? [4, 0x10000]
              : [0, 0]
    if (size === 0) return i
    let cp = size === 1 ? b : b & (0xff >> (size + 1))
    for (let k = 1; k < size; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += size
  }
  return undefined
}

const MRZ_CHARS = /^[A-Z0-9<]+$/
/** A line a reader of the card's back sends: MRZ characters only, with a filler or the document code. */
const looksLikeMrz = (line: string) => MRZ_CHARS.test(line) && (line.includes("<") || /^I[D<]/.test(line))

/** The MRZ line each field of parseMrz is read from. */
const MRZ_FIELD_LINE: Readonly<Record<string, number>> = {
  "document-type": 1,
  "document-number": 1,
  "id-number": 1,
  "birth-date": 2,
  sex: 2,
  "expiry-date": 2,
  nationality: 2,
  composite: 2,
  names: 3,
}
/** The position of each field of parseCccdQr in the QR text (`id|old id|name|…`). */
const QR_FIELD_POSITION: Readonly<Record<string, number>> = {
  id: 1,
  "old-id": 2,
  "full-name": 3,
  "date-of-birth": 4,
  sex: 5,
  "permanent-address": 6,
  "issued-on": 7,
}

/** Reads framed scans into cards, holding MRZ lines that come one scan each until the third. */
export class ScanAssembler {
  private held: string[] = []
  private readonly maxBytes: number

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes
  }

  /** Whether MRZ lines are held, waiting for the next (the reader then calls `expire` after its wait). */
  get holding(): boolean {
    return this.held.length > 0
  }

  frame(frame: Frame): ScanOutcome[] {
    if (frame.kind === "too-long")
      return [
        ...this.expire(),
        refused(
          "too-long",
          `byte ${this.maxBytes + 1}`,
          `lần quét dài quá ${this.maxBytes} byte mà chưa có ký tự kết thúc, đã bỏ ${frame.bytes} byte ` +
            `(scan longer than ${this.maxBytes} bytes without a terminator, ${frame.bytes} bytes dropped)`,
        ),
      ]
    const bad = firstInvalidUtf8(frame.bytes)
    if (bad !== undefined)
      return [
        ...this.expire(),
        refused(
          "not-utf8",
          `byte ${bad + 1}`,
          `không phải văn bản UTF-8 (byte 0x${(frame.bytes[bad] ?? 0).toString(16).padStart(2, "0")} ở vị trí ` +
            `${bad + 1}; not UTF-8 text)`,
        ),
      ]
    const text = new TextDecoder("utf-8").decode(frame.bytes)
    const lines = text
      .split(/\r\n|\r|\n/)
      .map((l) => l.trim())
      .filter((l) => l !== "")
    if (lines.length === 0) return []
    if (lines.every(looksLikeMrz)) {
      this.held.push(...lines)
      const oneRun = this.held.length === 1 && this.held[0]?.length === 90
      if (this.held.length < 3 && !oneRun) return []
      const mrz = oneRun ? [0, 30, 60].map((at) => this.held[0]?.slice(at, at + 30) ?? "") : this.held
      this.held = []
      return [readMrzLines(mrz)]
    }
    return [...this.expire(), readQr(text.replace(/^[\r\n]+|[\r\n]+$/g, ""))]
  }

  /** The wait for the next MRZ line passed: lines held are a truncated scan. */
  expire(): ScanOutcome[] {
    if (this.held.length === 0) return []
    const got = this.held.length
    this.held = []
    return [
      refused(
        "truncated",
        `MRZ line ${got + 1}`,
        `vùng MRZ bị cắt: nhận ${got} dòng trong 3, thiếu dòng ${got + 1} (truncated MRZ: ${got} of 3 lines, ` +
          `line ${got + 1} missing)`,
      ),
    ]
  }
}

function readMrzLines(lines: ReadonlyArray<string>): ScanOutcome {
  if (lines.length > 3)
    return refused(
      "invalid",
      `MRZ line 4`,
      `vùng MRZ có ${lines.length} dòng, cần 3 (${lines.length} MRZ lines, 3 expected)`,
    )
  for (const [i, line] of lines.entries())
    if (line.length !== 30)
      return refused(
        "invalid",
        `MRZ line ${i + 1}`,
        `dòng MRZ thứ ${i + 1} có ${line.length} ký tự, cần 30 (MRZ line ${i + 1}: ${line.length} characters, 30 expected)`,
      )
  const card = readIdCardText("mrz", lines.join("\n"))
  if (Result.isSuccess(card)) return { kind: "card", card: card.success }
  const { field, reason } = card.failure
  const line = MRZ_FIELD_LINE[field]
  return refused("invalid", line === undefined ? `MRZ (${field})` : `MRZ line ${line} (${field})`, reason)
}

function readQr(text: string): ScanOutcome {
  const card = readIdCardText("qr", text)
  if (Result.isSuccess(card)) return { kind: "card", card: card.success }
  const { field, reason } = card.failure
  const position = QR_FIELD_POSITION[field]
  return refused("invalid", position === undefined ? `QR (${field})` : `QR field ${position} (${field})`, reason)
}
