// Arbitrary working calendars and years: weekly patterns (with and without Saturday mornings), working hours, and
// years across the whole range the lunar calendar supports, so deadline code is tested beyond the years we know.
import type { CalendarConfigJson } from "@motcua/domain"
import fc from "fast-check"

/** A year the calendar supports (1900–2199); `recent` keeps to the years a deployment meets in practice. */
export const arbYear = (range: "all" | "recent" = "all"): fc.Arbitrary<number> =>
  range === "all" ? fc.integer({ min: 1900, max: 2199 }) : fc.integer({ min: 2020, max: 2040 })

const pad = (n: number) => String(n).padStart(2, "0")
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`

/** Working hours as one or two periods a day (morning, and afternoon after a lunch break). */
export const arbWorkingHours = fc
  .record({
    start: fc.integer({ min: 6 * 2, max: 9 * 2 }).map((h) => h * 30),
    morning: fc.integer({ min: 3 * 2, max: 5 * 2 }).map((h) => h * 30),
    lunch: fc.option(
      fc.integer({ min: 1, max: 4 }).map((h) => h * 30),
      { nil: undefined },
    ),
    afternoon: fc.integer({ min: 2 * 2, max: 4 * 2 }).map((h) => h * 30),
  })
  .map(({ start, morning, lunch, afternoon }) => {
    const noon = start + morning
    return lunch === undefined
      ? [{ from: clock(start), to: clock(noon + afternoon) }]
      : [
          { from: clock(start), to: clock(noon) },
          { from: clock(noon + lunch), to: clock(noon + lunch + afternoon) },
        ]
  })

/** A calendar configuration: Monday–Friday or a random non-empty set of weekdays, optional Saturday mornings. */
export const arbCalendarConfig: fc.Arbitrary<CalendarConfigJson> = fc.record({
  workingHours: arbWorkingHours,
  workingWeekdays: fc.oneof(
    { weight: 3, arbitrary: fc.constant(["mon", "tue", "wed", "thu", "fri"] as const) },
    { weight: 1, arbitrary: fc.subarray(["mon", "tue", "wed", "thu", "fri", "sat"] as const, { minLength: 1 }) },
  ),
  saturdayMorning: fc.boolean(),
})
