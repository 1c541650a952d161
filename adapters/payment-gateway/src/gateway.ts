// The PaymentGateway port over a VNPay-style gateway (VNPay's payment gateway API 2.1.0, whose form the national
// public service portal's payment platform and other Vietnamese gateways share; field names `vnp_*`):
// - createPaymentRequest: the URL of the gateway's pay page, signed — nothing is sent; the citizen's browser goes
//   there. The amount travels ×100 (`vnp_Amount`), our request id as `vnp_TxnRef`, the dossier code in
//   `vnp_OrderInfo`, the page expires with the request (`vnp_ExpireDate`, Vietnam time).
// - readNotice: the server-to-server notice (IPN) and the citizen's return carry the same signed parameters; the
//   signature is checked first, then every field (merchant code ours, amount whole đồng ×100, instants real). Paid
//   means `vnp_ResponseCode` and `vnp_TransactionStatus` both `00`.
// - queryStatus: `querydr` (POST JSON, signed over `|`-joined fields); the answer's own signature is checked.
//   `91` (no such transaction) means the citizen has not paid yet.
import {
  CallbackRejected,
  ExternalServiceFailed,
  type GatewayNotice,
  type GatewayStatus,
  PaymentGateway,
  type PaymentGatewayShape,
} from "@motcua/application"
import { Effect, Layer } from "effect"
import { type HashAlgorithm, hmacScheme, type SignatureScheme, sortedParamsText } from "./scheme.ts"

export interface GatewaySettings {
  /** The gateway's pay page, e.g. `https://sandbox.vnpayment.vn/paymentv2/vpcpay.html`. */
  readonly payUrl: string
  /** The status query API, e.g. `https://sandbox.vnpayment.vn/merchant_webapi/api/transaction`. */
  readonly queryUrl: string
  /** Our merchant (terminal) code at the gateway (`vnp_TmnCode`). */
  readonly merchantCode: string
  /** The secret both sides sign with. */
  readonly secret: string
  /** Where the citizen's browser comes back (motcua's `/api/v1/payments/gateway/return`). */
  readonly returnUrl: string
  /** The HMAC's hash (SHA-512 unless the gateway says otherwise). */
  readonly hash?: HashAlgorithm
  /** Another signature scheme altogether (replaces `hash`). */
  readonly scheme?: SignatureScheme
  /** Milliseconds before a status query is abandoned (10 000 by default). */
  readonly timeoutMs?: number
  /** The address given as the payer's (`vnp_IpAddr`) when the caller gives none. */
  readonly serverIp?: string
  readonly now?: () => number
}

/** `2025-10-06T01:00:00Z` → `20251006080000`: the gateway's instants are Vietnam time without zone. */
export const gatewayTime = (instant: string | number): string =>
  new Date((typeof instant === "number" ? instant : Date.parse(instant)) + 7 * 3_600_000)
    .toISOString()
    .replace(/[-:T]/g, "")
    .slice(0, 14)

