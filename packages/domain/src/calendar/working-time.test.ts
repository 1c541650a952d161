import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import type { CalendarConfigJson } from "./calendar.ts"
import { calendarInputError } from "./errors.test-support.ts"
import type { HolidayOverridesJson } from "./holidays.ts"
import {
  addWorkingDays,
  addWorkingHours,
  isWorkingDay,
  makeCalendar,
  nextWorkingMoment,
  workingTimeBetween,
} from "./index.ts"
import { epochDayOf, formatInstant, formatLocalDate, MS_PER_MINUTE, startOfLocalDay } from "./local-date.ts"

const overrides2024: HolidayOverridesJson = {
  years: [
    {
      year: 2024,
      mode: "merge",
      days: [
        { date: "2024-04-29", kind: "swap-off", name: "Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)" },
        { date: "2024-05-04", kind: "makeup-workday", name: "Làm bù cho thứ Hai 29/4/2024" },
      ],
    },
  ],
}

const configs: Record<string, CalendarConfigJson> = {
  default: {},
  overrides: { holidayOverrides: overrides2024 },
  saturdayMorning: { saturdayMorning: true, holidayOverrides: overrides2024 },
  monWedOnly: { workingWeekdays: ["mon", "wed"], workingHours: [{ from: "08:00", to: "12:00" }] },
  shortFriday: { weekdayHours: { fri: [{ from: "07:30", to: "11:30" }] } },
}
// Calendars whose working days all have the same length: the instant form of addWorkingDays is exact there.
const evenConfigs = ["default", "overrides", "monWedOnly"]

const calendars = Object.fromEntries(Object.entries(configs).map(([k, v]) => [k, makeCalendar(v)]))
const calendarName = fc.constantFrom(...Object.keys(configs))
const evenCalendarName = fc.constantFrom(...evenConfigs)
const cal = (name: string) => calendars[name] as ReturnType<typeof makeCalendar>

const FROM = epochDayOf(2023, 1, 1)
const TO = epochDayOf(2027, 12, 31)
const date = fc.integer({ min: FROM, max: TO }).map(formatLocalDate)
const instant = fc
  .integer({ min: startOfLocalDay(FROM), max: startOfLocalDay(TO) })
  .map((ms) => formatInstant(Math.floor(ms / MS_PER_MINUTE) * MS_PER_MINUTE))
const days = fc.integer({ min: 0, max: 60 })
const minutes = fc.integer({ min: 0, max: 60 * 100 })

const ms = (iso: string) => Date.parse(iso) // comparing instants only; Date.parse of an ISO string with an offset is zone-free

