// The identity-card procedures (data/procedures/identity.json): first card from 14, card under 14, exchange and
// reissue, at the commune police. The charges are those of Circular 73/2024/TT-BTC, at 50 % until 31 December 2026
// (Circular 64/2025/TT-BTC) and in full from 1 January 2027 (a second version of each charged procedure); a first card,
// an exchange forced by the 2025 rearrangement of units and the exchanges at 25, 40 and 60 cost nothing.
import { procedureInForce, quoteFees } from "@motcua/domain"
import { Result } from "effect"
import { describe, expect, test } from "vitest"
import { loadCatalogue, loadQuangNinh } from "./index.ts"

const catalogue = Result.getOrThrow(loadCatalogue())
const on = (code: string, date: string) => Result.getOrThrow(procedureInForce(catalogue, code, date))
const total = (code: string, date: string, variantId?: string, applicantCategories?: string[]) =>
  Result.getOrThrow(
    quoteFees(on(code, date), {
      channel: "counter",
      ...(variantId === undefined ? {} : { variantId }),
      ...(applicantCategories === undefined ? {} : { applicantCategories }),
    }),
  ).total

describe("identity cards (thẻ căn cước)", () => {
  test("the four procedures are in force, handled by the commune police of every unit", () => {
    const { jurisdiction } = Result.getOrThrow(loadQuangNinh())
    for (const code of ["1.014061", "1.014062", "1.014063", "1.014064"]) {
      const p = on(code, "2026-12-04")
      expect(p.field.code).toBe("identity")
      expect(p.authority).toMatchObject({ level: "commune", agencyKind: "commune-police" })
      expect(p.statutoryTime).toEqual({ amount: 7, unit: "working-days" })
      for (const unit of jurisdiction.units)
        expect(jurisdiction.agencies.some((a) => a.kind === "commune-police" && a.unitCode === unit.code)).toBe(true)
    }
  })

  test("a first card (from 14 or under 14) costs nothing", () => {
    expect(total("1.014061", "2026-12-04")).toBe(0)
    expect(total("1.014062", "2026-12-04")).toBe(0)
  })

  test("exchange and reissue cost half of Circular 73/2024 until the end of 2026, the full charge after", () => {
    expect(total("1.014063", "2026-12-31")).toBe(25_000)
    expect(total("1.014063", "2026-12-31", "tu-cccd")).toBe(15_000)
    expect(total("1.014064", "2025-07-01")).toBe(35_000)
    expect(total("1.014063", "2027-01-01")).toBe(50_000)
    expect(total("1.014063", "2027-01-01", "tu-cccd")).toBe(30_000)
    expect(total("1.014064", "2027-01-01")).toBe(70_000)
  })

  test("an exchange forced by the rearrangement of units, an exchange at 25, 40 or 60, and exempted applicants, pay nothing", () => {
    expect(total("1.014063", "2026-12-04", "sap-xep-don-vi-hanh-chinh")).toBe(0)
    // Luật Căn cước 2023, Điều 38: the exchanges the law requires at those ages cost nothing, in either version.
    expect(total("1.014063", "2026-12-04", "du-tuoi")).toBe(0)
    expect(total("1.014063", "2027-01-01", "du-tuoi")).toBe(0)
    expect(total("1.014064", "2026-12-04", undefined, ["poor-household"])).toBe(0)
    expect(total("1.014063", "2027-01-01", undefined, ["border-or-island-resident"])).toBe(0)
  })

  test("every charge says what in it is unverified", () => {
    for (const p of catalogue.filter((x) => x.field.code === "identity"))
      for (const f of [...p.fees, ...p.variants.flatMap((v) => v.fees ?? [])])
        expect(f.unverified, `${p.code} ${p.effectiveFrom} ${f.id}`).toBeDefined()
  })
})
