// Payments end to end over the in-memory ports: a request per dossier, notices credited once, held or refused with a
// reason, the re-check job, held money, refunds within what was paid (also when asked at once), receipts numbered
// without gaps and replaced, reconciliation. The same use cases run over SQL in the API's tests.
import {
  type DossierContext,
  type PaymentRequestRecord,
  parseStatementCsv,
  parseVietQr,
  paymentReferenceFrom,
} from "@motcua/domain"
import { Effect, Layer, Result } from "effect"
import { describe, expect, it } from "vitest"
import type { Principal } from "../authorization/principal.ts"
import { topics } from "../dossier/plan.ts"
import { getDossier } from "../index.ts"
import { type BankStatementLine, BankStatements } from "../ports/bank-statements.ts"
import { DossierStore } from "../ports/dossier-store.ts"
import { type EInvoiceIssue, EInvoiceRefused, EInvoices, type EInvoicesShape } from "../ports/einvoice.ts"
import { CallbackRejected } from "../ports/external-errors.ts"
import { MemoryDatabase } from "../ports/memory.ts"
import { Outbox } from "../ports/outbox.ts"
import { PaymentGateway, TEST_CALLBACK_SIGNATURE } from "../ports/payment-gateway.ts"
import { PaymentStore } from "../ports/payment-store.ts"
import { relayOnce, standardHandlers } from "../relay/relay.ts"
import {
  AGENCY,
  advance,
  data,
  INTAKE,
  MINUTE,
  principals as p,
  residenceFiling,
  runTest,
  testLayer,
} from "../test-support/harness.ts"
import { fileOnline } from "../use-cases/filing.ts"
import * as L from "../use-cases/lifecycle.ts"
import { confirmPayment } from "../use-cases/payments.ts"
import { sendReceiptEInvoice } from "./einvoice.ts"
import { heldPayments, resolveHeldPayment } from "./held.ts"
import { receiveGatewayNotice, receiveTransferNotice } from "./notices.ts"
import { receiptsOf, replaceReceipt } from "./receipts.ts"
import { recheckPendingPayments } from "./recheck.ts"
import { reconcileCentre } from "./reconcile.ts"
import { decideRefund, recordRefundPayout, requestRefund } from "./refunds.ts"
import { filingChannelFor, openPaymentRequest } from "./requests.ts"
import { DEFAULT_PAYMENT_SETTINGS } from "./settings.ts"
import { pollBankStatements } from "./statements.ts"

const account = data.paymentAccounts?.accounts.find((a) => a.centreId === INTAKE)
if (account === undefined) throw new Error("the sample data has no account for Hồng Gai's centre")

/** A counter officer who also heads the centre: may ask for a refund and approve refunds, never its own. */
const counterHead: Principal = {
  id: "gd-hg-02",
  roles: ["counter-officer", "centre-admin"],
  scope: { _tag: "Staff", level: "commune", agencyCodes: [], unitCodes: ["06685"], intakePointIds: [INTAKE] },
}

const centreAdmin: Principal = {
  id: "gd-hg-01",
  roles: ["centre-admin"],
  scope: { _tag: "Staff", level: "commune", agencyCodes: [], unitCodes: [], intakePointIds: [INTAKE] },
}

/** A bank notice body for the test TransferNotices layer. */
const notice = (over: Record<string, unknown>) =>
  JSON.stringify({
    signature: TEST_CALLBACK_SIGNATURE,
    transactionId: "FT25281000001",
    accountNumber: account.accountNumber,
    amount: 10_000,
    description: "NGUYEN VAN AN CHUYEN TIEN",
    creditedAt: "2025-10-06T03:00:00.000Z",
    ...over,
  })

let filings = 0
const filedAndRequested = (channel: "vietqr" | "gateway" = "vietqr") =>
  Effect.gen(function* () {
    const filed = yield* fileOnline(p.citizen, residenceFiling(), `filing-${++filings}`)
    yield* advance(MINUTE)
    const request = yield* openPaymentRequest(p.citizen, filed.code, { channel })
    return { code: filed.code, request }
  })

const contextOf = (code: string) =>
  Effect.gen(function* () {
    const record = yield* (yield* DossierStore).get(code)
    return (record.snapshot as unknown as { context: DossierContext }).context
  })

const ledger = Effect.gen(function* () {
  const store = yield* PaymentStore
  return {
    confirmations: yield* store.confirmations({}),
    messages: yield* store.messages({}),
    receipts: yield* store.receipts({}),
  }
})

describe("payment requests", () => {
  it("ask for what the dossier owes, to its collecting centre's account, with the reference in the QR", async () => {
    const out = await runTest(
      Effect.gen(function* () {
        const { code, request } = yield* filedAndRequested()
        const again = yield* openPaymentRequest(p.citizen, code, { channel: "vietqr" })
        const other = yield* Effect.flip(openPaymentRequest(p.otherCitizen, code, { channel: "vietqr" }))
        return { request, again, other }
      }),
    )
    expect(out.request).toMatchObject({ amount: 10_000, centreId: INTAKE, channel: "vietqr", status: "pending" })
    expect(out.request.items).toEqual([{ name: "Lệ phí đăng ký thường trú", amount: 10_000 }])
    const qr = Result.getOrThrow(parseVietQr(out.request.qrPayload ?? ""))
    expect(qr).toMatchObject({
      bankBin: account.bankBin,
      accountNumber: account.accountNumber,
      amount: 10_000,
      billNumber: out.request.reference,
    })
    expect(qr.purpose?.startsWith(out.request.reference)).toBe(true)
    expect(out.again.id).toBe(out.request.id)
    expect(out.other._tag).toBe("Forbidden")
  })

  it("are refused when nothing is owed", async () => {
    const error = await runTest(
      Effect.gen(function* () {
        const { code } = yield* filedAndRequested()
        yield* confirmPayment(p.counter, code, { paymentId: "cash-1", amount: 10_000 }, "k1")
        return yield* Effect.flip(openPaymentRequest(p.citizen, code, { channel: "vietqr" }))
      }),
    )
    expect(error).toMatchObject({ _tag: "PaymentRefused", reason: "nothing-owed" })
  })
})

