// A fee exemption needs what proves it (issue 16): a self-declared category alone zeroed the fee. Over HTTP: without a
// proof 422 at the category's path and nothing filed; with an uploaded certificate attached, 0 đ and the proof kept.
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { citizen, pdf, residenceFiling, send, type TestSystem, testSystem } from "./dossier.test-support.ts"
import { pathsOf, readProblem } from "./testing.test-support.ts"

describe("fee exemption at filing", () => {
  let system: TestSystem
  beforeAll(async () => {
    system = await testSystem("memory")
  })
  afterAll(() => system?.close())

  it("without a proof is refused at body.applicantCategories[0], and nothing is filed", async () => {
    const response = await send(
      system.app,
      citizen(),
      "POST",
      "/api/v1/dossiers",
      residenceFiling({ applicantCategories: ["poor-household"] }),
      { "idempotency-key": "exempt-1" },
    )
    expect(response.status).toBe(422)
    const problem = await readProblem(response)
    expect(pathsOf(problem)).toEqual(["body.applicantCategories[0]"])
    expect(problem.reason).toMatchObject({ reason: "exemption-unproven" })
    const mine = (await (await send(system.app, citizen(), "GET", "/api/v1/dossiers")).json()) as { items: unknown[] }
    expect(mine.items).toEqual([])
  })

  it("with the certificate uploaded and attached: 0 đ, and the dossier says what proved it", async () => {
    const upload = await system.app.request("/api/v1/documents", {
      method: "POST",
      headers: { ...citizen().headers, "content-type": "application/pdf" },
      body: pdf("Giấy chứng nhận hộ nghèo"),
    })
    expect(upload.status).toBe(201)
    const { id } = (await upload.json()) as { id: string }
    const filing = residenceFiling({
      applicantCategories: ["poor-household"],
      attachmentIds: [id],
      exemptionProofs: [{ category: "poor-household", attachmentId: id }],
    })
    const response = await send(system.app, citizen(), "POST", "/api/v1/dossiers", filing, {
      "idempotency-key": "exempt-2",
    })
    expect(response.status, await response.clone().text()).toBe(201)
    const { code, summary } = (await response.json()) as { code: string; summary: { feeTotal: number } }
    expect(summary.feeTotal).toBe(0)
    const detail = (await (await send(system.app, citizen(), "GET", `/api/v1/dossiers/${code}`)).json()) as {
      context: { exemptions: unknown }
    }
    expect(detail.context.exemptions).toEqual([{ category: "poor-household", documentId: id }])
  })
})
