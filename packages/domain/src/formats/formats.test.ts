import { fc, test } from "@fast-check/vitest"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { applicantIdProblem } from "./applicant-id.ts"
import { centuryDigit, parseCccdNumber, type Sex } from "./cccd.ts"
import { type CccdQr, formatCccdQr, parseCccdQr } from "./cccd-qr.ts"
import { readIdCardText } from "./id-card.ts"
import { formatMrz, mrzCheckDigit, parseMrz } from "./mrz.ts"
import { birthProvinceCodes } from "./provinces.ts"
import { parseTaxCode, taxCodeCheckDigit } from "./tax-code.ts"

const failureOf = <A, E>(r: Result.Result<A, E>): E | undefined => (Result.isFailure(r) ? r.failure : undefined)

const pad = (n: number, w = 2) => String(n).padStart(w, "0")

/** A valid card: id consistent with birth date and sex, an expiry (or none), names in Vietnamese. */
const arbCard = fc
  .record({
    province: fc.constantFrom(...birthProvinceCodes),
    sex: fc.constantFrom<Sex>("Nam", "Nữ"),
    year: fc.integer({ min: 1900, max: 2099 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    serial: fc.integer({ min: 0, max: 999_999 }),
    expiry: fc.option(fc.integer({ min: 2016, max: 2098 }), { nil: undefined }),
    surname: fc.constantFrom("Nguyễn", "Trần", "Lê", "Phạm", "Đặng", "Vũ"),
    given: fc.constantFrom("Văn An", "Thị Bình", "Hoàng Cường", "Thu Dung", "Đức"),
    oldId: fc.option(fc.integer({ min: 0, max: 999_999_999 }), { nil: undefined }),
    issuedYearsAfter: fc.integer({ min: 0, max: 14 }),
  })
  .map((r) => {
    const id = `${r.province}${centuryDigit(r.year, r.sex)}${pad(r.year % 100)}${pad(r.serial, 6)}`
    const dateOfBirth = `${r.year}-${pad(r.month)}-${pad(r.day)}`
    return {
      id,
      dateOfBirth,
      sex: r.sex,
      ...(r.expiry === undefined ? {} : { expiresOn: `${r.expiry}-${pad(r.month)}-${pad(r.day)}` }),
      surname: r.surname,
      givenNames: r.given,
      qr: {
        id,
        ...(r.oldId === undefined ? {} : { oldId: pad(r.oldId, 9) }),
        fullName: `${r.surname} ${r.given}`,
        dateOfBirth,
        sex: r.sex,
        permanentAddress: "Tổ 3, khu 5, phường Hồng Gai, tỉnh Quảng Ninh",
        issuedOn: `${Math.min(r.year + r.issuedYearsAfter, 2099)}-${pad(r.month)}-${pad(r.day)}`,
      } satisfies CccdQr,
    }
  })

describe("parseCccdNumber", () => {
  it("reads the province, sex and year of birth", () => {
    expect(parseCccdNumber("022 090 001234")).toEqual(
      Result.succeed({
        id: "022090001234",
        provinceCode: "022",
        provinceName: "Quảng Ninh",
        sex: "Nam",
        birthYear: 1990,
      }),
    )
    expect(Result.getOrThrow(parseCccdNumber("001305012345")).birthYear).toBe(2005)
    expect(Result.getOrThrow(parseCccdNumber("001305012345")).sex).toBe("Nữ")
  })

  it("says which part is wrong", () => {
    const part = (id: string, known = {}) => failureOf(parseCccdNumber(id, known))?.part
    expect(part("02209000123")).toBe("length")
    expect(part("'; DROP TABLE dossier;--")).toBe("digits")
    expect(part("003090001234")).toBe("province") // 003 was never a province code
    expect(part("022490001234")).toBe("sex-century") // born from 2100
    expect(part("022090001234", { dateOfBirth: "1991-05-01" })).toBe("birth-year")
    expect(part("022090001234", { dateOfBirth: "1990-02-30" })).toBe("birth-year")
    expect(part("022090001234", { sex: "Nữ" })).toBe("sex-century")
    expect(part("022090001234", { dateOfBirth: "1990-05-01", sex: "Nam" })).toBeUndefined()
  })

  test.prop([arbCard])("accepts every generated card's number with its date of birth and sex", (card) => {
    expect(Result.isSuccess(parseCccdNumber(card.id, { dateOfBirth: card.dateOfBirth, sex: card.sex }))).toBe(true)
  })

  test.prop([arbCard, fc.integer({ min: 1, max: 9 })])(
    "a changed year digit no longer matches the date of birth",
    (card, delta) => {
      const i = 4 + (delta % 2)
      const changed = card.id.slice(0, i) + String((Number(card.id[i]) + delta) % 10) + card.id.slice(i + 1)
      expect(failureOf(parseCccdNumber(changed, { dateOfBirth: card.dateOfBirth }))?.part).toBe("birth-year")
    },
  )
})

describe("parseTaxCode", () => {
  it("accepts real enterprise codes and branches, refuses a wrong check digit", () => {
    for (const code of ["0100109106", "0100684378", "0101248141"])
      expect(Result.isSuccess(parseTaxCode(code))).toBe(true)
    expect(Result.getOrThrow(parseTaxCode("0100109106-001")).branch).toBe("001")
    expect(failureOf(parseTaxCode("0100109107"))?.reason).toMatch(/kiểm tra/)
    expect(failureOf(parseTaxCode("01001091"))?.reason).toMatch(/10 chữ số/)
  })

  test.prop([fc.stringMatching(/^\d{9}$/)])("every nine digits with their check digit is a code", (nine) => {
    const check = taxCodeCheckDigit(nine)
    fc.pre(check !== undefined)
    expect(Result.isSuccess(parseTaxCode(`${nine}${check}`))).toBe(true)
    expect(Result.isFailure(parseTaxCode(`${nine}${((check ?? 0) + 1) % 10}`))).toBe(true)
  })
})

describe("applicantIdProblem", () => {
  it("takes a CCCD for a citizen, a tax code or an owner's CCCD for a business", () => {
    expect(applicantIdProblem("citizen", "022090001234")).toBeUndefined()
    expect(applicantIdProblem("citizen", "0100109106")).toMatch(/12 chữ số/)
    expect(applicantIdProblem("business", "0100109106")).toBeUndefined()
    expect(applicantIdProblem("business", "022090001234")).toBeUndefined()
    expect(applicantIdProblem("business", "'; DROP TABLE dossier;--")).toMatch(/mã số thuế/)
  })
})

describe("parseCccdQr", () => {
  const sample =
    "022090001234|100123456|Nguyễn Văn An|15031990|Nam|Tổ 3, khu 5, phường Hồng Gai, tỉnh Quảng Ninh|01072021"

  it("reads the card's fields, dates as ISO, tolerating empty extra fields and a line break", () => {
    expect(parseCccdQr(`${sample}||\r\n`)).toEqual(
      Result.succeed({
        id: "022090001234",
        oldId: "100123456",
        fullName: "Nguyễn Văn An",
        dateOfBirth: "1990-03-15",
        sex: "Nam",
        permanentAddress: "Tổ 3, khu 5, phường Hồng Gai, tỉnh Quảng Ninh",
        issuedOn: "2021-07-01",
      }),
    )
    expect(Result.getOrThrow(parseCccdQr(sample.replace("100123456", ""))).oldId).toBeUndefined()
  })

  it("says which field is wrong", () => {
    const field = (text: string) => failureOf(parseCccdQr(text))?.field
    expect(field("022090001234|Nguyễn Văn An|15031990")).toBe("layout")
    expect(field(`${sample}|extra`)).toBe("layout")
    expect(field(sample.replace("15031990", "31021990"))).toBe("date-of-birth")
    expect(field(sample.replace("15031990", "15031991"))).toBe("id") // year disagrees with the id
    expect(field(sample.replace("|Nam|", "|Nữ|"))).toBe("id") // sex disagrees with the id
    expect(field(sample.replace("|Nam|", "|X|"))).toBe("sex")
    expect(field(sample.replace("100123456", "12345"))).toBe("old-id")
    expect(field(sample.replace("Nguyễn Văn An", ""))).toBe("full-name")
    expect(field(sample.replace("01072021", "2021-07-01"))).toBe("issued-on")
    expect(field(sample.replace("01072021", "01071980"))).toBe("issued-on")
  })

  test.prop([arbCard])("reads back every generated card", (card) => {
    expect(parseCccdQr(formatCccdQr(card.qr))).toEqual(Result.succeed(card.qr))
  })

  test.prop([arbCard, fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 9 })])(
    "a changed digit of the id is refused at the id, unless it still makes a valid number",
    (card, position, delta) => {
      const id = card.qr.id
      const changed = id.slice(0, position) + String((Number(id[position]) + delta) % 10) + id.slice(position + 1)
      const parsed = parseCccdQr(formatCccdQr({ ...card.qr, id: changed }))
      if (position >= 6)
        expect(Result.isSuccess(parsed)).toBe(true) // the random part has no check
      else if (Result.isFailure(parsed)) expect(parsed.failure.field).toBe("id")
      else expect(changed.slice(0, 3)).not.toBe(id.slice(0, 3)) // another province code that exists
    },
  )
})

