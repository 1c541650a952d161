// The summary columns of a dossier are checked before they are written (the contract: a bad summary is refused with
// a DecodeError naming every problem and its path, and nothing is written). Decoding with the DossierSummary Schema
// costs more than the rest of a SQLite commit's JavaScript, and nearly every summary is valid (the application
// computes it from the snapshot), so a valid one is recognised by the plain checks below, and only a summary they do
// not accept goes through the Schema, which then gives the error, or accepts it after all.
//
// Why it is safe: the checks accept a subset of what the Schema accepts (each one is the Schema's own rule: safe
// integers, bounds, non-empty strings, null, the instant pattern; src/summary.test.ts checks the two agree on
// generated and hand-picked values), and they return the same value the Schema's decoding returns: a fresh object
// with exactly the nine fields. So nothing the Schema would refuse is ever written, and what is written is the same.
import { type DossierSummary, INSTANT_PATTERN } from "@motcua/application"

const text = (value: unknown): value is string => typeof value === "string" && value.length >= 1
const textOrNull = (value: unknown): value is string | null => value === null || text(value)
const instantOrNull = (value: unknown): value is string | null =>
  value === null || (typeof value === "string" && INSTANT_PATTERN.test(value))
const integer = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value)

/** The summary as the Schema would decode it, when the plain checks accept it; otherwise undefined. */
export function plainlyValidSummary(input: unknown): DossierSummary | undefined {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined
  const s = input as Record<string, unknown>
  const { statusCode, state, procedureCode, agencyCode, unitCode, currentRole, dueAt, appointmentAt, feeTotal } = s
  if (
    integer(statusCode) &&
    statusCode >= 1 &&
    statusCode <= 10 &&
    text(state) &&
    text(procedureCode) &&
    text(agencyCode) &&
    textOrNull(unitCode) &&
    textOrNull(currentRole) &&
    instantOrNull(dueAt) &&
    instantOrNull(appointmentAt) &&
    integer(feeTotal) &&
    feeTotal >= 0
  ) {
    return { statusCode, state, procedureCode, agencyCode, unitCode, currentRole, dueAt, appointmentAt, feeTotal }
  }
  return undefined
}
