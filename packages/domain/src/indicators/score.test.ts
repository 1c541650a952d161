// Worked examples of decision-766.md's formulae, indicator by indicator, each threshold's edge and zero
// denominators; then properties: scores stay within [0, max], grow with the numerator (5.4: shrink), and a
// province is scored from its units' summed counts, never by averaging their scores.
import { fc, test } from "@fast-check/vitest"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { IndicatorInputError } from "./errors.ts"
import { type IndicatorId, indicatorGroups, indicatorIds } from "./ids.ts"
import { decodeIndicatorRules, descriptionRules, portalRules } from "./rules.ts"
import { type CountsById, index766, round2, scoreIndicator, sumCounts } from "./score.ts"

const f = (numerator: number, denominator: number) => ({ numerator, denominator })
const score = (id: IndicatorId, counts: Parameters<typeof scoreIndicator>[1], rules = portalRules) =>
  scoreIndicator(id, counts, rules).score

describe("the common rule: ratio × max, or with a threshold T: max at T and above, ratio × max / T below", () => {
  it("2.1 progress: 95 of 100 dossiers on time or within time → 0.95 × 20 = 19", () => {
    expect(scoreIndicator("2.1", f(95, 100))).toMatchObject({ ratio: 0.95, score: 19, max: 20, basis: "counts" })
  })
  it("1.1–1.4 transparency: plain ratio × max (6, 4, 2, 6)", () => {
    expect(score("1.1", f(9, 10))).toBe(5.4)
    expect(score("1.2", f(3, 4))).toBe(3)
    expect(score("1.3", f(1, 3))).toBe(0.67)
    expect(score("1.4", f(997, 1000))).toBe(5.98)
  })
  it("3.1 (T 80%, max 4): 79% → 3.95, 80% → 4, 100% → 4", () => {
    expect(score("3.1", f(79, 100))).toBe(3.95)
    expect(score("3.1", f(80, 100))).toBe(4)
    expect(score("3.1", f(100, 100))).toBe(4)
  })
  it("3.3 (T 50%, max 4) multiplies the online share by the sync ratio", () => {
    const online = (n: number, synced: number) => ({ ...f(n, 100), factor: f(synced, 100) })
    expect(score("3.3", online(40, 100))).toBe(3.2) // 0.4 × 4 / 0.5
    expect(score("3.3", online(50, 100))).toBe(4) // at the threshold
    expect(score("3.3", online(50, 90))).toBe(3.6) // 0.5 × 0.9 = 0.45 → 0.45 × 4 / 0.5
    expect(score("3.3", online(60, 90))).toBe(4) // 0.54 ≥ 0.5
    expect(scoreIndicator("3.3", online(40, 100)).ratio).toBeCloseTo(0.4, 12)
  })
  it("payment group (10): 3.6 6 × paid online / with a financial obligation; 3.5 and 3.5b 2 points at T 80%", () => {
    expect(score("3.6", f(45, 60))).toBe(4.5)
    expect(score("3.5", f(3, 4))).toBe(1.88) // 0.75 × 2 / 0.8 = 1.875 → 1.88 (half up)
    expect(score("3.5b", f(4, 5))).toBe(2)
  })
  it("digitisation (portal): min(max, max × ratio) without threshold, except 4.3 at 80%", () => {
    expect(score("4.1", f(50, 100))).toBe(3)
    expect(score("4.2", f(70, 100))).toBe(2.8)
    expect(score("4.3", f(40, 100))).toBe(1) // 0.4 × 2 / 0.8
    expect(score("4.3", f(80, 100))).toBe(2)
    expect(score("4.4", f(1, 4))).toBe(1)
    expect(score("4.5a", f(1, 2))).toBe(1)
    expect(score("4.5b", f(3, 4))).toBe(1.5)
    expect(score("4.6", f(9, 10))).toBe(1.8)
  })
  it("digitisation (description): 4.2 keeps its 80% threshold, 4.6 and 3.5b are not scored", () => {
    expect(score("4.2", f(70, 100), descriptionRules)).toBe(3.5) // 0.7 × 4 / 0.8
    expect(scoreIndicator("4.6", f(9, 10), descriptionRules)).toMatchObject({ score: 0, tracked: true })
    expect(scoreIndicator("3.5b", f(9, 10), descriptionRules)).toMatchObject({ score: 0, tracked: true })
  })
  it("5.2 and 5.3: petitions on time, and without 'not satisfied', a second petition or lateness", () => {
    expect(score("5.2", f(9, 10))).toBe(5.4)
    expect(score("5.3", f(7, 10))).toBe(4.2)
  })
  it("5.4 (T 90%, max 6): 100% − (late + petitioned or disliked) / received", () => {
    expect(scoreIndicator("5.4", f(3 + 4, 100))).toMatchObject({ ratio: 0.93, score: 6 })
    expect(score("5.4", f(10, 100))).toBe(6) // exactly 90%
    expect(score("5.4", f(15, 100))).toBe(5.67) // 0.85 × 6 / 0.9 = 5.666…
    expect(score("5.4", f(150, 100))).toBe(0) // never below 0
  })
  it("tracked indicators score 0 and keep their ratio uncapped: 2.2 average minutes, 5.1 classified", () => {
    expect(scoreIndicator("2.2", f(1234.5, 100))).toMatchObject({ ratio: 12.345, score: 0, tracked: true })
    expect(scoreIndicator("5.1", f(8, 10))).toMatchObject({ ratio: 0.8, score: 0, tracked: true })
  })
  it("a ratio above 1 (3.6 counts payments by another date) is capped at the maximum", () => {
    expect(scoreIndicator("3.6", f(7, 5))).toMatchObject({ ratio: 1, score: 6 })
  })
})

