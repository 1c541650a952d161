export {
  type Credit,
  creditDossier,
  inTransaction,
  owedItems,
  paymentsPrincipal,
} from "./credit.ts"
export { type EInvoiceAction, einvoiceHandler, enqueueEInvoices, sendReceiptEInvoice } from "./einvoice.ts"
export * from "./errors.ts"
export { type HeldAction, heldPayments, refundReferenceOf, resolveHeldPayment } from "./held.ts"
export {
  type Incoming,
  type NoticeOutcome,
  rawOf,
  receiveGatewayNotice,
  receiveTransferNotice,
  recordRejected,
  settle,
} from "./notices.ts"
export {
  type ReplaceReceiptInput,
  receiptOf,
  receiptPdfOf,
  receiptSignerId,
  receiptsOf,
  replaceReceipt,
} from "./receipts.ts"
export { type RecheckReport, recheckPendingPayments } from "./recheck.ts"
export { type ReconcileInput, reconcileCentre, reconcileForOfficer, vietnamDay } from "./reconcile.ts"
export { decideRefund, recordRefundPayout, refundsOf, refundsOfCentre, requestRefund } from "./refunds.ts"
export {
  authorizeTarget,
  centreOfDossier,
  centreTarget,
  filingChannelFor,
  moneyTarget,
  type OpenPaymentRequestInput,
  openFiledPaymentRequest,
  openPaymentRequest,
  paymentRequestOf,
  paymentRequestsOf,
} from "./requests.ts"
export * from "./settings.ts"
export { pollBankStatements, type StatementPollReport } from "./statements.ts"
