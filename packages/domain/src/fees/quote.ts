// Fee quotes: the itemised bill for one application of a procedure, in whole đồng, each line with the rule that
// produced it, so the officer and the citizen can both check it.
//
// Rules, in the order they are applied to each fee item of the procedure (or of its variant, via applyVariant):
// 1. Amount for the channel: the item's `byChannel` entry for the request's channel if there is one, else `amount`.
// 2. Gross amount:
//    - flat: the amount;
//    - per unit: nothing when the count is 0; otherwise `base` (default 0, it covers the first `included` units)
//      plus, for each unit beyond `included`, the price of the step its number falls in (`steps`, e.g. 2,000 đ for
//      pages 1–2) or `amount` past the last step or without steps, capped at `max`. With `each` (e.g. pages of each
//      copy) that amount, cap included, is for one of them and is multiplied by their count; both counts are needed;
//    - tiered: the ONE bracket that contains the basis (declared value in đồng, or area in m²) is selected, that is
//      the tier with the smallest `upTo` that is ≥ the basis (an open-ended tier, without `upTo`, comes last); the
//      whole basis is charged at that bracket: its fixed `amount`, plus `ratePercent` % of the declared value, capped
//      at `cap`. This is how Vietnamese registration fees are written (one rate and a ceiling for the bracket the
//      value falls in), not a progressive/marginal tax where each slice has its own rate. A rate on an area basis is
//      rejected as a data error: a percentage of square metres is not an amount of money.
// 3. Reduction: of the item's exemptions whose category the applicant declares, the single largest percentage
//    applies; reductions are never added up (a poor household that is also an ethnic minority gets the better of the
//    two, not both). The amount owed is rounded half up to whole đồng and the reduction is the rest, so a half đồng
//    is collected rather than given away; 100 % always leaves 0, and no amount is ever negative.
// Percentages are computed exactly with integers (see money.ts), never through binary floating point.
import { Result, Schema } from "effect"
import { applyVariant } from "../catalogue/queries.ts"
import {
  Channel,
  Dong,
  type FeeAmount,
  FeeExemption,
  type FeeItem,
  FeeItem as FeeItemSchema,
  type Procedure,
  ProcedureCode,
} from "../catalogue/schema.ts"
import type { QuoteError } from "./errors.ts"
import {
  ChannelNotAllowed,
  MissingFeeInput,
  type MissingInput,
  UnknownExemptionCategory,
  UnknownVariant,
  UnusableFeeRule,
} from "./errors.ts"
import {
  afterReduction,
  formatDong,
  formatDongEn,
  formatNumber,
  formatNumberEn,
  formatPercent,
  formatPercentEn,
  percentOf,
} from "./money.ts"
import type { FeeQuoteRequest, FeeUnit } from "./request.ts"

const NonEmpty = Schema.String.check(Schema.isMinLength(1))
const NonNegative = Schema.Number.check(Schema.isFinite(), Schema.isGreaterThanOrEqualTo(0))

/** When a line must be paid. */
export const FeeDue = FeeItemSchema.fields.due
export type FeeDue = typeof FeeDue.Type
export const FEE_DUE_MOMENTS: ReadonlyArray<FeeDue> = ["at-intake", "before-processing", "before-result"]

/** Why a line has the amount it has, Vietnamese first, and the act that sets it. */
export const FeeRuleExplanation = Schema.Struct({ text: NonEmpty, textEn: NonEmpty, legalBasis: NonEmpty })
export type FeeRuleExplanation = typeof FeeRuleExplanation.Type

export const FeeQuoteLine = Schema.Struct({
  itemId: NonEmpty,
  kind: FeeItemSchema.fields.kind,
  name: NonEmpty,
  due: FeeDue,
  /** For per-unit items: the count charged for and the amount per unit. */
  quantity: Schema.optionalKey(Dong),
  unitAmount: Schema.optionalKey(Dong),
  /** For tiered items: what the bracket was chosen by. */
  basis: Schema.optionalKey(Schema.Struct({ kind: Schema.Literals(["value", "area"]), value: NonNegative })),
  gross: Dong,
  reduction: Dong,
  /** What is owed: gross − reduction. */
  amount: Dong,
  rule: FeeRuleExplanation,
  /** The exemption or reduction applied, if any. */
  exemption: Schema.optionalKey(FeeExemption),
  /** Copied from the item so that a refund can be worked out from the quote alone. */
  refund: FeeItemSchema.fields.refund,
  /** The catalogue marks the amount as a placeholder the province has to confirm. */
  unverified: Schema.optionalKey(NonEmpty),
})
export type FeeQuoteLine = typeof FeeQuoteLine.Type

