import { describe, expect, it } from "vitest"
import { addWorkingDays, addWorkingHours } from "../calendar/index.ts"
import { classifyDossier } from "./classification.ts"
import { decide, open } from "./decide.ts"
import { calendar, ev, expectOk, machineFor, oct, onlineFiling, roundTrip, run } from "./fixtures.test-support.ts"
import { isAcceptedStatusSequence, nationalStatus, statusSequence } from "./status.ts"
import { addDuration } from "./time.ts"

// Monday 6 October 2025 to Wednesday 15 October 2025: no public holiday in between.
const happyEvents = [
  ev("system", oct(6, "08:05"), { type: "paymentConfirmed", paymentId: "pay-1", amount: 10000 }),
  ev("counter", oct(6, "09:00"), { type: "accept" }),
  ev("counter", oct(6, "10:00"), { type: "completeStep", assigneeId: "cv-01" }),
  ev("specialist", oct(7, "10:00"), {
    type: "requestSupplementation",
    missing: [{ documentId: "proof-of-residence", description: "Hợp đồng thuê nhà chưa công chứng" }],
    applicantDeadline: oct(17, "17:00"),
  }),
  ev("citizen", oct(9, "10:00"), { type: "supplementReceived", documents: [{ id: "proof-of-residence" }] }),
  ev("specialist", oct(10, "09:00"), { type: "completeStep" }),
  ev("leader", oct(10, "14:00"), { type: "approve" }),
  ev("leader", oct(10, "14:30"), { type: "sign", signatureId: "sig-123" }),
  ev("leader", oct(10, "15:00"), { type: "completeStep" }),
  ev("counter", oct(13, "08:00"), { type: "resultReady", resultDocumentIds: ["kq-1"] }),
  ev("system", oct(13, "08:30"), { type: "returnResult", method: "e-wallet" }),
]

