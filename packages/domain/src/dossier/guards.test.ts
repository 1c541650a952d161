// The pure check functions one by one, on contexts built by running the machine (so they are real contexts).
import { describe, expect, it } from "vitest"
import { timeliness } from "./classification.ts"
import type { DossierContext } from "./context.ts"
import type { DossierEnv } from "./env.ts"
import type { DossierEvent } from "./events.ts"
import { actors, ev, machineFor, oct, onlineFiling, run } from "./fixtures.test-support.ts"
import {
  amountOwed,
  appointmentNotLater,
  deadlineNotReached,
  decisionAlreadyMade,
  decisionMissing,
  duplicatePayment,
  feesUnpaid,
  handoverRefusal,
  instantBeforeLastEvent,
  missingMandatoryDocuments,
  notAllowedInState,
  payloadProblems,
  returnMethodUnavailable,
  signatureMissing,
  supplementationRule,
} from "./guards.ts"
import { dossierEnv } from "./machine.ts"
import { actorRefusal } from "./permissions.ts"
import { statusesEntered } from "./reducers.ts"
import {
  acceptedStatusTransitions,
  type DossierStateName,
  dossierStateNames,
  firstRejectedStatus,
  type NationalStatusCode,
  statusOfState,
} from "./status.ts"
import { transitionTable } from "./transitions.ts"

const machine = machineFor()
const env = dossierEnv(machine) as DossierEnv
const filed = run(machine, onlineFiling(oct(6, "08:00")), []).snapshot.context
const accepted = run(machine, onlineFiling(oct(6, "08:00")), [
  ev("system", oct(6, "08:05"), { type: "paymentConfirmed", paymentId: "pay-1", amount: 10000 }),
  ev("counter", oct(6, "09:00"), { type: "accept" }),
]).snapshot.context
const withCtx = (patch: Partial<DossierContext>): DossierContext => ({ ...accepted, ...patch })