const QuoteFields = Schema.Struct({
  procedureCode: ProcedureCode,
  variantId: Schema.optionalKey(NonEmpty),
  channel: Channel,
  lines: Schema.Array(FeeQuoteLine),
  total: Dong,
  totalFees: Dong,
  totalCharges: Dong,
  byDue: Schema.Struct({ "at-intake": Dong, "before-processing": Dong, "before-result": Dong }),
})

/** A quote whose totals are the sums of its lines and whose lines each owe gross − reduction. */
export const FeeQuote = QuoteFields.check(
  Schema.makeFilter(
    (q) => {
      const issues: Array<{ path: ReadonlyArray<PropertyKey>; issue: string }> = []
      q.lines.forEach((l, i) => {
        if (l.amount !== l.gross - l.reduction)
          issues.push({ path: ["lines", i, "amount"], issue: "the amount must be gross − reduction" })
      })
      const expected = totalsOf(q.lines)
      for (const key of ["total", "totalFees", "totalCharges"] as const) {
        if (q[key] !== expected[key]) issues.push({ path: [key], issue: `must be ${expected[key]}, the sum of lines` })
      }
      for (const due of FEE_DUE_MOMENTS) {
        if (q.byDue[due] !== expected.byDue[due])
          issues.push({ path: ["byDue", due], issue: `must be ${expected.byDue[due]}, the sum of lines due then` })
      }
      return issues
    },
    { title: "consistent fee quote" },
  ),
)
export type FeeQuote = typeof FeeQuote.Type

type Totals = Pick<FeeQuote, "total" | "totalFees" | "totalCharges" | "byDue">

function totalsOf(lines: ReadonlyArray<Pick<FeeQuoteLine, "amount" | "kind" | "due">>): Totals {
  const sum = (keep: (l: (typeof lines)[number]) => boolean) => lines.filter(keep).reduce((acc, l) => acc + l.amount, 0)
  return {
    total: sum(() => true),
    totalFees: sum((l) => l.kind === "fee"),
    totalCharges: sum((l) => l.kind === "charge"),
    byDue: {
      "at-intake": sum((l) => l.due === "at-intake"),
      "before-processing": sum((l) => l.due === "before-processing"),
      "before-result": sum((l) => l.due === "before-result"),
    },
  }
}

const UNIT_NAMES: Record<FeeUnit, { vi: string; en: string; enPlural: string }> = {
  copy: { vi: "bản", en: "copy", enPlural: "copies" },
  page: { vi: "trang", en: "page", enPlural: "pages" },
  item: { vi: "mục", en: "item", enPlural: "items" },
  certificate: { vi: "giấy chứng nhận", en: "certificate", enPlural: "certificates" },
  person: { vi: "người", en: "person", enPlural: "persons" },
  vehicle: { vi: "phương tiện", en: "vehicle", enPlural: "vehicles" },
}

const CHANNEL_NAMES: Record<Channel, { vi: string; en: string }> = {
  counter: { vi: "nộp trực tiếp", en: "filed at the counter" },
  online: { vi: "nộp trực tuyến", en: "filed online" },
  post: { vi: "nộp qua bưu chính", en: "filed by post" },
}

interface Gross {
  readonly gross: number
  readonly quantity?: number
  readonly unitAmount?: number
  readonly basis?: { kind: "value" | "area"; value: number }
  readonly text: string
  readonly textEn: string
}

type GrossOutcome = { missing: ReadonlyArray<MissingInput> } | { unusable: UnusableFeeRule } | { ok: Gross }

const enUnits = (n: number, unit: FeeUnit) => `${n} ${n === 1 ? UNIT_NAMES[unit].en : UNIT_NAMES[unit].enPlural}`

/**
 * The amount for `quantity` units before the cap: `base` for the first `included` units, then each further unit at
 * the price of the step its number falls in (units past the last step, or all of them without steps, at `amount`).
 */
