import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { parseVietnamMobile } from "./phone.ts"

describe("parseVietnamMobile", () => {
  it("accepts national, international and spaced forms of one number", () => {
    for (const text of ["0912345678", "84912345678", "+84912345678", "0912 345 678", "091.234.5678", "091-234-5678"])
      expect(parseVietnamMobile(text)).toEqual(Result.succeed({ national: "0912345678", international: "84912345678" }))
  })

  it("refuses what is not a 10-digit mobile number, saying why", () => {
    const reason = (text: string) => {
      const parsed = parseVietnamMobile(text)
      return Result.isFailure(parsed) ? parsed.failure.reason : "accepted"
    }
    expect(reason("02033825555")).toMatch(/10 chữ số, có 11/) // a Quảng Ninh landline (11 digits)
    expect(reason("091234567")).toMatch(/10 chữ số, có 9/)
    expect(reason("01912345678")).toMatch(/10 chữ số, có 11/) // an old 11-digit number
    expect(reason("0912abc678")).toMatch(/chữ số/)
    expect(reason("0112345678")).toMatch(/đầu số/)
  })
})
