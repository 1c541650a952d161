/**
 * A working-day calendar for one service centre: its weekly opening pattern, its working periods and the holiday
 * schedule, with the classification of every day precomputed per year and cached inside the calendar object.
 *
 * Configuration (`CalendarConfig`, JSON that province IT can keep next to the centre's data; every field is
 * optional; shown here with JSON's quotes on keys left out):
 * ```
 * { workingHours: [{ from: "07:30", to: "11:30" }, { from: "13:30", to: "17:00" }],
 *   workingWeekdays: ["mon", "tue", "wed", "thu", "fri"],
 *   saturdayMorning: false,
 *   weekdayHours: { fri: [{ from: "07:30", to: "11:30" }] },
 *   holidayOverrides: { years: [] } }
 * ```
 * - `workingHours`: the working periods of a normal working day (default 07:30–11:30 and 13:30–17:00), local time.
 * - `workingWeekdays`: the days open with `workingHours` (default Monday–Friday).
 * - `saturdayMorning`: also open on Saturdays, with the periods of `workingHours` that end by 12:00.
 * - `weekdayHours`: explicit periods for a weekday, winning over the two fields above (`[]` closes that weekday).
 * - `holidayOverrides`: the official per-year schedules (see `holidays.ts`). Holidays, compensatory and swapped
 *   days off are closed whatever the weekly pattern; a make-up working day is open with the full `workingHours`.
 *
 * A working day is a day with at least one working period: a Saturday-morning session counts as one working day
 * when counting days, and as its real length (4 h by default) when counting hours.
 */
import { Effect, Exit, Schema } from "effect"
import { inputError } from "./errors.ts"
import { HolidayOverrides, indexOverrides, scheduleOfYear } from "./holidays.ts"
import { civilOf, epochDayOf, isLeapYear, LAST_DAY, MAX_YEAR, MS_PER_MINUTE, weekdayOf } from "./local-date.ts"

const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/
const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5))

export const ClockTime = Schema.String.check(Schema.isPattern(CLOCK, { expected: "a local time written HH:MM" }))

export const WorkingPeriod = Schema.Struct({ from: ClockTime, to: ClockTime }).check(
  Schema.makeFilter((p: { readonly from: string; readonly to: string }) =>
    minutesOf(p.from) < minutesOf(p.to) ? true : `a working period must end after it starts (${p.from}–${p.to})`,
  ),
)
export type WorkingPeriod = typeof WorkingPeriod.Type

const WorkingPeriods = Schema.Array(WorkingPeriod).check(
  Schema.makeFilter((periods: ReadonlyArray<WorkingPeriod>) => {
    for (let i = 1; i < periods.length; i++) {
      const before = periods[i - 1] as WorkingPeriod
      const after = periods[i] as WorkingPeriod
      if (minutesOf(after.from) < minutesOf(before.to)) {
        return `working periods must be in order and must not overlap (${before.from}–${before.to}, ${after.from}–${after.to})`
      }
    }
    return true
  }),
)

