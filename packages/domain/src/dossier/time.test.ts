import { describe, expect, it } from "vitest"
import { calendar } from "./fixtures.test-support.ts"
import { appointmentOnDayOff } from "./guards.ts"
import { moveDeadlineOverPause } from "./time.ts"

describe("deadlines over a pause", () => {
  // Friday 2025-10-10; the default calendar works Monday–Friday, 07:30–11:30 and 13:30–17:00.
  const mondayStart = "2025-10-13T07:30:00+07:00"

  it("a pause that takes no working time leaves a deadline at the start of a working day where it was", () => {
    expect(moveDeadlineOverPause(calendar, mondayStart, "2025-10-11T09:00:00+07:00", "2025-10-12T15:00:00+07:00")).toBe(
      mondayStart,
    )
  })

  it("a deadline at the start of a day moves by the working time the pause took, to a working moment", () => {
    // Paused Friday 16:00 → 17:00: one working hour, so the deadline moves to Monday 08:30.
    expect(moveDeadlineOverPause(calendar, mondayStart, "2025-10-10T16:00:00+07:00", "2025-10-10T17:00:00+07:00")).toBe(
      "2025-10-13T08:30:00+07:00",
    )
    // Paused for a whole working day (Friday 07:30 → Monday 07:30 counts Friday only): Tuesday 07:30, not Monday 17:00.
    expect(moveDeadlineOverPause(calendar, mondayStart, "2025-10-10T07:30:00+07:00", "2025-10-13T07:30:00+07:00")).toBe(
      "2025-10-14T07:30:00+07:00",
    )
  })

  it("a deadline already passed when the pause began does not move", () => {
    expect(moveDeadlineOverPause(calendar, mondayStart, "2025-10-14T08:00:00+07:00", "2025-10-15T08:00:00+07:00")).toBe(
      mondayStart,
    )
  })
})

describe("a new appointment on a day off", () => {
  it("is refused on a Sunday and accepted on a Monday", () => {
    expect(appointmentOnDayOff(calendar, "2025-10-12T09:00:00+07:00")).toEqual({
      _tag: "AppointmentOnDayOff",
      requested: "2025-10-12T09:00:00+07:00",
    })
    expect(appointmentOnDayOff(calendar, "2025-10-13T09:00:00+07:00")).toBeUndefined()
  })

  it("reads the day in Vietnam time: Sunday 23:00 UTC is Monday morning in Hà Nội", () => {
    expect(appointmentOnDayOff(calendar, "2025-10-12T23:00:00Z")).toBeUndefined()
  })
})
