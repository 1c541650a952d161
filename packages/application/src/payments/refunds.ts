// Refunds. A refused or withdrawn dossier's fees go back as the catalogue's refund rule says (the domain's
// dossierRefund, through refundFor): a counter officer asks, a leader (or the centre's head, for the centre's money)
// approves or rejects — never the account that asked. A refund is never more than was paid minus what is refunded
// or awaiting a decision: the PaymentStore checks and counts it in one step, so concurrent requests cannot both
// pass; a refund is decided once, so it is paid out at most once. The transfer back carries the refund's reference
// (`HT…`) in its description, by which reconciliation finds it on the statement.
import {
  dossierRefund,
  type PayoutInput,
  payoutRefusal,
  type RefundReason,
  type RefundRecord,
  refundRefusal,
  stateOf,
} from "@motcua/domain"
import { Effect, Result } from "effect"
import type { Principal } from "../authorization/principal.ts"
import { authorizeOn, loadDossier } from "../dossier/engine.ts"
import { Clock } from "../ports/clock.ts"
import { Ids } from "../ports/ids.ts"
import { PaymentStore } from "../ports/payment-store.ts"
import { inTransaction } from "./credit.ts"
import { PaymentRefused } from "./errors.ts"
import { refundReferenceOf } from "./held.ts"
import { authorizeTarget, centreOfDossier, centreTarget, moneyTarget } from "./requests.ts"

/** Why a dossier's fees may be refunded: refused at intake or in its decision, stopped, or withdrawn. */
const refundReasonOf = (loaded: Effect.Success<ReturnType<typeof loadDossier>>): RefundReason | undefined => {
  const state = stateOf(loaded.dossier)
  if (state === "withdrawn") return "withdrawn"
  if (state === "refused" || state === "stopped" || loaded.context.decision?.kind === "rejected") return "refused"
  return undefined
}

/** Asks for the refund the catalogue gives a refused or withdrawn dossier. */
export const requestRefund = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  input: { readonly note: string },
) {
  const loaded = yield* loadDossier(code)
  yield* authorizeOn(principal, "refund.request", loaded)
  const reason = refundReasonOf(loaded)
  if (reason === undefined)
    return yield* Effect.fail(
      new PaymentRefused({
        reason: "not-refundable",
        detail:
          "Chỉ hoàn trả phí, lệ phí của hồ sơ bị từ chối, dừng xử lý hoặc rút / only refused, stopped or withdrawn dossiers",
      }),
    )
  const computed = dossierRefund(loaded.context, loaded.procedure, reason)
  if (Result.isFailure(computed))
    return yield* Effect.fail(
      new PaymentRefused({ reason: "catalogue", detail: `Thủ tục không có khoản phí ${computed.failure.itemId}` }),
    )
  const { total, lines } = computed.success
  if (total <= 0)
    return yield* Effect.fail(
      new PaymentRefused({
        reason: "nothing-refundable",
        detail: "Theo danh mục, không khoản nào đã nộp được hoàn trả / nothing paid is refundable under the catalogue",
      }),
    )
  const centre = yield* centreOfDossier(loaded)
  const store = yield* PaymentStore
  const id = yield* (yield* Ids).next("refund")
  const refund: RefundRecord = {
    id,
    reference: refundReferenceOf(id),
    centreId: centre.id,
    dossierCode: code,
    amount: total,
    reason,
    status: "requested",
    requestedBy: principal.id,
    requestedAt: yield* (yield* Clock).now,
    note: input.note,
    lines,
  }
  const added = yield* store.addRefund(refund)
  if (!added.added)
    return yield* Effect.fail(
      new PaymentRefused({ reason: "over-limit", detail: refundRefusal(total, added.balance) ?? "", field: "amount" }),
    )
  return refund
})