export const Weekday = Schema.Literals(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
export type Weekday = typeof Weekday.Type
const WEEKDAYS: ReadonlyArray<Weekday> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

const DEFAULT_HOURS: ReadonlyArray<WorkingPeriod> = [
  { from: "07:30", to: "11:30" },
  { from: "13:30", to: "17:00" },
]

/** A centre's working calendar, as JSON (see the module comment). */
export const CalendarConfig = Schema.Struct({
  workingHours: WorkingPeriods.pipe(Schema.withDecodingDefaultKey(Effect.succeed(DEFAULT_HOURS))),
  workingWeekdays: Schema.Array(Weekday).pipe(
    Schema.withDecodingDefaultKey(Effect.succeed(["mon", "tue", "wed", "thu", "fri"] as const)),
  ),
  saturdayMorning: Schema.Boolean.pipe(Schema.withDecodingDefaultKey(Effect.succeed(false))),
  weekdayHours: Schema.optionalKey(
    Schema.Struct({
      mon: Schema.optionalKey(WorkingPeriods),
      tue: Schema.optionalKey(WorkingPeriods),
      wed: Schema.optionalKey(WorkingPeriods),
      thu: Schema.optionalKey(WorkingPeriods),
      fri: Schema.optionalKey(WorkingPeriods),
      sat: Schema.optionalKey(WorkingPeriods),
      sun: Schema.optionalKey(WorkingPeriods),
    }),
  ),
  holidayOverrides: Schema.optionalKey(HolidayOverrides),
})
export type CalendarConfig = typeof CalendarConfig.Type
/** The JSON form of {@link CalendarConfig}: every field may be left out. */
export type CalendarConfigJson = typeof CalendarConfig.Encoded

/** Per-year precomputed classification. Index `i` is the day `firstDay + i`. */
export interface YearTable {
  readonly firstDay: number
  /** 0 = closed; 1..7 = open with the periods of that ISO weekday; 8 = make-up day (full working hours). */
  readonly pattern: Uint8Array
  /** Number of working days of the year strictly before day `i` (length: days + 1). */
  readonly workingDaysBefore: Int32Array
  /** Working milliseconds of the year strictly before day `i` (length: days + 1). */
  readonly workingMsBefore: Float64Array
  /** The working days of the year, in order, as epoch days. */
  readonly workingDays: Int32Array
}

/** A calendar made by {@link makeCalendar}. Treat it as opaque; it caches one table per year it is asked about. */
export interface Calendar {
  readonly config: CalendarConfig
  /** Working periods, in milliseconds from local midnight, by pattern code (see {@link YearTable.pattern}). */
  readonly periodsByPattern: ReadonlyArray<ReadonlyArray<readonly [number, number]>>
  /** Length in milliseconds of a full working day (`workingHours`), the unit of `workingTimeBetween(...).days`. */
  readonly standardDayMs: number
  readonly years: Map<number, YearTable>
  readonly overrides: ReturnType<typeof indexOverrides> | undefined
}

const decodeConfig = Schema.decodeUnknownExit(CalendarConfig)

/**
 * Builds a calendar from a configuration (decoded or JSON; `{}` gives the defaults: Monday–Friday, 07:30–11:30 and
 * 13:30–17:00, generated holidays). Throws a `CalendarInputError` when the configuration is invalid or opens no day
 * of the week at all.
 */
export const makeCalendar = (config: CalendarConfigJson | CalendarConfig = {}): Calendar => {
  const where = "makeCalendar(config)"
  const exit = decodeConfig(config)
  if (Exit.isFailure(exit)) {
    throw inputError(where, `invalid calendar configuration: ${String(exit.cause).replace(/\s+/g, " ")}`, config)
  }
  const decoded = exit.value
  const toMs = (periods: ReadonlyArray<WorkingPeriod>) =>
    periods.map((p) => [minutesOf(p.from) * MS_PER_MINUTE, minutesOf(p.to) * MS_PER_MINUTE] as const)
  const morning = decoded.workingHours.filter((p) => minutesOf(p.to) <= 12 * 60)
  const weekly = WEEKDAYS.map((day) => {
    const explicit = decoded.weekdayHours?.[day]
    if (explicit !== undefined) return toMs(explicit)
    if (decoded.workingWeekdays.includes(day)) return toMs(decoded.workingHours)
    if (day === "sat" && decoded.saturdayMorning) return toMs(morning)
    return []
  })
  if (weekly.every((periods) => periods.length === 0)) {
    throw inputError(where, "the calendar has no working day: open at least one weekday with working hours", config)
  }
  const full = toMs(decoded.workingHours)
  return {
    config: decoded,
    periodsByPattern: [[], ...weekly, full],
    standardDayMs: full.reduce((sum, [from, to]) => sum + to - from, 0),
    years: new Map(),
    overrides: decoded.holidayOverrides === undefined ? undefined : indexOverrides(where, decoded.holidayOverrides),
  }
}

const MAKEUP = 8

const buildYear = (calendar: Calendar, year: number): YearTable => {
  const firstDay = epochDayOf(year, 1, 1)
  const length = isLeapYear(year) ? 366 : 365
  const { daysOff, makeupDays } = scheduleOfYear(year, calendar.overrides)
  const pattern = new Uint8Array(length)
  const workingDaysBefore = new Int32Array(length + 1)
  const workingMsBefore = new Float64Array(length + 1)
  const workingDays: number[] = []
  for (let i = 0; i < length; i++) {
    const day = firstDay + i
    const code = daysOff.has(day) ? 0 : makeupDays.has(day) ? MAKEUP : weekdayOf(day)
    const periods = calendar.periodsByPattern[code] ?? []
    pattern[i] = periods.length > 0 ? code : 0
    const dayMs = periods.reduce((sum, [from, to]) => sum + to - from, 0)
    if (periods.length > 0) workingDays.push(day)
    workingDaysBefore[i + 1] = (workingDaysBefore[i] as number) + (periods.length > 0 ? 1 : 0)
    workingMsBefore[i + 1] = (workingMsBefore[i] as number) + dayMs
  }
  return { firstDay, pattern, workingDaysBefore, workingMsBefore, workingDays: Int32Array.from(workingDays) }
}

/** The (cached) table of a Gregorian year. */
export const yearTable = (calendar: Calendar, year: number): YearTable => {
  let table = calendar.years.get(year)
  if (table === undefined) {
    table = buildYear(calendar, year)
    calendar.years.set(year, table)
  }
  return table
}

const yearOfDay = (epochDay: number) => civilOf(epochDay).year

/** Working periods of an epoch day (milliseconds from local midnight); empty on a closed day. */
export const periodsOfDay = (calendar: Calendar, epochDay: number): ReadonlyArray<readonly [number, number]> => {
  const table = yearTable(calendar, yearOfDay(epochDay))
  return calendar.periodsByPattern[table.pattern[epochDay - table.firstDay] as number] ?? []
}

export const dayLengthMs = (calendar: Calendar, epochDay: number): number =>
  periodsOfDay(calendar, epochDay).reduce((sum, [from, to]) => sum + to - from, 0)

export const isWorkingEpochDay = (calendar: Calendar, epochDay: number): boolean =>
  periodsOfDay(calendar, epochDay).length > 0

/** Number of working days strictly before `epochDay` within its year. */
const rankInYear = (calendar: Calendar, epochDay: number) => {
  const table = yearTable(calendar, yearOfDay(epochDay))
  return { table, rank: table.workingDaysBefore[epochDay - table.firstDay] as number }
}

/**
 * The working day `n` working days after `epochDay` once `epochDay` is moved forward to a working day (n = 0 gives
 * that first working day itself). Undefined when the result would fall after 2199-12-31.
 */
export const nthWorkingDay = (calendar: Calendar, epochDay: number, n: number): number | undefined => {
  let { table, rank } = rankInYear(calendar, epochDay)
  let target = rank + n
  let year = yearOfDay(epochDay)
  while (target >= table.workingDays.length) {
    target -= table.workingDays.length
    year += 1
    if (year > MAX_YEAR) return undefined
    table = yearTable(calendar, year)
  }
  return table.workingDays[target]
}

/**
 * Position of the start of `day` (which may be 2200-01-01, the end of the supported range) in the per-year
 * prefix sums: its year's table and its index there.
 */
const prefixPosition = (calendar: Calendar, day: number) => {
  const year = day > LAST_DAY ? MAX_YEAR : yearOfDay(day)
  const table = yearTable(calendar, year)
  return { year, table, index: day - table.firstDay }
}

/** Sums a per-year prefix array over [from, to) day starts, adding whole years in between. */
const prefixSpan = (
  calendar: Calendar,
  from: number,
  to: number,
  pick: (table: YearTable) => ArrayLike<number>,
): number => {
  const a = prefixPosition(calendar, from)
  const b = prefixPosition(calendar, to)
  let total = (pick(b.table)[b.index] as number) - (pick(a.table)[a.index] as number)
  for (let y = a.year; y < b.year; y++) {
    const whole = pick(yearTable(calendar, y))
    total += whole[whole.length - 1] as number
  }
  return total
}

/** Number of working days in the inclusive range [first, last] (0 when last < first). */
export const workingDaysIn = (calendar: Calendar, first: number, last: number): number =>
  last < first ? 0 : prefixSpan(calendar, first, last + 1, (t) => t.workingDaysBefore)

/** Working milliseconds of the whole days in the inclusive range [first, last]. */
export const workingMsInDays = (calendar: Calendar, first: number, last: number): number =>
  last < first ? 0 : prefixSpan(calendar, first, last + 1, (t) => t.workingMsBefore)