describe("the happy path: online → accept → steps → one supplementation → approve → sign → result → return", () => {
  const machine = machineFor()
  const { snapshot, decisions } = run(machine, onlineFiling(oct(6, "08:00")), happyEvents)
  const ctx = snapshot.context

  it("goes through the national statuses 1, 2, 4, 5, 4, 9, 10: an accepted sequence", () => {
    expect(statusSequence(ctx)).toEqual([1, 2, 4, 5, 4, 9, 10])
    expect(isAcceptedStatusSequence(statusSequence(ctx))).toBe(true)
    expect(decisions.map((d) => nationalStatus(d.snapshot))).toEqual([1, 1, 2, 4, 5, 4, 4, 4, 4, 4, 9, 10])
  })

  it("sets the appointment at acceptance from the provincial time (5 working days) and the calendar", () => {
    expect(ctx.initialAppointment).toBe(addWorkingDays(calendar, oct(6, "09:00"), 5))
    expect(ctx.initialAppointment).toBe(oct(13, "09:00"))
  })

  it("moves the appointment by the supplementation pause (Tue 10:00 → Thu 10:00: two working days)", () => {
    expect(ctx.pauses).toEqual([{ kind: "supplementation", from: oct(7, "10:00"), to: oct(9, "10:00") }])
    expect(ctx.appointment).toBe(addWorkingDays(calendar, ctx.initialAppointment ?? "", 2))
    expect(ctx.appointment).toBe(oct(15, "09:00"))
  })

  it("gives each step a due instant from its allowance, moved by the pause, and classifies it", () => {
    const rows = ctx.steps.map((s) => [s.stepId, s.startedAt, s.dueAt, s.endedAt, s.timeliness])
    expect(rows).toEqual([
      // receive: 4 working hours from Mon 09:00 = Mon 15:00; handed on at 10:00 the same day
      ["receive", oct(6, "09:00"), addWorkingHours(calendar, oct(6, "09:00"), 4), oct(6, "10:00"), "on-time"],
      // appraise: 3 working days from Mon 10:00 = Thu 10:00, + 2 days of pause = Mon 13th 10:00; done Fri 10th
      ["appraise", oct(6, "10:00"), oct(13, "10:00"), oct(10, "09:00"), "early"],
      [
        "approve",
        oct(10, "09:00"),
        addDuration(calendar, oct(10, "09:00"), { amount: 1, unit: "working-days" }),
        oct(10, "15:00"),
        "early",
      ],
      // return: 4 working hours from Fri 15:00 = Mon 09:30; returned Mon 08:30
      ["return", oct(10, "15:00"), oct(13, "09:30"), oct(13, "08:30"), "on-time"],
    ])
  })

  it("classifies the dossier by the moment it was processed against the moved appointment", () => {
    expect(ctx.processedAt).toBe(oct(13, "08:00"))
    expect(classifyDossier(ctx)).toBe("early")
  })

  it("records who held the dossier, the decision, the signature, the payment and the return", () => {
    expect(ctx.steps.map((s) => s.endedBy?.id)).toEqual(["cb-tn-01", "cv-01", "ld-01", "system"])
    expect(ctx.steps[1]?.assigneeId).toBe("cv-01")
    expect(ctx.decision?.kind).toBe("approved")
    expect(ctx.signature?.signatureId).toBe("sig-123")
    expect(ctx.payments.map((p) => p.paymentId)).toEqual(["pay-1"])
    expect(ctx.returned).toEqual({ at: oct(13, "08:30"), by: { id: "system", role: "system" }, method: "e-wallet" })
  })

  it("names the actions the application layer carries out", () => {
    const types = (i: number) => decisions[i]?.actions.map((a) => a.type)
    expect(types(0)).toEqual(["audit", "syncPortal", "syncPortal", "notifyApplicant", "requestPayment"])
    // the catalogue's fee, requested once at filing so the citizen can pay it online straight away
    expect(decisions[0]?.actions.at(-1)).toEqual({
      type: "requestPayment",
      params: { amount: 10000, items: [{ name: expect.any(String), amount: 10000 }], at: oct(6, "08:00") },
    })
    const accept = decisions[2]?.actions ?? []
    expect(accept.find((a) => a.type === "notifyApplicant")?.params).toEqual({
      about: "receipt",
      form: "receipt",
      at: oct(6, "09:00"),
    })
    expect(accept.filter((a) => a.type === "scheduleDeadlineCheck").map((a) => a.params)).toEqual([
      { kind: "appointment", due: oct(13, "09:00") },
      { kind: "step", due: addWorkingHours(calendar, oct(6, "09:00"), 4), stepId: "receive" },
    ])
    const supplementation = decisions[4]?.actions ?? []
    expect(supplementation.filter((a) => a.type !== "audit")).toEqual([
      {
        type: "syncPortal",
        params: { what: "dossier", status: 5, entered: [5], at: oct(7, "10:00"), stepId: "appraise" },
      },
      {
        type: "syncPortal",
        params: { what: "progress", status: 5, entered: [5], at: oct(7, "10:00"), stepId: "appraise" },
      },
      {
        type: "notifyApplicant",
        params: { about: "supplementation-request", form: "supplementation-request", at: oct(7, "10:00") },
      },
      { type: "scheduleDeadlineCheck", params: { kind: "supplementation", due: oct(17, "17:00") } },
    ])
    for (const d of decisions) expect(d.actions[0]?.type).toBe("audit")
  })

  it("survives JSON at every point: a round-tripped snapshot continues exactly like the live one", () => {
    let live = expectOk(open(machine, onlineFiling(oct(6, "08:00")))).snapshot
    for (const event of happyEvents) {
      const fromLive = expectOk(decide(machine, live, event))
      const fromJson = expectOk(decide(machine, roundTrip(live), event))
      expect(roundTrip(fromJson.snapshot)).toEqual(roundTrip(fromLive.snapshot))
      expect(fromJson.actions).toEqual(fromLive.actions)
      live = fromLive.snapshot
    }
  })

  it("never changes a snapshot it was given (context changes only through assign)", () => {
    const before = roundTrip(decisions[3]?.snapshot ?? snapshot)
    decide(machine, decisions[3]?.snapshot ?? snapshot, happyEvents[3])
    expect(roundTrip(decisions[3]?.snapshot ?? snapshot)).toEqual(before)
  })
})