describe("zero denominators, as the document says", () => {
  it("2.1 gives 0 when nothing was received; 5.4 too", () => {
    expect(scoreIndicator("2.1", f(0, 0))).toMatchObject({ score: 0, ratio: null, basis: "no-denominator" })
    expect(score("5.4", f(0, 0))).toBe(0)
  })
  it("5.2 and 5.3 give the full 6 when there was no petition (portal); the description gives 5.3 nothing", () => {
    expect(score("5.2", f(0, 0))).toBe(6)
    expect(score("5.3", f(0, 0))).toBe(6)
    expect(score("5.2", f(0, 0), descriptionRules)).toBe(6)
    expect(score("5.3", f(0, 0), descriptionRules)).toBe(0)
  })
  it("1.4 takes the previous year's counts per period (/12 a month, /4 a quarter, itself a year)", () => {
    const month = scoreIndicator("1.4", { ...f(0, 0), previousYear: f(1200, 1300), periodsPerYear: 12 })
    expect(month).toMatchObject({ numerator: 100, basis: "previous-year", score: 5.54 }) // 6 × 12/13 = 5.538…
    expect(month.denominator).toBeCloseTo(108.333, 3)
    const quarter = scoreIndicator("1.4", { ...f(0, 0), previousYear: f(1200, 1300), periodsPerYear: 4 })
    expect(quarter).toMatchObject({ numerator: 300, denominator: 325, score: 5.54 })
    const year = scoreIndicator("1.4", { ...f(0, 0), previousYear: f(1200, 1300), periodsPerYear: 1 })
    expect(year).toMatchObject({ numerator: 1200, denominator: 1300, score: 5.54 })
  })
  it("1.4 without a previous year (or with an empty one) scores 0", () => {
    expect(score("1.4", { ...f(0, 0), periodsPerYear: 12 })).toBe(0)
    expect(score("1.4", { ...f(0, 0), previousYear: f(0, 0), periodsPerYear: 12 })).toBe(0)
  })
  it("1.4 with counts of its own ignores the previous year", () => {
    expect(scoreIndicator("1.4", { ...f(1, 2), previousYear: f(1200, 1300), periodsPerYear: 12 })).toMatchObject({
      score: 3,
      basis: "counts",
    })
  })
  it("others give 0 (our reading where the document is silent: a warning tool had better not flatter)", () => {
    for (const id of ["3.1", "3.2", "3.3", "3.5", "3.6", "4.1", "4.2", "4.3", "4.6"] as const)
      expect(score(id, f(0, 0))).toBe(0)
  })
})

