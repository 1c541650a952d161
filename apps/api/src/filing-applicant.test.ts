// An online filing's applicant is the signed-in citizen, or the citizen says for whom they file (issue 16): a
// filing under another person's id number without it was accepted (201) and is now refused with the field; with it,
// the dossier records the representative.
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { citizen, residenceFiling, send, type TestSystem, testSystem } from "./dossier.test-support.ts"
import { pathsOf, readProblem } from "./testing.test-support.ts"

describe("online filing under another person's id", () => {
  let system: TestSystem
  beforeAll(async () => {
    system = await testSystem("memory")
  })
  afterAll(() => system?.close())
  const someoneElse = residenceFiling({
    applicant: { id: "022090009999", name: "Trần Thị Bình", kind: "citizen", phone: "0912345679" },
  })

  it("is refused with the applicant's path and nothing filed", async () => {
    const response = await send(system.app, citizen(), "POST", "/api/v1/dossiers", someoneElse, {
      "idempotency-key": "other-1",
    })
    expect(response.status).toBe(422)
    const problem = await readProblem(response)
    expect(pathsOf(problem)).toEqual(["body.applicant.id"])
    expect(problem.reason).toMatchObject({ reason: "applicant-not-caller" })
  })

  it("is filed when the citizen says for whom, and the dossier records the representative", async () => {
    const response = await send(
      system.app,
      citizen(),
      "POST",
      "/api/v1/dossiers",
      { ...someoneElse, onBehalfOf: { relationship: "con (child)" } },
      { "idempotency-key": "other-2" },
    )
    expect(response.status).toBe(201)
    const { code } = (await response.json()) as { code: string }
    const read = await send(system.app, citizen(), "GET", `/api/v1/dossiers/${code}`)
    const detail = (await read.json()) as { context: { representative?: unknown; applicant: { id: string } } }
    expect(detail.context.applicant.id).toBe("022090009999")
    expect(detail.context.representative).toEqual({
      id: "022090001234",
      name: "Nguyễn Văn An",
      relationship: "con (child)",
    })
  })

  it("the citizen's own filing needs no mark", async () => {
    const response = await send(system.app, citizen(), "POST", "/api/v1/dossiers", residenceFiling(), {
      "idempotency-key": "own-1",
    })
    expect(response.status).toBe(201)
  })
})