/** Approves or rejects a requested refund; a rejected one of held money puts the money back in the queue. */
export const decideRefund = Effect.fnUntraced(function* (
  principal: Principal,
  id: string,
  input: { readonly approve: boolean; readonly note: string },
) {
  const store = yield* PaymentStore
  const refund = yield* store.refund(id)
  if (refund === undefined)
    return yield* Effect.fail(new PaymentRefused({ reason: "not-found", detail: `Không có khoản hoàn trả ${id}` }))
  if (refund.dossierCode !== undefined) {
    const loaded = yield* loadDossier(refund.dossierCode)
    yield* authorizeTarget(principal, "refund.approve", moneyTarget(loaded, refund.centreId))
  } else yield* authorizeTarget(principal, "refund.approve", centreTarget(refund.centreId))
  if (refund.requestedBy === principal.id)
    return yield* Effect.fail(
      new PaymentRefused({
        reason: "same-person",
        detail: "Người đề nghị hoàn trả không được tự duyệt / the account that asked may not decide",
      }),
    )
  const at = yield* (yield* Clock).now
  return yield* inTransaction(
    Effect.gen(function* () {
      const decided = yield* store.decideRefund(id, {
        status: input.approve ? "approved" : "rejected",
        by: principal.id,
        at,
        note: input.note,
      })
      if (decided === undefined)
        return yield* Effect.fail(
          new PaymentRefused({
            reason: "already-decided",
            detail: `Khoản hoàn trả ${id} đã được quyết định / the refund was already decided`,
          }),
        )
      if (!input.approve && decided.messageId !== undefined) yield* store.resolveMessage(decided.messageId, undefined)
      return decided
    }),
  )
})

/**
 * Records the transfer back of an approved refund, as the centre's accountant made it: the bank's reference, the day
 * it was booked, the amount (exactly the refund's). The refund becomes `paid`, once: a second record is refused
 * (409), as is a bank reference another refund of the centre already has. Reconciliation then finds the statement's
 * debit by that reference. By the centre's head (`refund.pay`).
 */
export const recordRefundPayout = Effect.fnUntraced(function* (
  principal: Principal,
  id: string,
  input: PayoutInput & { readonly note?: string },
) {
  const store = yield* PaymentStore
  const refund = yield* store.refund(id)
  if (refund === undefined)
    return yield* Effect.fail(new PaymentRefused({ reason: "not-found", detail: `Không có khoản hoàn trả ${id}` }))
  if (refund.dossierCode !== undefined) {
    const loaded = yield* loadDossier(refund.dossierCode)
    yield* authorizeTarget(principal, "refund.pay", moneyTarget(loaded, refund.centreId))
  } else yield* authorizeTarget(principal, "refund.pay", centreTarget(refund.centreId))
  const now = yield* (yield* Clock).now
  const payout = { bankReference: input.bankReference, paidOn: input.paidOn, amount: input.amount }
  const refused = payoutRefusal(refund, payout, now)
  if (refused !== undefined)
    return yield* Effect.fail(
      new PaymentRefused({
        reason: refused.reason,
        detail: refused.detail,
        ...(refused.field === undefined ? {} : { field: refused.field }),
      }),
    )
  const paid = yield* store.payRefund(id, {
    ...payout,
    recordedBy: principal.id,
    recordedAt: now,
    ...(input.note === undefined || input.note === "" ? {} : { note: input.note }),
  })
  if (!paid.paid)
    return yield* Effect.fail(
      paid.reason === "reference-used"
        ? new PaymentRefused({
            reason: "payout-reference-used",
            detail: `Giao dịch ${input.bankReference} đã được ghi cho khoản hoàn trả khác / the bank reference is another refund's`,
            field: "bankReference",
          })
        : new PaymentRefused({
            reason: "already-paid",
            detail: `Khoản hoàn trả ${refund.reference} đã được chi trả / already paid out`,
          }),
    )
  return paid.refund
})

/** The refunds of a dossier, for whoever may read it. */
export const refundsOf = Effect.fnUntraced(function* (principal: Principal, code: string) {
  const loaded = yield* loadDossier(code)
  yield* authorizeOn(principal, "dossier.read", loaded)
  return yield* (yield* PaymentStore).refunds({ dossierCode: code })
})

/**
 * A centre's refunds (those asked for its dossiers and for money held at its account), for its payments officers and
 * its head: what waits for a decision (`requested`), or what was approved and is to be paid back.
 */
export const refundsOfCentre = Effect.fnUntraced(function* (
  principal: Principal,
  centreId: string,
  status?: RefundRecord["status"],
) {
  yield* authorizeTarget(principal, "payment.ledger", centreTarget(centreId))
  return yield* (yield* PaymentStore).refunds({ centreId, ...(status === undefined ? {} : { status }) })
})