describe("bank transfer notices", () => {
  it("credit the exact amount once, with a receipt numbered in the centre's series", async () => {
    const out = await runTest(
      Effect.gen(function* () {
        const { code, request } = yield* filedAndRequested()
        const body = notice({ description: `NGUYEN VAN AN ${request.reference} NOP PHI` })
        const first = yield* receiveTransferNotice(body, {})
        const replay = yield* Effect.flip(receiveTransferNotice(body, {}))
        const context = yield* contextOf(code)
        const stored = yield* (yield* PaymentStore).request(request.id)
        return { first, replay, context, stored, ledger: yield* ledger }
      }),
    )
    expect(out.first).toMatchObject({ outcome: "confirmed", paymentId: "vietqr:FT25281000001" })
    expect(out.replay).toMatchObject({ _tag: "PaymentMessageRefused", outcome: "duplicate" })
    expect(out.context.payments.map((x) => x.amount)).toEqual([10_000])
    expect(out.stored?.status).toBe("paid")
    expect(out.ledger.confirmations).toHaveLength(1)
    expect(out.ledger.messages.map((m) => m.outcome)).toEqual(["confirmed", "duplicate"])
    expect(out.ledger.receipts).toHaveLength(1)
    expect(out.ledger.receipts[0]).toMatchObject({
      number: 1,
      series: `${account.receiptSeries}-25E`,
      total: 10_000,
      totalInWords: "Mười nghìn đồng",
      payer: { name: "Nguyễn Văn An" },
      method: "Chuyển khoản (VietQR)",
    })
  })

  it("hold, never credit, what is not exactly asked: too little, too much, no or unknown reference, another account", async () => {
    const out = await runTest(
      Effect.gen(function* () {
        const { code, request } = yield* filedAndRequested()
        const ref = request.reference
        const other = data.paymentAccounts?.accounts.find((a) => a.centreId !== INTAKE)?.accountNumber
        const cases = [
          notice({ transactionId: "T1", amount: 9_999, description: ref }),
          notice({ transactionId: "T2", amount: 20_000, description: ref }),
          notice({ transactionId: "T3", description: "CHUYEN TIEN NOP PHI" }),
          notice({ transactionId: "T4", description: paymentReferenceFrom(new Uint8Array(7).fill(3)) }),
          notice({ transactionId: "T5", accountNumber: other, description: ref }),
        ]
        const outcomes = []
        for (const body of cases) outcomes.push(yield* receiveTransferNotice(body, {}))
        return { outcomes, context: yield* contextOf(code), held: yield* heldPayments(p.counter, INTAKE) }
      }),
    )
    expect(out.outcomes.map((o) => [o.outcome, o.reason])).toEqual([
      ["held", "underpayment"],
      ["held", "overpayment"],
      ["held", "no-reference"],
      ["held", "unknown-reference"],
      ["held", "wrong-account"],
    ])
    expect(out.context.payments).toEqual([])
    // the money at Hồng Gai's account is in its queue; the transfer to another centre's account is in that one's
    expect(out.held.map((m) => m.reason)).toEqual(["underpayment", "overpayment", "no-reference", "unknown-reference"])
  })

  it("refuse forged and malformed notices, and keep them in the rejected log", async () => {
    const out = await runTest(
      Effect.gen(function* () {
        const { code, request } = yield* filedAndRequested()
        const forged = yield* Effect.flip(
          receiveTransferNotice(notice({ signature: "forged", description: request.reference }), {}),
        )
        const garbage = yield* Effect.flip(receiveTransferNotice("{not json", {}))
        const unknownAccount = yield* Effect.flip(
          receiveTransferNotice(notice({ accountNumber: "999", description: request.reference }), {}),
        )
        return {
          forged,
          garbage,
          unknownAccount,
          context: yield* contextOf(code),
          rejected: yield* (yield* PaymentStore).messages({ outcome: "rejected" }),
        }
      }),
    )
    expect(out.forged).toBeInstanceOf(CallbackRejected)
    expect(out.garbage).toMatchObject({ _tag: "CallbackRejected", code: "malformed" })
    expect(out.unknownAccount).toMatchObject({ _tag: "PaymentMessageRefused", reason: "unknown-account" })
    expect(out.context.payments).toEqual([])
    expect(out.rejected.map((m) => m.reason)).toEqual(["bad-signature", "malformed", "unknown-account"])
    expect(out.rejected[0]?.excerpt).toContain('"signature":"forged"')
  })

  it("count a payment once when the same notice arrives twice at once, or both channels pay at once", async () => {
    const out = await runTest(
      Effect.gen(function* () {
        const { code, request } = yield* filedAndRequested()
        const body = notice({ description: request.reference })
        const same = yield* Effect.all(
          [receiveTransferNotice(body, {}), receiveTransferNotice(body, {})].map(Effect.result),
          { concurrency: "unbounded" },
        )
        const filed2 = yield* fileOnline(p.citizen, residenceFiling(), "k2")
        const qr = yield* openPaymentRequest(p.citizen, filed2.code, { channel: "vietqr" })
        const card = yield* openPaymentRequest(p.citizen, filed2.code, { channel: "gateway" })
        const both = yield* Effect.all(
          [
            Effect.result(receiveTransferNotice(notice({ transactionId: "FT-2", description: qr.reference }), {})),
            Effect.result(
              receiveGatewayNotice(
                {
                  signature: TEST_CALLBACK_SIGNATURE,
                  requestId: card.id,
                  transactionId: "GW-1",
                  amount: "10000",
                  paidAt: "2025-10-06T03:00:00.000Z",
                },
                "gateway-notice",
              ),
            ),
          ],
          { concurrency: "unbounded" },
        )
        return { code, same, both, first: yield* contextOf(code), second: yield* contextOf(filed2.code) }
      }),
    )
    const outcomes = (rs: typeof out.same) =>
      rs.map((r) => (Result.isSuccess(r) ? r.success.outcome : (r.failure as { outcome?: string }).outcome)).sort()
    expect(outcomes(out.same)).toEqual(["confirmed", "duplicate"])
    expect(out.first.payments).toHaveLength(1)
    expect(outcomes(out.both)).toEqual(["confirmed", "held"])
    expect(out.second.payments).toHaveLength(1)
    const held = out.both.find((r) => Result.isSuccess(r) && r.success.outcome === "held")
    // the second either found its request closed by the first (paid-by-another-request) or the dossier paid
    expect(held !== undefined && Result.isSuccess(held) && held.success.reason).toMatch(
      /^(dossier-refused|paid-by-another-request)$/,
    )
  })
})

