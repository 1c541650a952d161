// The PostalOperator port over a postal operator's HTTP API (VNPost and others publish JSON APIs of this shape; the
// field names are the deployment's when they differ). Orders: POST {baseUrl}/orders with our order id as the
// Idempotency-Key (a retry, or a 409 "exists", gives back the same tracking number). Tracking: the operator POSTs
// updates to our callback signed as `x-postal-signature: hex(HMAC-SHA256(secret, timestamp + "." + body))` with
// `x-postal-timestamp` (unix seconds; older than 10 minutes is refused as a replay); the operator's status words are
// mapped to ours in STATUS_OF.
import { createHmac, timingSafeEqual } from "node:crypto"
import { PostalOperator, PostalOperatorFailed, type PostalOperatorShape } from "@motcua/application"
import type { TrackingUpdate } from "@motcua/domain"
import { Effect, Layer } from "effect"

export interface PostalHttpSettings {
  readonly baseUrl: string
  readonly apiKey: string
  /** The secret the operator signs tracking callbacks with. */
  readonly callbackSecret: string
  readonly timeoutMs?: number
  /** Seconds a callback's timestamp may be away from now (default 600). */
  readonly toleranceSeconds?: number
  readonly now?: () => number
}

/** The operator's status words → ours. */
export const STATUS_OF: Readonly<Record<string, TrackingUpdate["status"]>> = {
  ACCEPTED: "accepted",
  PICKED_UP: "picked-up",
  IN_TRANSIT: "in-transit",
  DELIVERED: "delivered",
  FAILED: "failed",
  RETURNED: "returned",
}

const fail = (reason: string, permanent: boolean) => new PostalOperatorFailed({ reason, permanent })

const textField = (value: Record<string, unknown>, key: string, required: boolean): string | undefined => {
  const v = value[key]
  if (v === undefined && !required) return undefined
  if (typeof v !== "string" || v.trim() === "" || v.length > 500)
    throw fail(`lệnh gọi lại thiếu hoặc sai trường "${key}" (callback field ${key} missing or not text)`, true)
  return v
}

/** One tracking update as the operator writes it (a callback's body, or an entry of an order's events), read strictly. */
function readUpdate(value: unknown): { readonly trackingNumber: string; readonly update: TrackingUpdate } {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw fail("nội dung phải là đối tượng JSON (body must be an object)", true)
  const record = value as Record<string, unknown>
  const word = textField(record, "status", true) ?? ""
  const status = STATUS_OF[word]
  if (status === undefined) throw fail(`trạng thái không biết: ${word.slice(0, 40)}`, true)
  const receivedBy = textField(record, "receivedBy", false)
  const reason = textField(record, "reason", false)
  return {
    trackingNumber: textField(record, "trackingNumber", true) ?? "",
    update: {
      updateId: textField(record, "updateId", true) ?? "",
      status,
      at: textField(record, "at", true) ?? "",
      ...(receivedBy === undefined ? {} : { receivedBy }),
      ...(reason === undefined ? {} : { reason }),
    },
  }
}

