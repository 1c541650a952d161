// Bank transfer notices: the TransferNotices port over a signed webhook from the bank (or the intermediary that
// watches the centres' accounts: open-banking services of this kind post one JSON message per transaction).
//
// Signature (configurable, HMAC at least): header `x-signature` = HMAC(secret, signed text) in hex (or base64),
// with SHA-256 (or SHA-512). The signed text is `<x-timestamp>.<raw body>` — the timestamp in unix seconds, refused
// beyond `toleranceSeconds` (10 minutes) so that an old message cannot be replayed later — or, for senders without a
// timestamp, the raw body alone (a replay is then caught by the ledger only, which takes one notice per transaction).
// Header names, algorithm, encoding and the JSON field names are settings.
//
// The body: one credit to an account — transaction id, account number (optionally the bank's BIN), amount in whole
// đồng (a number, or digits), the transfer's description, when it was credited (`2025-10-06T10:15:00+07:00`, or
// `2025-10-06 10:15:00` in Vietnam time), and optionally its direction (`in`; a debit is not a payment and is
// refused). Every field is checked; anything wrong is refused with the field's name.
import { createHmac, timingSafeEqual } from "node:crypto"
import { CallbackRejected, type TransferNotice, TransferNotices, type TransferNoticesShape } from "@motcua/application"
import { statementInstant, unsafeTextReason } from "@motcua/domain"
import { Effect, Layer } from "effect"

export interface NoticeFields {
  readonly transactionId: string
  readonly accountNumber: string
  readonly bankBin: string
  readonly amount: string
  readonly description: string
  readonly creditedAt: string
  readonly direction: string
}

export const DEFAULT_NOTICE_FIELDS: NoticeFields = {
  transactionId: "transactionId",
  accountNumber: "accountNumber",
  bankBin: "bankBin",
  amount: "amount",
  description: "description",
  creditedAt: "creditedAt",
  direction: "direction",
}

export interface TransferNoticeSettings {
  /** The secret the sender signs with (at least 32 characters). */
  readonly secret: string
  readonly algorithm?: "sha256" | "sha512"
  readonly encoding?: "hex" | "base64"
  /** `timestamp.body` (default) or `body` (senders that send no timestamp). */
  readonly signed?: "timestamp.body" | "body"
  readonly signatureHeader?: string
  readonly timestampHeader?: string
  /** Seconds a notice's timestamp may be away from now (600). */
  readonly toleranceSeconds?: number
  /** The sender's JSON field names, where they differ from motcua's. */
  readonly fields?: Partial<NoticeFields>
  readonly now?: () => number
}

const reject = (reason: string, code: "bad-signature" | "stale" | "malformed") =>
  new CallbackRejected({ port: "TransferNotices", reason, code })

/** The signature of a notice as the sender makes it (for its simulator and the tests). */
export function signTransferNotice(
  settings: Pick<TransferNoticeSettings, "secret" | "algorithm" | "encoding" | "signed">,
  body: string,
  unixSeconds: number,
): string {
  const text = (settings.signed ?? "timestamp.body") === "body" ? body : `${unixSeconds}.${body}`
  return createHmac(settings.algorithm ?? "sha256", settings.secret)
    .update(text, "utf8")
    .digest(settings.encoding ?? "hex")
}

