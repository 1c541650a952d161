/**
 * How each indicator is scored, as data a province can change without a release (the portal has changed its rules
 * before): the maximum, the threshold, what a zero denominator gives, and whether the indicator is only tracked.
 *
 * Two rule sets ship:
 * - {@link portalRules} (the default): what the portal's published scores show (decision-766.md, "What the
 *   portal's published scores show"): digitisation scored `min(max, max × ratio)` without thresholds except 4.3,
 *   electronic certified copies (4.6) and procedures paid online (3.5b) scored, 5.2 and 5.3 full without petitions.
 * - {@link descriptionRules}: the official formula description's reading: 4.2 and 4.3 with their 80% thresholds,
 *   no 3.5b and no 4.6 (maximum 0, so the digitisation group is 20 and the payment group 8), 5.3 gives 0 when there
 *   was no petition (the description gives the full score only for 5.2).
 *
 * The split of the online-services group (12) among 3.1, 3.2 and 3.3 is given by neither source: 4 / 4 / 4 is our
 * placeholder (unverified), to be set by the province from the portal's own figures.
 */
import { Result, Schema } from "effect"
import { type DecodeError, decodeAll } from "../shared/decode.ts"
import { type IndicatorId, indicatorIds } from "./ids.ts"

/** What a zero denominator gives: nothing, the full score, or (1.4) the previous year's counts per period. */
export const WhenNoDenominator = Schema.Literals(["zero", "full", "previous-year"])
export type WhenNoDenominator = typeof WhenNoDenominator.Type

export const IndicatorRule = Schema.Struct({
  /** Points at stake; 0 for an indicator that is only tracked. */
  max: Schema.Number.check(Schema.isFinite(), Schema.isGreaterThanOrEqualTo(0), Schema.isLessThanOrEqualTo(100)),
  /** A ratio at or above it earns the maximum; below it the score is ratio × max / threshold. Absent: ratio × max. */
  threshold: Schema.optionalKey(Schema.Number.check(Schema.isGreaterThan(0), Schema.isLessThanOrEqualTo(1))),
  whenNoDenominator: WhenNoDenominator,
})
export type IndicatorRule = typeof IndicatorRule.Type

const RuleTable = Schema.Struct(
  Object.fromEntries(indicatorIds.map((id) => [id, IndicatorRule])) as { [K in IndicatorId]: typeof IndicatorRule },
)

export const IndicatorRules = Schema.Struct({
  /** Which reading this is, shown on reports ("portal", "description", or the province's own name). */
  name: Schema.String.check(Schema.isMinLength(1)),
  indicators: RuleTable,
})
export type IndicatorRules = typeof IndicatorRules.Type

const plain = (max: number): IndicatorRule => ({ max, whenNoDenominator: "zero" })
const withThreshold = (max: number, threshold: number): IndicatorRule => ({ max, threshold, whenNoDenominator: "zero" })
const tracked: IndicatorRule = { max: 0, whenNoDenominator: "zero" }

/** The default: what the portal's published scores show (see the module comment). 100 points. */
export const portalRules: IndicatorRules = {
  name: "portal",
  indicators: {
    "1.1": plain(6),
    "1.2": plain(4),
    "1.3": plain(2),
    "1.4": { max: 6, whenNoDenominator: "previous-year" },
    "2.1": plain(20),
    "2.2": tracked,
    "3.1": withThreshold(4, 0.8),
    "3.2": plain(4),
    "3.3": withThreshold(4, 0.5),
    "3.5": withThreshold(2, 0.8),
    "3.5b": withThreshold(2, 0.8),
    "3.6": plain(6),
    "4.1": plain(6),
    "4.2": plain(4),
    "4.3": withThreshold(2, 0.8),
    "4.4": plain(4),
    "4.5a": plain(2),
    "4.5b": plain(2),
    "4.6": plain(2),
    "5.1": tracked,
    "5.2": { max: 6, whenNoDenominator: "full" },
    "5.3": { max: 6, whenNoDenominator: "full" },
    "5.4": withThreshold(6, 0.9),
  },
}

/** The official formula description's reading (see the module comment). */
export const descriptionRules: IndicatorRules = {
  name: "description",
  indicators: {
    ...portalRules.indicators,
    "3.5b": tracked,
    "4.2": withThreshold(4, 0.8),
    "4.6": tracked,
    "5.3": plain(6),
  },
}

export const ruleSets: Readonly<Record<string, IndicatorRules>> = {
  portal: portalRules,
  description: descriptionRules,
}

/**
 * Rules from JSON: `{ "base": "portal" | "description", "name"?: …, "indicators": { "3.1": { "max": 2, … } } }`.
 * Each indicator given replaces the base's whole rule for it; every problem is reported with its path.
 */
export const IndicatorRulesFile = Schema.Struct({
  base: Schema.optionalKey(Schema.Literals(["portal", "description"])),
  name: Schema.optionalKey(Schema.String.check(Schema.isMinLength(1))),
  indicators: Schema.optionalKey(
    Schema.Struct(
      Object.fromEntries(indicatorIds.map((id) => [id, Schema.optionalKey(IndicatorRule)])) as {
        [K in IndicatorId]: Schema.optionalKey<typeof IndicatorRule>
      },
    ),
  ),
})

export function decodeIndicatorRules(
  input: unknown,
  what = "indicator rules",
): Result.Result<IndicatorRules, DecodeError> {
  return Result.map(decodeAll(IndicatorRulesFile, input, what, "", { unknownFields: "error" }), (file) => {
    const base = ruleSets[file.base ?? "portal"] as IndicatorRules
    const indicators = { ...base.indicators }
    for (const id of indicatorIds) {
      const rule = file.indicators?.[id]
      if (rule !== undefined) indicators[id] = rule
    }
    return { name: file.name ?? base.name, indicators }
  })
}
