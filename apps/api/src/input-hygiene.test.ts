// Input that would be silently wrong is refused with its path (issue 16): a misspelt field of a body (it was dropped
// and the full fee charged), text no field may hold (NUL, lone surrogates) in a body, a query or a path, and dates
// that do not exist.
import { describe, expect, it } from "vitest"
import { pathsOf, postJson, readProblem, testApp } from "./testing.test-support.ts"

const { app } = testApp()

describe("request input", () => {
  it("refuses a misspelt body field with its path instead of dropping it", async () => {
    const response = await app.request(
      "/api/v1/fee-quotes",
      postJson({ procedureCode: "1.004222", channel: "online", applicantCategory: ["poor-household"] }),
    )
    expect(response.status).toBe(400)
    const problem = await readProblem(response)
    expect(pathsOf(problem)).toEqual(["body.applicantCategory"])
    expect(problem.errors[0]?.message).toMatch(/unknown field/)
  })

  it("refuses unknown fields nested in a body too", async () => {
    const response = await app.request(
      "/api/v1/fee-quotes",
      postJson({ procedureCode: "1.004222", channel: "counter", quantities: { copy: 1, copies: 2 } }),
    )
    expect(pathsOf(await readProblem(response))).toEqual(["body.quantities.copies"])
  })

  it("refuses NUL and lone surrogates in a body, a query and a path, each with its path", async () => {
    const body = await app.request("/api/v1/fee-quotes", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"procedureCode":"1.004222\\u0000","channel":"online","variantId":"x\\ud800"}',
    })
    expect(body.status).toBe(400)
    expect(pathsOf(await readProblem(body))).toEqual(["body.procedureCode", "body.variantId"])
    const query = await app.request("/api/v1/procedures?q=khai%00sinh")
    expect(query.status).toBe(400)
    expect(pathsOf(await readProblem(query))).toContain("query.q")
    const path = await app.request("/api/v1/lookup/abc%00def")
    expect(path.status).toBe(400)
    expect(pathsOf(await readProblem(path))).toContain("params.code")
  })
})

describe("dates", () => {
  it("refuses a day that does not exist, in a query and in a body", async () => {
    const query = await app.request("/api/v1/procedures?on=2025-02-30")
    expect(query.status).toBe(400)
    const problem = await readProblem(query)
    expect(pathsOf(problem)).toEqual(["query.on"])
    expect(problem.errors[0]?.message).toContain("2025-02-30")
    const body = await app.request(
      "/api/v1/fee-quotes",
      postJson({ procedureCode: "1.004222", channel: "online", on: "2026-02-29" }),
    )
    expect(pathsOf(await readProblem(body))).toEqual(["body.on"])
    expect((await app.request("/api/v1/procedures?on=2024-02-29")).status).toBe(200)
  })
})

describe("exemption categories", () => {
  it("refuses a category the procedure has no exemption for, with its index, in a quote", async () => {
    const response = await app.request(
      "/api/v1/fee-quotes",
      postJson({ procedureCode: "1.004222", channel: "online", applicantCategories: ["poor-houshold"] }),
    )
    expect(response.status).toBe(422)
    const problem = await readProblem(response)
    expect(pathsOf(problem)).toEqual(["body.applicantCategories[0]"])
    expect(problem.detail).toContain("poor-houshold")
  })
})
