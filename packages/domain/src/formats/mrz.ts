// The machine-readable zone on the back of the CCCD: ICAO Doc 9303 part 5, TD1 (three lines of 30 characters).
//   line 1  IDVNM <last 9 digits of the id><check> <the 12-digit id> << <check of the 12 digits>
//   line 2  <birth YYMMDD><check> <sex M/F> <expiry YYMMDD><check> VNM <fillers> <composite check>
//   line 3  SURNAME<<GIVEN<NAMES<<<… (ASCII, no diacritics)
// Check digits: weights 7, 3, 1 over character values (0–9, A=10 … Z=35, < = 0), modulo 10. The composite covers
// line 1 from the document number on, and line 2's birth date, expiry and optional field, each with its check.
// Text from a reader or from OCR often has extra or missing fillers and letters read for digits (O for 0, I for 1, …):
// each field is normalised where its kind (digits, letters) is known, then every check digit is verified.
import { Data, Result } from "effect"
import { parseCccdNumber, type Sex } from "./cccd.ts"

export interface MrzCard {
  /** The 12-digit personal identification number. */
  readonly id: string
  /** The document number of the MRZ: the id's last 9 digits. */
  readonly documentNumber: string
  /** `YYYY-MM-DD`. */
  readonly dateOfBirth: string
  readonly sex: Sex
  /** `YYYY-MM-DD`; absent for cards with no expiry (`991231`). */
  readonly expiresOn?: string
  readonly surname: string
  readonly givenNames: string
  /** The three lines as they should have been printed, 30 characters each. */
  readonly lines: readonly [string, string, string]
}

export type MrzField =
  | "layout"
  | "document-type"
  | "document-number"
  | "id-number"
  | "birth-date"
  | "sex"
  | "expiry-date"
  | "nationality"
  | "composite"
  | "names"

export class InvalidMrz extends Data.TaggedError("InvalidMrz")<{ readonly field: MrzField; readonly reason: string }> {
  override get message(): string {
    return `vùng đọc máy (MRZ) không hợp lệ — ${this.field}: ${this.reason}`
  }
}

const fail = (field: MrzField, reason: string) => Result.fail(new InvalidMrz({ field, reason }))

const charValue = (c: string): number => {
  if (c === "<") return 0
  const code = c.charCodeAt(0)
  if (code >= 48 && code <= 57) return code - 48
  if (code >= 65 && code <= 90) return code - 55
  return Number.NaN
}

/** ICAO 9303 check digit of a field. */
export function mrzCheckDigit(field: string): number {
  const weights = [7, 3, 1]
  let sum = 0
  for (let i = 0; i < field.length; i++) sum += charValue(field[i] ?? "<") * (weights[i % 3] ?? 1)
  return sum % 10
}

// Confusions of OCR and cheap readers, undone where the field's kind is known.
const AS_DIGIT: Readonly<Record<string, string>> = {
  O: "0",
  Q: "0",
  D: "0",
  U: "0",
  I: "1",
  L: "1",
  Z: "2",
  S: "5",
  G: "6",
  B: "8",
}
const AS_LETTER: Readonly<Record<string, string>> = { "0": "O", "1": "I", "2": "Z", "5": "S", "6": "G", "8": "B" }
const digitsOf = (s: string) => [...s].map((c) => (c === "<" ? c : (AS_DIGIT[c] ?? c))).join("")
const lettersOf = (s: string) => [...s].map((c) => AS_LETTER[c] ?? c).join("")

/** Upper case, no spaces, the look-alikes of the filler made fillers. */
const cleanLine = (line: string) =>
  line
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\u200b]/g, "")
    .replace(/[«‹＜〈]/g, "<")

function splitLines(input: string | ReadonlyArray<string>): ReadonlyArray<string> | undefined {
  const raw = typeof input === "string" ? input.split(/\r?\n|\r/) : input
  const lines = raw.map(cleanLine).filter((l) => l.length > 0)
  if (lines.length === 3) return lines
  // one run of 90 characters, as some readers send it
  if (lines.length === 1 && lines[0]?.length === 90) {
    const one = lines[0]
    return [one.slice(0, 30), one.slice(30, 60), one.slice(60, 90)]
  }
  return undefined
}

