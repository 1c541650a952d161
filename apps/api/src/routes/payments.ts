// Payments (issue 9). For the citizen: a payment request per dossier (VietQR to the collecting centre's account, or
// the gateway's page) and its QR as payload, PNG and SVG; the dossier's receipts. From outside, public routes that
// accept only verified messages: the bank's signed transfer notices, the gateway's signed IPN and the citizen's
// return from the gateway; the development gateway's relayed callback (API key). For officers of a centre: money
// held for them and what to do with it, daily reconciliation (with the bank's statement as CSV), refunds asked and
// approved by another account, receipts replaced when wrong. Every route calls one use case; errors map in errors.ts.
import {
  confirmPaymentCallback,
  decideRefund,
  heldPayments,
  onceFor,
  openPaymentRequest,
  PaymentsNotConfigured,
  paymentRequestOf,
  paymentRequestsOf,
  receiptOf,
  receiptPdfOf,
  receiptsOf,
  receiveGatewayNotice,
  receiveTransferNotice,
  reconcileForOfficer,
  recordRefundPayout,
  refundsOf,
  refundsOfCentre,
  replaceReceipt,
  requestRefund,
  resolveHeldPayment,
} from "@motcua/application"
import { DossierCode, formatReceiptNumber, type PaymentRequestRecord, parseStatementCsv } from "@motcua/domain"
import { drawVietQrPng, drawVietQrSvg } from "@motcua/payment-vietqr"
import { Effect, Result, Schema } from "effect"
import type { ApiDeps } from "../deps.ts"
import { defineOperation } from "../operation.ts"
import { ApiProblem } from "../problem.ts"
import { DossierView } from "./dossiers.ts"
import { runUseCase } from "./run.ts"
import { asList, Count, listOf } from "./shared.ts"

const operation = defineOperation<ApiDeps>()

const Field = Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(500))
const Note = Schema.String.check(Schema.isMaxLength(1000))
const Dong = Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0)).annotate({
  description: "Số tiền (đồng, số nguyên)",
})
const Instant = Schema.String.annotate({ format: "date-time" })
const Id = Schema.String.check(Schema.isPattern(/^[\w.:-]{1,200}$/u))
const CentreId = Schema.String.check(Schema.isPattern(/^[a-z0-9-]{1,60}$/u)).annotate({
  description: "Mã trung tâm phục vụ hành chính công (điểm tiếp nhận), ví dụ ttphcc-06685",
})
const Item = Schema.Struct({ name: Schema.String, amount: Dong })
const Channel = Schema.Literals(["vietqr", "gateway"]).annotate({
  description: "vietqr: chuyển khoản bằng mã VietQR vào tài khoản của trung tâm; gateway: cổng thanh toán",
})

export const PaymentCallback = Schema.Struct({
  signature: Field.annotate({ description: "Chữ ký của cổng thanh toán trên thông báo" }),
  paymentId: Field.annotate({ description: "Mã giao dịch của cổng thanh toán (khóa chống lặp của xác nhận)" }),
  dossierCode: Field,
  amount: Schema.Number.check(Schema.isInt(), Schema.isGreaterThan(0)),
  paidAt: Field,
}).annotate({ identifier: "PaymentCallback" })

const PaymentRequestDocument = Schema.Struct({
  id: Schema.String,
  reference: Schema.String.annotate({ description: "Mã thanh toán (MC…): nội dung chuyển khoản phải có mã này" }),
  dossierCode: Schema.String,
  centreId: Schema.String,
  channel: Channel,
  amount: Dong,
  items: Schema.Array(Item),
  status: Schema.Literals(["pending", "paid", "expired", "failed", "cancelled"]),
  createdAt: Instant,
  expiresAt: Instant,
  payUrl: Schema.optionalKey(Schema.String.annotate({ description: "Trang thanh toán của cổng (gateway)" })),
  qrPayload: Schema.optionalKey(
    Schema.String.annotate({ description: "Nội dung mã VietQR (EMVCo): tài khoản, số tiền, mã thanh toán" }),
  ),
  paymentId: Schema.optionalKey(Schema.String),
  paidAt: Schema.optionalKey(Schema.String),
  checkedAt: Schema.optionalKey(Schema.String),
  closedReason: Schema.optionalKey(Schema.String),
  supersededBy: Schema.optionalKey(
    Schema.String.annotate({
      description:
        "Khoản thanh toán đã trả đủ hồ sơ khi yêu cầu này còn chờ: yêu cầu bị đóng (cancelled) / the payment that settled the dossier and closed this request",
    }),
  ),
  account: Schema.optionalKey(
    Schema.Struct({
      bankBin: Schema.String,
      bankName: Schema.String,
      accountNumber: Schema.String,
      accountName: Schema.String,
    }).annotate({
      description:
        "VietQR: tài khoản nhận của trung tâm, để chuyển khoản bằng tay khi không quét được mã (the centre's " +
        "account, for a transfer typed by hand)",
    }),
  ),
}).annotate({ identifier: "PaymentRequest" })

