// Errors of the payment use cases, mapped at the edge (apps/api errors.ts).
import { Data } from "effect"

/** A payment request, refund or receipt change that cannot be made (HTTP 422); `field` is the input at fault. */
export class PaymentRefused extends Data.TaggedError("PaymentRefused")<{
  readonly reason: string
  /** Vietnamese, then English. */
  readonly detail: string
  readonly field?: string
}> {
  override get message(): string {
    return `thanh toán: ${this.detail}`
  }
}

/** A payment channel the deployment has not configured (no accounts, no gateway): HTTP 503. */
export class PaymentsNotConfigured extends Data.TaggedError("PaymentsNotConfigured")<{ readonly what: string }> {
  override get message(): string {
    return `chưa cấu hình thanh toán (payments not configured): ${this.what}`
  }
}

/**
 * A verified message that changes nothing: a repeat of one already received (`duplicate`, HTTP 409) or one that
 * cannot be what it says (`rejected`: naming another dossier, an unknown request, an account of no centre; HTTP 422).
 * It is in the ledger's message log either way.
 */
export class PaymentMessageRefused extends Data.TaggedError("PaymentMessageRefused")<{
  readonly messageId: string
  readonly outcome: "duplicate" | "rejected"
  readonly reason: string
  readonly detail: string
}> {
  override get message(): string {
    return `thông báo thanh toán không được ghi nhận (${this.reason}): ${this.detail}`
  }
}
