// Bugs the testkit found in the dossier module (packages/domain/src/dossier), kept as regression tests now that
// they are fixed.
import { decide, isWorkingDay } from "@motcua/domain"
import { describe, expect, test } from "vitest"
import { actorOf, checkTrace, defaultWorld, persisted } from "../src/index.ts"
import { calendar, catalogue, intent, plainPlan, runStep, sampleProcedure, setupOf, startRun } from "./sample.ts"

// A procedure with no fee and every document filed, so that acceptance needs nothing else.
const procedure = catalogue.find((p) => p.fees.length === 0 && p.channels.includes("counter")) ?? sampleProcedure()

/** Accepted on the second day of Tết 2025 at 00:00, asked to supplement at 00:01, supplemented at 01:00. */
function pauseOverTet() {
  const setup = setupOf(procedure)
  const run = startRun(setup, { ...plainPlan(procedure), at: Date.parse("2025-01-29T06:00:00+07:00") })
  runStep(run, intent("accept", { gap: { kind: "hours", amount: 18 } }))
  runStep(run, intent("requestSupplementation", { gap: { kind: "minutes", amount: 1 } }))
  runStep(run, intent("supplementReceived", { gap: { kind: "hours", amount: 1 } }))
  return run
}

describe("regressions found by the testkit in the dossier module", () => {
  // moveDeadlineOverPause (time.ts) re-added the working time left with addWorkingHours, which landed on 17:00 of
  // the day before when addWorkingDays had written 07:30 of the next working day: a pause that took no working
  // time (here: asked and answered during Tết) moved the appointment a calendar day earlier on the citizen's slip.
  test("a supplementation pause over Tết does not move the appointment earlier", () => {
    const run = pauseOverTet()
    expect(checkTrace(run.trace).filter((v) => v.invariant === "appointment-never-earlier")).toEqual([])
  })

  // guards.ts checked only that the new appointment is later than the current one: an extension with apology
  // could set it on a Sunday or a Tết holiday. It is now refused with AppointmentOnDayOff.
  test("an extension with apology to a day off is refused", () => {
    const setup = setupOf(procedure)
    const run = startRun(setup, plainPlan(procedure))
    runStep(run, intent("accept"))
    const appointment = Date.parse(run.snapshot.context.appointment as string)
    let day = appointment + 86_400_000
    while (isWorkingDay(calendar, new Date(day + 7 * 3_600_000).toISOString().slice(0, 10))) day += 86_400_000
    const decision = decide(setup.machine, run.snapshot, {
      type: "extendWithApology",
      actor: actorOf(defaultWorld, "authority-leader"),
      at: "2025-10-06T10:00:00+07:00",
      newAppointment: new Date(day).toISOString(),
      reason: "Cần xác minh thêm",
    })
    if (decision.ok) {
      run.trace.steps.push({ event: {}, decision, snapshot: persisted(decision.snapshot), actions: decision.actions })
      expect(checkTrace(run.trace).map((v) => v.invariant)).not.toContain("deadlines-on-working-days")
    }
    expect(decision.ok).toBe(false)
  })
})

describe("the generator and the model meet appointments on days off", () => {
  /** Accepted, then extended by the authority leader with the generator's proposal for `pick`. */
  function extendWith(pick: number, utc: boolean) {
    const setup = setupOf(procedure)
    const run = startRun(setup, plainPlan(procedure))
    runStep(run, intent("accept"))
    // runStep throws when the machine and the model disagree (taken or refused, and the refusal's tag).
    runStep(run, intent("extendWithApology", { pick, utc }))
    const last = run.trace.steps[run.trace.steps.length - 1]
    if (last === undefined) throw new Error("the trace has no step")
    return { decision: last.decision, sent: (last.event as { newAppointment: string }).newAppointment }
  }
  const vietnamDay = (instant: string) => new Date(Date.parse(instant) + 7 * 3_600_000).toISOString().slice(0, 10)

  // pick 0–4: the next day off after the appointment; 5–9: a day of the first three of Tết; 10–24: working days.
  // Hours come from pick / 25, so pick 0 and 5 are at 00:00 in Vietnam: the day before in UTC, which the model must
  // not read as the date.
  test.each([
    [0, false],
    [0, true],
    [5, true],
    [6, false],
    [25 * 3 + 2, true],
    [25 * 20 + 7, true],
  ])("pick %i (UTC %s): a day off, refused with AppointmentOnDayOff", (pick, utc) => {
    const { decision, sent } = extendWith(pick, utc)
    expect(isWorkingDay(calendar, vietnamDay(sent))).toBe(false)
    expect(decision).toMatchObject({ ok: false, reason: { _tag: "AppointmentOnDayOff" } })
  })

  test.each([
    [10, false],
    [12, true],
    [25 * 5 + 14, true],
  ])("pick %i (UTC %s): a working day, taken", (pick, utc) => {
    const { decision, sent } = extendWith(pick, utc)
    expect(isWorkingDay(calendar, vietnamDay(sent))).toBe(true)
    expect(decision).toEqual({ ok: true })
  })
})
