// A local stand-in for the e-invoice provider's API (node:http on a free loopback port), speaking the shape
// einvoice.ts sends: createInvoice (JSON) and cancelTransactionInvoice (a form), HTTP Basic credentials, idempotent
// by transactionUuid (a repeat answers what the first one made). Each request is kept for the tests to read; `mode`
// makes it misbehave: refuse, answer malformed JSON, name another receipt or seller, or fail with 503.
import { createServer, type IncomingMessage, type Server } from "node:http"

export type StubMode =
  | "ok"
  | "refuse"
  | "not-json"
  | "no-result"
  | "other-number"
  | "other-seller"
  | "bad-lookup"
  | "down"

export interface StubRequest {
  readonly path: string
  readonly authorization: string | undefined
  readonly contentType: string | undefined
  readonly body: string
}

export interface EInvoiceStub {
  readonly baseUrl: string
  readonly requests: StubRequest[]
  /** Invoices made, by transactionUuid: { invoiceNo, reservationCode, codeOfTax, cancelled }. */
  readonly invoices: Map<string, { invoiceNo: string; reservationCode: string; codeOfTax: string; cancelled: boolean }>
  mode: StubMode
  readonly close: () => Promise<void>
}

const read = (request: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on("data", (c: Buffer) => chunks.push(c))
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    request.on("error", reject)
  })

export async function startEInvoiceStub(options: {
  readonly username: string
  readonly password: string
  readonly supplierTaxCode: string
}): Promise<EInvoiceStub> {
  const expected = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString("base64")}`
  const requests: StubRequest[] = []
  const invoices: EInvoiceStub["invoices"] = new Map()
  let counter = 0
  const stub = { mode: "ok" as StubMode }
  const server: Server = createServer(async (request, response) => {
    const body = await read(request)
    const path = request.url ?? ""
    requests.push({
      path,
      authorization: request.headers.authorization,
      contentType: request.headers["content-type"],
      body,
    })
    const answer = (status: number, value: unknown) => {
      response.writeHead(status, { "content-type": "application/json" })
      response.end(typeof value === "string" ? value : JSON.stringify(value))
    }
    if (request.headers.authorization !== expected)
      return answer(401, { errorCode: "401", description: "Unauthorized" })
    if (stub.mode === "down") return answer(503, { errorCode: "503", description: "Service Unavailable" })
    if (path === `/InvoiceAPI/InvoiceWS/createInvoice/${options.supplierTaxCode}`) {
      const invoice = JSON.parse(body) as {
        generalInvoiceInfo: { invoiceSeries: string; invoiceNumber: string; transactionUuid: string }
      }
      const info = invoice.generalInvoiceInfo
      if (stub.mode === "refuse")
        return answer(200, { errorCode: "INVOICE_SERIES_NOT_REGISTERED", description: "Ký hiệu chưa đăng ký" })
      if (stub.mode === "not-json") return answer(200, "<html>maintenance</html>")
      if (stub.mode === "no-result") return answer(200, { errorCode: null, description: null })
      let made = invoices.get(info.transactionUuid)
      if (made === undefined) {
        counter++
        made = {
          invoiceNo: `${info.invoiceSeries}${info.invoiceNumber}`,
          reservationCode: `TC${String(counter).padStart(8, "0")}`,
          codeOfTax: `M1-25-QN${String(counter).padStart(6, "0")}`,
          cancelled: false,
        }
        invoices.set(info.transactionUuid, made)
      }
      return answer(200, {
        errorCode: null,
        description: null,
        result: {
          supplierTaxCode: stub.mode === "other-seller" ? "0100109106" : options.supplierTaxCode,
          invoiceNo: stub.mode === "other-number" ? `${info.invoiceSeries}9999999` : made.invoiceNo,
          transactionID: `TX-${info.transactionUuid}`,
          reservationCode: stub.mode === "bad-lookup" ? "<script>" : made.reservationCode,
          codeOfTax: made.codeOfTax,
        },
      })
    }
    if (path === "/InvoiceAPI/InvoiceWS/cancelTransactionInvoice") {
      const form = new URLSearchParams(body)
      if (stub.mode === "refuse") return answer(200, { errorCode: "INVOICE_NOT_FOUND", description: "Không tìm thấy" })
      const made = [...invoices.values()].find((i) => i.invoiceNo === form.get("invoiceNo"))
      if (made === undefined) return answer(200, { errorCode: "INVOICE_NOT_FOUND", description: "Không tìm thấy" })
      made.cancelled = true
      return answer(200, { errorCode: null, description: null })
    }
    return answer(404, { errorCode: "404", description: "Not Found" })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const address = server.address()
  const port = typeof address === "object" && address !== null ? address.port : 0
  return Object.assign(stub, {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    invoices,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  })
}
