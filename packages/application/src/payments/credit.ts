// Crediting a payment to a dossier, the one path every payment takes (a bank transfer notice, a gateway notice, the
// re-check job, an officer applying held money, a counter payment, the relayed callback of the development gateway):
// the machine's `paymentConfirmed` (which refuses a payment id twice and any amount but what is owed:
// PaymentAmountWrong), the request it pays marked paid, the confirmation with its amount added to the dossier's
// balance, the dossier's other pending requests closed (paid by another request), and the e-receipt numbered in its
// centre's series — in one transaction, all or nothing.
import {
  accountOf,
  amountInWords,
  amountOutstanding,
  type ConfirmationChannel,
  collectingCentre,
  type DossierContext,
  formatDong,
  METHOD_LABELS,
  type PaymentConfirmation,
  type ReceiptItem,
  type ReceiptRecord,
  receiptSeriesFor,
  supersededReason,
} from "@motcua/domain"
import { Effect, Option } from "effect"
import type { AppAction } from "../authorization/policy.ts"
import type { Principal } from "../authorization/principal.ts"
import { actAndTell } from "../dossier/engine.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { Clock } from "../ports/clock.ts"
import { StoreUnavailable } from "../ports/errors.ts"
import { Ids } from "../ports/ids.ts"
import { PaymentStore } from "../ports/payment-store.ts"
import { UnitOfWork } from "../ports/unit-of-work.ts"
import { enqueueEInvoices } from "./einvoice.ts"
import { PaymentSettings } from "./settings.ts"

/** Runs `effect` in one storage transaction (joining the caller's, if any). */
export const inTransaction = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const unitOfWork = yield* UnitOfWork
    return yield* unitOfWork.transaction(effect)
  })

/** The account the application credits notices as: an integration client for every authority of the jurisdiction. */
export const paymentsPrincipal = (agencyCodes: ReadonlyArray<string>): Principal => ({
  id: "system:payments",
  roles: ["integration-client"],
  scope: { _tag: "Integration", clientId: "payments", agencyCodes },
})

/** The e-receipt's year: the civil year in Vietnam of an instant. */
const vietnamYear = (instant: string): number => new Date(Date.parse(instant) + 7 * 3_600_000).getUTCFullYear()

/**
 * What is still owed, line by line: fees in the order they fall due, then requested obligations, less what was
 * paid (a line partly covered shows what is left of it). The amounts add up to the domain's amountOutstanding.
 */
export function owedItems(context: DossierContext): ReceiptItem[] {
  const order = { "at-intake": 0, "before-processing": 1, "before-result": 2 } as const
  const lines = [
    ...[...context.fees].sort((a, b) => order[a.due] - order[b.due]).map((f) => ({ name: f.name, amount: f.amount })),
    ...context.obligations.map((o) => ({ name: o.name, amount: o.amount })),
  ]
  let paid = context.payments.reduce((s, p) => s + p.amount, 0)
  const items: ReceiptItem[] = []
  for (const line of lines) {
    const covered = Math.min(paid, line.amount)
    paid -= covered
    if (line.amount - covered > 0) items.push({ name: line.name, amount: line.amount - covered })
  }
  const total = items.reduce((s, i) => s + i.amount, 0)
  const outstanding = amountOutstanding(context)
  // obligations recorded without lines, or payments beyond the lines: keep the total the domain's
  if (total !== outstanding) return [{ name: `Phí, lệ phí hồ sơ ${context.dossierCode}`, amount: outstanding }]
  return items
}

export interface Credit {
  /** The confirmation's id: `vietqr:<bank transaction>`, `gateway:<transaction>`, a counter's or callback's id. */
  readonly paymentId: string
  readonly amount: number
  readonly paidAt: string
  readonly channel: ConfirmationChannel
  readonly requestId?: string
  readonly externalId?: string
  readonly messageId?: string
  /** The dossier version the caller saw (counter payments). */
  readonly expectedVersion?: number
}

/** The items a payment of `amount` covers: the request's, or what was owed before it when that is the amount. */
function receiptItems(before: DossierContext, amount: number, requestItems: ReadonlyArray<ReceiptItem> | undefined) {
  if (requestItems !== undefined && requestItems.reduce((s, i) => s + i.amount, 0) === amount) return requestItems
  const owed = owedItems(before)
  if (owed.reduce((s, i) => s + i.amount, 0) === amount) return owed
  return [{ name: `Phí, lệ phí hồ sơ ${before.dossierCode}`, amount }]
}

