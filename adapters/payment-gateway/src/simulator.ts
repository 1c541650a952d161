// A local implementation of the gateway's protocol, for tests (this package's and the API's): a pay page that checks
// the redirect's signature and "pays" (or fails, or never notifies), sends the signed IPN to the merchant's notice
// URL and redirects the browser to the return URL with the same signed parameters, and the signed status query.
// It signs with its own code, written from the protocol's description (not the adapter's scheme.ts), so that the
// two sides only agree when both follow the protocol.
import { createHmac } from "node:crypto"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

export interface SimulatorOptions {
  readonly merchantCode: string
  readonly secret: string
  /** Where the IPN goes (motcua's `/api/v1/payments/gateway/notice`); it may be set later with `setIpnUrl`. */
  readonly ipnUrl?: string
  readonly now?: () => number
}

export interface SimulatedPayment {
  readonly txnRef: string
  readonly transactionNo: string
  readonly amount: string
  readonly orderInfo: string
  readonly createDate: string
  readonly payDate: string
  readonly status: "00" | "02"
  readonly returnUrl: string
}

export interface PayOutcome {
  /** The page's HTTP status (302 when it redirects to the return URL). */
  readonly status: number
  /** Where the browser is sent back, with the signed parameters. */
  readonly returnUrl?: string
  /** The merchant's answer to the IPN (body text), when one was sent. */
  readonly ipnAnswer?: { readonly status: number; readonly body: string }
}

export interface GatewaySimulator {
  readonly payUrl: string
  readonly queryUrl: string
  readonly payments: ReadonlyMap<string, SimulatedPayment>
  /** Every IPN the simulator sent (its parameters), in order: a test may send one again (a replay). */
  readonly ipnsSent: ReadonlyArray<Readonly<Record<string, string>>>
  setIpnUrl(url: string): void
  /** The citizen at the pay page: paid, failed (declined card), or paid without the IPN ever arriving (lost). */
  pay(payUrl: string, outcome?: "paid" | "failed" | "paid-no-ipn"): Promise<PayOutcome>
  /** Signs parameters as the gateway does (for tests that forge or alter them). */
  sign(params: Readonly<Record<string, string>>): string
  close(): Promise<void>
}

const hmac = (secret: string, text: string) => createHmac("sha512", secret).update(text, "utf8").digest("hex")

/** The protocol's canonical text: vnp_ parameters but the hash, sorted, URL-encoded values (space as +), joined by &. */
function canonical(params: Readonly<Record<string, string>>): string {
  const keys = Object.keys(params)
    .filter((k) => k.startsWith("vnp_") && k !== "vnp_SecureHash" && k !== "vnp_SecureHashType" && params[k] !== "")
    .sort()
  return keys.map((k) => `${k}=${encodeURIComponent(params[k] ?? "").replace(/%20/g, "+")}`).join("&")
}

const vnTime = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().replace(/[-:T]/g, "").slice(0, 14)

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = ""
    req.setEncoding("utf8")
    req.on("data", (chunk: string) => {
      text += chunk
    })
    req.on("end", () => resolve(text))
  })