describe("guards as pure functions", () => {
  it("missingMandatoryDocuments lists the mandatory ids absent, ignores optional ones", () => {
    expect(missingMandatoryDocuments(env, [])).toEqual({
      _tag: "MissingMandatoryDocuments",
      ids: ["form-ct01", "proof-of-residence"],
    })
    expect(
      missingMandatoryDocuments(env, [{ id: "form-ct01" }, { id: "proof-of-residence", fromEWallet: true }]),
    ).toBeUndefined()
  })

  it("feesUnpaid counts fees due by the stage, minus what was paid", () => {
    expect(feesUnpaid(filed, "at-intake")).toEqual({ _tag: "FeesUnpaid", amount: 10000, stage: "at-intake" })
    expect(feesUnpaid(accepted, "at-intake")).toBeUndefined()
    const withObligation = withCtx({
      obligations: [
        { name: "Thuế", amount: 5000, requestedAt: oct(7, "09:00"), requestedBy: { id: "cv-01", role: "specialist" } },
      ],
    })
    expect(amountOwed(withObligation, "before-processing")).toBe(10000)
    expect(amountOwed(withObligation, "before-result")).toBe(15000)
    expect(feesUnpaid(withObligation, "before-result")).toEqual({
      _tag: "FeesUnpaid",
      amount: 5000,
      stage: "before-result",
    })
  })

  it("signatureMissing only where the procedure's result needs a signature", () => {
    expect(signatureMissing(env, accepted)).toEqual({ _tag: "SignatureRequired" })
    expect(
      signatureMissing(
        env,
        withCtx({ signature: { at: oct(7, "09:00"), by: { id: "ld", role: "authority-leader" }, signatureId: "s" } }),
      ),
    ).toBeUndefined()
    const unsigned: DossierEnv = {
      ...env,
      procedure: { ...env.procedure, result: { ...env.procedure.result, signatureRequired: false } },
    }
    expect(signatureMissing(unsigned, accepted)).toBeUndefined()
  })

  it("decisions: missing before, already made after", () => {
    const approved = withCtx({
      decision: { kind: "approved", at: oct(7, "09:00"), by: { id: "ld", role: "authority-leader" } },
    })
    expect(decisionMissing(accepted)).toEqual({ _tag: "DecisionMissing" })
    expect(decisionMissing(approved)).toBeUndefined()
    expect(decisionAlreadyMade(accepted)).toBeUndefined()
    expect(decisionAlreadyMade(approved)).toEqual({ _tag: "DecisionAlreadyMade", decision: "approved" })
  })

  it("duplicatePayment by payment id", () => {
    expect(duplicatePayment(accepted, "pay-1")).toEqual({ _tag: "DuplicatePayment", paymentId: "pay-1" })
    expect(duplicatePayment(accepted, "pay-2")).toBeUndefined()
  })

  it("appointmentNotLater compares instants, whatever their offsets", () => {
    expect(accepted.appointment).toBe(oct(13, "09:00"))
    expect(appointmentNotLater(accepted, "2025-10-13T02:00:00Z")).toEqual({
      _tag: "AppointmentNotLater",
      appointment: oct(13, "09:00"),
      requested: "2025-10-13T02:00:00Z",
    })
    expect(appointmentNotLater(accepted, "2025-10-13T02:00:01Z")).toBeUndefined()
  })

  it("deadlineNotReached until the applicant's deadline", () => {
    const waiting = withCtx({
      supplementations: [
        {
          requestedAt: oct(7, "09:00"),
          requestedBy: { id: "cv-01", role: "specialist" },
          stepId: "appraise",
          missing: [{ description: "x" }],
          applicantDeadline: oct(10, "17:00"),
        },
      ],
    })
    expect(deadlineNotReached(waiting, oct(10, "16:59"))).toEqual({
      _tag: "DeadlineNotReached",
      deadline: oct(10, "17:00"),
    })
    expect(deadlineNotReached(waiting, oct(10, "17:00"))).toBeUndefined()
  })

  it("supplementationRule: the first request, then late-marking repeats", () => {
    expect(supplementationRule(accepted)).toBe("first")
    expect(
      supplementationRule(
        withCtx({
          supplementations: [
            {
              requestedAt: "",
              requestedBy: { id: "", role: "specialist" },
              stepId: "",
              missing: [],
              applicantDeadline: "",
            },
          ],
        }),
      ),
    ).toBe("repeated-marks-late")
  })

  it("handoverRefusal: next step exists and is reached the right way", () => {
    expect(handoverRefusal(env, accepted, "completeStep")).toBeUndefined()
    expect(handoverRefusal(env, accepted, "transfer")).toEqual({
      _tag: "WrongHandover",
      expected: "completeStep",
      nextStepId: "appraise",
    })
    expect(handoverRefusal(env, withCtx({ currentStep: 3 }), "completeStep")).toEqual({
      _tag: "NoNextStep",
      stepId: "return",
    })
    expect(handoverRefusal(env, filed, "completeStep")).toEqual({ _tag: "NoNextStep", stepId: "" })
  })

  it("payloadProblems of a transfer: another authority, the one the next step names when it names one", () => {
    const transfer = (agencyCode: string) =>
      ev("specialist", oct(6, "10:00"), { type: "transfer", agencyCode }) as DossierEvent
    const paths = (e: DossierEnv, agencyCode: string) =>
      payloadProblems(e, accepted, transfer(agencyCode)).map((problem) => problem.path)
    expect(paths(env, accepted.agencyCode)).toEqual(["agencyCode"])
    // The fixture's process names no agency: any other code passes here (the application checks it exists).
    expect(paths(env, "000.00.12.H49")).toEqual([])
    const named: DossierEnv = {
      ...env,
      procedure: {
        ...env.procedure,
        process: env.procedure.process.map((step, i) =>
          i === accepted.currentStep + 1 ? { ...step, role: "inter-agency", agencyCode: "000.00.12.H49" } : step,
        ),
      },
    }
    expect(paths(named, "000.00.12.H49")).toEqual([])
    expect(paths(named, "000.00.13.H49")).toEqual(["agencyCode"])
    expect(payloadProblems(named, accepted, transfer("000.00.13.H49"))[0]?.message).toContain("000.00.12.H49")
  })

  it("returnMethodUnavailable: e-wallet needs an electronic result", () => {
    expect(returnMethodUnavailable(env, "e-wallet")).toBeUndefined()
    const paper: DossierEnv = {
      ...env,
      procedure: { ...env.procedure, result: { ...env.procedure.result, form: "paper" } },
    }
    expect(returnMethodUnavailable(paper, "e-wallet")).toEqual({ _tag: "ReturnMethodUnavailable", method: "e-wallet" })
    expect(returnMethodUnavailable(paper, "counter")).toBeUndefined()
  })

  it("notAllowedInState and instantBeforeLastEvent", () => {
    expect(notAllowedInState("returned", "approve")).toEqual({
      _tag: "NotAllowedInState",
      state: "returned",
      event: "approve",
    })
    expect(notAllowedInState("returned", "correct")).toBeUndefined()
    expect(notAllowedInState("filed", "toString")).toEqual({
      _tag: "NotAllowedInState",
      state: "filed",
      event: "toString",
    })
    expect(instantBeforeLastEvent(accepted, oct(6, "08:59"))).toEqual({
      _tag: "InstantBeforeLastEvent",
      at: oct(6, "08:59"),
      last: oct(6, "09:00"),
    })
    expect(instantBeforeLastEvent(accepted, oct(6, "09:00"))).toBeUndefined()
  })

  it("actorRefusal: step holder for step-bound events, granted roles and scopes for the others", () => {
    const event = (actor: keyof typeof actors, type: string) =>
      ({ type, actor: actors[actor], at: oct(6, "10:00") }) as unknown as DossierEvent
    expect(actorRefusal(env, accepted, event("counter", "completeStep"))).toBeUndefined()
    expect(actorRefusal(env, accepted, event("leader", "completeStep"))).toEqual({
      _tag: "ActorNotAllowed",
      role: "authority-leader",
      needed: ["counter-officer"],
      stepId: "receive",
    })
    expect(actorRefusal(env, accepted, event("counter", "approve"))).toEqual({
      _tag: "ActorNotAllowed",
      role: "counter-officer",
      needed: ["unit-leader", "authority-leader"],
      stepId: "receive",
    })
    expect(actorRefusal(env, filed, event("counter", "approve"))).toEqual({
      _tag: "ActorNotAllowed",
      role: "counter-officer",
      needed: [],
    })
    expect(actorRefusal(env, accepted, event("citizen", "withdraw"))).toBeUndefined()
    expect(actorRefusal(env, accepted, event("specialist", "withdraw"))).toEqual({
      _tag: "ActorNotAllowed",
      role: "specialist",
      needed: ["citizen", "counter-officer"],
    })
    expect(actorRefusal(env, accepted, event("system", "supplementationDeadlinePassed"))).toBeUndefined()
  })
})