describe("a dossier paid by one channel", () => {
  it("closes its other pending requests at once; money still sent to one is held with that reason and reconciled", async () => {
    const out = await runTest(
      Effect.gen(function* () {
        const { code, request: qr } = yield* filedAndRequested()
        const card = yield* openPaymentRequest(p.citizen, code, { channel: "gateway" })
        const paid = yield* receiveGatewayNotice(
          {
            signature: TEST_CALLBACK_SIGNATURE,
            requestId: card.id,
            transactionId: "GW-SUP",
            amount: "10000",
            paidAt: "2025-10-06T03:00:00.000Z",
          },
          "gateway-notice",
        )
        const store = yield* PaymentStore
        const closed = yield* store.request(qr.id)
        const view = yield* getDossier(p.citizen, code)
        // the citizen's banking app still had the QR: the transfer arrives after the gateway paid
        const late = yield* receiveTransferNotice(
          notice({ transactionId: "FT-LATE", description: `NOP PHI ${qr.reference}` }),
          {},
        )
        const queue = yield* heldPayments(p.counter, INTAKE)
        const statement = parseStatementCsv(
          [
            "transaction_id,booked_at,account,amount,description",
            `FT-LATE,2025-10-06 10:05:00,${account.accountNumber},10000,NOP PHI ${qr.reference}`,
          ].join("\n"),
        )
        if (!statement.ok) throw new Error(JSON.stringify(statement.problems))
        const report = yield* reconcileCentre({ date: "2025-10-06", centreId: INTAKE, statement: statement.lines })
        // a counter payment closes pending requests too: there is no other request to name
        const filed2 = yield* fileOnline(p.citizen, residenceFiling(), "superseded-2")
        const qr2 = yield* openPaymentRequest(p.citizen, filed2.code, { channel: "vietqr" })
        yield* confirmPayment(p.counter, filed2.code, { paymentId: "cash-sup", amount: 10_000 }, "k-sup")
        const closed2 = yield* store.request(qr2.id)
        return { paid, card, closed, view, late, queue, report, closed2, context: yield* contextOf(code) }
      }),
    )
    expect(out.paid.outcome).toBe("confirmed")
    expect(out.closed).toMatchObject({
      status: "cancelled",
      supersededBy: "gateway:GW-SUP",
      closedReason: `Hồ sơ đã được thanh toán bằng yêu cầu khác (${out.card.reference}) / paid by another request (${out.card.reference})`,
    })
    const shown = out.view.payment?.requests.find((r) => r.requestId === out.closed?.id)
    expect(shown).toMatchObject({ status: "cancelled", open: false, supersededBy: "gateway:GW-SUP" })
    // held, never credited: the dossier has the gateway's payment only
    expect(out.late).toMatchObject({ outcome: "held", reason: "paid-by-another-request", requestId: out.closed?.id })
    expect(out.late.detail).toContain("gateway:GW-SUP")
    expect(out.context.payments.map((x) => x.paymentId)).toEqual(["gateway:GW-SUP"])
    expect(out.queue.map((m) => [m.reason, m.key])).toEqual([["paid-by-another-request", "FT-LATE"]])
    // reconciliation explains the credit on the statement by what became of it
    const late = out.report.mismatches.find((m) => m.transactionId === "FT-LATE")
    expect(late).toMatchObject({ kind: "credit-not-confirmed", messageId: out.late.messageId })
    expect(late?.reason).toContain("paid by another payment (gateway:GW-SUP)")
    expect(out.closed2).toMatchObject({
      status: "cancelled",
      supersededBy: "cash-sup",
      closedReason: "Hồ sơ đã được thanh toán bằng khoản khác (cash-sup) / paid by another payment (cash-sup)",
    })
  })
})

