export {
  EInvoiceHttp,
  type EInvoiceHttpSettings,
  einvoiceHttp,
  invoiceBody,
  invoiceNoOf,
  readIssueAnswer,
} from "./einvoice.ts"
