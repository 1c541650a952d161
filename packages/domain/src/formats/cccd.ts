// The citizen ID number (số định danh cá nhân, printed on the CCCD): 12 digits, no check digit (Decree 137/2015,
// Circular 07/2016/TT-BCA art. 7): 3 digits for the province where the birth was registered, 1 digit for sex and
// century of birth (0/1 male/female born 1900–1999, 2/3 born 2000–2099, 4/5 2100–2199, …), 2 digits of the year of
// birth, 6 random digits. What can be checked is each part: the province is a known code, the century digit is one
// of a century that has begun, and the year agrees with a date of birth when one is known.
import { Data, Result } from "effect"
import { birthProvinces } from "./provinces.ts"

export type Sex = "Nam" | "Nữ"

export interface CccdNumber {
  readonly id: string
  /** Province of birth registration, e.g. `022`. */
  readonly provinceCode: string
  readonly provinceName: string
  readonly sex: Sex
  /** The full year of birth, from the century digit and the two year digits. */
  readonly birthYear: number
}

/** Which part of the number is wrong. */
export type CccdPart = "length" | "digits" | "province" | "sex-century" | "birth-year"

export class InvalidCccdNumber extends Data.TaggedError("InvalidCccdNumber")<{
  readonly part: CccdPart
  readonly reason: string
}> {
  override get message(): string {
    return `số định danh cá nhân (CCCD) không hợp lệ — ${this.part}: ${this.reason}`
  }
}

const fail = (part: CccdPart, reason: string) => Result.fail(new InvalidCccdNumber({ part, reason }))

/**
 * The highest sex-and-century digit in use: 2/3 are births 2000–2099. Digits 4–9 are kept for births from 2100 on,
 * which no card can carry before then; the domain has no clock, so this bound moves by a code change in 2100.
 */
const LAST_CENTURY_DIGIT = 3

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whether `YYYY-MM-DD` is a day that exists. */
export function isCivilDate(text: string): boolean {
  const m = DATE.exec(text)
  if (m === null) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate()
}

/**
 * Parses a 12-digit citizen ID number. Spaces are tolerated (as people write `022 090 001234`); anything else that is
 * not a digit is refused. With `dateOfBirth` (`YYYY-MM-DD`), the century digit and the two year digits must give its
 * year; with `sex`, the sex digit must agree.
 */
export function parseCccdNumber(
  text: string,
  known: { readonly dateOfBirth?: string; readonly sex?: Sex } = {},
): Result.Result<CccdNumber, InvalidCccdNumber> {
  const id = text.replace(/\s/g, "")
  if (!/^\d*$/.test(id)) return fail("digits", "chỉ gồm chữ số (digits only)")
  if (id.length !== 12) return fail("length", `cần 12 chữ số, có ${id.length} (12 digits expected)`)
  const provinceCode = id.slice(0, 3)
  const provinceName = birthProvinces[provinceCode]
  if (provinceName === undefined)
    return fail("province", `mã tỉnh nơi đăng ký khai sinh ${provinceCode} không tồn tại (unknown province code)`)
  const centuryDigit = Number(id[3])
  if (centuryDigit > LAST_CENTURY_DIGIT)
    return fail(
      "sex-century",
      `chữ số giới tính và thế kỷ ${centuryDigit} chỉ dùng cho người sinh từ năm 2100 (digit for births from 2100)`,
    )
  const sex: Sex = centuryDigit % 2 === 0 ? "Nam" : "Nữ"
  const birthYear = 1900 + 100 * Math.floor(centuryDigit / 2) + Number(id.slice(4, 6))
  if (known.sex !== undefined && known.sex !== sex)
    return fail("sex-century", `chữ số thứ 4 (${centuryDigit}) chỉ giới tính ${sex}, không phải ${known.sex}`)
  if (known.dateOfBirth !== undefined) {
    if (!isCivilDate(known.dateOfBirth))
      return fail("birth-year", `ngày sinh ${known.dateOfBirth} không phải ngày hợp lệ YYYY-MM-DD`)
    const year = Number(known.dateOfBirth.slice(0, 4))
    if (year !== birthYear)
      return fail(
        "birth-year",
        `số định danh ghi năm sinh ${birthYear}, ngày sinh là năm ${year} (birth year does not match the date of birth)`,
      )
  }
  return Result.succeed({ id, provinceCode, provinceName, sex, birthYear })
}

/** The sex-and-century digit for a year of birth and sex (the inverse of the rule above). */
export function centuryDigit(birthYear: number, sex: Sex): number {
  return 2 * Math.floor((birthYear - 1900) / 100) + (sex === "Nữ" ? 1 : 0)
}
