/**
 * Working-time arithmetic on a {@link Calendar}: the functions embedders call to compute appointment dates and to
 * measure whether a dossier was handled on time.
 *
 * Representation:
 * - a date is a `LocalDate` `"YYYY-MM-DD"` (a civil day in Vietnam); an instant is ISO-8601 text with an explicit
 *   offset; outputs are always written in `+07:00`. A string longer than 10 characters is read as an instant.
 * - where an instant is expected and a date is given, the date means its local midnight (00:00+07:00).
 *
 * Intake rule (received after hours or on a day off): a dossier counts as received at the next working moment, i.e.
 * the start of the next working period (received Friday 17:30 → Monday 07:30; Saturday on a Monday–Friday centre →
 * Monday 07:30; 12:00 → 13:30). With dates, a day off counts as the next working day. Deadlines count from there
 * (Decree 45/2020/ND-CP treats online filings outside working hours the same way). {@link nextWorkingMoment} gives
 * that moment.
 *
 * Errors: every function validates its arguments first and throws a `CalendarInputError` (malformed or
 * out-of-range date, negative or fractional day count, pause ending before it starts, a result after 2199-12-31);
 * nothing else is thrown.
 */
import {
  type Calendar,
  isWorkingEpochDay,
  nthWorkingDay,
  periodsOfDay,
  workingDaysIn,
  workingMsInDays,
} from "./calendar.ts"
import { inputError } from "./errors.ts"
import {
  type DateOrInstant,
  formatInstant,
  formatLocalDate,
  type Instant,
  LAST_DAY,
  type LocalDate,
  localDayOf,
  MS_PER_DAY,
  MS_PER_MINUTE,
  parseDateOrInstant,
  startOfLocalDay,
} from "./local-date.ts"

/** An interval during which the clock is stopped (e.g. waiting for the applicant to supplement the dossier). */
export interface Pause {
  readonly from: string
  readonly to: string
}

/** Working time between two points: see {@link workingTimeBetween}. */
export interface WorkingTime {
  /** Working minutes (may be fractional when the inputs carry seconds). */
  readonly minutes: number
  /** Whole working days. */
  readonly days: number
}

const checkCalendar = (where: string, calendar: Calendar) => {
  if (typeof calendar !== "object" || calendar === null || !(calendar.years instanceof Map)) {
    throw inputError(where, "expected a calendar made by makeCalendar", calendar)
  }
}

const checkCount = (where: string, n: unknown, unit: string, integer: boolean): number => {
  if (typeof n !== "number" || !Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
    throw inputError(where, `the number of ${unit} must be ${integer ? "a whole number" : "a finite number"} ≥ 0`, n)
  }
  return n
}

const beyondRange = (where: string, value: unknown) =>
  inputError(where, "the result would fall after 2199-12-31, the end of the supported range", value)

const asInstantMs = (point: DateOrInstant): number => (point.kind === "instant" ? point.ms : startOfLocalDay(point.day))

/** First working moment at or after `ms`, or undefined beyond 2199. */
const normalise = (calendar: Calendar, ms: number): number | undefined => {
  const day = localDayOf(ms)
  const inDay = ms - startOfLocalDay(day)
  for (const [from, to] of periodsOfDay(calendar, day)) {
    if (inDay < from) return startOfLocalDay(day) + from
    if (inDay < to) return ms
  }
  if (day >= LAST_DAY) return undefined
  const next = nthWorkingDay(calendar, day + 1, 0)
  if (next === undefined) return undefined
  const [first] = periodsOfDay(calendar, next)
  return startOfLocalDay(next) + (first as readonly [number, number])[0]
}

/** Working milliseconds elapsed in the local day of `ms` before `ms`. */
const workedInDayBefore = (calendar: Calendar, ms: number): number => {
  const day = localDayOf(ms)
  const inDay = ms - startOfLocalDay(day)
  let worked = 0
  for (const [from, to] of periodsOfDay(calendar, day)) worked += Math.max(0, Math.min(inDay, to) - from)
  return worked
}

/**
 * The instant `offset` working milliseconds into `day`. With `atPeriodEnd`, an offset that lands exactly on the end
 * of a period gives that end (11:30) rather than the start of the next one (13:30). Past the day's length: its end.
 */
const instantInDay = (calendar: Calendar, day: number, offset: number, atPeriodEnd: boolean): number => {
  const periods = periodsOfDay(calendar, day)
  let rest = offset
  for (const [from, to] of periods) {
    const length = to - from
    if (rest < length || (atPeriodEnd && rest === length)) return startOfLocalDay(day) + from + rest
    rest -= length
  }
  const last = periods[periods.length - 1] as readonly [number, number]
  return startOfLocalDay(day) + last[1]
}

