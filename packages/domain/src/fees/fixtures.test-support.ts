// Builds small, valid procedures around the fee items a test is about.
import { sampleProcedure } from "../../test/sample-procedure.ts"
import type { FeeItem, Procedure, Variant } from "../catalogue/schema.ts"

export function feeItem(overrides: Partial<FeeItem> & Pick<FeeItem, "id" | "amount">): FeeItem {
  return {
    kind: "charge",
    name: `Lệ phí ${overrides.id}`,
    exemptions: [],
    due: "at-intake",
    refund: { onRefusal: false, onWithdrawal: false },
    legalBasis: "Thông tư 85/2019/TT-BTC",
    ...overrides,
  }
}

/** The shared sample procedure (permanent residence registration) with the fee items under test. */
export function procedureWithFees(
  fees: ReadonlyArray<FeeItem>,
  options: { channels?: Procedure["channels"]; variants?: ReadonlyArray<Variant> } = {},
): Procedure {
  return {
    ...sampleProcedure(),
    channels: options.channels ?? ["counter", "online", "post"],
    fees,
    variants: options.variants ?? [],
  }
}