const isDate = (y: number, m: number, d: number) =>
  m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate()

const pad2 = (n: number) => String(n).padStart(2, "0")

/** Parses the MRZ of a CCCD (three lines, as text with line breaks or as an array), verifying every check digit. */
export function parseMrz(input: string | ReadonlyArray<string>): Result.Result<MrzCard, InvalidMrz> {
  const lines = splitLines(input)
  if (lines === undefined)
    return fail("layout", "cần 3 dòng 30 ký tự của thẻ CCCD (TD1: three lines of 30 characters expected)")
  const [l1 = "", l2 = "", l3 = ""] = lines

  // line 1
  const head = lettersOf(l1.slice(0, 5))
  if (head.slice(0, 2) !== "ID" && head.slice(0, 2) !== "I<")
    return fail("document-type", `loại giấy tờ phải là ID, đọc được ${head.slice(0, 2)}`)
  if (head.slice(2, 5) !== "VNM") return fail("document-type", `quốc gia cấp phải là VNM, đọc được ${head.slice(2, 5)}`)
  const m1 = /^(\d{9})(\d)(\d{12})<*(\d)<*$/.exec(digitsOf(l1.slice(5)))
  if (m1 === null)
    return fail(
      "layout",
      "dòng 1: sau IDVNM cần 9 chữ số, chữ số kiểm tra, số định danh 12 chữ số, << và chữ số kiểm tra",
    )
  const [, documentNumber = "", documentCheck = "", id = "", idCheck = ""] = m1

  // line 2: fixed positions up to the nationality, then fillers and the composite check digit
  if (l2.length < 19) return fail("layout", `dòng 2 quá ngắn (${l2.length} ký tự)`)
  const birth = digitsOf(l2.slice(0, 7))
  const sexChar = l2[7] ?? ""
  const expiry = digitsOf(l2.slice(8, 15))
  const nationality = lettersOf(l2.slice(15, 18))
  const m2 = /^<*(\d)<*$/.exec(digitsOf(l2.slice(18)))
  if (!/^\d{7}$/.test(birth))
    return fail("birth-date", `ngày sinh phải là 6 chữ số YYMMDD và chữ số kiểm tra: ${birth}`)
  if (!/^\d{7}$/.test(expiry))
    return fail("expiry-date", `ngày hết hạn phải là 6 chữ số YYMMDD và chữ số kiểm tra: ${expiry}`)
  if (m2 === null) return fail("layout", "dòng 2: sau VNM chỉ có ký tự đệm < và chữ số kiểm tra tổng hợp")
  const compositeCheck = m2[1] ?? ""

  // line 3
  const names = lettersOf(l3).replace(/<+$/, "")
  if (!/^[A-Z<]+$/.test(names)) return fail("names", "họ tên chỉ gồm chữ cái không dấu và ký tự <")
  const [surnamePart = "", ...givenParts] = names.split("<<")
  const surname = surnamePart.replace(/</g, " ").trim()
  const givenNames = givenParts.join(" ").replace(/</g, " ").replace(/\s+/g, " ").trim()
  if (surname === "") return fail("names", "thiếu họ (no surname)")

  // the check digits, in the order the card prints them
  if (mrzCheckDigit(documentNumber) !== Number(documentCheck))
    return fail("document-number", `chữ số kiểm tra của số giấy tờ ${documentNumber} sai (${documentCheck})`)
  if (mrzCheckDigit(id) !== Number(idCheck))
    return fail("id-number", `chữ số kiểm tra của số định danh ${id} sai (${idCheck})`)
  if (id.slice(3) !== documentNumber)
    return fail("id-number", `số giấy tờ ${documentNumber} không phải 9 chữ số cuối của số định danh ${id}`)
  if (mrzCheckDigit(birth.slice(0, 6)) !== Number(birth[6]))
    return fail("birth-date", `chữ số kiểm tra của ngày sinh ${birth.slice(0, 6)} sai (${birth[6]})`)
  if (mrzCheckDigit(expiry.slice(0, 6)) !== Number(expiry[6]))
    return fail("expiry-date", `chữ số kiểm tra của ngày hết hạn ${expiry.slice(0, 6)} sai (${expiry[6]})`)
  const line1 = `IDVNM${documentNumber}${documentCheck}${id}<<${idCheck}`
  const optional2 = "<".repeat(11)
  const composite = `${line1.slice(5)}${birth}${expiry}${optional2}`
  if (mrzCheckDigit(composite) !== Number(compositeCheck))
    return fail("composite", `chữ số kiểm tra tổng hợp sai (${compositeCheck}, expected ${mrzCheckDigit(composite)})`)

  // what the fields say
  if (sexChar !== "M" && sexChar !== "F") return fail("sex", `giới tính phải là M hoặc F, đọc được ${sexChar}`)
  const sex: Sex = sexChar === "M" ? "Nam" : "Nữ"
  if (nationality !== "VNM") return fail("nationality", `quốc tịch phải là VNM, đọc được ${nationality}`)
  const number = parseCccdNumber(id)
  if (Result.isFailure(number)) return fail("id-number", number.failure.message)
  if (number.success.sex !== sex)
    return fail("sex", `giới tính ${sex} không khớp chữ số giới tính của số định danh (${number.success.sex})`)
  const [by, bm, bd] = [Number(birth.slice(0, 2)), Number(birth.slice(2, 4)), Number(birth.slice(4, 6))]
  const birthYear = number.success.birthYear
  if (birthYear % 100 !== by)
    return fail("birth-date", `năm sinh ${pad2(by)} không khớp số định danh (năm ${birthYear})`)
  if (!isDate(birthYear, bm, bd)) return fail("birth-date", `ngày sinh ${birth.slice(0, 6)} không tồn tại`)
  const dateOfBirth = `${birthYear}-${pad2(bm)}-${pad2(bd)}`
  let expiresOn: string | undefined
  if (expiry.slice(0, 6) !== "991231") {
    const [ey, em, ed] = [2000 + Number(expiry.slice(0, 2)), Number(expiry.slice(2, 4)), Number(expiry.slice(4, 6))]
    if (!isDate(ey, em, ed)) return fail("expiry-date", `ngày hết hạn ${expiry.slice(0, 6)} không tồn tại`)
    expiresOn = `${ey}-${pad2(em)}-${pad2(ed)}`
  }
  const line2 = `${birth}${sexChar}${expiry}VNM${optional2}${compositeCheck}`
  const line3 = names.length >= 30 ? names.slice(0, 30) : names.padEnd(30, "<")
  return Result.succeed({
    id,
    documentNumber,
    dateOfBirth,
    sex,
    ...(expiresOn === undefined ? {} : { expiresOn }),
    surname,
    givenNames,
    lines: [line1, line2, line3],
  })
}

