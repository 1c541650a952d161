import { fc, test } from "@fast-check/vitest"
import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { DossierCode, type DossierCodePart, formatDossierCode, parseDossierCode } from "./code.ts"

const parsed = (text: string) => {
  const r = parseDossierCode(text)
  if (Result.isFailure(r)) throw r.failure
  return r.success
}
const problem = (text: string) => {
  const r = parseDossierCode(text)
  if (Result.isSuccess(r)) throw new Error(`${text} was accepted`)
  return { part: r.failure.part, index: r.failure.index, message: r.failure.message }
}
const formatted = (agencyCode: string, date: string, sequence: number) => {
  const r = formatDossierCode({ agencyCode, date, sequence })
  if (Result.isFailure(r)) throw r.failure
  return r.success
}
const formatProblem = (agencyCode: string, date: string, sequence: number) => {
  const r = formatDossierCode({ agencyCode, date, sequence })
  if (Result.isSuccess(r)) throw new Error(`${r.success} was made`)
  return r.failure
}

describe("parseDossierCode", () => {
  it("reads the example of the domain reference", () => {
    expect(parsed("000.17.22.H56-210531-0001")).toEqual({
      agencyCode: "000.17.22.H56",
      date: "2021-05-31",
      sequence: 1,
    })
    expect(parsed("A01.B2.00.G22-000229-9999")).toEqual({
      agencyCode: "A01.B2.00.G22",
      date: "2000-02-29",
      sequence: 9999,
    })
  })

  it.each<[string, DossierCodePart, number]>([
    ["000.17.22.h56-210531-0001", "agency-code", 10], // lower case
    ["000.17.22.156-210531-0001", "agency-code", 10], // level 1 starts with a letter
    ["000-17.22.H56-210531-0001", "agency-code", 3],
    ["00.17.22.H56-210531-0001", "agency-code", 2],
    ["000.17.22.H5-210531-0001", "agency-code", 12],
    ["000.17.22.H56_210531-0001", "separator", 13],
    ["000.17.22.H56-210531.0001", "separator", 20],
    ["000.17.22.H56-210230-0001", "date", 18], // 2021-02-30
    ["000.17.22.H56-210229-0001", "date", 18], // 2021 is not a leap year
    ["000.17.22.H56-211331-0001", "date", 16],
    ["000.17.22.H56-210631-0001", "date", 18],
    ["000.17.22.H56-21O531-0001", "date", 16], // letter O for zero
    ["000.17.22.H56-210531-0000", "sequence", 21],
    ["000.17.22.H56-210531-001", "sequence", 24],
    ["000.17.22.H56-210531-00011", "trailing", 25],
    [" 000.17.22.H56-210531-0001", "whitespace", 0],
    ["000.17.22.H56 -210531-0001", "whitespace", 13],
    ["000.17.22.H56-210531-0001\n", "whitespace", 25],
    ["", "agency-code", 0],
  ])("rejects %j: %s at index %i", (text, part, index) => {
    const p = problem(text)
    expect([p.part, p.index]).toEqual([part, index])
    expect(p.message).toContain(`character ${index + 1}`)
  })

  it("explains an impossible date", () => {
    expect(problem("000.17.22.H56-210230-0001").message).toContain("2021-02 has no day 30")
  })
})

describe("formatDossierCode", () => {
  it("writes yymmdd and a zero-padded sequence", () => {
    expect(formatted("000.17.22.H56", "2021-05-31", 1)).toBe("000.17.22.H56-210531-0001")
    expect(formatted("000.00.22.H49", "2099-12-31", 9999)).toBe("000.00.22.H49-991231-9999")
  })

  it.each([0, 10_000, -1, 1.5, Number.NaN])("refuses sequence %d", (sequence) => {
    expect(formatProblem("000.17.22.H56", "2021-05-31", sequence).field).toBe("sequence")
  })

  it.each(["1999-12-31", "2100-01-01", "2021-02-29", "2021-13-01", "2021-5-31", "31/05/2021"])(
    "refuses the date %s",
    (date) => {
      expect(formatProblem("000.17.22.H56", date, 1).field).toBe("date")
    },
  )

  it.each(["000.17.22.H5", "000.17.22.H567", "000.17.22.h56", "", "000.17.22.H56-"])(
    "refuses agency code %j",
    (code) => {
      const e = formatProblem(code, "2021-05-31", 1)
      expect(e.field).toBe("agencyCode")
      expect(e.message).toContain("QCVN 102")
    },
  )
})

