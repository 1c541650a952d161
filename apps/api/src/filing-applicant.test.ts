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

// An applicant id must be a citizen's CCCD number, or a business's tax code (issue 14): a filing under
// `'; DROP TABLE dossier;--` was accepted; an online filing lacking a document to submit is refused at filing.
describe("filing checks the applicant's id and the documents to submit", () => {
  let system: TestSystem
  beforeAll(async () => {
    system = await testSystem("memory")
  })
  afterAll(() => system?.close())

  const file = (body: unknown, key: string) =>
    send(system.app, citizen(), "POST", "/api/v1/dossiers", body, { "idempotency-key": key })

  it("refuses an id that is not a CCCD number, saying which part is wrong, with its path", async () => {
    for (const [id, part] of [
      ["'; DROP TABLE dossier;--", "digits"],
      ["02209000123", "length"],
      ["003090001234", "province"],
    ] as const) {
      const response = await file(
        residenceFiling({
          applicant: { id, name: "Trần Thị Bình", kind: "citizen" },
          onBehalfOf: { relationship: "con (child)" },
        }),
        `bad-id-${part}`,
      )
      expect(response.status).toBe(422)
      const problem = await readProblem(response)
      expect(pathsOf(problem)).toEqual(["body.applicant.id"])
      expect(problem.reason).toMatchObject({ reason: "applicant-id-invalid" })
      expect(JSON.stringify(problem)).toContain(part)
    }
  })

  it("takes a business under a valid tax code, and refuses a wrong check digit", async () => {
    const business = (id: string) =>
      residenceFiling({
        applicant: { id, name: "Công ty TNHH Hạ Long", kind: "business" },
        onBehalfOf: { relationship: "người đại diện theo pháp luật" },
      })
    expect((await file(business("0100109107"), "tax-bad")).status).toBe(422)
    expect((await file(business("0100109106"), "tax-good")).status).toBe(201)
  })

  it("refuses an online filing lacking a mandatory document to submit, listing what is missing", async () => {
    const response = await file(residenceFiling({ documents: [{ id: "cho-o-hop-phap" }] }), "docs-1")
    expect(response.status).toBe(422)
    const problem = await readProblem(response)
    expect(pathsOf(problem)).toEqual(["body.documents"])
    expect(problem.reason).toMatchObject({ reason: "documents-missing" })
    expect(problem.detail).toContain("ct01")
  })
})
