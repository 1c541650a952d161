// Money held for an officer (an underpayment, an overpayment, an unknown reference, another centre's account, a
// request already closed, a dossier that no longer owes it): the centre's queue, and what an officer may do with
// it — apply it to a dossier (the machine still decides: only what the dossier owes is taken), or ask for it to be
// sent back to the payer (a refund a leader approves). Nothing is ever dropped: a held message stays until resolved.

import { createHash } from "node:crypto"
import { type HeldResolution, type RefundRecord, refundReferenceFrom } from "@motcua/domain"
import { Effect } from "effect"
import type { Principal } from "../authorization/principal.ts"
import { Clock } from "../ports/clock.ts"
import { StoreUnavailable } from "../ports/errors.ts"
import { Ids } from "../ports/ids.ts"
import { PaymentStore } from "../ports/payment-store.ts"
import { creditDossier, inTransaction } from "./credit.ts"
import { PaymentRefused } from "./errors.ts"
import { authorizeTarget, centreTarget } from "./requests.ts"

/** The held messages of a centre not yet resolved, oldest first. */
export const heldPayments = Effect.fnUntraced(function* (principal: Principal, centreId: string) {
  yield* authorizeTarget(principal, "payment.ledger", centreTarget(centreId))
  return yield* (yield* PaymentStore).messages({ centreId, unresolved: true })
})

export type HeldAction =
  | { readonly action: "apply"; readonly dossierCode: string; readonly note?: string }
  | { readonly action: "return"; readonly note: string }

export const refundReferenceOf = (id: string) =>
  refundReferenceFrom(new Uint8Array(createHash("sha256").update(id).digest()))

export const resolveHeldPayment = Effect.fnUntraced(function* (
  principal: Principal,
  messageId: string,
  input: HeldAction,
) {
  const store = yield* PaymentStore
  const message = yield* store.message(messageId)
  if (message === undefined || message.outcome !== "held" || message.centreId === undefined)
    return yield* Effect.fail(
      new PaymentRefused({
        reason: "not-found",
        detail: `Không có khoản tiền đang giữ ${messageId} / no such held money`,
      }),
    )
  yield* authorizeTarget(principal, "payment.resolve", centreTarget(message.centreId))
  if (message.resolution !== undefined)
    return yield* Effect.fail(
      new PaymentRefused({
        reason: "already-resolved",
        detail: `Khoản tiền ${messageId} đã được xử lý (${message.resolution.action}) / already resolved`,
      }),
    )
  if (message.amount === undefined || message.key === undefined)
    return yield* Effect.fail(
      new PaymentRefused({ reason: "not-money", detail: "Thông báo không mang khoản tiền nào / carries no money" }),
    )
  const at = yield* (yield* Clock).now
  const centreId = message.centreId
  const amount = message.amount
  const key = message.key
  return yield* inTransaction(
    Effect.gen(function* () {
      if (input.action === "apply") {
        const paymentId = `${message.channel}:${key}`
        const request = message.requestId === undefined ? undefined : yield* store.request(message.requestId)
        const credited = yield* creditDossier(principal, "dossier.confirmPayment", input.dossierCode, {
          paymentId,
          amount,
          paidAt: message.paidAt ?? message.receivedAt,
          channel: message.channel,
          externalId: key,
          messageId,
          ...(request !== undefined && request.dossierCode === input.dossierCode && request.status === "pending"
            ? { requestId: request.id }
            : {}),
        })
        const resolution: HeldResolution = {
          action: "applied",
          by: principal.id,
          at,
          note: input.note ?? "",
          paymentId,
        }
        if (!(yield* store.resolveMessage(messageId, resolution)))
          return yield* Effect.fail(
            new StoreUnavailable({ operation: "resolve held money", cause: "resolved meanwhile" }),
          )
        return { resolution, receiptId: credited.receipt?.id, refund: undefined as RefundRecord | undefined }
      }
      const id = yield* (yield* Ids).next("refund")
      const refund: RefundRecord = {
        id,
        reference: refundReferenceOf(id),
        centreId,
        messageId,
        amount,
        reason: "unmatched",
        status: "requested",
        requestedBy: principal.id,
        requestedAt: at,
        note: input.note,
      }
      yield* store.addRefund(refund)
      const resolution: HeldResolution = { action: "returned", by: principal.id, at, note: input.note, refundId: id }
      if (!(yield* store.resolveMessage(messageId, resolution)))
        return yield* Effect.fail(
          new StoreUnavailable({ operation: "resolve held money", cause: "resolved meanwhile" }),
        )
      return { resolution, receiptId: undefined, refund }
    }),
  )
})
