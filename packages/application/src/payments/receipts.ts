// E-receipts: issued with each payment credited (credit.ts), read with the dossier (as data, or as PDF), and — when wrong (a misspelt
// payer, for instance) — cancelled and replaced, never edited: the replacement takes the next number of its centre's
// series and names the receipt it replaces, which keeps its number and says by which it was replaced.
import { accountOf, formatReceiptNumber, type ReceiptRecord, receiptSeriesFor } from "@motcua/domain"
import { Effect } from "effect"
import type { Principal } from "../authorization/principal.ts"
import { authorizeOn, loadDossier } from "../dossier/engine.ts"
import { Clock } from "../ports/clock.ts"
import { Ids } from "../ports/ids.ts"
import { lookupUrl, PublicPages } from "../ports/issued-results.ts"
import { PaymentStore } from "../ports/payment-store.ts"
import { DocumentRenderer } from "../ports/renderer.ts"
import { Signer } from "../ports/signer.ts"
import { inTransaction } from "./credit.ts"
import { enqueueEInvoices } from "./einvoice.ts"
import { PaymentRefused } from "./errors.ts"
import { authorizeTarget, moneyTarget } from "./requests.ts"
import { PaymentSettings } from "./settings.ts"

export const receiptsOf = Effect.fnUntraced(function* (principal: Principal, code: string) {
  const loaded = yield* loadDossier(code)
  yield* authorizeOn(principal, "dossier.read", loaded)
  return yield* (yield* PaymentStore).receipts({ dossierCode: code })
})

/** One receipt, for whoever may read its dossier. */
export const receiptOf = Effect.fnUntraced(function* (principal: Principal, id: string) {
  const receipt = yield* (yield* PaymentStore).receipt(id)
  if (receipt === undefined)
    return yield* Effect.fail(new PaymentRefused({ reason: "not-found", detail: `Không có biên lai ${id}` }))
  const loaded = yield* loadDossier(receipt.dossierCode)
  yield* authorizeOn(principal, "dossier.read", loaded)
  return receipt
})

/**
 * Whose certificate signs a centre's e-receipts: the collecting centre's own (the unit that collects the money signs
 * its receipts), filed under the centre's id — `<p12Dir>/<centre id>.p12`, or the remote signing service's key
 * `<centre id>` (adapters/signature-x509).
 */
export const receiptSignerId = (centreId: string): string => centreId

/**
 * One receipt as PDF (biên lai điện tử with Vietnamese text: the DocumentRenderer), for whoever may read its dossier,
 * signed by its collecting centre through the Signer (PAdES, when the signer embeds its signature; the development
 * signer embeds none and the PDF is served as drawn: `signed` false). Its QR code leads to the dossier's public
 * lookup page; a cancelled receipt is printed as cancelled with the number of its replacement, a replacement with
 * the number it replaces. A centre without a certificate is the signer's `no-certificate` refusal: no unsigned
 * receipt is passed off as signed.
 */
export const receiptPdfOf = Effect.fnUntraced(function* (principal: Principal, id: string) {
  const receipt = yield* receiptOf(principal, id)
  const store = yield* PaymentStore
  const refOf = (other: string | undefined) =>
    other === undefined
      ? Effect.succeed(undefined)
      : Effect.map(store.receipt(other), (r) => (r === undefined ? undefined : { series: r.series, number: r.number }))
  const replaces = yield* refOf(receipt.replaces)
  const replacedBy = yield* refOf(receipt.replacedBy)
  const pages = yield* PublicPages
  const drawn = yield* (yield* DocumentRenderer).renderReceipt({
    receipt,
    place: pages.place,
    qrUrl: lookupUrl(pages, receipt.dossierCode),
    ...(replaces === undefined ? {} : { replaces }),
    ...(replacedBy === undefined ? {} : { replacedBy }),
  })
  const signature = yield* (yield* Signer).sign({
    signerId: receiptSignerId(receipt.centreId),
    bytes: drawn,
    reference: `receipt ${receipt.id} ${receipt.series}-${formatReceiptNumber(receipt.number)} ${receipt.dossierCode}`,
    reason: `Ký số biên lai điện tử ${receipt.series} số ${formatReceiptNumber(receipt.number)} — ${receipt.centreName}`,
  })
  const bytes = signature.signedDocument ?? drawn
  return { receipt, bytes, signed: signature.signedDocument !== undefined }
})

export interface ReplaceReceiptInput {
  readonly reason: string
  readonly payer: ReceiptRecord["payer"]
}

export const replaceReceipt = Effect.fnUntraced(function* (
  principal: Principal,
  id: string,
  input: ReplaceReceiptInput,
) {
  const store = yield* PaymentStore
  const old = yield* store.receipt(id)
  if (old === undefined)
    return yield* Effect.fail(new PaymentRefused({ reason: "not-found", detail: `Không có biên lai ${id}` }))
  const loaded = yield* loadDossier(old.dossierCode)
  yield* authorizeTarget(principal, "receipt.replace", moneyTarget(loaded, old.centreId))
  if (old.status !== "issued")
    return yield* Effect.fail(
      new PaymentRefused({ reason: "already-cancelled", detail: `Biên lai ${id} đã bị hủy / already cancelled` }),
    )
  const { accounts } = yield* PaymentSettings
  const account = accounts === undefined ? undefined : accountOf(accounts, old.centreId)
  const at = yield* (yield* Clock).now
  const newId = yield* (yield* Ids).next("receipt")
  return yield* inTransaction(
    Effect.gen(function* () {
      // the replacement is a receipt of its own: not what the e-invoice system made of the old one
      const { number: _n, cancelled: _c, replacedBy: _r, einvoice: _e, ...kept } = old
      const replacement = yield* store.issueReceipt({
        ...kept,
        id: newId,
        series:
          account === undefined
            ? old.series
            : receiptSeriesFor(account, new Date(Date.parse(at) + 7 * 3_600_000).getUTCFullYear()),
        payer: input.payer,
        issuedAt: at,
        status: "issued",
        replaces: old.id,
      })
      if (!(yield* store.cancelReceipt(old.id, { at, by: principal.id, reason: input.reason }, replacement.id)))
        return yield* Effect.fail(
          new PaymentRefused({ reason: "already-cancelled", detail: `Biên lai ${id} đã bị hủy / already cancelled` }),
        )
      yield* enqueueEInvoices(old.dossierCode, [
        { receiptId: old.id, action: "cancel" },
        { receiptId: replacement.id, action: "issue" },
      ])
      return { cancelled: { ...old, status: "cancelled" as const }, replacement }
    }),
  )
})
