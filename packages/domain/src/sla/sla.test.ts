// Time left in working time on the centre's calendar (Monday–Friday, 07:30–11:30 and 13:30–17:00), the standing it
// gives, a real dossier's standing through its life, and who is told.
import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { makeCalendar } from "../calendar/index.ts"
import { ev, machineFor, oct, onlineFiling, run } from "../dossier/fixtures.test-support.ts"
import { IndicatorInputError } from "../indicators/errors.ts"
import { dossierSla, escalationFor, timeLeft } from "./sla.ts"

const calendar = makeCalendar({})

describe("timeLeft", () => {
  it("counts working minutes only: over lunch, over a weekend", () => {
    expect(timeLeft(calendar, oct(6, "08:00"), oct(6, "10:00"), 60)).toEqual({
      due: oct(6, "10:00"),
      minutesLeft: 120,
      standing: "on-track",
    })
    expect(timeLeft(calendar, oct(6, "11:00"), oct(6, "14:30"), 0).minutesLeft).toBe(30 + 60)
    expect(timeLeft(calendar, oct(10, "16:00"), oct(13, "08:30"), 0).minutesLeft).toBe(60 + 60)
  })

  it("due soon within the warning window (its edge included), overdue after the due instant", () => {
    expect(timeLeft(calendar, oct(6, "08:00"), oct(6, "10:00"), 120).standing).toBe("due-soon")
    expect(timeLeft(calendar, oct(6, "08:00"), oct(6, "10:00"), 119).standing).toBe("on-track")
    expect(timeLeft(calendar, oct(6, "10:00"), oct(6, "10:00"), 0).standing).toBe("due-soon")
    expect(timeLeft(calendar, oct(6, "11:00"), oct(6, "10:00"), 0)).toMatchObject({
      minutesLeft: -60,
      standing: "overdue",
    })
    // overdue since Friday 16:00, now Monday 08:00: 1 h Friday + 0.5 h Monday of working time
    expect(timeLeft(calendar, oct(13, "08:00"), oct(10, "16:00"), 0).minutesLeft).toBe(-90)
  })

  it("refuses a warning window that is not a number of minutes ≥ 0, saying where", () => {
    expect(() => timeLeft(calendar, oct(6, "08:00"), oct(6, "10:00"), -1)).toThrow(IndicatorInputError)
    expect(() => timeLeft(calendar, oct(6, "08:00"), oct(6, "10:00"), Number.NaN)).toThrow("timeLeft(warnMinutes)")
  })

  test.prop([fc.integer({ min: 0, max: 20 * 24 * 60 }), fc.integer({ min: 0, max: 20 * 24 * 60 })])(
    "minutes left fall as time passes, and the standing never goes back from overdue",
    (a, b) => {
      const due = oct(15, "10:00")
      const start = Date.parse(oct(6, "07:00"))
      const [first, second] = [a, b].sort((x, y) => x - y).map((m) => new Date(start + (m ?? 0) * 60_000).toISOString())
      const early = timeLeft(calendar, first as string, due, 240)
      const late = timeLeft(calendar, second as string, due, 240)
      expect(late.minutesLeft).toBeLessThanOrEqual(early.minutesLeft)
      if (early.standing === "overdue") expect(late.standing).toBe("overdue")
    },
  )
})

describe("dossierSla through a dossier's life", () => {
  const machine = machineFor()
  const paid = ev("system", oct(6, "08:05"), { type: "paymentConfirmed", paymentId: "pay-1", amount: 10000 })
  const accepted = [paid, ev("counter", oct(6, "09:00"), { type: "accept" })]

  it("running: the dossier's appointment and the current step's due instant", () => {
    const { snapshot } = run(machine, onlineFiling(oct(6, "08:00")), [
      ...accepted,
      ev("counter", oct(6, "10:00"), { type: "completeStep", assigneeId: "cv-01" }),
    ])
    const sla = dossierSla(snapshot.context, calendar, oct(6, "10:00"), 240)
    expect(sla._tag).toBe("running")
    if (sla._tag !== "running") return
    expect(sla.step).toMatchObject({ role: "specialist", assigneeId: "cv-01", standing: "on-track" })
    expect(sla.dossier?.due).toBe(snapshot.context.appointment)
    // the appraisal step has 3 working days: 23 h of working time later it is due soon, 25 h later overdue
    const step = sla.step as NonNullable<typeof sla.step>
    expect(step.minutesLeft).toBe(3 * 7.5 * 60)
    const soon = dossierSla(snapshot.context, calendar, oct(9, "09:00"), 240)
    expect(soon._tag === "running" && soon.step?.standing).toBe("due-soon")
    const over = dossierSla(snapshot.context, calendar, oct(9, "11:00"), 240)
    expect(over._tag === "running" && over.step?.standing).toBe("overdue")
  })

  it("paused while waiting for the applicant; none once finished or withdrawn", () => {
    const asked = run(machine, onlineFiling(oct(6, "08:00")), [
      ...accepted,
      ev("counter", oct(6, "10:00"), { type: "completeStep" }),
      ev("specialist", oct(7, "09:00"), {
        type: "requestSupplementation",
        missing: [{ description: "Giấy tờ" }],
        applicantDeadline: oct(24, "17:00"),
      }),
    ]).snapshot
    expect(dossierSla(asked.context, calendar, oct(30, "09:00"), 240)).toEqual({
      _tag: "paused",
      since: oct(7, "09:00"),
    })
    const withdrawn = run(machine, onlineFiling(oct(6, "08:00")), [
      ...accepted,
      ev("citizen", oct(6, "10:00"), { type: "withdraw" }),
    ]).snapshot
    expect(dossierSla(withdrawn.context, calendar, oct(30, "09:00"), 240)).toEqual({ _tag: "none" })
  })
})

describe("escalationFor", () => {
  it("due soon: the holder; overdue: the unit's leader, or the authority's leader above a leader", () => {
    expect(escalationFor("due-soon", { role: "specialist", assigneeId: "cv-01" })).toEqual({
      role: "specialist",
      assigneeId: "cv-01",
    })
    expect(escalationFor("overdue", { role: "specialist", assigneeId: "cv-01" })).toEqual({ role: "unit-leader" })
    expect(escalationFor("overdue", { role: "unit-leader" })).toEqual({ role: "authority-leader" })
    expect(escalationFor("overdue", { role: "authority-leader" })).toEqual({ role: "authority-leader" })
  })
})
