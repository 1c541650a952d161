import { isAcceptedStatusSequence, statusSequence } from "@motcua/domain"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { ActionRefused } from "../errors.ts"
import { AuditLog } from "../ports/audit-log.ts"
import { CallLog } from "../ports/call-log.ts"
import { DocumentStore } from "../ports/document-store.ts"
import { DossierStore } from "../ports/dossier-store.ts"
import { MemoryDatabase } from "../ports/memory.ts"
import { relayOnce, standardHandlers } from "../relay/relay.ts"
import {
  AGENCY,
  advance,
  DAY,
  HOUR,
  principals as p,
  paidCallback,
  pdf,
  residenceFiling,
  runTest,
} from "../test-support/harness.ts"
import { fileOnline } from "./filing.ts"
import * as L from "./lifecycle.ts"
import { confirmPaymentCallback } from "./payments.ts"
import { getDossier, publicLookup, workQueue } from "./queries.ts"
import { sign } from "./signing.ts"

/** The whole life of one dossier, online filing to return, against the in-memory ports and the Quảng Ninh data. */
const walk = Effect.gen(function* () {
  const steps: Array<{ what: string; status: number; version: number }> = []
  const note = (what: string, view: { summary: { statusCode: number }; version: number }) =>
    steps.push({ what, status: view.summary.statusCode, version: view.version })

  const filed = yield* fileOnline(p.citizen, residenceFiling(), "filing-key-1")
  const code = filed.code
  note("file", filed)
  const queueAtIntake = yield* workQueue(p.counter, { role: "counter-officer" })

  yield* advance(30 * 60_000)
  note("accept", yield* L.accept(p.counter, code, { expectedVersion: filed.version }))
  yield* advance(HOUR)
  note("completeStep", yield* L.completeStep(p.counter, code, { assigneeId: p.specialist.id }))
  const specialistQueue = yield* workQueue(p.specialist, { role: "specialist" })

  yield* advance(DAY)
  note(
    "requestSupplementation",
    yield* L.requestSupplementation(p.specialist, code, {
      missing: [{ documentId: "cho-o-hop-phap", description: "Hợp đồng thuê nhà chưa công chứng" }],
      applicantDeadline: "2025-10-17T10:00:00.000Z",
    }),
  )
  yield* advance(DAY)
  note("receiveSupplement", yield* L.receiveSupplement(p.citizen, code, { documents: [{ id: "cho-o-hop-phap" }] }))
  yield* advance(2 * HOUR)
  note("completeStep", yield* L.completeStep(p.specialist, code, {}))
  yield* advance(HOUR)
  note("approve", yield* L.approve(p.leader, code, { note: "Đồng ý" }))
  const documents = yield* DocumentStore
  const result = yield* documents.put(pdf("Thông báo kết quả đăng ký thường trú"), "application/pdf")
  yield* advance(10 * 60_000)
  note("sign", yield* sign(p.leader, code, { documentId: result.id }))
  yield* advance(10 * 60_000)
  note("completeStep", yield* L.completeStep(p.leader, code, {}))
  yield* advance(HOUR)
  note("paymentConfirmed", yield* confirmPaymentCallback(p.gateway, paidCallback(code)))
  yield* advance(HOUR)
  note("completeStep", yield* L.completeStep(p.clerk, code, {}))
  yield* advance(HOUR)
  note("resultReady", yield* L.markResultReady(p.counter, code, { resultDocumentIds: [result.id] }))
  yield* advance(HOUR)
  note("returnResult", yield* L.returnResult(p.counter, code, { method: "counter" }))

  const lookup = yield* publicLookup(code)
  const dossier = yield* getDossier(p.citizen, code)
  const audit = yield* (yield* AuditLog).read({ dossierCode: code, limit: 100 })
  const chain = yield* (yield* AuditLog).verifyChain()
  const db = yield* MemoryDatabase
  const outbox = [...db.state.outbox.values()]
  const store = yield* DossierStore
  const record = yield* store.get(code)
  return {
    code,
    steps,
    queueAtIntake,
    specialistQueue,
    lookup,
    dossier,
    audit,
    chain,
    outbox,
    record,
    resultId: result.id,
  }
})

