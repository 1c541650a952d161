// The gateway adapter against a local implementation of the protocol (simulator.ts, its own signing code): the pay
// URL it makes is accepted by the gateway; the IPN and the return the gateway sends verify and read back; anything
// forged, altered or from another merchant is refused; the status query is signed both ways.
import { createHmac } from "node:crypto"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import type { GatewayNotice } from "@motcua/application"
import { Effect, Result } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { fromGatewayTime, gatewayTime, httpGateway } from "./gateway.ts"
import { hmacScheme, sortedParamsText } from "./scheme.ts"
import { type GatewaySimulator, startGatewaySimulator } from "./simulator.ts"

const SECRET = "GATEWAYSECRETFORTESTS0123456789ABCDEF"
const MERCHANT = "MOTCUA01"
let simulator: GatewaySimulator
const received: Array<Result.Result<GatewayNotice, unknown>> = []
let gateway: ReturnType<typeof httpGateway>
const ipnReceiver = createServer(async (req, res) => {
  const params = Object.fromEntries(new URL(req.url ?? "/", "http://x").searchParams)
  const read = await Effect.runPromise(Effect.result(gateway.readNotice(params)))
  received.push(read)
  res
    .writeHead(200, { "content-type": "application/json" })
    .end(JSON.stringify(Result.isSuccess(read) ? { RspCode: "00" } : { RspCode: "97" }))
})

beforeAll(async () => {
  await new Promise<void>((resolve) => ipnReceiver.listen(0, "127.0.0.1", resolve))
  simulator = await startGatewaySimulator({
    merchantCode: MERCHANT,
    secret: SECRET,
    ipnUrl: `http://127.0.0.1:${(ipnReceiver.address() as AddressInfo).port}/notice`,
  })
  gateway = httpGateway({
    payUrl: simulator.payUrl,
    queryUrl: simulator.queryUrl,
    merchantCode: MERCHANT,
    secret: SECRET,
    returnUrl: "https://motcua.example/api/v1/payments/gateway/return",
    timeoutMs: 2_000,
  })
})
afterAll(async () => {
  await simulator.close()
  await new Promise<void>((resolve) => ipnReceiver.close(() => resolve()))
})

const create = (requestId: string, amount = 10_000, expiresAt?: string) =>
  Effect.runPromise(
    gateway.createPaymentRequest({
      requestId,
      dossierCode: "000.11.50.H49-251006-0001",
      amount,
      items: [],
      description: "Đăng ký thường trú",
      createdAt: new Date().toISOString(),
      ...(expiresAt === undefined ? {} : { expiresAt }),
    }),
  )
const read = (params: Record<string, string>) => Effect.runPromise(Effect.result(gateway.readNotice(params)))
const paramsOf = (url: string) => Object.fromEntries(new URL(url).searchParams)

describe("the signature scheme", () => {
  it("is HMAC-SHA512 over the sorted, URL-encoded vnp_ parameters (a vector computed independently)", () => {
    const params = { vnp_TxnRef: "a b", vnp_Amount: "1000000", vnp_SecureHash: "x", other: "ignored", vnp_Empty: "" }
    const text = "vnp_Amount=1000000&vnp_TxnRef=a+b"
    expect(sortedParamsText(params)).toBe(text)
    const expected = createHmac("sha512", SECRET).update(text).digest("hex")
    expect(hmacScheme(SECRET).sign(text)).toBe(expected)
    expect(hmacScheme(SECRET).verify(text, expected.toUpperCase())).toBe(true)
    expect(hmacScheme(SECRET).verify(text, expected.replace(/^./, expected[0] === "0" ? "1" : "0"))).toBe(false)
    expect(hmacScheme(SECRET, "sha256").sign(text)).toHaveLength(64)
  })
  it("writes the gateway's instants in Vietnam time and reads them back, refusing impossible ones", () => {
    expect(gatewayTime("2025-10-06T01:00:00.000Z")).toBe("20251006080000")
    expect(fromGatewayTime("20251006080000")).toBe("2025-10-06T08:00:00+07:00")
    expect(fromGatewayTime("20250230080000")).toBeUndefined()
    expect(fromGatewayTime("2025-10-06")).toBeUndefined()
  })
})

