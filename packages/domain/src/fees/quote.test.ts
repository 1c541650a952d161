import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Procedure } from "../catalogue/schema.ts"
import { feeItem, procedureWithFees } from "./fixtures.test-support.ts"
import { afterReduction, percentOf } from "./money.ts"
import { FeeQuote, type FeeQuoteLine, quoteFees } from "./quote.ts"
import { FeeQuoteRequest } from "./request.ts"

const residence = procedureWithFees([
  feeItem({
    id: "registration",
    amount: { type: "flat", amount: 20_000 },
    byChannel: [{ channel: "online", amount: { type: "flat", amount: 10_000 } }],
    exemptions: [
      { category: "poor-household", reductionPercent: 100, legalBasis: "Điều 4 Thông tư 85/2019/TT-BTC" },
      { category: "ethnic-minority-hardship-area", reductionPercent: 50, legalBasis: "Nghị quyết HĐND tỉnh" },
    ],
  }),
])

const ok = <A, E>(r: Result.Result<A, E>): A => {
  if (Result.isFailure(r)) throw new Error(`expected success, got ${String(r.failure)}`)
  return r.success
}
const err = <A, E>(r: Result.Result<A, E>): E => {
  if (Result.isSuccess(r)) throw new Error(`expected failure, got ${JSON.stringify(r.success)}`)
  return r.failure
}
const only = (lines: ReadonlyArray<FeeQuoteLine>): FeeQuoteLine => {
  expect(lines).toHaveLength(1)
  return lines[0] as FeeQuoteLine
}

describe("the test fixture", () => {
  it("is a valid catalogue procedure", () => {
    expect(Schema.decodeUnknownExit(Procedure)(residence)._tag).toBe("Success")
  })
})

describe("flat amounts and channels", () => {
  it("charges the counter amount at the counter and the online amount online", () => {
    const counter = ok(quoteFees(residence, { channel: "counter" }))
    const online = ok(quoteFees(residence, { channel: "online" }))
    expect(only(counter.lines).amount).toBe(20_000)
    expect(only(online.lines).amount).toBe(10_000)
    expect(only(online.lines).rule.text).toContain("10.000 đồng")
    expect(only(online.lines).rule.text).toContain("nộp trực tuyến")
    expect(only(online.lines).rule.legalBasis).toBe("Thông tư 85/2019/TT-BTC")
    expect(online.total).toBe(10_000)
  })

  it("uses the base amount for a channel without its own amount", () => {
    expect(ok(quoteFees(residence, { channel: "post" })).total).toBe(20_000)
  })

  it("refuses a channel the procedure does not take, naming the allowed ones", () => {
    const counterOnly = procedureWithFees(residence.fees, { channels: ["counter"] })
    const e = err(quoteFees(counterOnly, { channel: "online" }))
    expect(e._tag).toBe("ChannelNotAllowed")
    expect(e.message).toContain("online")
    expect(e.message).toContain("counter")
  })
})

