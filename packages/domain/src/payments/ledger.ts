// The records money leaves behind, as plain data (JSON, kept by the application's PaymentStore): payment requests,
// the messages received about payments (each bank notice and gateway notice, verified or not, with what became of
// it), confirmations (a payment credited to a dossier, once), refunds and e-receipts. Amounts are whole đồng; instants
// ISO text in +07:00.
import type { FeeRefundLine } from "../fees/refund.ts"
import type { HoldReason, PaymentChannel, PaymentRequestStatus } from "./matching.ts"

export interface PaymentRequestRecord {
  readonly id: string
  /** `MC…` (reference.ts): the VietQR bill number, what a transfer's description carries. */
  readonly reference: string
  readonly dossierCode: string
  /** The collecting centre (accounts.ts): whose account the money goes to. */
  readonly centreId: string
  readonly channel: PaymentChannel
  readonly amount: number
  readonly items: ReadonlyArray<{ readonly name: string; readonly amount: number }>
  readonly status: PaymentRequestStatus
  readonly createdAt: string
  /** After this instant an unpaid request is expired; a later payment is held for an officer. */
  readonly expiresAt: string
  /** The gateway's page where the citizen pays (gateway requests). */
  readonly payUrl?: string
  /** The VietQR payload (VietQR requests): bank, account, amount and reference. */
  readonly qrPayload?: string
  /** The confirmation that paid it. */
  readonly paymentId?: string
  readonly paidAt?: string
  /** When the gateway was last asked about it (the re-check job). */
  readonly checkedAt?: string
  /** Why it ended unpaid (failed at the gateway, expired, cancelled, paid by another request). */
  readonly closedReason?: string
  /**
   * The payment that settled the dossier while this request was still pending (`cancelled`: paid by another request
   * or at the counter). Money that still arrives for it is held (`paid-by-another-request`).
   */
  readonly supersededBy?: string
}

/** How a payment reached motcua: a bank notice, the gateway, the counter, or the relayed callback of a gateway. */
export type ConfirmationChannel = PaymentChannel | "counter" | "callback"

/** A payment credited to a dossier: one per payment id, ever. */
export interface PaymentConfirmation {
  /** `vietqr:<bank transaction>`, `gateway:<gateway transaction>`, or the id a counter or relayed callback gave. */
  readonly paymentId: string
  readonly requestId?: string
  readonly dossierCode: string
  readonly centreId: string
  readonly channel: ConfirmationChannel
  readonly amount: number
  readonly paidAt: string
  readonly confirmedAt: string
  /** The bank's or gateway's transaction id: what the statement line carries. */
  readonly externalId?: string
  /** The message that confirmed it. */
  readonly messageId?: string
  /** The e-receipt issued for it. */
  readonly receiptId?: string
}

export type MessageKind =
  | "transfer-notice"
  | "gateway-notice"
  | "gateway-return"
  | "gateway-query"
  | "callback"
  /** A credit line of a centre's bank statement, fetched from the bank's statement API (statements.ts). */
  | "statement-line"

/**
 * What became of a message: credited to a dossier (`confirmed`), kept for an officer (`held`), refused as
 * unverifiable or impossible (`rejected`: forged, altered, malformed, stale, naming another dossier), or a repeat
 * of one already received (`duplicate`: nothing changes).
 */
export type MessageOutcome = "confirmed" | "held" | "rejected" | "duplicate"

export type RejectReason =
  | "bad-signature"
  | "stale"
  | "malformed"
  | "wrong-dossier"
  | "unknown-request"
  | "not-paid"
  | "unknown-account"

export interface HeldResolution {
  /** `applied`: credited to the dossier; `returned`: sent back to the payer by a refund; `dismissed`: nothing to do. */
  readonly action: "applied" | "returned" | "dismissed"
  readonly by: string
  readonly at: string
  readonly note: string
  readonly paymentId?: string
  readonly refundId?: string
}

export interface PaymentMessage {
  readonly id: string
  readonly channel: PaymentChannel
  readonly kind: MessageKind
  /** The bank's or gateway's transaction id, once the message verified: a repeat with the same key is a duplicate. */
  readonly key?: string
  readonly receivedAt: string
  readonly outcome: MessageOutcome
  readonly reason: HoldReason | RejectReason | "matched" | "repeat"
  /** Vietnamese, then English. */
  readonly detail: string
  readonly centreId?: string
  readonly dossierCode?: string
  readonly requestId?: string
  readonly amount?: number
  /** What the payer wrote (bank notices). */
  readonly description?: string
  readonly paidAt?: string
  /** SHA-256 of the raw message, hex: the rejected log keeps what came, without keeping all of it. */
  readonly bodyHash: string
  /** The first characters of the raw message, for an officer to read. */
  readonly excerpt: string
  readonly resolution?: HeldResolution
}

export type RefundReasonCode = "refused" | "withdrawn" | "unmatched" | "overpaid"
/** `paid`: the accountant's transfer back is recorded (once; only an approved refund is paid). */
export type RefundStatus = "requested" | "approved" | "rejected" | "paid"

/** The transfer back of an approved refund, as the centre's accountant made it. */
export interface RefundPayout {
  /** The bank's reference of the transfer (what the statement's debit line carries as its transaction id). */
  readonly bankReference: string
  /** The day the bank booked it, `YYYY-MM-DD` (Vietnam). */
  readonly paidOn: string
  /** Whole đồng: the refund's amount. */
  readonly amount: number
  readonly recordedBy: string
  readonly recordedAt: string
  readonly note?: string
}

export interface RefundRecord {
  readonly id: string
  /** `HT…`: what the transfer back carries in its description (statement debit lines are matched by it). */
  readonly reference: string
  readonly centreId: string
  /** The dossier whose payment is refunded; absent for money that matched no dossier (a held message returned). */
  readonly dossierCode?: string
  /** The held message whose money is sent back. */
  readonly messageId?: string
  readonly amount: number
  readonly reason: RefundReasonCode
  readonly status: RefundStatus
  readonly requestedBy: string
  readonly requestedAt: string
  readonly note: string
  readonly decidedBy?: string
  readonly decidedAt?: string
  readonly decisionNote?: string
  /** For refused and withdrawn dossiers: the lines of the domain's refundFor. */
  readonly lines?: ReadonlyArray<FeeRefundLine>
  /** The transfer back, once recorded (status `paid`). */
  readonly payout?: RefundPayout
}
