/**
 * A deployment's quality settings, as one JSON file (catalog-quangninh's `quality.json`), every field optional:
 * ```
 * { "rules": { "base": "portal", "indicators": { "3.1": { "max": 4, "threshold": 0.8, "whenNoDenominator": "zero" } } },
 *   "import": { "certificationProcedures": ["2.000815"], "counts": [] },
 *   "slaWarningHours": 4,
 *   "petitionDeadlines": { "handling": 15, "refusal": 2, "supplementationRequest": 5, "publication": 2 } }
 * ```
 * - `rules`: how indicators are scored (rules.ts); the portal's reading by default.
 * - `import`: the counts motcua does not hold and the certification procedures (import.ts).
 * - `slaWarningHours`: a step (or a dossier) with at most this much working time left is due soon (4 by default).
 * - `petitionDeadlines`: 5.2's working days (15 / 2 / 5 / 2 by default).
 */
import { Result, Schema } from "effect"
import { defaultPetitionDeadlines, PetitionDeadlines } from "../petitions/petition.ts"
import { type DecodeError, decodeAll } from "../shared/decode.ts"
import { emptyImport, QualityImport } from "./import.ts"
import { decodeIndicatorRules, type IndicatorRules, IndicatorRulesFile, portalRules } from "./rules.ts"

export const QualitySettingsFile = Schema.Struct({
  /** Free notes for the province's editors (ignored). */
  notes: Schema.optionalKey(Schema.Array(Schema.String)),
  rules: Schema.optionalKey(IndicatorRulesFile),
  import: Schema.optionalKey(QualityImport),
  slaWarningHours: Schema.optionalKey(
    Schema.Number.check(Schema.isFinite(), Schema.isGreaterThanOrEqualTo(0), Schema.isLessThanOrEqualTo(80)),
  ),
  petitionDeadlines: Schema.optionalKey(PetitionDeadlines),
})

export interface QualitySettings {
  readonly rules: IndicatorRules
  readonly import: QualityImport
  /** Working minutes. */
  readonly slaWarningMinutes: number
  readonly petitionDeadlines: PetitionDeadlines
}

export const defaultQualitySettings: QualitySettings = {
  rules: portalRules,
  import: emptyImport,
  slaWarningMinutes: 4 * 60,
  petitionDeadlines: defaultPetitionDeadlines,
}

/** The settings from JSON, every problem with its path (`rules.indicators["3.1"].max: …`). */
export function decodeQualitySettings(
  input: unknown,
  what = "quality settings",
): Result.Result<QualitySettings, DecodeError> {
  return Result.flatMap(decodeAll(QualitySettingsFile, input, what, "", { unknownFields: "error" }), (file) =>
    Result.map(decodeIndicatorRules(file.rules ?? {}, what), (rules) => ({
      rules,
      import: file.import ?? emptyImport,
      slaWarningMinutes: (file.slaWarningHours ?? 4) * 60,
      petitionDeadlines: file.petitionDeadlines ?? defaultPetitionDeadlines,
    })),
  )
}
