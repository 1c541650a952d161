import { foldText, isInForce, type Procedure } from "@motcua/domain"
import { describe, expect, test } from "vitest"
import { data, pathsOf, readProblem, TODAY, testApp } from "./testing.test-support.ts"

const { app } = testApp()
const inForceToday = data.catalogue.filter((p) => isInForce(p, TODAY))
const get = async (url: string) => {
  const response = await app.request(url)
  return { response, body: (await response.clone().json()) as Record<string, unknown> }
}
const codesOf = (body: Record<string, unknown>) => (body.items as Array<{ code: string }>).map((p) => p.code).sort()

describe("GET /api/v1/procedures", () => {
  test("lists every procedure in force today (Vietnam time) when no criterion is given", async () => {
    expect(inForceToday.length).toBeGreaterThan(0)
    const { response, body } = await get("/api/v1/procedures")
    expect(response.status).toBe(200)
    expect(body.on).toBe(TODAY)
    expect(body.total).toBe(inForceToday.length)
    expect(codesOf(body)).toEqual(inForceToday.map((p) => p.code).sort())
  })

  test("finds a procedure by words of its name typed without diacritics", async () => {
    const target = inForceToday[0] as Procedure
    const words = foldText(target.name).split(/\s+/).slice(0, 3).join(" ")
    const { body } = await get(`/api/v1/procedures?q=${encodeURIComponent(words)}`)
    expect(codesOf(body)).toContain(target.code)
    for (const item of body.items as Procedure[])
      for (const word of words.split(" "))
        expect(foldText(`${item.code} ${item.name} ${item.nameEn ?? ""}`)).toContain(word)
  })

  test("filters by field, level and authority, each answer matching the data", async () => {
    const sample = inForceToday[inForceToday.length - 1] as Procedure
    const byField = await get(`/api/v1/procedures?field=${sample.field.code}`)
    expect(byField.body.total).toBe(inForceToday.filter((p) => p.field.code === sample.field.code).length)
    for (const level of ["province", "commune"] as const) {
      const { body } = await get(`/api/v1/procedures?level=${level}`)
      expect(body.total).toBe(inForceToday.filter((p) => p.levels.includes(level)).length)
    }
    const byAuthority = await get(`/api/v1/procedures?authority=${sample.authority.agencyKind}`)
    expect(codesOf(byAuthority.body)).toContain(sample.code)
  })

  test("answers as of another day: nothing was in force before the catalogue's first version", async () => {
    const first = data.catalogue.map((p) => p.effectiveFrom).sort()[0] as string
    const { body } = await get("/api/v1/procedures?on=2000-01-01")
    expect(first > "2000-01-01").toBe(true)
    expect(body.total).toBe(0)
  })

  test("reports every invalid query parameter with its path", async () => {
    const response = await app.request(`/api/v1/procedures?level=district&on=01/12/2025&q=${"x".repeat(500)}`)
    expect(response.status).toBe(400)
    const problem = await readProblem(response)
    expect(pathsOf(problem)).toEqual(["query.level", "query.on", "query.q"])
    expect(problem.instance).toBe("/api/v1/procedures")
  })
})

describe("GET /api/v1/procedures/{code}", () => {
  test("returns the full version in force today", async () => {
    const target = inForceToday[0] as Procedure
    const { response, body } = await get(`/api/v1/procedures/${target.code}`)
    expect(response.status).toBe(200)
    expect(body).toEqual(JSON.parse(JSON.stringify(target)))
  })

  test("chooses between versions by the `on` date", async () => {
    // A republished version of a real procedure: the old one ends the day before the new one starts.
    const original = inForceToday[0] as Procedure
    const old = { ...original, effectiveTo: "2025-12-31", publishedBy: "old decision" }
    const republished = { ...original, effectiveFrom: "2026-01-01", publishedBy: "new decision" }
    const { app } = testApp({ catalogue: [...data.catalogue.filter((p) => p !== original), old, republished] })
    const on = async (date: string) =>
      (await (await app.request(`/api/v1/procedures/${original.code}?on=${date}`)).json()) as Procedure
    expect((await on("2025-12-31")).publishedBy).toBe("old decision")
    expect((await on("2026-01-01")).publishedBy).toBe("new decision")
    const versions = (await (await app.request(`/api/v1/procedures/${original.code}/versions`)).json()) as {
      total: number
      items: Procedure[]
    }
    expect(versions.total).toBe(2)
    expect(versions.items.map((v) => v.publishedBy)).toEqual(["old decision", "new decision"])
  })

  test("404 for a code not in the catalogue, and for a day no version is in force", async () => {
    const known = new Set(data.catalogue.map((p) => p.code))
    let unknown = 0
    while (known.has(`9.${String(unknown).padStart(6, "0")}`)) unknown++
    const code = `9.${String(unknown).padStart(6, "0")}`
    const missing = await app.request(`/api/v1/procedures/${code}`)
    expect(missing.status).toBe(404)
    expect((await readProblem(missing)).detail).toContain(code)

    const target = inForceToday[0] as Procedure
    const before = await app.request(`/api/v1/procedures/${target.code}?on=2000-01-01`)
    expect(before.status).toBe(404)
    expect((await readProblem(before)).detail).toContain("2000-01-01")
  })

  test("400 naming both the malformed code and the malformed date", async () => {
    const response = await app.request("/api/v1/procedures/not-a-code?on=yesterday")
    expect(response.status).toBe(400)
    expect(pathsOf(await readProblem(response))).toEqual(["params.code", "query.on"])
  })
})

describe("GET /api/v1/procedures/{code}/versions", () => {
  test("lists the versions of a real code, as many as the data holds", async () => {
    const target = data.catalogue[0] as Procedure
    const { response, body } = await get(`/api/v1/procedures/${target.code}/versions`)
    expect(response.status).toBe(200)
    expect(body.total).toBe(data.catalogue.filter((p) => p.code === target.code).length)
  })

  test("404 for an unknown code", async () => {
    const response = await app.request("/api/v1/procedures/9.999999/versions")
    expect(data.catalogue.some((p) => p.code === "9.999999")).toBe(false)
    expect(response.status).toBe(404)
  })
})
