import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { addWorkingDays } from "../calendar/index.ts"
import { classifyDossier, isOverdue } from "./classification.ts"
import { decide, open } from "./decide.ts"
import type { DossierEventInput } from "./events.ts"
import {
  actors,
  calendar,
  counterFiling,
  ev,
  expectOk,
  machineFor,
  OTHER_AGENCY,
  oct,
  onlineFiling,
  procedureWith,
  run,
} from "./fixtures.test-support.ts"
import { graphProcedure } from "./graph.test-support.ts"
import { createDossierMachine } from "./machine.ts"
import type { Refusal } from "./refusals.ts"
import { isAcceptedStatusSequence, nationalStatus, stateOf, statusSequence } from "./status.ts"

const machine = machineFor()
const paid = ev("system", oct(6, "08:05"), { type: "paymentConfirmed", paymentId: "pay-1", amount: 10000 })
const accepted = [paid, ev("counter", oct(6, "09:00"), { type: "accept" })]
const atAppraisal = [...accepted, ev("counter", oct(6, "10:00"), { type: "completeStep" })]
const askSupplement = (at: string, deadline = oct(17, "17:00")) =>
  ev("specialist", at, {
    type: "requestSupplementation",
    missing: [{ description: "Bản sao sổ hộ khẩu" }],
    applicantDeadline: deadline,
  })

/** The refusal of `event` after `events`. */
const refusalAfter = (events: ReadonlyArray<DossierEventInput>, event: unknown, m = machine): Refusal => {
  const { snapshot } = run(m, onlineFiling(oct(6, "08:00")), events)
  const decision = decide(m, snapshot, event)
  if (decision.ok) throw new Error(`expected a refusal, the machine went to ${String(decision.snapshot.value)}`)
  return decision.reason
}

describe("refusal at intake", () => {
  const { snapshot, decisions } = run(machine, counterFiling(oct(6, "08:00")), [
    ev("counter", oct(6, "08:30"), { type: "refuse", reasons: ["Hồ sơ không thuộc thẩm quyền giải quyết"] }),
  ])

  it("goes 1 → 3 and hands the applicant a refusal slip", () => {
    expect(statusSequence(snapshot.context)).toEqual([1, 3])
    expect(nationalStatus(snapshot)).toBe(3)
    expect(snapshot.context.refusal?.reasons).toEqual(["Hồ sơ không thuộc thẩm quyền giải quyết"])
    expect(decisions[1]?.actions).toContainEqual({
      type: "notifyApplicant",
      params: { about: "refusal", form: "refusal", at: oct(6, "08:30") },
    })
    expect(classifyDossier(snapshot.context)).toBe("not-counted")
  })

  it("is final: anything else is NotAllowedInState", () => {
    expect(decide(machine, snapshot, ev("counter", oct(6, "09:00"), { type: "accept" }))).toEqual({
      ok: false,
      reason: { _tag: "NotAllowedInState", state: "refused", event: "accept" },
    })
  })

  it("needs the reasons", () => {
    const reason = refusalAfter([], ev("counter", oct(6, "08:30"), { type: "refuse", reasons: [] }))
    expect(reason._tag).toBe("InvalidEvent")
    if (reason._tag === "InvalidEvent") expect(reason.problems[0]?.path).toBe("reasons")
  })
})

