/**
 * Public holidays (ngày nghỉ lễ, Tết) for public servants, by the Labour Code 2019 art. 112, plus the per-year
 * decisions of the government as data.
 *
 * Generated defaults, for any year 1900–2199 (the 2019 rules are applied to every year; older years had fewer days):
 * - 1 January, Tết Dương lịch;
 * - Tết Âm lịch, 5 days. Default placement: the last day of the ending lunar year (29 or 30 tháng Chạp) and the
 *   1st to 4th days of the 1st lunar month. This is the placement of 2026 and a common one; the government picks
 *   the exact days every year (2024 took 29–30 Chạp + mùng 1–3), so real years should come from overrides;
 * - Giỗ Tổ Hùng Vương, the 10th day of the (non-leap) 3rd lunar month;
 * - 30 April (Ngày Chiến thắng) and 1 May (Ngày Quốc tế Lao động);
 * - 2 September (Quốc khánh) plus one adjacent day chosen to make a long weekend: 2/9 on a Monday, Thursday or
 *   Sunday → also 3/9; on a Tuesday, Wednesday, Friday or Saturday → also 1/9;
 * - nghỉ bù: each of these days that falls on a Saturday or Sunday (the weekly rest of public servants, whatever the
 *   opening hours of a given centre) gives a compensatory day off on the next Monday–Friday day that is not already
 *   a holiday or compensatory day, taken in date order. Two statutory days on the same date (rare: Hùng Kings'
 *   day on 30 April) make one entry with both names and one compensatory day (an assumption, see the code).
 *
 * Overrides (`HolidayOverrides`, a JSON file a province IT person edits, see `packages/catalog-quangninh/data/
 * holidays.json`): a list of years, each with a list of days:
 * ```json
 * { "years": [ { "year": 2026, "mode": "replace", "source": "…", "days": [
 *     { "date": "2026-01-01", "kind": "holiday", "name": "Tết Dương lịch" },
 *     { "date": "2026-01-02", "kind": "swap-off", "name": "Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)" },
 *     { "date": "2026-01-10", "kind": "makeup-workday", "name": "Làm bù cho thứ Sáu 02/01/2026" } ] } ] }
 * ```
 * - `kind`: `holiday` (statutory day), `compensatory` (nghỉ bù for a holiday on a weekly rest day), `swap-off` (a
 *   working day given off, paid back by a Saturday) — all three are days off — or `makeup-workday` (a Saturday or
 *   Sunday worked to pay back a swap: a working day with the full weekday hours).
 * - `mode: "replace"` (the default): the year's list is the complete official schedule; the generated defaults of
 *   that Gregorian year are dropped. Use it once the year's decision is published: list every day off.
 * - `mode: "merge"`: the listed days are laid over the generated defaults, date by date (a day listed as
 *   `makeup-workday` stops being a day off; any other kind becomes or stays a day off with the listed name). Use it
 *   to add a single swap before the full schedule is known.
 * - A day always belongs to the Gregorian year of its own date, whichever block lists it (the swap of 31/12/2018
 *   for New Year 2019 may sit in the 2019 block); `mode` only says what happens to the block's own year.
 * - `source`, `verified` and `note` are free documentation (legal reference, whether someone checked it).
 */
import { Effect, Exit, Schema } from "effect"
import { inputError } from "./errors.ts"
import {
  civilOf,
  epochDayOf,
  formatLocalDate,
  LocalDate,
  MAX_YEAR,
  MIN_YEAR,
  parseLocalDate,
  weekdayOf,
} from "./local-date.ts"
import { epochDayOfLunar } from "./lunar.ts"

export const DayOffKind = Schema.Literals(["holiday", "compensatory", "swap-off"])
export type DayOffKind = typeof DayOffKind.Type

export const HolidayOverrideKind = Schema.Literals(["holiday", "compensatory", "swap-off", "makeup-workday"])
export type HolidayOverrideKind = typeof HolidayOverrideKind.Type

const Year = Schema.Number.check(Schema.isInt(), Schema.isBetween({ minimum: MIN_YEAR, maximum: MAX_YEAR }))

export const HolidayOverrideDay = Schema.Struct({
  date: LocalDate,
  kind: HolidayOverrideKind,
  /** Vietnamese name, as in the official text. */
  name: Schema.String,
  nameEn: Schema.optionalKey(Schema.String),
  source: Schema.optionalKey(Schema.String),
  verified: Schema.optionalKey(Schema.Boolean),
  note: Schema.optionalKey(Schema.String),
})
export type HolidayOverrideDay = typeof HolidayOverrideDay.Type

