// Bank transfer notices: the bank (or an intermediary that watches the centres' accounts) tells motcua, by a signed
// webhook, that money came into a centre's account. The adapter (adapters/payment-vietqr) checks the signature with
// the deployment's scheme and reads the notice; what the money pays for is the application's to decide (matched by
// the payment reference in the description and by the amount).
import { Context, Effect, Layer } from "effect"
import { CallbackRejected } from "./external-errors.ts"
import { TEST_CALLBACK_SIGNATURE } from "./payment-gateway.ts"

export interface TransferNotice {
  /** The bank's id of the transaction: a repeat of the same transaction is recognised by it. */
  readonly transactionId: string
  /** The account credited (a centre's). */
  readonly accountNumber: string
  readonly bankBin?: string
  /** Whole đồng, above 0 (a notice of money going out is not a payment). */
  readonly amount: number
  /** What the payer wrote: where the payment reference is. */
  readonly description: string
  /** When the bank credited it, ISO text with an offset. */
  readonly creditedAt: string
}

export interface TransferNoticesShape {
  /**
   * Verifies a notice as received (raw body and headers) and reads it. Anything unsigned, altered, too old or
   * malformed fails with CallbackRejected and its `code`.
   */
  readonly read: (
    body: string,
    headers: Readonly<Record<string, string | undefined>>,
  ) => Effect.Effect<TransferNotice, CallbackRejected>
}

export class TransferNotices extends Context.Service<TransferNotices, TransferNoticesShape>()(
  "@motcua/application/TransferNotices",
) {
  /**
   * For tests: a notice is the JSON of a TransferNotice with `signature: TEST_CALLBACK_SIGNATURE` (the real scheme is
   * adapters/payment-vietqr's).
   */
  static readonly layerTest = Layer.succeed(
    TransferNotices,
    TransferNotices.of({
      read: (body) =>
        Effect.suspend(() => {
          const reject = (reason: string, code: "bad-signature" | "malformed") =>
            Effect.fail(new CallbackRejected({ port: "TransferNotices", reason, code }))
          let value: Record<string, unknown>
          try {
            value = JSON.parse(body) as Record<string, unknown>
          } catch {
            return reject("not JSON", "malformed")
          }
          if (value.signature !== TEST_CALLBACK_SIGNATURE) return reject("bad signature", "bad-signature")
          const { transactionId, accountNumber, amount, description, creditedAt } = value
          if (
            typeof transactionId !== "string" ||
            typeof accountNumber !== "string" ||
            typeof amount !== "number" ||
            typeof description !== "string" ||
            typeof creditedAt !== "string"
          )
            return reject("transactionId, accountNumber, amount, description, creditedAt needed", "malformed")
          return Effect.succeed({ transactionId, accountNumber, amount, description, creditedAt })
        }),
    }),
  )
}
