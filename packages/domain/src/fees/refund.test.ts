import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { feeItem, procedureWithFees } from "./fixtures.test-support.ts"
import { quoteFees } from "./quote.ts"
import { refundFor } from "./refund.ts"

const procedure = procedureWithFees([
  feeItem({
    id: "processing-fee",
    kind: "fee",
    amount: { type: "flat", amount: 100_000 },
    refund: { onRefusal: true, onWithdrawal: false },
  }),
  feeItem({
    id: "charge",
    amount: { type: "flat", amount: 30_000 },
    refund: { onRefusal: true, onWithdrawal: true },
  }),
  feeItem({ id: "kept", amount: { type: "flat", amount: 5_000 } }),
])
const quoted = quoteFees(procedure, { channel: "counter" })
if (Result.isFailure(quoted)) throw quoted.failure
const quote = quoted.success

const refund = (reason: "refused" | "withdrawn", paid: string[]) => {
  const r = refundFor(quote, { reason, paid })
  if (Result.isFailure(r)) throw r.failure
  return r.success
}

describe("refundFor", () => {
  it("refunds what the items say on refusal", () => {
    const r = refund("refused", ["processing-fee", "charge", "kept"])
    expect(r.lines.map((l) => [l.itemId, l.paid, l.refunded])).toEqual([
      ["processing-fee", 100_000, 100_000],
      ["charge", 30_000, 30_000],
      ["kept", 5_000, 0],
    ])
    expect(r.total).toBe(130_000)
    expect(r.lines[0]?.text).toContain("Hoàn trả 100.000 đồng")
    expect(r.lines[2]?.text).toContain("Không hoàn trả")
  })

  it("refunds what the items say on withdrawal", () => {
    const r = refund("withdrawn", ["processing-fee", "charge"])
    expect(r.total).toBe(30_000)
  })

  it("refunds only lines that were paid, once each", () => {
    const r = refund("refused", ["charge", "charge"])
    expect(r.lines).toHaveLength(1)
    expect(r.total).toBe(30_000)
    expect(refund("refused", []).total).toBe(0)
  })

  it("fails on a paid line the quote does not have", () => {
    const r = refundFor(quote, { reason: "refused", paid: ["stamp-duty"] })
    expect(Result.isFailure(r) && r.failure._tag).toBe("UnknownFeeLine")
    expect(Result.isFailure(r) && r.failure.message).toContain("stamp-duty")
  })
})
