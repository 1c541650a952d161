// The catalogue of administrative procedures (thủ tục hành chính): one effect Schema per concept, so the same
// definitions validate province data files and API input, type the code and later generate the OpenAPI document.
// A catalogue entry is one *version* of a procedure: the province republishes procedures by decision, and a dossier
// is handled under the version in force on the day it was received.
import { Schema } from "effect"
import { existingCivilDate } from "../calendar/local-date.ts"

const NonEmpty = Schema.String.check(Schema.isMinLength(1))
const WholeNonNegative = Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0))
const Positive = Schema.Number.check(Schema.isGreaterThan(0))

// Patterns carry the `u` flag so that effect's JSON Schema generator exports them (the OpenAPI document shows them).

/** A civil date, `YYYY-MM-DD`, that exists (2025-02-30 is refused). */
export const CatalogueDate = Schema.String.check(
  Schema.isPattern(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/u),
  existingCivilDate,
)

/** Money in whole đồng: VND has no minor unit. */
export const Dong = WholeNonNegative
export type Dong = typeof Dong.Type

/** How a national procedure code on the national public service portal is written, e.g. `1.004222` or `2.000908`. */
export const PROCEDURE_CODE_PATTERN = /^\d\.\d{6}$/u
/** National procedure code on the national public service portal. */
export const ProcedureCode = Schema.String.check(Schema.isPattern(PROCEDURE_CODE_PATTERN))

/** Competent level since the two-level local government of 1 July 2025: province, or commune/ward/special zone. */
export const Level = Schema.Literals(["province", "commune"])
export type Level = typeof Level.Type

/** How a dossier may reach the authority: at a centre's counter, online, or through the public postal service. */
export const Channel = Schema.Literals(["counter", "online", "post"])
export type Channel = typeof Channel.Type

/** Online public service level: full (toàn trình) or partial (một phần); "none" for procedures not offered online. */
export const OnlineServiceLevel = Schema.Literals(["full", "partial", "none"])

/** Staff roles that act on a dossier. */
export const StaffRole = Schema.Literals([
  "counter-officer", // công chức tiếp nhận, Bộ phận Một cửa
  "specialist", // chuyên viên thụ lý
  "unit-leader", // lãnh đạo phòng / đơn vị
  "authority-leader", // lãnh đạo cơ quan có thẩm quyền (người ký)
  "clerk", // văn thư: sign-and-stamp, issue number
  "inter-agency", // a step handled by another authority (liên thông)
])
export type StaffRole = typeof StaffRole.Type

/** A processing time: working days, or working hours for fast procedures. */
export const Duration = Schema.Struct({
  amount: Positive,
  unit: Schema.Literals(["working-days", "working-hours"]),
})
export type Duration = typeof Duration.Type

/** Working hours in a working day, used to compare and add durations given in different units. */
export const HOURS_PER_WORKING_DAY = 8

export const durationInHours = (d: Duration): number =>
  d.unit === "working-hours" ? d.amount : d.amount * HOURS_PER_WORKING_DAY

/** A document the applicant must (or may) submit. */
export const RequiredDocument = Schema.Struct({
  id: NonEmpty,
  name: NonEmpty,
  nameEn: Schema.optionalKey(NonEmpty),
  mandatory: Schema.Boolean,
  originals: WholeNonNegative,
  copies: WholeNonNegative,
  /** Code of the document type in the national catalogue of documents, where it has one. */
  nationalDocumentCode: Schema.optionalKey(NonEmpty),
  /** May be taken from the citizen's e-wallet / the national data stores instead of being submitted (Decree 45/2020). */
  fromEWallet: Schema.Boolean,
  note: Schema.optionalKey(NonEmpty),
})
export type RequiredDocument = typeof RequiredDocument.Type

/** One tier of a tiered amount: applies while the basis (value in đồng, or area in m²) is at most `upTo`. */
export const FeeTier = Schema.Struct({
  upTo: Schema.optionalKey(Positive),
  /** A fixed amount for this tier … */
  amount: Schema.optionalKey(Dong),
  /** … or a rate in percent of the basis (e.g. 0.1 for 0.1 %), optionally capped. */
  ratePercent: Schema.optionalKey(Positive),
  cap: Schema.optionalKey(Dong),
})

const CountedUnit = Schema.Literals(["copy", "page", "item", "certificate", "person", "vehicle"])