describe("gateway notices", () => {
  const ipn = (request: PaymentRequestRecord, over: Record<string, string> = {}) => ({
    signature: TEST_CALLBACK_SIGNATURE,
    requestId: request.id,
    transactionId: "GW-9",
    amount: String(request.amount),
    paidAt: "2025-10-06T03:00:00.000Z",
    ...over,
  })
  it("credit a verified IPN; refuse a repeat, another dossier, an unknown request; a failed payment fails the request", async () => {
    const out = await runTest(
      Effect.gen(function* () {
        const { code, request } = yield* filedAndRequested("gateway")
        const wrong = yield* Effect.flip(receiveGatewayNotice(ipn(request, { dossierCode: "X" }), "gateway-notice"))
        const unknown = yield* Effect.flip(
          receiveGatewayNotice(ipn(request, { requestId: "nope", transactionId: "GW-0" }), "gateway-notice"),
        )
        const forged = yield* Effect.flip(
          receiveGatewayNotice(ipn(request, { signature: "x", transactionId: "GW-7" }), "gateway-notice"),
        )
        const failedRequest = yield* openPaymentRequest(p.citizen, code, { channel: "vietqr" })
        const failed = yield* receiveGatewayNotice(
          ipn({ ...failedRequest, channel: "gateway" }, { status: "failed", transactionId: "GW-8" }),
          "gateway-return",
        )
        const paid = yield* receiveGatewayNotice(ipn(request, { transactionId: "GW-10" }), "gateway-notice")
        const repeat = yield* Effect.flip(
          receiveGatewayNotice(ipn(request, { transactionId: "GW-10" }), "gateway-return"),
        )
        const store = yield* PaymentStore
        return {
          wrong,
          unknown,
          forged,
          failed,
          paid,
          repeat,
          failedStatus: (yield* store.request(failedRequest.id))?.status,
          context: yield* contextOf(code),
        }
      }),
    )
    expect(out.wrong).toMatchObject({ _tag: "PaymentMessageRefused", outcome: "rejected", reason: "wrong-dossier" })
    expect(out.unknown).toMatchObject({ outcome: "rejected", reason: "unknown-request" })
    expect(out.forged).toBeInstanceOf(CallbackRejected)
    expect(out.failed.outcome).toBe("not-paid")
    expect(out.failedStatus).toBe("failed")
    expect(out.paid.outcome).toBe("confirmed")
    expect(out.repeat).toMatchObject({ outcome: "duplicate" })
    expect(out.context.payments.map((x) => x.paymentId)).toEqual(["gateway:GW-10"])
  })
})

describe("the re-check job", () => {
  it("asks the gateway about requests pending 15 minutes, credits what it says is paid, expires the rest", async () => {
    const answers = new Map<string, "paid" | "pending" | "failed">()
    const gateway = Layer.succeed(
      PaymentGateway,
      PaymentGateway.of({
        createPaymentRequest: (i) =>
          Effect.succeed({ requestId: i.requestId, payUrl: `https://pay.test/${i.requestId}` }),
        verifyCallback: () => Effect.die("not used"),
        readNotice: () => Effect.die("not used"),
        queryStatus: (r) =>
          Effect.succeed(
            answers.get(r.requestId) === "paid"
              ? { status: "paid" as const, transactionId: `Q-${r.requestId}`, amount: r.amount, paidAt: r.createdAt }
              : answers.get(r.requestId) === "failed"
                ? { status: "failed" as const, reason: "cancelled by the payer" }
                : { status: "pending" as const },
          ),
      }),
    )
    const out = await Effect.runPromise(
      Effect.gen(function* () {
        const a = yield* filedAndRequested("gateway")
        const b = yield* filedAndRequested("gateway")
        const c = yield* filedAndRequested("gateway")
        const qr = yield* filedAndRequested("vietqr")
        answers.set(a.request.id, "paid")
        answers.set(b.request.id, "failed")
        const early = yield* recheckPendingPayments()
        yield* advance(16 * MINUTE)
        const first = yield* recheckPendingPayments()
        yield* advance(24 * 60 * MINUTE)
        const later = yield* recheckPendingPayments()
        const store = yield* PaymentStore
        const status = (id: string) => Effect.map(store.request(id), (r) => r?.status)
        return {
          early,
          first,
          later,
          statuses: [
            yield* status(a.request.id),
            yield* status(b.request.id),
            yield* status(c.request.id),
            yield* status(qr.request.id),
          ],
          paid: (yield* contextOf(a.code)).payments,
        }
      }).pipe(Effect.provide(gateway), Effect.provide(testLayer())),
    )
    expect(out.early.checked).toBe(0)
    expect(out.first).toMatchObject({ checked: 3, paid: 1, failed: 1, expired: 0 })
    expect(out.later).toMatchObject({ checked: 1, expired: 2 })
    expect(out.statuses).toEqual(["paid", "failed", "expired", "expired"])
    expect(out.paid.map((x) => x.paymentId)).toEqual([`gateway:Q-payment-0001`])
  })
})