/** `20251006080000` → `2025-10-06T08:00:00+07:00`, or undefined when it is not a real instant. */
export function fromGatewayTime(text: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text)
  if (m === null) return undefined
  const [, y, mo, d, h, mi, s] = m
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}+07:00`
  const ms = Date.parse(iso)
  if (Number.isNaN(ms) || gatewayTime(ms) !== text) return undefined
  return iso
}

const ORDER_INFO = "Thanh toan ho so "
const DOSSIER = /^[0-9A-Za-z.]+-\d{6}-\d{4}$/

/** The fields the status query's request and answer are signed over, in order (VNPay querydr). */
export const QUERY_REQUEST_FIELDS = [
  "vnp_RequestId",
  "vnp_Version",
  "vnp_Command",
  "vnp_TmnCode",
  "vnp_TxnRef",
  "vnp_TransactionDate",
  "vnp_CreateDate",
  "vnp_IpAddr",
  "vnp_OrderInfo",
] as const
export const QUERY_ANSWER_FIELDS = [
  "vnp_ResponseId",
  "vnp_Command",
  "vnp_ResponseCode",
  "vnp_Message",
  "vnp_TmnCode",
  "vnp_TxnRef",
  "vnp_Amount",
  "vnp_BankCode",
  "vnp_PayDate",
  "vnp_TransactionNo",
  "vnp_TransactionType",
  "vnp_TransactionStatus",
  "vnp_OrderInfo",
  "vnp_PromotionCode",
  "vnp_PromotionAmount",
] as const

const pipeText = (fields: ReadonlyArray<string>, values: Readonly<Record<string, unknown>>) =>
  fields.map((f) => (values[f] === undefined || values[f] === null ? "" : String(values[f]))).join("|")

const rejected = (reason: string, code: "bad-signature" | "malformed") =>
  new CallbackRejected({ port: "PaymentGateway", reason, code })

export function httpGateway(settings: GatewaySettings): PaymentGatewayShape {
  const scheme = settings.scheme ?? hmacScheme(settings.secret, settings.hash ?? "sha512")
  const now = settings.now ?? Date.now
  const timeoutMs = settings.timeoutMs ?? 10_000
  const ip = settings.serverIp ?? "127.0.0.1"
  const failed = (operation: string, cause: unknown) =>
    new ExternalServiceFailed({ port: "PaymentGateway", operation, cause })

  const readNotice = (params: Readonly<Record<string, string>>) =>
    Effect.suspend((): Effect.Effect<GatewayNotice, CallbackRejected> => {
      const signature = params.vnp_SecureHash
      if (signature === undefined || signature === "")
        return Effect.fail(rejected("thiếu chữ ký vnp_SecureHash (unsigned)", "bad-signature"))
      if (!scheme.verify(sortedParamsText(params), signature))
        return Effect.fail(rejected("chữ ký không khớp (signature mismatch: forged or altered)", "bad-signature"))
      const field = (name: string) => {
        const v = params[name]
        return v === undefined || v === "" ? undefined : v
      }
      if (field("vnp_TmnCode") !== settings.merchantCode)
        return Effect.fail(
          rejected(`vnp_TmnCode không phải mã của đơn vị: "${field("vnp_TmnCode") ?? ""}"`, "malformed"),
        )
      const requestId = field("vnp_TxnRef")
      const transactionId = field("vnp_TransactionNo")
      const amountText = field("vnp_Amount") ?? ""
      const paidAt = fromGatewayTime(field("vnp_PayDate") ?? "")
      const problems: string[] = []
      if (requestId === undefined || requestId.length > 100) problems.push("vnp_TxnRef")
      if (transactionId === undefined || !/^[0-9A-Za-z-]{1,40}$/.test(transactionId)) problems.push("vnp_TransactionNo")
      if (!/^[1-9]\d{0,16}00$/.test(amountText)) problems.push("vnp_Amount (đồng ×100)")
      if (paidAt === undefined) problems.push("vnp_PayDate")
      if (problems.length > 0 || requestId === undefined || transactionId === undefined || paidAt === undefined)
        return Effect.fail(rejected(`trường không hợp lệ: ${problems.join(", ")}`, "malformed"))
      const responseCode = field("vnp_ResponseCode") ?? ""
      const info = field("vnp_OrderInfo") ?? ""
      const named = info.startsWith(ORDER_INFO) ? info.slice(ORDER_INFO.length) : ""
      return Effect.succeed({
        requestId,
        transactionId,
        amount: Number(amountText.slice(0, -2)),
        paid: responseCode === "00" && field("vnp_TransactionStatus") === "00",
        paidAt,
        gatewayCode: responseCode,
        ...(DOSSIER.test(named) ? { dossierCode: named } : {}),
      })
    })

  return {
    createPaymentRequest: (input) =>
      Effect.try({
        try: () => {
          const created = input.createdAt ?? new Date(now()).toISOString()
          const params: Record<string, string> = {
            vnp_Version: "2.1.0",
            vnp_Command: "pay",
            vnp_TmnCode: settings.merchantCode,
            vnp_Amount: String(input.amount * 100),
            vnp_CurrCode: "VND",
            vnp_TxnRef: input.requestId,
            vnp_OrderInfo: `${ORDER_INFO}${input.dossierCode}`,
            vnp_OrderType: "other",
            vnp_Locale: "vn",
            vnp_ReturnUrl: settings.returnUrl,
            vnp_IpAddr: ip,
            vnp_CreateDate: gatewayTime(created),
            ...(input.expiresAt === undefined ? {} : { vnp_ExpireDate: gatewayTime(input.expiresAt) }),
          }
          if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
            throw new RangeError(`amount must be whole đồng above 0, got ${input.amount}`)
          const text = sortedParamsText(params)
          return {
            requestId: input.requestId,
            payUrl: `${settings.payUrl}?${text}&vnp_SecureHash=${scheme.sign(text)}`,
          }
        },
        catch: (cause) => failed("createPaymentRequest", cause),
      }),
    verifyCallback: () =>
      Effect.fail(
        rejected(
          "cổng thanh toán báo qua IPN (/api/v1/payments/gateway/notice), không qua lệnh gọi lại chuyển tiếp / this gateway notifies by IPN",
          "malformed",
        ),
      ),
    readNotice,
    queryStatus: (request) =>
      Effect.tryPromise({
        try: async (): Promise<GatewayStatus> => {
          const body: Record<string, string> = {
            vnp_RequestId: `${request.requestId.slice(-20)}${now().toString(36)}`.slice(-32),
            vnp_Version: "2.1.0",
            vnp_Command: "querydr",
            vnp_TmnCode: settings.merchantCode,
            vnp_TxnRef: request.requestId,
            vnp_OrderInfo: `Truy van ${request.requestId}`,
            vnp_TransactionDate: gatewayTime(request.createdAt),
            vnp_CreateDate: gatewayTime(now()),
            vnp_IpAddr: ip,
          }
          body.vnp_SecureHash = scheme.sign(pipeText(QUERY_REQUEST_FIELDS, body))
          const response = await fetch(settings.queryUrl, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(timeoutMs),
          })
          const text = await response.text()
          if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`)
          let answer: Record<string, unknown>
          try {
            answer = JSON.parse(text) as Record<string, unknown>
          } catch {
            throw new Error(`not JSON: ${text.slice(0, 200)}`)
          }
          const signature = answer.vnp_SecureHash
          if (typeof signature !== "string" || !scheme.verify(pipeText(QUERY_ANSWER_FIELDS, answer), signature))
            throw new Error("the answer's signature does not verify")
          const code = String(answer.vnp_ResponseCode ?? "")
          if (code === "91") return { status: "pending" }
          if (code !== "00") throw new Error(`the gateway answered ${code}: ${String(answer.vnp_Message ?? "")}`)
          if (answer.vnp_TxnRef !== request.requestId) throw new Error("the answer is about another request")
          const status = String(answer.vnp_TransactionStatus ?? "")
          if (status === "01") return { status: "pending" }
          if (status !== "00") return { status: "failed", reason: `vnp_TransactionStatus ${status}` }
          const amountText = String(answer.vnp_Amount ?? "")
          const paidAt = fromGatewayTime(String(answer.vnp_PayDate ?? ""))
          const transactionId = String(answer.vnp_TransactionNo ?? "")
          if (!/^[1-9]\d{0,16}00$/.test(amountText) || paidAt === undefined || transactionId === "")
            throw new Error("a paid answer without a whole amount, a pay date or a transaction number")
          return { status: "paid", transactionId, amount: Number(amountText.slice(0, -2)), paidAt }
        },
        catch: (cause) => failed("queryStatus", cause),
      }),
  }
}

export const PaymentGatewayHttp = {
  layer: (settings: GatewaySettings) => Layer.succeed(PaymentGateway, httpGateway(settings)),
}