function perUnitUncapped(rule: Extract<FeeAmount, { type: "per-unit" }>, quantity: number): number {
  if (quantity === 0) return 0
  let charged = rule.included ?? 0 // units numbered up to here are paid for
  let total = rule.base ?? 0
  for (const step of rule.steps ?? []) {
    if (charged >= quantity) break
    const through = Math.min(step.upToUnits, quantity)
    if (through > charged) {
      total += step.amount * (through - charged)
      charged = through
    }
  }
  return total + rule.amount * Math.max(0, quantity - charged)
}

function perUnitGross(
  itemId: string,
  rule: Extract<FeeAmount, { type: "per-unit" }>,
  request: FeeQuoteRequest,
): GrossOutcome {
  if (rule.each === rule.per)
    return {
      unusable: new UnusableFeeRule({
        itemId,
        problem: `a count of ${rule.per} cannot be taken for each ${rule.each}`,
      }),
    }
  const quantity = request.quantities?.[rule.per]
  const eachCount = rule.each === undefined ? 1 : request.quantities?.[rule.each]
  const missing: MissingInput[] = []
  if (quantity === undefined) missing.push({ itemId, input: `quantities.${rule.per}` })
  if (eachCount === undefined) missing.push({ itemId, input: `quantities.${rule.each}` })
  if (quantity === undefined || eachCount === undefined) return { missing }
  const included = rule.included ?? 0
  const base = rule.base ?? 0
  const uncapped = perUnitUncapped(rule, quantity)
  const gross = eachCount * (rule.max === undefined ? uncapped : Math.min(uncapped, rule.max))
  const unit = UNIT_NAMES[rule.per]
  const each = rule.each === undefined ? undefined : UNIT_NAMES[rule.each]
  const parts = [each === undefined ? `${quantity} ${unit.vi}` : `${quantity} ${unit.vi} mỗi ${each.vi}`]
  const partsEn = [each === undefined ? enUnits(quantity, rule.per) : `${enUnits(quantity, rule.per)} each`]
  if (included > 0 || base > 0) {
    const first =
      base === 0 ? `không thu ${included} ${unit.vi} đầu` : `${formatDong(base)} cho ${included} ${unit.vi} đầu`
    parts.push(`${first}, từ ${unit.vi} thứ ${included + 1}`)
    partsEn.push(
      base === 0
        ? `the first ${enUnits(included, rule.per)} free, then`
        : `${formatDongEn(base)} for the first ${enUnits(included, rule.per)}, then`,
    )
  }
  for (const step of rule.steps ?? []) {
    parts.push(`${formatDong(step.amount)}/${unit.vi} đến ${unit.vi} thứ ${step.upToUnits}`)
    partsEn.push(`${formatDongEn(step.amount)} per ${unit.en} up to ${unit.en} ${step.upToUnits}`)
  }
  const lastStep = rule.steps?.[rule.steps.length - 1]
  if (lastStep === undefined) {
    parts.push(`${formatDong(rule.amount)}/${unit.vi}`)
    partsEn.push(`${formatDongEn(rule.amount)} per ${unit.en}`)
  } else {
    parts.push(`từ ${unit.vi} thứ ${lastStep.upToUnits + 1}: ${formatDong(rule.amount)}/${unit.vi}`)
    partsEn.push(`then ${formatDongEn(rule.amount)} per ${unit.en} from ${unit.en} ${lastStep.upToUnits + 1}`)
  }
  if (rule.max !== undefined) {
    parts.push(`tối đa ${formatDong(rule.max)}${each === undefined ? "" : `/${each.vi}`}`)
    partsEn.push(`at most ${formatDongEn(rule.max)}${each === undefined ? "" : ` per ${each.en}`}`)
  }
  if (rule.each !== undefined && each !== undefined) {
    parts.push(`× ${eachCount} ${each.vi}`)
    partsEn.push(`× ${enUnits(eachCount, rule.each)}`)
  }
  return {
    ok: {
      gross,
      quantity,
      // With steps there is no single price per unit to show; the rule text lists them.
      ...(rule.steps === undefined ? { unitAmount: rule.amount } : {}),
      text: `Thu theo đơn vị: ${parts.join(", ")}`,
      textEn: `Per unit: ${partsEn.join(", ")}`,
    },
  }
}

