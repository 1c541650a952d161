import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { getShortestPaths } from "xstate/graph"
import { sampleProcedure } from "../../test/sample-procedure.ts"
import { decide, open } from "./decide.ts"
import { ev, expectOk, machineFor, oct, onlineFiling, roundTrip, run } from "./fixtures.test-support.ts"
import {
  ApologySlip,
  apologySlip,
  buildForm,
  ProcessControlSlip,
  processControlSlip,
  ReceiptSlip,
  RefusalSlip,
  receiptSlip,
  refusalSlip,
  StopNotice,
  SupplementationRequestSlip,
  stopNotice,
  supplementationRequestSlip,
  TrackingLog,
  trackingLog,
  trackingLogEntry,
} from "./forms.ts"
import { candidateEvents, graphProcedure, serializeDossier } from "./graph.test-support.ts"
import { vietnamDateTime } from "./time.ts"

const procedure = sampleProcedure()
const machine = machineFor()
const atAppraisal = [
  ev("system", oct(6, "08:05"), { type: "paymentConfirmed", paymentId: "pay-1", amount: 10000 }),
  ev("counter", oct(6, "09:00"), { type: "accept" }),
  ev("counter", oct(6, "10:00"), { type: "completeStep", assigneeId: "cv-01" }),
]
const ask = (at: string) =>
  ev("specialist", at, {
    type: "requestSupplementation",
    missing: [
      { documentId: "proof-of-residence", description: "Hợp đồng thuê nhà phải được công chứng" },
      { description: "Ảnh chân dung" },
    ],
    applicantDeadline: oct(17, "17:00"),
  })
const decodes = <S extends Schema.Top>(schema: S, value: unknown) =>
  Schema.decodeUnknownExit(schema as never)(value)._tag === "Success"

