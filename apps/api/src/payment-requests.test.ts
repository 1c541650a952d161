// The citizen sees how to pay (issue 16): the catalogue's fee is requested once at filing, the relay has the gateway
// make the request, and the dossier answers what is owed with the request's link; once paid (any channel) nothing is
// owed and no request is open. On SQLite and PostgreSQL (the request is stored in the database).
import { signDevelopmentPaymentCallback } from "@motcua/application"
import { paidCallback } from "@motcua/application/testing"
import { afterAll, beforeAll, expect, it } from "vitest"
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

interface Payment {
  outstanding: number
  paid: number
  requests: Array<{ requestId: string; amount: number; payUrl?: string; open: boolean; items: unknown[] }>
}

onEachDatabase("payment requests on the dossier", (kind) => {
  let system: TestSystem
  beforeAll(async () => {
    system = await testSystem(kind)
  }, 60_000)
  afterAll(async () => system?.close())

  const paymentOf = async (code: string) => {
    const response = await send(system.app, citizen(), "GET", `/api/v1/dossiers/${code}`)
    expect(response.status).toBe(200)
    return ((await response.json()) as { payment: Payment }).payment
  }

  it("shows the fee owed, then the gateway's request with its link, and nothing open once paid", async () => {
    const filed = await send(system.app, citizen(), "POST", "/api/v1/dossiers", residenceFiling(), {
      "idempotency-key": "pay-visible-1",
    })
    expect(filed.status).toBe(201)
    const { code } = (await filed.json()) as { code: string }
    // before the relay has run: owed, but no request made yet
    expect(await paymentOf(code)).toEqual({ outstanding: 10_000, paid: 0, requests: [] })

    const pass = await relayPass(system.runtime, { intervalMs: 0, batch: 100, workerId: "test" })
    expect(pass._tag).toBe("Success")
    const requested = await paymentOf(code)
    expect(requested.outstanding).toBe(10_000)
    expect(requested.requests).toHaveLength(1)
    expect(requested.requests[0]).toMatchObject({ amount: 10_000, open: true })
    expect(requested.requests[0]?.payUrl).toMatch(/^https?:\/\//)
    // a second pass (or a redelivered message) records nothing twice
    await relayPass(system.runtime, { intervalMs: 0, batch: 100, workerId: "test" })
    expect((await paymentOf(code)).requests).toHaveLength(1)

    const notice = paidCallback(code)
    const signature = signDevelopmentPaymentCallback(system.runtime.developmentKeys.paymentSecret, notice)
    const paid = await send(
      system.app,
      gateway(),
      "POST",
      "/api/v1/payments/callback",
      { ...notice, signature },
      {
        "idempotency-key": "pay-visible-cb",
      },
    )
    expect(paid.status, await paid.clone().text()).toBe(200)
    const after = await paymentOf(code)
    expect(after).toMatchObject({ outstanding: 0, paid: 10_000 })
    expect(after.requests.map((r) => r.open)).toEqual([false])
  })

  it("an exempted dossier owes nothing and gets no payment request", async () => {
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
    const { code } = (await filed.json()) as { code: string }
    await relayPass(system.runtime, { intervalMs: 0, batch: 100, workerId: "test" })
    expect(await paymentOf(code)).toEqual({ outstanding: 0, paid: 0, requests: [] })
  })
})
