// Typed errors of fee quoting and refunds. Each says what is wrong and where, in words an officer can act on.
import { Data } from "effect"
import type { Channel } from "../catalogue/schema.ts"

export class UnknownVariant extends Data.TaggedError("UnknownVariant")<{
  readonly procedureCode: string
  readonly variantId: string
}> {
  override get message(): string {
    return `procedure ${this.procedureCode} has no variant "${this.variantId}"`
  }
}

export class ChannelNotAllowed extends Data.TaggedError("ChannelNotAllowed")<{
  readonly procedureCode: string
  readonly channel: Channel
  readonly allowed: ReadonlyArray<Channel>
}> {
  override get message(): string {
    return `procedure ${this.procedureCode} cannot be filed by ${this.channel}; allowed: ${this.allowed.join(", ")}`
  }
}

/** One input a fee rule needs that the request does not give. */
export interface MissingInput {
  readonly itemId: string
  /** The request field that is missing: `quantities.copy`, `declaredValue` or `area`. */
  readonly input: string
}

/** Every item whose rule needs an input that the request lacks (all of them at once, for a form to show). */
export class MissingFeeInput extends Data.TaggedError("MissingFeeInput")<{
  readonly missing: ReadonlyArray<MissingInput>
}> {
  override get message(): string {
    return `the fee quote needs more input: ${this.missing.map((m) => `${m.input} (for fee item "${m.itemId}")`).join("; ")}`
  }
}

/** A fee rule that cannot produce an amount: a catalogue data problem, not the applicant's. */
export class UnusableFeeRule extends Data.TaggedError("UnusableFeeRule")<{
  readonly itemId: string
  readonly problem: string
}> {
  override get message(): string {
    return `fee item "${this.itemId}": ${this.problem}`
  }
}

/** A refund was asked for a line that is not in the quote. */
export class UnknownFeeLine extends Data.TaggedError("UnknownFeeLine")<{
  readonly itemId: string
}> {
  override get message(): string {
    return `the quote has no fee line "${this.itemId}"`
  }
}

/** Exemption categories the procedure has no exemption for: a misspelt or inapplicable one must not pass silently. */
export class UnknownExemptionCategory extends Data.TaggedError("UnknownExemptionCategory")<{
  readonly procedureCode: string
  /** Each unknown category with its index in the request's applicantCategories. */
  readonly unknown: ReadonlyArray<{ readonly index: number; readonly category: string }>
  readonly known: ReadonlyArray<string>
}> {
  override get message(): string {
    const known = this.known.length === 0 ? "không có đối tượng miễn, giảm nào (none)" : this.known.join(", ")
    return `thủ tục ${this.procedureCode} không có miễn, giảm cho đối tượng ${this.unknown.map((u) => u.category).join(", ")}; các đối tượng được miễn, giảm: ${known} (no exemption for these categories)`
  }
}

export type QuoteError =
  | UnknownVariant
  | ChannelNotAllowed
  | MissingFeeInput
  | UnusableFeeRule
  | UnknownExemptionCategory
