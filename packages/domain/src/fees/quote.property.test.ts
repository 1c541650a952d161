import { fc, test } from "@fast-check/vitest"
import { Result } from "effect"
import { describe, expect } from "vitest"
import type { FeeAmount, FeeItem } from "../catalogue/schema.ts"
import { feeItem, procedureWithFees } from "./fixtures.test-support.ts"
import { quoteFees } from "./quote.ts"
import type { FeeQuoteRequest } from "./request.ts"

const UNITS = ["copy", "page", "item", "certificate", "person", "vehicle"] as const
const dong = fc.integer({ min: 0, max: 5_000_000 })
const rate = fc.constantFrom(0.05, 0.1, 0.2, 0.5, 1, 2, 12.5)

const flat = dong.map((amount): FeeAmount => ({ type: "flat", amount }))
// Steps: increasing bounds, each with its own price; `each` a unit other than the one counted.
const steps = fc
  .uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 4 })
  .chain((bounds) =>
    fc
      .array(dong, { minLength: bounds.length, maxLength: bounds.length })
      .map((prices) =>
        [...bounds].sort((a, b) => a - b).map((upToUnits, i) => ({ upToUnits, amount: prices[i] ?? 0 })),
      ),
  )
const perUnit = fc
  .record(
    {
      per: fc.constantFrom(...UNITS),
      amount: dong,
      included: fc.nat(5),
      base: dong,
      steps,
      max: dong,
      each: fc.constantFrom(...UNITS),
    },
    { requiredKeys: ["per", "amount"] },
  )
  .map(
    ({ each, ...r }): FeeAmount => ({
      type: "per-unit",
      ...r,
      ...(each === undefined || each === r.per ? {} : { each }),
    }),
  )
// Closed tiers with increasing bounds, then an open-ended one, so that every value has a bracket.
const tier = fc.record({ amount: dong, ratePercent: rate, cap: dong }, { requiredKeys: [] })
const tiered = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000_000 }), { maxLength: 4 }),
    fc.array(tier, { minLength: 5, maxLength: 5 }),
  )
  .map(([bounds, tiers]): FeeAmount => {
    const sorted = [...bounds].sort((a, b) => a - b)
    const withAmount = tiers.map((t) =>
      t.amount === undefined && t.ratePercent === undefined ? { ...t, amount: 0 } : t,
    )
    return {
      type: "tiered",
      basis: "value",
      tiers: [...sorted.map((upTo, i) => ({ ...withAmount[i], upTo })), withAmount[4] ?? { amount: 0 }],
    }
  })
const amount = fc.oneof(flat, perUnit, tiered)

const exemption = fc.record({
  category: fc.constantFrom("poor-household", "child", "person-with-disability"),
  reductionPercent: fc.integer({ min: 1, max: 100 }),
  legalBasis: fc.constant("Nghị quyết HĐND tỉnh"),
})

const items = fc
  .array(
    fc.record({
      amount,
      kind: fc.constantFrom("fee" as const, "charge" as const),
      due: fc.constantFrom("at-intake" as const, "before-processing" as const, "before-result" as const),
      exemptions: fc.array(exemption, { maxLength: 3 }),
    }),
    { maxLength: 6 },
  )
  .map((rs): FeeItem[] => rs.map((r, i) => feeItem({ id: `item-${i}`, ...r })))

const request = fc.record({
  channel: fc.constantFrom("counter" as const, "online" as const, "post" as const),
  applicantCategories: fc.subarray(["poor-household", "child", "person-with-disability", "veteran"]),
  quantities: fc.record(
    Object.fromEntries(UNITS.map((u) => [u, fc.nat(50)])) as Record<(typeof UNITS)[number], fc.Arbitrary<number>>,
  ),
  declaredValue: fc.integer({ min: 0, max: 2_000_000_000 }),
})

/**
 * Quotes with the request's categories narrowed to those the generated fees have exemptions for: a category the
 * procedure does not know is refused (UnknownExemptionCategory, tested below), which these properties are not about.
 */
const quote = (fees: ReadonlyArray<FeeItem>, req: FeeQuoteRequest) => {
  const known = new Set(fees.flatMap((f) => f.exemptions.map((e) => e.category)))
  const categories = req.applicantCategories?.filter((c) => known.has(c))
  const { applicantCategories: _all, ...rest } = req
  const r = quoteFees(
    procedureWithFees(fees),
    categories === undefined ? rest : { ...rest, applicantCategories: categories },
  )
  if (Result.isFailure(r)) throw r.failure
  return r.success
}

/** The same rule with every amount, rate, cap and maximum scaled down: what "online is cheaper" means in data. */
function cheaper(a: FeeAmount, factor: number): FeeAmount {
  const f = (n: number) => Math.floor(n * factor)
  switch (a.type) {
    case "flat":
      return { ...a, amount: f(a.amount) }
    case "per-unit":
      return {
        ...a,
        amount: f(a.amount),
        ...(a.base === undefined ? {} : { base: f(a.base) }),
        ...(a.steps === undefined ? {} : { steps: a.steps.map((s) => ({ ...s, amount: f(s.amount) })) }),
        ...(a.max === undefined ? {} : { max: f(a.max) }),
      }
    case "tiered":
      return {
        ...a,
        tiers: a.tiers.map((t) => ({
          ...t,
          ...(t.amount === undefined ? {} : { amount: f(t.amount) }),
          ...(t.ratePercent === undefined ? {} : { ratePercent: t.ratePercent * factor || t.ratePercent }),
          ...(t.cap === undefined ? {} : { cap: f(t.cap) }),
        })),
      }
  }
}