/** One step of a per-unit price: units numbered up to `upToUnits` (counting from the first unit) cost `amount` each. */
export const UnitStep = Schema.Struct({
  upToUnits: Schema.Number.check(Schema.isInt(), Schema.isGreaterThan(0)),
  amount: Dong,
})
export type UnitStep = typeof UnitStep.Type

const IncreasingSteps = Schema.Array(UnitStep).check(
  Schema.isMinLength(1),
  Schema.makeFilter(
    (steps) =>
      steps.flatMap((s, i) => {
        const previous = steps[i - 1]
        return previous !== undefined && s.upToUnits <= previous.upToUnits
          ? [{ path: [i, "upToUnits"], issue: `must be greater than the previous step's ${previous.upToUnits}` }]
          : []
      }),
    { title: "steps in increasing order" },
  ),
)

/** How an amount is computed. */
export const FeeAmount = Schema.Union([
  Schema.Struct({ type: Schema.Literal("flat"), amount: Dong }),
  Schema.Struct({
    type: Schema.Literal("per-unit"),
    /** What is counted: a copy, a page, an item, a certificate, … */
    per: CountedUnit,
    /** The price of each unit (with `steps`: of each unit past the last step). */
    amount: Dong,
    /** Units included in a base amount before per-unit charging starts (e.g. first page). */
    included: Schema.optionalKey(WholeNonNegative),
    base: Schema.optionalKey(Dong),
    /**
     * A price that changes after the Nth unit, e.g. 2,000 đ/page for pages 1–2 then 1,000 đ/page:
     * `amount: 1000, steps: [{ upToUnits: 2, amount: 2000 }]`. Bounds increase; units past the last one cost `amount`.
     */
    steps: Schema.optionalKey(IncreasingSteps),
    max: Schema.optionalKey(Dong),
    /**
     * The count of `per` units is that of each one of these (e.g. pages of each copy): the amount, capped at `max`,
     * is worked out for one and multiplied by their number. Must differ from `per`.
     */
    each: Schema.optionalKey(CountedUnit),
  }),
  Schema.Struct({
    type: Schema.Literal("tiered"),
    basis: Schema.Literals(["value", "area"]),
    tiers: Schema.Array(FeeTier).check(Schema.isMinLength(1)),
  }),
])
export type FeeAmount = typeof FeeAmount.Type

/** An exemption or reduction for a category of applicant, with its legal basis. */
export const FeeExemption = Schema.Struct({
  /** Applicant category, e.g. `poor-household`, `ethnic-minority-hardship-area`, `person-with-disability`, `child`. */
  category: NonEmpty,
  /** 100 = exempt. */
  reductionPercent: Schema.Number.check(Schema.isGreaterThan(0), Schema.isLessThanOrEqualTo(100)),
  legalBasis: NonEmpty,
})

/** A fee (phí) or charge (lệ phí) line of a procedure. */
export const FeeItem = Schema.Struct({
  id: NonEmpty,
  kind: Schema.Literals(["fee", "charge"]), // phí | lệ phí
  name: NonEmpty,
  amount: FeeAmount,
  /** Amounts that differ by channel (filing online is often cheaper). */
  byChannel: Schema.optionalKey(
    Schema.Array(Schema.Struct({ channel: Channel, amount: FeeAmount })).check(Schema.isMinLength(1)),
  ),
  exemptions: Schema.Array(FeeExemption),
  due: Schema.Literals(["at-intake", "before-processing", "before-result"]),
  refund: Schema.Struct({ onRefusal: Schema.Boolean, onWithdrawal: Schema.Boolean }),
  /** The legal act that sets the amount (Circular / provincial People's Council resolution). */
  legalBasis: NonEmpty,
  /** Set when the amount could not be sourced: the value is a placeholder for the province to confirm. */
  unverified: Schema.optionalKey(NonEmpty),
})
export type FeeItem = typeof FeeItem.Type

/** One step of the internal process (quy trình nội bộ), with who holds the dossier and for how long. */
export const ProcessStep = Schema.Struct({
  id: NonEmpty,
  name: NonEmpty,
  role: StaffRole,
  /** The organisational unit that performs the step, e.g. "Bộ phận Một cửa", "Phòng Văn hóa - Xã hội". */
  unit: NonEmpty,
  allowance: Duration,
  /** For an inter-agency step, the authority it goes to (its code in the jurisdiction data), when the process names one. */
  agencyCode: Schema.optionalKey(NonEmpty),
})
export type ProcessStep = typeof ProcessStep.Type