/** Working milliseconds in [a, b) (0 when b ≤ a). */
const workingMsBetween = (calendar: Calendar, a: number, b: number): number => {
  if (b <= a) return 0
  const dayA = localDayOf(a)
  const dayB = localDayOf(b)
  // Whole days from dayA to dayB − 1, minus what was worked on dayA before a, plus what was worked on dayB before b.
  return workingMsInDays(calendar, dayA, dayB - 1) - workedInDayBefore(calendar, a) + workedInDayBefore(calendar, b)
}

const parsePauses = (where: string, pauses: unknown): ReadonlyArray<readonly [DateOrInstant, DateOrInstant]> => {
  if (pauses === undefined) return []
  if (!Array.isArray(pauses)) throw inputError(where, "pauses must be a list of { from, to } intervals", pauses)
  return pauses.map((pause: unknown, i) => {
    const p = (pause ?? {}) as { from?: unknown; to?: unknown }
    const from = parseDateOrInstant(`${where}[${i}].from`, p.from)
    const to = parseDateOrInstant(`${where}[${i}].to`, p.to)
    if (asInstantMs(to) < asInstantMs(from))
      throw inputError(`${where}[${i}]`, "a pause must not end before it starts", pause)
    return [from, to] as const
  })
}

/** Sorted, disjoint union of intervals [from, to) clipped to [lo, hi). */
const unionWithin = (intervals: ReadonlyArray<readonly [number, number]>, lo: number, hi: number) => {
  const clipped = intervals
    .map(([a, b]) => [Math.max(a, lo), Math.min(b, hi)] as const)
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0] - y[0])
  const merged: Array<[number, number]> = []
  for (const [a, b] of clipped) {
    const last = merged[merged.length - 1]
    if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b)
    else merged.push([a, b])
  }
  return merged
}

/** The first working moment at or after `at` (the intake rule): an instant in `+07:00`. */
export const nextWorkingMoment = (calendar: Calendar, at: string): Instant => {
  const where = "nextWorkingMoment"
  checkCalendar(`${where}(calendar)`, calendar)
  const ms = asInstantMs(parseDateOrInstant(`${where}(at)`, at))
  const result = normalise(calendar, ms)
  if (result === undefined) throw beyondRange(`${where}(at)`, at)
  return formatInstant(result)
}

/** Whether a date (or the local day of an instant) is a working day of this calendar. */
export const isWorkingDay = (calendar: Calendar, date: string): boolean => {
  checkCalendar("isWorkingDay(calendar)", calendar)
  const point = parseDateOrInstant("isWorkingDay(date)", date)
  return isWorkingEpochDay(calendar, point.kind === "date" ? point.day : localDayOf(point.ms))
}

/**
 * Adds whole working days.
 * - `start` a `LocalDate` → a `LocalDate`: the `days`-th working day after `start`, where a `start` that is not a
 *   working day first moves to the next working day (the intake rule). `days = 0` gives that first working day.
 *   So a dossier received on Tuesday with 3 working days is due on Friday; received on Saturday, on Thursday.
 * - `start` an instant → an instant: `start` is moved to the next working moment, then the result is the same
 *   working time of day (the working time elapsed since the day's first period) `days` working days later. If that
 *   day is shorter (a Saturday morning), the result is the end of its last period.
 */
export function addWorkingDays(calendar: Calendar, start: LocalDate, days: number): LocalDate
export function addWorkingDays(calendar: Calendar, start: Instant, days: number): Instant
export function addWorkingDays(calendar: Calendar, start: string, days: number): LocalDate | Instant
export function addWorkingDays(calendar: Calendar, start: string, days: number): LocalDate | Instant {
  const where = "addWorkingDays"
  checkCalendar(`${where}(calendar)`, calendar)
  const point = parseDateOrInstant(`${where}(start)`, start)
  const n = checkCount(`${where}(days)`, days, "working days", true)
  if (point.kind === "date") {
    const result = nthWorkingDay(calendar, point.day, n)
    if (result === undefined) throw beyondRange(`${where}(days)`, days)
    return formatLocalDate(result)
  }
  const begin = normalise(calendar, point.ms)
  if (begin === undefined) throw beyondRange(`${where}(start)`, start)
  const day = localDayOf(begin)
  const target = nthWorkingDay(calendar, day, n)
  if (target === undefined) throw beyondRange(`${where}(days)`, days)
  return formatInstant(instantInDay(calendar, target, workedInDayBefore(calendar, begin), false))
}