describe("forms built from the dossier", () => {
  const processed = run(machine, onlineFiling(oct(6, "08:00")), [
    ...atAppraisal,
    ask(oct(7, "10:00")),
    ev("citizen", oct(9, "10:00"), { type: "supplementReceived", documents: [{ id: "proof-of-residence" }] }),
    ev("specialist", oct(10, "09:00"), { type: "completeStep" }),
    ev("leader", oct(10, "14:00"), { type: "approve" }),
    ev("leader", oct(10, "14:30"), { type: "sign", signatureId: "sig" }),
    ev("leader", oct(10, "15:00"), { type: "completeStep" }),
  ]).snapshot

  it("receipt and appointment slip: documents with their flags, the appointment first promised", () => {
    const slip = Result.getOrThrow(receiptSlip(roundTrip(processed), procedure))
    expect(decodes(ReceiptSlip, slip)).toBe(true)
    expect(decodes(ReceiptSlip, { ...slip, title: "GIẤY BIÊN NHẬN" })).toBe(false)
    expect(slip.title).toBe("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
    expect(slip.documents).toEqual([
      {
        name: "Tờ khai thay đổi thông tin cư trú (CT01)",
        originals: 1,
        copies: 0,
        fromEWallet: false,
        digitised: true,
      },
      { name: "Giấy tờ chứng minh chỗ ở hợp pháp", originals: 0, copies: 1, fromEWallet: true, digitised: false },
    ])
    expect(slip.appointment).toBe(oct(13, "09:00"))
    expect(vietnamDateTime(slip.appointment)).toBe("13/10/2025 09:00")
    expect(slip.receivedBy).toEqual({ id: "cb-tn-01", role: "Công chức Bộ phận Một cửa" })
    expect(slip.channel).toBe("Trực tuyến")
  })

  it("supplementation request: the items with document names, the deadline", () => {
    const slip = Result.getOrThrow(supplementationRequestSlip(processed, procedure))
    expect(decodes(SupplementationRequestSlip, slip)).toBe(true)
    expect(slip.items).toEqual([
      { document: "Giấy tờ chứng minh chỗ ở hợp pháp", description: "Hợp đồng thuê nhà phải được công chứng" },
      { description: "Ảnh chân dung" },
    ])
    expect(slip.sequence).toBe(1)
    expect(slip.countsAsLate).toBe(false)
    expect(slip.applicantDeadline).toBe(oct(17, "17:00"))
  })

  it("a second request's slip says it counts as late", () => {
    const twice = run(machine, onlineFiling(oct(6, "08:00")), [
      ...atAppraisal,
      ask(oct(7, "10:00")),
      ev("citizen", oct(7, "15:00"), { type: "supplementReceived", documents: [] }),
      ask(oct(8, "10:00")),
    ]).snapshot
    const slip = Result.getOrThrow(supplementationRequestSlip(twice, procedure))
    expect([slip.sequence, slip.countsAsLate]).toEqual([2, true])
    expect(Result.getOrThrow(supplementationRequestSlip(twice, procedure, 0)).countsAsLate).toBe(false)
  })

  it("process-control slip: who held the dossier at each step, when, and how it went", () => {
    const slip = Result.getOrThrow(processControlSlip(processed, procedure))
    expect(decodes(ProcessControlSlip, slip)).toBe(true)
    expect(
      slip.rows.map((r) => [
        r.order,
        r.stepName,
        r.handedBy.id,
        r.holder?.id,
        r.receivedAt,
        r.endedAt,
        r.timelinessLabel,
      ]),
    ).toEqual([
      [1, "Tiếp nhận hồ sơ", "cb-tn-01", "cb-tn-01", oct(6, "09:00"), oct(6, "10:00"), "Đúng hạn"],
      [2, "Thẩm định hồ sơ", "cb-tn-01", "cv-01", oct(6, "10:00"), oct(10, "09:00"), "Trước hạn"],
      [3, "Phê duyệt", "cv-01", "ld-01", oct(10, "09:00"), oct(10, "15:00"), "Trước hạn"],
      [4, "Trả kết quả", "ld-01", undefined, oct(10, "15:00"), undefined, "Đang giải quyết"],
    ])
    expect(slip.appointment).toBe(oct(15, "09:00"))
    expect(slip.dossierTimelinessLabel).toBe("Đang giải quyết")
  })

  it("refusal slip, stop notice and apology slip, each only when it applies", () => {
    const refused = run(machine, onlineFiling(oct(6, "08:00")), [
      ev("counter", oct(6, "09:00"), { type: "refuse", reasons: ["Không thuộc thẩm quyền"] }),
    ]).snapshot
    const refusal = Result.getOrThrow(refusalSlip(refused, procedure))
    expect(decodes(RefusalSlip, refusal)).toBe(true)
    expect(refusal.reasons).toEqual(["Không thuộc thẩm quyền"])

    const stopped = run(machine, onlineFiling(oct(6, "08:00")), [
      ...atAppraisal,
      ev("specialist", oct(7, "09:00"), { type: "stop", reasons: ["Theo đề nghị của cơ quan điều tra"] }),
    ]).snapshot
    const notice = Result.getOrThrow(stopNotice(stopped, procedure))
    expect(decodes(StopNotice, notice)).toBe(true)
    expect([notice.stoppedAt, notice.stoppedBy.id, notice.reasons]).toEqual([
      oct(7, "09:00"),
      "cv-01",
      ["Theo đề nghị của cơ quan điều tra"],
    ])

    const extended = run(machine, onlineFiling(oct(6, "08:00")), [
      ...atAppraisal,
      ev("leader", oct(8, "09:00"), {
        type: "extendWithApology",
        newAppointment: oct(20, "09:00"),
        reason: "Chờ xác minh",
      }),
    ]).snapshot
    const apology = Result.getOrThrow(apologySlip(extended, procedure))
    expect(decodes(ApologySlip, apology)).toBe(true)
    expect([apology.previousAppointment, apology.newAppointment, apology.reason]).toEqual([
      oct(13, "09:00"),
      oct(20, "09:00"),
      "Chờ xác minh",
    ])

    const notApplicable = refusalSlip(stopped, procedure)
    expect(Result.isFailure(notApplicable) && notApplicable.failure).toMatchObject({
      _tag: "FormNotApplicable",
      form: "refusal",
      state: "stopped",
    })
    expect(Result.isFailure(receiptSlip(refused, procedure))).toBe(true)
    expect(Result.isFailure(apologySlip(stopped, procedure))).toBe(true)
  })

  it("tracking log: one row per dossier, in the order received, with notes", () => {
    const late = run(machine, onlineFiling(oct(6, "07:00"), { dossierCode: "000.22.06.H49-251006-0002" }), [
      ev("system", oct(6, "07:05"), { type: "paymentConfirmed", paymentId: "pay-1", amount: 10000 }),
      ev("counter", oct(6, "09:00"), { type: "accept" }),
      ev("counter", oct(6, "10:00"), { type: "completeStep" }),
      ev("leader", oct(8, "09:00"), {
        type: "extendWithApology",
        newAppointment: oct(20, "09:00"),
        reason: "Chờ xác minh",
      }),
    ]).snapshot
    const log = trackingLog([trackingLogEntry(processed, procedure), trackingLogEntry(late, procedure)])
    expect(decodes(TrackingLog, log)).toBe(true)
    expect(log.entries.map((e) => [e.dossierCode, e.statusLabel, e.timeliness, e.transferredAt, e.notes])).toEqual([
      ["000.22.06.H49-251006-0002", "Đang xử lý", "late", oct(6, "10:00"), ["Gia hạn, có phiếu xin lỗi"]],
      ["000.22.06.H49-251006-0001", "Đang xử lý", "pending", oct(6, "10:00"), []],
    ])
  })
})

describe("every form a transition names can be built from the dossier after it", () => {
  it("holds over every path of the sample graph", () => {
    const graph = graphProcedure()
    const m = machineFor({ procedure: graph })
    const filed = expectOk(open(m, onlineFiling(oct(6, "08:00")))).snapshot
    const paths = getShortestPaths(m, {
      fromState: filed,
      events: (s) => candidateEvents(s.context, graph.process),
      serializeState: serializeDossier,
    })
    let built = 0
    for (const path of paths) {
      for (const event of candidateEvents(path.state.context, graph.process)) {
        const decision = decide(m, path.state, event)
        if (!decision.ok) continue
        for (const action of decision.actions) {
          if (action.type !== "notifyApplicant" || action.params.form === undefined) continue
          const form = buildForm(action.params.form, decision.snapshot, graph)
          expect(Result.isSuccess(form)).toBe(true)
          built++
        }
      }
    }
    expect(built).toBeGreaterThan(100)
  })
})