describe("fee quote properties", () => {
  test.prop([items, request])("the total is the sum of the lines, and no amount is negative", (fees, req) => {
    const q = quote(fees, req)
    const sum = q.lines.reduce((acc, l) => acc + l.amount, 0)
    expect(q.total).toBe(sum)
    expect(q.totalFees + q.totalCharges).toBe(sum)
    expect(q.byDue["at-intake"] + q.byDue["before-processing"] + q.byDue["before-result"]).toBe(sum)
    for (const l of q.lines) {
      expect(Number.isInteger(l.amount) && Number.isInteger(l.reduction) && Number.isInteger(l.gross)).toBe(true)
      expect(l.amount).toBeGreaterThanOrEqual(0)
      expect(l.reduction).toBeGreaterThanOrEqual(0)
      expect(l.amount + l.reduction).toBe(l.gross)
    }
  })

  test.prop([items, request, fc.double({ min: 0, max: 1, noNaN: true })])(
    "online costs no more than the counter when the online rules are the counter rules scaled down",
    (fees, req, factor) => {
      const withOnline = fees.map((item) => ({
        ...item,
        byChannel: [{ channel: "online" as const, amount: cheaper(item.amount, factor) }],
      }))
      const online = quote(withOnline, { ...req, channel: "online" })
      const counter = quote(withOnline, { ...req, channel: "counter" })
      expect(online.total).toBeLessThanOrEqual(counter.total)
      online.lines.forEach((l, i) => {
        expect(l.amount).toBeLessThanOrEqual(counter.lines[i]?.amount ?? -1)
      })
    },
  )

  test.prop([items, request])("a 100 % exemption the applicant qualifies for leaves nothing to pay", (fees, req) => {
    const exempt = fees.map((item) => ({
      ...item,
      exemptions: [
        ...item.exemptions,
        { category: "war-invalid", reductionPercent: 100, legalBasis: "Pháp lệnh 02/2020" },
      ],
    }))
    const q = quote(exempt, { ...req, applicantCategories: [...(req.applicantCategories ?? []), "war-invalid"] })
    for (const l of q.lines) expect(l.amount).toBe(0)
    expect(q.total).toBe(0)
  })

  test.prop([items, request])("a category no fee has an exemption for is refused, with its index", (fees, req) => {
    const r = quoteFees(procedureWithFees(fees), { ...req, applicantCategories: ["no-such-category"] })
    expect(Result.isFailure(r) && r.failure._tag === "UnknownExemptionCategory" && r.failure.unknown).toEqual([
      { index: 0, category: "no-such-category" },
    ])
  })

  test.prop([items, request])("the largest applicable reduction wins", (fees, req) => {
    const q = quote(fees, req)
    q.lines.forEach((l, i) => {
      const eligible = (fees[i]?.exemptions ?? []).filter((e) => req.applicantCategories?.includes(e.category))
      const best = Math.max(0, ...eligible.map((e) => e.reductionPercent))
      expect(l.exemption?.reductionPercent ?? 0).toBe(l.gross === 0 ? 0 : best)
    })
  })

  test.prop([perUnit, request, fc.nat(100), fc.nat(100)])(
    "a per-unit amount never falls when the count rises",
    (rule, req, a, b) => {
      if (rule.type !== "per-unit") return
      const fees = [feeItem({ id: "per-unit", amount: rule })]
      const at = (n: number) => quote(fees, { ...req, quantities: { ...req.quantities, [rule.per]: n } }).total
      const [low, high] = a <= b ? [a, b] : [b, a]
      expect(at(low)).toBeLessThanOrEqual(at(high))
      const times = rule.each === undefined ? 1 : (req.quantities?.[rule.each] ?? 0)
      if (rule.max !== undefined) expect(at(high)).toBeLessThanOrEqual(rule.max * times)
    },
  )

  test.prop([perUnit, request, fc.nat(100)])(
    "one step at the unit amount, or one covering only included units, is the flat per-unit formula",
    (rule, req, n) => {
      if (rule.type !== "per-unit") return
      const { steps: _, ...plain } = rule
      const included = plain.included ?? 0
      const quoted = (r: FeeAmount) =>
        quote([feeItem({ id: "x", amount: r })], { ...req, quantities: { ...req.quantities, [rule.per]: n } }).total
      // The flat formula of the module's doc comment, written out independently.
      const uncapped = n === 0 ? 0 : (plain.base ?? 0) + plain.amount * Math.max(0, n - included)
      const times = plain.each === undefined ? 1 : (req.quantities?.[plain.each] ?? 0)
      const flat = times * (plain.max === undefined ? uncapped : Math.min(uncapped, plain.max))
      expect(quoted(plain)).toBe(flat)
      expect(quoted({ ...plain, steps: [{ upToUnits: 1 + (n % 7), amount: plain.amount }] })).toBe(flat)
      if (included > 0) expect(quoted({ ...plain, steps: [{ upToUnits: included, amount: 999_999 }] })).toBe(flat)
    },
  )

  test.prop([perUnit, request, fc.nat(100)])(
    "with steps, each unit past the included ones costs the price of its step",
    (rule, req, n) => {
      if (rule.type !== "per-unit" || rule.max !== undefined || rule.each !== undefined) return
      const included = rule.included ?? 0
      const priceOf = (unit: number) => rule.steps?.find((s) => unit <= s.upToUnits)?.amount ?? rule.amount
      let expected = n === 0 ? 0 : (rule.base ?? 0)
      for (let unit = included + 1; unit <= n; unit++) expected += priceOf(unit)
      const q = quote([feeItem({ id: "x", amount: rule })], {
        ...req,
        quantities: { ...req.quantities, [rule.per]: n },
      })
      expect(q.total).toBe(expected)
    },
  )
})