describe("properties", () => {
  test.prop([calendarName, date, days])("addWorkingDays on a date lands on a working day", (name, start, n) => {
    expect(isWorkingDay(cal(name), addWorkingDays(cal(name), start, n))).toBe(true)
  })

  test.prop([calendarName, instant, days])("addWorkingDays on an instant lands in a working day", (name, start, n) => {
    const result = addWorkingDays(cal(name), start, n)
    expect(isWorkingDay(cal(name), result)).toBe(true)
    expect(ms(result)).toBeGreaterThanOrEqual(ms(start))
  })

  test.prop([calendarName, date, days, days])("adding a then b days equals adding a + b (dates)", (name, d, a, b) => {
    const c = cal(name)
    expect(addWorkingDays(c, addWorkingDays(c, d, a), b)).toBe(addWorkingDays(c, d, a + b))
  })

  test.prop([evenCalendarName, instant, days, days])(
    "adding a then b days equals adding a + b (instants, even calendars)",
    (name, t, a, b) => {
      const c = cal(name)
      expect(addWorkingDays(c, addWorkingDays(c, t, a), b)).toBe(addWorkingDays(c, t, a + b))
    },
  )

  test.prop([calendarName, instant, minutes, minutes])(
    "adding a then b hours equals adding a + b hours",
    (name, t, a, b) => {
      const c = cal(name)
      // An end on 11:30 and a start at 13:30 are the same point of working time.
      const twice = addWorkingHours(c, addWorkingHours(c, t, a / 60), b / 60)
      expect(workingTimeBetween(c, t, twice).minutes).toBe(a + b)
      const once = addWorkingHours(c, t, (a + b) / 60)
      // Equal, except that adding 0 h to a period end (11:30) moves on to the next working moment (13:30).
      if (b > 0) expect(twice).toBe(once)
      else expect(ms(twice)).toBeGreaterThanOrEqual(ms(once))
    },
  )

  test.prop([calendarName, date, days])("workingTimeBetween inverts addWorkingDays on dates", (name, d, n) => {
    const c = cal(name)
    expect(workingTimeBetween(c, d, addWorkingDays(c, d, n)).days).toBe(n)
  })

  test.prop([evenCalendarName, instant, days])(
    "workingTimeBetween inverts addWorkingDays on instants (even calendars)",
    (name, t, n) => {
      const c = cal(name)
      const between = workingTimeBetween(c, t, addWorkingDays(c, t, n))
      expect(between.days).toBe(n)
      expect(between.minutes).toBe((n * c.standardDayMs) / MS_PER_MINUTE)
    },
  )

  test.prop([calendarName, instant, minutes])("workingTimeBetween inverts addWorkingHours", (name, t, m) => {
    const c = cal(name)
    expect(workingTimeBetween(c, t, addWorkingHours(c, t, m / 60)).minutes).toBe(m)
  })

  test.prop([calendarName, instant, minutes, fc.array(fc.tuple(instant, fc.integer({ min: 0, max: 20_000 })))])(
    "pauses never shorten a deadline",
    (name, t, m, rawPauses) => {
      const c = cal(name)
      const pauses = rawPauses.map(([from, length]) => ({
        from,
        to: formatInstant(ms(from) + length * MS_PER_MINUTE),
      }))
      const deadline = addWorkingHours(c, t, m / 60)
      const counted = workingTimeBetween(c, t, deadline, pauses).minutes
      // The working time counted with pauses is ≤ the time counted without them …
      expect(counted).toBeLessThanOrEqual(m)
      // … and a deadline extended by the paused working time is not earlier than the original one.
      const extended = addWorkingHours(c, t, (m + (m - counted)) / 60)
      expect(ms(extended)).toBeGreaterThanOrEqual(ms(deadline))
      // Adding a pause never increases the working time counted.
      expect(workingTimeBetween(c, t, deadline, pauses.slice(1)).minutes).toBeGreaterThanOrEqual(counted)
    },
  )

  test.prop([date])("days off of the law are not working days on the default calendar", (d) => {
    const y = Number(d.slice(0, 4))
    for (const fixed of [`${y}-01-01`, `${y}-04-30`, `${y}-05-01`, `${y}-09-02`]) {
      expect(isWorkingDay(cal("default"), fixed)).toBe(false)
    }
  })
})