describe("exemptions and reductions", () => {
  it("exempts in full with the legal basis of the exemption", () => {
    const line = only(ok(quoteFees(residence, { channel: "counter", applicantCategories: ["poor-household"] })).lines)
    expect(line).toMatchObject({ gross: 20_000, reduction: 20_000, amount: 0 })
    expect(line.exemption).toEqual({
      category: "poor-household",
      reductionPercent: 100,
      legalBasis: "Điều 4 Thông tư 85/2019/TT-BTC",
    })
    expect(line.rule.text).toContain("miễn")
  })

  it("applies the largest reduction, not the sum, when several apply", () => {
    const line = only(
      ok(
        quoteFees(residence, {
          channel: "counter",
          applicantCategories: ["ethnic-minority-hardship-area", "poor-household"],
        }),
      ).lines,
    )
    expect(line.amount).toBe(0)
    expect(line.exemption?.category).toBe("poor-household")
  })

  it("refuses categories the procedure has no exemption for, naming them and the ones it has", () => {
    const refused = quoteFees(residence, { channel: "counter", applicantCategories: ["poor-household", "veteran"] })
    expect(
      Result.isFailure(refused) && refused.failure._tag === "UnknownExemptionCategory" && refused.failure.unknown,
    ).toEqual([{ index: 1, category: "veteran" }])
    expect(Result.isFailure(refused) && refused.failure.message).toContain("poor-household")
  })

  it("rounds the amount owed half up and gives the rest as the reduction", () => {
    expect(afterReduction(5_001, 50)).toEqual({ amount: 2_501, reduction: 2_500 })
    expect(afterReduction(5_000, 50)).toEqual({ amount: 2_500, reduction: 2_500 })
    expect(afterReduction(3, 33)).toEqual({ amount: 2, reduction: 1 })
    expect(afterReduction(7, 100)).toEqual({ amount: 0, reduction: 7 })
  })

  it("computes percentages exactly, without binary floating-point drift", () => {
    // 0.1 % of 1,234,500 is exactly 1,234.5 → 1,235; floating point gives 1234.4999…
    expect(percentOf(1_234_500, 0.1)).toBe(1_235)
    expect(percentOf(1_000, 0.5)).toBe(5)
    expect(percentOf(999, 0.05)).toBe(0)
    expect(percentOf(1_000_000, 1e-7)).toBe(0)
    expect(percentOf(0, 12.5)).toBe(0)
  })
})

describe("per-unit amounts", () => {
  const extracts = procedureWithFees([
    feeItem({
      id: "copies",
      kind: "fee",
      amount: { type: "per-unit", per: "copy", amount: 3_000, included: 1, base: 8_000, max: 50_000 },
    }),
  ])

  it("charges the base for the included units and the unit amount beyond", () => {
    const q = (copy: number) => only(ok(quoteFees(extracts, { channel: "counter", quantities: { copy } })).lines)
    expect(q(1)).toMatchObject({ quantity: 1, unitAmount: 3_000, gross: 8_000, amount: 8_000 })
    expect(q(4).amount).toBe(8_000 + 3 * 3_000)
    expect(q(0).amount).toBe(0)
    expect(q(4).rule.text).toContain("4 bản")
  })

  it("says when the first units are free", () => {
    const free = procedureWithFees([
      feeItem({ id: "extra", amount: { type: "per-unit", per: "certificate", amount: 5_000, included: 2 } }),
    ])
    const line = only(ok(quoteFees(free, { channel: "counter", quantities: { certificate: 3 } })).lines)
    expect(line.amount).toBe(5_000)
    expect(line.rule.text).toContain("không thu 2 giấy chứng nhận đầu")
    expect(line.rule.textEn).toContain("the first 2 certificates free")
  })

  it("respects the maximum", () => {
    const line = only(ok(quoteFees(extracts, { channel: "counter", quantities: { copy: 100 } })).lines)
    expect(line.amount).toBe(50_000)
    expect(line.rule.text).toContain("tối đa 50.000 đồng")
  })

  it("says which item needs which count when it is missing", () => {
    const e = err(quoteFees(extracts, { channel: "counter", quantities: { page: 3 } }))
    expect(e._tag).toBe("MissingFeeInput")
    if (e._tag !== "MissingFeeInput") return
    expect(e.missing).toEqual([{ itemId: "copies", input: "quantities.copy" }])
    expect(e.message).toContain("quantities.copy")
  })
})

