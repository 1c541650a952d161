import { describe, expect, it } from "vitest"
import type { PaymentConfirmation, PaymentMessage, PaymentRequestRecord, RefundRecord } from "./ledger.ts"
import { reconcile } from "./reconcile.ts"
import { refundReferenceFrom } from "./reference.ts"
import { payoutRefusal } from "./refunds.ts"
import type { StatementLine } from "./statement.ts"

const CENTRE = "ttphcc-06685"
const ACCOUNT = "113366668888"
const AT = "2025-10-08T10:00:00+07:00"

const request = (id: string, over: Partial<PaymentRequestRecord> = {}): PaymentRequestRecord => ({
  id,
  reference: `MC-${id}`,
  dossierCode: `D-${id}`,
  centreId: CENTRE,
  channel: "vietqr",
  amount: 10_000,
  items: [],
  status: "paid",
  createdAt: AT,
  expiresAt: AT,
  paymentId: `vietqr:FT-${id}`,
  paidAt: AT,
  ...over,
})
const confirmation = (id: string, over: Partial<PaymentConfirmation> = {}): PaymentConfirmation => ({
  paymentId: `vietqr:FT-${id}`,
  requestId: id,
  dossierCode: `D-${id}`,
  centreId: CENTRE,
  channel: "vietqr",
  amount: 10_000,
  paidAt: AT,
  confirmedAt: AT,
  externalId: `FT-${id}`,
  ...over,
})
const line = (n: number, transactionId: string, amount: number, description = ""): StatementLine => ({
  line: n,
  transactionId,
  bookedAt: AT,
  accountNumber: ACCOUNT,
  amount,
  description,
})
const held = (id: string, key: string, over: Partial<PaymentMessage> = {}): PaymentMessage => ({
  id,
  channel: "vietqr",
  kind: "transfer-notice",
  key,
  receivedAt: AT,
  outcome: "held",
  reason: "overpayment",
  detail: "Nộp thừa",
  centreId: CENTRE,
  amount: 20_000,
  bodyHash: "0",
  excerpt: "",
  ...over,
})
const base = { date: "2025-10-08", centreId: CENTRE, accountNumber: ACCOUNT, refunds: [] as RefundRecord[] }