describe("intake rule: after hours or on a day off counts from the next working period", () => {
  const c = makeCalendar()
  it.each([
    ["2024-05-03T17:30:00+07:00", "2024-05-06T07:30:00+07:00"], // Friday after closing → Monday
    ["2024-05-04T09:00:00+07:00", "2024-05-06T07:30:00+07:00"], // Saturday → Monday
    ["2024-05-06T06:00:00+07:00", "2024-05-06T07:30:00+07:00"], // before opening
    ["2024-05-06T12:00:00+07:00", "2024-05-06T13:30:00+07:00"], // lunch break
    ["2024-05-06T11:29:00+07:00", "2024-05-06T11:29:00+07:00"], // inside a period: unchanged
    ["2024-04-30T09:00:00+07:00", "2024-05-02T07:30:00+07:00"], // 30/4 and 1/5 are holidays
    ["2024-05-06", "2024-05-06T07:30:00+07:00"], // a date means its midnight
  ])("received %s → counts from %s", (received, from) => {
    expect(nextWorkingMoment(c, received)).toBe(from)
    expect(addWorkingHours(c, received, 0)).toBe(from)
  })

  it("a deadline in days counts from the next working day", () => {
    expect(addWorkingDays(c, "2024-05-07", 3)).toBe("2024-05-10") // Tuesday + 3 → Friday
    expect(addWorkingDays(c, "2024-05-04", 3)).toBe("2024-05-09") // Saturday → Monday + 3 → Thursday
    expect(addWorkingDays(c, "2024-05-04", 0)).toBe("2024-05-06")
    expect(addWorkingDays(c, "2024-05-03T17:30:00+07:00", 1)).toBe("2024-05-07T07:30:00+07:00")
    expect(workingTimeBetween(c, "2024-05-04", "2024-05-09").days).toBe(3)
  })

  it("working hours run over the lunch break and the weekend", () => {
    expect(addWorkingHours(c, "2024-05-06T07:30:00+07:00", 4)).toBe("2024-05-06T11:30:00+07:00")
    expect(addWorkingHours(c, "2024-05-06T10:30:00+07:00", 2)).toBe("2024-05-06T14:30:00+07:00")
    expect(addWorkingHours(c, "2024-05-10T16:00:00+07:00", 8)).toBe("2024-05-13T16:30:00+07:00")
    expect(addWorkingHours(c, "2024-05-06T07:30:00+07:00", 0.25)).toBe("2024-05-06T07:45:00+07:00")
  })

  it("skips Tết with the generated defaults", () => {
    // Friday 9 Feb 2024 to Thursday 15 Feb are off by default (eve + mùng 1–4 + 2 compensatory days).
    expect(addWorkingDays(c, "2024-02-08", 1)).toBe("2024-02-16")
  })
})

describe("Saturday-morning centres", () => {
  const c = makeCalendar({ saturdayMorning: true })
  it("open on Saturday 07:30–11:30 only", () => {
    expect(isWorkingDay(c, "2024-05-11")).toBe(true)
    expect(isWorkingDay(c, "2024-05-12")).toBe(false)
    expect(nextWorkingMoment(c, "2024-05-11T10:00:00+07:00")).toBe("2024-05-11T10:00:00+07:00")
    expect(nextWorkingMoment(c, "2024-05-11T12:00:00+07:00")).toBe("2024-05-13T07:30:00+07:00")
    expect(addWorkingHours(c, "2024-05-11T10:00:00+07:00", 2)).toBe("2024-05-13T08:00:00+07:00")
  })
  it("a Saturday counts as one working day; a later time of day is clamped to its closing", () => {
    expect(addWorkingDays(c, "2024-05-10", 1)).toBe("2024-05-11")
    expect(addWorkingDays(c, "2024-05-10T14:30:00+07:00", 1)).toBe("2024-05-11T11:30:00+07:00")
    expect(addWorkingDays(c, "2024-05-10T09:00:00+07:00", 1)).toBe("2024-05-11T09:00:00+07:00")
    expect(workingTimeBetween(c, "2024-05-10", "2024-05-13")).toEqual({ days: 2, minutes: 240 + 450 })
  })
  it("holidays close a Saturday-morning centre too", () => {
    expect(isWorkingDay(c, "2026-05-02")).toBe(true)
    expect(isWorkingDay(c, "2024-02-10")).toBe(false) // mùng 1 Tết on a Saturday
  })
})

describe("make-up working Saturdays and swapped days", () => {
  const c = makeCalendar({ holidayOverrides: overrides2024 })
  it("a swapped Monday is off and its make-up Saturday is a full working day", () => {
    expect(isWorkingDay(c, "2024-04-29")).toBe(false)
    expect(isWorkingDay(c, "2024-05-04")).toBe(true)
    expect(addWorkingDays(c, "2024-04-26", 1)).toBe("2024-05-02")
    expect(addWorkingDays(c, "2024-05-03", 1)).toBe("2024-05-04")
    expect(addWorkingHours(c, "2024-05-04T16:00:00+07:00", 1)).toBe("2024-05-04T17:00:00+07:00")
  })
  it("without the override the same days follow the weekly pattern", () => {
    const plain = makeCalendar()
    expect(isWorkingDay(plain, "2024-04-29")).toBe(true)
    expect(isWorkingDay(plain, "2024-05-04")).toBe(false)
  })
})