describe("held money", () => {
  it("is returned through a refund a centre head approves, or applied when the dossier owes exactly it", async () => {
    const out = await runTest(
      Effect.gen(function* () {
        const { code, request } = yield* filedAndRequested()
        const over = yield* receiveTransferNotice(
          notice({ transactionId: "T1", amount: 20_000, description: request.reference }),
          {},
        )
        const noRef = yield* receiveTransferNotice(notice({ transactionId: "T2", description: "CK" }), {})
        const cannotApply = yield* Effect.flip(
          resolveHeldPayment(p.counter, over.messageId, { action: "apply", dossierCode: code }),
        )
        const returned = yield* resolveHeldPayment(counterHead, over.messageId, { action: "return", note: "nộp thừa" })
        const twice = yield* Effect.flip(resolveHeldPayment(p.counter, over.messageId, { action: "return", note: "x" }))
        const refundId = returned.refund?.id ?? ""
        const selfApproval = yield* Effect.flip(decideRefund(counterHead, refundId, { approve: true, note: "" }))
        const foreign = yield* Effect.flip(decideRefund(p.leader, refundId, { approve: true, note: "" }))
        const approved = yield* decideRefund(centreAdmin, refundId, { approve: true, note: "đồng ý" })
        const again = yield* Effect.flip(decideRefund(centreAdmin, refundId, { approve: true, note: "" }))
        const applied = yield* resolveHeldPayment(p.counter, noRef.messageId, { action: "apply", dossierCode: code })
        return {
          cannotApply,
          returned,
          twice,
          selfApproval,
          foreign,
          approved,
          again,
          applied,
          context: yield* contextOf(code),
          queue: yield* heldPayments(p.counter, INTAKE),
        }
      }),
    )
    expect(out.cannotApply).toMatchObject({
      _tag: "ActionRefused",
      reason: { _tag: "PaymentAmountWrong", problem: "overpayment" },
    })
    expect(out.returned.refund).toMatchObject({ amount: 20_000, reason: "unmatched", status: "requested" })
    expect(out.returned.refund?.reference).toMatch(/^HT/)
    expect(out.twice).toMatchObject({ reason: "already-resolved" })
    expect(out.selfApproval).toMatchObject({ reason: "same-person" })
    expect(out.foreign._tag).toBe("Forbidden")
    expect(out.approved.status).toBe("approved")
    expect(out.again).toMatchObject({ reason: "already-decided" })
    expect(out.applied.resolution.action).toBe("applied")
    expect(out.applied.receiptId).toBeDefined()
    expect(out.context.payments.map((x) => x.amount)).toEqual([10_000])
    expect(out.queue).toEqual([])
  })
})

describe("refunds", () => {
  const paidThenRefused = Effect.gen(function* () {
    const { code, request } = yield* filedAndRequested()
    yield* receiveTransferNotice(notice({ description: request.reference }), {})
    yield* advance(MINUTE)
    yield* L.refuse(p.counter, code, { reasons: ["Không đủ điều kiện"] })
    return code
  })

  it("give back what the catalogue says, asked once even when asked at once, decided once", async () => {
    const out = await runTest(
      Effect.gen(function* () {
        const code = yield* paidThenRefused
        const asked = yield* Effect.all(
          [requestRefund(p.counter, code, { note: "a" }), requestRefund(p.counter2, code, { note: "b" })].map(
            Effect.result,
          ),
          { concurrency: "unbounded" },
        )
        const refund = asked.flatMap((r) => (Result.isSuccess(r) ? [r.success] : []))[0]
        const decisions = yield* Effect.all(
          [
            decideRefund(p.leader, refund?.id ?? "", { approve: true, note: "" }),
            decideRefund(centreAdmin, refund?.id ?? "", { approve: true, note: "" }),
          ].map(Effect.result),
          { concurrency: "unbounded" },
        )
        const balance = yield* (yield* PaymentStore).balance(code)
        return { asked, refund, decisions, balance }
      }),
    )
    expect(out.asked.filter(Result.isSuccess)).toHaveLength(1)
    const refused = out.asked.find(Result.isFailure)
    expect(refused !== undefined && Result.isFailure(refused) && refused.failure).toMatchObject({
      reason: "over-limit",
    })
    expect(out.refund).toMatchObject({ amount: 10_000, reason: "refused", status: "requested" })
    expect(out.refund?.lines?.[0]).toMatchObject({ itemId: "le-phi", refunded: 10_000 })
    expect(out.decisions.filter(Result.isSuccess)).toHaveLength(1)
    expect(out.balance).toEqual({ paid: 10_000, refunded: 10_000 })
  })

  it("are refused for a dossier still being handled, and a rejected one frees its amount", async () => {
    const out = await runTest(
      Effect.gen(function* () {
        const { code, request } = yield* filedAndRequested()
        yield* receiveTransferNotice(notice({ description: request.reference }), {})
        const early = yield* Effect.flip(requestRefund(p.counter, code, { note: "" }))
        yield* L.refuse(p.counter, code, { reasons: ["x"] })
        const refund = yield* requestRefund(p.counter, code, { note: "" })
        yield* decideRefund(p.leader, refund.id, { approve: false, note: "sai" })
        const again = yield* requestRefund(p.counter, code, { note: "" })
        return { early, again }
      }),
    )
    expect(out.early).toMatchObject({ reason: "not-refundable" })
    expect(out.again.amount).toBe(10_000)
  })

  it("are paid out once, when approved: the transfer back recorded with its bank reference, matched on the statement", async () => {
    const out = await runTest(
      Effect.gen(function* () {
        const code = yield* paidThenRefused
        const refund = yield* requestRefund(p.counter, code, { note: "hoàn lệ phí" })
        const payout = { bankReference: "FT25279OUT01", paidOn: "2025-10-06", amount: 10_000 }
        const beforeApproval = yield* Effect.flip(recordRefundPayout(centreAdmin, refund.id, payout))
        yield* decideRefund(p.leader, refund.id, { approve: true, note: "" })
        const byCounter = yield* Effect.flip(recordRefundPayout(p.counter, refund.id, payout))
        const wrongAmount = yield* Effect.flip(recordRefundPayout(centreAdmin, refund.id, { ...payout, amount: 9_000 }))
        const future = yield* Effect.flip(
          recordRefundPayout(centreAdmin, refund.id, { ...payout, paidOn: "2025-10-07" }),
        )
        // recorded twice at once: paid once
        const recorded = yield* Effect.all(
          [recordRefundPayout(centreAdmin, refund.id, payout), recordRefundPayout(counterHead, refund.id, payout)].map(
            Effect.result,
          ),
          { concurrency: "unbounded" },
        )
        const stored = yield* (yield* PaymentStore).refund(refund.id)
        const balance = yield* (yield* PaymentStore).balance(code)
        const csv = (lines: string[]) => {
          const parsed = parseStatementCsv(["transaction_id,booked_at,account,amount,description", ...lines].join("\n"))
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
          return parsed.lines
        }
        const credit = `FT25281000001,2025-10-06 10:00:00,${account.accountNumber},10000,MC`
        const withDebit = yield* reconcileCentre({
          date: "2025-10-06",
          centreId: INTAKE,
          statement: csv([credit, `FT25279OUT01,2025-10-06 15:00:00,${account.accountNumber},-10000,CHUYEN TRA`]),
        })
        const withoutDebit = yield* reconcileCentre({ date: "2025-10-06", centreId: INTAKE, statement: csv([credit]) })
        return { beforeApproval, byCounter, wrongAmount, future, recorded, stored, balance, withDebit, withoutDebit }
      }),
    )
    expect(out.beforeApproval).toMatchObject({ reason: "not-approved" })
    expect(out.byCounter._tag).toBe("Forbidden")
    expect(out.wrongAmount).toMatchObject({ reason: "payout-amount", field: "amount" })
    expect(out.future).toMatchObject({ reason: "payout-date", field: "paidOn" })
    expect(out.recorded.filter(Result.isSuccess)).toHaveLength(1)
    const second = out.recorded.find(Result.isFailure)
    expect(second !== undefined && Result.isFailure(second) && second.failure).toMatchObject({ reason: "already-paid" })
    expect(out.stored).toMatchObject({
      status: "paid",
      payout: { bankReference: "FT25279OUT01", paidOn: "2025-10-06", amount: 10_000 },
    })
    expect(out.balance).toEqual({ paid: 10_000, refunded: 10_000 })
    expect(out.withDebit.mismatches).toEqual([])
    expect(out.withDebit.matched).toBe(2)
    expect(out.withDebit.pendingRefunds).toEqual([])
    expect(out.withoutDebit.mismatches.map((m) => [m.kind, m.transactionId])).toEqual([
      ["refund-not-debited", "FT25279OUT01"],
    ])
  })
})

