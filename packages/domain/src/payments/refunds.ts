// Refunds: how much of a dossier's payment goes back when it ends refused or withdrawn (the catalogue's refund rule
// per fee item, through fees/refund.ts's refundFor), and the one limit every refund obeys: never more than was paid
// minus what is already refunded or awaiting approval.
import { Result } from "effect"
import type { Procedure } from "../catalogue/schema.ts"
import type { DossierContext } from "../dossier/context.ts"
import { amountPaid } from "../dossier/guards.ts"
import { formatDong } from "../fees/money.ts"
import type { FeeQuote, FeeQuoteLine } from "../fees/quote.ts"
import { type FeeRefund, type RefundReason, refundFor } from "../fees/refund.ts"
import type { RefundRecord } from "./ledger.ts"

const ORDER = { "at-intake": 0, "before-processing": 1, "before-result": 2 } as const

/**
 * The ids of the dossier's fee lines its payments covered: payments settle fees in the order they fall due (at
 * intake, before processing, before the result), a line counting as paid when covered in full.
 */
export function paidFeeLines(context: DossierContext): string[] {
  let left = amountPaid(context)
  const paid: string[] = []
  for (const line of [...context.fees].sort((a, b) => ORDER[a.due] - ORDER[b.due])) {
    if (line.amount > left) break
    left -= line.amount
    paid.push(line.feeId)
  }
  return paid
}

/**
 * What goes back to the applicant of a refused or withdrawn dossier: each paid fee line refunded in full or kept, as
 * its item in the procedure says (refundFor). Financial obligations (taxes collected for other authorities) are not
 * the centre's to refund and are left out.
 */
export function dossierRefund(
  context: DossierContext,
  procedure: Procedure,
  reason: RefundReason,
): Result.Result<FeeRefund, { readonly itemId: string }> {
  const lines: FeeQuoteLine[] = []
  for (const fee of context.fees) {
    const item = procedure.fees.find((f) => f.id === fee.feeId)
    if (item === undefined) return Result.fail({ itemId: fee.feeId })
    lines.push({
      itemId: fee.feeId,
      kind: fee.kind,
      name: fee.name,
      due: fee.due,
      gross: fee.amount,
      reduction: 0,
      amount: fee.amount,
      rule: { text: item.name, textEn: item.name, legalBasis: item.legalBasis },
      refund: item.refund,
    })
  }
  const total = lines.reduce((s, l) => s + l.amount, 0)
  const byDue = { "at-intake": 0, "before-processing": 0, "before-result": 0 }
  for (const l of lines) byDue[l.due] += l.amount
  const quote: FeeQuote = {
    procedureCode: procedure.code,
    channel: context.channel,
    lines,
    total,
    totalFees: lines.filter((l) => l.kind === "fee").reduce((s, l) => s + l.amount, 0),
    totalCharges: lines.filter((l) => l.kind === "charge").reduce((s, l) => s + l.amount, 0),
    byDue,
  }
  return refundFor(quote, { reason, paid: paidFeeLines(context) })
}

/** Why a refund of `amount` cannot be asked for, or undefined: it must be whole đồng, positive, within what is left. */
export function refundRefusal(
  amount: number,
  balance: { readonly paid: number; readonly refunded: number },
): string | undefined {
  if (!Number.isSafeInteger(amount) || amount <= 0)
    return `Số tiền hoàn trả phải là số đồng nguyên dương (got ${amount}) / the amount must be whole đồng above 0`
  const room = balance.paid - balance.refunded
  if (amount > room)
    return `Số tiền hoàn trả ${formatDong(amount)} vượt số còn có thể hoàn ${formatDong(Math.max(0, room))} (đã nộp ${formatDong(balance.paid)}, đã hoàn hoặc chờ duyệt ${formatDong(balance.refunded)}) / more than was paid minus what is already refunded`
  return undefined
}

/** What a payout record says: the bank's reference of the transfer back, the day it was booked, the amount. */
export interface PayoutInput {
  readonly bankReference: string
  readonly paidOn: string
  readonly amount: number
}

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const BANK_REFERENCE = /^[\x21-\x7e]{1,60}$/

/** The civil date in Vietnam of an ISO instant. */
const vietnamDate = (instant: string): string =>
  new Date(Date.parse(instant) + 7 * 3_600_000).toISOString().slice(0, 10)

/**
 * Why the transfer back of `refund` cannot be recorded as `payout` at `now`, with the field it is about, or
 * undefined: only an approved refund is paid, once; for exactly its amount; with the bank's reference (printable,
 * no spaces, at most 60 characters); on a real day neither before the approval nor after today (Vietnam).
 */
export function payoutRefusal(
  refund: Pick<RefundRecord, "status" | "amount" | "decidedAt" | "reference">,
  payout: PayoutInput,
  now: string,
): { readonly reason: string; readonly field?: keyof PayoutInput; readonly detail: string } | undefined {
  if (refund.status === "paid")
    return { reason: "already-paid", detail: `Khoản hoàn trả ${refund.reference} đã được chi trả / already paid out` }
  if (refund.status !== "approved")
    return {
      reason: "not-approved",
      detail: `Khoản hoàn trả ${refund.reference} chưa được duyệt (${refund.status}) / only an approved refund is paid out`,
    }
  if (!BANK_REFERENCE.test(payout.bankReference))
    return {
      reason: "payout-reference",
      field: "bankReference",
      detail:
        "Mã giao dịch ngân hàng: 1–60 ký tự in được, không dấu cách / the bank reference: 1–60 printable characters, no spaces",
    }
  if (!Number.isSafeInteger(payout.amount) || payout.amount !== refund.amount)
    return {
      reason: "payout-amount",
      field: "amount",
      detail: `Số tiền chi trả phải đúng ${formatDong(refund.amount)} đã duyệt, nhận ${String(payout.amount)} / the amount must be the approved refund's`,
    }
  const m = CIVIL_DATE.exec(payout.paidOn)
  const day = m === null ? Number.NaN : Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  if (m === null || Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== payout.paidOn)
    return {
      reason: "payout-date",
      field: "paidOn",
      detail: `Ngày chi trả không hợp lệ: ${payout.paidOn} / not a date (YYYY-MM-DD)`,
    }
  if (payout.paidOn > vietnamDate(now))
    return {
      reason: "payout-date",
      field: "paidOn",
      detail: `Ngày chi trả ${payout.paidOn} ở tương lai / in the future`,
    }
  if (refund.decidedAt !== undefined && payout.paidOn < vietnamDate(refund.decidedAt))
    return {
      reason: "payout-date",
      field: "paidOn",
      detail: `Ngày chi trả ${payout.paidOn} trước ngày duyệt ${vietnamDate(refund.decidedAt)} / before the approval`,
    }
  return undefined
}