describe("the accepted national status sequence", () => {
  it("3 only from 1, 10 only from 9, nothing after a terminal status", () => {
    const codes = Object.keys(acceptedStatusTransitions).map(Number) as NationalStatusCode[]
    expect(codes.filter((c) => acceptedStatusTransitions[c].includes(3))).toEqual([1])
    expect(codes.filter((c) => acceptedStatusTransitions[c].includes(10))).toEqual([9])
    for (const terminal of [3, 7, 8, 10] as const) expect(acceptedStatusTransitions[terminal]).toEqual([])
  })

  it("firstRejectedStatus points at the first code the portal would reject", () => {
    expect(firstRejectedStatus([1, 2, 4, 5, 4, 9, 10])).toBe(-1)
    expect(firstRejectedStatus([1, 2, 3])).toBe(2)
    expect(firstRejectedStatus([1, 2, 5])).toBe(2)
    expect(firstRejectedStatus([1, 2, 4, 10])).toBe(3)
    expect(firstRejectedStatus([2])).toBe(0)
  })

  it("before the dossier is received, 5 (asked at intake) leads back to 1 or to 3; after it, never to 1", () => {
    expect(firstRejectedStatus([1, 5, 1, 2, 4, 9, 10])).toBe(-1)
    expect(firstRejectedStatus([1, 5, 3])).toBe(-1)
    expect(firstRejectedStatus([1, 5, 7])).toBe(-1)
    expect(firstRejectedStatus([1, 5, 4])).toBe(2)
    expect(firstRejectedStatus([1, 5, 8])).toBe(2)
    expect(firstRejectedStatus([1, 2, 4, 5, 1])).toBe(4)
    expect(firstRejectedStatus([1, 2, 4, 5, 3])).toBe(4)
  })

  it("every edge of the machine's table enters statuses the portal accepts after the state's own", () => {
    // a history that reaches each state (the portal's rule depends on whether 2 came before)
    const reached: Record<DossierStateName, NationalStatusCode[]> = {
      filed: [1],
      awaitingIntakeSupplement: [1, 5],
      accepted: [1, 2],
      working: [1, 2, 4],
      awaitingSupplement: [1, 2, 4, 5],
      awaitingPayment: [1, 2, 4, 6],
      processed: [1, 2, 4, 9],
      returned: [1, 2, 4, 9, 10],
      refused: [1, 3],
      withdrawn: [1, 7],
      stopped: [1, 2, 4, 8],
    }
    for (const from of dossierStateNames) {
      expect(reached[from].at(-1)).toBe(statusOfState[from])
      for (const routes of Object.values(transitionTable[from])) {
        for (const route of routes ?? []) {
          const codes = [...reached[from], ...statusesEntered(from, route.to)]
          expect(firstRejectedStatus(codes), `${from} → ${route.to}: ${codes.join("→")}`).toBe(-1)
        }
      }
    }
  })
})

describe("timeliness", () => {
  it("early on an earlier day, on time on the due day up to the due instant, late after it", () => {
    expect(timeliness(oct(9, "16:00"), oct(10, "09:00"))).toBe("early")
    expect(timeliness(oct(10, "08:00"), oct(10, "09:00"))).toBe("on-time")
    expect(timeliness(oct(10, "09:00"), oct(10, "09:00"))).toBe("on-time")
    expect(timeliness(oct(10, "09:01"), oct(10, "09:00"))).toBe("late")
    // the day is Vietnam's: 23:30 UTC on the 9th is already the 10th in Hà Nội
    expect(timeliness("2025-10-09T23:30:00Z", oct(10, "09:00"))).toBe("on-time")
  })
})