describe("receipts", () => {
  it("are numbered without gaps per centre and series, and replaced (never edited) when wrong", async () => {
    const out = await runTest(
      Effect.gen(function* () {
        const codes: string[] = []
        for (let i = 0; i < 3; i++) {
          const { code, request } = yield* filedAndRequested()
          yield* receiveTransferNotice(notice({ transactionId: `FT-${i}`, description: request.reference }), {})
          codes.push(code)
        }
        const [first] = yield* receiptsOf(p.citizen, codes[0] ?? "")
        const counterRefused = yield* Effect.flip(
          replaceReceipt(p.counter, first?.id ?? "", { reason: "sai tên", payer: { name: "Nguyễn Văn Ân" } }),
        )
        const replaced = yield* replaceReceipt(centreAdmin, first?.id ?? "", {
          reason: "sai tên người nộp",
          payer: { name: "Nguyễn Văn Ân", id: "022090001234" },
        })
        const twice = yield* Effect.flip(
          replaceReceipt(centreAdmin, first?.id ?? "", { reason: "x", payer: { name: "x" } }),
        )
        return { counterRefused, replaced, twice, all: yield* receiptsOf(p.citizen, codes[0] ?? "") }
      }),
    )
    expect(out.counterRefused._tag).toBe("Forbidden")
    expect(out.replaced.replacement).toMatchObject({ number: 4, replaces: out.replaced.cancelled.id, status: "issued" })
    expect(out.twice).toMatchObject({ reason: "already-cancelled" })
    expect(out.all.map((r) => [r.number, r.status, r.payer.name])).toEqual([
      [1, "cancelled", "Nguyễn Văn An"],
      [4, "issued", "Nguyễn Văn Ân"],
    ])
    expect(out.all[0]?.replacedBy).toBe(out.all[1]?.id)
  })
})

describe("reconciliation", () => {
  it("finds nothing to report when the statement shows exactly what was credited; names what it does not", async () => {
    const out = await runTest(
      Effect.gen(function* () {
        const { request } = yield* filedAndRequested()
        yield* receiveTransferNotice(notice({ description: request.reference }), {})
        yield* receiveTransferNotice(
          notice({ transactionId: "FT-HELD", amount: 5_000, description: request.reference }),
          {},
        )
        const csv = (lines: string[]) => {
          const parsed = parseStatementCsv(["transaction_id,booked_at,account,amount,description", ...lines].join("\n"))
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
          return parsed.lines
        }
        const clean = yield* reconcileCentre({
          date: "2025-10-06",
          centreId: INTAKE,
          statement: csv([`FT25281000001,2025-10-06 10:00:00,${account.accountNumber},10000,${request.reference}`]),
        })
        const withHeld = yield* reconcileCentre({
          date: "2025-10-06",
          centreId: INTAKE,
          statement: csv([
            `FT25281000001,2025-10-06 10:00:00,${account.accountNumber},10000,${request.reference}`,
            `FT-HELD,2025-10-06 10:01:00,${account.accountNumber},5000,${request.reference}`,
          ]),
        })
        return { clean, withHeld }
      }),
    )
    // the held 5 000 đ is not on the first statement, but still waits for an officer: reported as such
    expect(out.clean.mismatches.map((m) => m.kind)).toEqual(["held-unresolved"])
    expect(out.clean.matched).toBe(1)
    expect(out.withHeld.mismatches.map((m) => [m.kind, m.line])).toEqual([["credit-not-confirmed", 3]])
    expect(out.withHeld.mismatches[0]?.reason).toContain("Đang giữ chờ cán bộ xử lý: Yêu cầu thanh toán")
  })
})