describe("supplementation asked at intake (before the dossier is received)", () => {
  const incomplete = counterFiling(oct(6, "08:00"), { documents: [{ id: "form-ct01" }] })
  const cash = ev("counter", oct(6, "08:05"), { type: "paymentConfirmed", paymentId: "cash-1", amount: 20000 })
  const askAtIntake = (deadline = oct(13, "17:00")) =>
    ev("counter", oct(6, "08:30"), {
      type: "requestSupplementation",
      missing: [{ description: "Giấy tờ chứng minh chỗ ở hợp pháp" }],
      applicantDeadline: deadline,
    })

  it("the counter officer asks instead of refusing or accepting an incomplete dossier: 1 → 5, no clock", () => {
    const { snapshot, decisions } = run(machine, incomplete, [cash, askAtIntake()])
    expect(stateOf(snapshot)).toBe("awaitingIntakeSupplement")
    expect(statusSequence(snapshot.context)).toEqual([1, 5])
    expect(snapshot.context.appointment).toBeUndefined()
    expect(snapshot.context.pauses).toEqual([])
    expect(snapshot.context.supplementations[0]).toMatchObject({ atIntake: true, applicantDeadline: oct(13, "17:00") })
    expect(decisions[2]?.actions).toContainEqual({
      type: "notifyApplicant",
      params: { about: "supplementation-request", form: "supplementation-request", at: oct(6, "08:30") },
    })
    expect(decisions[2]?.actions).toContainEqual({
      type: "scheduleDeadlineCheck",
      params: { kind: "supplementation", due: oct(13, "17:00") },
    })
  })

  it("the supplement brings it back to intake (5 → 1), and it is then accepted with the documents brought", () => {
    const { snapshot } = run(machine, incomplete, [
      cash,
      askAtIntake(),
      ev("citizen", oct(8, "10:00"), { type: "supplementReceived", documents: [{ id: "proof-of-residence" }] }),
      ev("counter", oct(8, "14:00"), { type: "accept" }),
    ])
    expect(stateOf(snapshot)).toBe("accepted")
    expect(statusSequence(snapshot.context)).toEqual([1, 5, 1, 2])
    // back at intake is not a second filing: no second "file" audit entry, "filed" notice or fee request
    const back = run(machine, incomplete, [
      cash,
      askAtIntake(),
      ev("citizen", oct(8, "10:00"), { type: "supplementReceived", documents: [{ id: "proof-of-residence" }] }),
    ]).decisions[3]?.actions
    expect(back?.map((a) => a.type)).not.toContain("requestPayment")
    expect(back?.filter((a) => a.type === "audit").map((a) => (a.params as { event: string }).event)).toEqual([
      "supplementReceived",
    ])
    expect(back).not.toContainEqual(
      expect.objectContaining({ type: "notifyApplicant", params: expect.objectContaining({ about: "filed" }) }),
    )
    expect(isAcceptedStatusSequence(statusSequence(snapshot.context))).toBe(true)
    // the clock starts at acceptance, not at filing: the appointment counts from 8 October
    expect(snapshot.context.acceptedAt).toBe(oct(8, "14:00"))
  })

  it("a later request during processing is the first one (no late mark)", () => {
    const { snapshot } = run(machine, incomplete, [
      cash,
      askAtIntake(),
      ev("citizen", oct(8, "10:00"), { type: "supplementReceived", documents: [{ id: "proof-of-residence" }] }),
      ev("counter", oct(8, "14:00"), { type: "accept" }),
      ev("counter", oct(8, "15:00"), { type: "completeStep" }),
      askSupplement(oct(9, "09:00"), oct(20, "17:00")),
    ])
    expect(stateOf(snapshot)).toBe("awaitingSupplement")
    expect(snapshot.context.lateMarks).toEqual([])
  })

  it("no supplement by the deadline: not received (5 → 3), with a refusal slip, not a stop notice", () => {
    const { snapshot, decisions } = run(machine, incomplete, [
      cash,
      askAtIntake(),
      ev("system", oct(14, "08:00"), { type: "supplementationDeadlinePassed" }),
    ])
    expect(stateOf(snapshot)).toBe("refused")
    expect(statusSequence(snapshot.context)).toEqual([1, 5, 3])
    expect(snapshot.context.refusal?.reasons[0]).toContain("Quá thời hạn bổ sung")
    expect(decisions[3]?.actions).toContainEqual({
      type: "notifyApplicant",
      params: { about: "refusal", form: "refusal", at: oct(14, "08:00") },
    })
  })

  it("only the counter officer of the dossier's intake asks at intake; processing events wait for acceptance", () => {
    const { snapshot } = run(machine, incomplete, [cash])
    const bySpecialist = decide(machine, snapshot, { ...askAtIntake(), actor: actors.specialist })
    expect(bySpecialist).toMatchObject({ ok: false, reason: { _tag: "ActorNotAllowed", needed: ["counter-officer"] } })
    const waiting = run(machine, incomplete, [cash, askAtIntake()]).snapshot
    const tooEarly = [{ type: "accept" }, { type: "completeStep" }, { type: "stop", reasons: ["Không đủ điều kiện"] }]
    for (const body of tooEarly) {
      expect(decide(machine, waiting, ev("counter", oct(7, "09:00"), body as never))).toMatchObject({
        ok: false,
        reason: { _tag: "NotAllowedInState", state: "awaitingIntakeSupplement" },
      })
    }
  })
})