export function postalHttpOperator(settings: PostalHttpSettings): PostalOperatorShape {
  const timeoutMs = settings.timeoutMs ?? 10_000
  const tolerance = settings.toleranceSeconds ?? 600
  const now = settings.now ?? Date.now
  return {
    createOrder: (request) =>
      Effect.tryPromise({
        try: async () => {
          let response: Response
          try {
            response = await fetch(`${settings.baseUrl.replace(/\/$/, "")}/orders`, {
              method: "POST",
              headers: {
                "content-type": "application/json",
                authorization: `Bearer ${settings.apiKey}`,
                "idempotency-key": request.orderId,
              },
              body: JSON.stringify({
                clientOrderId: request.orderId,
                service: request.kind,
                reference: request.dossierCode,
                sender: request.centre,
                receiver: {
                  name: request.address.recipientName,
                  phone: request.address.phone,
                  address: request.address.line,
                  unitCode: request.address.unitCode ?? null,
                  provinceCode: request.address.provinceCode,
                },
              }),
              signal: AbortSignal.timeout(timeoutMs),
            })
          } catch (error) {
            throw fail(`không gọi được dịch vụ bưu chính (operator unreachable): ${String(error)}`, false)
          }
          const text = await response.text()
          let answer: Record<string, unknown> = {}
          try {
            answer = JSON.parse(text) as Record<string, unknown>
          } catch {
            if (response.ok || response.status === 409)
              throw fail(`bưu chính trả lời không phải JSON: ${text.slice(0, 200)}`, false)
          }
          if (!response.ok && response.status !== 409)
            throw fail(
              `bưu chính từ chối đơn (${response.status}): ${String(answer.message ?? text).slice(0, 200)}`,
              response.status >= 400 && response.status < 500 && response.status !== 429,
            )
          const trackingNumber = answer.trackingNumber
          if (typeof trackingNumber !== "string" || trackingNumber === "")
            throw fail("bưu chính không trả số hiệu bưu gửi (no trackingNumber)", false)
          return { trackingNumber }
        },
        catch: (cause) =>
          cause instanceof PostalOperatorFailed ? cause : fail(`lỗi không rõ: ${String(cause)}`, false),
      }),
    readCallback: (body, headers) =>
      Effect.try({
        try: () => {
          const timestamp = headers["x-postal-timestamp"] ?? ""
          const signature = headers["x-postal-signature"] ?? ""
          if (!/^\d{1,12}$/.test(timestamp) || !/^[0-9a-f]{64}$/.test(signature))
            throw fail("thiếu hoặc sai chữ ký (x-postal-timestamp, x-postal-signature)", true)
          if (Math.abs(now() / 1000 - Number(timestamp)) > tolerance)
            throw fail(`thời điểm ký quá ${tolerance} giây (a stale or replayed callback)`, true)
          const expected = createHmac("sha256", settings.callbackSecret).update(`${timestamp}.${body}`).digest()
          if (!timingSafeEqual(expected, Buffer.from(signature, "hex")))
            throw fail("chữ ký không khớp (signature mismatch)", true)
          let value: unknown
          try {
            value = JSON.parse(body)
          } catch {
            throw fail("nội dung không phải JSON (body is not JSON)", true)
          }
          return readUpdate(value)
        },
        catch: (cause) => (cause instanceof PostalOperatorFailed ? cause : fail(String(cause), true)),
      }),
    trackingOf: (trackingNumber) =>
      Effect.tryPromise({
        try: async () => {
          const url = `${settings.baseUrl.replace(/\/$/, "")}/orders/${encodeURIComponent(trackingNumber)}/events`
          let response: Response
          try {
            response = await fetch(url, {
              headers: { authorization: `Bearer ${settings.apiKey}` },
              signal: AbortSignal.timeout(timeoutMs),
            })
          } catch (error) {
            throw fail(`không gọi được dịch vụ bưu chính (operator unreachable): ${String(error)}`, false)
          }
          const text = await response.text()
          if (!response.ok)
            throw fail(
              `bưu chính không trả hành trình (${response.status}): ${text.slice(0, 200)}`,
              response.status === 404,
            )
          let answer: unknown
          try {
            answer = JSON.parse(text)
          } catch {
            throw fail(`hành trình không phải JSON: ${text.slice(0, 200)}`, false)
          }
          const events = (answer as { events?: unknown } | null)?.events
          if (!Array.isArray(events)) throw fail("hành trình thiếu danh sách events (no events list)", false)
          // each event carries the tracking number it is about: one for another parcel is the operator's error
          return events.map((event, i) => {
            const read = readUpdate({ trackingNumber, ...(event as object) })
            if (read.trackingNumber !== trackingNumber)
              throw fail(`sự kiện ${i} thuộc bưu gửi khác (event ${i} is for another parcel)`, false)
            return read.update
          })
        },
        catch: (cause) =>
          cause instanceof PostalOperatorFailed ? cause : fail(`lỗi không rõ: ${String(cause)}`, false),
      }),
  }
}

export const PostalHttp = {
  layer: (settings: PostalHttpSettings) => Layer.succeed(PostalOperator, postalHttpOperator(settings)),
}

/** Signs a callback as the operator does (for its simulator and the tests). */
export function signPostalCallback(secret: string, body: string, unixSeconds: number): Record<string, string> {
  return {
    "x-postal-timestamp": String(unixSeconds),
    "x-postal-signature": createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex"),
  }
}
