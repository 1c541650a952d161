// E-receipts to the tax authority's e-invoice system (ports/einvoice.ts): each receipt issued, and each cancelled,
// becomes an outbox row of topic `einvoice.receipt` written in the transaction that issues or cancels it (so none is
// lost, and none is sent for a receipt that was rolled back), with the receipt's id as ordering key (its cancellation
// is sent after it). The relay's handler sends it and keeps what came back on the receipt: the authority's code, the
// lookup code and the number it is recorded under — or, when the system refused it or answered something that does
// not fit, `refused` with the problem, and the row is dead (permanent) for an officer to look at and retry
// (`motcua outbox retry`). Idempotent by receipt id: a redelivered row finds the receipt already accepted (or
// cancelled) and sends nothing; the adapter sends the receipt's id as the provider's transaction id too.
import { Effect, Option, Result } from "effect"
import { topics } from "../dossier/plan.ts"
import { Clock } from "../ports/clock.ts"
import { EInvoiceRefused, EInvoices } from "../ports/einvoice.ts"
import { Outbox } from "../ports/outbox.ts"
import { PaymentStore } from "../ports/payment-store.ts"
import type { OutboxMessage } from "../ports/records.ts"

export type EInvoiceAction = "issue" | "cancel"

/**
 * Writes, in the caller's transaction, the rows that send `receipts` to the e-invoice system — when one is
 * configured (a deployment without it sends nothing and writes no row).
 */
export const enqueueEInvoices = (
  dossierCode: string,
  receipts: ReadonlyArray<{ readonly receiptId: string; readonly action: EInvoiceAction }>,
) =>
  Effect.gen(function* () {
    if (Option.isNone(yield* Effect.serviceOption(EInvoices))) return
    yield* (yield* Outbox).enqueue(
      dossierCode,
      receipts.map(({ receiptId, action }) => ({
        topic: topics.einvoiceReceipt,
        payload: { receiptId, action },
        orderingKey: `einvoice:${receiptId}`,
      })),
    )
  })

const notSendable = (detail: string) => new EInvoiceRefused({ reason: "not-sendable", detail })

/** Sends one receipt's issue or cancellation (the relay's handler of `einvoice.receipt`); see the module's comment. */
export const sendReceiptEInvoice = (receiptId: string, action: EInvoiceAction) =>
  Effect.gen(function* () {
    const store = yield* PaymentStore
    const einvoices = yield* EInvoices
    const clock = yield* Clock
    const receipt = yield* store.receipt(receiptId)
    if (receipt === undefined)
      return yield* Effect.fail(notSendable(`Không có biên lai ${receiptId} / no such receipt`))
    const known = receipt.einvoice
    const refused = (e: EInvoiceRefused) =>
      Effect.gen(function* () {
        yield* store.recordEInvoice(receiptId, { ...known, status: "refused", at: yield* clock.now, problem: e.detail })
        return yield* Effect.fail(e)
      })
    if (action === "issue") {
      // sent before (a redelivered row): nothing to do
      if (known?.status === "accepted" || known?.status === "cancelled") return
      const replaced = receipt.replaces === undefined ? undefined : yield* store.receipt(receipt.replaces)
      const sent = yield* Effect.result(
        einvoices.issue({
          receipt,
          ...(replaced === undefined
            ? {}
            : { replaces: { series: replaced.series, number: replaced.number, issuedAt: replaced.issuedAt } }),
        }),
      )
      if (Result.isFailure(sent))
        return yield* sent.failure instanceof EInvoiceRefused ? refused(sent.failure) : Effect.fail(sent.failure)
      yield* store.recordEInvoice(receiptId, {
        status: "accepted",
        at: yield* clock.now,
        invoiceNo: sent.success.invoiceNo,
        lookupCode: sent.success.lookupCode,
        ...(sent.success.taxAuthorityCode === undefined ? {} : { taxAuthorityCode: sent.success.taxAuthorityCode }),
      })
      return
    }
    if (known?.status === "cancelled") return
    if (receipt.status !== "cancelled")
      return yield* Effect.fail(notSendable(`Biên lai ${receiptId} chưa bị hủy / the receipt is not cancelled`))
    if (known?.invoiceNo === undefined || known.lookupCode === undefined)
      return yield* Effect.fail(
        notSendable(
          `Biên lai ${receiptId} chưa được hệ thống hóa đơn điện tử nhận, không gửi hủy được / not accepted by the e-invoice system: nothing to cancel`,
        ),
      )
    const cancelled = yield* Effect.result(
      einvoices.cancel(receipt, {
        invoiceNo: known.invoiceNo,
        lookupCode: known.lookupCode,
        ...(known.taxAuthorityCode === undefined ? {} : { taxAuthorityCode: known.taxAuthorityCode }),
      }),
    )
    if (Result.isFailure(cancelled))
      return yield* cancelled.failure instanceof EInvoiceRefused
        ? refused(cancelled.failure)
        : Effect.fail(cancelled.failure)
    yield* store.recordEInvoice(receiptId, { ...known, status: "cancelled", at: yield* clock.now })
  })

/** The relay's handler of `einvoice.receipt` rows: `{receiptId, action}`. */
export const einvoiceHandler = (m: OutboxMessage) =>
  Effect.gen(function* () {
    const payload = m.payload as { receiptId?: unknown; action?: unknown } | null
    const receiptId = payload?.receiptId
    const action = payload?.action
    if (typeof receiptId !== "string" || (action !== "issue" && action !== "cancel"))
      return yield* Effect.fail(notSendable(`outbox row ${m.id}: not an e-invoice message`))
    yield* sendReceiptEInvoice(receiptId, action)
  })
