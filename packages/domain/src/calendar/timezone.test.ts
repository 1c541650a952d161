import { describe, expect, it } from "vitest"
import { addWorkingDays, addWorkingHours, isWorkingDay, makeCalendar, nextWorkingMoment } from "./index.ts"
import { solarToLunar } from "./lunar.ts"

// vitest.config.ts runs these tests under TZ=America/New_York. Everything below must hold whatever the host's zone;
// the first test proves the host is not on UTC+7, so a +7 machine cannot be hiding a local-time bug.
describe("independence from the host's time zone", () => {
  it("runs on a host whose offset is not +07:00 (vitest.config.ts sets TZ)", () => {
    // getTimezoneOffset is minutes *behind* UTC: −420 would mean UTC+7.
    expect(new Date(Date.UTC(2024, 0, 15)).getTimezoneOffset()).not.toBe(-420)
    expect(new Date(Date.UTC(2024, 6, 15)).getTimezoneOffset()).not.toBe(-420)
    expect(new Date(0).getHours()).not.toBe(7)
  })

  const calendar = makeCalendar()

  it("reads and writes instants in Vietnam time", () => {
    // 00:30 UTC is 07:30 in Hà Nội: the start of the working day, while it is still Sunday evening in New York.
    expect(nextWorkingMoment(calendar, "2024-05-06T00:30:00Z")).toBe("2024-05-06T07:30:00+07:00")
    expect(nextWorkingMoment(calendar, "2024-05-05T20:30:00-04:00")).toBe("2024-05-06T07:30:00+07:00")
    // 23:00 on Friday in Hà Nội is after hours → Monday.
    expect(nextWorkingMoment(calendar, "2024-05-03T16:00:00Z")).toBe("2024-05-06T07:30:00+07:00")
  })

  it("tells days apart by the Vietnamese date, not the host's", () => {
    // Saturday 4 May 2024 01:00 in Hà Nội is still Friday 3 May in New York.
    expect(isWorkingDay(calendar, "2024-05-04T01:00:00+07:00")).toBe(false)
    expect(isWorkingDay(calendar, "2024-05-03T18:00:00Z")).toBe(false) // 01:00 Saturday in Hà Nội
    expect(addWorkingDays(calendar, "2024-05-03T23:59:00+07:00", 0)).toBe("2024-05-06T07:30:00+07:00")
  })

  it("keeps durations across New York's daylight-saving change (10 March 2024)", () => {
    expect(addWorkingHours(calendar, "2024-03-08T16:00:00+07:00", 2)).toBe("2024-03-11T08:30:00+07:00")
    expect(addWorkingDays(calendar, "2024-03-08T16:00:00+07:00", 1)).toBe("2024-03-11T16:00:00+07:00")
  })

  it("converts lunar dates on Vietnamese days", () => {
    expect(solarToLunar({ year: 2024, month: 2, day: 10 })).toEqual({ year: 2024, month: 1, day: 1, leap: false })
  })
})