/** The three MRZ lines of a card (what the card prints), for tests and for devices that need to compare. */
export function formatMrz(card: {
  readonly id: string
  readonly dateOfBirth: string
  readonly sex: Sex
  readonly expiresOn?: string
  readonly surname: string
  readonly givenNames: string
}): readonly [string, string, string] {
  const documentNumber = card.id.slice(3)
  const line1 = `IDVNM${documentNumber}${mrzCheckDigit(documentNumber)}${card.id}<<${mrzCheckDigit(card.id)}`
  const yymmdd = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10)
  const birth = yymmdd(card.dateOfBirth)
  const expiry = card.expiresOn === undefined ? "991231" : yymmdd(card.expiresOn)
  const fields = `${birth}${mrzCheckDigit(birth)}${card.sex === "Nam" ? "M" : "F"}${expiry}${mrzCheckDigit(expiry)}VNM`
  const optional2 = "<".repeat(11)
  const composite = `${line1.slice(5)}${birth}${mrzCheckDigit(birth)}${expiry}${mrzCheckDigit(expiry)}${optional2}`
  const line2 = `${fields}${optional2}${mrzCheckDigit(composite)}`
  const ascii = (s: string) =>
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "D")
      .toUpperCase()
      .trim()
      .replace(/\s+/g, "<")
  const line3 = `${ascii(card.surname)}<<${ascii(card.givenNames)}`.padEnd(30, "<").slice(0, 30)
  return [line1, line2, line3]
}