/** A request as the API shows it: a VietQR one with its centre's account, for a transfer typed by hand. */
const requestView = (deps: ApiDeps) => (request: PaymentRequestRecord) => {
  const account =
    request.channel === "vietqr"
      ? deps.runtime?.data.paymentAccounts?.accounts.find((a) => a.centreId === request.centreId)
      : undefined
  return account === undefined
    ? request
    : {
        ...request,
        account: {
          bankBin: account.bankBin,
          bankName: account.bankName,
          accountNumber: account.accountNumber,
          accountName: account.accountName,
        },
      }
}

const NoticeOutcome = Schema.Struct({
  messageId: Schema.String,
  outcome: Schema.Literals(["confirmed", "held", "not-paid"]).annotate({
    description:
      "confirmed: đã ghi nhận cho hồ sơ; held: giữ lại chờ cán bộ (kèm lý do); not-paid: giao dịch không thành công",
  }),
  reason: Schema.String,
  detail: Schema.String,
  dossierCode: Schema.optionalKey(Schema.String),
  requestId: Schema.optionalKey(Schema.String),
  paymentId: Schema.optionalKey(Schema.String),
  receiptId: Schema.optionalKey(Schema.String),
}).annotate({ identifier: "PaymentNoticeOutcome" })

const GatewayNoticeAnswer = Schema.Struct({
  RspCode: Schema.Literals(["00", "02", "04"]).annotate({
    description:
      "00: đã nhận (received). Only with MOTCUA_GATEWAY_IPN_ANSWER=rspcode, for money held for an officer: 04 số " +
      "tiền không khớp (the amount differs), 02 yêu cầu đã thanh toán hoặc hồ sơ không còn nợ (already paid)",
  }),
  Message: Schema.String,
  ...NoticeOutcome.fields,
}).annotate({ identifier: "GatewayNoticeAnswer" })

/** The gateway's parameters (VNPay-style); every `vnp_` parameter sent is part of the signature. */
const GatewayParams = Schema.Struct(
  Object.fromEntries(
    [
      "vnp_Amount",
      "vnp_BankCode",
      "vnp_BankTranNo",
      "vnp_CardType",
      "vnp_OrderInfo",
      "vnp_PayDate",
      "vnp_ResponseCode",
      "vnp_TmnCode",
      "vnp_TransactionNo",
      "vnp_TransactionStatus",
      "vnp_TxnRef",
      "vnp_SecureHash",
    ].map((name) => [name, Schema.optionalKey(Schema.String.check(Schema.isMaxLength(500)))]),
  ),
)

const HeldPayment = Schema.Struct({
  id: Schema.String,
  channel: Channel,
  kind: Schema.String,
  key: Schema.optionalKey(Schema.String.annotate({ description: "Mã giao dịch của ngân hàng hoặc cổng" })),
  receivedAt: Instant,
  outcome: Schema.String,
  reason: Schema.String.annotate({
    description:
      "Lý do giữ lại: underpayment, overpayment, no-reference, several-references, unknown-reference, wrong-account, request-closed, paid-by-another-request, dossier-refused",
  }),
  detail: Schema.String,
  centreId: Schema.optionalKey(Schema.String),
  dossierCode: Schema.optionalKey(Schema.String),
  requestId: Schema.optionalKey(Schema.String),
  amount: Schema.optionalKey(Dong),
  description: Schema.optionalKey(Schema.String),
  paidAt: Schema.optionalKey(Schema.String),
  excerpt: Schema.String,
}).annotate({ identifier: "HeldPayment" })

const HeldResolutionRequest = Schema.Union([
  Schema.Struct({
    action: Schema.Literal("apply").annotate({ description: "Ghi nhận khoản tiền cho hồ sơ (đúng số còn phải nộp)" }),
    dossierCode: DossierCode,
    note: Schema.optionalKey(Note),
  }),
  Schema.Struct({
    action: Schema.Literal("return").annotate({ description: "Đề nghị hoàn trả người chuyển (lãnh đạo duyệt)" }),
    note: Note.check(Schema.isMinLength(1)),
  }),
]).annotate({ identifier: "HeldPaymentResolution" })

const Refund = Schema.Struct({
  id: Schema.String,
  reference: Schema.String.annotate({ description: "Mã hoàn trả (HT…): ghi trong nội dung chuyển tiền trả lại" }),
  centreId: Schema.String,
  dossierCode: Schema.optionalKey(Schema.String),
  messageId: Schema.optionalKey(Schema.String),
  amount: Dong,
  reason: Schema.Literals(["refused", "withdrawn", "unmatched", "overpaid"]),
  status: Schema.Literals(["requested", "approved", "rejected", "paid"]).annotate({
    description: "requested → approved | rejected; approved → paid when the transfer back is recorded",
  }),
  requestedBy: Schema.String,
  requestedAt: Instant,
  note: Schema.String,
  decidedBy: Schema.optionalKey(Schema.String),
  decidedAt: Schema.optionalKey(Schema.String),
  decisionNote: Schema.optionalKey(Schema.String),
  lines: Schema.optionalKey(Schema.Array(Schema.Unknown)),
  payout: Schema.optionalKey(
    Schema.Struct({
      bankReference: Schema.String,
      paidOn: Schema.String,
      amount: Dong,
      recordedBy: Schema.String,
      recordedAt: Instant,
      note: Schema.optionalKey(Schema.String),
    }).annotate({ identifier: "RefundPayout", description: "Giao dịch chuyển trả (the transfer back, recorded)" }),
  ),
}).annotate({ identifier: "Refund" })

