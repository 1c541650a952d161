// Payment confirmation, idempotent by key: the payment gateway's callback (verified by the PaymentGateway port, keyed
// by the gateway's payment id) or a cash payment recorded at the counter (keyed by the client's Idempotency-Key). A
// retry returns the first answer and changes nothing. The two are separate actions of the policy: an integration
// client may confirm a payment only through the signed callback, never by declaring it.
import { Effect } from "effect"
import type { Principal } from "../authorization/principal.ts"
import type { DossierView } from "../dossier/engine.ts"
import { onceFor } from "../idempotency.ts"
import { creditDossier } from "../payments/credit.ts"
import { Clock } from "../ports/clock.ts"
import { PaymentGateway } from "../ports/payment-gateway.ts"

export type PaymentInput = {
  readonly paymentId: string
  /** Whole đồng. */
  readonly amount: number
  readonly expectedVersion?: number
}

/** Through the one crediting path (payments/credit.ts): the machine's rule, the ledger's confirmation, the receipt. */
const confirm = (
  principal: Principal,
  action: "dossier.confirmPayment" | "dossier.confirmPaymentCallback",
  code: string,
  input: PaymentInput & { readonly paidAt?: string },
) =>
  Effect.gen(function* () {
    const now = yield* (yield* Clock).now
    // a relayed callback's own time when it is one, else now
    const paidAt = input.paidAt !== undefined && !Number.isNaN(Date.parse(input.paidAt)) ? input.paidAt : now
    const { view } = yield* creditDossier(principal, action, code, {
      paymentId: input.paymentId,
      amount: input.amount,
      paidAt,
      channel: action === "dossier.confirmPayment" ? "counter" : "callback",
      ...(action === "dossier.confirmPaymentCallback" ? { externalId: input.paymentId } : {}),
      ...(input.expectedVersion === undefined ? {} : { expectedVersion: input.expectedVersion }),
    })
    return view
  })

/** A payment recorded by an officer (a counter officer taking cash); systems use the signed callback. */
export const confirmPayment = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  input: PaymentInput,
  idempotencyKey: string,
) {
  const answer: DossierView = yield* onceFor(
    `payment.confirm/${principal.id}`,
    idempotencyKey,
    { code, ...input },
    confirm(principal, "dossier.confirmPayment", code, input),
  )
  return answer
})

/**
 * The gateway calls back: the callback is verified first (CallbackRejected otherwise), then the payment is confirmed
 * once per gateway payment id, whoever relays the callback and however often.
 */
export const confirmPaymentCallback = Effect.fnUntraced(function* (principal: Principal, callback: unknown) {
  const gateway = yield* PaymentGateway
  const notice = yield* gateway.verifyCallback(callback)
  const input = { paymentId: notice.paymentId, amount: notice.amount }
  const answer: DossierView = yield* onceFor(
    "payment.callback",
    notice.paymentId,
    { code: notice.dossierCode, ...input },
    confirm(principal, "dossier.confirmPaymentCallback", notice.dossierCode, { ...input, paidAt: notice.paidAt }),
  )
  return answer
})
