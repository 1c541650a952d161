// The adapter against a local stand-in of the provider's API (src/testing.ts): what it sends (the receipt as
// structured data, HTTP Basic, the receipt's id as transactionUuid; a cancellation as a form), what it keeps from the
// answer (the lookup code, the authority's code), and what it refuses: an error code, an answer that is not JSON or
// has no result, another receipt's number, another seller, a malformed lookup code (EInvoiceRefused, permanent);
// a provider that is down is ExternalServiceFailed (the outbox tries again).
import type { ReceiptRecord } from "@motcua/domain"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { einvoiceHttp, invoiceNoOf } from "./einvoice.ts"
import { type EInvoiceStub, startEInvoiceStub } from "./testing.ts"

const credentials = { username: "qn-ttphcc", password: "s3cret-for-tests", supplierTaxCode: "5700100256" }

const receipt: ReceiptRecord = {
  id: "receipt-1",
  centreId: "ttphcc-06685",
  centreName: "Trung tâm Phục vụ hành chính công phường Hồng Gai",
  collector: "Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh",
  form: "01BLP0-001",
  series: "X06685-25E",
  number: 12,
  dossierCode: "000.11.50.H49-251006-0001",
  procedureName: "Đăng ký thường trú",
  paymentId: "vietqr:FT1",
  payer: { name: "Nguyễn Văn An", id: "022090001234", address: "Tổ 5, khu 3, phường Hồng Gai" },
  items: [
    { name: "Lệ phí đăng ký thường trú", amount: 10_000 },
    { name: "Phí thẩm định", amount: 5_000 },
  ],
  total: 15_000,
  totalInWords: "Mười lăm nghìn đồng",
  method: "Chuyển khoản (VietQR)",
  issuedAt: "2025-10-06T03:00:00.000Z",
  status: "issued",
}