function tieredGross(
  itemId: string,
  rule: Extract<FeeAmount, { type: "tiered" }>,
  request: FeeQuoteRequest,
): GrossOutcome {
  const basis = rule.basis === "value" ? request.declaredValue : request.area
  if (basis === undefined) return { missing: [{ itemId, input: rule.basis === "value" ? "declaredValue" : "area" }] }
  const sorted = [...rule.tiers].sort(
    (a, b) => (a.upTo ?? Number.POSITIVE_INFINITY) - (b.upTo ?? Number.POSITIVE_INFINITY),
  )
  const index = sorted.findIndex((t) => t.upTo === undefined || basis <= t.upTo)
  const tier = sorted[index]
  const shown = (n: number) => (rule.basis === "value" ? formatDong(n) : `${formatNumber(n)} m²`)
  const shownEn = (n: number) => (rule.basis === "value" ? formatDongEn(n) : `${formatNumberEn(n)} m²`)
  if (tier === undefined) {
    const last = sorted[sorted.length - 1]?.upTo ?? 0
    return {
      unusable: new UnusableFeeRule({
        itemId,
        problem: `no tier contains the ${rule.basis} ${basis}: the last tier ends at ${last} and none is open-ended`,
      }),
    }
  }
  if (tier.amount === undefined && tier.ratePercent === undefined)
    return { unusable: new UnusableFeeRule({ itemId, problem: `tier ${index + 1} has neither an amount nor a rate` }) }
  if (tier.ratePercent !== undefined && rule.basis === "area")
    return { unusable: new UnusableFeeRule({ itemId, problem: "a rate in percent cannot apply to an area basis" }) }
  if (tier.ratePercent !== undefined && !Number.isInteger(basis))
    return { unusable: new UnusableFeeRule({ itemId, problem: `the declared value ${basis} is not whole đồng` }) }

  const fromRate = tier.ratePercent === undefined ? 0 : percentOf(basis, tier.ratePercent)
  const uncapped = (tier.amount ?? 0) + fromRate
  const gross = tier.cap === undefined ? uncapped : Math.min(uncapped, tier.cap)

  const previous = sorted[index - 1]?.upTo
  const bracket =
    tier.upTo !== undefined
      ? `bậc đến ${shown(tier.upTo)}`
      : previous === undefined
        ? "bậc duy nhất"
        : `bậc trên ${shown(previous)}`
  const bracketEn =
    tier.upTo !== undefined
      ? `the bracket up to ${shownEn(tier.upTo)}`
      : previous === undefined
        ? "the only bracket"
        : `the bracket above ${shownEn(previous)}`
  const charge: string[] = []
  const chargeEn: string[] = []
  if (tier.amount !== undefined) {
    charge.push(formatDong(tier.amount))
    chargeEn.push(formatDongEn(tier.amount))
  }
  if (tier.ratePercent !== undefined) {
    charge.push(`${formatPercent(tier.ratePercent)} giá trị (${formatDong(fromRate)})`)
    chargeEn.push(`${formatPercentEn(tier.ratePercent)} of the value (${formatDongEn(fromRate)})`)
  }
  if (tier.cap !== undefined) {
    charge.push(`tối đa ${formatDong(tier.cap)}`)
    chargeEn.push(`at most ${formatDongEn(tier.cap)}`)
  }
  const what = rule.basis === "value" ? "Giá trị kê khai" : "Diện tích"
  const whatEn = rule.basis === "value" ? "Declared value" : "Area"
  return {
    ok: {
      gross,
      basis: { kind: rule.basis, value: basis },
      text: `${what} ${shown(basis)} thuộc ${bracket}: ${charge.join(", ")}`,
      textEn: `${whatEn} ${shownEn(basis)} falls in ${bracketEn}: ${chargeEn.join(", ")}`,
    },
  }
}

function grossOf(itemId: string, rule: FeeAmount, request: FeeQuoteRequest): GrossOutcome {
  switch (rule.type) {
    case "flat":
      return {
        ok: {
          gross: rule.amount,
          text: `Mức thu cố định ${formatDong(rule.amount)}`,
          textEn: `Flat amount of ${formatDongEn(rule.amount)}`,
        },
      }
    case "per-unit":
      return perUnitGross(itemId, rule, request)
    case "tiered":
      return tieredGross(itemId, rule, request)
  }
}