describe("index766: six groups and the total", () => {
  const full: CountsById = Object.fromEntries(
    indicatorIds.map((id) => [id, id === "5.4" ? f(0, 10) : f(10, 10)]),
  ) as CountsById

  it("everything perfect scores 100 of 100 with the portal's rules, groups 18/20/12/10/22/18", () => {
    const index = index766(full)
    expect(index.total).toBe(100)
    expect(index.max).toBe(100)
    expect(index.groups.map((g) => [g.id, g.score, g.max])).toEqual([
      ["transparency", 18, 18],
      ["progress", 20, 20],
      ["online", 12, 12],
      ["payment", 10, 10],
      ["digitisation", 22, 22],
      ["satisfaction", 18, 18],
    ])
    expect(index.missing).toEqual([])
  })

  it("the description's reading has a 20-point digitisation group and an 8-point payment group", () => {
    const index = index766(full, descriptionRules)
    expect(index.groups.find((g) => g.id === "digitisation")?.max).toBe(20)
    expect(index.groups.find((g) => g.id === "payment")?.max).toBe(8)
    expect(index.total).toBe(96)
  })

  it("an indicator without counts is missing, and left out of its group's score", () => {
    const { "1.1": _, "4.5a": __, ...rest } = full
    const index = index766(rest)
    expect(index.missing).toEqual(["1.1", "4.5a"])
    expect(index.groups[0]).toMatchObject({ score: 12, max: 18, missing: ["1.1"] })
    expect(index.total).toBe(92)
  })

  it("groups are sums of the indicators' rounded scores, the total the sum of the groups'", () => {
    const index = index766({ "1.1": f(1, 3), "1.2": f(1, 3), "1.3": f(1, 3), "1.4": f(1, 3) })
    // 2, 1.33, 0.67, 2
    expect(index.groups[0]?.indicators.map((s) => s.score)).toEqual([2, 1.33, 0.67, 2])
    expect(index.groups[0]?.score).toBe(6)
    expect(index.total).toBe(6)
  })

  it("a province is scored from its units' summed counts, not by averaging their scores", () => {
    // Unit A: 1 dossier, on time. Unit B: 99 dossiers, none on time. Averaging the two scores would give 10.
    const a: CountsById = { "2.1": f(1, 1) }
    const b: CountsById = { "2.1": f(0, 99) }
    expect(index766(a).total).toBe(20)
    expect(index766(b).total).toBe(0)
    expect(index766(sumCounts([a, b])).total).toBe(0.2)
  })
})

describe("rules as data", () => {
  it("a province's file replaces whole rules over a base, and names itself", () => {
    const rules = Result.getOrThrow(
      decodeIndicatorRules({
        base: "portal",
        name: "Quảng Ninh 2026",
        indicators: { "3.1": { max: 6, whenNoDenominator: "zero" } },
      }),
    )
    expect(rules.name).toBe("Quảng Ninh 2026")
    expect(rules.indicators["3.1"]).toEqual({ max: 6, whenNoDenominator: "zero" })
    expect(rules.indicators["3.3"]).toEqual(portalRules.indicators["3.3"])
    expect(score("3.1", f(79, 100), rules)).toBe(4.74)
  })

  it("a bad file is refused with every problem and its path", () => {
    const decoded = decodeIndicatorRules({
      base: "national",
      indicators: { "3.1": { max: -1, whenNoDenominator: "zero" }, "9.9": { max: 1, whenNoDenominator: "zero" } },
    })
    expect(Result.isFailure(decoded)).toBe(true)
    const message = Result.isFailure(decoded) ? decoded.failure.message : ""
    expect(message).toContain("base")
    expect(message).toContain('indicators["3.1"].max')
    expect(message).toContain('indicators["9.9"]')
  })

  it("every group's indicators are covered by the rule sets", () => {
    for (const group of indicatorGroups)
      for (const id of group.indicators) {
        expect(portalRules.indicators[id]).toBeDefined()
        expect(descriptionRules.indicators[id]).toBeDefined()
      }
  })
})

