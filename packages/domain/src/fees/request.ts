// What a fee quote is asked for: the facts about one application that the fee rules of a procedure depend on.
// A Schema, so the API validates the same shape that the domain computes with.
import { Schema } from "effect"
import { Channel, type FeeAmount } from "../catalogue/schema.ts"

const NonEmpty = Schema.String.check(Schema.isMinLength(1))
const Count = Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0))
const NonNegative = Schema.Number.check(Schema.isFinite(), Schema.isGreaterThanOrEqualTo(0))

/** What a per-unit fee counts (same set as `FeeAmount`'s per-unit `per`). */
export const FeeUnit = Schema.Literals(["copy", "page", "item", "certificate", "person", "vehicle"])
export type FeeUnit = typeof FeeUnit.Type

// Keeps FeeUnit and the catalogue's per-unit kinds the same set: this line stops compiling if either changes alone.
type PerUnitKind = Extract<FeeAmount, { type: "per-unit" }>["per"]
const _sameUnits: [FeeUnit, PerUnitKind] extends [PerUnitKind, FeeUnit] ? true : never = true
void _sameUnits

export const FeeQuoteRequest = Schema.Struct({
  /** How the dossier is filed: amounts may differ by channel. */
  channel: Channel,
  /** The procedure's variant (case), when it has its own fees. */
  variantId: Schema.optionalKey(NonEmpty),
  /** Categories the applicant belongs to (e.g. `poor-household`), as used in the fee items' exemptions. */
  applicantCategories: Schema.optionalKey(Schema.Array(NonEmpty)),
  /** How many of each counted unit are asked for; a per-unit item needs the count of its unit. */
  quantities: Schema.optionalKey(
    Schema.Struct({
      copy: Schema.optionalKey(Count),
      page: Schema.optionalKey(Count),
      item: Schema.optionalKey(Count),
      certificate: Schema.optionalKey(Count),
      person: Schema.optionalKey(Count),
      vehicle: Schema.optionalKey(Count),
    }),
  ),
  /** Declared value in đồng, the basis of items tiered by value. */
  declaredValue: Schema.optionalKey(Count),
  /** Area in m², the basis of items tiered by area. */
  area: Schema.optionalKey(NonNegative),
})
export type FeeQuoteRequest = typeof FeeQuoteRequest.Type
