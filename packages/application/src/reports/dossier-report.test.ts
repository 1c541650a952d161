// The leaders' report over the use cases: what one authority's leader sees counts only that authority's dossiers,
// each unit, field and month with received / resolved / on time; a leader elsewhere sees none of them; a citizen
// gets no report. And the dossiers an intake point took in are listed for its own staff only.
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import type { Principal } from "../authorization/principal.ts"
import { Forbidden } from "../errors.ts"
import { DocumentStore } from "../ports/document-store.ts"
import { advance, HOUR, INTAKE, principals as p, pdf, residenceFiling, runTest } from "../test-support/harness.ts"
import { fileOnline, intakeAtCounter } from "../use-cases/filing.ts"
import { dossierForms } from "../use-cases/forms.ts"
import * as L from "../use-cases/lifecycle.ts"
import { confirmPayment } from "../use-cases/payments.ts"
import { intakePointDossiers } from "../use-cases/queries.ts"
import { sign } from "../use-cases/signing.ts"
import { dossierReport } from "./dossier-report.ts"

const foreignLeader: Principal = {
  id: "ld-hh-01",
  roles: ["authority-leader"],
  scope: { _tag: "Staff", level: "commune", agencyCodes: ["000.11.51.H49"], unitCodes: [], intakePointIds: [] },
}

const scenario = Effect.gen(function* () {
  // one returned on time, one still in work, one refused at intake (not counted)
  const a = yield* fileOnline(p.citizen, residenceFiling(), "a")
  const b = yield* fileOnline(p.citizen, residenceFiling(), "b")
  const c = yield* intakeAtCounter(p.counter, { ...residenceFiling(), intakePointId: INTAKE }, "c")
  yield* advance(HOUR)
  yield* L.accept(p.counter, a.code, {})
  yield* L.accept(p.counter, b.code, {})
  yield* L.refuse(p.counter, c.code, { reasons: ["Không thuộc thẩm quyền"] })
  yield* L.completeStep(p.counter, a.code, {})
  yield* L.completeStep(p.specialist, a.code, {})
  yield* L.approve(p.leader, a.code, {})
  const result = yield* (yield* DocumentStore).put(pdf("kết quả"), "application/pdf")
  yield* sign(p.leader, a.code, { documentId: result.id })
  yield* L.completeStep(p.leader, a.code, {})
  yield* L.completeStep(p.clerk, a.code, {})
  yield* confirmPayment(p.counter, a.code, { paymentId: "cash-1", amount: 10_000 }, "pay")
  yield* L.markResultReady(p.counter, a.code, {})
  yield* L.returnResult(p.counter, a.code, { method: "counter" })
  return {
    leader: yield* dossierReport(p.leader, {}),
    leaderResidence: yield* dossierReport(p.leader, { fieldCode: "residence" }),
    leaderCivilStatus: yield* dossierReport(p.leader, { fieldCode: "civil-status" }),
    foreign: yield* dossierReport(foreignLeader, {}),
    citizen: yield* Effect.flip(dossierReport(p.citizen, {})),
    counterList: yield* intakePointDossiers(p.counter, INTAKE),
    foreignList: yield* Effect.flip(intakePointDossiers(p.foreignCounter, INTAKE)),
    codes: [a.code, b.code, c.code],
    formsReturned: yield* dossierForms(p.citizen, a.code),
    formsRefused: yield* dossierForms(p.counter, c.code),
    formsForeign: yield* Effect.flip(dossierForms(p.foreignCounter, a.code)),
  }
})

describe("the leaders' report and an intake point's dossiers", async () => {
  const r = await runTest(scenario)

  it("counts the authority's dossiers per unit, field and month: received, resolved, on time", () => {
    expect(r.leader.total).toBe(3)
    expect(r.leader.byUnit).toEqual([
      expect.objectContaining({ key: "06685", received: 3, resolved: 1, pending: 1, notCounted: 1, onTimeRate: 1 }),
    ])
    expect(r.leader.byField).toHaveLength(1)
    expect(r.leader.byField[0]).toMatchObject({ received: 3, resolved: 1 })
    expect(r.leader.byMonth).toEqual([expect.objectContaining({ month: "2025-10", received: 3, resolved: 1 })])
    expect(r.leader.byStatus.map((s) => [s.key, s.count])).toEqual([
      ["2", 1],
      ["3", 1],
      ["10", 1],
    ])
  })

  it("filters by field", () => {
    expect(r.leader.byField.map((f) => [f.key, f.label])).toEqual([["residence", "Cư trú"]])
    expect(r.leaderResidence.total).toBe(3)
    expect(r.leaderCivilStatus.total).toBe(0)
  })

  it("shows a leader elsewhere none of them, and gives a citizen no report", () => {
    expect(r.foreign.total).toBe(0)
    expect(r.citizen).toBeInstanceOf(Forbidden)
  })

  it("answers the standard forms that apply, with the lines as the forms print them", () => {
    expect(r.formsReturned.map((f) => f.form)).toEqual(["receipt", "process-control", "tracking-log-entry"])
    const receipt = r.formsReturned[0]
    expect(receipt?.title).toBe("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
    expect(receipt?.lines).toContainEqual({ label: "Mã hồ sơ", value: r.codes[0] })
    expect(receipt?.lines).toContainEqual({
      label: "Người nộp hồ sơ — Họ và tên / Tên tổ chức",
      value: "Nguyễn Văn An",
    })
    const control = r.formsReturned[1]
    expect(control?.lines).toContainEqual({
      label: "Quá trình giải quyết 1 — Bước xử lý",
      value: "Tiếp nhận, kiểm tra, số hóa hồ sơ, chuyển xử lý",
    })
    expect(control?.lines).toContainEqual({ label: "Thời điểm tiếp nhận", value: "06/10/2025 09:00" })
    expect(r.formsRefused.map((f) => f.form)).toEqual(["refusal", "tracking-log-entry"])
    expect(r.formsForeign).toBeInstanceOf(Forbidden)
  })

  it("lists the dossier taken in at the counter for that intake point's staff only", () => {
    expect(r.counterList.map((d) => d.code)).toEqual([r.codes[2]])
    expect(r.foreignList).toBeInstanceOf(Forbidden)
  })
})

// The report reads the listing a page (1,000) at a time and keeps counts, not dossiers: over more than one page every
// dossier is counted once, and the leader elsewhere still sees none.
describe("the leaders' report over more than one page of dossiers", async () => {
  const FILED = 1_003
  const r = await runTest(
    Effect.gen(function* () {
      for (let i = 0; i < FILED; i++) yield* fileOnline(p.citizen, residenceFiling(), `page-${i}`)
      return { leader: yield* dossierReport(p.leader, {}), foreign: yield* dossierReport(foreignLeader, {}) }
    }),
  )

  it("counts every dossier once, in one month, none ended", () => {
    expect(r.leader.total).toBe(FILED)
    expect(r.leader.byStatus.reduce((sum, s) => sum + s.count, 0)).toBe(FILED)
    expect(r.leader.byMonth.map((m) => m.received)).toEqual([FILED])
    expect(r.leader.timeliness.pending).toBe(FILED)
    expect(r.leader.byUnit.reduce((sum, u) => sum + u.received, 0)).toBe(FILED)
    expect(r.foreign.total).toBe(0)
  })
})