describe("bad input gets a clear error: what, and where", () => {
  const thrown = (f: () => unknown) => {
    try {
      f()
    } catch (error) {
      return error
    }
    throw new Error("expected a throw")
  }
  it("a negative count", () => {
    const error = thrown(() => scoreIndicator("2.1", f(-1, 10)))
    expect(error).toBeInstanceOf(IndicatorInputError)
    expect((error as IndicatorInputError).where).toBe('scoreIndicator("2.1").counts.numerator')
    expect((error as IndicatorInputError).message).toContain("-1")
  })
  it("a count that is not a number, an unknown indicator, a bad period count", () => {
    expect((thrown(() => scoreIndicator("2.1", f(Number.NaN, 1))) as IndicatorInputError).where).toContain("numerator")
    expect((thrown(() => scoreIndicator("2.7" as IndicatorId, f(1, 1))) as IndicatorInputError).message).toContain(
      "unknown indicator",
    )
    expect(
      (thrown(() => scoreIndicator("1.4", { ...f(0, 0), periodsPerYear: 7 })) as IndicatorInputError).where,
    ).toContain("periodsPerYear")
    expect((thrown(() => index766({ "8.1": f(1, 1) } as CountsById)) as IndicatorInputError).where).toBe(
      "index766(countsById).8.1",
    )
  })
})

describe("rounding", () => {
  it("is half up on the decimal value", () => {
    expect(round2(1.005)).toBe(1.01)
    expect(round2(5.665)).toBe(5.67)
    expect(round2(4.444999)).toBe(4.44)
    expect(round2(0)).toBe(0)
  })
})

describe("properties", () => {
  const scoredIds = indicatorIds.filter((id) => portalRules.indicators[id].max > 0)
  const counts = fc
    .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }))
    .map(([a, b]) => f(Math.min(a, b), Math.max(a, b)))

  test.prop([fc.constantFrom(...indicatorIds), counts, fc.constantFrom(portalRules, descriptionRules)])(
    "a score lies in [0, max] and has at most two decimals",
    (id, c, rules) => {
      const s = scoreIndicator(id, { ...c, factor: f(c.denominator, c.denominator) }, rules)
      expect(s.score).toBeGreaterThanOrEqual(0)
      expect(s.score).toBeLessThanOrEqual(rules.indicators[id].max)
      expect(round2(s.score)).toBe(s.score)
    },
  )

  test.prop([fc.constantFrom(...scoredIds), counts, fc.integer({ min: 0, max: 10_000 })])(
    "monotone in the numerator (5.4, a complement, the other way)",
    (id, c, extra) => {
      const more = f(Math.min(c.denominator, c.numerator + extra), c.denominator)
      const before = score(id, { ...c, factor: f(1, 1) })
      const after = score(id, { ...more, factor: f(1, 1) })
      if (id === "5.4") expect(after).toBeLessThanOrEqual(before)
      else expect(after).toBeGreaterThanOrEqual(before)
    },
  )

  test.prop([fc.constantFrom(...scoredIds), counts, fc.integer({ min: 1, max: 1_000 })])(
    "capped at the maximum however large the numerator",
    (id, c, times) => {
      const s = score(id, { numerator: c.numerator * times + c.denominator, denominator: c.denominator })
      expect(s).toBeLessThanOrEqual(portalRules.indicators[id].max)
    },
  )

  const unitCounts = fc.dictionary(fc.constantFrom(...indicatorIds), counts, { minKeys: 1 }) as fc.Arbitrary<CountsById>
  test.prop([fc.array(unitCounts, { minLength: 1, maxLength: 8 })])(
    "a province's counts are its units' sums, whatever order they come in, and its index is scored from them",
    (units) => {
      const province = sumCounts(units)
      expect(sumCounts([...units].reverse())).toEqual(province)
      for (const id of indicatorIds) {
        const having = units.filter((u) => u[id] !== undefined)
        if (having.length === 0) expect(province[id]).toBeUndefined()
        else {
          expect(province[id]?.numerator).toBe(having.reduce((s, u) => s + (u[id]?.numerator ?? 0), 0))
          expect(province[id]?.denominator).toBe(having.reduce((s, u) => s + (u[id]?.denominator ?? 0), 0))
        }
      }
      const index = index766(province)
      expect(index.total).toBe(round2(index.groups.reduce((s, g) => s + g.score, 0)))
    },
  )
})
