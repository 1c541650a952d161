import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { formerUnitProblems, loadFormerUnits } from "./former-units.ts"
import { loadQuangNinh } from "./index.ts"

describe("former-units.json (names before the July 2025 arrangement)", () => {
  const data = Result.getOrThrow(loadQuangNinh())
  const file = Result.getOrThrow(loadFormerUnits())
  it("decodes, names its source, and maps every old name to units of units.json", () => {
    expect(file.source).toContain("1679/NQ-UBTVQH15")
    expect(file.formerUnits.length).toBeGreaterThan(20)
    expect(formerUnitProblems(file, new Set(data.jurisdiction.units.map((u) => u.code)))).toEqual([])
  })
  it("reports an unknown unit code with its path", () => {
    const problems = formerUnitProblems(
      { source: "x", formerUnits: [{ name: "Xã A", unitCodes: ["99999"] }] },
      new Set(data.jurisdiction.units.map((u) => u.code)),
    )
    expect(problems).toEqual([
      { path: "former-units.json: formerUnits[0].unitCodes[0]", message: "no unit with code 99999 in units.json" },
    ])
  })
})