export const HolidayYearOverride = Schema.Struct({
  year: Year,
  mode: Schema.Literals(["replace", "merge"]).pipe(Schema.withDecodingDefaultKey(Effect.succeed("replace" as const))),
  source: Schema.optionalKey(Schema.String),
  verified: Schema.optionalKey(Schema.Boolean),
  note: Schema.optionalKey(Schema.String),
  days: Schema.Array(HolidayOverrideDay),
})
export type HolidayYearOverride = typeof HolidayYearOverride.Type

/** Per-year official holiday schedules (see the module comment for the meaning of each field). */
export const HolidayOverrides = Schema.Struct({
  description: Schema.optionalKey(Schema.String),
  years: Schema.Array(HolidayYearOverride).check(
    Schema.makeFilter((years: ReadonlyArray<{ readonly year: number }>) => {
      const seen = new Set<number>()
      for (const { year } of years) {
        if (seen.has(year)) return `year ${year} is listed twice: keep one block per year`
        seen.add(year)
      }
      return true
    }),
  ),
})
export type HolidayOverrides = typeof HolidayOverrides.Type
/** The JSON form of {@link HolidayOverrides} (`mode` may be left out). */
export type HolidayOverridesJson = typeof HolidayOverrides.Encoded

export interface PublicHoliday {
  readonly date: LocalDate
  /** Vietnamese name. */
  readonly name: string
  readonly nameEn: string
  readonly kind: DayOffKind
}

export interface WorkingDayOverride {
  readonly date: LocalDate
  readonly name: string
  readonly nameEn: string
  readonly kind: "makeup-workday"
}

/** A day off or a make-up working day, keyed by epoch day (internal form). */
export interface DayEntry {
  readonly day: number
  readonly name: string
  readonly nameEn: string
  readonly kind: HolidayOverrideKind
}

const TET_NAMES = ["mùng 1", "mùng 2", "mùng 3", "mùng 4"]

/** The generated defaults of a Gregorian year, sorted by date. */
export const defaultDaysOff = (year: number): DayEntry[] => {
  const holidays: DayEntry[] = []
  const add = (day: number, name: string, nameEn: string) => holidays.push({ day, name, nameEn, kind: "holiday" })

  add(epochDayOf(year, 1, 1), "Tết Dương lịch", "New Year's Day")
  // Lunar new year day of lunar year `year`: always between 21 January and 20 February, so all 5 days stay in `year`.
  const tet = epochDayOfLunar(year, 1, 1, false) as number
  add(tet - 1, "Tết Âm lịch (ngày cuối năm âm lịch)", "Lunar New Year's Eve")
  TET_NAMES.forEach((n, i) => {
    add(tet + i, `Tết Âm lịch (${n})`, `Lunar New Year, day ${i + 1}`)
  })
  add(epochDayOfLunar(year, 3, 10, false) as number, "Giỗ Tổ Hùng Vương", "Hùng Kings' Commemoration Day")
  add(epochDayOf(year, 4, 30), "Ngày Chiến thắng", "Reunification Day")
  add(epochDayOf(year, 5, 1), "Ngày Quốc tế Lao động", "International Labour Day")
  const nationalDay = epochDayOf(year, 9, 2)
  add(nationalDay, "Quốc khánh", "National Day")
  const adjacentAfter = [1, 4, 7].includes(weekdayOf(nationalDay)) // Monday, Thursday, Sunday → 3/9
  add(nationalDay + (adjacentAfter ? 1 : -1), "Quốc khánh (ngày liền kề)", "National Day (adjacent day)")

  holidays.sort((a, b) => a.day - b.day)
  // Two statutory days can fall on the same date (Hùng Kings' day on 30 April, as in 1947): they become one entry
  // with both names, and the day that was lost is compensated like one falling on a weekend (an assumption: the
  // Labour Code is silent on it, a yearly decision would settle it).
  const merged: DayEntry[] = []
  const lost: DayEntry[] = []
  for (const h of holidays) {
    const last = merged[merged.length - 1]
    if (last !== undefined && last.day === h.day) {
      merged[merged.length - 1] = { ...last, name: `${last.name}; ${h.name}`, nameEn: `${last.nameEn}; ${h.nameEn}` }
      lost.push(h)
    } else {
      merged.push(h)
      if (weekdayOf(h.day) >= 6) lost.push(h)
    }
  }
  lost.sort((a, b) => a.day - b.day)
  const taken = new Set(merged.map((h) => h.day))
  const compensatory: DayEntry[] = []
  for (const h of lost) {
    let day = h.day + 1
    while (weekdayOf(day) >= 6 || taken.has(day)) day++
    taken.add(day)
    compensatory.push({
      day,
      name: `Nghỉ bù ${h.name}`,
      nameEn: `${h.nameEn} (compensatory day off)`,
      kind: "compensatory",
    })
  }
  return [...merged, ...compensatory].sort((a, b) => a.day - b.day)
}