describe("per-unit amounts with steps", () => {
  // Circular 226/2016/TT-BTC, copy certification: 2,000 đ/page for pages 1–2, 1,000 đ/page from page 3, at most
  // 200,000 đ per copy, pages counted on the original.
  const certification = procedureWithFees([
    feeItem({
      id: "copy-fee",
      kind: "fee",
      amount: {
        type: "per-unit",
        per: "page",
        amount: 1_000,
        steps: [{ upToUnits: 2, amount: 2_000 }],
        max: 200_000,
        each: "copy",
      },
    }),
  ])
  const line = (page: number, copy: number) =>
    only(ok(quoteFees(certification, { channel: "counter", quantities: { page, copy } })).lines)

  it("charges the step price up to its bound and the unit amount beyond", () => {
    expect(line(1, 1).amount).toBe(2_000)
    expect(line(2, 1).amount).toBe(4_000)
    expect(line(3, 1).amount).toBe(5_000)
    expect(line(10, 1).amount).toBe(4_000 + 8 * 1_000)
    expect(line(0, 1).amount).toBe(0)
  })

  it("caps each copy at the maximum and multiplies by the number of copies", () => {
    expect(line(198, 1).amount).toBe(200_000) // 4,000 + 196 × 1,000
    expect(line(199, 1).amount).toBe(200_000)
    expect(line(500, 3).amount).toBe(600_000)
    expect(line(10, 3).amount).toBe(3 * 12_000)
    expect(line(10, 0).amount).toBe(0)
  })

  it("explains the steps, the cap per copy and the number of copies", () => {
    const l = line(3, 2)
    expect(l.quantity).toBe(3)
    expect(l.unitAmount).toBeUndefined()
    expect(l.rule.text).toContain("2.000 đồng/trang đến trang thứ 2")
    expect(l.rule.text).toContain("từ trang thứ 3: 1.000 đồng/trang")
    expect(l.rule.text).toContain("tối đa 200.000 đồng/bản")
    expect(l.rule.text).toContain("× 2 bản")
    expect(l.rule.textEn).toContain("at most 200,000")
    expect(l.rule.textEn).toContain("× 2 copies")
  })

  it("names both counts when both are missing", () => {
    const e = err(quoteFees(certification, { channel: "counter" }))
    expect(e._tag === "MissingFeeInput" && e.missing).toEqual([
      { itemId: "copy-fee", input: "quantities.page" },
      { itemId: "copy-fee", input: "quantities.copy" },
    ])
  })

  it("lets steps start after the included units", () => {
    const rule = procedureWithFees([
      feeItem({
        id: "pages",
        amount: {
          type: "per-unit",
          per: "page",
          amount: 100,
          included: 1,
          base: 500,
          steps: [{ upToUnits: 3, amount: 300 }],
        },
      }),
    ])
    const at = (page: number) => ok(quoteFees(rule, { channel: "counter", quantities: { page } })).total
    expect([at(1), at(2), at(3), at(4), at(5)]).toEqual([500, 800, 1_100, 1_200, 1_300])
  })

  it("rejects a rule that counts a unit for each of itself", () => {
    const bad = procedureWithFees([
      feeItem({ id: "x", amount: { type: "per-unit", per: "copy", amount: 1, each: "copy" } }),
    ])
    const e = err(quoteFees(bad, { channel: "counter", quantities: { copy: 1 } }))
    expect(e._tag).toBe("UnusableFeeRule")
    expect(e.message).toContain('"x"')
  })

  it("rejects steps whose bounds do not increase, saying where", () => {
    const steps = [
      { upToUnits: 3, amount: 2_000 },
      { upToUnits: 3, amount: 1_500 },
    ]
    const bad = procedureWithFees([
      feeItem({ id: "x", amount: { type: "per-unit", per: "page", amount: 1_000, steps } }),
    ])
    const exit = Schema.decodeUnknownExit(Procedure)(bad)
    expect(exit._tag).toBe("Failure")
    expect(String(exit)).toContain("upToUnits")
    expect(String(exit)).toContain("greater than the previous step's 3")
  })
})

