// Cashless payment of fees and financial obligations: the gateway (national portal payment platform, VietQR bank
// transfer, the province's gateway) creates a payment request the citizen pays, then calls back when it is paid.
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
}

export interface PaymentRequestCreated {
  readonly requestId: string
  /** Where the citizen pays (a link, or the payload of a VietQR code). */
  readonly payUrl?: string
  readonly qrPayload?: string
}

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
      })
    }),
  )
}
