// A counter officer confirming a payment: the amount must settle what is owed (issue 16): 999,999,999 đ against a
// 10,000 đ fee was accepted; now over- and under-payment are refused with the amounts, nothing written.
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { citizen, officers, residenceFiling, send, type TestSystem, testSystem } from "./dossier.test-support.ts"
import { readProblem } from "./testing.test-support.ts"

describe("confirm-payment amounts", () => {
  let system: TestSystem
  beforeAll(async () => {
    system = await testSystem("memory")
  })
  afterAll(() => system?.close())

  it("refuses more and less than the 10,000 đ owed, then takes it exactly once", async () => {
    const filed = await send(system.app, citizen(), "POST", "/api/v1/dossiers", residenceFiling(), {
      "idempotency-key": "pay-amounts-1",
    })
    const { code, version, summary } = (await filed.json()) as {
      code: string
      version: number
      summary: { feeTotal: number }
    }
    expect(summary.feeTotal).toBe(10_000)
    const counter = await officers(system)("cb-hg-01")
    const confirm = (amount: number, key: string) =>
      send(
        system.app,
        counter,
        "POST",
        `/api/v1/dossiers/${code}/confirm-payment`,
        { expectedVersion: version, paymentId: `cash-${key}`, amount },
        { "idempotency-key": key },
      )
    const over = await confirm(999_999_999, "over")
    expect(over.status).toBe(422)
    const overProblem = await readProblem(over)
    expect(overProblem.detail).toContain("vượt số còn phải nộp 10000 đồng")
    expect(overProblem.reason).toMatchObject({
      _tag: "PaymentAmountWrong",
      problem: "overpayment",
      outstanding: 10_000,
    })
    const under = await confirm(1, "under")
    expect(under.status).toBe(422)
    // nothing was written by the refusals: the version is the one filed
    const exact = await confirm(10_000, "exact")
    expect(exact.status, await exact.clone().text()).toBe(200)
    const after = (await exact.json()) as { version: number }
    expect(after.version).toBe(version + 1)
    // accepted: the appointment and the step's due time are answered in Vietnam time, like every instant shown
    const accepted = await send(system.app, counter, "POST", `/api/v1/dossiers/${code}/accept`, {
      expectedVersion: after.version,
    })
    const view = (await accepted.json()) as { summary: { appointmentAt: string; dueAt: string | null } }
    expect(view.summary.appointmentAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+07:00$/)
    const read = (await (await send(system.app, counter, "GET", `/api/v1/dossiers/${code}`)).json()) as {
      summary: { appointmentAt: string }
    }
    expect(read.summary.appointmentAt).toBe(view.summary.appointmentAt)
  })

  it("request-payment cannot ask again for the procedure's own fee: 422 at items[0].name, nothing owed twice", async () => {
    const filed = await send(system.app, citizen(), "POST", "/api/v1/dossiers", residenceFiling(), {
      "idempotency-key": "pay-twice-1",
    })
    const { code, version } = (await filed.json()) as { code: string; version: number }
    const counter = await officers(system)("cb-hg-01")
    const at = (segment: string) => `/api/v1/dossiers/${code}/${segment}`
    const accepted = await send(system.app, counter, "POST", at("accept"), { expectedVersion: version })
    const handed = await send(system.app, counter, "POST", at("complete-step"), {
      expectedVersion: version + 1,
      assigneeId: "cv-hg-01",
    })
    expect([accepted.status, handed.status]).toEqual([200, 200])
    const specialist = await officers(system)("cv-hg-01")
    const twice = await send(system.app, specialist, "POST", at("request-payment"), {
      expectedVersion: version + 2,
      items: [{ name: "Lệ phí đăng ký thường trú", amount: 10_000 }],
    })
    expect(twice.status).toBe(422)
    const problem = await readProblem(twice)
    expect(JSON.stringify(problem)).toContain("items[0].name")
    const read = (await (await send(system.app, specialist, "GET", `/api/v1/dossiers/${code}`)).json()) as {
      version: number
      summary: { feeTotal: number }
    }
    expect(read).toMatchObject({ version: version + 2, summary: { feeTotal: 10_000 } })
  })
})