/**
 * Credits `credit` to dossier `code` as `principal` taking `action` (the policy's: a system's verified notice, an
 * officer's counter payment or held money). Fails with the machine's ActionRefused (nothing written) when the
 * dossier does not owe exactly that; returns the dossier's view and the confirmation.
 */
export const creditDossier = (principal: Principal, action: AppAction, code: string, credit: Credit) =>
  Effect.gen(function* () {
    const store = yield* PaymentStore
    const { view, loaded: before } = yield* actAndTell({
      principal,
      action,
      code,
      expectedVersion: credit.expectedVersion,
      event: () =>
        Effect.succeed({ type: "paymentConfirmed" as const, paymentId: credit.paymentId, amount: credit.amount }),
    })
    const now = yield* (yield* Clock).now
    const catalog = yield* CatalogStore
    const centre = collectingCentre(catalog.jurisdiction, before.context)
    const request = credit.requestId === undefined ? undefined : yield* store.request(credit.requestId)
    if (request !== undefined && request.status === "pending") {
      const updated = yield* store.updateRequest(
        { ...request, status: "paid", paymentId: credit.paymentId, paidAt: credit.paidAt },
        "pending",
      )
      if (!updated)
        return yield* Effect.fail(
          new StoreUnavailable({ operation: "credit payment", cause: `request ${request.id} changed meanwhile` }),
        )
    }
    // Every other pending request of the dossier asked for money that is no longer owed (each asks for all that was
    // owed when it was made): closed at once, saying why, so that it is no longer offered and money that still
    // arrives for it is held for an officer (paid-by-another-request), never credited.
    const closedReason = supersededReason(credit.paymentId, request)
    for (const other of yield* store.requestsOf(code))
      if (other.status === "pending" && other.id !== credit.requestId)
        // false: it left `pending` meanwhile (paid, expired or failed first) — then it is not ours to close
        yield* store.updateRequest(
          { ...other, status: "cancelled", closedReason, supersededBy: credit.paymentId },
          "pending",
        )
    const settings = Option.getOrUndefined(yield* Effect.serviceOption(PaymentSettings))
    const account =
      settings?.accounts === undefined || centre === undefined ? undefined : accountOf(settings.accounts, centre.id)
    let receipt: ReceiptRecord | undefined
    if (settings?.accounts !== undefined && account !== undefined && centre !== undefined) {
      const items = receiptItems(before.context, credit.amount, request?.items)
      const applicant = before.context.applicant
      receipt = yield* store.issueReceipt({
        id: yield* (yield* Ids).next("receipt"),
        centreId: centre.id,
        centreName: centre.name,
        collector: settings.accounts.collector,
        form: settings.accounts.receiptForm,
        series: receiptSeriesFor(account, vietnamYear(now)),
        dossierCode: code,
        procedureName: before.procedure.name,
        paymentId: credit.paymentId,
        payer: {
          name: applicant.name,
          id: applicant.id,
          ...(applicant.address === undefined ? {} : { address: applicant.address }),
        },
        items,
        total: credit.amount,
        totalInWords: amountInWords(credit.amount),
        method: METHOD_LABELS[credit.channel] ?? credit.channel,
        issuedAt: now,
        status: "issued",
      })
      // to the tax authority's e-invoice system, through the outbox (when one is configured)
      yield* enqueueEInvoices(code, [{ receiptId: receipt.id, action: "issue" }])
    }
    const confirmation: PaymentConfirmation = {
      paymentId: credit.paymentId,
      ...(credit.requestId === undefined ? {} : { requestId: credit.requestId }),
      dossierCode: code,
      centreId: centre?.id ?? "",
      channel: credit.channel,
      amount: credit.amount,
      paidAt: credit.paidAt,
      confirmedAt: now,
      ...(credit.externalId === undefined ? {} : { externalId: credit.externalId }),
      ...(credit.messageId === undefined ? {} : { messageId: credit.messageId }),
      ...(receipt === undefined ? {} : { receiptId: receipt.id }),
    }
    if (!(yield* store.addConfirmation(confirmation)))
      return yield* Effect.fail(
        new StoreUnavailable({
          operation: "credit payment",
          cause: `payment ${credit.paymentId} (${formatDong(credit.amount)}) is already confirmed`,
        }),
      )
    return { view, confirmation, receipt }
  }).pipe(inTransaction)