const Refunds = listOf(Refund, "Refunds")

const Payer = Schema.Struct({
  name: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200)),
  id: Schema.optionalKey(Schema.String.check(Schema.isMaxLength(50))),
  address: Schema.optionalKey(Schema.String.check(Schema.isMaxLength(500))),
}).annotate({ identifier: "ReceiptPayer" })

const Receipt = Schema.Struct({
  id: Schema.String,
  centreId: Schema.String,
  centreName: Schema.String,
  collector: Schema.String,
  form: Schema.String.annotate({ description: "Ký hiệu mẫu biên lai" }),
  series: Schema.String.annotate({ description: "Ký hiệu biên lai (của trung tâm, theo năm)" }),
  number: Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(1)).annotate({
    description: "Số biên lai: liên tục theo trung tâm và ký hiệu, không bỏ số",
  }),
  dossierCode: Schema.String,
  procedureName: Schema.String,
  paymentId: Schema.String,
  payer: Payer,
  items: Schema.Array(Item),
  total: Dong,
  totalInWords: Schema.String.annotate({ description: "Số tiền bằng chữ" }),
  method: Schema.String,
  issuedAt: Instant,
  status: Schema.Literals(["issued", "cancelled"]),
  cancelled: Schema.optionalKey(Schema.Struct({ at: Schema.String, by: Schema.String, reason: Schema.String })),
  replaces: Schema.optionalKey(Schema.String),
  replacedBy: Schema.optionalKey(Schema.String),
  einvoice: Schema.optionalKey(
    Schema.Struct({
      status: Schema.Literals(["accepted", "cancelled", "refused"]),
      at: Schema.String,
      taxAuthorityCode: Schema.optionalKey(Schema.String.annotate({ description: "Mã của cơ quan thuế" })),
      lookupCode: Schema.optionalKey(Schema.String.annotate({ description: "Mã tra cứu biên lai" })),
      invoiceNo: Schema.optionalKey(Schema.String),
      problem: Schema.optionalKey(Schema.String),
    }).annotate({
      description:
        "Hệ thống hóa đơn điện tử của cơ quan thuế đã nhận (accepted), đã nhận việc hủy (cancelled) hoặc từ chối " +
        "(refused, với lý do) / what the tax authority's e-invoice system made of the receipt",
    }),
  ),
}).annotate({ identifier: "Receipt" })

const Mismatch = Schema.Struct({
  kind: Schema.String,
  reason: Schema.String,
  transactionId: Schema.optionalKey(Schema.String),
  paymentId: Schema.optionalKey(Schema.String),
  dossierCode: Schema.optionalKey(Schema.String),
  messageId: Schema.optionalKey(Schema.String),
  amount: Schema.optionalKey(Schema.Number),
  line: Schema.optionalKey(Schema.Number),
})

const ReconciliationReport = Schema.Struct({
  date: Schema.String,
  centreId: Schema.String,
  statement: Schema.Boolean,
  totals: Schema.Struct({
    confirmed: Schema.Record(Schema.String, Schema.Struct({ count: Count, amount: Dong })),
    statementCredits: Dong,
    statementDebits: Dong,
    held: Count,
    rejected: Count,
    duplicates: Count,
  }),
  matched: Count,
  mismatches: Schema.Array(Mismatch),
  pendingRefunds: Schema.Array(Schema.Struct({ id: Schema.String, reference: Schema.String, amount: Dong })),
}).annotate({ identifier: "ReconciliationReport" })

const CivilDate = Schema.String.check(Schema.isPattern(/^\d{4}-\d{2}-\d{2}$/u)).annotate({
  description: "Ngày (giờ Việt Nam), YYYY-MM-DD",
})

const CodeParams = Schema.Struct({ code: DossierCode })
const notConfigured = (what: string) => Result.fail(new PaymentsNotConfigured({ what }))

/**
 * VNPay's answer to a refused IPN (its merchant integration guide: the merchant answers HTTP 200 with `RspCode` and
 * `Message`), or undefined for a failure that is ours (storage down: left to the usual 5xx, so the gateway retries).
 */
function vnpayRefusal(error: unknown): { readonly RspCode: string; readonly Message: string } | undefined {
  const e = error as { _tag?: string; code?: string; outcome?: string; reason?: string }
  if (e._tag === "CallbackRejected")
    return e.code === "malformed"
      ? { RspCode: "99", Message: "Input data required" }
      : { RspCode: "97", Message: "Invalid Checksum" }
  if (e._tag === "PaymentMessageRefused")
    return e.outcome === "duplicate"
      ? { RspCode: "02", Message: "Order already confirmed" }
      : { RspCode: "01", Message: "Order not found" }
  return undefined
}

