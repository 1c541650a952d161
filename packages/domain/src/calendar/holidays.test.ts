import { fc, test } from "@fast-check/vitest"
import { Exit, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { CalendarInputError } from "./errors.ts"
import { HolidayOverrides, type HolidayOverridesJson, publicHolidays, workingDayOverrides } from "./holidays.ts"
import { epochDayOf, formatLocalDate, weekdayOf } from "./local-date.ts"
import { lunarToSolar } from "./lunar.ts"

const iso = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`
const weekday = (date: string) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number]
  return weekdayOf(epochDayOf(y, m, d))
}
const dates = (year: number, overrides?: HolidayOverridesJson) => publicHolidays(year, overrides).map((h) => h.date)

// The same shape as packages/catalog-quangninh/data/holidays.json (a shortened 2024).
const sample: HolidayOverridesJson = {
  description: "sample",
  years: [
    {
      year: 2024,
      source: "Thông báo 5015/TB-LĐTBXH; Công văn 2450/VPCP-KGVX",
      verified: true,
      days: [
        { date: "2024-01-01", kind: "holiday", name: "Tết Dương lịch" },
        { date: "2024-02-08", kind: "holiday", name: "Tết Âm lịch (29 tháng Chạp)" },
        { date: "2024-02-13", kind: "compensatory", name: "Nghỉ bù", verified: true },
        { date: "2024-04-29", kind: "swap-off", name: "Nghỉ hoán đổi", nameEn: "Swapped day off" },
        { date: "2024-05-04", kind: "makeup-workday", name: "Làm bù cho thứ Hai 29/4/2024", source: "2450/VPCP-KGVX" },
      ],
    },
    {
      year: 2026,
      mode: "merge",
      days: [
        { date: "2026-01-02", kind: "swap-off", name: "Nghỉ hoán đổi" },
        { date: "2026-01-10", kind: "makeup-workday", name: "Làm bù" },
      ],
    },
  ],
}

describe("generated defaults (Labour Code 2019 art. 112)", () => {
  test.prop([fc.integer({ min: 1900, max: 2199 })], { numRuns: 300 })(
    "every year has the 11 statutory days where the law puts them, and compensatory days for weekend ones",
    (year) => {
      const list = publicHolidays(year)
      const holidays = list.filter((h) => h.kind === "holiday").map((h) => h.date)
      const tet = epochDayOf(...(Object.values(lunarToSolar({ year, month: 1, day: 1 })) as [number, number, number]))
      const statutory = [
        `${year}-01-01`,
        `${year}-04-30`,
        `${year}-05-01`,
        `${year}-09-02`,
        iso(lunarToSolar({ year, month: 3, day: 10 })),
      ]
      const distinct = new Set(statutory).size + 6 // + 5 Tết days + the adjacent National Day, never colliding
      expect(holidays).toHaveLength(distinct)
      expect(holidays).toContain(`${year}-01-01`)
      expect(holidays).toContain(`${year}-04-30`)
      expect(holidays).toContain(`${year}-05-01`)
      expect(holidays).toContain(`${year}-09-02`)
      expect(holidays).toContain(iso(lunarToSolar({ year, month: 1, day: 1 })))
      expect(holidays).toContain(iso(lunarToSolar({ year, month: 1, day: 4 })))
      expect(holidays).toContain(iso(lunarToSolar({ year, month: 3, day: 10 })))
      // The eve of Tết is the day before lunar 1/1.
      expect(holidays).toContain(formatLocalDate(tet - 1)) // the last day of the ending lunar year
      const onWeekend = holidays.filter((d) => weekday(d) >= 6).length
      const compensatory = list.filter((h) => h.kind === "compensatory")
      expect(compensatory).toHaveLength(onWeekend + (11 - distinct))
      for (const c of compensatory) expect(weekday(c.date)).toBeLessThanOrEqual(5)
      expect(list.map((h) => h.date)).toEqual([...list.map((h) => h.date)].sort())
      expect(new Set(list.map((h) => h.date)).size).toBe(list.length)
    },
  )

  it("1947: Hùng Kings' day on 30 April makes one entry and one compensatory day", () => {
    const list = publicHolidays(1947).filter((h) => h.date >= "1947-04-30" && h.date <= "1947-05-05")
    expect(list).toEqual([
      expect.objectContaining({ date: "1947-04-30", name: "Giỗ Tổ Hùng Vương; Ngày Chiến thắng", kind: "holiday" }),
      expect.objectContaining({ date: "1947-05-01", kind: "holiday" }),
      expect.objectContaining({ date: "1947-05-02", kind: "compensatory" }),
    ])
  })

  it.each([
    [2021, "2021-09-03"], // Thursday → 3/9 (the 2021 decision: 2–3/9)
    [2022, "2022-09-01"], // Friday → 1/9 (2022: 1–2/9)
    [2023, "2023-09-01"], // Saturday → 1/9, and 2/9 on Saturday gives Monday 4/9 off (2023: 1–4/9)
    [2024, "2024-09-03"], // Monday → 3/9
    [2025, "2025-09-01"], // Tuesday → 1/9
    [2026, "2026-09-01"], // Wednesday → 1/9
  ])("the second National Day of %i is %s", (year, adjacent) => {
    const holidays = publicHolidays(year)
    expect(holidays.find((h) => h.name === "Quốc khánh (ngày liền kề)")?.date).toBe(adjacent)
  })

  it("2023: 2 September on a Saturday gives a compensatory Monday", () => {
    expect(publicHolidays(2023).filter((h) => h.date >= "2023-09-01" && h.date <= "2023-09-04")).toEqual([
      expect.objectContaining({ date: "2023-09-01", kind: "holiday" }),
      expect.objectContaining({ date: "2023-09-02", kind: "holiday", name: "Quốc khánh" }),
      expect.objectContaining({ date: "2023-09-04", kind: "compensatory", name: "Nghỉ bù Quốc khánh" }),
    ])
  })

  it("2026 defaults match the official Tết (16–20 Feb) and give Monday 27/4 for Hùng Kings' day on a Sunday", () => {
    const tet = publicHolidays(2026).filter((h) => h.name.startsWith("Tết Âm lịch"))
    expect(tet.map((h) => h.date)).toEqual(["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"])
    expect(publicHolidays(2026)).toContainEqual(
      expect.objectContaining({ date: "2026-04-27", kind: "compensatory", name: "Nghỉ bù Giỗ Tổ Hùng Vương" }),
    )
  })

  it("2025 defaults: Tết 28/1–1/2 and a compensatory Monday 3/2 for the Saturday", () => {
    expect(dates(2025).filter((d) => d.startsWith("2025-01") || d.startsWith("2025-02"))).toEqual([
      "2025-01-01",
      "2025-01-28",
      "2025-01-29",
      "2025-01-30",
      "2025-01-31",
      "2025-02-01",
      "2025-02-03",
    ])
  })
})

describe("overrides", () => {
  it("the schema decodes the data-file shape, defaulting mode to replace", () => {
    const decoded = Schema.decodeUnknownSync(HolidayOverrides)(sample)
    expect(decoded.years[0]?.mode).toBe("replace")
    expect(decoded.years[1]?.mode).toBe("merge")
  })

  it("rejects a bad kind, a bad date and a year listed twice, with the path", () => {
    const bad = Schema.decodeUnknownExit(HolidayOverrides)({
      years: [{ year: 2024, days: [{ date: "2024-02-30", kind: "holiday", name: "x" }] }],
    })
    expect(Exit.isFailure(bad) && String(bad.cause)).toMatch(/2024-02-30 không có trong lịch \(is not a day/)
    const kind = Schema.decodeUnknownExit(HolidayOverrides)({
      years: [{ year: 2024, days: [{ date: "2024-02-01", kind: "party", name: "x" }] }],
    })
    expect(Exit.isFailure(kind) && String(kind.cause)).toMatch(/kind/)
    const twice = Schema.decodeUnknownExit(HolidayOverrides)({
      years: [
        { year: 2024, days: [] },
        { year: 2024, days: [] },
      ],
    })
    expect(Exit.isFailure(twice) && String(twice.cause)).toMatch(/year 2024 is listed twice/)
    expect(() => publicHolidays(2024, { years: [{ year: 1800, days: [] }] } as never)).toThrow(CalendarInputError)
  })

  it("replace: the year's list is the whole schedule, make-up days are not holidays", () => {
    expect(dates(2024, sample)).toEqual(["2024-01-01", "2024-02-08", "2024-02-13", "2024-04-29"])
    expect(publicHolidays(2024, sample).find((h) => h.date === "2024-04-29")).toEqual({
      date: "2024-04-29",
      kind: "swap-off",
      name: "Nghỉ hoán đổi",
      nameEn: "Swapped day off",
    })
    expect(workingDayOverrides(2024, sample)).toEqual([
      {
        date: "2024-05-04",
        kind: "makeup-workday",
        name: "Làm bù cho thứ Hai 29/4/2024",
        nameEn: "Làm bù cho thứ Hai 29/4/2024",
      },
    ])
  })

  it("merge: listed days are laid over the generated defaults", () => {
    const merged = dates(2026, sample)
    expect(merged).toEqual([...dates(2026).slice(0, 1), "2026-01-02", ...dates(2026).slice(1)])
    expect(workingDayOverrides(2026, sample).map((d) => d.date)).toEqual(["2026-01-10"])
  })

  it("years without a block keep the generated defaults", () => {
    expect(dates(2025, sample)).toEqual(dates(2025))
    expect(workingDayOverrides(2025, sample)).toEqual([])
  })

  it("rejects a year outside 1900–2199 with a typed error naming the argument", () => {
    expect(() => publicHolidays(2200)).toThrow(/publicHolidays\(year\): the year must be an integer between 1900/)
    expect(() => workingDayOverrides(2024.5)).toThrow(CalendarInputError)
  })
})