/**
 * Adds working hours (any finite number ≥ 0, e.g. 0.5): the earliest instant at which `hours` of working time have
 * elapsed since `start` (a date means its 00:00). Ending exactly at the end of a period gives that end (4 hours
 * from Monday 07:30 → Monday 11:30, not 13:30). `hours = 0` gives the next working moment (the intake rule).
 */
export const addWorkingHours = (calendar: Calendar, start: string, hours: number): Instant => {
  const where = "addWorkingHours"
  checkCalendar(`${where}(calendar)`, calendar)
  const from = asInstantMs(parseDateOrInstant(`${where}(start)`, start))
  const remainingMs = Math.round(checkCount(`${where}(hours)`, hours, "working hours", false) * 3_600_000)
  const begin = normalise(calendar, from)
  if (begin === undefined) throw beyondRange(`${where}(start)`, start)
  if (remainingMs === 0) return formatInstant(begin)
  let day = localDayOf(begin)
  let offset = workedInDayBefore(calendar, begin) + remainingMs
  for (;;) {
    const length = workingMsInDays(calendar, day, day)
    if (offset <= length) return formatInstant(instantInDay(calendar, day, offset, true))
    offset -= length
    // Walk working day by working day: hour allowances span a few days at most.
    const next = nthWorkingDay(calendar, day, 1)
    if (next === undefined) throw beyondRange(`${where}(hours)`, hours)
    day = next
  }
}

/**
 * Working time between `from` and `to`, not counting `pauses` (intervals `{ from, to }`, e.g. waiting for a
 * supplement; overlapping pauses count once). Throws when `to` is before `from`.
 *
 * - Both `from` and `to` dates: `days` is the number of working days in (start, to], where start is `from` moved to
 *   a working day (the intake rule), minus the working days that lie in a pause (pause bounds are read as the days
 *   they fall on, inclusive); `minutes` is the working time of those days. This inverts the date form of
 *   `addWorkingDays`: `workingTimeBetween(c, d, addWorkingDays(c, d, n)).days === n`.
 * - Otherwise (instants; a date means its 00:00, except a pause's `to` date, which means the end of that day):
 *   `minutes` is the working time in [from, to) minus the working time inside pauses, and `days` is `minutes` in whole standard working days (`workingHours`), rounded down. This
 *   inverts `addWorkingHours` (minutes = 60 × hours) and, on a calendar whose working days all have the same
 *   length, the instant form of `addWorkingDays`.
 */
export const workingTimeBetween = (
  calendar: Calendar,
  from: string,
  to: string,
  pauses?: ReadonlyArray<Pause>,
): WorkingTime => {
  const where = "workingTimeBetween"
  checkCalendar(`${where}(calendar)`, calendar)
  const a = parseDateOrInstant(`${where}(from)`, from)
  const b = parseDateOrInstant(`${where}(to)`, to)
  const stops = parsePauses(`${where}(pauses)`, pauses)
  if (asInstantMs(b) < asInstantMs(a)) throw inputError(`${where}(to)`, `"to" must not be before "from" (${from})`, to)

  if (a.kind === "date" && b.kind === "date") {
    const first = nthWorkingDay(calendar, a.day, 0)
    if (first === undefined || first >= b.day) return { minutes: 0, days: 0 }
    const dayOf = (p: DateOrInstant) => (p.kind === "date" ? p.day : localDayOf(p.ms))
    // Day ranges [first, last + 1) so that the interval union handles overlaps.
    const paused = unionWithin(
      stops.map(([p, q]) => [dayOf(p), dayOf(q) + 1] as const),
      first + 1,
      b.day + 1,
    )
    let days = workingDaysIn(calendar, first + 1, b.day)
    let ms = workingMsInDays(calendar, first + 1, b.day)
    for (const [p, q] of paused) {
      days -= workingDaysIn(calendar, p, q - 1)
      ms -= workingMsInDays(calendar, p, q - 1)
    }
    return { minutes: ms / MS_PER_MINUTE, days }
  }

  const lo = asInstantMs(a)
  const hi = asInstantMs(b)
  const paused = unionWithin(
    stops.map(([p, q]) => [asInstantMs(p), q.kind === "date" ? startOfLocalDay(q.day) + MS_PER_DAY : q.ms] as const),
    lo,
    hi,
  )
  let ms = workingMsBetween(calendar, lo, hi)
  for (const [p, q] of paused) ms -= workingMsBetween(calendar, p, q)
  return { minutes: ms / MS_PER_MINUTE, days: Math.floor(ms / calendar.standardDayMs) }
}