export async function startGatewaySimulator(options: SimulatorOptions): Promise<GatewaySimulator> {
  const now = options.now ?? Date.now
  let ipnUrl = options.ipnUrl
  const payments = new Map<string, SimulatedPayment>()
  const ipnsSent: Array<Record<string, string>> = []
  let counter = 14_000_000
  const sign = (params: Readonly<Record<string, string>>) => hmac(options.secret, canonical(params))
  const json = (res: ServerResponse, status: number, value: unknown) =>
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value))

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://simulator")
    if (req.method === "GET" && url.pathname === "/paymentv2/vpcpay.html") {
      const params = Object.fromEntries(url.searchParams)
      const action = params.sim_action ?? "paid"
      if (params.vnp_SecureHash !== sign(params) || params.vnp_TmnCode !== options.merchantCode)
        return res.writeHead(401).end("Sai chu ky (invalid signature)")
      const expire = params.vnp_ExpireDate
      if (expire !== undefined && expire < vnTime(now())) return res.writeHead(410).end("Giao dich het han")
      const txnRef = params.vnp_TxnRef ?? ""
      const transactionNo = String(++counter)
      const payment: SimulatedPayment = {
        txnRef,
        transactionNo,
        amount: params.vnp_Amount ?? "",
        orderInfo: params.vnp_OrderInfo ?? "",
        createDate: params.vnp_CreateDate ?? "",
        payDate: vnTime(now()),
        status: action === "failed" ? "02" : "00",
        returnUrl: params.vnp_ReturnUrl ?? "",
      }
      payments.set(txnRef, payment)
      const notice: Record<string, string> = {
        vnp_Amount: payment.amount,
        vnp_BankCode: "NCB",
        vnp_CardType: "ATM",
        vnp_OrderInfo: payment.orderInfo,
        vnp_PayDate: payment.payDate,
        vnp_ResponseCode: action === "failed" ? "24" : "00",
        vnp_TmnCode: options.merchantCode,
        vnp_TransactionNo: transactionNo,
        vnp_TransactionStatus: payment.status,
        vnp_TxnRef: txnRef,
      }
      notice.vnp_SecureHash = sign(notice)
      const query = new URLSearchParams(notice).toString()
      let ipnAnswer: PayOutcome["ipnAnswer"]
      if (action !== "paid-no-ipn" && ipnUrl !== undefined) {
        ipnsSent.push(notice)
        const answer = await fetch(`${ipnUrl}?${query}`)
        ipnAnswer = { status: answer.status, body: await answer.text() }
      }
      // headers carry ASCII only: the merchant's answer may hold Vietnamese
      res.setHeader("x-ipn-answer", encodeURIComponent(JSON.stringify(ipnAnswer ?? null)))
      return res.writeHead(302, { location: `${payment.returnUrl}?${query}` }).end()
    }
    if (req.method === "POST" && url.pathname === "/merchant_webapi/api/transaction") {
      let body: Record<string, string>
      try {
        body = JSON.parse(await readBody(req)) as Record<string, string>
      } catch {
        return json(res, 400, { vnp_ResponseCode: "03", vnp_Message: "Invalid data format" })
      }
      const requestFields = [
        "vnp_RequestId",
        "vnp_Version",
        "vnp_Command",
        "vnp_TmnCode",
        "vnp_TxnRef",
        "vnp_TransactionDate",
        "vnp_CreateDate",
        "vnp_IpAddr",
        "vnp_OrderInfo",
      ]
      const text = requestFields.map((f) => body[f] ?? "").join("|")
      if (body.vnp_SecureHash !== hmac(options.secret, text))
        return json(res, 200, { vnp_ResponseCode: "97", vnp_Message: "Invalid checksum" })
      const p = payments.get(body.vnp_TxnRef ?? "")
      const answer: Record<string, string> = {
        vnp_ResponseId: `r${++counter}`,
        vnp_Command: "querydr",
        vnp_ResponseCode: p === undefined ? "91" : "00",
        vnp_Message: p === undefined ? "Transaction not found" : "Query success",
        vnp_TmnCode: options.merchantCode,
        vnp_TxnRef: body.vnp_TxnRef ?? "",
        vnp_Amount: p?.amount ?? "",
        vnp_BankCode: p === undefined ? "" : "NCB",
        vnp_PayDate: p?.payDate ?? "",
        vnp_TransactionNo: p?.transactionNo ?? "",
        vnp_TransactionType: p === undefined ? "" : "01",
        vnp_TransactionStatus: p?.status ?? "",
        vnp_OrderInfo: p?.orderInfo ?? "",
        vnp_PromotionCode: "",
        vnp_PromotionAmount: "",
      }
      const answerFields = [
        "vnp_ResponseId",
        "vnp_Command",
        "vnp_ResponseCode",
        "vnp_Message",
        "vnp_TmnCode",
        "vnp_TxnRef",
        "vnp_Amount",
        "vnp_BankCode",
        "vnp_PayDate",
        "vnp_TransactionNo",
        "vnp_TransactionType",
        "vnp_TransactionStatus",
        "vnp_OrderInfo",
        "vnp_PromotionCode",
        "vnp_PromotionAmount",
      ]
      answer.vnp_SecureHash = hmac(options.secret, answerFields.map((f) => answer[f] ?? "").join("|"))
      return json(res, 200, answer)
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    payUrl: `${base}/paymentv2/vpcpay.html`,
    queryUrl: `${base}/merchant_webapi/api/transaction`,
    payments,
    ipnsSent,
    setIpnUrl: (url) => {
      ipnUrl = url
    },
    sign,
    pay: async (payUrl, outcome = "paid") => {
      const response = await fetch(`${payUrl}&sim_action=${outcome}`, { redirect: "manual" })
      const ipn = response.headers.get("x-ipn-answer")
      const parsed = ipn === null ? null : (JSON.parse(decodeURIComponent(ipn)) as PayOutcome["ipnAnswer"] | null)
      const location = response.headers.get("location")
      return {
        status: response.status,
        ...(location === null ? {} : { returnUrl: location }),
        ...(parsed === null || parsed === undefined ? {} : { ipnAnswer: parsed }),
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