interface IndexedOverrides {
  readonly replacedYears: ReadonlySet<number>
  readonly daysByYear: ReadonlyMap<number, ReadonlyArray<DayEntry>>
}

const indexCache = new WeakMap<object, IndexedOverrides>()
const decodeOverrides = Schema.decodeUnknownExit(HolidayOverrides)

/**
 * Validates overrides (once per object) and indexes their days by Gregorian year. Accepts the decoded type or the
 * JSON form; throws a `CalendarInputError` naming `where` with the schema's message when invalid.
 */
export const indexOverrides = (where: string, overrides: unknown): IndexedOverrides => {
  if (typeof overrides === "object" && overrides !== null) {
    const cached = indexCache.get(overrides)
    if (cached !== undefined) return cached
  }
  const exit = decodeOverrides(overrides)
  if (Exit.isFailure(exit)) {
    throw inputError(where, `invalid holiday overrides: ${String(exit.cause).replace(/\s+/g, " ")}`, overrides)
  }
  const decoded = exit.value
  const replacedYears = new Set(decoded.years.filter((y) => y.mode === "replace").map((y) => y.year))
  const daysByYear = new Map<number, DayEntry[]>()
  for (const block of decoded.years) {
    for (const entry of block.days) {
      const day = parseLocalDate(where, entry.date)
      const year = civilOf(day).year
      const list = daysByYear.get(year) ?? []
      list.push({ day, name: entry.name, nameEn: entry.nameEn ?? entry.name, kind: entry.kind })
      daysByYear.set(year, list)
    }
  }
  const indexed = { replacedYears, daysByYear }
  if (typeof overrides === "object" && overrides !== null) indexCache.set(overrides, indexed)
  return indexed
}

/** Days off and make-up working days of a Gregorian year once overrides are applied, keyed by epoch day. */
export const scheduleOfYear = (
  year: number,
  overrides: IndexedOverrides | undefined,
): { readonly daysOff: Map<number, DayEntry>; readonly makeupDays: Map<number, DayEntry> } => {
  const daysOff = new Map<number, DayEntry>()
  const makeupDays = new Map<number, DayEntry>()
  if (overrides === undefined || !overrides.replacedYears.has(year)) {
    for (const entry of defaultDaysOff(year)) daysOff.set(entry.day, entry)
  }
  for (const entry of overrides?.daysByYear.get(year) ?? []) {
    if (entry.kind === "makeup-workday") {
      daysOff.delete(entry.day)
      makeupDays.set(entry.day, entry)
    } else {
      makeupDays.delete(entry.day)
      daysOff.set(entry.day, entry)
    }
  }
  return { daysOff, makeupDays }
}

const checkYear = (where: string, year: unknown): number => {
  if (typeof year !== "number" || !Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw inputError(where, `the year must be an integer between ${MIN_YEAR} and ${MAX_YEAR}`, year)
  }
  return year
}

const sortedByDay = (entries: Iterable<DayEntry>) => [...entries].sort((a, b) => a.day - b.day)

/**
 * The days off of a Gregorian year for public servants, sorted by date: statutory holidays, compensatory days
 * (nghỉ bù) and swapped days off. Without overrides (or for a year they do not cover) these are the generated
 * defaults described in the module comment. Make-up working days are not holidays: see {@link workingDayOverrides}.
 */
export const publicHolidays = (year: number, overrides?: HolidayOverrides | HolidayOverridesJson): PublicHoliday[] => {
  checkYear("publicHolidays(year)", year)
  const indexed = overrides === undefined ? undefined : indexOverrides("publicHolidays(overrides)", overrides)
  return sortedByDay(scheduleOfYear(year, indexed).daysOff.values()).map((e) => ({
    date: formatLocalDate(e.day),
    name: e.name,
    nameEn: e.nameEn,
    kind: e.kind as DayOffKind,
  }))
}

/** The make-up working days (Saturdays or Sundays worked to pay back a swap) of a Gregorian year, sorted. */
export const workingDayOverrides = (
  year: number,
  overrides?: HolidayOverrides | HolidayOverridesJson,
): WorkingDayOverride[] => {
  checkYear("workingDayOverrides(year)", year)
  const indexed = overrides === undefined ? undefined : indexOverrides("workingDayOverrides(overrides)", overrides)
  return sortedByDay(scheduleOfYear(year, indexed).makeupDays.values()).map((e) => ({
    date: formatLocalDate(e.day),
    name: e.name,
    nameEn: e.nameEn,
    kind: "makeup-workday" as const,
  }))
}