/** Who is competent to decide, and which territory's authority that is. */
export const CompetentAuthority = Schema.Struct({
  level: Level,
  /** Kind of agency, e.g. `commune-people-committee`, `provincial-department`, `provincial-people-committee`. */
  agencyKind: NonEmpty,
  /** For province-level procedures, the agency (its code in the jurisdiction data). */
  agencyCode: Schema.optionalKey(NonEmpty),
  /** Title of the decision maker as published, e.g. "Chủ tịch UBND cấp xã". */
  title: NonEmpty,
  /**
   * Which commune-level authority is competent: the one of the applicant's residence, of the place where the
   * property or event is (land, construction), or the one where the dossier was taken in.
   */
  territorialBasis: Schema.Literals(["applicant-residence", "subject-location", "intake-unit"]),
  /** The law requires the applicant to reside in the province (e.g. residence, some civil-status cases). */
  requiresResidenceInProvince: Schema.Boolean,
})
export type CompetentAuthority = typeof CompetentAuthority.Type

export const ResultSpec = Schema.Struct({
  name: NonEmpty,
  form: Schema.Literals(["paper", "electronic", "paper-and-electronic"]),
  signatureRequired: Schema.Boolean,
  /** How long the result is valid, as published ("5 năm", "không thời hạn"), where it expires. */
  validity: Schema.optionalKey(NonEmpty),
})

/** A case of one procedure with its own time, documents, fees or process (e.g. in time vs late registration). */
export const Variant = Schema.Struct({
  id: NonEmpty,
  name: NonEmpty,
  statutoryTime: Schema.optionalKey(Duration),
  provincialTime: Schema.optionalKey(Duration),
  documents: Schema.optionalKey(Schema.Array(RequiredDocument)),
  fees: Schema.optionalKey(Schema.Array(FeeItem)),
  process: Schema.optionalKey(Schema.Array(ProcessStep).check(Schema.isMinLength(1))),
})
export type Variant = typeof Variant.Type

export const Field = Schema.Struct({ code: NonEmpty, name: NonEmpty, nameEn: Schema.optionalKey(NonEmpty) })

const ProcedureFields = Schema.Struct({
  code: ProcedureCode,
  name: NonEmpty,
  nameEn: Schema.optionalKey(NonEmpty),
  field: Field,
  levels: Schema.Array(Level).check(Schema.isMinLength(1)),
  authority: CompetentAuthority,
  statutoryTime: Duration,
  /** The province's own (shorter or equal) time: the appointment is computed from it. */
  provincialTime: Duration,
  onlineService: OnlineServiceLevel,
  channels: Schema.Array(Channel).check(Schema.isMinLength(1)),
  /** May be filed at any centre of the province, whatever the applicant's address (thủ tục phi địa giới). */
  boundaryFree: Schema.Boolean,
  documents: Schema.Array(RequiredDocument),
  fees: Schema.Array(FeeItem),
  process: Schema.Array(ProcessStep).check(Schema.isMinLength(1)),
  result: ResultSpec,
  variants: Schema.Array(Variant),
  effectiveFrom: CatalogueDate,
  effectiveTo: Schema.optionalKey(CatalogueDate),
  /** The act publishing this version (provincial decision), and the law it implements. */
  publishedBy: NonEmpty,
  legalBasis: Schema.Array(NonEmpty),
  /** Free-text notes on what in this entry could not be sourced and is a placeholder. */
  unverified: Schema.optionalKey(Schema.Array(NonEmpty)),
})

/**
 * One version of a procedure. Beyond each field's own rule, an entry must be consistent: the provincial time is no
 * longer than the statutory one, the process allowances add up to the provincial time (for the procedure and for
 * each variant that changes either), every process (the procedure's, a variant's own) has a step that can decide and,
 * where the result needs a signature, one that can sign, the effective range is not inverted, and ids are unique.
 */
export const Procedure = ProcedureFields.check(
  Schema.makeFilter((p) => consistencyProblems(p).map(({ path, message }) => ({ path, issue: message })), {
    title: "consistent procedure",
  }),
)
export type Procedure = typeof Procedure.Type

