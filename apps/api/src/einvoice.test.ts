// E-receipts to the tax authority's e-invoice system over the real stack, on SQLite and PostgreSQL: a payment's
// receipt goes out through the outbox's relay to the provider (the einvoice-http adapter against a local stand-in of
// its API), the lookup code and the authority's code come back onto the receipt (GET /api/v1/receipts/{id}); a
// replaced receipt's cancellation follows it; a relay pass delivered again sends nothing twice; an answer about
// another receipt flags the receipt as refused and sends nothing more.
import { type EInvoiceStub, startEInvoiceStub } from "@motcua/einvoice-http/testing"
import { afterAll, beforeAll, expect, it } from "vitest"
import { relayPass } from "./background.ts"
import { citizen, onEachDatabase, residenceFiling, send } from "./dossier.test-support.ts"
import { notice, type PaymentsSystem, paymentsSystem } from "./payments.test-support.ts"

const credentials = { username: "qn-ttphcc", password: "s3cret-for-tests", supplierTaxCode: "5700100256" }

onEachDatabase("e-receipts to the e-invoice system", (kind) => {
  let p: PaymentsSystem
  let stub: EInvoiceStub
  beforeAll(async () => {
    stub = await startEInvoiceStub(credentials)
    p = await paymentsSystem(kind, { einvoice: { ...credentials, baseUrl: stub.baseUrl, timeoutMs: 5_000 } })
  }, 60_000)
  afterAll(async () => {
    await p?.close()
    await stub?.close()
  })
  const relay = async () => {
    const pass = await relayPass(p.system.runtime, { intervalMs: 0, batch: 100, workerId: "test" })
    expect(pass._tag).toBe("Success")
  }
  const receipt = async (id: string) =>
    (await (await send(p.system.app, citizen(), "GET", `/api/v1/receipts/${id}`)).json()) as {
      id: string
      number: number
      status: string
      einvoice?: {
        status: string
        lookupCode?: string
        taxAuthorityCode?: string
        invoiceNo?: string
        problem?: string
      }
    }
  const paid = async (key: string, transactionId: string) => {
    const app = p.system.app
    const filed = await send(app, citizen(), "POST", "/api/v1/dossiers", residenceFiling(), { "idempotency-key": key })
    const code = ((await filed.json()) as { code: string }).code
    const asked = await send(app, citizen(), "POST", `/api/v1/dossiers/${code}/payment-requests`, { channel: "vietqr" })
    const request = (await asked.json()) as { reference: string }
    expect((await notice(p.base, { transactionId, description: request.reference }).post()).status).toBe(200)
    const listed = await send(app, citizen(), "GET", `/api/v1/dossiers/${code}/receipts`)
    return ((await listed.json()) as { items: Array<{ id: string }> }).items[0]?.id ?? ""
  }

  it("sends each receipt once; the authority's codes come back onto it; a replacement's cancellation follows", async () => {
    stub.mode = "ok"
    const id = await paid("ei-1", "FT-EI-1")
    expect((await receipt(id)).einvoice).toBeUndefined()
    await relay()
    const accepted = await receipt(id)
    expect(accepted.einvoice).toMatchObject({
      status: "accepted",
      lookupCode: expect.stringMatching(/^TC\d{8}$/),
      taxAuthorityCode: expect.stringMatching(/^M1-25-QN/),
      invoiceNo: expect.stringMatching(/0000001$/),
    })
    const sent = stub.requests.filter((r) => r.path.includes("createInvoice")).length
    await relay()
    expect(stub.requests.filter((r) => r.path.includes("createInvoice")).length).toBe(sent)

    const replaced = await send(p.system.app, await p.as("qt-hg-01"), "POST", `/api/v1/receipts/${id}/replacement`, {
      reason: "Sai tên người nộp",
      payer: { name: "Nguyễn Văn Ân" },
    })
    expect(replaced.status).toBe(201)
    const replacement = ((await replaced.json()) as { replacement: { id: string } }).replacement
    await relay()
    expect((await receipt(id)).einvoice).toMatchObject({
      status: "cancelled",
      lookupCode: accepted.einvoice?.lookupCode,
    })
    expect((await receipt(replacement.id)).einvoice).toMatchObject({ status: "accepted" })
    const cancels = stub.requests.filter((r) => r.path.includes("cancelTransactionInvoice"))
    expect(cancels.map((r) => new URLSearchParams(r.body).get("invoiceNo"))).toEqual([accepted.einvoice?.invoiceNo])
  })

  it("an answer about another receipt is refused: the receipt says so and nothing is sent again", async () => {
    stub.mode = "other-number"
    const id = await paid("ei-2", "FT-EI-2")
    await relay()
    const flagged = await receipt(id)
    expect(flagged.einvoice).toMatchObject({ status: "refused", problem: expect.stringContaining("9999999") })
    stub.mode = "ok"
    const before = stub.requests.length
    await relay()
    expect(stub.requests.length).toBe(before)
    expect((await receipt(id)).einvoice?.status).toBe("refused")
  })
})
