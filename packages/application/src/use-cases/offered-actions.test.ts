// The actions a dossier's page offers each principal, along the whole life of one dossier: at every stage each
// principal is offered exactly what the policy and the machine let them do, the walk only ever takes an offered
// action, and a rule that blocks an action (a fee unpaid) is shown with the machine's reason.
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import type { Principal } from "../authorization/principal.ts"
import { DocumentStore } from "../ports/document-store.ts"
import { advance, HOUR, INTAKE, principals as p, pdf, residenceFiling, runTest } from "../test-support/harness.ts"
import { intakeAtCounter } from "./filing.ts"
import * as L from "./lifecycle.ts"
import { confirmPayment } from "./payments.ts"
import { getDossier } from "./queries.ts"
import { sign } from "./signing.ts"

const people = {
  citizen: p.citizen,
  otherCitizen: p.otherCitizen,
  counter: p.counter,
  foreignCounter: p.foreignCounter,
  specialist: p.specialist,
  foreignSpecialist: p.foreignSpecialist,
  leader: p.leader,
  clerk: p.clerk,
  auditor: p.auditor,
} satisfies Record<string, Principal>
type Person = keyof typeof people

/** Each principal's allowed events now ("-" before a blocked one); one who may not read the dossier gets null. */
const offers = (code: string) =>
  Effect.gen(function* () {
    const out: Partial<Record<Person, string[] | null>> = {}
    for (const [name, principal] of Object.entries(people) as [Person, Principal][]) {
      const read = yield* Effect.result(getDossier(principal, code))
      out[name] =
        read._tag === "Failure"
          ? null
          : read.success.actions.map((a) =>
              a.allowed ? `${a.event}${a.methods === undefined ? "" : `(${a.methods.join(",")})`}` : `-${a.event}`,
            )
    }
    return out
  })

const walk = Effect.gen(function* () {
  const stages: Array<{ stage: string; offers: Partial<Record<Person, string[] | null>> }> = []
  const at = function* (stage: string, code: string) {
    stages.push({ stage, offers: yield* offers(code) })
  }
  // taken in at the counter as brought (online, a missing mandatory paper is refused at filing)
  const filed = yield* intakeAtCounter(
    p.counter,
    { ...residenceFiling({ documents: [{ id: "ct01" }] }), intakePointId: INTAKE },
    "k1",
  )
  const code = filed.code
  yield* at("filed, a mandatory paper missing", code)
  yield* advance(HOUR)
  yield* L.requestSupplementation(p.counter, code, {
    missing: [{ documentId: "cho-o-hop-phap", description: "Giấy tờ chứng minh chỗ ở" }],
    applicantDeadline: "2025-10-20T10:00:00.000+07:00",
  })
  yield* at("awaiting the supplement asked at intake", code)
  yield* advance(HOUR)
  yield* L.receiveSupplement(p.citizen, code, { documents: [{ id: "cho-o-hop-phap" }] })
  yield* at("filed again, complete", code)
  yield* L.accept(p.counter, code, {})
  yield* at("accepted", code)
  yield* advance(HOUR)
  yield* L.completeStep(p.counter, code, {})
  yield* at("at the specialist", code)
  yield* L.completeStep(p.specialist, code, {})
  yield* at("at the leader", code)
  yield* L.approve(p.leader, code, {})
  yield* at("approved", code)
  const result = yield* (yield* DocumentStore).put(pdf("kết quả"), "application/pdf")
  yield* sign(p.leader, code, { documentId: result.id })
  yield* L.completeStep(p.leader, code, {})
  yield* at("at the clerk", code)
  yield* L.completeStep(p.clerk, code, {})
  yield* at("at the return step, fee unpaid", code)
  const blocked = (yield* getDossier(p.counter, code)).actions.find((a) => a.event === "resultReady")
  yield* confirmPayment(p.counter, code, { paymentId: "cash-1", amount: 20_000 }, "pay-1")
  yield* at("at the return step, paid", code)
  yield* L.markResultReady(p.counter, code, {})
  yield* at("processed", code)
  yield* L.returnResult(p.counter, code, { method: "counter" })
  yield* at("returned", code)
  return { stages, blocked }
})

