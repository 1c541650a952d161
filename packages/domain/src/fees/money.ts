// Whole-đồng arithmetic for fees. VND has no minor unit, so every amount the citizen sees is an integer; percentages
// (tier rates, reductions) are computed exactly with integers and rounded once, half up, never through binary
// floating point (0.1 % of 1,234,500 must be 1,235 đồng, not 1,234 because 1234.5 came out as 1234.4999…).

/** A non-negative decimal number as an exact fraction `numerator / denominator` (denominator a power of ten). */
function decimalFraction(x: number): { numerator: bigint; denominator: bigint } {
  // Numbers at or above 1e21 print in exponent form but are integers; tiny ones (1e-7) print in exponent form too,
  // and toFixed(20) writes them out in positional notation.
  if (Number.isInteger(x)) return { numerator: BigInt(x), denominator: 1n }
  const text = /e/i.test(x.toString()) ? x.toFixed(20).replace(/0+$/, "") : x.toString()
  const [whole = "0", fraction = ""] = text.split(".")
  return { numerator: BigInt(whole + fraction), denominator: 10n ** BigInt(fraction.length) }
}

/** `numerator / denominator` rounded half up (for non-negative operands). */
function divideHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((2n * numerator + denominator) / (2n * denominator))
}

/** `percent` % of a whole-đồng `amount`, rounded half up to whole đồng. Both arguments are non-negative. */
export function percentOf(amount: number, percent: number): number {
  const { numerator, denominator } = decimalFraction(percent)
  return divideHalfUp(BigInt(amount) * numerator, 100n * denominator)
}

/**
 * What is owed on `gross` after a reduction of `reductionPercent` %: the amount owed is rounded half up (so a
 * half đồng is collected, not given away) and the reduction is whatever remains. 100 % always gives 0.
 */
export function afterReduction(gross: number, reductionPercent: number): { amount: number; reduction: number } {
  const amount = percentOf(gross, 100 - reductionPercent)
  return { amount, reduction: gross - amount }
}

/** `20000` → `20.000 đồng`, the way amounts are written in Vietnamese documents. */
export const formatDong = (amount: number): string => `${amount.toLocaleString("vi-VN")} đồng`

/** `20000` → `20,000 đồng` for the English explanation. */
export const formatDongEn = (amount: number): string => `${amount.toLocaleString("en-US")} đồng`

/** `0.1` → `0,1%` in Vietnamese and `0.1%` in English. */
export const formatPercent = (percent: number): string => `${percent.toLocaleString("vi-VN")}%`
export const formatPercentEn = (percent: number): string => `${percent.toLocaleString("en-US")}%`
