// The EInvoices port over an e-invoice provider's HTTP API, in the shape of Viettel's S-Invoice
// (`InvoiceAPI/InvoiceWS/createInvoice/{supplierTaxCode}` with `generalInvoiceInfo`, `buyerInfo`, `sellerInfo`,
// `payments`, `itemInfo`, `summarizeInfo`; `cancelTransactionInvoice` as a form) — one of the providers that pass
// receipts and invoices on to the General Department of Taxation under Decree 123/2020/NĐ-CP and Circular
// 78/2021/TT-BTC. The shape is as public (unofficial) clients of that API write it; where this adapter goes beyond
// them (the receipt's own number sent and required back, the checks on the answer) it is our reading, to be checked
// against the provider's sandbox: see README.md.
//
// Everything that comes back is untrusted: an answer must be a JSON object, without an error code, for our seller's
// tax code and exactly the series and number we sent, with a lookup code of plain characters; anything else is
// EInvoiceRefused (permanent: the outbox row is dead for an officer to look at), never recorded as accepted. A
// provider that is down, slow (timeout), overloaded (429) or failing (5xx) is ExternalServiceFailed: the outbox
// tries again later, and the receipt's id sent as `transactionUuid` makes the repeat harmless.
import {
  type EInvoiceAccepted,
  type EInvoiceIssue,
  EInvoiceRefused,
  EInvoices,
  type EInvoicesShape,
  ExternalServiceFailed,
} from "@motcua/application"
import { formatReceiptNumber, type ReceiptRecord } from "@motcua/domain"
import { Effect, Layer } from "effect"

export interface EInvoiceHttpSettings {
  /** The provider's API root, e.g. `https://api-vinvoice.viettel.vn/services/einvoiceapplication/api`. */
  readonly baseUrl: string
  readonly username: string
  readonly password: string
  /** The collecting organisation's tax code (mã số thuế): the seller of every receipt. */
  readonly supplierTaxCode: string
  /** The invoice type of a receipt of fees and charges (default `01BLP`). */
  readonly invoiceType?: string
  readonly timeoutMs?: number
}

/** `0000012` in series `X06685-25E` → `X06685-25E0000012`: the number the provider records the receipt under. */
export const invoiceNoOf = (receipt: Pick<ReceiptRecord, "series" | "number">): string =>
  `${receipt.series}${formatReceiptNumber(receipt.number)}`

/** Milliseconds since the epoch, as S-Invoice takes dates. */
const millis = (instant: string): number => Date.parse(instant)

/** `yyyyMMddHHmmss` in Vietnam time, as the cancellation form takes dates. */
const compactVietnam = (instant: string): string =>
  new Date(Date.parse(instant) + 7 * 3_600_000).toISOString().replace(/[-:T]/g, "").slice(0, 14)

/** The JSON body of createInvoice for a receipt (and the one it replaces). */
export function invoiceBody(settings: EInvoiceHttpSettings, issue: EInvoiceIssue): Record<string, unknown> {
  const r = issue.receipt
  return {
    generalInvoiceInfo: {
      invoiceType: settings.invoiceType ?? "01BLP",
      templateCode: r.form,
      invoiceSeries: r.series,
      invoiceNumber: formatReceiptNumber(r.number),
      currencyCode: "VND",
      // 1: an original; 3: a replacement of a cancelled one
      adjustmentType: issue.replaces === undefined ? "1" : "3",
      paymentStatus: true,
      invoiceIssuedDate: millis(r.issuedAt),
      transactionUuid: r.id,
      ...(issue.replaces === undefined
        ? {}
        : {
            originalInvoiceId: invoiceNoOf(issue.replaces),
            originalInvoiceIssueDate: millis(issue.replaces.issuedAt),
            additionalReferenceDesc: `Thay thế biên lai ${invoiceNoOf(issue.replaces)}`,
          }),
    },
    buyerInfo: {
      buyerName: r.payer.name,
      ...(r.payer.id === undefined ? {} : { buyerIdNo: r.payer.id }),
      ...(r.payer.address === undefined ? {} : { buyerAddressLine: r.payer.address }),
    },
    sellerInfo: { sellerLegalName: r.collector, sellerTaxCode: settings.supplierTaxCode },
    payments: [{ paymentMethodName: r.method }],
    itemInfo: r.items.map((item, i) => ({
      lineNumber: i + 1,
      itemName: item.name,
      unitName: "lần",
      unitPrice: item.amount,
      quantity: 1,
      itemTotalAmountWithoutTax: item.amount,
      // fees and charges are not subject to VAT
      taxPercentage: -2,
    })),
    summarizeInfo: {
      totalAmountWithoutTax: r.total,
      totalTaxAmount: 0,
      totalAmountWithTax: r.total,
      totalAmountWithTaxInWords: r.totalInWords,
    },
    metadata: [{ keyTag: "dossierCode", stringValue: r.dossierCode, valueType: "text", keyLabel: "Mã hồ sơ" }],
  }
}

const refused = (reason: EInvoiceRefused["reason"], detail: string) => new EInvoiceRefused({ reason, detail })

/** A code from the provider: plain characters, not empty, bounded (it is shown and stored). */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,99}$/

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

/** The provider's error code, when the answer carries one (null, absent or "" mean none). */
function errorOf(body: Record<string, unknown>): string | undefined {
  const code = body.errorCode
  if (code === undefined || code === null || code === "") return undefined
  const description = typeof body.description === "string" ? body.description.slice(0, 300) : ""
  return `${String(code).slice(0, 40)}${description === "" ? "" : `: ${description}`}`
}