describe("a dossier from online filing to return (1.004222, ward of Hồng Gai)", async () => {
  const r = await runTest(walk)

  it("gets a code from the competent authority's daily sequence", () => {
    expect(r.code).toBe(`${AGENCY}-251006-0001`)
  })

  it("goes through statuses 1, 2, 4, 5, 4, 9, 10, one version per accepted action", () => {
    expect(r.steps.map((s) => s.status)).toEqual([1, 2, 4, 5, 4, 4, 4, 4, 4, 4, 4, 9, 10])
    expect(r.steps.map((s) => s.version)).toEqual(r.steps.map((_, i) => i + 1))
    const sequence = statusSequence(r.dossier.context)
    expect(sequence).toEqual([1, 2, 4, 5, 4, 9, 10])
    expect(isAcceptedStatusSequence(sequence)).toBe(true)
  })

  it("ends with public lookup status 10, showing nothing personal", () => {
    expect(r.lookup.statusCode).toBe(10)
    expect(r.lookup.statusLabel).toBe("Đã trả kết quả")
    expect(r.lookup.procedureCode).toBe("1.004222")
    const text = JSON.stringify(r.lookup)
    for (const personal of [
      "022090001234",
      "Nguyễn Văn An",
      "0912345678",
      "Tổ 5",
      "cb-hg-01",
      "cv-hg-01",
      "ld-hg-01",
    ]) {
      expect(text).not.toContain(personal)
    }
  })

  it("records the signature, the payment and the result documents", () => {
    const context = r.dossier.context
    expect(context.signature?.signatureId).toMatch(/^sig-[0-9a-f]{16}$/)
    expect(context.payments.map((x) => [x.paymentId, x.amount])).toEqual([["napas-0001", 10000]])
    expect(context.resultDocumentIds).toEqual([r.resultId])
    // the uploaded result and the signed file made from it (a verification page added, then signed)
    const signedId = context.signature?.document?.documentId
    expect(signedId).toEqual(expect.any(String))
    expect(r.record.documentIds).toEqual([r.resultId, signedId])
    expect(context.signature?.document?.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(context.signature?.document?.verificationId).toMatch(/^[A-HJ-NP-Z2-9]{16}$/)
  })

  it("the audit entry of the signature records the signed file's SHA-256 and verification id", () => {
    const entry = r.audit.find((e) => e.action === "dossier.sign")
    const document = r.dossier.context.signature?.document
    expect(JSON.stringify(entry)).toContain(document?.sha256)
    expect(JSON.stringify(entry)).toContain(document?.verificationId)
  })

  it("writes exactly one audit entry per transition, in order, on an intact chain", () => {
    expect(r.audit.map((e) => e.action)).toEqual([
      "dossier.file",
      "dossier.accept",
      "dossier.completeStep",
      "dossier.requestSupplementation",
      "dossier.supplementReceived",
      "dossier.completeStep",
      "dossier.approve",
      "dossier.sign",
      "dossier.completeStep",
      "dossier.paymentConfirmed",
      "dossier.completeStep",
      "dossier.resultReady",
      "dossier.returnResult",
    ])
    expect(r.audit.map((e) => e.actor)).toEqual([
      p.citizen.id,
      p.counter.id,
      p.counter.id,
      p.specialist.id,
      p.citizen.id,
      p.specialist.id,
      p.leader.id,
      p.leader.id,
      p.leader.id,
      p.gateway.id,
      p.clerk.id,
      p.counter.id,
      p.counter.id,
    ])
    expect(r.chain).toMatchObject({ _tag: "Intact", entries: r.audit.length })
  })

  it("queues the dossier for the counter while filed and for the specialist once handed over", () => {
    expect(r.queueAtIntake.map((q) => q.code)).toEqual([r.code])
    expect(r.specialistQueue.map((q) => [q.code, q.summary.currentRole])).toEqual([[r.code, "specialist"]])
  })

  it("writes the outbox rows the machine named: portal record and progress, notices, deadline checks", () => {
    type Payload = { kind?: string; about?: string; record?: { status: number } }
    const rows = r.outbox.map((row) => ({ topic: row.topic, ...(row.payload as Payload) }))
    // the national record is pushed at every status change and when the payment is recorded
    expect(rows.filter((x) => x.topic === "portal.sync" && x.kind === "record").map((x) => x.record?.status)).toEqual([
      1, 2, 4, 5, 4, 4, 9, 10,
    ])
    // a progress update for every transition but the payment (which changes the record only)
    expect(rows.filter((x) => x.topic === "portal.sync" && x.kind === "progress")).toHaveLength(r.audit.length - 1)
    expect(rows.filter((x) => x.topic === "notify.applicant").map((x) => x.about)).toEqual([
      "filed",
      "receipt",
      "supplementation-request",
      "result-ready",
      "result-returned",
    ])
    // the catalogue's fee, requested once at filing (one debt: the later callback pays it, nothing asks again)
    expect(rows.filter((x) => x.topic === "payment.request").map((x) => (x as { amount?: number }).amount)).toEqual([
      10_000,
    ])
    expect(r.outbox.every((row) => row.dossierCode === r.code)).toBe(true)
    const supplementationCheck = r.outbox.find(
      (row) => row.topic === "deadline.check" && (row.payload as { kind?: string }).kind === "supplementation",
    )
    expect(supplementationCheck?.availableAt).toBe("2025-10-17T10:00:00.000Z")
  })
})

describe("the relay", () => {
  it("delivers each due row exactly once, retries a failed delivery, and leaves future deadline checks", async () => {
    const outcome = await runTest(
      Effect.gen(function* () {
        const calls = yield* CallLog
        const filed = yield* fileOnline(p.citizen, residenceFiling(), "k1")
        yield* advance(HOUR)
        yield* L.accept(p.counter, filed.code, {})
        calls.failNext("Notifier", 1)
        const handlers = yield* standardHandlers
        const first = yield* relayOnce(handlers)
        // a dossier's portal pushes go one per pass, in order: pass until nothing is due
        const drain = Effect.gen(function* () {
          const delivered: number[] = []
          for (;;) {
            const pass = yield* relayOnce(handlers)
            if (pass.claimed === 0) return delivered
            delivered.push(...pass.delivered)
          }
        })
        yield* drain
        const second = yield* relayOnce(handlers)
        yield* advance(HOUR) // past the retry time of the failed notice
        const third = { delivered: yield* drain }
        const fourth = yield* relayOnce(handlers)
        const db = yield* MemoryDatabase
        return { first, second, third, fourth, calls: calls.calls, rows: [...db.state.outbox.values()] }
      }),
    )
    expect(outcome.first.failed).toHaveLength(1)
    expect(outcome.first.failed[0]?.topic).toBe("notify.applicant")
    expect(outcome.second.claimed).toBe(0)
    expect(outcome.third.delivered).toEqual([outcome.first.failed[0]?.id])
    expect(outcome.fourth.claimed).toBe(0)
    const due = outcome.rows.filter((row) => row.topic !== "deadline.check")
    expect(due.every((row) => row.status === "done")).toBe(true)
    // every row went out once: one push or notice per row id, the failed one sent again only after its failure
    const pushes = outcome.calls
      .filter((c) => c.port === "PortalSync")
      .map((c) => (c.input as { pushId: string }).pushId)
    expect(new Set(pushes).size).toBe(pushes.length)
    expect(pushes.length).toBe(due.filter((row) => row.topic === "portal.sync").length)
    const notices = outcome.calls.filter((c) => c.port === "Notifier")
    expect(notices.length).toBe(due.filter((row) => row.topic === "notify.applicant").length + 1)
    // deadline checks wait for their due time
    const checks = outcome.rows.filter((row) => row.topic === "deadline.check")
    expect(checks.length).toBeGreaterThan(0)
    expect(checks.every((row) => row.status === "pending" && row.attempts === 0)).toBe(true)
  })

  it("stops a dossier whose supplementation deadline passed, once", async () => {
    const outcome = await runTest(
      Effect.gen(function* () {
        const filed = yield* fileOnline(p.citizen, residenceFiling(), "k1")
        yield* advance(HOUR)
        yield* L.accept(p.counter, filed.code, {})
        yield* L.completeStep(p.counter, filed.code, {})
        yield* advance(HOUR)
        yield* L.requestSupplementation(p.specialist, filed.code, {
          missing: [{ description: "Bản sao giấy khai sinh" }],
          applicantDeadline: "2025-10-08T10:00:00.000Z",
        })
        const handlers = yield* standardHandlers
        yield* relayOnce(handlers)
        const before = (yield* getDossier(p.citizen, filed.code)).summary.statusCode
        yield* advance(3 * DAY)
        const report = yield* relayOnce(handlers)
        const after = yield* getDossier(p.citizen, filed.code)
        return { before, report, after }
      }),
    )
    expect(outcome.before).toBe(5)
    expect(outcome.report.failed).toEqual([])
    expect(outcome.after.summary.statusCode).toBe(8)
    expect(outcome.after.context.stop?.by.role).toBe("system")
  })
})

describe("refusals by the machine", () => {
  it("are ActionRefused with the machine's reason, and write nothing", async () => {
    const outcome = await runTest(
      Effect.gen(function* () {
        const filed = yield* fileOnline(p.citizen, residenceFiling(), "k1")
        const refused = yield* Effect.flip(L.approve(p.leader, filed.code, {}))
        const record = yield* (yield* DossierStore).get(filed.code)
        return { refused, version: record.version }
      }),
    )
    expect(outcome.refused).toBeInstanceOf(ActionRefused)
    expect(outcome.refused._tag).toBe("ActionRefused")
    if (outcome.refused._tag === "ActionRefused") expect(outcome.refused.reason._tag).toBe("NotAllowedInState")
    expect(outcome.version).toBe(1)
  })
})
