// The jurisdiction of Quảng Ninh from three files: units.json (the province and its 54 commune-level units),
// agencies.json (the authorities that decide procedures) and centres.json (intake points). Each file is an object with
// its data and an optional `notes` list, where the data's authors record what they could not verify.
import { AdministrativeUnit, Agency, DecodeError, decodeAll, IntakePoint, Jurisdiction, Province } from "@motcua/domain"
import { Result, Schema } from "effect"
import { DATA_DIR, displayName, failedProblems, inFile, readJson } from "./files.ts"

const Notes = Schema.optionalKey(Schema.Array(Schema.String))

export const UnitsFile = Schema.Struct({ notes: Notes, province: Province, units: Schema.Array(AdministrativeUnit) })
export const AgenciesFile = Schema.Struct({ notes: Notes, agencies: Schema.Array(Agency) })
export const CentresFile = Schema.Struct({ notes: Notes, intakePoints: Schema.Array(IntakePoint) })

export const UNITS_FILE = "units.json"
export const AGENCIES_FILE = "agencies.json"
export const CENTRES_FILE = "centres.json"

/** Reads one file of the data directory and decodes it with `schema`; every problem names the file. */
export function loadFile<S extends Schema.Decoder<unknown>>(
  schema: S,
  relativePath: string,
  dataDir: string = DATA_DIR,
): Result.Result<S["Type"], DecodeError> {
  const file = displayName(relativePath)
  return Result.flatMap(readJson(dataDir, relativePath), (json) =>
    Result.mapError(
      decodeAll(schema, json, file),
      (e) => new DecodeError({ what: file, problems: inFile(file, e.problems) }),
    ),
  )
}

export const loadUnits = (dataDir: string = DATA_DIR) => loadFile(UnitsFile, UNITS_FILE, dataDir)
export const loadAgencies = (dataDir: string = DATA_DIR) => loadFile(AgenciesFile, AGENCIES_FILE, dataDir)
export const loadCentres = (dataDir: string = DATA_DIR) => loadFile(CentresFile, CENTRES_FILE, dataDir)

/**
 * The three jurisdiction files decoded and assembled into the domain's `Jurisdiction` (decoded once more as a whole,
 * so that its own rules apply). Problems of every file are reported together.
 */
export function loadJurisdiction(dataDir: string = DATA_DIR): Result.Result<Jurisdiction, DecodeError> {
  const what = "Quảng Ninh jurisdiction data"
  const units = loadUnits(dataDir)
  const agencies = loadAgencies(dataDir)
  const centres = loadCentres(dataDir)
  if (Result.isSuccess(units) && Result.isSuccess(agencies) && Result.isSuccess(centres)) {
    const assembled = {
      province: units.success.province,
      units: units.success.units,
      agencies: agencies.success.agencies,
      intakePoints: centres.success.intakePoints,
    }
    return decodeAll(Jurisdiction, assembled, what)
  }
  return Result.fail(new DecodeError({ what, problems: failedProblems([units, agencies, centres]) }))
}