describe("acceptance guards", () => {
  it("needs every mandatory document (MissingMandatoryDocuments lists them)", () => {
    const { snapshot } = run(machine, counterFiling(oct(6, "08:00"), { documents: [{ id: "form-ct01" }] }), [
      ev("counter", oct(6, "08:05"), { type: "paymentConfirmed", paymentId: "cash-1", amount: 20000 }),
    ])
    expect(decide(machine, snapshot, ev("counter", oct(6, "09:00"), { type: "accept" }))).toEqual({
      ok: false,
      reason: { _tag: "MissingMandatoryDocuments", ids: ["proof-of-residence"] },
    })
    // the officer takes the document from the e-wallet at the counter: now it is complete
    const ok = expectOk(
      decide(
        machine,
        snapshot,
        ev("counter", oct(6, "09:00"), {
          type: "accept",
          documents: [{ id: "proof-of-residence", fromEWallet: true }],
        }),
      ),
    )
    expect(ok.snapshot.context.documents).toContainEqual({ id: "proof-of-residence", fromEWallet: true })
  })

  it("needs the fees due at intake, at the channel's price (online 10,000đ, counter 20,000đ)", () => {
    expect(refusalAfter([], ev("counter", oct(6, "09:00"), { type: "accept" }))).toEqual({
      _tag: "FeesUnpaid",
      amount: 10000,
      stage: "at-intake",
    })
    const atCounter = run(machine, counterFiling(oct(6, "08:00")), []).snapshot
    expect(decide(machine, atCounter, ev("counter", oct(6, "09:00"), { type: "accept" }))).toMatchObject({
      ok: false,
      reason: { _tag: "FeesUnpaid", amount: 20000 },
    })
  })

  it("is the counter officer's, for the dossier's unit or intake point", () => {
    expect(refusalAfter([paid], ev("specialist", oct(6, "09:00"), { type: "accept" }))).toEqual({
      _tag: "ActorNotAllowed",
      role: "specialist",
      needed: ["counter-officer"],
    })
    expect(refusalAfter([paid], ev("foreignCounter", oct(6, "09:00"), { type: "accept" }))).toMatchObject({
      _tag: "OutOfScope",
      actorId: "cb-tn-99",
    })
  })
})

describe("filing", () => {
  it("is refused for a channel the procedure does not offer", () => {
    const counterOnly = machineFor({ procedure: procedureWith((p) => ({ ...p, channels: ["counter"] })) })
    expect(open(counterOnly, onlineFiling(oct(6, "08:00")))).toEqual({
      ok: false,
      reason: { _tag: "ChannelNotOffered", channel: "online" },
    })
  })

  it("is done by the role of the channel, at its own intake point", () => {
    expect(
      open(machine, onlineFiling(oct(6, "08:00"), { channel: "counter", intakePointId: "ttpvhcc-06685" })),
    ).toEqual({
      ok: false,
      reason: { _tag: "ActorNotAllowed", role: "citizen", needed: ["counter-officer"] },
    })
    expect(open(machine, counterFiling(oct(6, "08:00"), { intakePointId: "ttpvhcc-06688" }))).toMatchObject({
      ok: false,
      reason: { _tag: "OutOfScope", needs: { intakePointId: "ttpvhcc-06688" } },
    })
  })

  it("reports bad input with paths: a day that does not exist, a malformed dossier code, unknown documents", () => {
    const decision = open(
      machine,
      onlineFiling("2025-02-30T08:00:00+07:00", { dossierCode: "nope", documents: [{ id: "passport" }] }),
    )
    expect(decision.ok).toBe(false)
    if (!decision.ok && decision.reason._tag === "InvalidEvent") {
      expect(decision.reason.problems.map((p) => p.path).sort()).toEqual(["at", "dossierCode"])
    } else throw new Error("expected InvalidEvent")
    expect(open(machine, onlineFiling(oct(6, "08:00"), { documents: [{ id: "passport" }] }))).toMatchObject({
      ok: false,
      reason: { _tag: "InvalidEvent", problems: [{ path: "documents[0].id" }] },
    })
  })

  it("needs every fee that is not a flat amount assessed by the fees module", () => {
    const tiered = machineFor({
      procedure: procedureWith((p) => ({
        ...p,
        fees: p.fees
          .map((f) => ({
            ...f,
            byChannel: undefined,
            amount: { type: "per-unit", per: "copy", amount: 2000 } as const,
          }))
          .map(({ byChannel: _, ...f }) => f),
      })),
    })
    expect(open(tiered, onlineFiling(oct(6, "08:00")))).toMatchObject({
      ok: false,
      reason: { _tag: "InvalidEvent", problems: [{ path: "fees" }] },
    })
    const assessed = expectOk(
      open(tiered, onlineFiling(oct(6, "08:00"), { fees: [{ feeId: "residence-charge", amount: 6000 }] })),
    )
    expect(assessed.snapshot.context.fees.map((f) => f.amount)).toEqual([6000])
  })

  it("fails to build a machine for an unknown variant", () => {
    const built = createDossierMachine({ procedure: procedureWith((p) => p), variantId: "nope", calendar })
    expect(Result.isFailure(built)).toBe(true)
  })
})

