import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { formatDong, formatDongEn, formatNumber, formatNumberEn, formatPercent, formatPercentEn } from "./money.ts"

describe("numbers written for people", () => {
  it("writes what toLocaleString writes, in both languages, with the formatters made once", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 10_000_000_000 }), fc.double({ min: 0, max: 1e12, noNaN: true })),
        (n) => {
          expect(formatNumber(n)).toBe(n.toLocaleString("vi-VN"))
          expect(formatNumberEn(n)).toBe(n.toLocaleString("en-US"))
        },
      ),
      { numRuns: 2_000 },
    )
  })

  it("writes amounts and rates the Vietnamese way first, the English way second", () => {
    expect(formatDong(1_234_500)).toBe("1.234.500 đồng")
    expect(formatDongEn(1_234_500)).toBe("1,234,500 đồng")
    expect(formatPercent(0.5)).toBe("0,5%")
    expect(formatPercentEn(0.5)).toBe("0.5%")
    expect(formatNumber(1234.5)).toBe("1.234,5")
  })
})
