/**
 * The Vietnamese lunisolar calendar (âm lịch), after Hồ Ngọc Đức's published astronomical algorithm.
 *
 * Rules (his description, which follows the 1967 Vietnamese calendar reform):
 * - a lunar month starts on the local day holding the new moon (sóc);
 * - everything is computed for the meridian 105°E, i.e. UTC+7 (the Chinese calendar uses UTC+8, which is why Tết
 *   differs in years such as 1985, 2007 or 2030: a new moon just before midnight in Hà Nội is already the next day
 *   in Beijing);
 * - the winter solstice always falls in the 11th month;
 * - a year with 13 months between two 11th months gets a leap month: the first month after the 11th month that
 *   contains no major solar term (trung khí, sun longitude a multiple of 30°); it takes the number of the month
 *   before it.
 *
 * The new-moon and sun-longitude series are Jean Meeus' low-precision ones, as in Đức's simplified article. The
 * months of every lunar year from 1899 to 2200 are computed once, on first use, into flat typed arrays: a conversion
 * is then a binary search (solar → lunar) or a table look-up (lunar → solar).
 */
import { inputError } from "./errors.ts"
import {
  type CivilDate,
  civilOf,
  daysInMonth,
  epochDayOf,
  FIRST_DAY,
  LAST_DAY,
  MAX_YEAR,
  MIN_YEAR,
} from "./local-date.ts"

export interface LunarDate {
  readonly year: number
  readonly month: number
  readonly day: number
  /** True in a leap (nhuận) month, which repeats the number of the month before it. */
  readonly leap: boolean
}

const TIME_ZONE_HOURS = 7
const RAD = Math.PI / 180
const SYNODIC_MONTH = 29.530588853
/** Julian day number of 1970-01-01 (noon-based JDN of the day). */
const JDN_OF_EPOCH_DAY_0 = 2_440_588

/** Julian date (UT) of the k-th new moon after the one of 1900-01-01 (Meeus, "Astronomical Algorithms", 1st ed.). */
const newMoonJulianDate = (k: number): number => {
  const t = k / 1236.85
  const t2 = t * t
  const t3 = t2 * t
  let jd = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD)
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3 // Sun's mean anomaly
  const mp = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3 // Moon's mean anomaly
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3 // Moon's argument of latitude
  let c = (0.1734 - 0.000393 * t) * Math.sin(m * RAD) + 0.0021 * Math.sin(2 * m * RAD)
  c += -0.4068 * Math.sin(mp * RAD) + 0.0161 * Math.sin(2 * mp * RAD)
  c += -0.0004 * Math.sin(3 * mp * RAD)
  c += 0.0104 * Math.sin(2 * f * RAD) - 0.0051 * Math.sin((m + mp) * RAD)
  c += -0.0074 * Math.sin((m - mp) * RAD) + 0.0004 * Math.sin((2 * f + m) * RAD)
  c += -0.0004 * Math.sin((2 * f - m) * RAD) - 0.0006 * Math.sin((2 * f + mp) * RAD)
  c += 0.001 * Math.sin((2 * f - mp) * RAD) + 0.0005 * Math.sin((2 * mp + m) * RAD)
  // ΔT (TT − UT) in days, a polynomial fit good enough at the day resolution we need.
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2
  return jd + c - deltaT
}

/** The Sun's apparent longitude in radians, in [0, 2π), at Julian date `jd` (Meeus' low-precision formula). */
const sunLongitude = (jd: number): number => {
  const t = (jd - 2_451_545.0) / 36_525
  const t2 = t * t
  const m = 357.5291 + 35_999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2
  const l0 = 280.46645 + 36_000.76983 * t + 0.0003032 * t2
  let dl = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(RAD * m)
  dl += (0.019993 - 0.000101 * t) * Math.sin(2 * RAD * m) + 0.00029 * Math.sin(3 * RAD * m)
  const l = (l0 + dl) * RAD
  return l - 2 * Math.PI * Math.floor(l / (2 * Math.PI))
}

