// The shipped data files: each one decodes through the domain schemas, and together they meet the acceptance bar of
// the sample deployment (54 units with their official codes, one centre per unit, post-office agents, ≥ 40
// procedures across ≥ 9 fields at both levels, every reference resolvable).
import { Result } from "effect"
import { describe, expect, test } from "vitest"
import { listJson } from "./files.ts"
import {
  catalogueProblems,
  DATA_DIR,
  jurisdictionProblems,
  loadAgencies,
  loadCatalogue,
  loadCentres,
  loadHolidays,
  loadProcedureFile,
  loadQuangNinh,
  loadUnits,
} from "./index.ts"

/** Resolution 1679/NQ-UBTVQH15 as listed in the domain reference: code → name and kind. */
const REFERENCE_UNITS: Record<"ward" | "commune" | "special-zone", string> = {
  ward: `07090 An Sinh, 07093 Đông Triều, 07081 Bình Khê, 07069 Mạo Khê, 07114 Hoàng Quế, 06832 Yên Tử, 06820 Vàng Danh,
    06811 Uông Bí, 07135 Đông Mai, 07147 Hiệp Hòa, 07132 Quảng Yên, 07168 Hà An, 07183 Phong Cốc, 07180 Liên Hòa,
    06706 Tuần Châu, 06661 Việt Hưng, 06673 Bãi Cháy, 06652 Hà Tu, 06676 Hà Lầm, 06658 Cao Xanh, 06685 Hồng Gai,
    06688 Hạ Long, 07030 Hoành Bồ, 06760 Mông Dương, 06778 Quang Hanh, 06793 Cẩm Phả, 06781 Cửa Ông, 06712 Móng Cái 1,
    06709 Móng Cái 2, 06736 Móng Cái 3`,
  commune: `07054 Quảng La, 07060 Thống Nhất, 06799 Hải Hòa, 06862 Tiên Yên, 06874 Điền Xá, 06877 Đông Ngũ, 06886 Hải Lạng,
    06985 Lương Minh, 06979 Kỳ Thượng, 06970 Ba Chẽ, 06913 Quảng Tân, 06895 Đầm Hà, 06922 Quảng Hà, 06946 Đường Hoa,
    06931 Quảng Đức, 06841 Hoành Mô, 06856 Lục Hồn, 06838 Bình Liêu, 06724 Hải Sơn, 06733 Hải Ninh, 06757 Vĩnh Thực,
    06967 Cái Chiên`,
  "special-zone": "06994 Vân Đồn, 07192 Cô Tô",
}
const reference = Object.entries(REFERENCE_UNITS).flatMap(([kind, list]) =>
  list.split(",").map((entry) => {
    const [code = "", ...name] = entry.trim().split(/\s+/)
    return { code, name: name.join(" "), kind }
  }),
)

const success = <A, E>(r: Result.Result<A, E>): A => {
  if (Result.isFailure(r)) throw r.failure
  return r.success
}

describe("every data file decodes through the domain schemas", () => {
  test("units.json, agencies.json, centres.json", () => {
    success(loadUnits())
    success(loadAgencies())
    success(loadCentres())
  })
  test("holidays.json, with the calendar's HolidayOverrides schema", () => {
    const holidays = success(loadHolidays())
    expect(holidays?.years.length).toBeGreaterThan(0)
    expect(success(loadQuangNinh()).holidays).toEqual(holidays)
  })
  test.each(listJson(DATA_DIR, "procedures"))("%s", (file) => {
    expect(success(loadProcedureFile(file)).length).toBeGreaterThan(0)
  })
  test("the whole deployment loads and cross-checks", () => {
    const data = success(loadQuangNinh())
    expect(data.catalogue.length).toBe(success(loadCatalogue()).length)
  })
})

