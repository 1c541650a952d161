import { fc, test } from "@fast-check/vitest"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { buildVietQr, crc16CcittFalse, parseVietQr, type VietQr } from "./vietqr.ts"

const built = (qr: VietQr) => {
  const r = buildVietQr(qr)
  if (Result.isFailure(r)) throw r.failure
  return r.success
}
const parsed = (payload: string) => {
  const r = parseVietQr(payload)
  if (Result.isFailure(r)) throw r.failure
  return r.success
}
const buildProblem = (qr: VietQr) => {
  const r = buildVietQr(qr)
  if (Result.isSuccess(r)) throw new Error(`${r.success} was built`)
  return r.failure.field
}
const parseProblem = (payload: string) => {
  const r = parseVietQr(payload)
  if (Result.isSuccess(r)) throw new Error(`${payload} was accepted`)
  return r.failure
}
/** Recomputes the CRC so a test can alter the body and still reach the structural checks. */
const withCrc = (bodyEndingIn6304: string) =>
  bodyEndingIn6304 + crc16CcittFalse(bodyEndingIn6304).toString(16).toUpperCase().padStart(4, "0")

describe("crc16CcittFalse", () => {
  it("gives the catalogue check value of CRC-16/CCITT-FALSE", () => {
    // The standard check: CRC of "123456789" is 0x29B1 for poly 0x1021, init 0xFFFF, no reflection, no xorout.
    expect(crc16CcittFalse("123456789")).toBe(0x29b1)
    expect(crc16CcittFalse("")).toBe(0xffff)
  })
})

describe("buildVietQr", () => {
  it("lays out the NAPAS tags of a dynamic transfer QR", () => {
    const payload = built({ bankBin: "970415", accountNumber: "113366668888", amount: 10000, billNumber: "MC0001" })
    expect(payload).toBe(
      withCrc(
        "000201" +
          "010212" +
          "3856" +
          "0010A000000727" +
          "0126" +
          "0006970415" +
          "0112113366668888" +
          "0208QRIBFTTA" +
          "5303704" +
          "540510000" +
          "5802VN" +
          "6210" +
          "0106MC0001" +
          "6304",
      ),
    )
    // Cross-checked with an independent implementation: Python's binascii.crc_hqx(payload, 0xFFFF).
    expect(payload.slice(-4)).toBe("9ADF")
  })

  it("makes a static QR (01 = 11, no tag 54) without an amount", () => {
    const payload = built({ bankBin: "970436", accountNumber: "0011001234567" })
    expect(payload.startsWith("000201010211")).toBe(true)
    expect(payload).not.toContain("5405")
    expect(parsed(payload)).toEqual({ bankBin: "970436", accountNumber: "0011001234567", service: "account" })
  })

  it("names the input field that cannot be encoded", () => {
    const base = { bankBin: "970415", accountNumber: "113366668888" }
    expect(buildProblem({ ...base, bankBin: "97041" })).toBe("bankBin")
    expect(buildProblem({ ...base, accountNumber: "11-33" })).toBe("accountNumber")
    expect(buildProblem({ ...base, accountNumber: "12345678901234567890" })).toBe("accountNumber")
    expect(buildProblem({ ...base, amount: 0 })).toBe("amount")
    expect(buildProblem({ ...base, amount: 10.5 })).toBe("amount")
    expect(buildProblem({ ...base, amount: 10_000_000_000_000 })).toBe("amount")
    expect(buildProblem({ ...base, billNumber: "" })).toBe("billNumber")
    expect(buildProblem({ ...base, billNumber: "X".repeat(26) })).toBe("billNumber")
    expect(buildProblem({ ...base, purpose: "Lệ phí cư trú" })).toBe("purpose")
  })
})

describe("parseVietQr", () => {
  const good = () => built({ bankBin: "970415", accountNumber: "113366668888", amount: 10000, billNumber: "MC0001" })

  it("reads back what was built, tolerating tags it does not use (merchant name, city)", () => {
    expect(parsed(good())).toEqual({
      bankBin: "970415",
      accountNumber: "113366668888",
      service: "account",
      amount: 10000,
      billNumber: "MC0001",
    })
    const body = good().slice(0, -8)
    const withName = withCrc(`${body.replace("5802VN", "5802VN5910MOT CUA QN6007Ha Long")}6304`)
    expect(parsed(withName).amount).toBe(10000)
  })

  it("refuses a payload whose CRC does not match, naming tag 63", () => {
    const payload = good()
    const altered = payload.replace("540510000", "540520000")
    const e = parseProblem(altered)
    expect(e.field).toBe("63")
    expect(e.message).toContain("CRC")
    expect(parseProblem(`${payload.slice(0, -4)}abcd`).field).toBe("63")
    expect(parseProblem("000201").field).toBe("63")
  })

  it("names the tag that is wrong in a payload with a valid CRC", () => {
    const body = good().slice(0, -4)
    expect(parseProblem(withCrc(body.replace("5303704", "5303840"))).field).toBe("53")
    expect(parseProblem(withCrc(body.replace("5802VN", "5802US"))).field).toBe("58")
    expect(parseProblem(withCrc(body.replace("0010A000000727", "0010A000000999"))).field).toBe("38.00")
    expect(parseProblem(withCrc(body.replace("0006970415", "0006970A15"))).field).toBe("38.01.00")
    expect(parseProblem(withCrc(body.replace("0208QRIBFTTA", "0208QRIBFTTX"))).field).toBe("38.02")
    expect(parseProblem(withCrc(body.replace("540510000", "540510.00"))).field).toBe("54")
    expect(parseProblem(withCrc(body.replace("540510000", ""))).field).toBe("54") // dynamic without amount
    expect(parseProblem(withCrc(body.replace("000201", "000202"))).field).toBe("00")
    expect(parseProblem(withCrc(body.replace("6210", "6299"))).field).toBe("62")
    expect(parseProblem(withCrc(body.replace("5802VN", "58XXVN"))).field).toMatch(/^character/)
  })
})

describe("VietQR round trip", () => {
  const digits = (min: number, max: number) =>
    fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max })
  const text = fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    minLength: 1,
    maxLength: 25,
  })
  const request = fc.record(
    {
      bankBin: digits(6, 6),
      accountNumber: fc.string({ unit: fc.constantFrom(..."0123456789ABCXYZ"), minLength: 1, maxLength: 19 }),
      service: fc.constantFrom("account" as const, "card" as const),
      amount: fc.integer({ min: 1, max: 9_999_999_999_999 }),
      billNumber: text,
      purpose: text,
    },
    { requiredKeys: ["bankBin", "accountNumber", "service"] },
  )

  test.prop([request])("parse(build(qr)) is qr", (qr) => {
    expect(parsed(built(qr))).toEqual(qr)
  })

  test.prop([request, fc.nat(), fc.integer({ min: 0x20, max: 0x7e })])(
    "any single changed character before the CRC is refused",
    (qr, at, code) => {
      const payload = built(qr)
      const i = at % (payload.length - 4)
      fc.pre(payload.charCodeAt(i) !== code)
      const changed = payload.slice(0, i) + String.fromCharCode(code) + payload.slice(i + 1)
      expect(Result.isFailure(parseVietQr(changed))).toBe(true)
    },
  )
})