/** Julian day number of the local (UTC+7) day holding the k-th new moon. */
const newMoonDay = (k: number): number => Math.floor(newMoonJulianDate(k) + 0.5 + TIME_ZONE_HOURS / 24)

/** Index 0..11 of the 30° sector the Sun is in at the start of the local day `jdn` (9 = from the winter solstice). */
const solarSectorAtStartOf = (jdn: number): number =>
  Math.floor((sunLongitude(jdn - 0.5 - TIME_ZONE_HOURS / 24) / Math.PI) * 6)

/** JDN of the first day of the 11th lunar month that holds the winter solstice of Gregorian `year`. */
const month11Start = (year: number): number => {
  const lastDayOfYear = epochDayOf(year, 12, 31) + JDN_OF_EPOCH_DAY_0
  const k = Math.floor((lastDayOfYear - 2_415_021) / SYNODIC_MONTH)
  const candidate = newMoonDay(k)
  // If the Sun is already past 270° when that month begins, the solstice was in the month before.
  return solarSectorAtStartOf(candidate) >= 9 ? newMoonDay(k - 1) : candidate
}

interface MonthTable {
  /** Epoch day on which each month starts, plus one sentinel: the start of the month after the last. */
  readonly start: Int32Array
  readonly year: Int16Array
  readonly month: Int8Array
  readonly leap: Uint8Array
  /** `year * 32 + month * 2 + leap` → index in the arrays above. */
  readonly index: Map<number, number>
}

// Months from the 11th month of lunar year 1899 to the 10th month of 2199 (plus the sentinel): this covers every
// solar day of 1900–2199 and every lunar date of years 1900–2199.
const buildMonthTable = (): MonthTable => {
  const starts: number[] = []
  const years: number[] = []
  const months: number[] = []
  const leaps: number[] = []
  for (let solarYear = MIN_YEAR; solarYear <= MAX_YEAR + 1; solarYear++) {
    const from = month11Start(solarYear - 1)
    const to = month11Start(solarYear)
    const k0 = Math.floor((from - 2_415_021.076998695) / SYNODIC_MONTH + 0.5)
    const count = Math.round((to - from) / SYNODIC_MONTH)
    const monthStarts = Array.from({ length: count + 1 }, (_, i) => newMoonDay(k0 + i))
    let leapAt = -1
    if (count === 13) {
      for (let i = 1; i < count; i++) {
        if (solarSectorAtStartOf(monthStarts[i] as number) === solarSectorAtStartOf(monthStarts[i + 1] as number)) {
          leapAt = i
          break
        }
      }
    }
    for (let i = 0; i < count; i++) {
      const numberIndex = leapAt > 0 && i >= leapAt ? i - 1 : i // months after the leap month shift back by one
      const month = ((10 + numberIndex) % 12) + 1 // i = 0 is the 11th month
      starts.push((monthStarts[i] as number) - JDN_OF_EPOCH_DAY_0)
      // The 11th and 12th months (and a leap one among them) belong to the lunar year that began the year before.
      years.push(month >= 11 && i <= 3 ? solarYear - 1 : solarYear)
      months.push(month)
      leaps.push(i === leapAt ? 1 : 0)
    }
  }
  starts.push(month11Start(MAX_YEAR + 1) - JDN_OF_EPOCH_DAY_0)
  const index = new Map<number, number>()
  years.forEach((y, i) => {
    index.set(y * 32 + (months[i] as number) * 2 + (leaps[i] as number), i)
  })
  return {
    start: Int32Array.from(starts),
    year: Int16Array.from(years),
    month: Int8Array.from(months),
    leap: Uint8Array.from(leaps),
    index,
  }
}

let table: MonthTable | undefined
const monthTable = (): MonthTable => {
  table ??= buildMonthTable()
  return table
}