describe("DossierCode schema", () => {
  it("accepts codes and rejects non-codes with the reason", () => {
    expect(Schema.decodeUnknownExit(DossierCode)("000.17.22.H56-210531-0001")._tag).toBe("Success")
    const bad = Schema.decodeUnknownExit(DossierCode)("000.17.22.H56-210230-0001")
    expect(bad._tag).toBe("Failure")
    expect(String(bad)).toContain("no day 30")
    expect(Schema.decodeUnknownExit(DossierCode)(42)._tag).toBe("Failure")
  })
})

// ---- properties ----

const ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("")
const LETTERS = ALNUM.slice(10)
const chars = (pool: string[], n: number) =>
  fc.array(fc.constantFrom(...pool), { minLength: n, maxLength: n }).map((a) => a.join(""))
const agencyCode = fc
  .tuple(
    chars(ALNUM, 3),
    chars(ALNUM, 2),
    chars(ALNUM, 2),
    fc.constantFrom(...LETTERS),
    fc.integer({ min: 0, max: 99 }),
  )
  .map(([l4, l3, l2, letter, n]) => `${l4}.${l3}.${l2}.${letter}${String(n).padStart(2, "0")}`)
const isoDate = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))
const sequence = fc.integer({ min: 1, max: 9999 })
const validCode = fc.tuple(agencyCode, isoDate, sequence).map(([a, d, s]) => formatted(a, d, s))

/** The part a character index of a well-formed code belongs to. */
const partAt = (i: number): DossierCodePart =>
  i < 13 ? "agency-code" : i === 13 || i === 20 ? "separator" : i < 20 ? "date" : i < 25 ? "sequence" : "trailing"
/** Where that part's characters begin: a date or sequence problem is reported at the start of the faulty field. */
const partStart = (i: number): number => (i < 13 ? 0 : i === 13 || i === 20 ? i : i < 20 ? 14 : 21)

describe("dossier code properties", () => {
  test.prop([agencyCode, isoDate, sequence])("format then parse gives the parts back", (a, date, s) => {
    expect(parsed(formatted(a, date, s))).toEqual({ agencyCode: a, date, sequence: s })
  })

  test.prop([validCode, fc.nat(24), fc.constantFrom(..."0123456789ABCXYZaz.-_/ \t".split(""))], { numRuns: 2000 })(
    "a one-character change is either still a code or rejected at that character's part",
    (code, i, c) => {
      const mutated = code.slice(0, i) + c + code.slice(i + 1)
      const r = parseDossierCode(mutated)
      if (Result.isSuccess(r)) {
        // Still well formed: then it must read back exactly as written.
        expect(formatted(r.success.agencyCode, r.success.date, r.success.sequence)).toBe(mutated)
        return
      }
      const expectedPart = /\s/.test(c) ? "whitespace" : partAt(i)
      expect(r.failure.part).toBe(expectedPart)
      // A date is checked as a whole (changing the year can make 29 February impossible), so a date problem is
      // somewhere in the date; anything else is reported at the very character that changed.
      if (expectedPart === "date") {
        expect(r.failure.index).toBeGreaterThanOrEqual(14)
        expect(r.failure.index).toBeLessThanOrEqual(19)
      } else if (expectedPart === "sequence") {
        expect(r.failure.index).toBeGreaterThanOrEqual(partStart(i))
        expect(r.failure.index).toBeLessThanOrEqual(i)
      } else expect(r.failure.index).toBe(i)
    },
  )

  test.prop([validCode, fc.nat(24)], { numRuns: 500 })(
    "a deleted character is always caught, at or after its field",
    (code, i) => {
      const r = parseDossierCode(code.slice(0, i) + code.slice(i + 1))
      expect(Result.isFailure(r)).toBe(true)
      if (Result.isFailure(r)) expect(r.failure.index).toBeGreaterThanOrEqual(partStart(i))
    },
  )

  test.prop([validCode, fc.nat(25), fc.constantFrom(..."05A.- ".split(""))], { numRuns: 500 })(
    "an inserted character is always caught, at or after its field",
    (code, i, c) => {
      const r = parseDossierCode(code.slice(0, i) + c + code.slice(i))
      expect(Result.isFailure(r)).toBe(true)
      if (Result.isFailure(r)) expect(r.failure.index).toBeGreaterThanOrEqual(Math.min(partStart(i), i))
    },
  )
})