describe("counter payments and the relayed callback go through the same path", () => {
  it("records the confirmation and issues a receipt", async () => {
    const out = await runTest(
      Effect.gen(function* () {
        const filed = yield* fileOnline(p.citizen, residenceFiling(), "k")
        yield* confirmPayment(p.counter, filed.code, { paymentId: "cash-1", amount: 10_000 }, "k1")
        const view = yield* getDossier(p.citizen, filed.code)
        return { view, ledger: yield* ledger, db: (yield* MemoryDatabase).state.payments.balances.get(filed.code) }
      }),
    )
    expect(out.ledger.confirmations).toMatchObject([{ paymentId: "cash-1", channel: "counter", centreId: INTAKE }])
    expect(out.ledger.receipts).toMatchObject([{ number: 1, method: "Tại quầy (không dùng tiền mặt)" }])
    expect(out.db).toEqual({ paid: 10_000, refunded: 0 })
    expect(AGENCY).toBe("000.11.50.H49")
  })
})

describe("the channel of the request a filing asks for", () => {
  it("VietQR to the centre's account by default; the gateway when chosen and configured; none without either", () => {
    const base = { ...DEFAULT_PAYMENT_SETTINGS, accounts: data.paymentAccounts, gateway: false }
    expect(filingChannelFor(base, INTAKE)).toBe("vietqr")
    // chosen, but no gateway is configured: the centre's account still takes it
    expect(filingChannelFor({ ...base, filingChannel: "gateway" }, INTAKE)).toBe("vietqr")
    expect(filingChannelFor({ ...base, gateway: true }, INTAKE)).toBe("vietqr")
    expect(filingChannelFor({ ...base, gateway: true, filingChannel: "gateway" }, INTAKE)).toBe("gateway")
    expect(filingChannelFor({ ...base, accounts: undefined, gateway: true }, INTAKE)).toBe("gateway")
    expect(filingChannelFor({ ...base, accounts: undefined }, INTAKE)).toBeUndefined()
    expect(filingChannelFor(base, "no-such-centre")).toBeUndefined()
  })
})

const sendReceiptAgain = (receiptId: string) => sendReceiptEInvoice(receiptId, "issue")