/** Reads a createInvoice answer strictly against what was sent. */
export function readIssueAnswer(
  settings: EInvoiceHttpSettings,
  receipt: ReceiptRecord,
  body: unknown,
): EInvoiceAccepted | EInvoiceRefused {
  if (!isObject(body)) return refused("malformed-answer", "câu trả lời không phải đối tượng JSON / not a JSON object")
  const error = errorOf(body)
  if (error !== undefined)
    return refused("refused", `hệ thống hóa đơn điện tử từ chối biên lai / the e-invoice system refused it (${error})`)
  const result = body.result
  if (!isObject(result)) return refused("malformed-answer", "câu trả lời thiếu result / the answer has no result")
  const text = (key: string) => (typeof result[key] === "string" ? (result[key] as string) : undefined)
  const seller = text("supplierTaxCode")
  if (seller !== settings.supplierTaxCode)
    return refused(
      "mismatch",
      `câu trả lời ghi mã số thuế ${String(seller).slice(0, 20)}, không phải ${settings.supplierTaxCode} / the answer names another seller`,
    )
  const expected = invoiceNoOf(receipt)
  const invoiceNo = text("invoiceNo")
  if (invoiceNo !== expected)
    return refused(
      "mismatch",
      `câu trả lời ghi số ${String(invoiceNo).slice(0, 40)}, biên lai gửi đi là ${expected} / the answer is about another receipt`,
    )
  const lookupCode = text("reservationCode")
  if (lookupCode === undefined || !CODE.test(lookupCode))
    return refused(
      "malformed-answer",
      "mã tra cứu (reservationCode) thiếu hoặc sai dạng / lookup code missing or malformed",
    )
  const taxCode = result.codeOfTax
  if (taxCode !== undefined && taxCode !== null && (typeof taxCode !== "string" || !CODE.test(taxCode)))
    return refused("malformed-answer", "mã của cơ quan thuế (codeOfTax) sai dạng / the authority's code is malformed")
  return { invoiceNo, lookupCode, ...(typeof taxCode === "string" ? { taxAuthorityCode: taxCode } : {}) }
}

export function einvoiceHttp(settings: EInvoiceHttpSettings): EInvoicesShape {
  const root = settings.baseUrl.replace(/\/$/, "")
  const timeoutMs = settings.timeoutMs ?? 15_000
  const authorization = `Basic ${Buffer.from(`${settings.username}:${settings.password}`).toString("base64")}`
  const failed = (operation: string, cause: unknown) =>
    new ExternalServiceFailed({ port: "EInvoices", operation, cause })

  /** POSTs and reads the JSON answer: transient trouble is ExternalServiceFailed, a 4xx or non-JSON EInvoiceRefused. */
  const post = (operation: string, url: string, body: string, contentType: string) =>
    Effect.flatMap(
      Effect.tryPromise({
        try: async () => {
          const response = await fetch(url, {
            method: "POST",
            headers: { "content-type": contentType, accept: "application/json", authorization },
            body,
            signal: AbortSignal.timeout(timeoutMs),
          })
          return { status: response.status, text: await response.text() }
        },
        catch: (cause) => failed(operation, cause),
      }),
      ({ status, text }): Effect.Effect<unknown, ExternalServiceFailed | EInvoiceRefused> => {
        if (status >= 500 || status === 429 || status === 408)
          return Effect.fail(failed(operation, `HTTP ${status}: ${text.slice(0, 200)}`))
        if (status >= 400)
          return Effect.fail(
            refused(
              "refused",
              `HTTP ${status} từ hệ thống hóa đơn điện tử / from the e-invoice system: ${text.slice(0, 200)}`,
            ),
          )
        try {
          return Effect.succeed(JSON.parse(text) as unknown)
        } catch {
          return Effect.fail(
            refused("malformed-answer", `câu trả lời không phải JSON / not JSON: ${text.slice(0, 80)}`),
          )
        }
      },
    )

  return {
    issue: (issue) =>
      Effect.flatMap(
        post(
          "issue",
          `${root}/InvoiceAPI/InvoiceWS/createInvoice/${encodeURIComponent(settings.supplierTaxCode)}`,
          JSON.stringify(invoiceBody(settings, issue)),
          "application/json",
        ),
        (body) => {
          const read = readIssueAnswer(settings, issue.receipt, body)
          return read instanceof EInvoiceRefused ? Effect.fail(read) : Effect.succeed(read)
        },
      ),
    cancel: (receipt, accepted) =>
      Effect.flatMap(
        post(
          "cancel",
          `${root}/InvoiceAPI/InvoiceWS/cancelTransactionInvoice`,
          new URLSearchParams({
            supplierTaxCode: settings.supplierTaxCode,
            invoiceNo: accepted.invoiceNo,
            templateCode: receipt.form,
            strIssueDate: compactVietnam(receipt.issuedAt),
            additionalReferenceDesc: receipt.cancelled?.reason ?? "Hủy biên lai",
            additionalReferenceDate: compactVietnam(receipt.cancelled?.at ?? receipt.issuedAt),
          }).toString(),
          "application/x-www-form-urlencoded",
        ),
        (body) => {
          if (!isObject(body))
            return Effect.fail(refused("malformed-answer", "câu trả lời không phải đối tượng JSON / not a JSON object"))
          const error = errorOf(body)
          return error === undefined
            ? Effect.void
            : Effect.fail(
                refused("refused", `hệ thống hóa đơn điện tử từ chối hủy / the cancellation was refused (${error})`),
              )
        },
      ),
  }
}

export const EInvoiceHttp = {
  layer: (settings: EInvoiceHttpSettings) => Layer.succeed(EInvoices, EInvoices.of(einvoiceHttp(settings))),
}
