// Bugs the testkit found in the dossier module (packages/domain/src/dossier, still being finished by another
// engineer), each as a failing test marked `test.fails` so that the suite stays green; when the bug is fixed the
// test starts passing, vitest reports it, and the mark (and the tolerance in sample.ts) should go.
import { decide, isWorkingDay, workingMinutesBetween } from "@motcua/domain"
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

describe("known issues in the dossier module", () => {
  // moveDeadlineOverPause (time.ts) re-adds the working time left with addWorkingHours, which lands on 17:00 of
  // the day before when addWorkingDays had written 07:30 of the next working day. A pause that took no working
  // time (here: asked and answered during Tết) moves the appointment a calendar day earlier on the citizen's slip.
  test.fails("a supplementation pause over Tết does not move the appointment earlier", () => {
    const run = pauseOverTet()
    expect(checkTrace(run.trace).filter((v) => v.invariant === "appointment-never-earlier")).toEqual([])
  })

  test("…the working time left is the same, so the suite's tolerance covers only that boundary case", () => {
    const [, accepted, , received] = run4(pauseOverTet())
    const was = accepted?.snapshot.context.appointment as string
    const now = received?.snapshot.context.appointment as string
    expect(Date.parse(now)).toBeLessThan(Date.parse(was))
    expect(workingMinutesBetween(calendar, now, was)).toBe(0)
  })

  // guards.ts checks only that the new appointment is later than the current one: an extension with apology may
  // set it on a Sunday or a Tết holiday, and the dossier then has an appointment on a day off.
  test.fails("an extension with apology to a day off is refused", () => {
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

const run4 = (run: ReturnType<typeof startRun>) => run.trace.steps.slice(0, 4)
