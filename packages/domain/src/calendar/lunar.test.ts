import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { calendarInputError } from "./errors.test-support.ts"
import { CalendarInputError } from "./errors.ts"
import { civilOf, epochDayOf, FIRST_DAY, LAST_DAY } from "./local-date.ts"
import { leapMonthOf, lunarToSolar, solarToLunar } from "./lunar.ts"

const civil = (iso: string) => {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number]
  return { year, month, day }
}
const tet = (year: number) => lunarToSolar({ year, month: 1, day: 1, leap: false })

describe("Tết (lunar new year) in Vietnam", () => {
  it.each([
    [1985, "1985-01-21"],
    [2000, "2000-02-05"],
    [2007, "2007-02-17"],
    [2010, "2010-02-14"],
    [2020, "2020-01-25"],
    [2021, "2021-02-12"],
    [2022, "2022-02-01"],
    [2023, "2023-01-22"],
    [2024, "2024-02-10"],
    [2025, "2025-01-29"],
    [2026, "2026-02-17"],
    [2027, "2027-02-06"],
    [2030, "2030-02-02"],
  ])("%i falls on %s", (year, date) => {
    expect(tet(year)).toEqual(civil(date))
    expect(solarToLunar(civil(date))).toEqual({ year, month: 1, day: 1, leap: false })
  })

  it.each([
    // The Chinese calendar (UTC+8) puts these new years one day or one month later.
    [1985, "1985-02-20"],
    [2007, "2007-02-18"],
    [2030, "2030-02-03"],
  ])("differs from the Chinese calendar in %i (China: %s)", (year, chinese) => {
    expect(tet(year)).not.toEqual(civil(chinese))
    const there = solarToLunar(civil(chinese))
    expect(there.month === 1 && there.day === 1).toBe(false)
  })

  it("the day before Tết is the last day of the 12th month", () => {
    expect(solarToLunar(civil("2024-02-09"))).toEqual({ year: 2023, month: 12, day: 30, leap: false })
    expect(solarToLunar(civil("2025-01-28"))).toEqual({ year: 2024, month: 12, day: 29, leap: false })
  })
})

describe("leap months", () => {
  it.each([
    [2020, 4, "2020-05-23"],
    [2023, 2, "2023-03-22"],
    [2025, 6, "2025-07-25"],
  ])("%i has a leap month %i starting on %s", (year, month, start) => {
    expect(leapMonthOf(year)).toBe(month)
    expect(lunarToSolar({ year, month, day: 1, leap: true })).toEqual(civil(start))
    expect(solarToLunar(civil(start))).toEqual({ year, month, day: 1, leap: true })
  })

  it.each([2021, 2022, 2024, 2026])("%i has no leap month", (year) => {
    expect(leapMonthOf(year)).toBeUndefined()
    expect(() => lunarToSolar({ year, month: 4, day: 1, leap: true })).toThrow(CalendarInputError)
  })
})

describe("Giỗ Tổ Hùng Vương (10th day of the 3rd lunar month)", () => {
  it.each([
    [2019, "2019-04-14"],
    [2020, "2020-04-02"],
    [2021, "2021-04-21"],
    [2022, "2022-04-10"],
    [2023, "2023-04-29"],
    [2024, "2024-04-18"],
    [2025, "2025-04-07"],
    [2026, "2026-04-26"],
  ])("%i: %s", (year, date) => {
    expect(lunarToSolar({ year, month: 3, day: 10, leap: false })).toEqual(civil(date))
  })
})

describe("structure over 1900–2199", () => {
  test.prop([fc.integer({ min: FIRST_DAY, max: LAST_DAY })], { numRuns: 2000 })(
    "solarToLunar then lunarToSolar gives back the date",
    (epochDay) => {
      const date = civilOf(epochDay)
      expect(lunarToSolar(solarToLunar(date))).toEqual(date)
    },
  )

  test.prop([fc.integer({ min: FIRST_DAY, max: LAST_DAY - 1 })], { numRuns: 2000 })(
    "the next day is the next lunar day, or day 1 after a 29- or 30-day month",
    (epochDay) => {
      const today = solarToLunar(civilOf(epochDay))
      const tomorrow = solarToLunar(civilOf(epochDay + 1))
      if (tomorrow.day === 1) expect([29, 30]).toContain(today.day)
      else expect(tomorrow).toEqual({ ...today, day: today.day + 1 })
    },
  )

  it("every lunar year 1900–2199 starts between 21 January and 20 February and has 12 or 13 months", () => {
    for (let year = 1900; year <= 2199; year++) {
      const { month, day } = tet(year)
      const start = epochDayOf(year, month, day)
      expect(start).toBeGreaterThanOrEqual(epochDayOf(year, 1, 21))
      expect(start).toBeLessThanOrEqual(epochDayOf(year, 2, 20))
      if (year < 2199) {
        const next = tet(year + 1)
        const months = Math.round((epochDayOf(next.year, next.month, next.day) - start) / 29.53)
        expect(months).toBe(leapMonthOf(year) === undefined ? 12 : 13)
      }
    }
  })
})

describe("typed errors", () => {
  const error = calendarInputError

  it("names the function and what was wrong", () => {
    const e = error(() => lunarToSolar({ year: 2024, month: 13, day: 1 }))
    expect(e._tag).toBe("CalendarInputError")
    expect(e.where).toBe("lunarToSolar(date)")
    expect(e.message).toMatch(/lunarToSolar\(date\): lunar month 13 does not exist/)
  })

  it("rejects dates outside 1900–2199 and days that do not exist", () => {
    expect(error(() => solarToLunar({ year: 1899, month: 12, day: 31 })).message).toMatch(/between 1900-01-01/)
    expect(error(() => solarToLunar({ year: 2023, month: 2, day: 29 })).message).toMatch(/day 29 does not exist/)
    expect(error(() => lunarToSolar({ year: 2200, month: 1, day: 1 })).message).toMatch(/outside 1900–2199/)
    // Month 12 of lunar year 2024 has 29 days (Tết 2025 came after the 29th).
    expect(error(() => lunarToSolar({ year: 2024, month: 12, day: 30 })).message).toMatch(/only 29 days/)
    expect(error(() => solarToLunar({ year: 2024.5, month: 1, day: 1 })).message).toMatch(/integers/)
  })
})
