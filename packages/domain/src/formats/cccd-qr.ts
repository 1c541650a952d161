// The QR code printed on the CCCD: pipe-separated text
//   id | old 9-digit id (may be empty) | full name | date of birth ddMMyyyy | sex (Nam/Nữ) | permanent address |
//   issue date ddMMyyyy
// Readers append empty fields or a line break now and then: empty fields after the seventh are tolerated, anything
// else in them is refused. Dates come back as ISO `YYYY-MM-DD`; the id is checked against the date of birth and sex.
import { Data, Result } from "effect"
import { isCivilDate, parseCccdNumber, type Sex } from "./cccd.ts"

export interface CccdQr {
  readonly id: string
  /** The old 9-digit (or 12-digit) identity card number, when the card gives one. */
  readonly oldId?: string
  readonly fullName: string
  /** `YYYY-MM-DD`. */
  readonly dateOfBirth: string
  readonly sex: Sex
  readonly permanentAddress: string
  /** `YYYY-MM-DD`. */
  readonly issuedOn: string
}

export type CccdQrField =
  | "layout"
  | "id"
  | "old-id"
  | "full-name"
  | "date-of-birth"
  | "sex"
  | "permanent-address"
  | "issued-on"

export class InvalidCccdQr extends Data.TaggedError("InvalidCccdQr")<{
  readonly field: CccdQrField
  readonly reason: string
}> {
  override get message(): string {
    return `mã QR trên thẻ CCCD không hợp lệ — ${this.field}: ${this.reason}`
  }
}

const fail = (field: CccdQrField, reason: string) => Result.fail(new InvalidCccdQr({ field, reason }))

/** `ddMMyyyy` → `YYYY-MM-DD`, or undefined. */
function isoDate(text: string): string | undefined {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(text)
  if (m === null) return undefined
  const iso = `${m[3]}-${m[2]}-${m[1]}`
  return isCivilDate(iso) ? iso : undefined
}

const MAX_FIELD = 500

export function parseCccdQr(text: string): Result.Result<CccdQr, InvalidCccdQr> {
  if ([...text].some((c) => (c < " " && c !== "\r" && c !== "\n" && c !== "\t") || c === "\u007f"))
    return fail("layout", "có ký tự điều khiển (control characters)")
  const fields = text
    .normalize("NFC")
    .replace(/[\r\n]+$/, "")
    .split("|")
    .map((f) => f.trim())
  if (fields.length < 7)
    return fail(
      "layout",
      `cần 7 trường ngăn bởi dấu |, có ${fields.length} (id|cmnd|tên|ngày sinh|giới tính|địa chỉ|ngày cấp)`,
    )
  if (fields.slice(7).some((f) => f !== ""))
    return fail("layout", `có ${fields.length} trường, các trường sau trường thứ 7 phải để trống`)
  if (fields.some((f) => f.length > MAX_FIELD)) return fail("layout", `trường dài quá ${MAX_FIELD} ký tự`)
  const [id = "", oldId = "", fullName = "", dob = "", sexText = "", address = "", issued = ""] = fields
  const dateOfBirth = isoDate(dob)
  if (dateOfBirth === undefined)
    return fail("date-of-birth", `ngày sinh phải là ngày có thật ddMMyyyy, đọc được "${dob}"`)
  const sexWord = sexText.toLowerCase()
  const sex: Sex | undefined = sexWord === "nam" ? "Nam" : sexWord === "nữ" || sexWord === "nu" ? "Nữ" : undefined
  if (sex === undefined) return fail("sex", `giới tính phải là Nam hoặc Nữ, đọc được "${sexText}"`)
  const number = parseCccdNumber(id, { dateOfBirth, sex })
  if (Result.isFailure(number)) return fail("id", number.failure.message)
  if (oldId !== "" && !/^(\d{9}|\d{12})$/.test(oldId))
    return fail("old-id", `số CMND cũ phải có 9 hoặc 12 chữ số, đọc được "${oldId}"`)
  if (fullName === "" || /[\d<>{}[\]\\/@#$%^*=+_~]/u.test(fullName))
    return fail("full-name", "họ và tên trống hoặc có ký tự không phải chữ")
  if (address === "") return fail("permanent-address", "nơi thường trú trống")
  const issuedOn = isoDate(issued)
  if (issuedOn === undefined) return fail("issued-on", `ngày cấp phải là ngày có thật ddMMyyyy, đọc được "${issued}"`)
  if (issuedOn < dateOfBirth) return fail("issued-on", "ngày cấp trước ngày sinh")
  return Result.succeed({
    id: number.success.id,
    ...(oldId === "" ? {} : { oldId }),
    fullName: fullName.replace(/\s+/g, " "),
    dateOfBirth,
    sex,
    permanentAddress: address.replace(/\s+/g, " "),
    issuedOn,
  })
}

/** The QR text a card carries (for tests and simulated readers). */
export function formatCccdQr(card: CccdQr): string {
  const dmy = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}`
  return [
    card.id,
    card.oldId ?? "",
    card.fullName,
    dmy(card.dateOfBirth),
    card.sex,
    card.permanentAddress,
    dmy(card.issuedOn),
  ].join("|")
}
