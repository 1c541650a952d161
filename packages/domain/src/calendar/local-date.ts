/**
 * Civil dates and instants in Asia/Ho_Chi_Minh, without ever asking the host for its time zone.
 *
 * Vietnam keeps UTC+7 all year (no daylight saving since 1975), so local time is plain arithmetic: local
 * milliseconds = epoch milliseconds + 7 h. Dates are handled as integer "epoch days" (days since 1970-01-01) with
 * Howard Hinnant's civil-date formulas, instants as epoch milliseconds; `Date` is never used, so a server running in
 * New York computes the same deadlines as one in Hà Nội.
 *
 * Text forms (the public representation):
 * - `LocalDate`: `"YYYY-MM-DD"`, a civil date in Vietnam, 1900-01-01 to 2199-12-31.
 * - `Instant`: ISO-8601 with an explicit offset, e.g. `"2025-03-14T08:00:00+07:00"` or `"…Z"`; any offset is
 *   accepted on input, outputs are always written in `+07:00`.
 */
import { Schema } from "effect"
import { inputError } from "./errors.ts"

export const MS_PER_MINUTE = 60_000
export const MS_PER_DAY = 86_400_000
/** Asia/Ho_Chi_Minh is UTC+7 with no daylight saving. */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000

export const MIN_YEAR = 1900
export const MAX_YEAR = 2199

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
/** The shape of an instant (`Instant`'s pattern; dossier/plain-events.ts checks the same). */
export const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "days_from_civil"). */
export const epochDayOf = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

export interface CivilDate {
  readonly year: number
  readonly month: number
  readonly day: number
}

