// The payments ledger: payment requests, the messages received about payments (bank transfer notices, gateway
// notices; verified or not, with what became of each), confirmations (a payment credited to a dossier, once per
// payment id), refunds and e-receipts. A storage port like DossierStore: its methods join the caller's
// UnitOfWork.transaction, so a payment credited to a dossier, its confirmation, its receipt and the message that
// brought it are written together or not at all.
//
// The guarantees money needs are the store's, so that they hold under concurrent requests on every storage:
// - a verified message is recorded once per (channel, key): a concurrent or later repeat is told it is one;
// - a payment id is confirmed once; a request leaves `pending` once (a conditional update);
// - a refund is added only while the dossier's refunds (requested or approved) plus it stay within what was paid —
//   checked and counted in one step; a refund is decided once, and paid out once (one bank transfer per refund);
// - receipts are numbered per centre and series from 1 without gaps (the number is taken in the transaction that
//   issues the receipt: a rolled-back issue takes none).
import type {
  HeldResolution,
  PaymentConfirmation,
  PaymentMessage,
  PaymentRequestRecord,
  PaymentRequestStatus,
  ReceiptRecord,
  RefundPayout,
  RefundRecord,
} from "@motcua/domain"
import type { Effect } from "effect"
import { Context } from "effect"
import type { StoreUnavailable } from "./errors.ts"

/** What a dossier paid and what of it is refunded or awaiting a decision, whole đồng. */
export interface PaymentBalance {
  readonly paid: number
  readonly refunded: number
}

export interface MessageFilter {
  readonly outcome?: PaymentMessage["outcome"]
  readonly centreId?: string
  /** Received at or after / before these instants (ISO text). */
  readonly from?: string
  readonly to?: string
  /** Held messages without a resolution only. */
  readonly unresolved?: boolean
  readonly limit?: number
}

export interface LedgerFilter {
  readonly centreId?: string
  readonly dossierCode?: string
  /** Paid (confirmations) or issued (receipts) at or after / before these instants. */
  readonly from?: string
  readonly to?: string
}

export interface PaymentStoreShape {
  readonly addRequest: (request: PaymentRequestRecord) => Effect.Effect<void, StoreUnavailable>
  readonly request: (id: string) => Effect.Effect<PaymentRequestRecord | undefined, StoreUnavailable>
  readonly requestByReference: (reference: string) => Effect.Effect<PaymentRequestRecord | undefined, StoreUnavailable>
  readonly requestsOf: (dossierCode: string) => Effect.Effect<ReadonlyArray<PaymentRequestRecord>, StoreUnavailable>
  /** Pending requests created at or before `createdBefore`, oldest first. */
  readonly pendingRequests: (options: {
    readonly createdBefore: string
    readonly limit: number
  }) => Effect.Effect<ReadonlyArray<PaymentRequestRecord>, StoreUnavailable>
  /** Requests of a centre created or paid in [from, to). */
  readonly requestsOfCentre: (
    centreId: string,
    from: string,
    to: string,
  ) => Effect.Effect<ReadonlyArray<PaymentRequestRecord>, StoreUnavailable>
  /** Replaces the request when its stored status is still `from`; false when another change came first. */
  readonly updateRequest: (
    request: PaymentRequestRecord,
    from: PaymentRequestStatus,
  ) => Effect.Effect<boolean, StoreUnavailable>

  /**
   * Records a message. One with a `key` already recorded for its channel is not: the first one is answered instead
   * (a concurrent repeat waits for the first one's transaction, then is told).
   */
  readonly addMessage: (
    message: PaymentMessage,
  ) => Effect.Effect<
    { readonly recorded: true } | { readonly recorded: false; readonly first: PaymentMessage },
    StoreUnavailable
  >
  /** Replaces a recorded message's outcome, reason, detail and links (same id). */
  readonly updateMessage: (message: PaymentMessage) => Effect.Effect<void, StoreUnavailable>
  readonly message: (id: string) => Effect.Effect<PaymentMessage | undefined, StoreUnavailable>
  readonly messages: (filter: MessageFilter) => Effect.Effect<ReadonlyArray<PaymentMessage>, StoreUnavailable>
  /**
   * Sets (or, with undefined, clears) the resolution of a held message: setting succeeds only when it has none,
   * clearing only when it has one; false otherwise.
   */
  readonly resolveMessage: (
    id: string,
    resolution: HeldResolution | undefined,
  ) => Effect.Effect<boolean, StoreUnavailable>