describe("parseMrz", () => {
  // The example of the ICAO 9303 check digit: 520727 → 3
  it("computes ICAO check digits", () => {
    expect(mrzCheckDigit("520727")).toBe(3)
    expect(mrzCheckDigit("L898902C<")).toBe(3)
  })

  const lines = formatMrz({
    id: "022090001234",
    dateOfBirth: "1990-03-15",
    sex: "Nam",
    expiresOn: "2030-03-15",
    surname: "Nguyễn",
    givenNames: "Văn An",
  })

  it("reads the card's id, birth, sex, expiry and names", () => {
    expect(lines[0]).toBe(`IDVNM0900012345022090001234<<${mrzCheckDigit("022090001234")}`)
    expect(lines.every((l) => l.length === 30)).toBe(true)
    const card = Result.getOrThrow(parseMrz(lines.join("\n")))
    expect(card).toMatchObject({
      id: "022090001234",
      documentNumber: "090001234",
      dateOfBirth: "1990-03-15",
      sex: "Nam",
      expiresOn: "2030-03-15",
      surname: "NGUYEN",
      givenNames: "VAN AN",
    })
    expect(card.lines).toEqual(lines)
  })

  it("gives no expiry for 991231", () => {
    const open = formatMrz({ id: "022090001234", dateOfBirth: "1990-03-15", sex: "Nam", surname: "A", givenNames: "B" })
    expect(open[1].slice(8, 14)).toBe("991231")
    expect(Result.getOrThrow(parseMrz(open)).expiresOn).toBeUndefined()
  })

  it("normalises extra and missing fillers, spaces and OCR confusions", () => {
    const [a, b, c] = lines
    const messy = [
      ` ${a.replace("<<", "<").toLowerCase()} `, // a filler lost
      `${b.slice(0, 2).replace("9", "9")}${b.slice(2).replace(/0/g, "O")}<<<`, // O for 0, fillers added
      c.replace(/<+$/, "<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<"),
    ].join("\r\n")
    expect(Result.getOrThrow(parseMrz(messy)).lines).toEqual(lines)
    expect(Result.getOrThrow(parseMrz(lines.join(""))).id).toBe("022090001234") // 90 characters in one run
    expect(
      Result.getOrThrow(parseMrz(`${a.replace("IDVNM", "1DVNM")}\n${b}\n${c.replace("NGUYEN", "N6UYEN")}`)).id,
    ).toBe("022090001234")
  })

  it("says what is wrong", () => {
    const field = (input: string | ReadonlyArray<string>) => failureOf(parseMrz(input))?.field
    expect(field("IDVNM")).toBe("layout")
    expect(field([lines[0].replace("IDVNM", "P<VNM"), lines[1], lines[2]])).toBe("document-type")
    expect(field([lines[0], `${lines[1].slice(0, 7)}X${lines[1].slice(8)}`, lines[2]])).toBe("sex")
  })

  // Corrupting one character of a field covered by a check digit, into another digit, is always caught at that field:
  // weights 7, 3 and 1 are prime to 10, so a single changed digit changes the sum modulo 10.
  const corruptible = [
    { field: "document-number", line: 0, from: 5, to: 15 },
    { field: "id-number", line: 0, from: 15, to: 27 },
    { field: "id-number", line: 0, from: 29, to: 30 },
    { field: "birth-date", line: 1, from: 0, to: 7 },
    { field: "expiry-date", line: 1, from: 8, to: 15 },
    { field: "composite", line: 1, from: 29, to: 30 },
  ] as const

  test.prop([arbCard, fc.constantFrom(...corruptible), fc.nat(), fc.integer({ min: 1, max: 9 })])(
    "one corrupted digit is refused at the field its check digit covers",
    (card, target, at, delta) => {
      const printed = [...formatMrz(card)]
      const position = target.from + (at % (target.to - target.from))
      const line = printed[target.line] ?? ""
      const changed = String((Number(line[position]) + delta) % 10)
      printed[target.line] = line.slice(0, position) + changed + line.slice(position + 1)
      const failure = failureOf(parseMrz(printed))
      expect(Result.isSuccess(parseMrz(formatMrz(card)))).toBe(true)
      // the 9-digit document number repeats the id's tail: its own check digit catches a change there first
      expect(failure?.field).toBe(target.field)
    },
  )
})