/** Inverse of {@link epochDayOf} (H. Hinnant, "civil_from_days"). */
export const civilOf = (epochDay: number): CivilDate => {
  const z = epochDay + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

/** ISO weekday of an epoch day: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export const weekdayOf = (epochDay: number): number => ((((epochDay + 3) % 7) + 7) % 7) + 1

export const FIRST_DAY = epochDayOf(MIN_YEAR, 1, 1)
export const LAST_DAY = epochDayOf(MAX_YEAR, 12, 31)

const pad = (n: number, width = 2) => String(n).padStart(width, "0")

const isValidCivil = (year: number, month: number, day: number) =>
  month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)

/** The check that a `YYYY-MM-DD` text names a day that exists (no 30 February): every date schema uses it. */
export const existingCivilDate = Schema.makeFilter((s: string) => {
  const match = DATE_PATTERN.exec(s)
  // a text that is not YYYY-MM-DD at all is the pattern's to report, once
  if (match === null) return true
  const [, y, m, d] = match
  return (
    isValidCivil(Number(y), Number(m), Number(d)) || `${s} không có trong lịch (is not a day of the Gregorian calendar)`
  )
})

/** A civil date in Vietnam, `"YYYY-MM-DD"` (the format is checked, and that the day exists). */
export const LocalDate = Schema.String.check(
  Schema.isPattern(DATE_PATTERN, { expected: "a date written YYYY-MM-DD" }),
  existingCivilDate,
).pipe(Schema.brand("LocalDate"))
export type LocalDate = typeof LocalDate.Type

/** An instant as ISO-8601 text with an explicit offset (`Z` or `±HH:MM`). */
export const Instant = Schema.String.check(
  Schema.isPattern(INSTANT_PATTERN, {
    expected: "an ISO-8601 date-time with an offset, e.g. 2025-03-14T08:00:00+07:00",
  }),
).pipe(Schema.brand("Instant"))
export type Instant = typeof Instant.Type

export const formatLocalDate = (epochDay: number): LocalDate => {
  const { year, month, day } = civilOf(epochDay)
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}` as LocalDate
}

/** Writes an instant in Vietnam time, `YYYY-MM-DDTHH:MM:SS+07:00` (milliseconds only when not zero). */
export const formatInstant = (epochMs: number): Instant => {
  const local = epochMs + VIETNAM_OFFSET_MS
  const day = Math.floor(local / MS_PER_DAY)
  let rest = local - day * MS_PER_DAY
  const hours = Math.floor(rest / 3_600_000)
  rest -= hours * 3_600_000
  const minutes = Math.floor(rest / MS_PER_MINUTE)
  rest -= minutes * MS_PER_MINUTE
  const seconds = Math.floor(rest / 1000)
  const ms = Math.round(rest - seconds * 1000)
  const fraction = ms === 0 ? "" : `.${pad(ms, 3)}`
  return `${formatLocalDate(day)}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}${fraction}+07:00` as Instant
}

/** The epoch day (in Vietnam) of an epoch-millisecond instant. */
export const localDayOf = (epochMs: number): number => Math.floor((epochMs + VIETNAM_OFFSET_MS) / MS_PER_DAY)

/** The instant at local midnight starting an epoch day in Vietnam. */
export const startOfLocalDay = (epochDay: number): number => epochDay * MS_PER_DAY - VIETNAM_OFFSET_MS

const checkRange = (where: string, text: unknown, epochDay: number) => {
  if (epochDay < FIRST_DAY || epochDay > LAST_DAY) {
    throw inputError(where, `the date must lie between ${MIN_YEAR}-01-01 and ${MAX_YEAR}-12-31`, text)
  }
}

/** Parses a `LocalDate` into an epoch day, or throws a `CalendarInputError` naming `where`. */
export const parseLocalDate = (where: string, text: unknown): number => {
  const match = typeof text === "string" ? DATE_PATTERN.exec(text) : null
  if (match === null) throw inputError(where, "expected a date written YYYY-MM-DD", text)
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (month < 1 || month > 12) throw inputError(where, `month ${month} does not exist`, text)
  if (day < 1 || day > daysInMonth(year, month)) {
    throw inputError(where, `day ${day} does not exist in ${pad(year, 4)}-${pad(month)}`, text)
  }
  const epochDay = epochDayOf(year, month, day)
  checkRange(where, text, epochDay)
  return epochDay
}

/** Parses an `Instant` into epoch milliseconds, or throws a `CalendarInputError` naming `where`. */
export const parseInstant = (where: string, text: unknown): number => {
  const match = typeof text === "string" ? INSTANT_PATTERN.exec(text) : null
  if (match === null) {
    throw inputError(where, "expected an ISO-8601 date-time with an offset, e.g. 2025-03-14T08:00:00+07:00", text)
  }
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(match[i]))
  const second = Number(match[6] ?? "0")
  const millis = Number(`0.${match[7] ?? "0"}`) * 1000
  const offset = match[8] ?? "Z"
  if (month === undefined || month < 1 || month > 12) throw inputError(where, `month ${month} does not exist`, text)
  if (day === undefined || year === undefined || day < 1 || day > daysInMonth(year, month)) {
    throw inputError(where, `day ${day} does not exist in ${year}-${pad(month)}`, text)
  }
  if (hour === undefined || minute === undefined || hour > 23 || minute > 59 || second > 59) {
    throw inputError(where, "the time of day must be between 00:00:00 and 23:59:59", text)
  }
  let offsetMs = 0
  if (offset !== "Z") {
    const sign = offset.startsWith("-") ? -1 : 1
    const oh = Number(offset.slice(1, 3))
    const om = Number(offset.slice(4, 6))
    if (oh > 18 || om > 59) throw inputError(where, `offset ${offset} is not a valid UTC offset`, text)
    offsetMs = sign * (oh * 3_600_000 + om * MS_PER_MINUTE)
  }
  const epochMs =
    epochDayOf(year, month, day) * MS_PER_DAY +
    hour * 3_600_000 +
    minute * MS_PER_MINUTE +
    second * 1000 +
    Math.round(millis) -
    offsetMs
  checkRange(where, text, localDayOf(epochMs))
  return epochMs
}

/** A date or an instant, told apart by the presence of a time part. */
export type DateOrInstant =
  | { readonly kind: "date"; readonly day: number }
  | { readonly kind: "instant"; readonly ms: number }

export const parseDateOrInstant = (where: string, text: unknown): DateOrInstant =>
  typeof text === "string" && text.length > 10
    ? { kind: "instant", ms: parseInstant(where, text) }
    : { kind: "date", day: parseLocalDate(where, text) }