export function transferNotices(settings: TransferNoticeSettings): TransferNoticesShape {
  const algorithm = settings.algorithm ?? "sha256"
  const encoding = settings.encoding ?? "hex"
  const signed = settings.signed ?? "timestamp.body"
  const signatureHeader = (settings.signatureHeader ?? "x-signature").toLowerCase()
  const timestampHeader = (settings.timestampHeader ?? "x-timestamp").toLowerCase()
  const tolerance = settings.toleranceSeconds ?? 600
  const fields = { ...DEFAULT_NOTICE_FIELDS, ...settings.fields }
  const now = settings.now ?? Date.now
  const digestBytes = algorithm === "sha256" ? 32 : 64
  return {
    read: (body, headers) =>
      Effect.suspend((): Effect.Effect<TransferNotice, CallbackRejected> => {
        const header = (name: string) => {
          const found = Object.entries(headers).find(([k]) => k.toLowerCase() === name)
          return found?.[1]?.trim() ?? ""
        }
        const signature = header(signatureHeader)
        const given =
          encoding === "hex"
            ? /^[0-9a-fA-F]+$/.test(signature)
              ? Buffer.from(signature, "hex")
              : undefined
            : /^[A-Za-z0-9+/]+=*$/.test(signature)
              ? Buffer.from(signature, "base64")
              : undefined
        if (given === undefined || given.length !== digestBytes)
          return Effect.fail(reject(`thiếu hoặc sai chữ ký (${signatureHeader})`, "bad-signature"))
        let timestamp = 0
        if (signed === "timestamp.body") {
          const text = header(timestampHeader)
          if (!/^\d{1,12}$/.test(text))
            return Effect.fail(reject(`thiếu hoặc sai thời điểm ký (${timestampHeader})`, "bad-signature"))
          timestamp = Number(text)
        }
        const expected = Buffer.from(
          signTransferNotice({ secret: settings.secret, algorithm, encoding, signed }, body, timestamp),
          encoding,
        )
        if (!timingSafeEqual(expected, given))
          return Effect.fail(reject("chữ ký không khớp (signature mismatch: forged or altered)", "bad-signature"))
        if (signed === "timestamp.body" && Math.abs(now() / 1000 - timestamp) > tolerance)
          return Effect.fail(reject(`thời điểm ký lệch quá ${tolerance} giây (stale: a replay?)`, "stale"))
        let value: unknown
        try {
          value = JSON.parse(body)
        } catch {
          return Effect.fail(reject("nội dung không phải JSON (body is not JSON)", "malformed"))
        }
        if (typeof value !== "object" || value === null || Array.isArray(value))
          return Effect.fail(reject("nội dung phải là một đối tượng JSON (body must be an object)", "malformed"))
        const record = value as Record<string, unknown>
        const problems: string[] = []
        const text = (name: keyof NoticeFields, pattern: RegExp, required: boolean) => {
          const v = record[fields[name]]
          if (v === undefined && !required) return undefined
          const s = typeof v === "number" && Number.isSafeInteger(v) ? String(v) : v
          if (typeof s !== "string" || !pattern.test(s)) {
            problems.push(fields[name])
            return undefined
          }
          return s
        }
        const transactionId = text("transactionId", /^[\x21-\x7E]{1,100}$/, true)
        const accountNumber = text("accountNumber", /^[0-9A-Z]{1,19}$/, true)
        const bankBin = text("bankBin", /^\d{6}$/, false)
        const amountText = text("amount", /^[1-9]\d{0,14}$/, true)
        const description = text("description", /^[\s\S]{0,1000}$/, true)
        if (description !== undefined && unsafeTextReason(description) !== undefined) problems.push(fields.description)
        const creditedText = text("creditedAt", /^.{1,40}$/, true)
        const direction = text("direction", /^(in|out|IN|OUT)$/, false)
        const creditedAt = creditedText === undefined ? undefined : statementInstant(creditedText)
        if (creditedText !== undefined && creditedAt === undefined) problems.push(fields.creditedAt)
        if (problems.length > 0)
          return Effect.fail(reject(`trường thiếu hoặc không hợp lệ: ${problems.join(", ")}`, "malformed"))
        if (direction !== undefined && direction.toLowerCase() === "out")
          return Effect.fail(
            reject("giao dịch ghi nợ (tiền ra) không phải khoản nộp (a debit is not a payment)", "malformed"),
          )
        return Effect.succeed({
          transactionId: transactionId as string,
          accountNumber: accountNumber as string,
          ...(bankBin === undefined ? {} : { bankBin }),
          amount: Number(amountText),
          description: description as string,
          creditedAt: creditedAt as string,
        })
      }),
  }
}

export const TransferNoticesHttp = {
  layer: (settings: TransferNoticeSettings) => Layer.succeed(TransferNotices, transferNotices(settings)),
}
