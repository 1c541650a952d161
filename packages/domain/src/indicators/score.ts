/**
 * Scores from counts: `scoreIndicator(id, counts, rules?)` for one indicator, `index766(countsById, rules?)` for the
 * six groups and the total. Pure; counts in, scores out with two decimals.
 *
 * The common rule (decision-766.md): the ratio is numerator / denominator, capped at 1 (the portal scores
 * `min(max, max × ratio)`); without a threshold the score is ratio × max; with a threshold T a ratio ≥ T earns the
 * maximum and a lower one ratio × max / T. Formulae of their own:
 * - 3.3 multiplies the online share by the sync ratio (`counts.factor`: synced / received);
 * - 5.4 is a complement: ratio = 1 − numerator / denominator (numerator = late dossiers + dossiers with a petition
 *   or a dislike rating), never below 0;
 * - 1.4 with a zero denominator (nothing received) takes the previous year's counts per period
 *   (`counts.previousYear` divided by `counts.periodsPerYear`: 12 for a month, 4 for a quarter, 1 for a year);
 *   without a previous year it scores 0.
 * Tracked indicators (maximum 0: 2.2 average handling time, 5.1 petitions classified) score 0 and report their
 * ratio uncapped (2.2's is an average).
 *
 * Rounding: each indicator's score to two decimals (half up), a group's score is the sum of its indicators' rounded
 * scores, the total the sum of the groups': the published numbers add up.
 *
 * A province's (or any larger scope's) index is computed from the summed counts of its units (`sumCounts`), never
 * by averaging their scores.
 */
import { indicatorInputError } from "./errors.ts"
import { type GroupId, groupOf, type IndicatorId, indicatorGroups, indicatorIds } from "./ids.ts"
import { type IndicatorRule, type IndicatorRules, portalRules } from "./rules.ts"

export interface Fraction {
  readonly numerator: number
  readonly denominator: number
}

export interface IndicatorCounts extends Fraction {
  /** 3.3: the sync ratio (synced / received) the online share is multiplied by. */
  readonly factor?: Fraction
  /** 1.4: the previous year's counts, taken (per period) when this period has none. */
  readonly previousYear?: Fraction
  /** 12 for a month, 4 for a quarter, 1 for a year: how the previous year's counts are divided. */
  readonly periodsPerYear?: number
}

export type CountsById = Partial<Record<IndicatorId, IndicatorCounts>>

/** How a score was reached: from the counts, by the zero-denominator rule, or from the previous year's counts. */
export type ScoreBasis = "counts" | "no-denominator" | "previous-year"

export interface IndicatorScore {
  readonly id: IndicatorId
  readonly group: GroupId
  /** The counts the score was computed from (the previous year's per period when that rule applied). */
  readonly numerator: number
  readonly denominator: number
  /** The ratio scored (after the factor and the complement, capped at 1 unless tracked); null without one. */
  readonly ratio: number | null
  /** Two decimals. */
  readonly score: number
  readonly max: number
  readonly threshold?: number
  /** Maximum 0: shown, not scored. */
  readonly tracked: boolean
  readonly basis: ScoreBasis
}

/** Half-up rounding to two decimals, exact on decimal inputs (1.005 → 1.01), for non-negative scores. */
export const round2 = (x: number): number => {
  const r = Math.round(Number(`${x.toPrecision(12)}e2`)) / 100
  return Object.is(r, -0) ? 0 : r
}

const isIndicatorId = (id: unknown): id is IndicatorId =>
  typeof id === "string" && (indicatorIds as ReadonlyArray<string>).includes(id)

function checkCount(where: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    throw indicatorInputError(where, "phải là số hữu hạn không âm", "must be a finite number ≥ 0", value)
  return value
}

function checkFraction(where: string, value: unknown): Fraction {
  if (typeof value !== "object" || value === null)
    throw indicatorInputError(where, "phải có tử số và mẫu số", "must have a numerator and a denominator", value)
  const f = value as Record<string, unknown>
  return {
    numerator: checkCount(`${where}.numerator`, f.numerator),
    denominator: checkCount(`${where}.denominator`, f.denominator),
  }
}