  /** Adds a confirmation and its amount to its dossier's balance; false (nothing written) when its id exists. */
  readonly addConfirmation: (confirmation: PaymentConfirmation) => Effect.Effect<boolean, StoreUnavailable>
  readonly confirmations: (filter: LedgerFilter) => Effect.Effect<ReadonlyArray<PaymentConfirmation>, StoreUnavailable>
  readonly balance: (dossierCode: string) => Effect.Effect<PaymentBalance, StoreUnavailable>

  /**
   * Adds a requested refund. A dossier's refund is added only if its amount fits in paid − refunded of the
   * dossier's balance, counted at once (so two concurrent refunds cannot both fit); otherwise nothing is written
   * and the balance is answered. A refund of a held message (no dossier) is the caller's to bound.
   */
  readonly addRefund: (
    refund: RefundRecord,
  ) => Effect.Effect<
    { readonly added: true } | { readonly added: false; readonly balance: PaymentBalance },
    StoreUnavailable
  >
  /**
   * Decides a refund still `requested`: approved, or rejected (its amount leaves the dossier's refunded total).
   * Undefined when it is not requested any more (decided once).
   */
  readonly decideRefund: (
    id: string,
    decision: {
      readonly status: "approved" | "rejected"
      readonly by: string
      readonly at: string
      readonly note: string
    },
  ) => Effect.Effect<RefundRecord | undefined, StoreUnavailable>
  /**
   * Records the transfer back of a refund still `approved` (status `paid`, once). Refused, nothing written, when it
   * is not approved (any more), or when another refund of its centre already has that bank reference (one transfer
   * pays one refund).
   */
  readonly payRefund: (
    id: string,
    payout: RefundPayout,
  ) => Effect.Effect<
    | { readonly paid: true; readonly refund: RefundRecord }
    | { readonly paid: false; readonly reason: "not-approved" | "reference-used" },
    StoreUnavailable
  >
  readonly refund: (id: string) => Effect.Effect<RefundRecord | undefined, StoreUnavailable>
  readonly refunds: (filter: {
    readonly centreId?: string
    readonly dossierCode?: string
    readonly status?: RefundRecord["status"]
  }) => Effect.Effect<ReadonlyArray<RefundRecord>, StoreUnavailable>

  /** Issues a receipt with the next number of its centre and series. */
  readonly issueReceipt: (draft: Omit<ReceiptRecord, "number">) => Effect.Effect<ReceiptRecord, StoreUnavailable>
  /** Cancels an issued receipt (never edits it otherwise); false when it is not issued any more. */
  readonly cancelReceipt: (
    id: string,
    cancelled: NonNullable<ReceiptRecord["cancelled"]>,
    replacedBy: string | undefined,
  ) => Effect.Effect<boolean, StoreUnavailable>
  readonly receipt: (id: string) => Effect.Effect<ReceiptRecord | undefined, StoreUnavailable>
  /** Where the polling of a centre's bank statement API stopped (payments/statements.ts); undefined: never polled. */
  readonly statementCursor: (centreId: string) => Effect.Effect<string | undefined, StoreUnavailable>
  readonly saveStatementCursor: (centreId: string, cursor: string) => Effect.Effect<void, StoreUnavailable>
  /** Records what the tax authority's e-invoice system made of a receipt (replacing what was recorded before). */
  readonly recordEInvoice: (
    id: string,
    einvoice: NonNullable<ReceiptRecord["einvoice"]>,
  ) => Effect.Effect<void, StoreUnavailable>
  readonly receipts: (filter: LedgerFilter) => Effect.Effect<ReadonlyArray<ReceiptRecord>, StoreUnavailable>
}

export class PaymentStore extends Context.Service<PaymentStore, PaymentStoreShape>()(
  "@motcua/application/PaymentStore",
) {}