describe("steps and who holds the dossier", () => {
  it("lets only the holder of the current step hand it on", () => {
    expect(refusalAfter(accepted, ev("specialist", oct(6, "10:00"), { type: "completeStep" }))).toEqual({
      _tag: "ActorNotAllowed",
      role: "specialist",
      needed: ["counter-officer"],
      stepId: "receive",
    })
    const outsider = {
      ...ev("specialist", oct(7, "10:00"), { type: "completeStep" }),
      actor: { ...actors.specialist, agencyCodes: ["000.99.99.H49"] },
    }
    expect(refusalAfter(atAppraisal, outsider)).toMatchObject({ _tag: "OutOfScope", actorId: "cv-01" })
  })

  it("keeps approval for a leader's step", () => {
    expect(refusalAfter(atAppraisal, ev("specialist", oct(7, "10:00"), { type: "approve" }))).toEqual({
      _tag: "ActorNotAllowed",
      role: "specialist",
      needed: ["unit-leader", "authority-leader"],
      stepId: "appraise",
    })
  })

  const atLeader = [...atAppraisal, ev("specialist", oct(7, "10:00"), { type: "completeStep" })]
  it("signs only after a decision, once; decides once", () => {
    expect(refusalAfter(atLeader, ev("leader", oct(7, "11:00"), { type: "sign", signatureId: "s" }))).toEqual({
      _tag: "DecisionMissing",
    })
    const approved = [...atLeader, ev("leader", oct(7, "11:00"), { type: "approve" })]
    expect(refusalAfter(approved, ev("leader", oct(7, "11:30"), { type: "reject", reasons: ["x"] }))).toEqual({
      _tag: "DecisionAlreadyMade",
      decision: "approved",
    })
    const signed = [...approved, ev("leader", oct(7, "11:30"), { type: "sign", signatureId: "s" })]
    expect(refusalAfter(signed, ev("leader", oct(7, "11:40"), { type: "sign", signatureId: "s2" }))).toEqual({
      _tag: "AlreadySigned",
      at: oct(7, "11:30"),
    })
  })

  it("needs the signature before the result where the procedure requires one", () => {
    const approved = [...atLeader, ev("leader", oct(7, "11:00"), { type: "approve" })]
    expect(refusalAfter(approved, ev("leader", oct(7, "11:30"), { type: "resultReady" }))).toEqual({
      _tag: "SignatureRequired",
    })
    const unsigned = machineFor({
      procedure: procedureWith((p) => ({ ...p, result: { ...p.result, signatureRequired: false } })),
    })
    const { snapshot } = run(unsigned, onlineFiling(oct(6, "08:00")), [
      ...approved,
      ev("leader", oct(7, "11:30"), { type: "resultReady" }),
    ])
    expect(nationalStatus(snapshot)).toBe(9)
  })

  it("refuses to hand on from the last step, and an e-wallet return of a paper result", () => {
    const paper = machineFor({ procedure: procedureWith((p) => ({ ...p, result: { ...p.result, form: "paper" } })) })
    const processed = [
      ...atLeader,
      ev("leader", oct(7, "11:00"), { type: "approve" }),
      ev("leader", oct(7, "11:30"), { type: "sign", signatureId: "s" }),
      ev("leader", oct(7, "12:00"), { type: "completeStep" }),
      ev("counter", oct(7, "14:00"), { type: "resultReady" }),
    ]
    expect(refusalAfter(processed, ev("counter", oct(7, "15:00"), { type: "completeStep" }), paper)).toEqual({
      _tag: "NoNextStep",
      stepId: "return",
    })
    expect(
      refusalAfter(processed, ev("system", oct(7, "15:00"), { type: "returnResult", method: "e-wallet" }), paper),
    ).toEqual({
      _tag: "ReturnMethodUnavailable",
      method: "e-wallet",
    })
    expect(
      refusalAfter(processed, ev("citizen", oct(7, "15:00"), { type: "returnResult", method: "counter" }), paper),
    ).toEqual({
      _tag: "ActorNotAllowed",
      role: "citizen",
      needed: ["counter-officer"],
    })
    const { snapshot } = run(paper, onlineFiling(oct(6, "08:00")), [
      ...processed,
      ev("postAgent", oct(8, "09:00"), { type: "returnResult", method: "post" }),
    ])
    expect(snapshot.context.returned?.method).toBe("post")
  })

  it("reaches an inter-agency step by transfer only, held by the other authority", () => {
    const m = machineFor({ procedure: graphProcedure() })
    const atAppraise = [
      ev("system", oct(6, "08:05"), { type: "paymentConfirmed", paymentId: "p", amount: 15000 }),
      ...accepted.slice(1),
      ev("counter", oct(6, "10:00"), { type: "completeStep" }),
    ]
    expect(refusalAfter(atAppraise, ev("specialist", oct(7, "09:00"), { type: "completeStep" }), m)).toEqual({
      _tag: "WrongHandover",
      expected: "transfer",
      nextStepId: "verify",
    })
    expect(
      refusalAfter(atAppraise, ev("specialist", oct(7, "09:00"), { type: "transfer", agencyCode: "000.22.06.H49" }), m),
    ).toMatchObject({
      _tag: "InvalidEvent",
      problems: [{ path: "agencyCode" }],
    })
    const transferred = [
      ...atAppraise,
      ev("specialist", oct(7, "09:00"), { type: "transfer", agencyCode: OTHER_AGENCY }),
    ]
    expect(refusalAfter(transferred, ev("specialist", oct(7, "10:00"), { type: "completeStep" }), m)).toMatchObject({
      _tag: "ActorNotAllowed",
      needed: ["inter-agency"],
    })
    const elsewhere = {
      ...ev("interAgency", oct(7, "10:00"), { type: "completeStep" }),
      actor: { ...actors.interAgency, agencyCodes: ["000.11.11.H49"] },
    }
    expect(refusalAfter(transferred, elsewhere, m)).toMatchObject({
      _tag: "OutOfScope",
      needs: { agencyCode: OTHER_AGENCY },
    })
    const { snapshot } = run(m, onlineFiling(oct(6, "08:00")), [
      ...transferred,
      ev("interAgency", oct(8, "10:00"), { type: "completeStep" }),
    ])
    expect(snapshot.context.steps.map((s) => [s.stepId, s.agencyCode ?? "-", s.endedBy?.id ?? "-"])).toEqual([
      ["receive", "-", "cb-tn-01"],
      ["appraise", "-", "cv-01"],
      ["verify", OTHER_AGENCY, "lt-01"],
      ["approve", "-", "-"],
    ])
    expect(snapshot.context.transfers).toEqual([
      { at: oct(7, "09:00"), by: { id: "cv-01", role: "specialist" }, agencyCode: OTHER_AGENCY },
    ])
  })
})

