import { type FeeQuote, isInForce, type Procedure, quoteFees } from "@motcua/domain"
import { Result } from "effect"
import { describe, expect, test } from "vitest"
import { data, pathsOf, postJson, readProblem, TODAY, testApp } from "./testing.test-support.ts"

const { app } = testApp()
const inForce = data.catalogue.filter((p) => isInForce(p, TODAY))
const quote = (body: unknown, headers?: Record<string, string>) =>
  app.request("/api/v1/fee-quotes", postJson(body, headers))

/** A real procedure with a per-unit fee, and the unit that fee counts. */
const perUnit = (() => {
  for (const p of inForce)
    for (const fee of p.fees) if (fee.amount.type === "per-unit") return { procedure: p, per: fee.amount.per }
  throw new Error("the Quảng Ninh data has no per-unit fee in force; pick another fixture")
})()

describe("POST /api/v1/fee-quotes", () => {
  test("quotes a real procedure exactly as the domain does, totals adding up", async () => {
    const { procedure, per } = perUnit
    const request = { channel: procedure.channels[0] as "counter", quantities: { [per]: 3 } }
    const response = await quote({ procedureCode: procedure.code, ...request })
    expect(response.status).toBe(200)
    const body = (await response.json()) as FeeQuote
    const expected = quoteFees(procedure, request)
    if (Result.isFailure(expected)) throw expected.failure
    expect(body).toEqual(expected.success)
    expect(body.total).toBe(body.lines.reduce((sum, l) => sum + l.amount, 0))
    expect(body.lines.find((l) => l.quantity !== undefined)?.quantity).toBe(3)
  })

  test("uses the version in force on `on`: none before the catalogue starts", async () => {
    const response = await quote({ procedureCode: perUnit.procedure.code, on: "2000-01-01", channel: "counter" })
    expect(response.status).toBe(404)
    expect((await readProblem(response)).detail).toContain("2000-01-01")
  })

  test("422 naming the missing count of a per-unit fee", async () => {
    const { procedure, per } = perUnit
    const response = await quote({ procedureCode: procedure.code, channel: procedure.channels[0] })
    expect(response.status).toBe(422)
    expect(pathsOf(await readProblem(response))).toEqual([`body.quantities.${per}`])
  })

  test("422 on a channel the procedure does not take, and on an unknown variant", async () => {
    const counterOnly = inForce.find((p) => !p.channels.includes("post")) as Procedure
    const post = await quote({ procedureCode: counterOnly.code, channel: "post" })
    expect(post.status).toBe(422)
    expect(pathsOf(await readProblem(post))).toEqual(["body.channel"])

    const variant = await quote({ procedureCode: counterOnly.code, channel: "counter", variantId: "no-such-case" })
    expect(variant.status).toBe(422)
    expect(pathsOf(await readProblem(variant))).toEqual(["body.variantId"])
  })

  test("404 for a procedure code not in the catalogue", async () => {
    expect(data.catalogue.some((p) => p.code === "9.999999")).toBe(false)
    const response = await quote({ procedureCode: "9.999999", channel: "counter" })
    expect(response.status).toBe(404)
  })

  test("400 listing every invalid field of the body with its path", async () => {
    const response = await quote({
      procedureCode: 1.004222,
      channel: "fax",
      on: "tomorrow",
      applicantCategories: ["poor-household", ""],
      quantities: { copy: -1, page: 1.5 },
      area: "big",
    })
    expect(response.status).toBe(400)
    expect(pathsOf(await readProblem(response))).toEqual([
      "body.applicantCategories[1]",
      "body.area",
      "body.channel",
      "body.on",
      "body.procedureCode",
      "body.quantities.copy",
      "body.quantities.page",
    ])
  })

  test("400 for a body that is not JSON, or not an object", async () => {
    for (const body of ['{"channel": ', "", "[1, 2]", "null", '"text"']) {
      const response = await quote(body)
      expect(response.status, body).toBe(400)
      expect((await readProblem(response)).errors[0]?.path).toBe("body")
    }
  })

  test("415 unless the body is declared JSON; +json types and parameters are accepted", async () => {
    const body = { procedureCode: perUnit.procedure.code, channel: "counter" }
    const form = await app.request("/api/v1/fee-quotes", {
      method: "POST",
      body: "procedureCode=1.000000",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    })
    expect(form.status).toBe(415)
    expect(pathsOf(await readProblem(form))).toEqual(["headers.content-type"])
    const none = await app.request("/api/v1/fee-quotes", { method: "POST", body: JSON.stringify(body) })
    expect(none.status).toBe(415)
    const withCharset = await quote(body, { "content-type": "application/json; charset=utf-8" })
    expect(withCharset.status).not.toBe(415)
    const vendor = await quote(body, { "content-type": "application/vnd.motcua+json" })
    expect(vendor.status).not.toBe(415)
  })

  test("413 over the body limit, both with and without a declared length", async () => {
    const { app: small } = testApp({ bodyLimit: 1024 })
    const big = JSON.stringify({ procedureCode: perUnit.procedure.code, channel: "counter", pad: "x".repeat(2000) })
    const streamed = await small.request("/api/v1/fee-quotes", postJson(big))
    expect(streamed.status).toBe(413)
    expect((await readProblem(streamed)).detail).toContain("1024")
    const declared = await small.request(
      "/api/v1/fee-quotes",
      postJson(big, { "content-length": String(new TextEncoder().encode(big).length) }),
    )
    expect(declared.status).toBe(413)
    const fits = await small.request("/api/v1/fee-quotes", postJson({ procedureCode: "9.999999", channel: "counter" }))
    expect(fits.status).toBe(404)
  })

  test("the default limit is 1 MiB", async () => {
    const response = await quote({
      procedureCode: perUnit.procedure.code,
      channel: "counter",
      pad: "x".repeat(1 << 20),
    })
    expect(response.status).toBe(413)
  })
})
