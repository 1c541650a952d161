// @motcua/catalog-quangninh: sample deployment data for Quảng Ninh (54 commune-level units, agencies, intake points,
// procedures), kept as JSON files that province IT can read and edit, and loaded through the domain's schemas.
//
// holidays.json (optional) is decoded with the calendar's HolidayOverrides schema; quality.json (optional) with the
// domain's QualitySettingsFile (Decision 766 scoring rules, imported counts, SLA window, petition deadlines).
//
// Every loader returns a `Result`: success with the decoded data, or failure with one `DecodeError` whose message
// lists every problem, each prefixed with its file and path (`data/procedures/land.json: procedures[3].fees[0]…`).
// Callers that prefer an exception can throw `result.failure` (a tagged Error with that message).
import {
  type Catalogue,
  DecodeError,
  type HolidayOverrides,
  type Jurisdiction,
  type PaymentAccounts,
  type PostalTariff,
  type Problem,
  type Procedure,
  paymentAccountProblems,
  type QualitySettings,
} from "@motcua/domain"
import { Result } from "effect"
import { walkCatalogue } from "./catalogue.ts"
import { DATA_DIR, failedProblems } from "./files.ts"
import { loadHolidays } from "./holidays.ts"
import { loadJurisdiction } from "./jurisdiction.ts"
import { loadPaymentAccounts } from "./payment-accounts.ts"
import { loadPostalTariff } from "./postal-tariff.ts"
import { loadQualitySettings, qualityProblems } from "./quality.ts"
import { catalogueProblems, jurisdictionProblems } from "./references.ts"

export { loadCatalogue, loadProcedureFile, PROCEDURES_DIR, walkCatalogue } from "./catalogue.ts"
export { DATA_DIR } from "./files.ts"
export { HOLIDAYS_FILE, loadHolidays } from "./holidays.ts"
export {
  AgenciesFile,
  CentresFile,
  loadAgencies,
  loadCentres,
  loadFile,
  loadJurisdiction,
  loadUnits,
  UnitsFile,
} from "./jurisdiction.ts"
export { loadPaymentAccounts, PAYMENT_ACCOUNTS_FILE, PaymentAccountsFile } from "./payment-accounts.ts"
export { loadPostalTariff, POSTAL_TARIFF_FILE } from "./postal-tariff.ts"
export { loadQualitySettings, QUALITY_FILE, qualityProblems } from "./quality.ts"
export { catalogueProblems, jurisdictionProblems } from "./references.ts"

export interface QuangNinhData {
  readonly jurisdiction: Jurisdiction
  readonly catalogue: Catalogue
  /** The official holiday schedules per year, when the data directory has a holidays.json. */
  readonly holidays?: HolidayOverrides
  /** The tariff of home pick-up and delivery by post, when the data directory has a postal-tariff.json. */
  readonly postalTariff?: PostalTariff
  /** The centres' collection accounts and e-receipt symbols, when the data directory has a payment-accounts.json. */
  readonly paymentAccounts?: PaymentAccounts
  /** Scoring rules, imported counts, SLA warning window and petition deadlines, when there is a quality.json. */
  readonly quality?: QualitySettings
}

/** What `checkQuangNinh` answers: the deployment's data without its catalogue, and how many procedures it has. */
export type QuangNinhSummary = Omit<QuangNinhData, "catalogue"> & { readonly procedures: number }

/**
 * Reads and checks a data directory, the catalogue one procedures file at a time (walkCatalogue): every rule, every
 * problem named, as loadQuangNinh; `keep` is handed each file's procedures as it is checked (loadQuangNinh keeps
 * them, checkQuangNinh does not).
 */
function walkQuangNinh(
  dataDir: string,
  keep: (procedures: Catalogue) => void,
): Result.Result<QuangNinhSummary, DecodeError> {
  const jurisdiction = loadJurisdiction(dataDir)
  const holidays = loadHolidays(dataDir)
  const postalTariff = loadPostalTariff(dataDir)
  const paymentAccounts = loadPaymentAccounts(dataDir)
  const quality = loadQualitySettings(dataDir)
  // the rules between the catalogue and the other files, checked file by file as the catalogue is read
  const againstJurisdiction: Problem[] = []
  const named = new Set(
    Result.isSuccess(quality) ? (quality.success?.import.certificationProcedures ?? []) : ([] as string[]),
  )
  const found = new Set<string>()
  const catalogue = walkCatalogue(dataDir, (procedures, offset) => {
    if (Result.isSuccess(jurisdiction))
      againstJurisdiction.push(...catalogueProblems(jurisdiction.success, procedures, offset))
    for (const p of procedures) if (named.has(p.code)) found.add(p.code)
    keep(procedures)
  })
  if (
    Result.isFailure(jurisdiction) ||
    Result.isFailure(catalogue) ||
    Result.isFailure(holidays) ||
    Result.isFailure(postalTariff) ||
    Result.isFailure(paymentAccounts) ||
    Result.isFailure(quality)
  ) {
    const problems = failedProblems([jurisdiction, catalogue, holidays, postalTariff, paymentAccounts, quality])
    return Result.fail(new DecodeError({ what: "Quảng Ninh data", problems }))
  }
  const problems = [
    ...jurisdictionProblems(jurisdiction.success),
    ...againstJurisdiction,
    ...(paymentAccounts.success === undefined
      ? []
      : paymentAccountProblems(jurisdiction.success, paymentAccounts.success, "data/payment-accounts.json: accounts")),
    ...(quality.success === undefined ? [] : qualityProblems(quality.success, (code) => found.has(code))),
  ]
  if (problems.length > 0) return Result.fail(new DecodeError({ what: "Quảng Ninh data", problems }))
  return Result.succeed({
    jurisdiction: jurisdiction.success,
    procedures: catalogue.success,
    ...(holidays.success === undefined ? {} : { holidays: holidays.success }),
    ...(postalTariff.success === undefined ? {} : { postalTariff: postalTariff.success }),
    ...(paymentAccounts.success === undefined ? {} : { paymentAccounts: paymentAccounts.success }),
    ...(quality.success === undefined ? {} : { quality: quality.success }),
  })
}

/**
 * Everything of the deployment, decoded and cross-checked: the files must each be valid, and agree with each other
 * (every agency a procedure names exists, every intake point stands in a known unit, no code is used twice).
 * `dataDir` defaults to the package's own `data/` directory; pass another directory holding the same files to load
 * a province's edited copy.
 */
export function loadQuangNinh(dataDir: string = DATA_DIR): Result.Result<QuangNinhData, DecodeError> {
  const catalogue: Procedure[] = []
  return Result.map(
    walkQuangNinh(dataDir, (procedures) => {
      for (const p of procedures) catalogue.push(p)
    }),
    ({ procedures: _, ...rest }) => ({ ...rest, catalogue }),
  )
}

/**
 * The same checks as loadQuangNinh, the problems named the same way, without holding the catalogue: one procedures
 * file at a time, and each version's validity period for the catalogue-wide rule (`catalogue import` of a large
 * catalogue: docs/performance.md, "Memory").
 */
export function checkQuangNinh(dataDir: string = DATA_DIR): Result.Result<QuangNinhSummary, DecodeError> {
  return walkQuangNinh(dataDir, () => {})
}
export {
  FORMER_UNITS_FILE,
  FormerUnit,
  FormerUnitsFile,
  formerUnitProblems,
  loadFormerUnits,
} from "./former-units.ts"
