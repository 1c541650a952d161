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

// One formatter per locale, made once: `n.toLocaleString(locale)` builds an ICU number format on every call that V8
// caches only for the locale used last, so the Vietnamese and English texts written side by side (every fee line has
// both) rebuilt it each time (~50 µs a call against ~1 µs). Same output: `toLocaleString(locale)` is specified as
// `new Intl.NumberFormat(locale).format(n)`.
const VI_NUMBER = new Intl.NumberFormat("vi-VN")
const EN_NUMBER = new Intl.NumberFormat("en-US")

/** `1234.5` → `1.234,5`, a number written the Vietnamese way (what `toLocaleString("vi-VN")` writes). */
export const formatNumber = (n: number): string => VI_NUMBER.format(n)

/** `1234.5` → `1,234.5` for English texts (what `toLocaleString("en-US")` writes). */
export const formatNumberEn = (n: number): string => EN_NUMBER.format(n)

/** `20000` → `20.000 đồng`, the way amounts are written in Vietnamese documents. */
export const formatDong = (amount: number): string => `${formatNumber(amount)} đồng`

/** `20000` → `20,000 đồng` for the English explanation. */
export const formatDongEn = (amount: number): string => `${formatNumberEn(amount)} đồng`

/** `0.1` → `0,1%` in Vietnamese and `0.1%` in English. */
export const formatPercent = (percent: number): string => `${formatNumber(percent)}%`
export const formatPercentEn = (percent: number): string => `${formatNumberEn(percent)}%`
