// Sending e-receipts to the tax authority's e-invoice system (hóa đơn, chứng từ điện tử: Decree 123/2020/NĐ-CP,
// Circular 78/2021/TT-BTC; a receipt of fees and charges is its own kind, form 01BLP), through the province's
// e-invoice provider. Each issued receipt is sent as structured data, and each cancellation; the outbox carries them
// (topic `einvoice.receipt`), so a provider that is down is tried again, and the receipt's id makes a repeat
// harmless. Implemented by adapters/einvoice-http; what comes back is untrusted: an answer that is malformed or does
// not match what was sent is refused (`EInvoiceRefused`), never recorded as accepted.
import type { ReceiptRecord } from "@motcua/domain"
import { Context, Data, type Effect } from "effect"
import type { ExternalServiceFailed } from "./external-errors.ts"

/** What the e-invoice system answered for an accepted receipt. */
export interface EInvoiceAccepted {
  readonly invoiceNo: string
  readonly lookupCode: string
  readonly taxAuthorityCode?: string
}

/** An issued receipt, with the receipt it replaces when it is a replacement (series and number as printed). */
export interface EInvoiceIssue {
  readonly receipt: ReceiptRecord
  readonly replaces?: { readonly series: string; readonly number: number; readonly issuedAt: string }
}

/**
 * The e-invoice system refused the receipt, or answered something that cannot be trusted (malformed, another
 * receipt's number, another seller): sending the same again cannot help (`permanent`), an officer must look.
 */
export class EInvoiceRefused extends Data.TaggedError("EInvoiceRefused")<{
  readonly reason: "refused" | "malformed-answer" | "mismatch" | "not-sendable"
  /** Vietnamese, then English. */
  readonly detail: string
}> {
  readonly permanent = true
  override get message(): string {
    return `hệ thống hóa đơn điện tử / e-invoice system (${this.reason}): ${this.detail}`
  }
}

export interface EInvoicesShape {
  /** Sends an issued receipt; idempotent by the receipt's id (a repeat answers what the first one made). */
  readonly issue: (issue: EInvoiceIssue) => Effect.Effect<EInvoiceAccepted, ExternalServiceFailed | EInvoiceRefused>
  /** Sends a receipt's cancellation (it was accepted before: `accepted` is what the system answered then). */
  readonly cancel: (
    receipt: ReceiptRecord,
    accepted: EInvoiceAccepted,
  ) => Effect.Effect<void, ExternalServiceFailed | EInvoiceRefused>
}

export class EInvoices extends Context.Service<EInvoices, EInvoicesShape>()("@motcua/application/EInvoices") {}
