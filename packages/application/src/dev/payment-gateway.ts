// Development payment gateway: a payment request gets a reference and a pay link on a development host (nothing is
// charged); a "paid" callback is accepted only when signed with HMAC-SHA256 of the development secret over its
// fields, as a real platform signs its notices. The real adapters (the national portal's payment platform, VietQR
// bank transfers, the province's gateway) come with later work.
import { createHmac, timingSafeEqual } from "node:crypto"
import { Effect, Layer } from "effect"
import { CallbackRejected } from "../ports/external-errors.ts"
import { PaymentGateway, type PaymentNotice } from "../ports/payment-gateway.ts"
import type { DevelopmentKeys } from "./keys.ts"
import { DevelopmentCalls } from "./recent-calls.ts"

/** The text a callback's signature covers: its four fields, one per line, in this order. */
export const paymentCallbackText = (notice: PaymentNotice): string =>
  `${notice.paymentId}\n${notice.dossierCode}\n${notice.amount}\n${notice.paidAt}`

/** The signature the development gateway puts on (and expects of) a callback: lower-case hex HMAC-SHA256. */
export const signDevelopmentPaymentCallback = (secret: Uint8Array, notice: PaymentNotice): string =>
  createHmac("sha256", secret).update(paymentCallbackText(notice)).digest("hex")

const rejected = (reason: string) => Effect.fail(new CallbackRejected({ port: "PaymentGateway", reason }))

/** The notice in a callback, when its fields have the right types. */
function noticeOf(callback: unknown): PaymentNotice | undefined {
  if (typeof callback !== "object" || callback === null) return undefined
  const { paymentId, dossierCode, amount, paidAt } = callback as Record<string, unknown>
  if (typeof paymentId !== "string" || typeof dossierCode !== "string" || typeof paidAt !== "string") return undefined
  if (typeof amount !== "number" || !Number.isSafeInteger(amount)) return undefined
  return { paymentId, dossierCode, amount, paidAt }
}

export interface PaymentGatewayDevelopmentOptions {
  /** Where the development pay links point (`https://pay.motcua.invalid` by default: a name that never resolves). */
  readonly payBaseUrl?: string
}

export const PaymentGatewayDevelopment = {
  layer: (keys: DevelopmentKeys, options: PaymentGatewayDevelopmentOptions = {}) =>
    Layer.effect(
      PaymentGateway,
      Effect.gen(function* () {
        const calls = yield* DevelopmentCalls
        const base = options.payBaseUrl ?? "https://pay.motcua.invalid"
        return PaymentGateway.of({
          createPaymentRequest: (input) => {
            const reference = `DEV-PAY-${input.requestId}`
            return calls
              .record({
                port: "PaymentGateway",
                operation: "createPaymentRequest",
                fields: { dossierCode: input.dossierCode, requestId: input.requestId, amount: input.amount, reference },
              })
              .pipe(
                Effect.as({
                  requestId: input.requestId,
                  payUrl: `${base}/${encodeURIComponent(reference)}`,
                  qrPayload: `${reference}|${input.amount}|VND`,
                }),
              )
          },
          verifyCallback: (callback) =>
            Effect.gen(function* () {
              const notice = noticeOf(callback)
              if (notice === undefined) return yield* rejected("paymentId, dossierCode, amount, paidAt needed")
              const sent = (callback as { signature?: unknown }).signature
              const expected = Buffer.from(signDevelopmentPaymentCallback(keys.paymentSecret, notice), "hex")
              const given =
                typeof sent === "string" && /^[0-9a-f]{64}$/i.test(sent) ? Buffer.from(sent, "hex") : undefined
              const valid = given !== undefined && timingSafeEqual(given, expected)
              yield* calls.record({
                port: "PaymentGateway",
                operation: "verifyCallback",
                fields: { dossierCode: notice.dossierCode, paymentId: notice.paymentId, valid },
              })
              if (!valid) return yield* rejected("bad signature")
              return notice
            }),
          // The development gateway has no payment page that notifies: its payments arrive as relayed callbacks.
          readNotice: () =>
            Effect.fail(
              new CallbackRejected({
                port: "PaymentGateway",
                reason: "cổng thanh toán phát triển không gửi thông báo (the development gateway sends no notices)",
                code: "malformed",
              }),
            ),
          queryStatus: () => Effect.succeed({ status: "pending" as const }),
        })
      }),
    ),
}