/** The largest reduction among the exemptions the applicant qualifies for; the first listed wins a tie. */
export function bestExemption(
  item: Pick<FeeItem, "exemptions">,
  categories: ReadonlyArray<string>,
): FeeItem["exemptions"][number] | undefined {
  let best: FeeItem["exemptions"][number] | undefined
  for (const e of item.exemptions) {
    if (categories.includes(e.category) && (best === undefined || e.reductionPercent > best.reductionPercent)) best = e
  }
  return best
}

function lineFor(
  item: FeeItem,
  request: FeeQuoteRequest,
): { missing: ReadonlyArray<MissingInput> } | { unusable: UnusableFeeRule } | { ok: FeeQuoteLine } {
  const forChannel = item.byChannel?.find((c) => c.channel === request.channel)
  const outcome = grossOf(item.id, forChannel?.amount ?? item.amount, request)
  if (!("ok" in outcome)) return outcome
  const { gross, text, textEn, ...details } = outcome.ok
  const exemption = gross > 0 ? bestExemption(item, request.applicantCategories ?? []) : undefined
  const { amount, reduction } =
    exemption === undefined ? { amount: gross, reduction: 0 } : afterReduction(gross, exemption.reductionPercent)

  const channel = CHANNEL_NAMES[request.channel]
  let vi = forChannel === undefined ? text : `${text} (mức khi ${channel.vi})`
  let en = forChannel === undefined ? textEn : `${textEn} (amount when ${channel.en})`
  if (exemption !== undefined) {
    vi +=
      exemption.reductionPercent === 100
        ? `; miễn cho đối tượng ${exemption.category} theo ${exemption.legalBasis}`
        : `; giảm ${formatPercent(exemption.reductionPercent)} (${formatDong(reduction)}) cho đối tượng ${exemption.category} theo ${exemption.legalBasis}`
    en +=
      exemption.reductionPercent === 100
        ? `; exempt as ${exemption.category} under ${exemption.legalBasis}`
        : `; reduced by ${formatPercentEn(exemption.reductionPercent)} (${formatDongEn(reduction)}) as ${exemption.category} under ${exemption.legalBasis}`
  }
  return {
    ok: {
      itemId: item.id,
      kind: item.kind,
      name: item.name,
      due: item.due,
      ...details,
      gross,
      reduction,
      amount,
      rule: { text: vi, textEn: en, legalBasis: item.legalBasis },
      ...(exemption === undefined ? {} : { exemption }),
      refund: item.refund,
      ...(item.unverified === undefined ? {} : { unverified: item.unverified }),
    },
  }
}

/**
 * The itemised fees and charges for one application of `procedure` (the version in force, chosen by the caller).
 * Fails with every missing input at once, or on an unknown variant, a channel the procedure does not take, or a fee
 * rule the catalogue data makes impossible to apply.
 */
export function quoteFees(procedure: Procedure, request: FeeQuoteRequest): Result.Result<FeeQuote, QuoteError> {
  const applied = applyVariant(procedure, request.variantId)
  if (Result.isFailure(applied))
    return Result.fail(new UnknownVariant({ procedureCode: procedure.code, variantId: request.variantId ?? "" }))
  const p = applied.success
  if (!p.channels.includes(request.channel))
    return Result.fail(new ChannelNotAllowed({ procedureCode: p.code, channel: request.channel, allowed: p.channels }))
  const known = [...new Set(p.fees.flatMap((f) => f.exemptions.map((e) => e.category)))].sort()
  const unknown = (request.applicantCategories ?? []).flatMap((category, index) =>
    known.includes(category) ? [] : [{ index, category }],
  )
  if (unknown.length > 0) return Result.fail(new UnknownExemptionCategory({ procedureCode: p.code, unknown, known }))

  const lines: FeeQuoteLine[] = []
  const missing: MissingInput[] = []
  for (const item of p.fees) {
    const outcome = lineFor(item, request)
    if ("unusable" in outcome) return Result.fail(outcome.unusable)
    if ("missing" in outcome) missing.push(...outcome.missing)
    else lines.push(outcome.ok)
  }
  if (missing.length > 0) return Result.fail(new MissingFeeInput({ missing }))
  return Result.succeed({
    procedureCode: p.code,
    ...(request.variantId === undefined ? {} : { variantId: request.variantId }),
    channel: request.channel,
    lines,
    ...totalsOf(lines),
  })
}

export { totalsOf as feeTotals }