describe("readIdCardText", () => {
  it("gives one shape for a QR text and an MRZ, or the field at fault", () => {
    const qr = "022090001234|100123456|Nguyễn Văn An|15031990|Nam|Tổ 5, khu 3, phường Hồng Gai|01072021"
    expect(readIdCardText("qr", qr)).toEqual(
      Result.succeed({
        id: "022090001234",
        oldId: "100123456",
        fullName: "Nguyễn Văn An",
        dateOfBirth: "1990-03-15",
        sex: "Nam",
        permanentAddress: "Tổ 5, khu 3, phường Hồng Gai",
        issuedOn: "2021-07-01",
        source: "qr",
      }),
    )
    const mrz = formatMrz({
      id: "022090001234",
      dateOfBirth: "1990-03-15",
      sex: "Nam",
      expiresOn: "2030-03-15",
      surname: "NGUYEN",
      givenNames: "VAN<AN",
    }).join("\n")
    expect(readIdCardText("mrz", mrz)).toEqual(
      Result.succeed({
        id: "022090001234",
        fullName: "NGUYEN VAN AN",
        dateOfBirth: "1990-03-15",
        sex: "Nam",
        expiresOn: "2030-03-15",
        source: "mrz",
      }),
    )
    const wrongSex = readIdCardText("qr", qr.replace("|Nam|", "|Nữ|"))
    expect(Result.isFailure(wrongSex) && wrongSex.failure.field).toBe("id")
    const wrongCheck = readIdCardText("mrz", mrz.replace("900315", "900316"))
    expect(Result.isFailure(wrongCheck) && wrongCheck.failure._tag).toBe("InvalidMrz")
  })
})
