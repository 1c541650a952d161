/**
 * The counts motcua cannot compute from its dossiers, filled in by the province: publication of procedures (1.1–1.3:
 * the national procedures database is not motcua's), procedures connected to the national population database
 * (4.5a), and which procedures are certification (chứng thực) procedures (4.6). A small JSON file:
 * ```
 * { "certificationProcedures": ["2.000815"],
 *   "counts": [{ "period": "2026-10", "scope": "province", "indicators": { "1.1": { "numerator": 12, "denominator": 12 } } }] }
 * ```
 * `scope` is "province", a unit code or an authority code. A unit without an entry of its own takes the province's
 * (publication is province-wide). Every problem is reported with its path.
 */
import { type Result, Schema } from "effect"
import { ProcedureCode } from "../catalogue/schema.ts"
import { type DecodeError, decodeAll } from "../shared/decode.ts"
import type { IndicatorId } from "./ids.ts"
import { parsePeriod } from "./period.ts"
import type { CountsById } from "./score.ts"

/** The indicators the import may give: the others are counted from the dossiers. */
export const importedIndicators = ["1.1", "1.2", "1.3", "4.5a"] as const satisfies ReadonlyArray<IndicatorId>

const Count = Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0))
const ImportedFraction = Schema.Struct({ numerator: Count, denominator: Count }).check(
  Schema.makeFilter((f: { numerator: number; denominator: number }) =>
    f.numerator <= f.denominator ? true : `the numerator (${f.numerator}) exceeds the denominator (${f.denominator})`,
  ),
)

const PeriodText = Schema.String.check(
  Schema.makeFilter((text: string) => {
    try {
      parsePeriod(text)
      return true
    } catch {
      return "a period is YYYY-MM (month), YYYY-Qn (quarter) or YYYY (year)"
    }
  }),
)

export const QualityImport = Schema.Struct({
  certificationProcedures: Schema.optionalKey(Schema.Array(ProcedureCode)),
  counts: Schema.optionalKey(
    Schema.Array(
      Schema.Struct({
        period: PeriodText,
        scope: Schema.String.check(Schema.isMinLength(1)),
        indicators: Schema.Struct({
          "1.1": Schema.optionalKey(ImportedFraction),
          "1.2": Schema.optionalKey(ImportedFraction),
          "1.3": Schema.optionalKey(ImportedFraction),
          "4.5a": Schema.optionalKey(ImportedFraction),
        }),
      }),
    ),
  ),
})
export type QualityImport = typeof QualityImport.Type

export const emptyImport: QualityImport = {}

export const decodeQualityImport = (
  input: unknown,
  what = "quality import",
): Result.Result<QualityImport, DecodeError> => decodeAll(QualityImport, input, what, "", { unknownFields: "error" })

/** The imported counts of `scope` ("province", a unit or an authority code) for a period label, or {}. */
export function importedCounts(data: QualityImport, period: string, scope: string): CountsById {
  const out: { -readonly [K in IndicatorId]?: CountsById[K] } = {}
  for (const entry of data.counts ?? []) {
    if (entry.period !== period || entry.scope !== scope) continue
    for (const id of importedIndicators) {
      const f = entry.indicators[id]
      if (f !== undefined) out[id] = { numerator: f.numerator, denominator: f.denominator }
    }
  }
  return out
}
