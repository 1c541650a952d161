// The Notifier port by brand-name SMS through a gateway's HTTP API. Vietnamese gateways differ in their field names,
// so the request is one JSON POST whose field names the deployment sets (defaults below), authenticated by an API
// key in a header; the answer must be 2xx with the gateway's message id at a configured field.
// - The text is the notice's short form (noticeText: Vietnamese without diacritics, 7-bit), the number normalised to
//   84… (parseVietnamMobile); a number that is not a mobile number fails permanently, without a call.
// - The notification id is sent as the request id, so a gateway that de-duplicates sends a retried notice once.
// - 4xx answers are permanent (the gateway refused this message), 5xx, timeouts and network errors temporary: the
//   outbox relay retries those.
// - Errors name the dossier and the notification id, never the number.
import {
  DeliveryRefused,
  ExternalServiceFailed,
  type Notification,
  type NotifierShape,
  noticeText,
} from "@motcua/application"
import { parseVietnamMobile } from "@motcua/domain"
import { Effect, Result } from "effect"

export interface SmsSettings {
  /** The gateway's send endpoint, e.g. https://sms.example.vn/api/send */
  readonly url: string
  readonly apiKey: string
  /** The header carrying the key (default `authorization`, sent as `Bearer <key>`; any other header gets the bare key). */
  readonly apiKeyHeader?: string
  /** The registered brand name (tên định danh) the message is sent under. */
  readonly brandName: string
  /** Field names of the request and answer (gateways differ). */
  readonly fields?: Partial<SmsFieldNames>
  /** Milliseconds before a call is abandoned (default 10 000). */
  readonly timeoutMs?: number
}

export interface SmsFieldNames {
  readonly phone: string
  readonly text: string
  readonly brandName: string
  readonly requestId: string
  /** Where the gateway's message id is in its answer (dot path). */
  readonly messageId: string
}

export const DEFAULT_SMS_FIELDS: SmsFieldNames = {
  phone: "phone",
  text: "message",
  brandName: "brandname",
  requestId: "requestId",
  messageId: "messageId",
}

/** The channel's refusal: the application's one DeliveryRefused (permanent or not, with the channel's code). */
export const SmsRefused = DeliveryRefused
export type SmsRefused = DeliveryRefused

const at = (value: unknown, path: string): unknown =>
  path
    .split(".")
    .reduce<unknown>(
      (node, key) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined),
      value,
    )

export function smsNotifier(settings: SmsSettings): NotifierShape {
  const names = { ...DEFAULT_SMS_FIELDS, ...settings.fields }
  const header = (settings.apiKeyHeader ?? "authorization").toLowerCase()
  const key = header === "authorization" ? `Bearer ${settings.apiKey}` : settings.apiKey

  const deliver = async (notification: Notification): Promise<{ messageId: string }> => {
    const which = `hồ sơ ${notification.dossierCode} (${notification.notificationId})`
    const phone = parseVietnamMobile(notification.recipient)
    if (Result.isFailure(phone)) throw new SmsRefused(`tin nhắn cho ${which}: ${phone.failure.message}`, true)
    let response: Response
    try {
      response = await fetch(settings.url, {
        method: "POST",
        headers: { "content-type": "application/json", [header]: key },
        body: JSON.stringify({
          [names.phone]: phone.success.international,
          [names.text]: noticeText(notification).short,
          [names.brandName]: settings.brandName,
          [names.requestId]: notification.notificationId,
        }),
        signal: AbortSignal.timeout(settings.timeoutMs ?? 10_000),
      })
    } catch (error) {
      throw new SmsRefused(`gửi tin nhắn cho ${which} không thành công (gateway unreachable): ${String(error)}`, false)
    }
    const body = await response.text()
    if (!response.ok)
      throw new SmsRefused(
        `cổng SMS trả lời ${response.status} cho ${which}: ${body.slice(0, 200)}`,
        response.status >= 400 && response.status < 500 && response.status !== 429,
        response.status,
      )
    let answer: unknown
    try {
      answer = JSON.parse(body)
    } catch {
      throw new SmsRefused(
        `cổng SMS trả lời không phải JSON cho ${which}: ${body.slice(0, 200)}`,
        false,
        response.status,
      )
    }
    const messageId = at(answer, names.messageId)
    if (typeof messageId !== "string" && typeof messageId !== "number")
      throw new SmsRefused(`cổng SMS không trả mã tin nhắn (${names.messageId}) cho ${which}`, false, response.status)
    return { messageId: String(messageId) }
  }

  return {
    send: (notification) =>
      Effect.tryPromise({
        try: () => deliver(notification),
        catch: (cause) => new ExternalServiceFailed({ port: "Notifier", operation: "send.sms", cause }),
      }),
  }
}
