// Arbitrary applicants: citizens with a well-formed CCCD number (province of birth registration, sex-and-century
// digit, year of birth), from this province or another, in categories that fees exempt.
import { birthProvinceCodes, taxCodeCheckDigit } from "@motcua/domain"
import fc from "fast-check"

export interface Applicant {
  readonly kind: "citizen" | "business"
  /** 12-digit citizen ID for citizens; 10-digit tax code for businesses. */
  readonly id: string
  readonly fullName: string
  readonly provinceCode: string
  /** The commune-level unit of residence, when in the deploying province. */
  readonly unitCode?: string
  /** Fee-exemption categories, e.g. `poor-household`. */
  readonly categories: ReadonlyArray<string>
}

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(""))

/** A CCCD number: province of birth registration (3), sex-and-century digit, year of birth (2), 6 random digits. */
export const arbCitizenId = fc
  .record({
    province: fc.constantFrom(...birthProvinceCodes),
    female: fc.boolean(),
    year: fc.integer({ min: 1930, max: 2025 }),
    rest: digits(6),
  })
  .map(({ province, female, year, rest }) => {
    const century = Math.floor((year - 1900) / 100) // 0 for 1900–1999, 1 for 2000–2099
    return `${province}${century * 2 + (female ? 1 : 0)}${String(year % 100).padStart(2, "0")}${rest}`
  })

/** An enterprise tax code: nine digits and their check digit (nine digits that admit none are moved by one). */
export const arbTaxCode = digits(9).map((nine) => {
  for (let n = Number(nine); ; n = (n + 1) % 1_000_000_000) {
    const candidate = String(n).padStart(9, "0")
    const check = taxCodeCheckDigit(candidate)
    if (check !== undefined) return `${candidate}${check}`
  }
})

/**
 * An applicant; `units` are the deploying province's unit codes (e.g. the 54 of Quảng Ninh) and `provinceCode`
 * its code. About one applicant in five comes from another province.
 */
export const arbApplicant = (provinceCode: string, units: ReadonlyArray<string>): fc.Arbitrary<Applicant> =>
  fc
    .record({
      kind: fc.constantFrom("citizen", "citizen", "citizen", "business") as fc.Arbitrary<"citizen" | "business">,
      citizenId: arbCitizenId,
      taxCode: arbTaxCode,
      name: fc.constantFrom(
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Lê Hoàng Cường",
        "Phạm Thu Dung",
        "Công ty TNHH Hạ Long",
      ),
      local: fc.integer({ min: 1, max: 5 }).map((n) => n > 1),
      unit: units.length > 0 ? fc.constantFrom(...units) : fc.constant(undefined),
      otherProvince: fc.integer({ min: 1, max: 96 }).map((p) => String(p).padStart(2, "0")),
      categories: fc.subarray(["poor-household", "ethnic-minority-hardship-area", "person-with-disability", "child"]),
    })
    .map((r): Applicant => {
      const base = {
        kind: r.kind,
        id: r.kind === "citizen" ? r.citizenId : r.taxCode,
        fullName: r.name,
        categories: r.categories,
      }
      return r.local && r.unit !== undefined
        ? { ...base, provinceCode, unitCode: r.unit }
        : { ...base, provinceCode: r.otherProvince === provinceCode ? "01" : r.otherProvince }
    })