describe("the actions a dossier's page offers, stage by stage (1.004222, ward of Hồng Gai)", async () => {
  const r = await runTest(walk)
  const stage = (name: string) => r.stages.find((s) => s.stage === name)?.offers

  it("at intake: the counter officer may ask for the missing paper or refuse, not accept; the citizen may withdraw", () => {
    expect(stage("filed, a mandatory paper missing")).toEqual({
      citizen: ["withdraw"],
      otherCitizen: null,
      counter: ["-accept", "refuse", "requestSupplementation", "withdraw", "paymentConfirmed"],
      foreignCounter: null,
      specialist: [],
      foreignSpecialist: null,
      leader: [],
      clerk: [],
      auditor: [],
    })
  })

  it("waiting for the supplement: the citizen or the counter officer hands it in", () => {
    const offers = stage("awaiting the supplement asked at intake")
    expect(offers?.citizen).toEqual(["supplementReceived", "withdraw"])
    expect(offers?.counter).toEqual(["supplementReceived", "withdraw", "paymentConfirmed"])
    expect(offers?.specialist).toEqual([])
  })

  it("complete at intake: the counter officer may accept", () => {
    expect(stage("filed again, complete")?.counter).toEqual([
      "accept",
      "refuse",
      "requestSupplementation",
      "withdraw",
      "paymentConfirmed",
    ])
  })

  it("during processing only the step's holder may hand it on; leaders decide and sign at their step", () => {
    expect(stage("accepted")?.counter).toEqual([
      "completeStep",
      "requestSupplementation",
      "requestFinancialObligation",
      "-resultReady",
      "stop",
      "withdraw",
      "paymentConfirmed",
    ])
    expect(stage("accepted")?.specialist).toEqual(["extendWithApology"])
    expect(stage("accepted")?.citizen).toEqual(["withdraw"])
    expect(stage("at the specialist")?.specialist).toEqual([
      "completeStep",
      "requestSupplementation",
      "requestFinancialObligation",
      "-resultReady",
      "stop",
      "extendWithApology",
    ])
    expect(stage("at the specialist")?.counter).toEqual(["withdraw", "paymentConfirmed"])
    expect(stage("at the leader")?.leader).toEqual([
      "completeStep",
      "approve",
      "reject",
      "-sign",
      "requestSupplementation",
      "requestFinancialObligation",
      "-resultReady",
      "stop",
      "extendWithApology",
    ])
    // decided: approve and reject are done with, not offered again; the signature is now possible
    expect(stage("approved")?.leader).toEqual([
      "completeStep",
      "sign",
      "requestSupplementation",
      "requestFinancialObligation",
      "-resultReady",
      "stop",
      "extendWithApology",
    ])
    expect(stage("at the clerk")?.clerk).toEqual(["completeStep", "-resultReady"])
    // signed: the leader no longer holds it, but may replace the signed result by a corrected one
    expect(stage("at the clerk")?.leader).toEqual(["replaceResult", "extendWithApology"])
  })

  it("a rule that blocks an action is shown with the machine's reason (the fee before the result)", () => {
    expect(r.blocked).toMatchObject({ allowed: false, refusal: "FeesUnpaid" })
    expect(r.blocked?.reason).toContain("Chưa nộp đủ phí, lệ phí")
    // once paid, the result may be declared ready, and a payment is no longer asked for
    expect(stage("at the return step, paid")?.counter).toEqual([
      "requestSupplementation",
      "requestFinancialObligation",
      "resultReady",
      "stop",
      "withdraw",
    ])
  })

  it("processed: the counter officer returns at the counter or by e-wallet; returned: only corrections", () => {
    expect(stage("processed")?.counter).toEqual(["returnResult(counter,e-wallet)"])
    // a leader of the authority may also replace the signed result by a corrected one, before or after the return
    expect(stage("processed")?.leader).toEqual(["replaceResult"])
    expect(stage("returned")?.leader).toEqual(["correct", "replaceResult"])
    expect(stage("returned")?.counter).toEqual(["correct"])
    expect(stage("returned")?.specialist).toEqual(["correct"])
    expect(stage("returned")?.citizen).toEqual([])
  })
})