/**
 * The page the citizen's browser lands on when it comes back from the gateway (Vietnamese first); or, for the web
 * pages' own return page (which forwards the gateway's parameters here with `Accept: application/json`), the outcome
 * as JSON: `{ outcome: confirmed | duplicate | held | not-paid | rejected, dossierCode? }`.
 */
function returnPage(outcome: string, dossierCode: string | undefined, json = false): Response {
  if (json)
    return new Response(JSON.stringify({ outcome, ...(dossierCode === undefined ? {} : { dossierCode }) }), {
      headers: { "content-type": "application/json", "cache-control": "no-store" },
    })
  const [title, text] =
    outcome === "confirmed" || outcome === "duplicate"
      ? ["Thanh toán thành công", "Khoản thanh toán đã được ghi nhận cho hồ sơ. (Your payment was received.)"]
      : outcome === "not-paid"
        ? [
            "Thanh toán không thành công",
            "Giao dịch không thành công; bạn có thể thanh toán lại. (The payment failed.)",
          ]
        : outcome === "held"
          ? ["Đang chờ cán bộ xác nhận", "Khoản tiền đã nhận và đang chờ cán bộ đối chiếu. (Waiting for an officer.)"]
          : ["Không xác nhận được giao dịch", "Thông tin trả về không hợp lệ. (The gateway's answer did not verify.)"]
  const link =
    dossierCode === undefined
      ? ""
      : `<p><a href="/ho-so/${encodeURIComponent(dossierCode)}">Xem hồ sơ ${dossierCode}</a></p>`
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p>${link}</body></html>`
  return new Response(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  })
}

export const paymentOperations = [
  operation({
    method: "post",
    path: "/api/v1/payments/callback",
    operationId: "paymentCallback",
    tag: "payments",
    summary: "Cổng thanh toán (phát triển) báo đã thanh toán (hệ thống tích hợp, khóa API)",
    description:
      "The development gateway's 'paid' callback, relayed by an integration client with an API key. Verified by the " +
      "PaymentGateway port; confirmed once per gateway payment id; an Idempotency-Key is honoured when sent.",
    auth: "api-key",
    idempotencyKey: "optional",
    body: PaymentCallback,
    response: { status: 200, description: "Hồ sơ sau xác nhận", schema: DossierView },
    problems: ["unauthenticated", "forbidden", "not-found", "conflict", "unprocessable", "unsupported-media-type"],
    handle: ({ principal, body, idempotencyKey }, deps) =>
      runUseCase(
        deps,
        idempotencyKey === undefined
          ? confirmPaymentCallback(principal, body)
          : onceFor(
              `payment.callback.key/${principal.id}`,
              idempotencyKey,
              body,
              confirmPaymentCallback(principal, body),
            ),
      ),
  }),
  operation({
    method: "post",
    path: "/api/v1/dossiers/{code}/payment-requests",
    operationId: "openPaymentRequest",
    tag: "payments",
    summary: "Tạo yêu cầu thanh toán cho hồ sơ: mã VietQR vào tài khoản của trung tâm, hoặc trang cổng thanh toán",
    description:
      "A payment request for everything the dossier still owes, to its collecting centre's own account: a VietQR " +
      "payload carrying the request's reference (bill number and purpose), or the gateway's pay page. Asking again " +
      "while one is open gives it back. 422 when nothing is owed; 503 when the channel is not configured.",
    auth: "required",
    params: CodeParams,
    body: Schema.Struct({ channel: Channel }).annotate({ identifier: "PaymentRequestAsked" }),
    response: { status: 201, description: "Yêu cầu thanh toán", schema: PaymentRequestDocument },
    problems: ["unauthenticated", "forbidden", "not-found", "unprocessable", "unsupported-media-type", "unavailable"],
    handle: async ({ principal, params, body }, deps) =>
      Result.map(await runUseCase(deps, openPaymentRequest(principal, params.code, body)), requestView(deps)),
  }),
  operation({
    method: "get",
    path: "/api/v1/dossiers/{code}/payment-requests",
    operationId: "paymentRequestsOfDossier",
    tag: "payments",
    summary: "Các yêu cầu thanh toán của hồ sơ",
    description: "The dossier's payment requests with their status, for whoever may read the dossier.",
    auth: "required",
    params: CodeParams,
    response: { status: 200, description: "Các yêu cầu", schema: listOf(PaymentRequestDocument, "PaymentRequests") },
    problems: ["unauthenticated", "forbidden", "not-found"],
    handle: ({ principal, params }, deps) =>
      runUseCase(
        deps,
        Effect.map(paymentRequestsOf(principal, params.code), (items) => asList(items.map(requestView(deps)))),
      ),
  }),
  operation({
    method: "get",
    path: "/api/v1/dossiers/{code}/payment-requests/{id}/qr",
    operationId: "paymentRequestQr",
    tag: "payments",
    summary: "Ảnh mã VietQR của yêu cầu thanh toán (PNG hoặc SVG)",
    description:
      "The request's VietQR drawn as an image a banking app scans: `format=png` (default) or `svg`. 404 for a " +
      "gateway request (it has a pay page, not a QR).",
    auth: "required",
    params: Schema.Struct({ code: DossierCode, id: Id }),
    query: Schema.Struct({ format: Schema.optionalKey(Schema.Literals(["png", "svg"])) }),
    response: { status: 200, description: "Ảnh mã QR", mediaType: "image/png" },
    problems: ["unauthenticated", "forbidden", "not-found"],
    handle: async ({ principal, params, query }, deps) => {
      const found = await runUseCase(deps, paymentRequestOf(principal, params.code, params.id))
      if (Result.isFailure(found)) return found
      const payload = found.success.qrPayload
      if (payload === undefined)
        return Result.fail(
          new ApiProblem({ kind: "not-found", detail: "Yêu cầu thanh toán này không có mã VietQR (no VietQR)." }),
        )
      const headers = { "cache-control": "private, no-store", "x-content-type-options": "nosniff" }
      if (query.format === "svg")
        return Result.succeed(
          new Response(await drawVietQrSvg(payload), { headers: { ...headers, "content-type": "image/svg+xml" } }),
        )
      const png = await drawVietQrPng(payload)
      return Result.succeed(
        new Response(png as Uint8Array<ArrayBuffer>, { headers: { ...headers, "content-type": "image/png" } }),
      )
    },
  }),
  operation({
    method: "post",
    path: "/api/v1/payments/vietqr/notice",
    operationId: "vietqrTransferNotice",
    tag: "payments",
    summary: "Ngân hàng báo tiền chuyển khoản vào tài khoản của trung tâm (có chữ ký)",
    description:
      "The bank's (or its intermediary's) signed notice of a credit to a centre's account: `x-timestamp` (unix " +
      "seconds) and `x-signature` (HMAC of timestamp + '.' + the raw body, as configured). Credited to the dossier " +
      "only when its reference, amount and account are exactly a pending request's; otherwise held for an officer " +
      "with the reason (200, outcome held). Unsigned, altered or stale: 401, in the rejected log. A repeat: 409.",
    // Any JSON object: the sender's field names are configurable, and the adapter checks every field it reads.
    body: Schema.Record(Schema.String, Schema.Unknown).annotate({
      identifier: "TransferNotice",
      description:
        "transactionId, accountNumber, bankBin (tùy chọn), amount (đồng), description (nội dung chuyển khoản), " +
        "creditedAt, direction (tùy chọn: in)",
    }),
    response: { status: 200, description: "Đã nhận", schema: NoticeOutcome },
    problems: ["unauthenticated", "conflict", "unprocessable", "unsupported-media-type", "unavailable"],
    handle: ({ rawBody, header }, deps) =>
      deps.runtime !== undefined && !deps.runtime.payments.vietqrNotices
        ? notConfigured("MOTCUA_VIETQR_NOTICE_SECRET")
        : runUseCase(
            deps,
            receiveTransferNotice(rawBody ?? "", {
              "x-timestamp": header("x-timestamp"),
              "x-signature": header("x-signature"),
            }),
          ),
  }),
  operation({
    method: "get",
    path: "/api/v1/payments/gateway/notice",
    operationId: "gatewayNotice",
    tag: "payments",
    summary: "Cổng thanh toán báo kết quả giao dịch (IPN, có chữ ký)",
    description:
      "The gateway's server-to-server notice, its `vnp_*` parameters signed with `vnp_SecureHash`. A paid notice is " +
      "credited once per gateway transaction; a repeat is 409, a forged or altered one 401 (in the rejected log), " +
      "one naming another dossier or an unknown request 422. Answers `RspCode: 00` when received. With " +
      "MOTCUA_GATEWAY_IPN_ANSWER=rspcode (VNPay's protocol) every answer is HTTP 200 with VNPay's code instead of a " +
      "4xx: 97 forged, altered or stale; 99 malformed; 02 a repeat, or a payment of a request already paid (held); 01 " +
      "an unknown request or another dossier's; 04 the amount differs (held for an officer); the notice is recorded " +
      "the same way.",
    query: GatewayParams,
    response: { status: 200, description: "Đã nhận", schema: GatewayNoticeAnswer },
    problems: ["unauthenticated", "conflict", "unprocessable", "unavailable"],
    handle: async ({ rawQuery }, deps) => {
      if (deps.runtime !== undefined && !deps.runtime.payments.gateway) return notConfigured("MOTCUA_GATEWAY_*")
      const settled = await runUseCase(deps, receiveGatewayNotice(rawQuery, "gateway-notice"))
      const heldAs = (o: { outcome: string; reason: string }) =>
        o.outcome !== "held"
          ? undefined
          : o.reason === "underpayment" || o.reason === "overpayment"
            ? ({ RspCode: "04", Message: "Invalid amount" } as const)
            : o.reason === "request-closed" || o.reason === "paid-by-another-request" || o.reason === "dossier-refused"
              ? ({ RspCode: "02", Message: "Order already confirmed" } as const)
              : undefined
      if (deps.runtime?.payments.gatewayIpnAnswer !== "rspcode")
        return Result.map(settled, (outcome) => ({ RspCode: "00" as const, Message: "Confirm Success", ...outcome }))
      if (Result.isSuccess(settled))
        return Result.succeed({
          ...(heldAs(settled.success) ?? { RspCode: "00" as const, Message: "Confirm Success" }),
          ...settled.success,
        })
      const answer = vnpayRefusal(settled.failure)
      return answer === undefined ? settled : Result.succeed(Response.json(answer))
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/payments/gateway/return",
    operationId: "gatewayReturn",
    tag: "payments",
    summary: "Công dân quay lại từ cổng thanh toán (trang kết quả)",
    description:
      "Where the gateway sends the citizen's browser back, with the same signed parameters as the notice: settled " +
      "like it (whichever arrives first credits the payment, the other changes nothing), then a page saying how it went " +
      "(or, with `Accept: application/json`, `{ outcome, dossierCode? }` for the web pages' own return page).",
    query: GatewayParams,
    response: { status: 200, description: "Trang kết quả (HTML)", mediaType: "text/html" },
    problems: ["unavailable"],
    handle: async ({ rawQuery, header }, deps) => {
      if (deps.runtime !== undefined && !deps.runtime.payments.gateway) return notConfigured("MOTCUA_GATEWAY_*")
      const json = (header("accept") ?? "").includes("application/json")
      const settled = await runUseCase(deps, receiveGatewayNotice(rawQuery, "gateway-return"))
      if (Result.isSuccess(settled))
        return Result.succeed(returnPage(settled.success.outcome, settled.success.dossierCode, json))
      const error = settled.failure as { _tag?: string; outcome?: string }
      if (error._tag === "PaymentMessageRefused" && error.outcome === "duplicate")
        return Result.succeed(returnPage("duplicate", undefined, json))
      if (error._tag === "CallbackRejected" || error._tag === "PaymentMessageRefused")
        return Result.succeed(returnPage("rejected", undefined, json))
      return settled
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/centres/{centreId}/payments/held",
    operationId: "heldPayments",
    tag: "payments",
    summary: "Các khoản tiền đang giữ chờ cán bộ xử lý của trung tâm (nộp thiếu, thừa, sai mã…)",
    description: "Money received at the centre's account and not credited by itself, with the reason, oldest first.",
    auth: "required",
    params: Schema.Struct({ centreId: CentreId }),
    response: { status: 200, description: "Các khoản", schema: listOf(HeldPayment, "HeldPayments") },
    problems: ["unauthenticated", "forbidden"],
    handle: ({ principal, params }, deps) =>
      runUseCase(deps, Effect.map(heldPayments(principal, params.centreId), asList)),
  }),
  operation({
    method: "post",
    path: "/api/v1/payments/held/{id}/resolution",
    operationId: "resolveHeldPayment",
    tag: "payments",
    summary: "Xử lý khoản tiền đang giữ: ghi nhận cho hồ sơ, hoặc đề nghị hoàn trả",
    description:
      "`apply`: credit it to a dossier (the dossier's rule decides: only exactly what it owes); `return`: a refund " +
      "to the payer, for the centre's head to approve. Resolved once (409 after).",
    auth: "required",
    params: Schema.Struct({ id: Id }),
    body: HeldResolutionRequest,
    response: {
      status: 200,
      description: "Đã xử lý",
      schema: Schema.Struct({
        resolution: Schema.Struct({ action: Schema.String, by: Schema.String, at: Schema.String, note: Schema.String }),
        receiptId: Schema.optionalKey(Schema.String),
        refund: Schema.optionalKey(Refund),
      }),
    },
    problems: ["unauthenticated", "forbidden", "not-found", "conflict", "unprocessable", "unsupported-media-type"],
    handle: ({ principal, params, body }, deps) =>
      runUseCase(
        deps,
        Effect.map(resolveHeldPayment(principal, params.id, body), (r) => ({
          resolution: r.resolution,
          ...(r.receiptId === undefined ? {} : { receiptId: r.receiptId }),
          ...(r.refund === undefined ? {} : { refund: r.refund }),
        })),
      ),
  }),
  operation({
    method: "post",
    path: "/api/v1/centres/{centreId}/payments/reconciliation",
    operationId: "reconcilePayments",
    tag: "payments",
    summary: "Đối chiếu thanh toán trong ngày của trung tâm (kèm sao kê ngân hàng CSV nếu có)",
    description:
      "Compares the day's requests, confirmations, held and refused messages and approved refunds, and — when given — " +
      "the bank statement of the centre's account (CSV: transaction_id, booked_at, account, amount, description). " +
      "Each mismatch has its reason; an empty list means the day adds up. A statement with problems is refused " +
      "with each problem's line and column.",
    auth: "required",
    params: Schema.Struct({ centreId: CentreId }),
    body: Schema.Struct({
      date: CivilDate,
      statementCsv: Schema.optionalKey(Schema.String.annotate({ description: "Sao kê ngân hàng (CSV, UTF-8)" })),
    }).annotate({ identifier: "ReconciliationRequest" }),
    response: { status: 200, description: "Kết quả đối chiếu", schema: ReconciliationReport },
    problems: ["unauthenticated", "forbidden", "unprocessable", "unsupported-media-type", "unavailable"],
    handle: ({ principal, params, body }, deps) => {
      let statement: ReturnType<typeof parseStatementCsv> | undefined
      if (body.statementCsv !== undefined) {
        statement = parseStatementCsv(body.statementCsv)
        if (!statement.ok)
          return Result.fail(
            new ApiProblem({
              kind: "unprocessable",
              detail: `Sao kê không hợp lệ: ${statement.problems.length} lỗi (the statement has problems)`,
              errors: statement.problems.map((p) => ({ path: `body.statementCsv: ${p.path}`, message: p.message })),
            }),
          )
      }
      return runUseCase(
        deps,
        reconcileForOfficer(principal, {
          date: body.date,
          centreId: params.centreId,
          ...(statement?.ok === true ? { statement: statement.lines } : {}),
        }),
      )
    },
  }),
  operation({
    method: "post",
    path: "/api/v1/dossiers/{code}/refunds",
    operationId: "requestRefund",
    tag: "payments",
    summary: "Đề nghị hoàn trả phí, lệ phí của hồ sơ bị từ chối, dừng xử lý hoặc rút",
    description:
      "The refund the catalogue gives a refused, stopped or withdrawn dossier (per fee item), asked by a counter " +
      "officer for a leader to approve; never more than was paid minus what is refunded or awaiting a decision.",
    auth: "required",
    params: CodeParams,
    body: Schema.Struct({ note: Note }).annotate({ identifier: "RefundAsked" }),
    response: { status: 201, description: "Đề nghị hoàn trả", schema: Refund },
    problems: ["unauthenticated", "forbidden", "not-found", "unprocessable", "unsupported-media-type"],
    handle: ({ principal, params, body }, deps) => runUseCase(deps, requestRefund(principal, params.code, body)),
  }),
  operation({
    method: "get",
    path: "/api/v1/dossiers/{code}/refunds",
    operationId: "refundsOfDossier",
    tag: "payments",
    summary: "Các khoản hoàn trả của hồ sơ",
    description: "The dossier's refunds with their decisions, for whoever may read the dossier.",
    auth: "required",
    params: CodeParams,
    response: { status: 200, description: "Các khoản hoàn trả", schema: Refunds },
    problems: ["unauthenticated", "forbidden", "not-found"],
    handle: ({ principal, params }, deps) => runUseCase(deps, Effect.map(refundsOf(principal, params.code), asList)),
  }),
  operation({
    method: "get",
    path: "/api/v1/centres/{centreId}/refunds",
    operationId: "refundsOfCentre",
    tag: "payments",
    summary: "Các khoản hoàn trả của trung tâm (chờ duyệt, đã duyệt, từ chối)",
    description:
      "The refunds asked for the centre's dossiers and for money held at its account, for its payments officers and " +
      "its head; `status=requested` lists those waiting for a decision (decided at POST /api/v1/refunds/{id}/decision).",
    auth: "required",
    params: Schema.Struct({ centreId: CentreId }),
    query: Schema.Struct({ status: Schema.optionalKey(Schema.Literals(["requested", "approved", "rejected"])) }),
    response: { status: 200, description: "Các khoản hoàn trả", schema: Refunds },
    problems: ["unauthenticated", "forbidden"],
    handle: ({ principal, params, query }, deps) =>
      runUseCase(deps, Effect.map(refundsOfCentre(principal, params.centreId, query.status), asList)),
  }),
  operation({
    method: "post",
    path: "/api/v1/refunds/{id}/decision",
    operationId: "decideRefund",
    tag: "payments",
    summary: "Lãnh đạo duyệt hoặc từ chối đề nghị hoàn trả",
    description:
      "Approve or reject a requested refund: a leader of the dossier's authority, or the centre's head; never the " +
      "account that asked. Decided once (409 after), so a refund is paid out at most once.",
    auth: "required",
    params: Schema.Struct({ id: Id }),
    body: Schema.Struct({ approve: Schema.Boolean, note: Note }).annotate({ identifier: "RefundDecision" }),
    response: { status: 200, description: "Khoản hoàn trả sau quyết định", schema: Refund },
    problems: ["unauthenticated", "forbidden", "not-found", "conflict", "unprocessable", "unsupported-media-type"],
    handle: ({ principal, params, body }, deps) => runUseCase(deps, decideRefund(principal, params.id, body)),
  }),
  operation({
    method: "post",
    path: "/api/v1/refunds/{id}/payout",
    operationId: "recordRefundPayout",
    tag: "payments",
    summary: "Ghi nhận đã chuyển trả khoản hoàn trả đã duyệt (mã giao dịch ngân hàng, ngày, số tiền)",
    description:
      "Records the centre accountant's transfer back of an approved refund: the bank's reference of the transfer, " +
      "the day it was booked (Vietnam, not before the approval nor after today) and the amount (exactly the " +
      "refund's). The refund becomes `paid`, once (409 after); a bank reference another refund of the centre has is " +
      "refused (422). Daily reconciliation matches the statement's debit to it by that reference. The centre's head.",
    auth: "required",
    params: Schema.Struct({ id: Id }),
    body: Schema.Struct({
      bankReference: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(60)).annotate({
        description: "Mã giao dịch của ngân hàng (ghi trên sao kê)",
      }),
      paidOn: CivilDate,
      amount: Dong,
      note: Schema.optionalKey(Note),
    }).annotate({ identifier: "RefundPayoutRecord" }),
    response: { status: 200, description: "Khoản hoàn trả đã chi trả", schema: Refund },
    problems: ["unauthenticated", "forbidden", "not-found", "conflict", "unprocessable", "unsupported-media-type"],
    handle: ({ principal, params, body }, deps) => runUseCase(deps, recordRefundPayout(principal, params.id, body)),
  }),
  operation({
    method: "get",
    path: "/api/v1/dossiers/{code}/receipts",
    operationId: "receiptsOfDossier",
    tag: "payments",
    summary: "Biên lai điện tử của hồ sơ",
    description: "The dossier's e-receipts, cancelled ones with their replacement, for whoever may read the dossier.",
    auth: "required",
    params: CodeParams,
    response: { status: 200, description: "Các biên lai", schema: listOf(Receipt, "Receipts") },
    problems: ["unauthenticated", "forbidden", "not-found"],
    handle: ({ principal, params }, deps) => runUseCase(deps, Effect.map(receiptsOf(principal, params.code), asList)),
  }),
  operation({
    method: "get",
    path: "/api/v1/receipts/{id}",
    operationId: "receipt",
    tag: "payments",
    summary: "Một biên lai điện tử: dữ liệu có cấu trúc, hoặc PDF (?format=pdf)",
    description:
      "One e-receipt, for whoever may read its dossier: as structured data (default, `format=json`), or with " +
      "`format=pdf` as the printable receipt (application/pdf; Vietnamese text in an embedded font: form symbol, " +
      "series, number, payer, items, total in figures and in words, method, and a QR code to the dossier's public " +
      "lookup page), signed by the collecting centre (PAdES, with the centre's certificate through the signer; " +
      "`x-motcua-signature: signed`, or `unsigned` under the development signer). A cancelled receipt is printed " +
      "as cancelled, naming its replacement's number; a replacement names the number it replaces. A centre without " +
      "a certificate is 422 (`no-certificate`), a signing service down 503.",
    auth: "required",
    params: Schema.Struct({ id: Id }),
    query: Schema.Struct({ format: Schema.optionalKey(Schema.Literals(["json", "pdf"])) }),
    response: { status: 200, description: "Biên lai", schema: Receipt, alternatives: ["application/pdf"] },
    problems: ["unauthenticated", "forbidden", "not-found", "unprocessable", "unavailable"],
    handle: async ({ principal, params, query }, deps) => {
      if (query.format !== "pdf") return runUseCase(deps, receiptOf(principal, params.id))
      const rendered = await runUseCase(deps, receiptPdfOf(principal, params.id))
      if (Result.isFailure(rendered)) return rendered
      const { receipt, bytes, signed } = rendered.success
      const name = `bien-lai-${receipt.series}-${formatReceiptNumber(receipt.number)}.pdf`.replace(/[^\w.-]/g, "_")
      return Result.succeed(
        new Response(bytes as Uint8Array<ArrayBuffer>, {
          headers: {
            "content-type": "application/pdf",
            "content-disposition": `inline; filename="${name}"`,
            "cache-control": "private, no-store",
            "x-content-type-options": "nosniff",
            "x-motcua-signature": signed ? "signed" : "unsigned",
          },
        }),
      )
    },
  }),
  operation({
    method: "post",
    path: "/api/v1/receipts/{id}/replacement",
    operationId: "replaceReceipt",
    tag: "payments",
    summary: "Hủy biên lai sai và lập biên lai thay thế (không sửa biên lai đã lập)",
    description:
      "Cancels a wrong receipt (it keeps its number) and issues its replacement with the next number of the " +
      "centre's series, naming the one it replaces. The centre's head or a leader; once (409 after).",
    auth: "required",
    params: Schema.Struct({ id: Id }),
    body: Schema.Struct({ reason: Note.check(Schema.isMinLength(1)), payer: Payer }).annotate({
      identifier: "ReceiptReplacement",
    }),
    response: {
      status: 201,
      description: "Biên lai đã hủy và biên lai thay thế",
      schema: Schema.Struct({ cancelled: Receipt, replacement: Receipt }),
    },
    problems: ["unauthenticated", "forbidden", "not-found", "conflict", "unprocessable", "unsupported-media-type"],
    handle: ({ principal, params, body }, deps) => runUseCase(deps, replaceReceipt(principal, params.id, body)),
  }),
]