describe("einvoice-http against a local stand-in of the provider", () => {
  let stub: EInvoiceStub
  const adapter = () => einvoiceHttp({ ...credentials, baseUrl: stub.baseUrl, timeoutMs: 5_000 })
  const flip = <A, E>(e: Effect.Effect<A, E>) => Effect.runPromise(Effect.flip(e))
  beforeAll(async () => {
    stub = await startEInvoiceStub(credentials)
  })
  afterAll(async () => stub?.close())

  it("sends the receipt as structured data and keeps the lookup code and the authority's code", async () => {
    stub.mode = "ok"
    const accepted = await Effect.runPromise(adapter().issue({ receipt }))
    expect(accepted).toEqual({
      invoiceNo: "X06685-25E0000012",
      lookupCode: expect.stringMatching(/^TC\d{8}$/),
      taxAuthorityCode: expect.stringMatching(/^M1-25-QN/),
    })
    const sent = stub.requests.at(-1)
    expect(sent?.path).toBe(`/InvoiceAPI/InvoiceWS/createInvoice/${credentials.supplierTaxCode}`)
    expect(sent?.authorization).toBe(`Basic ${Buffer.from("qn-ttphcc:s3cret-for-tests").toString("base64")}`)
    const body = JSON.parse(sent?.body ?? "{}")
    expect(body.generalInvoiceInfo).toMatchObject({
      invoiceType: "01BLP",
      templateCode: "01BLP0-001",
      invoiceSeries: "X06685-25E",
      invoiceNumber: "0000012",
      currencyCode: "VND",
      adjustmentType: "1",
      transactionUuid: "receipt-1",
      invoiceIssuedDate: Date.parse(receipt.issuedAt),
    })
    expect(body.buyerInfo).toEqual({
      buyerName: "Nguyễn Văn An",
      buyerIdNo: "022090001234",
      buyerAddressLine: "Tổ 5, khu 3, phường Hồng Gai",
    })
    expect(body.itemInfo.map((i: { itemName: string; unitPrice: number }) => [i.itemName, i.unitPrice])).toEqual([
      ["Lệ phí đăng ký thường trú", 10_000],
      ["Phí thẩm định", 5_000],
    ])
    expect(body.summarizeInfo).toMatchObject({
      totalAmountWithTax: 15_000,
      totalAmountWithTaxInWords: "Mười lăm nghìn đồng",
    })
    // the same receipt again: the provider answers what it made the first time
    const again = await Effect.runPromise(adapter().issue({ receipt }))
    expect(again).toEqual(accepted)
    expect(stub.invoices.size).toBe(1)
  })

  it("sends a replacement as such, naming the receipt it replaces; a cancellation as a form", async () => {
    stub.mode = "ok"
    const replacement = { ...receipt, id: "receipt-2", number: 13, replaces: "receipt-1" }
    await Effect.runPromise(
      adapter().issue({
        receipt: replacement,
        replaces: { series: receipt.series, number: 12, issuedAt: receipt.issuedAt },
      }),
    )
    const info = JSON.parse(stub.requests.at(-1)?.body ?? "{}").generalInvoiceInfo
    expect(info).toMatchObject({ adjustmentType: "3", originalInvoiceId: "X06685-25E0000012" })
    const accepted = { invoiceNo: invoiceNoOf(receipt), lookupCode: "TC00000001" }
    const cancelled = {
      ...receipt,
      status: "cancelled" as const,
      cancelled: { at: "2025-10-07T02:00:00.000Z", by: "qt-hg-01", reason: "Sai tên người nộp" },
    }
    await Effect.runPromise(adapter().cancel(cancelled, accepted))
    const sent = stub.requests.at(-1)
    expect(sent?.contentType).toBe("application/x-www-form-urlencoded")
    const form = new URLSearchParams(sent?.body ?? "")
    expect(Object.fromEntries(form)).toMatchObject({
      supplierTaxCode: credentials.supplierTaxCode,
      invoiceNo: "X06685-25E0000012",
      strIssueDate: "20251006100000",
      additionalReferenceDesc: "Sai tên người nộp",
      additionalReferenceDate: "20251007090000",
    })
    expect([...stub.invoices.values()].find((i) => i.invoiceNo === "X06685-25E0000012")?.cancelled).toBe(true)
    stub.mode = "refuse"
    expect(await flip(adapter().cancel(cancelled, accepted))).toMatchObject({
      _tag: "EInvoiceRefused",
      reason: "refused",
    })
  })

  it.each([
    ["refuse", "refused", "INVOICE_SERIES_NOT_REGISTERED"],
    ["not-json", "malformed-answer", "JSON"],
    ["no-result", "malformed-answer", "result"],
    ["other-number", "mismatch", "X06685-25E9999999"],
    ["other-seller", "mismatch", "0100109106"],
    ["bad-lookup", "malformed-answer", "reservationCode"],
  ] as const)("refuses an answer that %s (%s), permanently", async (mode, reason, says) => {
    stub.mode = mode
    const error = await flip(adapter().issue({ receipt: { ...receipt, id: `receipt-${mode}`, number: 40 } }))
    expect(error).toMatchObject({ _tag: "EInvoiceRefused", reason, permanent: true })
    expect(error.message).toContain(says)
  })

  it("a provider that is down, or not there, is a failure to try again; wrong credentials are refused", async () => {
    stub.mode = "down"
    expect(await flip(adapter().issue({ receipt }))).toMatchObject({
      _tag: "ExternalServiceFailed",
      operation: "issue",
    })
    const gone = einvoiceHttp({ ...credentials, baseUrl: "http://127.0.0.1:9", timeoutMs: 2_000 })
    expect(await flip(gone.issue({ receipt }))).toMatchObject({ _tag: "ExternalServiceFailed" })
    stub.mode = "ok"
    const wrong = einvoiceHttp({ ...credentials, password: "nope", baseUrl: stub.baseUrl })
    expect(await flip(wrong.issue({ receipt }))).toMatchObject({ _tag: "EInvoiceRefused", reason: "refused" })
  })
})