describe("supplementation", () => {
  it("straight from acceptance records 4 before 5 (the portal does not accept 2 → 5)", () => {
    const m = machineFor({
      procedure: procedureWith((p) => ({
        ...p,
        process: p.process
          .slice(1)
          .map((s, i) => (i === 0 ? { ...s, allowance: { amount: 3.5, unit: "working-days" } } : s)),
      })),
    })
    // first step is the specialist's here: the counter officer accepts, the specialist asks at once
    const { snapshot, decisions } = run(m, onlineFiling(oct(6, "08:00")), [
      ...accepted,
      ev("specialist", oct(6, "09:00"), {
        type: "requestSupplementation",
        missing: [{ description: "x" }],
        applicantDeadline: oct(10, "17:00"),
      }),
    ])
    expect(statusSequence(snapshot.context)).toEqual([1, 2, 4, 5])
    expect(decisions[3]?.actions.find((a) => a.type === "syncPortal")?.params).toMatchObject({
      entered: [4, 5],
      status: 5,
    })
  })

  it("a second request is taken but marks the dossier late (the national index rule)", () => {
    const events = [
      ...atAppraisal,
      askSupplement(oct(7, "09:00")),
      ev("citizen", oct(7, "15:00"), { type: "supplementReceived", documents: [] }),
      askSupplement(oct(8, "09:00")),
      ev("counter", oct(8, "10:00"), { type: "supplementReceived", documents: [{ id: "form-ct01", digitised: true }] }),
    ]
    const { snapshot } = run(machine, onlineFiling(oct(6, "08:00")), events)
    const ctx = snapshot.context
    expect(statusSequence(ctx)).toEqual([1, 2, 4, 5, 4, 5, 4])
    expect(isAcceptedStatusSequence(statusSequence(ctx))).toBe(true)
    expect(ctx.supplementations).toHaveLength(2)
    expect(ctx.lateMarks).toEqual([{ mark: "repeated-supplementation", at: oct(8, "09:00") }])
    expect(ctx.pauses).toHaveLength(2)
    expect(classifyDossier(ctx)).toBe("late")
  })

  it("stops processing when the applicant's deadline passes (sent by the scheduled check), not before", () => {
    const waiting = [...atAppraisal, askSupplement(oct(7, "09:00"), oct(10, "17:00"))]
    expect(refusalAfter(waiting, ev("system", oct(10, "16:00"), { type: "supplementationDeadlinePassed" }))).toEqual({
      _tag: "DeadlineNotReached",
      deadline: oct(10, "17:00"),
    })
    expect(
      refusalAfter(waiting, ev("specialist", oct(10, "17:00"), { type: "supplementationDeadlinePassed" })),
    ).toMatchObject({
      _tag: "ActorNotAllowed",
      needed: ["system"],
    })
    const { snapshot, decisions } = run(machine, onlineFiling(oct(6, "08:00")), [
      ...waiting,
      ev("system", oct(10, "17:00"), { type: "supplementationDeadlinePassed" }),
    ])
    expect(statusSequence(snapshot.context)).toEqual([1, 2, 4, 5, 8])
    expect(snapshot.context.stop?.reasons[0]).toContain("Quá thời hạn bổ sung")
    expect(decisions.at(-1)?.actions).toContainEqual({
      type: "notifyApplicant",
      params: { about: "stop-notice", form: "stop-notice", at: oct(10, "17:00") },
    })
    expect(snapshot.context.pauses[0]?.to).toBe(oct(10, "17:00"))
  })
})