describe("e-receipts to the tax authority's e-invoice system, through the outbox", () => {
  /** A stand-in of the port: keeps what it was sent; `refuse` makes it refuse the next issue. */
  const fake = () => {
    const issued: EInvoiceIssue[] = []
    const cancelled: string[] = []
    const state = { refuse: false }
    const service: EInvoicesShape = {
      issue: (issue) =>
        Effect.suspend(() => {
          if (state.refuse)
            return Effect.fail(new EInvoiceRefused({ reason: "mismatch", detail: "số khác / another number" }))
          issued.push(issue)
          return Effect.succeed({
            invoiceNo: `${issue.receipt.series}${issue.receipt.number}`,
            lookupCode: `TC-${issue.receipt.number}`,
            taxAuthorityCode: `CQT-${issue.receipt.number}`,
          })
        }),
      cancel: (receipt) => Effect.sync(() => void cancelled.push(receipt.id)),
    }
    return { issued, cancelled, state, service }
  }

  it("sends each issued receipt once and each cancellation after it, keeping the authority's codes on the receipt", async () => {
    const e = fake()
    const out = await runTest(
      Effect.gen(function* () {
        const relay = Effect.flatMap(standardHandlers, (h) => relayOnce(h))
        const filed = yield* fileOnline(p.citizen, residenceFiling(), "einvoice-1")
        yield* confirmPayment(p.counter, filed.code, { paymentId: "cash-ei", amount: 10_000 }, "k-ei")
        const [first] = yield* receiptsOf(p.citizen, filed.code)
        const rows = yield* (yield* Outbox).list({ topic: topics.einvoiceReceipt, limit: 10 })
        yield* relay
        const accepted = yield* (yield* PaymentStore).receipt(first?.id ?? "")
        // delivered again (a lease that ran out): the receipt is accepted already, nothing is sent
        yield* sendReceiptAgain(first?.id ?? "")
        const replaced = yield* replaceReceipt(centreAdmin, first?.id ?? "", {
          reason: "sai tên",
          payer: { name: "Nguyễn Văn Ân" },
        })
        const second = yield* relay
        const store = yield* PaymentStore
        return {
          second,
          after: yield* (yield* Outbox).list({ topic: topics.einvoiceReceipt, limit: 10 }),
          rows,
          accepted,
          old: yield* store.receipt(first?.id ?? ""),
          replacement: yield* store.receipt(replaced.replacement.id),
          first,
        }
      }).pipe(Effect.provideService(EInvoices, e.service)),
    )
    expect(out.rows.map((r) => [r.topic, r.status])).toEqual([["einvoice.receipt", "pending"]])
    expect(out.second.dead).toEqual([])
    expect(out.after.map((r) => r.status)).toEqual(["done", "done", "done"])
    expect(out.accepted?.einvoice).toMatchObject({
      status: "accepted",
      lookupCode: `TC-${out.first?.number}`,
      taxAuthorityCode: `CQT-${out.first?.number}`,
    })
    expect(e.issued.map((i) => [i.receipt.id, i.replaces?.number])).toEqual([
      [out.first?.id, undefined],
      [out.replacement?.id, out.first?.number],
    ])
    expect(e.cancelled).toEqual([out.first?.id])
    expect(out.old).toMatchObject({
      status: "cancelled",
      einvoice: { status: "cancelled", lookupCode: `TC-${out.first?.number}` },
    })
    expect(out.replacement?.einvoice?.status).toBe("accepted")
  })

  it("a refused or mismatching answer flags the receipt and leaves the row dead for an officer; none is sent without a system", async () => {
    const e = fake()
    e.state.refuse = true
    const out = await runTest(
      Effect.gen(function* () {
        const filed = yield* fileOnline(p.citizen, residenceFiling(), "einvoice-2")
        yield* confirmPayment(p.counter, filed.code, { paymentId: "cash-ei2", amount: 10_000 }, "k-ei2")
        const [receipt] = yield* receiptsOf(p.citizen, filed.code)
        const report = yield* Effect.flatMap(standardHandlers, (h) => relayOnce(h))
        const rows = yield* (yield* Outbox).list({ topic: topics.einvoiceReceipt, limit: 10 })
        return { report, rows, receipt: yield* (yield* PaymentStore).receipt(receipt?.id ?? "") }
      }).pipe(Effect.provideService(EInvoices, e.service)),
    )
    expect(out.rows.map((r) => r.status)).toEqual(["dead"])
    expect(out.rows[0]?.lastError).toContain("another number")
    expect(out.receipt?.einvoice).toMatchObject({ status: "refused", problem: "số khác / another number" })
    expect(e.issued).toEqual([])
    const without = await runTest(
      Effect.gen(function* () {
        const filed = yield* fileOnline(p.citizen, residenceFiling(), "einvoice-3")
        yield* confirmPayment(p.counter, filed.code, { paymentId: "cash-ei3", amount: 10_000 }, "k-ei3")
        return yield* (yield* Outbox).list({ topic: topics.einvoiceReceipt, limit: 10 })
      }),
    )
    expect(without).toEqual([])
  })
})

describe("polling the centres' bank statement APIs", () => {
  it("settles credit lines like transfer notices, once per bank reference, and moves each centre's cursor", async () => {
    const book: BankStatementLine[] = []
    const asked: Array<[string, string | undefined]> = []
    const bank = BankStatements.of({
      since: (a, cursor) =>
        Effect.sync(() => {
          asked.push([a.accountNumber, cursor])
          const from = cursor === undefined ? 0 : Number(cursor)
          const lines = a.accountNumber === account.accountNumber ? book.slice(from) : []
          return { lines, cursor: String(from + lines.length) }
        }),
    })
    const line = (over: Partial<BankStatementLine>): BankStatementLine => ({
      transactionId: "FT-S1",
      accountNumber: account.accountNumber,
      amount: 10_000,
      description: "CK",
      bookedAt: "2025-10-06T10:00:00+07:00",
      ...over,
    })
    const out = await runTest(
      Effect.gen(function* () {
        const one = yield* filedAndRequested()
        const two = yield* filedAndRequested()
        // the second's notice came by webhook first: its statement line is the same payment
        yield* receiveTransferNotice(notice({ transactionId: "FT-S2", description: two.request.reference }), {})
        book.push(
          line({ transactionId: "FT-S1", description: `NGUYEN VAN AN ${one.request.reference}` }),
          line({ transactionId: "FT-S2", description: two.request.reference }),
          line({ transactionId: "FT-S3", description: "CHUYEN TIEN" }),
          line({ transactionId: "FT-OUT", amount: -10_000, description: "HOAN TRA" }),
          // a line of another account than the one asked: not trusted
          line({ transactionId: "FT-X", accountNumber: "999999", description: one.request.reference }),
        )
        const first = yield* pollBankStatements
        const again = yield* pollBankStatements
        const store = yield* PaymentStore
        return {
          first,
          again,
          one: yield* contextOf(one.code),
          two: yield* contextOf(two.code),
          cursor: yield* store.statementCursor(INTAKE),
          held: yield* heldPayments(p.counter, INTAKE),
        }
      }).pipe(Effect.provideService(BankStatements, bank)),
    )
    expect(out.first).toMatchObject({ confirmed: 1, held: 1, duplicates: 1, skipped: 2, errors: [] })
    expect(out.again).toMatchObject({ confirmed: 0, held: 0, duplicates: 0 })
    expect(out.one.payments.map((x) => x.paymentId)).toEqual(["vietqr:FT-S1"])
    expect(out.two.payments.map((x) => x.paymentId)).toEqual(["vietqr:FT-S2"])
    expect(out.held.map((m) => [m.kind, m.key, m.reason])).toEqual([["statement-line", "FT-S3", "no-reference"]])
    expect(out.cursor).toBe("5")
    // the second poll of the centre started where the first stopped
    expect(asked.filter(([a]) => a === account.accountNumber).map(([, c]) => c)).toEqual([undefined, "5"])
  })
})