/** Lunar date of an epoch day already known to lie in 1900–2199. */
export const lunarDateOfEpochDay = (epochDay: number): LunarDate => {
  const t = monthTable()
  let lo = 0
  let hi = t.year.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((t.start[mid] as number) <= epochDay) lo = mid
    else hi = mid - 1
  }
  return {
    year: t.year[lo] as number,
    month: t.month[lo] as number,
    day: epochDay - (t.start[lo] as number) + 1,
    leap: t.leap[lo] === 1,
  }
}

/** Epoch day of a lunar date, or undefined when that month (e.g. a leap month) or day does not exist. */
export const epochDayOfLunar = (year: number, month: number, day: number, leap: boolean): number | undefined => {
  const t = monthTable()
  const i = t.index.get(year * 32 + month * 2 + (leap ? 1 : 0))
  if (i === undefined) return undefined
  const start = t.start[i] as number
  const length = (t.start[i + 1] as number) - start
  return day >= 1 && day <= length ? start + day - 1 : undefined
}

/** The leap month of a lunar year (1..12), or undefined when the year has none. */
export const leapMonthOf = (lunarYear: number): number | undefined => {
  for (let month = 1; month <= 12; month++) {
    if (epochDayOfLunar(lunarYear, month, 1, true) !== undefined) return month
  }
  return undefined
}

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v)

/**
 * Gregorian date → Vietnamese lunar date, for 1900-01-01 … 2199-12-31.
 * Throws a `CalendarInputError` on a malformed or out-of-range date.
 */
export const solarToLunar = (date: CivilDate): LunarDate => {
  const where = "solarToLunar(date)"
  const { year, month, day } = (date ?? {}) as Partial<CivilDate>
  if (!isInt(year) || !isInt(month) || !isInt(day)) {
    throw inputError(where, "year, month and day must be integers", date)
  }
  if (month < 1 || month > 12) throw inputError(where, `month ${month} does not exist`, date)
  if (day < 1 || day > daysInMonth(year, month))
    throw inputError(where, `day ${day} does not exist in that month`, date)
  const epochDay = epochDayOf(year, month, day)
  if (epochDay < FIRST_DAY || epochDay > LAST_DAY) {
    throw inputError(where, `the date must lie between ${MIN_YEAR}-01-01 and ${MAX_YEAR}-12-31`, date)
  }
  return lunarDateOfEpochDay(epochDay)
}

/**
 * Vietnamese lunar date → Gregorian date, for lunar years 1900–2199 (and the end of 1899 that falls in January
 * 1900). `leap` defaults to false.
 * Throws a `CalendarInputError` when the lunar date does not exist (month 13, day 30 of a 29-day month, a leap
 * month the year does not have, ...).
 */
export const lunarToSolar = (date: { year: number; month: number; day: number; leap?: boolean }): CivilDate => {
  const where = "lunarToSolar(date)"
  const { year, month, day, leap = false } = (date ?? {}) as Partial<LunarDate>
  if (!isInt(year) || !isInt(month) || !isInt(day) || typeof leap !== "boolean") {
    throw inputError(where, "year, month and day must be integers and leap a boolean", date)
  }
  // Lunar year 1899 is accepted for its last days, which fall in January 1900.
  if (year < MIN_YEAR - 1 || year > MAX_YEAR) {
    throw inputError(where, `lunar year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`, date)
  }
  if (month < 1 || month > 12) throw inputError(where, `lunar month ${month} does not exist`, date)
  if (day < 1 || day > 30) throw inputError(where, `lunar day ${day} does not exist (a month has 29 or 30 days)`, date)
  if (leap && leapMonthOf(year) !== month) {
    throw inputError(where, `lunar year ${year} has no leap month ${month}`, date)
  }
  const epochDay = epochDayOfLunar(year, month, day, leap)
  if (epochDay === undefined) {
    throw inputError(where, `lunar month ${month}${leap ? " (leap)" : ""} of ${year} has only 29 days`, date)
  }
  if (epochDay < FIRST_DAY) throw inputError(where, `the date falls before ${MIN_YEAR}-01-01`, date)
  return civilOf(epochDay)
}
