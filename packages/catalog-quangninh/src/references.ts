// Rules that span files: the schemas check each entry on its own, these check that entries agree with each other
// (a procedure names an agency that exists, an intake point stands in a known unit, codes are not used twice).
import type { Catalogue, Jurisdiction, Problem } from "@motcua/domain"

function duplicates(values: ReadonlyArray<string>, at: (i: number) => string, what: string): Problem[] {
  const seen = new Map<string, number>()
  const out: Problem[] = []
  values.forEach((v, i) => {
    const first = seen.get(v)
    if (first === undefined) seen.set(v, i)
    else out.push({ path: at(i), message: `${what} "${v}" đã dùng ở vị trí ${first} (duplicate)` })
  })
  return out
}

/** Problems inside the jurisdiction data: duplicate codes, agencies or intake points in unknown units. */
export function jurisdictionProblems(j: Jurisdiction): Problem[] {
  const unitCodes = new Set(j.units.map((u) => u.code))
  const out: Problem[] = [
    ...duplicates(
      j.units.map((u) => u.code),
      (i) => `data/units.json: units[${i}].code`,
      "mã đơn vị",
    ),
    ...duplicates(
      j.agencies.map((a) => a.code),
      (i) => `data/agencies.json: agencies[${i}].code`,
      "mã cơ quan",
    ),
    ...duplicates(
      j.intakePoints.map((p) => p.id),
      (i) => `data/centres.json: intakePoints[${i}].id`,
      "mã điểm tiếp nhận",
    ),
  ]
  j.units.forEach((u, i) => {
    if (u.provinceCode !== j.province.code)
      out.push({ path: `data/units.json: units[${i}].provinceCode`, message: `không phải mã tỉnh ${j.province.code}` })
  })
  j.agencies.forEach((a, i) => {
    if (a.level === "commune" && (a.unitCode === undefined || !unitCodes.has(a.unitCode)))
      out.push({
        path: `data/agencies.json: agencies[${i}].unitCode`,
        message: `cơ quan cấp xã phải thuộc một đơn vị trong units.json (got ${a.unitCode ?? "none"})`,
      })
  })
  j.intakePoints.forEach((p, i) => {
    if (!unitCodes.has(p.unitCode))
      out.push({
        path: `data/centres.json: intakePoints[${i}].unitCode`,
        message: `đơn vị ${p.unitCode} không có trong units.json`,
      })
  })
  return out
}

/**
 * Problems between the catalogue and the jurisdiction: a province-level procedure must name an agency that exists
 * at province level; a commune-level procedure's agency kind must exist in every unit, or a dossier filed for some
 * unit could not be routed. `procedures[i]` is the index in the concatenated catalogue, shown with the code: `offset`
 * is where `catalogue` starts in it, when it is one file's part.
 */
export function catalogueProblems(j: Jurisdiction, catalogue: Catalogue, offset = 0): Problem[] {
  const out: Problem[] = []
  const agencies = new Map(j.agencies.map((a) => [a.code, a]))
  catalogue.forEach((p, i) => {
    const at = `procedures[${offset + i}] (${p.code})`
    const { agencyCode, agencyKind, level } = p.authority
    if (agencyCode !== undefined) {
      const agency = agencies.get(agencyCode)
      if (agency === undefined)
        out.push({ path: `${at}.authority.agencyCode`, message: `cơ quan ${agencyCode} không có trong agencies.json` })
      else if (agency.kind !== agencyKind)
        out.push({
          path: `${at}.authority.agencyKind`,
          message: `cơ quan ${agencyCode} có kind "${agency.kind}", không phải "${agencyKind}"`,
        })
    } else if (level === "province") {
      out.push({ path: `${at}.authority.agencyCode`, message: "thủ tục cấp tỉnh phải ghi mã cơ quan có thẩm quyền" })
    }
    if (level === "commune") {
      const unitsWithKind = new Set(j.agencies.filter((a) => a.kind === agencyKind).map((a) => a.unitCode))
      const missing = j.units.filter((u) => !unitsWithKind.has(u.code))
      if (missing.length > 0)
        out.push({
          path: `${at}.authority.agencyKind`,
          message: `không có cơ quan kind "${agencyKind}" ở ${missing.length} đơn vị (ví dụ ${missing[0]?.code})`,
        })
    }
  })
  return out
}