describe("withdrawal, stop, extension, financial obligation, correction", () => {
  it("withdrawal by the applicant: 7, not counted; by another citizen: OutOfScope; after processing: not allowed", () => {
    const { snapshot } = run(machine, onlineFiling(oct(6, "08:00")), [
      ...atAppraisal,
      ev("citizen", oct(7, "09:00"), { type: "withdraw", reason: "Không còn nhu cầu" }),
    ])
    expect(statusSequence(snapshot.context)).toEqual([1, 2, 4, 7])
    expect(classifyDossier(snapshot.context)).toBe("not-counted")
    expect(snapshot.context.steps[1]?.endedAt).toBe(oct(7, "09:00"))
    expect(refusalAfter(atAppraisal, ev("otherCitizen", oct(7, "09:00"), { type: "withdraw" }))).toMatchObject({
      _tag: "OutOfScope",
      needs: { accountId: actors.citizen.id },
    })
  })

  it("stop by the holder: 8, with the notice, and classified by the stop instant", () => {
    const { snapshot, decisions } = run(machine, onlineFiling(oct(6, "08:00")), [
      ...atAppraisal,
      ev("specialist", oct(7, "09:00"), { type: "stop", reasons: ["Có văn bản đề nghị dừng của cơ quan điều tra"] }),
    ])
    expect(statusSequence(snapshot.context)).toEqual([1, 2, 4, 8])
    expect(decisions.at(-1)?.actions.map((a) => a.type)).toEqual([
      "audit",
      "syncPortal",
      "syncPortal",
      "notifyApplicant",
    ])
    expect(classifyDossier(snapshot.context)).toBe("early")
  })

  it("extension with apology: a later appointment, the late mark, the apology slip", () => {
    const later = oct(20, "09:00")
    expect(
      refusalAfter(
        atAppraisal,
        ev("leader", oct(7, "09:00"), { type: "extendWithApology", newAppointment: oct(13, "09:00"), reason: "x" }),
      ),
    ).toEqual({
      _tag: "AppointmentNotLater",
      appointment: oct(13, "09:00"),
      requested: oct(13, "09:00"),
    })
    const { snapshot, decisions } = run(machine, onlineFiling(oct(6, "08:00")), [
      ...atAppraisal,
      ev("leader", oct(7, "09:00"), {
        type: "extendWithApology",
        newAppointment: later,
        reason: "Cần xác minh nơi cư trú",
      }),
    ])
    const ctx = snapshot.context
    expect(ctx.appointment).toBe(later)
    expect(ctx.initialAppointment).toBe(oct(13, "09:00"))
    expect(ctx.extensions).toEqual([
      {
        at: oct(7, "09:00"),
        by: { id: "ld-01", role: "authority-leader" },
        previousAppointment: oct(13, "09:00"),
        newAppointment: later,
        reason: "Cần xác minh nơi cư trú",
      },
    ])
    expect(classifyDossier(ctx)).toBe("late")
    expect(nationalStatus(snapshot)).toBe(4)
    expect(decisions.at(-1)?.actions).toContainEqual({
      type: "notifyApplicant",
      params: { about: "apology", form: "apology", at: oct(7, "09:00") },
    })
  })

  it("a financial obligation that is one of the dossier's own fees is refused: the fee is owed once, since filing", () => {
    const { snapshot } = run(machine, onlineFiling(oct(6, "08:00")), atAppraisal)
    const feeName = snapshot.context.fees[0]?.name ?? ""
    expect(feeName).not.toBe("")
    // the same name as a person would type it again: other case, extra spaces
    const again = `  ${feeName.toLocaleUpperCase("vi")}  `
    const reason = refusalAfter(
      atAppraisal,
      ev("specialist", oct(7, "09:00"), {
        type: "requestFinancialObligation",
        items: [
          { name: "Thuế thu nhập cá nhân", amount: 300000 },
          { name: again, amount: 10000 },
        ],
      }),
    )
    expect(reason._tag).toBe("InvalidEvent")
    if (reason._tag === "InvalidEvent") expect(reason.problems.map((p) => p.path)).toEqual(["items[1].name"])
  })

  it("financial obligation: 6 until everything requested is paid, the clock paused when configured", () => {
    const m = machineFor({ pauseForFinancialObligation: true })
    const requested = [
      ...atAppraisal,
      ev("specialist", oct(7, "09:00"), {
        type: "requestFinancialObligation",
        items: [{ name: "Thuế thu nhập cá nhân", amount: 300000 }],
      }),
    ]
    const r = run(m, onlineFiling(oct(6, "08:00")), requested)
    expect(nationalStatus(r.snapshot)).toBe(6)
    expect(r.decisions.at(-1)?.actions).toContainEqual({
      type: "requestPayment",
      params: { amount: 300000, items: [{ name: "Thuế thu nhập cá nhân", amount: 300000 }], at: oct(7, "09:00") },
    })
    // less than is owed settles nothing and is refused with the amounts (one debt, paid once)
    expect(
      refusalAfter(
        requested,
        ev("system", oct(7, "10:00"), { type: "paymentConfirmed", paymentId: "p2", amount: 100000 }),
        m,
      ),
    ).toEqual({
      _tag: "PaymentAmountWrong",
      problem: "underpayment",
      amount: 100000,
      outstanding: 300000,
      dueNow: 300000,
    })
    // and so does more (999,999,999 đ against a 300,000 đ debt)
    expect(
      refusalAfter(
        requested,
        ev("system", oct(7, "10:00"), { type: "paymentConfirmed", paymentId: "p2", amount: 999_999_999 }),
        m,
      ),
    ).toMatchObject({ _tag: "PaymentAmountWrong", problem: "overpayment", outstanding: 300000 })
    const paid = [
      ...requested,
      ev("system", oct(8, "09:00"), { type: "paymentConfirmed", paymentId: "p3", amount: 300000 }),
    ]
    expect(
      refusalAfter(
        paid,
        ev("system", oct(8, "10:00"), { type: "paymentConfirmed", paymentId: "p3", amount: 300000 }),
        m,
      ),
    ).toEqual({ _tag: "DuplicatePayment", paymentId: "p3" })
    expect(
      refusalAfter(paid, ev("system", oct(8, "10:00"), { type: "paymentConfirmed", paymentId: "p4", amount: 10 }), m),
    ).toMatchObject({ _tag: "PaymentAmountWrong", problem: "nothing-owed" })
    const { snapshot } = run(m, onlineFiling(oct(6, "08:00")), paid)
    expect(statusSequence(snapshot.context)).toEqual([1, 2, 4, 6, 4])
    // paused Tue 09:00 → Wed 09:00: one working day
    expect(snapshot.context.appointment).toBe(addWorkingDays(calendar, oct(13, "09:00"), 1))
  })

  it("correction of a returned dossier: recorded, applied, status stays 10; not before the return", () => {
    const { snapshot: returned } = run(machine, onlineFiling(oct(6, "08:00")), [
      ...atAppraisal,
      ev("specialist", oct(7, "10:00"), { type: "completeStep" }),
      ev("leader", oct(7, "11:00"), { type: "approve" }),
      ev("leader", oct(7, "11:30"), { type: "sign", signatureId: "s" }),
      ev("leader", oct(7, "14:00"), { type: "resultReady" }),
      ev("system", oct(7, "15:00"), { type: "returnResult", method: "e-wallet" }),
    ])
    const correction = ev("counter", oct(9, "09:00"), {
      type: "correct",
      changes: [{ field: "applicant.name", from: "Nguyễn Văn An", to: "Nguyễn Văn Ân" }],
      reason: "Sai dấu tên",
    })
    const corrected = expectOk(decide(machine, returned, correction)).snapshot
    expect(nationalStatus(corrected)).toBe(10)
    expect(corrected.context.applicant.name).toBe("Nguyễn Văn Ân")
    expect(corrected.context.corrections).toHaveLength(1)
    expect(statusSequence(corrected.context)).toEqual(statusSequence(returned.context))
    expect(refusalAfter(atAppraisal, correction)).toMatchObject({ _tag: "NotAllowedInState", state: "working" })
  })
})