function checkCounts(where: string, value: unknown): IndicatorCounts {
  const base = checkFraction(where, value)
  const c = value as Record<string, unknown>
  const out: { -readonly [K in keyof IndicatorCounts]: IndicatorCounts[K] } = { ...base }
  if (c.factor !== undefined) out.factor = checkFraction(`${where}.factor`, c.factor)
  if (c.previousYear !== undefined) out.previousYear = checkFraction(`${where}.previousYear`, c.previousYear)
  if (c.periodsPerYear !== undefined) {
    const n = c.periodsPerYear
    if (n !== 1 && n !== 4 && n !== 12)
      throw indicatorInputError(
        `${where}.periodsPerYear`,
        "phải là 1 (năm), 4 (quý) hoặc 12 (tháng)",
        "must be 1 (year), 4 (quarter) or 12 (month)",
        n,
      )
    out.periodsPerYear = n
  }
  return out
}

function checkId(where: string, id: unknown): IndicatorId {
  if (!isIndicatorId(id))
    throw indicatorInputError(where, `không có chỉ số này (có: ${indicatorIds.join(", ")})`, "unknown indicator", id)
  return id
}

const ratioOf = (f: Fraction): number => f.numerator / f.denominator

function scoreChecked(id: IndicatorId, counts: IndicatorCounts, rule: IndicatorRule): IndicatorScore {
  const tracked = rule.max === 0
  const common = {
    id,
    group: groupOf(id),
    max: rule.max,
    ...(rule.threshold === undefined ? {} : { threshold: rule.threshold }),
    tracked,
  }
  let used: Fraction = counts
  let basis: ScoreBasis = "counts"
  if (counts.denominator === 0) {
    const previous = counts.previousYear
    if (rule.whenNoDenominator === "previous-year" && previous !== undefined && previous.denominator > 0) {
      const per = counts.periodsPerYear ?? 1
      used = { numerator: previous.numerator / per, denominator: previous.denominator / per }
      basis = "previous-year"
    } else {
      const full = rule.whenNoDenominator === "full"
      return {
        ...common,
        numerator: counts.numerator,
        denominator: 0,
        ratio: null,
        score: full ? round2(rule.max) : 0,
        basis: "no-denominator",
      }
    }
  }
  // One division each, so that a ratio exactly at a threshold is not a rounding error below it.
  let ratio = ratioOf(used)
  if (id === "3.3" && counts.factor !== undefined) {
    const { numerator: n, denominator: d } = counts.factor
    ratio = d === 0 ? 0 : (Math.min(used.numerator, used.denominator) * Math.min(n, d)) / (used.denominator * d)
  }
  if (id === "5.4") ratio = Math.max(0, (used.denominator - used.numerator) / used.denominator)
  if (tracked) return { ...common, numerator: used.numerator, denominator: used.denominator, ratio, score: 0, basis }
  ratio = Math.min(1, ratio)
  const score =
    rule.threshold === undefined
      ? ratio * rule.max
      : ratio >= rule.threshold
        ? rule.max
        : (ratio * rule.max) / rule.threshold
  return {
    ...common,
    numerator: used.numerator,
    denominator: used.denominator,
    ratio,
    score: round2(Math.min(rule.max, score)),
    basis,
  }
}

function checkRules(where: string, rules: unknown): IndicatorRules {
  const r = rules as IndicatorRules | undefined
  if (typeof r !== "object" || r === null || typeof r.indicators !== "object" || r.indicators === null)
    throw indicatorInputError(where, "phải là một bộ quy tắc chấm điểm", "must be a rule set", rules)
  for (const id of indicatorIds) {
    const rule = r.indicators[id] as IndicatorRule | undefined
    if (rule === undefined || typeof rule.max !== "number" || !Number.isFinite(rule.max) || rule.max < 0)
      throw indicatorInputError(
        `${where}.indicators["${id}"]`,
        "thiếu hoặc sai quy tắc",
        "missing or invalid rule",
        rule,
      )
    if (rule.threshold !== undefined && !(rule.threshold > 0 && rule.threshold <= 1))
      throw indicatorInputError(
        `${where}.indicators["${id}"].threshold`,
        "phải lớn hơn 0 và không quá 1",
        "must be in (0, 1]",
        rule.threshold,
      )
  }
  return r
}

/**
 * The score of one indicator from its counts. Throws an `IndicatorInputError` naming the argument for an unknown id,
 * a negative or non-finite count, or a malformed rule set.
 */
export function scoreIndicator(id: IndicatorId, counts: IndicatorCounts, rules: IndicatorRules = portalRules) {
  const where = `scoreIndicator(${JSON.stringify(id)})`
  const checkedId = checkId(`${where}.id`, id)
  const checked = checkCounts(`${where}.counts`, counts)
  const rule = checkRules(`${where}.rules`, rules).indicators[checkedId]
  return scoreChecked(checkedId, checked, rule)
}

