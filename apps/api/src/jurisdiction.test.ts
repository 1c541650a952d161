import { readFileSync } from "node:fs"
import { join } from "node:path"
import type { AdministrativeUnit, Agency, IntakePoint } from "@motcua/domain"
import { describe, expect, test } from "vitest"
import { DATA_DIR, data, readProblem, testApp } from "./testing.test-support.ts"

const { app } = testApp()
const json = async <T>(url: string): Promise<T> => {
  const response = await app.request(url)
  expect(response.status).toBe(200)
  return (await response.json()) as T
}
interface List<T> {
  total: number
  items: T[]
}
/** The data file itself, read without the loader, so the counts are checked against the source. */
const file = (name: string) => JSON.parse(readFileSync(join(DATA_DIR, name), "utf8"))

describe("units", () => {
  test("lists as many units as units.json holds", async () => {
    const units = await json<List<AdministrativeUnit>>("/api/v1/units")
    expect(units.total).toBe(file("units.json").units.length)
    expect(units.items.map((u) => u.code)).toEqual(data.jurisdiction.units.map((u) => u.code))
  })

  test("filters by kind", async () => {
    for (const kind of ["ward", "commune", "special-zone"] as const) {
      const units = await json<List<AdministrativeUnit>>(`/api/v1/units?kind=${kind}`)
      expect(units.total).toBe(data.jurisdiction.units.filter((u) => u.kind === kind).length)
      expect(units.items.every((u) => u.kind === kind)).toBe(true)
    }
  })

  test("one unit comes with its agencies and intake points", async () => {
    const point = data.jurisdiction.intakePoints.find((p) => p.kind === "commune-centre") as IntakePoint
    const detail = await json<{ unit: AdministrativeUnit; agencies: Agency[]; intakePoints: IntakePoint[] }>(
      `/api/v1/units/${point.unitCode}`,
    )
    expect(detail.unit.code).toBe(point.unitCode)
    expect(detail.intakePoints.map((p) => p.id)).toContain(point.id)
    expect(detail.agencies).toEqual(data.jurisdiction.agencies.filter((a) => a.unitCode === point.unitCode))
  })

  test("404 for a well-formed code of no unit; 400 for a malformed one", async () => {
    const known = new Set(data.jurisdiction.units.map((u) => u.code))
    const unknown = ["99999", "00000", "12345"].find((c) => !known.has(c)) as string
    const missing = await app.request(`/api/v1/units/${unknown}`)
    expect(missing.status).toBe(404)
    expect((await readProblem(missing)).detail).toContain(unknown)
    const malformed = await app.request("/api/v1/units/abc")
    expect(malformed.status).toBe(400)
    expect((await readProblem(malformed)).errors.map((e) => e.path)).toEqual(["params.code"])
  })
})

describe("intake points and agencies", () => {
  test("lists as many intake points as centres.json holds, filtered by kind and unit", async () => {
    const all = await json<List<IntakePoint>>("/api/v1/intake-points")
    expect(all.total).toBe(file("centres.json").intakePoints.length)
    const posts = await json<List<IntakePoint>>("/api/v1/intake-points?kind=post-office")
    expect(posts.total).toBe(data.jurisdiction.intakePoints.filter((p) => p.kind === "post-office").length)
    const unit = (data.jurisdiction.intakePoints[0] as IntakePoint).unitCode
    const inUnit = await json<List<IntakePoint>>(`/api/v1/intake-points?unit=${unit}`)
    expect(inUnit.total).toBe(data.jurisdiction.intakePoints.filter((p) => p.unitCode === unit).length)
    expect(inUnit.total).toBeGreaterThan(0)
  })

  test("lists as many agencies as agencies.json holds, filtered by level", async () => {
    const all = await json<List<Agency>>("/api/v1/agencies")
    expect(all.total).toBe(file("agencies.json").agencies.length)
    const province = await json<List<Agency>>("/api/v1/agencies?level=province")
    expect(province.total).toBe(data.jurisdiction.agencies.filter((a) => a.level === "province").length)
    const kind = (data.jurisdiction.agencies[0] as Agency).kind
    const ofKind = await json<List<Agency>>(`/api/v1/agencies?kind=${kind}`)
    expect(ofKind.items.every((a) => a.kind === kind)).toBe(true)
  })

  test("400 with paths for unknown kinds", async () => {
    const response = await app.request("/api/v1/intake-points?kind=kiosk&unit=1")
    expect(response.status).toBe(400)
    expect((await readProblem(response)).errors.map((e) => e.path).sort()).toEqual(["query.kind", "query.unit"])
  })
})