describe("tiered amounts", () => {
  // Bracket selection: the tier that contains the value; its rate applies to the whole value, up to its cap.
  const registration = procedureWithFees([
    feeItem({
      id: "registration-by-value",
      amount: {
        type: "tiered",
        basis: "value",
        tiers: [
          { ratePercent: 0.1, cap: 5_000_000 }, // open-ended, listed first on purpose: tiers are sorted by upTo
          { upTo: 50_000_000, amount: 100_000 },
          { upTo: 200_000_000, amount: 50_000, ratePercent: 0.2 },
        ],
      },
    }),
    feeItem({
      id: "survey-by-area",
      kind: "fee",
      due: "before-result",
      amount: {
        type: "tiered",
        basis: "area",
        tiers: [
          { upTo: 100, amount: 200_000 },
          { upTo: 500, amount: 400_000 },
        ],
      },
    }),
  ])
  const quote = (declaredValue: number, area = 50) =>
    ok(quoteFees(registration, { channel: "counter", declaredValue, area }))
  const byValue = (declaredValue: number) => quote(declaredValue).lines[0] as FeeQuoteLine

  it("picks the bracket that contains the value, upper bounds included", () => {
    expect(byValue(10_000_000).amount).toBe(100_000)
    expect(byValue(50_000_000).amount).toBe(100_000)
    expect(byValue(50_000_001).amount).toBe(50_000 + 100_000) // 0.2 % of 50,000,001 = 100,000.002 → 100,000
    expect(byValue(100_000_000).amount).toBe(50_000 + 200_000)
  })

  it("applies the rate of the open-ended bracket to the whole value, up to the cap", () => {
    expect(byValue(300_000_000).amount).toBe(300_000)
    expect(byValue(10_000_000_000).amount).toBe(5_000_000)
    expect(byValue(300_000_000).rule.text).toContain("bậc trên 200.000.000 đồng")
    expect(byValue(300_000_000).basis).toEqual({ kind: "value", value: 300_000_000 })
  })

  it("tiers by area, and sums per due moment", () => {
    const q = quote(10_000_000, 250)
    expect(q.lines[1]?.amount).toBe(400_000)
    expect(q.byDue).toEqual({ "at-intake": 100_000, "before-processing": 0, "before-result": 400_000 })
    expect(q.totalFees).toBe(400_000)
    expect(q.totalCharges).toBe(100_000)
    expect(q.total).toBe(500_000)
  })

  it("reports every missing basis at once", () => {
    const e = err(quoteFees(registration, { channel: "counter" }))
    expect(e._tag === "MissingFeeInput" && e.missing).toEqual([
      { itemId: "registration-by-value", input: "declaredValue" },
      { itemId: "survey-by-area", input: "area" },
    ])
  })

  it("rejects an area beyond the last closed tier as a data problem", () => {
    const e = err(quoteFees(registration, { channel: "counter", declaredValue: 1, area: 501 }))
    expect(e._tag).toBe("UnusableFeeRule")
    expect(e.message).toContain("survey-by-area")
  })

  it("rejects a percentage of an area", () => {
    const bad = procedureWithFees([
      feeItem({ id: "x", amount: { type: "tiered", basis: "area", tiers: [{ ratePercent: 1 }] } }),
    ])
    expect(err(quoteFees(bad, { channel: "counter", area: 10 }))._tag).toBe("UnusableFeeRule")
  })
})

describe("variants", () => {
  const late = procedureWithFees(residence.fees, {
    variants: [
      {
        id: "late",
        name: "Đăng ký quá hạn",
        fees: [feeItem({ id: "late-registration", amount: { type: "flat", amount: 30_000 } })],
      },
    ],
  })

  it("uses the variant's fees", () => {
    const q = ok(quoteFees(late, { channel: "counter", variantId: "late" }))
    expect(q.lines.map((l) => [l.itemId, l.amount])).toEqual([["late-registration", 30_000]])
    expect(q.variantId).toBe("late")
  })

  it("fails on an unknown variant, naming it", () => {
    const e = err(quoteFees(late, { channel: "counter", variantId: "early" }))
    expect(e._tag).toBe("UnknownVariant")
    expect(e.message).toContain("early")
  })
})

describe("schemas", () => {
  it("validates requests", () => {
    const decode = Schema.decodeUnknownExit(FeeQuoteRequest)
    expect(decode({ channel: "online", quantities: { copy: 2 }, applicantCategories: ["child"] })._tag).toBe("Success")
    expect(decode({ channel: "fax" })._tag).toBe("Failure")
    expect(decode({ channel: "online", quantities: { copy: -1 } })._tag).toBe("Failure")
    expect(decode({ channel: "online", quantities: { copy: 1.5 } })._tag).toBe("Failure")
  })

  it("accepts the quotes quoteFees makes and rejects totals that do not add up", () => {
    const q = ok(quoteFees(residence, { channel: "counter" }))
    expect(Schema.decodeUnknownExit(FeeQuote)(q)._tag).toBe("Success")
    expect(Schema.decodeUnknownExit(FeeQuote)({ ...q, total: q.total + 1 })._tag).toBe("Failure")
  })
})
