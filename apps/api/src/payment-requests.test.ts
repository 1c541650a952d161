// The citizen sees how to pay, from the payments ledger (issue 9): the catalogue's fee is requested once at filing,
// the relay opens a ledger request for it — a VietQR transfer to the collecting centre's own account by default, the
// gateway's page when the deployment chose the gateway — and the dossier answers what is owed with that request (the
// same one `/payment-requests` lists: one source of truth). Paid by any channel, nothing is owed and no request is
// open. On SQLite and PostgreSQL.
import { signDevelopmentPaymentCallback } from "@motcua/application"
import { paidCallback } from "@motcua/application/testing"
import { parseVietQr } from "@motcua/domain"
import { Result } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { relayPass } from "./background.ts"
import {
  citizen,
  gateway,
  onEachDatabase,
  pdf,
  residenceFiling,
  send,
  type TestSystem,
  testSystem,
} from "./dossier.test-support.ts"
import { account, notice, type PaymentsSystem, paymentsSystem } from "./payments.test-support.ts"

interface ShownRequest {
  requestId: string
  reference: string
  channel: "vietqr" | "gateway"
  status: string
  amount: number
  payUrl?: string
  qrPayload?: string
  expiresAt: string
  open: boolean
  items: Array<{ name: string; amount: number }>
}
interface Payment {
  outstanding: number
  paid: number
  requests: ShownRequest[]
}

const paymentOf = async (system: TestSystem, code: string) => {
  const response = await send(system.app, citizen(), "GET", `/api/v1/dossiers/${code}`)
  expect(response.status).toBe(200)
  return ((await response.json()) as { payment: Payment }).payment
}
const relay = async (system: TestSystem) => {
  const pass = await relayPass(system.runtime, { intervalMs: 0, batch: 100, workerId: "test" })
  expect(pass._tag).toBe("Success")
}
const file = async (system: TestSystem, key: string) => {
  const filed = await send(system.app, citizen(), "POST", "/api/v1/dossiers", residenceFiling(), {
    "idempotency-key": key,
  })
  expect(filed.status, await filed.clone().text()).toBe(201)
  return ((await filed.json()) as { code: string }).code
}

onEachDatabase("payment requests on the dossier", (kind) => {
  let system: TestSystem
  beforeAll(async () => {
    system = await testSystem(kind)
  }, 60_000)
  afterAll(async () => system?.close())

  it("the filing's fee becomes a VietQR request to the collecting centre's account, shown on the dossier once", async () => {
    const code = await file(system, "pay-visible-1")
    // before the relay has run: owed, but no request made yet
    expect(await paymentOf(system, code)).toEqual({ outstanding: 10_000, paid: 0, requests: [] })

    await relay(system)
    const requested = await paymentOf(system, code)
    expect(requested.outstanding).toBe(10_000)
    expect(requested.requests).toHaveLength(1)
    const [request] = requested.requests
    expect(request).toMatchObject({ channel: "vietqr", status: "pending", amount: 10_000, open: true })
    expect(request?.payUrl).toBeUndefined()
    expect(request?.items.reduce((s, i) => s + i.amount, 0)).toBe(10_000)
    // the payload pays the ward's centre's own account exactly what is owed, with the request's reference
    const qr = parseVietQr(request?.qrPayload ?? "")
    if (Result.isFailure(qr)) expect.fail(qr.failure.message)
    expect(qr.success).toMatchObject({
      bankBin: account.bankBin,
      accountNumber: account.accountNumber,
      amount: 10_000,
      billNumber: request?.reference,
    })
    // the ledger's list is the same request
    const listed = await send(system.app, citizen(), "GET", `/api/v1/dossiers/${code}/payment-requests`)
    const items = ((await listed.json()) as { items: Array<{ id: string; reference: string }> }).items
    expect(items.map((r) => [r.id, r.reference])).toEqual([[request?.requestId, request?.reference]])
    // the citizen asking for a VietQR code now gets that one back, not a second
    const asked = await send(system.app, citizen(), "POST", `/api/v1/dossiers/${code}/payment-requests`, {
      channel: "vietqr",
    })
    expect(((await asked.json()) as { id: string }).id).toBe(request?.requestId)
    // a second pass (or a redelivered message) makes nothing twice
    await relay(system)
    expect((await paymentOf(system, code)).requests).toHaveLength(1)

    // paid by another channel (the development gateway's callback): nothing owed, nothing open
    const paidNotice = paidCallback(code)
    const signature = signDevelopmentPaymentCallback(system.runtime.developmentKeys.paymentSecret, paidNotice)
    const paid = await send(
      system.app,
      gateway(),
      "POST",
      "/api/v1/payments/callback",
      { ...paidNotice, signature },
      { "idempotency-key": "pay-visible-cb" },
    )
    expect(paid.status, await paid.clone().text()).toBe(200)
    const after = await paymentOf(system, code)
    expect(after).toMatchObject({ outstanding: 0, paid: 10_000 })
    expect(after.requests.map((r) => r.open)).toEqual([false])
  })

  it("a dossier paid before the relay runs gets no request; an exempted one owes nothing and gets none", async () => {
    const code = await file(system, "pay-visible-early")
    const paidNotice = { ...paidCallback(code), paymentId: "napas-early" }
    const signature = signDevelopmentPaymentCallback(system.runtime.developmentKeys.paymentSecret, paidNotice)
    const paid = await send(system.app, gateway(), "POST", "/api/v1/payments/callback", { ...paidNotice, signature })
    expect(paid.status, await paid.clone().text()).toBe(200)
    await relay(system)
    expect(await paymentOf(system, code)).toEqual({ outstanding: 0, paid: 10_000, requests: [] })

    const upload = await system.app.request("/api/v1/documents", {
      method: "POST",
      headers: { ...citizen().headers, "content-type": "application/pdf" },
      body: pdf("Giấy chứng nhận hộ nghèo"),
    })
    const { id } = (await upload.json()) as { id: string }
    const filing = residenceFiling({
      applicantCategories: ["poor-household"],
      attachmentIds: [id],
      exemptionProofs: [{ category: "poor-household", attachmentId: id }],
    })
    const filed = await send(system.app, citizen(), "POST", "/api/v1/dossiers", filing, {
      "idempotency-key": "pay-visible-2",
    })
    expect(filed.status, await filed.clone().text()).toBe(201)
    const exempted = ((await filed.json()) as { code: string }).code
    await relay(system)
    expect(await paymentOf(system, exempted)).toEqual({ outstanding: 0, paid: 0, requests: [] })
  })
})