describe("units", () => {
  const { province, units } = success(loadUnits())
  test("the province is Quảng Ninh, code 22", () => {
    expect(province.code).toBe("22")
    expect(province.name).toBe("Tỉnh Quảng Ninh")
  })
  test("exactly the 54 units of the reference, with their codes and kinds", () => {
    expect(units).toHaveLength(54)
    const actual = units.map((u) => ({ code: u.code, kind: u.kind })).sort((a, b) => a.code.localeCompare(b.code))
    const expected = reference.map(({ code, kind }) => ({ code, kind })).sort((a, b) => a.code.localeCompare(b.code))
    expect(actual).toEqual(expected)
  })
  test("30 wards, 22 communes, 2 special zones", () => {
    const count = (kind: string) => units.filter((u) => u.kind === kind).length
    expect([count("ward"), count("commune"), count("special-zone")]).toEqual([30, 22, 2])
  })
  test("each unit's name is its kind followed by the reference name", () => {
    const prefix = { ward: "Phường", commune: "Xã", "special-zone": "Đặc khu" } as const
    for (const u of units) {
      const ref = reference.find((r) => r.code === u.code)
      expect(u.name).toBe(`${prefix[u.kind]} ${ref?.name}`)
    }
  })
})

describe("agencies", () => {
  const { agencies } = success(loadAgencies())
  const { units } = success(loadUnits())
  test("each unit has its People's Committee and its police", () => {
    for (const kind of ["commune-people-committee", "commune-police"]) {
      const held = agencies.filter((a) => a.kind === kind).map((a) => a.unitCode)
      expect(held.sort()).toEqual(units.map((u) => u.code).sort())
    }
  })
  test("the provincial People's Committee and departments are there", () => {
    expect(agencies.filter((a) => a.kind === "provincial-people-committee")).toHaveLength(1)
    expect(agencies.filter((a) => a.kind === "provincial-department").length).toBeGreaterThanOrEqual(10)
  })
})

describe("intake points", () => {
  const { intakePoints } = success(loadCentres())
  const { units } = success(loadUnits())
  const unitCodes = new Set(units.map((u) => u.code))
  test("one provincial centre, one commune centre per unit, at least 5 post offices", () => {
    expect(intakePoints.filter((p) => p.kind === "provincial-centre")).toHaveLength(1)
    const communeCentres = intakePoints.filter((p) => p.kind === "commune-centre").map((p) => p.unitCode)
    expect(communeCentres.sort()).toEqual([...unitCodes].sort())
    expect(intakePoints.filter((p) => p.kind === "post-office").length).toBeGreaterThanOrEqual(5)
  })
  test("post offices stand in different units and return results at home", () => {
    const posts = intakePoints.filter((p) => p.kind === "post-office")
    expect(new Set(posts.map((p) => p.unitCode)).size).toBe(posts.length)
    for (const p of posts) expect(p.returnsResultsAtHome).toBe(true)
  })
  test("every intake point stands in a known unit", () => {
    for (const p of intakePoints) expect(unitCodes.has(p.unitCode), `${p.id} → ${p.unitCode}`).toBe(true)
  })
})

describe("procedures", () => {
  const catalogue = success(loadCatalogue())
  test("at least 40 procedures across at least 9 fields, at both levels (acceptance bar)", () => {
    expect(new Set(catalogue.map((p) => p.code)).size).toBeGreaterThanOrEqual(40)
    expect(new Set(catalogue.map((p) => p.field.code)).size).toBeGreaterThanOrEqual(9)
    const levels = new Set(catalogue.map((p) => p.authority.level))
    expect([...levels].sort()).toEqual(["commune", "province"])
  })
  test("a field code always carries the same name", () => {
    const names = new Map<string, string>()
    for (const p of catalogue) {
      const seen = names.get(p.field.code)
      if (seen === undefined) names.set(p.field.code, p.field.name)
      else expect(p.field.name, `${p.code} in ${p.field.code}`).toBe(seen)
    }
  })
  test("every agency a procedure names exists, with the same kind", () => {
    const { agencies } = success(loadAgencies())
    const byCode = new Map(agencies.map((a) => [a.code, a]))
    for (const p of catalogue) {
      if (p.authority.agencyCode === undefined) continue
      expect(byCode.get(p.authority.agencyCode)?.kind, `${p.code} → ${p.authority.agencyCode}`).toBe(
        p.authority.agencyKind,
      )
    }
  })
  test("no cross-file problem in the shipped data", () => {
    const data = success(loadQuangNinh())
    expect(jurisdictionProblems(data.jurisdiction)).toEqual([])
    expect(catalogueProblems(data.jurisdiction, data.catalogue)).toEqual([])
  })
})
