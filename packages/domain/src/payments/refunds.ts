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