describe("paying through the gateway", () => {
  it("the gateway accepts the signed pay URL; its IPN and the return verify and say what was paid", async () => {
    const { payUrl } = await create("payment-0001", 25_000)
    expect(paramsOf(payUrl ?? "")).toMatchObject({
      vnp_Amount: "2500000",
      vnp_TxnRef: "payment-0001",
      vnp_TmnCode: MERCHANT,
    })
    const outcome = await simulator.pay(payUrl ?? "")
    expect(outcome.status).toBe(302)
    expect(outcome.ipnAnswer?.body).toBe('{"RspCode":"00"}')
    const ipn = received.at(-1)
    expect(ipn !== undefined && Result.isSuccess(ipn) && ipn.success).toMatchObject({
      requestId: "payment-0001",
      amount: 25_000,
      paid: true,
      gatewayCode: "00",
      dossierCode: "000.11.50.H49-251006-0001",
      transactionId: simulator.payments.get("payment-0001")?.transactionNo,
    })
    const back = await read(paramsOf(outcome.returnUrl ?? ""))
    expect(Result.isSuccess(back) && back.success.transactionId).toBe(
      simulator.payments.get("payment-0001")?.transactionNo,
    )
  })

  it("a declined payment is read as not paid", async () => {
    const { payUrl } = await create("payment-0002")
    const outcome = await simulator.pay(payUrl ?? "", "failed")
    const back = await read(paramsOf(outcome.returnUrl ?? ""))
    expect(Result.isSuccess(back) && back.success).toMatchObject({ paid: false, gatewayCode: "24" })
  })

  it("a pay URL altered after signing is refused by the gateway", async () => {
    const { payUrl } = await create("payment-0003")
    const altered = (payUrl ?? "").replace("vnp_Amount=1000000", "vnp_Amount=100")
    expect(altered).not.toBe(payUrl)
    expect((await simulator.pay(altered)).status).toBe(401)
  })

  it("refuses forged, altered, unsigned and other merchants' notices, and malformed fields", async () => {
    const { payUrl } = await create("payment-0004")
    const outcome = await simulator.pay(payUrl ?? "")
    const good = paramsOf(outcome.returnUrl ?? "")
    const cases: Array<[string, Record<string, string>, string]> = [
      ["altered amount", { ...good, vnp_Amount: "100000000" }, "bad-signature"],
      ["another dossier", { ...good, vnp_OrderInfo: "Thanh toan ho so X" }, "bad-signature"],
      ["unsigned", { ...good, vnp_SecureHash: "" }, "bad-signature"],
      [
        "signed with another secret",
        { ...good, vnp_SecureHash: hmacScheme("other").sign(sortedParamsText(good)) },
        "bad-signature",
      ],
    ]
    const resign = (p: Record<string, string>) => ({ ...p, vnp_SecureHash: simulator.sign(p) })
    cases.push(["another merchant", resign({ ...good, vnp_TmnCode: "OTHER" }), "malformed"])
    cases.push(["an amount in fractions of a đồng", resign({ ...good, vnp_Amount: "1000050" }), "malformed"])
    cases.push(["an impossible pay date", resign({ ...good, vnp_PayDate: "20251340000000" }), "malformed"])
    for (const [what, params, code] of cases) {
      const r = await read(params)
      expect(Result.isFailure(r) && (r.failure as { code?: string }).code, what).toBe(code)
    }
  })

  it("an expired request's page is closed", async () => {
    const { payUrl } = await create("payment-0005", 10_000, new Date(Date.now() - 60_000).toISOString())
    expect((await simulator.pay(payUrl ?? "")).status).toBe(410)
  })
})

describe("asking the gateway (querydr)", () => {
  const query = (requestId: string) =>
    Effect.runPromise(
      Effect.result(gateway.queryStatus({ requestId, createdAt: new Date().toISOString(), amount: 10_000 })),
    )
  it("says pending before the citizen pays, paid (with the transaction) after, failed when declined", async () => {
    const { payUrl } = await create("payment-0006")
    expect(await query("payment-0006")).toEqual(Result.succeed({ status: "pending" }))
    await simulator.pay(payUrl ?? "", "paid-no-ipn")
    const paid = await query("payment-0006")
    expect(Result.isSuccess(paid) && paid.success).toMatchObject({
      status: "paid",
      amount: 10_000,
      transactionId: simulator.payments.get("payment-0006")?.transactionNo,
    })
    const { payUrl: declined } = await create("payment-0007")
    await simulator.pay(declined ?? "", "failed")
    expect(await query("payment-0007")).toEqual(
      Result.succeed({ status: "failed", reason: "vnp_TransactionStatus 02" }),
    )
  })
  it("fails (to be asked again) when the answer's signature is wrong or the gateway cannot be reached", async () => {
    const wrongKey = httpGateway({
      payUrl: simulator.payUrl,
      queryUrl: simulator.queryUrl,
      merchantCode: MERCHANT,
      secret: "another secret",
      returnUrl: "x",
    })
    const refused = await Effect.runPromise(
      Effect.result(
        wrongKey.queryStatus({ requestId: "payment-0006", createdAt: new Date().toISOString(), amount: 1 }),
      ),
    )
    expect(Result.isFailure(refused) && refused.failure.message).toMatch(/97|signature/)
    const down = httpGateway({
      payUrl: "http://127.0.0.1:9/pay",
      queryUrl: "http://127.0.0.1:9/query",
      merchantCode: MERCHANT,
      secret: SECRET,
      returnUrl: "x",
      timeoutMs: 500,
    })
    const unreachable = await Effect.runPromise(
      Effect.result(down.queryStatus({ requestId: "r", createdAt: new Date().toISOString(), amount: 1 })),
    )
    expect(Result.isFailure(unreachable) && unreachable.failure._tag).toBe("ExternalServiceFailed")
  })
})