describe("time and input", () => {
  it("refuses events back in time and bad instants, with paths", () => {
    expect(refusalAfter(accepted, ev("counter", oct(6, "08:59"), { type: "completeStep" }))).toEqual({
      _tag: "InstantBeforeLastEvent",
      at: oct(6, "08:59"),
      last: oct(6, "09:00"),
    })
    expect(refusalAfter(accepted, ev("counter", "2025-10-06 10:00", { type: "completeStep" }))).toMatchObject({
      _tag: "InvalidEvent",
      problems: [{ path: "at" }],
    })
    expect(refusalAfter(accepted, { type: "approve!" })).toMatchObject({
      _tag: "InvalidEvent",
      problems: [{ path: "type" }],
    })
  })

  it("stores instants in Vietnam time whatever the offset given", () => {
    const { snapshot } = run(machine, onlineFiling("2025-10-06T01:00:00Z"), [
      ev("system", "2025-10-06T01:05:00.250Z", { type: "paymentConfirmed", paymentId: "p", amount: 10000 }),
    ])
    expect(snapshot.context.receivedAt).toBe(oct(6, "08:00"))
    expect(snapshot.context.payments[0]?.at).toBe("2025-10-06T08:05:00.250+07:00")
  })

  it("tells a dossier overdue only while its clock runs", () => {
    const { snapshot } = run(machine, onlineFiling(oct(6, "08:00")), atAppraisal)
    expect(isOverdue(snapshot.context, oct(13, "09:01"))).toBe(true)
    expect(isOverdue(snapshot.context, oct(13, "09:00"))).toBe(false)
    const paused = run(machine, onlineFiling(oct(6, "08:00")), [
      ...atAppraisal,
      askSupplement(oct(7, "09:00")),
    ]).snapshot
    expect(isOverdue(paused.context, oct(14, "09:00"))).toBe(false)
    expect(stateOf(paused)).toBe("awaitingSupplement")
  })
})

describe("damaged input", () => {
  it("answers a snapshot damaged in storage with InvalidEvent instead of throwing", () => {
    const { snapshot } = run(machine, onlineFiling(oct(6, "08:00")), accepted)
    const damaged = { value: "working", context: { ...snapshot.context, steps: null } } as never
    expect(decide(machine, damaged, ev("counter", oct(6, "10:00"), { type: "completeStep" }))).toMatchObject({
      ok: false,
      reason: { _tag: "InvalidEvent", problems: [{ path: "snapshot" }] },
    })
    expect(decide(machine, { value: "nowhere", context: snapshot.context } as never, accepted[1])).toMatchObject({
      ok: false,
      reason: { _tag: "InvalidEvent" },
    })
  })
})