onEachDatabase("the filing's request paid by its channel", (kind) => {
  let p: PaymentsSystem
  beforeAll(async () => {
    p = await paymentsSystem(kind)
  }, 60_000)
  afterAll(async () => p?.close())

  it("the bank's notice of a transfer with the filing request's reference pays it: paid, not open, a receipt", async () => {
    const code = await file(p.system, "filing-vietqr-paid")
    await relay(p.system)
    const [request] = (await paymentOf(p.system, code)).requests
    expect(request?.channel).toBe("vietqr")
    const answer = await notice(p.base, {
      transactionId: `FT-FILED-${kind}`,
      description: `NGUYEN VAN AN ${request?.reference} NOP PHI`,
    }).post()
    expect(answer.status, await answer.clone().text()).toBe(200)
    expect(await answer.json()).toMatchObject({ outcome: "confirmed", requestId: request?.requestId })
    const after = await paymentOf(p.system, code)
    expect(after).toMatchObject({ outstanding: 0, paid: 10_000 })
    expect(after.requests).toMatchObject([{ requestId: request?.requestId, status: "paid", open: false }])
    const receipts = await send(p.system.app, citizen(), "GET", `/api/v1/dossiers/${code}/receipts`)
    expect(((await receipts.json()) as { items: unknown[] }).items).toMatchObject([
      { total: 10_000, method: "Chuyển khoản (VietQR)", status: "issued" },
    ])
  })
})

describe("a deployment that chose the gateway for filings (SQLite)", () => {
  let p: PaymentsSystem
  beforeAll(async () => {
    p = await paymentsSystem("sqlite", { filingChannel: "gateway" })
  }, 60_000)
  afterAll(async () => p?.close())

  it("the filing's fee is a request on the gateway's page; paid there, the dossier owes nothing", async () => {
    const code = await file(p.system, "filing-gateway")
    await relay(p.system)
    const requested = await paymentOf(p.system, code)
    expect(requested.requests).toHaveLength(1)
    const [request] = requested.requests
    expect(request).toMatchObject({ channel: "gateway", status: "pending", amount: 10_000, open: true })
    expect(request?.qrPayload).toBeUndefined()
    expect(request?.payUrl?.startsWith(p.simulator.payUrl)).toBe(true)
    const outcome = await p.simulator.pay(request?.payUrl ?? "")
    expect(outcome.ipnAnswer?.status).toBe(200)
    const after = await paymentOf(p.system, code)
    expect(after).toMatchObject({ outstanding: 0, paid: 10_000 })
    expect(after.requests).toMatchObject([{ status: "paid", open: false }])
  })
})
