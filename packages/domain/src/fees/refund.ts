// Refunds: when a dossier is refused or withdrawn, each paid line is refunded or kept as its fee item says
// (`refund.onRefusal` / `refund.onWithdrawal`). A line is refunded in full, exactly what was owed on it: the rules
// know no partial refunds.
import { Result, Schema } from "effect"
import { Dong } from "../catalogue/schema.ts"
import { UnknownFeeLine } from "./errors.ts"
import { formatDong } from "./money.ts"
import { type FeeQuote, FeeQuoteLine } from "./quote.ts"

export const RefundReason = Schema.Literals(["refused", "withdrawn"])
export type RefundReason = typeof RefundReason.Type

const NonEmpty = Schema.String.check(Schema.isMinLength(1))

export const FeeRefundLine = Schema.Struct({
  itemId: NonEmpty,
  kind: FeeQuoteLine.fields.kind,
  name: NonEmpty,
  /** What was paid on the line. */
  paid: Dong,
  /** What goes back: all of it, or nothing. */
  refunded: Dong,
  /** Why, Vietnamese first. */
  text: NonEmpty,
  textEn: NonEmpty,
  legalBasis: NonEmpty,
})
export type FeeRefundLine = typeof FeeRefundLine.Type

export const FeeRefund = Schema.Struct({
  reason: RefundReason,
  /** One entry per paid line, refunded or kept. */
  lines: Schema.Array(FeeRefundLine),
  total: Dong,
})
export type FeeRefund = typeof FeeRefund.Type

const REASON = {
  refused: { vi: "hồ sơ bị từ chối", en: "the dossier was refused" },
  withdrawn: { vi: "hồ sơ được rút", en: "the dossier was withdrawn" },
} as const

/** What to give back on `quote` when the dossier ends for `reason`, given the item ids of the lines that were paid. */
export function refundFor(
  quote: FeeQuote,
  options: { readonly reason: RefundReason; readonly paid: ReadonlyArray<string> },
): Result.Result<FeeRefund, UnknownFeeLine> {
  const lines: FeeRefundLine[] = []
  for (const itemId of new Set(options.paid)) {
    const line = quote.lines.find((l) => l.itemId === itemId)
    if (line === undefined) return Result.fail(new UnknownFeeLine({ itemId }))
    const refundable = options.reason === "refused" ? line.refund.onRefusal : line.refund.onWithdrawal
    const refunded = refundable ? line.amount : 0
    const why = REASON[options.reason]
    lines.push({
      itemId,
      kind: line.kind,
      name: line.name,
      paid: line.amount,
      refunded,
      text: refundable ? `Hoàn trả ${formatDong(refunded)} vì ${why.vi}` : `Không hoàn trả khi ${why.vi}`,
      textEn: refundable ? `Refunded in full because ${why.en}` : `Not refunded when ${why.en}`,
      legalBasis: line.rule.legalBasis,
    })
  }
  return Result.succeed({ reason: options.reason, lines, total: lines.reduce((acc, l) => acc + l.refunded, 0) })
}