describe("pauses (supplementation waits)", () => {
  const c = makeCalendar()
  it("excludes the paused working time, counting overlaps once", () => {
    const from = "2024-05-06T07:30:00+07:00"
    const to = "2024-05-13T07:30:00+07:00" // one working week = 5 × 450 minutes
    expect(workingTimeBetween(c, from, to)).toEqual({ minutes: 2250, days: 5 })
    const pause = { from: "2024-05-07T10:00:00+07:00", to: "2024-05-09T10:00:00+07:00" }
    expect(workingTimeBetween(c, from, to, [pause])).toEqual({ minutes: 1350, days: 3 })
    expect(workingTimeBetween(c, from, to, [pause, pause])).toEqual({ minutes: 1350, days: 3 })
  })
  it("on dates, excludes the working days a pause covers", () => {
    expect(workingTimeBetween(c, "2024-05-06", "2024-05-17", [{ from: "2024-05-08", to: "2024-05-09" }]).days).toBe(7)
  })
})

describe("typed errors at entry", () => {
  const c = makeCalendar()
  const error = calendarInputError

  it.each([
    [() => addWorkingDays(c, "2024-13-01", 1), /addWorkingDays\(start\): month 13 does not exist/],
    [() => addWorkingDays(c, "2024-02-30", 1), /addWorkingDays\(start\): day 30 does not exist in 2024-02/],
    [() => addWorkingDays(c, "24-1-1", 1), /addWorkingDays\(start\): expected a date written YYYY-MM-DD/],
    [() => addWorkingDays(c, "2024-05-06", -1), /addWorkingDays\(days\): the number of working days must be a whole/],
    [() => addWorkingDays(c, "2024-05-06", 1.5), /addWorkingDays\(days\).*got 1.5/],
    [() => addWorkingDays(c, "2200-01-01", 1), /between 1900-01-01 and 2199-12-31/],
    [() => addWorkingDays(c, "2199-12-20", 30), /after 2199-12-31/],
    [() => addWorkingHours(c, "2024-05-06T25:00:00+07:00", 1), /addWorkingHours\(start\): the time of day/],
    [() => addWorkingHours(c, "2024-05-06T08:00:00", 1), /addWorkingHours\(start\): expected an ISO-8601/],
    [() => addWorkingHours(c, "2024-05-06", Number.NaN), /addWorkingHours\(hours\)/],
    [() => workingTimeBetween(c, "2024-05-07", "2024-05-06"), /workingTimeBetween\(to\): "to" must not be before/],
    [
      () => workingTimeBetween(c, "2024-05-06", "2024-05-07", [{ from: "2024-05-07", to: "2024-05-06" }]),
      /workingTimeBetween\(pauses\)\[0\]: a pause must not end before it starts/,
    ],
    [() => makeCalendar({ workingWeekdays: [] }), /makeCalendar\(config\): the calendar has no working day/],
    [() => makeCalendar({ workingHours: [{ from: "17:00", to: "07:30" }] }), /must end after it starts/],
    [() => makeCalendar({ workingHours: [{ from: "7h30", to: "11:30" }] }), /makeCalendar\(config\): invalid/],
    [() => isWorkingDay({} as never, "2024-05-06"), /isWorkingDay\(calendar\): expected a calendar/],
  ])("%#: %s", (f, message) => {
    const e = error(f)
    expect(e._tag).toBe("CalendarInputError")
    expect(e).toBeInstanceOf(Error)
    expect(e.message).toMatch(message)
  })
})
