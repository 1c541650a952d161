// Checks the procedure files for labour & social affairs, education, health, transport and justice: each decodes
// against the domain's Procedure schema with no problem, and together they cover both levels and enough fields.
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { decodeCatalogue, durationInHours, type Procedure } from "@motcua/domain"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const DIR = join(import.meta.dirname, "..", "data", "procedures")
const FILES = ["labour-social.json", "education.json", "health.json", "transport.json", "justice.json"] as const

function decodeFile(file: string): Procedure[] {
  const decoded = decodeCatalogue(JSON.parse(readFileSync(join(DIR, file), "utf8")), `data/procedures/${file}`)
  if (Result.isFailure(decoded)) throw new Error(decoded.failure.message)
  return [...decoded.success]
}

describe("procedure files: labour-social, education, health, transport, justice", () => {
  const byFile = new Map(FILES.map((f) => [f, decodeFile(f)] as const))
  const all = [...byFile.values()].flat()

  it.each(FILES)("%s decodes with no problem and has at least 3 procedures of its own field", (file) => {
    const procedures = byFile.get(file) ?? []
    expect(procedures.length).toBeGreaterThanOrEqual(3)
    const field = file.replace(/\.json$/, "")
    expect(procedures.every((p) => p.field.code === field)).toBe(true)
  })

  it("has at least 20 procedures across the 5 fields, at both levels", () => {
    expect(all.length).toBeGreaterThanOrEqual(20)
    expect(new Set(all.map((p) => p.field.code)).size).toBe(5)
    expect(new Set(all.map((p) => p.authority.level))).toEqual(new Set(["province", "commune"]))
  })

  it("names an agency for every province-level procedure and none for commune-level ones", () => {
    for (const p of all) {
      if (p.authority.level === "province") expect(p.authority.agencyCode, p.code).toBeDefined()
      else expect(p.authority.agencyKind, p.code).toBe("commune-people-committee")
    }
  })

  it("gives every fee line a legal basis", () => {
    for (const p of all) {
      for (const f of [...p.fees, ...p.variants.flatMap((v) => v.fees ?? [])])
        expect(f.legalBasis.trim(), `${p.code} ${f.id}`).not.toBe("")
    }
  })

  it("has step allowances that add up to the provincial time", () => {
    for (const p of all) {
      const total = p.process.reduce((sum, s) => sum + durationInHours(s.allowance), 0)
      expect(total, p.code).toBeCloseTo(durationInHours(p.provincialTime), 9)
    }
  })

  it("has no national code twice in force at once", () => {
    const decoded = decodeCatalogue(all, "procedures-b")
    expect(Result.isSuccess(decoded) ? [] : decoded.failure.problems).toEqual([])
  })
})
