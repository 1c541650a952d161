// Uploads per principal over HTTP: the staged (not yet attached) bytes of one caller are limited (413, Vietnamese
// first) without touching anyone else's, and a staged document can be attached only by whoever uploaded it (422
// with the typed reason DocumentNotOwned); filing with one's own uploads attaches them and frees the quota.
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { citizen, pdf, residenceFiling, send, type TestSystem, testSystem } from "./dossier.test-support.ts"
import { readProblem } from "./testing.test-support.ts"

const FILE = pdf("Giấy tờ kèm theo hồ sơ")
let system: TestSystem
beforeAll(async () => {
  system = await testSystem("memory", { stagedBytesPerPrincipal: FILE.length * 2 })
})
afterAll(async () => system?.close())

const upload = (who: string) =>
  system.app.request("/api/v1/documents", {
    method: "POST",
    headers: { ...citizen(who).headers, "content-type": "application/pdf" },
    body: FILE,
  })
const uploaded = async (who: string) => {
  const response = await upload(who)
  expect(response.status).toBe(201)
  return ((await response.json()) as { id: string }).id
}
const file = (who: string, attachmentIds: ReadonlyArray<string>, key: string) =>
  send(
    system.app,
    citizen(who),
    "POST",
    "/api/v1/dossiers",
    // each citizen files as the applicant (an online filing's applicant is the caller)
    { ...residenceFiling({ applicant: { ...residenceFiling().applicant, id: who } }), attachmentIds },
    {
      "idempotency-key": key,
    },
  )

describe("staged uploads per principal", () => {
  it("limits one caller's staged bytes, attaches only the uploader's documents, and frees the quota once attached", async () => {
    const mine = [await uploaded("022090001234"), await uploaded("022090001234")]
    const over = await upload("022090001234")
    expect(over.status).toBe(413)
    const problem = await readProblem(over)
    expect(problem.detail).toMatch(/^Tài liệu bị từ chối: đã có \d+ byte tài liệu chưa gắn hồ sơ/)
    expect(problem.detail).toContain("would exceed the limit")

    // another citizen's quota is their own, but they cannot attach the first citizen's documents
    const theirs = await uploaded("022090009999")
    const foreign = await file("022090009999", [theirs, ...mine], "quota-foreign")
    expect(foreign.status).toBe(422)
    expect((await readProblem(foreign)).reason).toEqual({ _tag: "DocumentNotOwned", id: mine[0] })

    const filed = await file("022090001234", mine, "quota-own")
    expect(filed.status, await filed.clone().text()).toBe(201)
    // attached documents no longer count: the uploader may stage again
    expect((await upload("022090001234")).status).toBe(201)
  })
})
