// Cashless payment of fees and financial obligations through a payment gateway (the national portal's payment
// platform, a card or wallet gateway): it creates a payment the citizen pays on the gateway's page, then tells
// motcua — by a server-to-server notice (IPN) and by the citizen's return to motcua's page, both signed — and
// answers when asked about a payment. Bank transfers by VietQR do not go through a gateway (TransferNotices).
import { Context, Effect, Layer } from "effect"
import { CallLog } from "./call-log.ts"
import { CallbackRejected, ExternalServiceFailed } from "./external-errors.ts"

export interface PaymentRequestInput {
  /** Our id of the request (idempotency key at the gateway: asking twice creates one request). */
  readonly requestId: string
  readonly dossierCode: string
  /** Whole đồng. */
  readonly amount: number
  readonly items: ReadonlyArray<{ readonly name: string; readonly amount: number }>
  readonly description: string
  /** The request's reference (`MC…`), shown to the citizen by gateways that show one. */
  readonly reference?: string
  /** After this instant the gateway must not take the payment any more. */
  readonly expiresAt?: string
  /** When the request was made (the gateway's order time). */
  readonly createdAt?: string
}

export interface PaymentRequestCreated {
  readonly requestId: string
  /** Where the citizen pays (a link, or the payload of a VietQR code). */
  readonly payUrl?: string
  readonly qrPayload?: string
}

/** A gateway's notice about a payment request (IPN or return), verified. */
export interface GatewayNotice {
  /** Our request id (the gateway's order reference). */
  readonly requestId: string
  /** The gateway's transaction number: the notice's idempotency key and what its settlement report carries. */
  readonly transactionId: string
  /** Whole đồng. */
  readonly amount: number
  /** Whether the payment succeeded (a failed or cancelled payment is notified too). */
  readonly paid: boolean
  readonly paidAt: string
  /** The gateway's own answer code, for the log. */
  readonly gatewayCode?: string
  /** The dossier the notice names, when the gateway echoes it: it must be the request's. */
  readonly dossierCode?: string
}

/** What the gateway says of a request when asked (the re-check job). */
export type GatewayStatus =
  | {
      readonly status: "paid"
      readonly transactionId: string
      readonly amount: number
      readonly paidAt: string
    }
  | { readonly status: "pending" }
  | { readonly status: "failed"; readonly reason: string }

/** A verified "paid" callback. */
export interface PaymentNotice {
  /** The gateway's id of the payment (the idempotency key of the confirmation). */
  readonly paymentId: string
  readonly dossierCode: string
  readonly amount: number
  readonly paidAt: string
}

export interface PaymentGatewayShape {
  readonly createPaymentRequest: (
    input: PaymentRequestInput,
  ) => Effect.Effect<PaymentRequestCreated, ExternalServiceFailed>
  /** Checks a callback's authenticity (signature, source) and reads it. */
  readonly verifyCallback: (callback: unknown) => Effect.Effect<PaymentNotice, CallbackRejected>
  /** Verifies a notice's parameters (IPN or return, as the gateway sent them) and reads it. */
  readonly readNotice: (params: Readonly<Record<string, string>>) => Effect.Effect<GatewayNotice, CallbackRejected>
  /** Asks the gateway what became of a request. */
  readonly queryStatus: (request: {
    readonly requestId: string
    readonly createdAt: string
    readonly amount: number
  }) => Effect.Effect<GatewayStatus, ExternalServiceFailed>
}

/** The signature the in-memory gateway accepts on callbacks. */
export const TEST_CALLBACK_SIGNATURE = "test-signature"

export class PaymentGateway extends Context.Service<PaymentGateway, PaymentGatewayShape>()(
  "@motcua/application/PaymentGateway",
) {
  /**
   * Records every call in the CallLog. Callbacks verify when they carry `signature: TEST_CALLBACK_SIGNATURE` and the
   * fields of a PaymentNotice.
   */
  static readonly layerTest = Layer.effect(
    PaymentGateway,
    Effect.gen(function* () {
      const log = yield* CallLog
      return PaymentGateway.of({
        createPaymentRequest: (input) =>
          log.record("PaymentGateway", "createPaymentRequest", input).pipe(
            Effect.mapError(
              (cause) =>
                new ExternalServiceFailed({ port: "PaymentGateway", operation: "createPaymentRequest", cause }),
            ),
            Effect.as({ requestId: input.requestId, payUrl: `https://pay.example.test/${input.requestId}` }),
          ),
        verifyCallback: (callback) =>
          Effect.gen(function* () {
            yield* log.record("PaymentGateway", "verifyCallback", callback).pipe(Effect.ignore)
            const c = (typeof callback === "object" && callback !== null ? callback : {}) as Record<string, unknown>
            if (c.signature !== TEST_CALLBACK_SIGNATURE) {
              return yield* Effect.fail(new CallbackRejected({ port: "PaymentGateway", reason: "bad signature" }))
            }
            const { paymentId, dossierCode, amount, paidAt } = c
            if (
              typeof paymentId !== "string" ||
              typeof dossierCode !== "string" ||
              typeof amount !== "number" ||
              typeof paidAt !== "string"
            ) {
              return yield* Effect.fail(
                new CallbackRejected({
                  port: "PaymentGateway",
                  reason: "paymentId, dossierCode, amount, paidAt needed",
                }),
              )
            }
            return { paymentId, dossierCode, amount, paidAt }
          }),
        readNotice: (params) =>
          Effect.gen(function* () {
            yield* log.record("PaymentGateway", "readNotice", params).pipe(Effect.ignore)
            if (params.signature !== TEST_CALLBACK_SIGNATURE)
              return yield* Effect.fail(
                new CallbackRejected({ port: "PaymentGateway", reason: "bad signature", code: "bad-signature" }),
              )
            const { requestId, transactionId, amount, paidAt, status, dossierCode } = params
            const value = Number(amount)
            if (
              requestId === undefined ||
              transactionId === undefined ||
              paidAt === undefined ||
              !Number.isSafeInteger(value) ||
              value <= 0
            )
              return yield* Effect.fail(
                new CallbackRejected({
                  port: "PaymentGateway",
                  reason: "requestId, transactionId, amount, paidAt needed",
                  code: "malformed",
                }),
              )
            return {
              requestId,
              transactionId,
              amount: value,
              paid: status !== "failed",
              paidAt,
              ...(dossierCode === undefined ? {} : { dossierCode }),
            }
          }),
        queryStatus: (request) =>
          log.record("PaymentGateway", "queryStatus", request).pipe(
            Effect.mapError(
              (cause) => new ExternalServiceFailed({ port: "PaymentGateway", operation: "queryStatus", cause }),
            ),
            Effect.as({ status: "pending" as const }),
          ),
      })
    }),
  )
}
