import { addWorkingDays, decodeCatalogue, durationInHours, isWorkingDay, makeCalendar } from "@motcua/domain"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, test } from "vitest"
import { arbApplicant, arbCitizenId } from "./applicant.ts"
import { arbCalendarConfig, arbYear } from "./calendar.ts"
import { arbProcedure } from "./procedure.ts"

describe("testkit arbitraries", () => {
  test("every generated procedure decodes through the catalogue schema", () => {
    fc.assert(
      fc.property(arbProcedure(), (p) => {
        const decoded = decodeCatalogue([p])
        if (Result.isFailure(decoded)) throw new Error(decoded.failure.message)
      }),
      { numRuns: 300 },
    )
  })

  test("generated processes cover the provincial time and start and end at the one-stop desk", () => {
    fc.assert(
      fc.property(arbProcedure({ variants: false }), (p) => {
        const total = p.process.reduce((sum, s) => sum + durationInHours(s.allowance), 0)
        expect(total).toBe(durationInHours(p.provincialTime))
        expect(p.process[0]?.role).toBe("counter-officer")
        expect(p.process.at(-1)?.role).toBe("counter-officer")
      }),
    )
  })

  test("generated calendars are accepted and have working days", () => {
    fc.assert(
      fc.property(arbCalendarConfig, arbYear("recent"), (config, year) => {
        const calendar = makeCalendar(config)
        const due = addWorkingDays(calendar, `${year}-03-02`, 5)
        expect(isWorkingDay(calendar, due)).toBe(true)
      }),
      { numRuns: 100 },
    )
  })

  test("citizen ids have 12 digits with a sex-and-century digit that matches the birth year", () => {
    fc.assert(
      fc.property(arbCitizenId, (id) => {
        expect(id).toMatch(/^\d{12}$/)
        expect(Number(id[3])).toBeLessThanOrEqual(3)
      }),
    )
  })

  test("applicants from this province carry one of its units; others carry none", () => {
    fc.assert(
      fc.property(arbApplicant("22", ["06685", "06994"]), (a) => {
        if (a.provinceCode === "22") expect(["06685", "06994"]).toContain(a.unitCode)
        else expect(a.unitCode).toBeUndefined()
      }),
    )
  })
})