describe("reconcile", () => {
  it("matches statement credits to confirmations by transaction id; nothing else is a mismatch", () => {
    const report = reconcile({
      ...base,
      requests: [request("1"), request("2")],
      confirmations: [
        confirmation("1"),
        confirmation("2"),
        confirmation("3", { channel: "counter", externalId: undefined }),
      ],
      messages: [],
      statement: [line(2, "FT-1", 10_000), line(3, "FT-2", 10_000), { ...line(4, "FT-X", 99), accountNumber: "OTHER" }],
    })
    expect(report.mismatches).toEqual([])
    expect(report.matched).toBe(2)
    expect(report.totals.confirmed).toEqual({
      vietqr: { count: 2, amount: 20_000 },
      counter: { count: 1, amount: 10_000 },
    })
    expect(report.totals.statementCredits).toBe(20_000)
  })

  it("lists each difference with its reason", () => {
    const refund: RefundRecord = {
      id: "rf1",
      reference: refundReferenceFrom(new Uint8Array([1, 2, 3, 4, 5, 6, 7])),
      centreId: CENTRE,
      amount: 20_000,
      reason: "unmatched",
      status: "approved",
      requestedBy: "a",
      requestedAt: AT,
      note: "",
    }
    const report = reconcile({
      ...base,
      refunds: [refund],
      requests: [],
      confirmations: [confirmation("1"), confirmation("2", { amount: 5_000 })],
      messages: [held("m1", "FT-9"), held("m2", "FT-8", { outcome: "rejected", reason: "bad-signature" })],
      statement: [
        line(2, "FT-2", 10_000),
        line(3, "FT-9", 20_000),
        line(4, "FT-8", 10_000),
        line(5, "FT-7", 10_000),
        line(6, "FT-6", -20_000, `HOAN TRA ${refund.reference}`),
        line(7, "FT-5", -1_000, "PHI"),
      ],
    })
    expect(report.mismatches.map((m) => [m.kind, m.line ?? m.paymentId])).toEqual([
      ["amount-differs", 3 - 1],
      ["credit-not-confirmed", 3],
      ["credit-not-confirmed", 4],
      ["credit-not-confirmed", 5],
      ["debit-unexplained", 7],
      ["confirmed-not-credited", "vietqr:FT-1"],
    ])
    expect(report.mismatches[1]?.reason).toContain("Đang giữ chờ cán bộ")
    expect(report.mismatches[2]?.reason).toContain("bad-signature")
    expect(report.mismatches[3]?.reason).toContain("không nhận được thông báo")
    expect(report.matched).toBe(1) // the refund's debit
    expect(report.pendingRefunds).toEqual([])
  })

  it("is explained when held money was sent back; unresolved held money is a mismatch without a statement", () => {
    const returned = held("m1", "FT-9", {
      resolution: { action: "returned", by: "ld", at: AT, note: "trả lại", refundId: "rf" },
    })
    const withStatement = reconcile({
      ...base,
      requests: [],
      confirmations: [],
      messages: [returned],
      statement: [line(2, "FT-9", 20_000)],
    })
    expect(withStatement.mismatches).toEqual([])
    const without = reconcile({ ...base, requests: [], confirmations: [], messages: [held("m2", "FT-8")] })
    expect(without.mismatches.map((m) => m.kind)).toEqual(["held-unresolved"])
  })

  it("without a statement, requests and confirmations must agree", () => {
    const report = reconcile({
      ...base,
      requests: [request("1"), request("2"), request("3", { status: "pending", paymentId: undefined })],
      confirmations: [confirmation("1"), confirmation("3")],
      messages: [],
    })
    expect(report.mismatches.map((m) => [m.kind, m.dossierCode])).toEqual([
      ["confirmation-without-request", "D-3"],
      ["request-without-confirmation", "D-2"],
    ])
  })

  it("matches a debit to a refund paid out by its recorded bank reference, once; a recorded payout not on the statement is a mismatch", () => {
    const refund = (n: number, over: Partial<RefundRecord> = {}): RefundRecord => ({
      id: `rf${n}`,
      reference: refundReferenceFrom(new Uint8Array([n, 2, 3, 4, 5, 6, 7])),
      centreId: CENTRE,
      dossierCode: `D-${n}`,
      amount: 10_000,
      reason: "refused",
      status: "paid",
      requestedBy: "a",
      requestedAt: AT,
      note: "",
      decidedAt: AT,
      payout: { bankReference: `OUT-${n}`, paidOn: "2025-10-08", amount: 10_000, recordedBy: "kt", recordedAt: AT },
      ...over,
    })
    const paidNoReference = refund(1) // the debit's description does not carry HT…: found by the bank reference
    const paidOtherTransaction = refund(2) // the debit carries its HT…, but the payout names another transaction
    const paidMissing = refund(3) // recorded paid out today, never on the statement
    const paidYesterday = refund(4, {
      payout: { bankReference: "OUT-4", paidOn: "2025-10-07", amount: 10_000, recordedBy: "kt", recordedAt: AT },
    })
    const approved = refund(5, { status: "approved", payout: undefined })
    const report = reconcile({
      ...base,
      refunds: [paidNoReference, paidOtherTransaction, paidMissing, paidYesterday, approved],
      requests: [],
      confirmations: [],
      messages: [],
      statement: [
        line(2, "OUT-1", -10_000, "CHUYEN TRA"),
        line(3, "OUT-1", -10_000, "CHUYEN TRA"),
        line(4, "OUT-X", -10_000, `HOAN TRA ${paidOtherTransaction.reference}`),
      ],
    })
    expect(report.mismatches.map((m) => [m.kind, m.line ?? m.transactionId])).toEqual([
      ["debit-unexplained", 3],
      ["debit-unexplained", 4],
      ["refund-not-debited", "OUT-2"],
      ["refund-not-debited", "OUT-3"],
    ])
    expect(report.mismatches[0]?.reason).toContain("đã khớp với giao dịch khác")
    expect(report.mismatches[1]?.reason).toContain("giao dịch OUT-2")
    expect(report.matched).toBe(1)
    // only the approved refund, whose payout is not recorded, is pending
    expect(report.pendingRefunds).toEqual([{ id: "rf5", reference: approved.reference, amount: 10_000 }])
  })
})

describe("payoutRefusal", () => {
  const approved = { status: "approved" as const, amount: 10_000, decidedAt: AT, reference: "HT1" }
  const now = "2025-10-09T09:00:00+07:00"
  const good = { bankReference: "FT25282001", paidOn: "2025-10-09", amount: 10_000 }
  it("accepts the approved refund's amount, a bank reference, a day between the approval and today", () => {
    expect(payoutRefusal(approved, good, now)).toBeUndefined()
    expect(payoutRefusal(approved, { ...good, paidOn: "2025-10-08" }, now)).toBeUndefined()
  })
  it("refuses, naming the field: not approved, paid already, another amount, no reference, a wrong day", () => {
    const reasons = [
      payoutRefusal({ ...approved, status: "requested" }, good, now),
      payoutRefusal({ ...approved, status: "rejected" }, good, now),
      payoutRefusal({ ...approved, status: "paid" }, good, now),
      payoutRefusal(approved, { ...good, amount: 9_999 }, now),
      payoutRefusal(approved, { ...good, amount: 10_000.5 }, now),
      payoutRefusal(approved, { ...good, bankReference: "" }, now),
      payoutRefusal(approved, { ...good, bankReference: "FT 1" }, now),
      payoutRefusal(approved, { ...good, paidOn: "2025-02-30" }, now),
      payoutRefusal(approved, { ...good, paidOn: "2025-10-10" }, now),
      payoutRefusal(approved, { ...good, paidOn: "2025-10-07" }, now),
    ].map((r) => [r?.reason, r?.field])
    expect(reasons).toEqual([
      ["not-approved", undefined],
      ["not-approved", undefined],
      ["already-paid", undefined],
      ["payout-amount", "amount"],
      ["payout-amount", "amount"],
      ["payout-reference", "bankReference"],
      ["payout-reference", "bankReference"],
      ["payout-date", "paidOn"],
      ["payout-date", "paidOn"],
      ["payout-date", "paidOn"],
    ])
  })
})