// The roles whose steps may decide (approve or reject) and sign a dossier. They restate `stepBoundEvents` in
// dossier/permissions.ts, which the catalogue cannot import (the dossier module imports the catalogue); a test in
// catalogue.test.ts keeps the two the same.
export const DECIDING_ROLES: ReadonlyArray<StaffRole> = ["unit-leader", "authority-leader"]
export const SIGNING_ROLES: ReadonlyArray<StaffRole> = ["authority-leader", "unit-leader"]

const sumHours = (steps: ReadonlyArray<ProcessStep>) =>
  steps.reduce((total, s) => total + durationInHours(s.allowance), 0)

interface Inconsistency {
  readonly path: ReadonlyArray<PropertyKey>
  readonly message: string
}

function consistencyProblems(p: typeof ProcedureFields.Type): Inconsistency[] {
  const out: Inconsistency[] = []
  const check = (
    at: ReadonlyArray<PropertyKey>,
    statutory: Duration,
    provincial: Duration,
    process: ReadonlyArray<ProcessStep>,
  ) => {
    if (durationInHours(provincial) > durationInHours(statutory)) {
      out.push({ path: [...at, "provincialTime"], message: "the provincial time must not exceed the statutory time" })
    }
    const total = sumHours(process)
    if (Math.abs(total - durationInHours(provincial)) > 1e-9) {
      out.push({
        path: [...at, "process"],
        message: `the step allowances add up to ${total} working hours, but the provincial time is ${durationInHours(provincial)} working hours`,
      })
    }
  }
  check([], p.statutoryTime, p.provincialTime, p.process)
  p.variants.forEach((v, i) => {
    if (v.provincialTime !== undefined || v.process !== undefined || v.statutoryTime !== undefined) {
      check(
        ["variants", i],
        v.statutoryTime ?? p.statutoryTime,
        v.provincialTime ?? p.provincialTime,
        v.process ?? p.process,
      )
    }
  })
  // Without a leader's step no one may approve or reject (nor sign), so no dossier could ever reach a result.
  const canReachResult = (at: ReadonlyArray<PropertyKey>, process: ReadonlyArray<ProcessStep>) => {
    const roleNames = (roles: ReadonlyArray<StaffRole>) => roles.join(" or ")
    if (!process.some((s) => DECIDING_ROLES.includes(s.role))) {
      out.push({
        path: [...at, "process"],
        message: `no step can approve or reject (needs a ${roleNames(DECIDING_ROLES)} step)`,
      })
    }
    if (p.result.signatureRequired && !process.some((s) => SIGNING_ROLES.includes(s.role))) {
      out.push({
        path: [...at, "process"],
        message: `no step can sign the result, which needs a signature (needs an ${roleNames(SIGNING_ROLES)} step)`,
      })
    }
  }
  canReachResult([], p.process)
  p.variants.forEach((v, i) => {
    if (v.process !== undefined) canReachResult(["variants", i], v.process)
  })
  if (p.effectiveTo !== undefined && p.effectiveTo < p.effectiveFrom) {
    out.push({ path: ["effectiveTo"], message: "the version must not end before it starts" })
  }
  if (!p.levels.includes(p.authority.level)) {
    out.push({ path: ["authority", "level"], message: "the competent level must be one of the procedure's levels" })
  }
  const duplicates = (ids: ReadonlyArray<string>, at: ReadonlyArray<PropertyKey>, what: string) => {
    const seen = new Set<string>()
    ids.forEach((id, i) => {
      if (seen.has(id)) out.push({ path: [...at, i, "id"], message: `duplicate ${what} id "${id}"` })
      seen.add(id)
    })
  }
  duplicates(
    p.documents.map((d) => d.id),
    ["documents"],
    "document",
  )
  duplicates(
    p.fees.map((f) => f.id),
    ["fees"],
    "fee",
  )
  duplicates(
    p.process.map((s) => s.id),
    ["process"],
    "step",
  )
  duplicates(
    p.variants.map((v) => v.id),
    ["variants"],
    "variant",
  )
  return out
}

/** A catalogue: many procedures, several versions of one code allowed as long as their effective ranges do not overlap. */
export const Catalogue = Schema.Array(Procedure)
export type Catalogue = typeof Catalogue.Type
