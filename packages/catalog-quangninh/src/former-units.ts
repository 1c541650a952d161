// Names of the wards, communes, towns and districts before the arrangement of 1 July 2025 (Resolution
// 1679/NQ-UBTVQH15), mapped to the commune-level units that took them over (data/former-units.json). Citizens still
// say "phường Hồng Hà" or "huyện Cô Tô"; the assistant uses this to find their new unit and its centre. An old name
// split between several new units lists each of them. Entries the authors could not check against the resolution's
// text carry `unverified`.
import type { DecodeError, Problem } from "@motcua/domain"
import { type Result, Schema } from "effect"
import { DATA_DIR } from "./files.ts"
import { loadFile } from "./jurisdiction.ts"

const NonEmpty = Schema.String.check(Schema.isMinLength(1))
const UnitCode = Schema.String.check(Schema.isPattern(/^\d{5}$/u))

export const FormerUnit = Schema.Struct({
  /** The name as it was written, with its kind: "Phường Hồng Hà", "Huyện Cô Tô", "Thị trấn Cái Rồng". */
  name: NonEmpty,
  /** The district-level unit it belonged to, to tell apart two old units of one name. */
  formerDistrict: Schema.optionalKey(NonEmpty),
  /** The new commune-level units (codes in units.json) that took it over, the main one first. */
  unitCodes: Schema.Array(UnitCode).check(Schema.isMinLength(1)),
  unverified: Schema.optionalKey(NonEmpty),
})
export type FormerUnit = typeof FormerUnit.Type

export const FormerUnitsFile = Schema.Struct({
  notes: Schema.optionalKey(Schema.Array(Schema.String)),
  source: NonEmpty,
  formerUnits: Schema.Array(FormerUnit),
})
export type FormerUnitsFile = typeof FormerUnitsFile.Type

export const FORMER_UNITS_FILE = "former-units.json"

export const loadFormerUnits = (dataDir: string = DATA_DIR): Result.Result<FormerUnitsFile, DecodeError> =>
  loadFile(FormerUnitsFile, FORMER_UNITS_FILE, dataDir)

/** Every new unit code the mapping names must be a unit of the jurisdiction. */
export function formerUnitProblems(file: FormerUnitsFile, unitCodes: ReadonlySet<string>): Problem[] {
  return file.formerUnits.flatMap((f, i) =>
    f.unitCodes.flatMap((code, j) =>
      unitCodes.has(code)
        ? []
        : [
            {
              path: `${FORMER_UNITS_FILE}: formerUnits[${i}].unitCodes[${j}]`,
              message: `no unit with code ${code} in units.json`,
            },
          ],
    ),
  )
}
