// Findings of the security review, over HTTP: what a caller must not be able to do whatever its credentials say.
// Each test names the probe that used to succeed.
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  citizen,
  gateway,
  officer,
  residenceFiling,
  send,
  type TestSystem,
  testSystem,
} from "./dossier.test-support.ts"
import { readProblem } from "./testing.test-support.ts"

describe("security review findings over HTTP", () => {
  let system: TestSystem
  beforeAll(async () => {
    system = await testSystem("memory")
  }, 60_000)
  afterAll(async () => system?.close())

  const file = (body: unknown, key: string) =>
    send(system.app, citizen(), "POST", "/api/v1/dossiers", body, { "idempotency-key": key })

  it("a citizen cannot set their own fee: 1.004222 online with le-phi at 0 đ is 422 on body.fees", async () => {
    const response = await file({ ...residenceFiling(), fees: [{ feeId: "le-phi", amount: 0 }] }, "fee-probe")
    expect(response.status).toBe(422)
    const problem = await readProblem(response)
    expect(problem.errors.map((e) => e.path)).toEqual(["body.fees"])
    expect(problem.detail).toContain("danh mục")
  })

  it("the same filing without amounts is charged the catalogue's online amount (10 000 đ)", async () => {
    const filed = await file(residenceFiling(), "fee-catalogue")
    const text = await filed.text()
    expect(filed.status, text).toBe(201)
    const { code } = JSON.parse(text) as { code: string }
    const detail = (await (await send(system.app, citizen(), "GET", `/api/v1/dossiers/${code}`)).json()) as {
      context: { fees: ReadonlyArray<{ feeId: string; amount: number }> }
    }
    expect(detail.context.fees.map((f) => [f.feeId, f.amount])).toEqual([["le-phi", 10000]])
  })

  it("an integration client's API key cannot confirm a payment without the gateway's signature: 403", async () => {
    const filed = await file(residenceFiling(), "payment-probe")
    const { code, version } = (await filed.json()) as { code: string; version: number }
    const response = await send(
      system.app,
      gateway(),
      "POST",
      `/api/v1/dossiers/${code}/confirm-payment`,
      { expectedVersion: version, paymentId: "forged-1", amount: 10000 },
      { "idempotency-key": "forged-1" },
    )
    expect(response.status).toBe(403)
    const after = (await (await send(system.app, citizen(), "GET", `/api/v1/dossiers/${code}`)).json()) as {
      version: number
      context: { payments: ReadonlyArray<unknown> }
    }
    expect(after.version).toBe(1)
    expect(after.context.payments).toEqual([])
  })

  it("an out-of-scope officer with a stale expectedVersion gets 403, not 409 with the dossier's version", async () => {
    const filed = await file(residenceFiling(), "version-probe")
    const { code } = (await filed.json()) as { code: string }
    const counter = await officer(system.app, "cb-hg-01")
    const accepted = await send(system.app, counter, "POST", `/api/v1/dossiers/${code}/accept`, { expectedVersion: 1 })
    expect(accepted.status).toBe(200)
    const foreign = await officer(system.app, "cv-hh-01")
    const response = await send(system.app, foreign, "POST", `/api/v1/dossiers/${code}/complete-step`, {
      expectedVersion: 1,
    })
    expect(response.status).toBe(403)
    expect(await response.text()).not.toMatch(/phiên bản|expectedVersion/u)
  })
})
