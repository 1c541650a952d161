// Matching money that arrived to what was asked for. A payment request asks a dossier's collecting centre's account
// for an exact amount under a unique reference; a bank transfer notice (VietQR) or a gateway notice says what was
// paid. Only an exact match is credited to the dossier. Anything else — no reference, an unknown one, another
// centre's account, a request already paid, expired or cancelled, too little, too much — is *held* for an officer
// with its reason, never credited by itself: the money is real and must be applied or sent back by a person.
import { formatDong } from "../fees/money.ts"
import { findPaymentReferences } from "./reference.ts"

export type PaymentChannel = "vietqr" | "gateway"

export type PaymentRequestStatus = "pending" | "paid" | "expired" | "failed" | "cancelled"

/** What a payment request holds that matching needs. */
export interface RequestToMatch {
  readonly id: string
  readonly reference: string
  readonly dossierCode: string
  readonly centreId: string
  readonly amount: number
  readonly status: PaymentRequestStatus
  /** Why it was closed, and the payment that settled its dossier when that closed it (ledger.ts). */
  readonly closedReason?: string
  readonly supersededBy?: string
}

export type HoldReason =
  | "no-reference"
  | "several-references"
  | "unknown-reference"
  | "wrong-account"
  | "request-closed"
  /** The request was closed because its dossier was paid by another request (or at the counter). */
  | "paid-by-another-request"
  | "underpayment"
  | "overpayment"
  /** The amount matched the request, but the dossier no longer owes it (paid another way, amounts changed). */
  | "dossier-refused"

export interface Hold {
  readonly reason: HoldReason
  /** Vietnamese, then English. */
  readonly detail: string
}

const hold = (reason: HoldReason, detail: string): Hold => ({ reason, detail })

const closedWords: Record<Exclude<PaymentRequestStatus, "pending">, string> = {
  paid: "đã được thanh toán (already paid)",
  expired: "đã hết hạn (expired)",
  failed: "đã thất bại (failed)",
  cancelled: "đã bị hủy (cancelled)",
}

/**
 * Checks a payment against its request: undefined when it may be credited, else why it is held. `centreId` is the
 * centre whose account was credited (a bank notice names the account; a gateway payment is the request's own).
 */
export function checkAgainstRequest(
  request: RequestToMatch,
  paid: { readonly amount: number; readonly centreId: string | undefined },
): Hold | undefined {
  if (paid.centreId !== request.centreId)
    return hold(
      "wrong-account",
      `Tiền vào tài khoản của ${paid.centreId ?? "(tài khoản không thuộc trung tâm nào)"}, yêu cầu ${request.reference} thu vào tài khoản của ${request.centreId} / credited to another centre's account`,
    )
  if (request.status === "cancelled" && request.supersededBy !== undefined)
    return hold(
      "paid-by-another-request",
      `Yêu cầu thanh toán ${request.reference} đã đóng vì hồ sơ ${request.dossierCode} đã được thanh toán bằng khoản khác (${request.supersededBy}) / request ${request.reference} was closed: dossier ${request.dossierCode} was paid by another payment (${request.supersededBy})`,
    )
  if (request.status !== "pending")
    return hold(
      "request-closed",
      `Yêu cầu thanh toán ${request.reference} ${closedWords[request.status]} / the request is ${request.status}`,
    )
  if (paid.amount < request.amount)
    return hold(
      "underpayment",
      `Nộp thiếu: nhận ${formatDong(paid.amount)}, yêu cầu ${formatDong(request.amount)} / underpaid: ${paid.amount} of ${request.amount} đồng`,
    )
  if (paid.amount > request.amount)
    return hold(
      "overpayment",
      `Nộp thừa: nhận ${formatDong(paid.amount)}, yêu cầu ${formatDong(request.amount)} / overpaid: ${paid.amount} for ${request.amount} đồng`,
    )
  return undefined
}

/**
 * The reference a bank transfer's description carries: exactly one well-formed reference, or why the transfer is
 * held (none, or several: which request it pays cannot be told).
 */
export function referenceInDescription(description: string): { readonly reference: string } | { readonly hold: Hold } {
  const found = findPaymentReferences(description)
  if (found.length === 1) return { reference: found[0] as string }
  if (found.length === 0)
    return {
      hold: hold(
        "no-reference",
        "Nội dung chuyển khoản không có mã thanh toán (MC…) / the transfer's description has no payment reference",
      ),
    }
  return {
    hold: hold(
      "several-references",
      `Nội dung chuyển khoản có nhiều mã thanh toán: ${found.join(", ")} / several references in one transfer`,
    ),
  }
}

export const unknownReference = (reference: string): Hold =>
  hold(
    "unknown-reference",
    `Không có yêu cầu thanh toán mã ${reference} / no payment request has reference ${reference}`,
  )

export const dossierRefused = (why: string): Hold => hold("dossier-refused", why)

/**
 * Why a dossier's other pending request is closed when a payment settles the dossier: it asked for money that is no
 * longer owed (every request asks for all that was owed when it was made). `by` is the request that was paid, when
 * a request was (a counter payment has none).
 */
export const supersededReason = (paymentId: string, by: { readonly reference: string } | undefined): string =>
  by === undefined
    ? `Hồ sơ đã được thanh toán bằng khoản khác (${paymentId}) / paid by another payment (${paymentId})`
    : `Hồ sơ đã được thanh toán bằng yêu cầu khác (${by.reference}) / paid by another request (${by.reference})`
