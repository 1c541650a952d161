// The plain filing-body check accepts only what FilingBody's Schema accepts (decoded as the API decodes bodies: every
// problem, excess properties refused) and returns what the Schema's decoding returns, fields in the same order.
import { decodeAll } from "@motcua/domain"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { FilingBody } from "./dossiers.ts"
import { PLAIN_FILING_FIELDS, plainFilingBody } from "./filing-body.ts"

const decode = (input: unknown) => decodeAll(FilingBody, input, "Nội dung yêu cầu", "body", { unknownFields: "error" })

/** A valid value most of the time, sometimes anything at all (a mutation). */
const mostly = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 40, arbitrary: valid }, { weight: 1, arbitrary: fc.anything() })
/** Strings around a length bound (0, 1, the bound, one over). */
const sized = (max: number) =>
  fc.oneof(
    { weight: 20, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom("", "x".repeat(max), "y".repeat(max + 1), "Nguyễn Văn An", "\u0000") },
  )
const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`))
const code = fc.oneof(
  { weight: 10, arbitrary: digits(1).chain((a) => digits(6).map((b) => `${a}.${b}`)) },
  { weight: 1, arbitrary: fc.constantFrom("1.004222", "1.00422", "1.0042222", "x.004222", "1.004222\n") },
)
const extra = fc.dictionary(fc.constantFrom("other", "__proto__", "papers", "fees", "constructor"), fc.anything(), {
  maxKeys: 1,
})
const withExtra = <T extends object>(base: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 30, arbitrary: base },
    { weight: 1, arbitrary: fc.tuple(base, extra).map(([b, e]) => ({ ...b, ...e })) },
  )

const applicant = withExtra(
  fc.record(
    {
      id: mostly(sized(200)),
      name: mostly(sized(200)),
      kind: mostly(fc.constantFrom("citizen", "business", "Citizen")),
      address: mostly(sized(200)),
      phone: mostly(sized(20)),
      email: mostly(sized(20)),
    },
    { requiredKeys: ["id", "name", "kind"] },
  ),
)
const document = withExtra(
  fc.record(
    { id: mostly(sized(50)), fromEWallet: mostly(fc.boolean()), digitised: fc.boolean(), reused: fc.boolean() },
    { requiredKeys: ["id"] },
  ),
)
const body = withExtra(
  fc.record(
    {
      procedureCode: mostly(code),
      variantId: mostly(sized(200)),
      applicant: mostly(applicant),
      residence: mostly(
        withExtra(
          fc.record(
            {
              provinceCode: mostly(
                fc.oneof(
                  { weight: 10, arbitrary: digits(2) },
                  { weight: 1, arbitrary: fc.constantFrom("2", "222", "2a") },
                ),
              ),
              unitCode: digits(5),
            },
            { requiredKeys: ["provinceCode"] },
          ),
        ),
      ),
      subjectUnitCode: mostly(
        fc.oneof(
          { weight: 10, arbitrary: digits(5) },
          { weight: 1, arbitrary: fc.constantFrom("0668", "066851", "06685 ") },
        ),
      ),
      summary: mostly(sized(2000)),
      documents: mostly(fc.array(document, { maxLength: 4 })),
      attachmentIds: mostly(
        fc.oneof(
          { weight: 10, arbitrary: fc.array(sized(200), { maxLength: 3 }) },
          { weight: 1, arbitrary: fc.constant(Array(101).fill("a")) },
        ),
      ),
      intakePointId: mostly(sized(200)),
    },
    { requiredKeys: ["procedureCode", "applicant", "residence", "documents"] },
  ),
)

describe("plainFilingBody", () => {
  it("knows FilingBody's fields in the Schema's order", () => {
    const order = Object.keys(FilingBody.fields)
    const positions = PLAIN_FILING_FIELDS.map((field) => order.indexOf(field))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it("accepts only what the Schema accepts, and returns what it decodes (same fields, same order)", () => {
    let accepted = 0
    let runs = 0
    fc.assert(
      fc.property(body, (input) => {
        runs += 1
        // the API hands both what JSON.parse gives: plain data
        const json = JSON.parse(JSON.stringify(input) ?? "null") as unknown
        const plain = plainFilingBody(json)
        if (plain === undefined) return
        accepted += 1
        const decoded = decode(json)
        expect(decoded._tag).toBe("Success")
        if (decoded._tag !== "Success") return
        expect(plain).toStrictEqual(decoded.success)
        expect(JSON.stringify(plain)).toBe(JSON.stringify(decoded.success))
        expect(plain).not.toBe(json)
      }),
      { numRuns: 5_000 },
    )
    // the check is worth having only if it takes the usual body: most unmutated ones
    expect(accepted).toBeGreaterThan(runs / 10)
  })

  it("takes the usual online filing, and leaves every other field to the Schema", () => {
    const usual = {
      procedureCode: "1.004222",
      applicant: { id: "022090001234", name: "Nguyễn Văn An", kind: "citizen", phone: "0912345678" },
      residence: { provinceCode: "22", unitCode: "06685" },
      subjectUnitCode: "06685",
      summary: "Đăng ký thường trú",
      documents: [{ id: "ct01" }, { id: "cho-o-hop-phap", digitised: true }],
    }
    expect(plainFilingBody(usual)).toStrictEqual((decode(usual) as { success: unknown }).success)
    expect(plainFilingBody({ ...usual, quantities: { copies: 2 } })).toBeUndefined()
    expect(plainFilingBody({ ...usual, summary: undefined })).toBeUndefined()
    expect(plainFilingBody({ ...usual, applicant: { ...usual.applicant, age: 30 } })).toBeUndefined()
    expect(plainFilingBody({ ...usual, documents: [{ id: "" }] })).toBeUndefined()
    expect(plainFilingBody({ ...usual, procedureCode: "1.04222" })).toBeUndefined()
  })
})
