import { type DossierSummary, validateSummary } from "@motcua/application"
import { Effect, Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { plainlyValidSummary } from "./summary.ts"

const valid: DossierSummary = {
  statusCode: 4,
  state: "processing.appraisal",
  procedureCode: "1.004222",
  agencyCode: "000.00.22.H49",
  unitCode: null,
  currentRole: "specialist",
  dueAt: "2026-11-25T10:00:00.000Z",
  appointmentAt: null,
  feeTotal: 50_000,
}

/** What the Schema decides: the decoded summary, or undefined when it refuses the input. */
const bySchema = (input: unknown): DossierSummary | undefined => {
  const result = Effect.runSync(Effect.result(validateSummary(input, "X")))
  return Result.isSuccess(result) ? result.success : undefined
}

// Values near every rule's edge, for each field, and some of the wrong type.
const anyValue = fc.oneof(
  fc.constantFrom(null, undefined, "", "x", "2026-11-25T10:00:00.000Z", "2026-11-25T10:00:00Z", 0, 1, 10, 11, -1),
  fc.constantFrom(1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, -0, "4", true, [], {}),
  fc.integer({ min: -3, max: 13 }),
  fc.string({ maxLength: 3 }),
)
const field = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: anyValue })
const text = fc.string({ minLength: 1, maxLength: 12 })
const instant = fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms).toISOString())
const candidate = fc.record({
  statusCode: field(fc.integer({ min: 1, max: 10 })),
  state: field(text),
  procedureCode: field(text),
  agencyCode: field(text),
  unitCode: field(fc.option(text, { nil: null })),
  currentRole: field(fc.option(text, { nil: null })),
  dueAt: field(fc.option(instant, { nil: null })),
  appointmentAt: field(fc.option(instant, { nil: null })),
  feeTotal: field(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
  extra: fc.option(fc.string(), { nil: undefined }),
})

describe("plainlyValidSummary (the fast path before the Schema)", () => {
  it("accepts only what the Schema accepts, and gives the same value", () => {
    fc.assert(
      fc.property(candidate, (input) => {
        const plain = plainlyValidSummary(input)
        if (plain !== undefined) expect(plain).toEqual(bySchema(input))
      }),
      { numRuns: 5000 },
    )
  })

  it("recognises valid summaries (so they skip the Schema), without their extra fields", () => {
    expect(plainlyValidSummary(valid)).toEqual(valid)
    expect(plainlyValidSummary({ ...valid, extra: 1 })).toEqual(valid)
    expect(plainlyValidSummary({ ...valid, unitCode: "22.H49.06", appointmentAt: "2026-11-30T10:00:00.000Z" })).toEqual(
      bySchema({ ...valid, unitCode: "22.H49.06", appointmentAt: "2026-11-30T10:00:00.000Z" }),
    )
  })

  it("leaves every broken rule to the Schema", () => {
    const broken: ReadonlyArray<Partial<Record<keyof DossierSummary, unknown>>> = [
      { statusCode: 0 },
      { statusCode: 11 },
      { statusCode: 2.5 },
      { statusCode: "4" },
      { state: "" },
      { procedureCode: 1 },
      { agencyCode: undefined },
      { unitCode: "" },
      { currentRole: 7 },
      { dueAt: "2026-11-25T10:00:00Z" },
      { appointmentAt: "25/11/2026" },
      { feeTotal: -1 },
      { feeTotal: 12.5 },
      { feeTotal: 2 ** 53 },
      { feeTotal: Number.NaN },
    ]
    for (const change of broken) {
      const input = { ...valid, ...change }
      expect(plainlyValidSummary(input), JSON.stringify(change)).toBeUndefined()
      expect(bySchema(input), JSON.stringify(change)).toBeUndefined()
    }
    for (const input of [null, undefined, "summary", [valid], 42]) expect(plainlyValidSummary(input)).toBeUndefined()
  })
})
