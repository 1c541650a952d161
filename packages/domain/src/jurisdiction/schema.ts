// Jurisdiction data: the administrative units of a province (two-level government since 1 July 2025), the agencies
// that decide procedures, and the intake points where dossiers are taken in (public service centres and post-office
// agent points). Codes are the official ones (Decision 19/2025/QD-TTg for units; QCVN 102 for agencies).
import { Schema } from "effect"

const NonEmpty = Schema.String.check(Schema.isMinLength(1))

export const Province = Schema.Struct({
  code: Schema.String.check(Schema.isPattern(/^\d{2}$/u)),
  name: NonEmpty,
  /** The province's agency code per QCVN 102 (H-code), used in dossier codes; keep it configurable. */
  agencyCode: NonEmpty,
})
export type Province = typeof Province.Type

/** A commune-level unit: ward (phường), commune (xã) or special zone (đặc khu). */
export const AdministrativeUnit = Schema.Struct({
  code: Schema.String.check(Schema.isPattern(/^\d{5}$/u)),
  name: NonEmpty,
  kind: Schema.Literals(["ward", "commune", "special-zone"]),
  provinceCode: Schema.String.check(Schema.isPattern(/^\d{2}$/u)),
})
export type AdministrativeUnit = typeof AdministrativeUnit.Type

/** An authority that decides procedures: a provincial department or the People's Committee of a unit, … */
export const Agency = Schema.Struct({
  /** Agency code (QCVN 102 style where known, else a stable local code). */
  code: NonEmpty,
  name: NonEmpty,
  nameEn: Schema.optionalKey(NonEmpty),
  /** Matches `CompetentAuthority.agencyKind` in the catalogue, e.g. `commune-people-committee`. */
  kind: NonEmpty,
  level: Schema.Literals(["province", "commune"]),
  /** For commune-level agencies, the unit they govern. */
  unitCode: Schema.optionalKey(Schema.String.check(Schema.isPattern(/^\d{5}$/u))),
})
export type Agency = typeof Agency.Type

/** Where a dossier may be taken in: a public service centre or a post office acting as agent. */
export const IntakePoint = Schema.Struct({
  id: NonEmpty,
  name: NonEmpty,
  kind: Schema.Literals(["provincial-centre", "commune-centre", "post-office"]),
  /** The unit the intake point stands in (for the provincial centre, where its main office is). */
  unitCode: Schema.String.check(Schema.isPattern(/^\d{5}$/u)),
  address: NonEmpty,
  /** Post-office agents also deliver results at home. */
  returnsResultsAtHome: Schema.Boolean,
  /** Set when a value (address, …) could not be sourced and is a placeholder. */
  unverified: Schema.optionalKey(NonEmpty),
})
export type IntakePoint = typeof IntakePoint.Type

/** Everything jurisdiction needs for one province. */
export const Jurisdiction = Schema.Struct({
  province: Province,
  units: Schema.Array(AdministrativeUnit).check(Schema.isMinLength(1)),
  agencies: Schema.Array(Agency),
  intakePoints: Schema.Array(IntakePoint),
})
export type Jurisdiction = typeof Jurisdiction.Type

/** Which units a staff account acts for, and in which roles; used by authorisation. */
export const StaffScope = Schema.Struct({
  /** `province` acts for the provincial agencies; otherwise the listed units. */
  level: Schema.Literals(["province", "commune"]),
  agencyCodes: Schema.Array(NonEmpty),
  unitCodes: Schema.Array(Schema.String.check(Schema.isPattern(/^\d{5}$/u))),
  intakePointIds: Schema.Array(NonEmpty),
})
export type StaffScope = typeof StaffScope.Type
