// Decision 766/QĐ-TTg's online-payment indicator (10 points: "dossiers with a financial obligation paid online"): of
// the dossiers that owed a fee, a charge or a financial obligation and paid it, how many paid online — by bank
// transfer with VietQR or through a payment gateway. A payment is online when a verified message credited it (the
// `system` actor) or when its id says it came from one (`vietqr:` or `gateway:`, also when an officer applied money
// that had been held); a payment an officer took at the counter is not.
import type { DossierContext, PaymentRecord } from "../dossier/context.ts"
import { amountOwed } from "../dossier/guards.ts"

export const isOnlinePayment = (payment: PaymentRecord): boolean =>
  payment.confirmedBy.role === "system" || /^(vietqr|gateway):/.test(payment.paymentId)

export interface OnlinePaymentIndicator {
  /** Dossiers that owed something and paid (the indicator's base). */
  readonly paid: number
  /** Of them, dossiers every payment of which was online. */
  readonly paidOnline: number
  /** paidOnline / paid; null when no dossier paid. */
  readonly share: number | null
}

export function onlinePaymentIndicator(contexts: Iterable<DossierContext>): OnlinePaymentIndicator {
  let paid = 0
  let paidOnline = 0
  for (const c of contexts) {
    if (amountOwed(c, "before-result") <= 0 || c.payments.length === 0) continue
    paid++
    if (c.payments.every(isOnlinePayment)) paidOnline++
  }
  return { paid, paidOnline, share: paid === 0 ? null : paidOnline / paid }
}