export interface GroupScore {
  readonly id: GroupId
  readonly name: string
  readonly nameEn: string
  /** The sum of the rules' maxima of its indicators. */
  readonly max: number
  readonly score: number
  readonly indicators: ReadonlyArray<IndicatorScore>
  /** Its indicators without counts (not scored: the group's score leaves them out). */
  readonly missing: ReadonlyArray<IndicatorId>
}

export interface Index766 {
  /** The rule set's name. */
  readonly rules: string
  readonly groups: ReadonlyArray<GroupScore>
  readonly total: number
  readonly max: number
  /** Every indicator without counts, scored ones and tracked ones. */
  readonly missing: ReadonlyArray<IndicatorId>
}

/** The six groups and the total from the counts of each indicator; an indicator without counts is `missing`. */
export function index766(countsById: CountsById, rules: IndicatorRules = portalRules): Index766 {
  const where = "index766"
  if (typeof countsById !== "object" || countsById === null)
    throw indicatorInputError(`${where}(countsById)`, "phải là một đối tượng", "must be an object", countsById)
  for (const key of Object.keys(countsById)) checkId(`${where}(countsById).${key}`, key)
  const checkedRules = checkRules(`${where}(rules)`, rules)
  const groups = indicatorGroups.map((group): GroupScore => {
    const indicators: IndicatorScore[] = []
    const missing: IndicatorId[] = []
    for (const id of group.indicators) {
      const counts = countsById[id]
      if (counts === undefined) missing.push(id)
      else
        indicators.push(
          scoreChecked(id, checkCounts(`${where}(countsById)["${id}"]`, counts), checkedRules.indicators[id]),
        )
    }
    const max = group.indicators.reduce((sum, id) => sum + checkedRules.indicators[id].max, 0)
    return {
      id: group.id,
      name: group.name,
      nameEn: group.nameEn,
      max: round2(max),
      score: round2(indicators.reduce((sum, s) => sum + s.score, 0)),
      indicators,
      missing,
    }
  })
  return {
    rules: checkedRules.name,
    groups,
    total: round2(groups.reduce((sum, g) => sum + g.score, 0)),
    max: round2(groups.reduce((sum, g) => sum + g.max, 0)),
    missing: groups.flatMap((g) => g.missing),
  }
}

const addFraction = (a: Fraction | undefined, b: Fraction | undefined): Fraction | undefined =>
  a === undefined
    ? b
    : b === undefined
      ? a
      : { numerator: a.numerator + b.numerator, denominator: a.denominator + b.denominator }

/**
 * The counts of a larger scope (a province, an agency with its units) from those of its parts: numerators,
 * denominators, factors and previous years added indicator by indicator. An indicator some part lacks is summed over
 * the parts that have it; one no part has stays missing.
 */
export function sumCounts(parts: ReadonlyArray<CountsById>): CountsById {
  const out: Partial<Record<IndicatorId, IndicatorCounts>> = {}
  parts.forEach((part, i) => {
    for (const key of Object.keys(part)) {
      const id = checkId(`sumCounts(parts[${i}]).${key}`, key)
      const counts = checkCounts(`sumCounts(parts[${i}])["${id}"]`, part[id])
      const before = out[id]
      if (before === undefined) {
        out[id] = counts
        continue
      }
      if (
        before.periodsPerYear !== undefined &&
        counts.periodsPerYear !== undefined &&
        before.periodsPerYear !== counts.periodsPerYear
      )
        throw indicatorInputError(
          `sumCounts(parts[${i}])["${id}"].periodsPerYear`,
          "các phần phải cùng một loại kỳ",
          "parts must be of the same kind of period",
          counts.periodsPerYear,
        )
      const factor = addFraction(before.factor, counts.factor)
      const previousYear = addFraction(before.previousYear, counts.previousYear)
      const periodsPerYear = before.periodsPerYear ?? counts.periodsPerYear
      out[id] = {
        numerator: before.numerator + counts.numerator,
        denominator: before.denominator + counts.denominator,
        ...(factor === undefined ? {} : { factor }),
        ...(previousYear === undefined ? {} : { previousYear }),
        ...(periodsPerYear === undefined ? {} : { periodsPerYear }),
      }
    }
  })
  return out
}
