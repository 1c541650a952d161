// What a framed scan says: a QR text (UTF-8, Vietnamese) or an MRZ in one scan or line by line, as the card's fields;
// garbage, bytes that are not UTF-8, a short MRZ line, a wrong check digit or field, an MRZ cut short and an over-long
// scan refused naming where. Also the reader's settings from the environment, with a clear error for each bad value.
import { fc, test } from "@fast-check/vitest"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { SERIAL_READER_DEFAULTS, serialReaderConfigFromEnv } from "./config.ts"
import { firstInvalidUtf8, ScanAssembler, type ScanOutcome } from "./scan.ts"
import { SAMPLE_CARD_MRZ, SAMPLE_CARD_QR } from "./testing.ts"

const QR = SAMPLE_CARD_QR
const QR_MALE = QR.replace("022190001234", "022090001234")
  .replace("|Nữ|", "|Nam|")
  .replace("Nguyễn Thị Hồng Nhung", "Nguyễn Văn Đức")
const MRZ = SAMPLE_CARD_MRZ

const message = (text: string) => ({ kind: "message" as const, bytes: new TextEncoder().encode(text) })
const refusal = (outcomes: ReadonlyArray<ScanOutcome>) => {
  expect(outcomes).toHaveLength(1)
  const [outcome] = outcomes
  if (outcome?.kind !== "refused") throw new Error(`expected a refusal, got ${JSON.stringify(outcome)}`)
  return { problem: outcome.error.problem, where: outcome.error.where, detail: outcome.error.detail }
}

describe("ScanAssembler", () => {
  it("reads a QR text with diacritics as the card's fields", () => {
    expect(new ScanAssembler(2048).frame(message(QR_MALE))).toEqual([
      {
        kind: "card",
        card: {
          id: "022090001234",
          oldId: "100123456",
          fullName: "Nguyễn Văn Đức",
          dateOfBirth: "1990-03-15",
          sex: "Nam",
          permanentAddress: "Số 8, ngõ 12, phường Hồng Gai, Quảng Ninh",
          issuedOn: "2021-07-01",
          source: "qr",
        },
      },
    ])
  })

  it("reads an MRZ sent as one scan (CR, LF or CRLF between lines) or as three scans", () => {
    const card = {
      id: "022090001234",
      fullName: "NGUYEN VAN DUC",
      dateOfBirth: "1990-03-15",
      sex: "Nam",
      expiresOn: "2030-03-15",
      source: "mrz",
    }
    for (const between of ["\r", "\n", "\r\n"])
      expect(new ScanAssembler(2048).frame(message(MRZ.join(between)))).toEqual([{ kind: "card", card }])
    const lineByLine = new ScanAssembler(2048)
    expect(lineByLine.frame(message(MRZ[0]))).toEqual([])
    expect(lineByLine.holding).toBe(true)
    expect(lineByLine.frame(message(`\n${MRZ[1]}`))).toEqual([])
    expect(lineByLine.frame(message(MRZ[2]))).toEqual([{ kind: "card", card }])
    expect(lineByLine.holding).toBe(false)
    // one run of 90 characters, as some readers send it
    expect(new ScanAssembler(2048).frame(message(MRZ.join("")))).toEqual([{ kind: "card", card }])
  })

  it("refuses an MRZ cut short, naming the line missing, and reads what follows", () => {
    const reader = new ScanAssembler(2048)
    expect(reader.frame(message(MRZ.slice(0, 2).join("\r")))).toEqual([])
    expect(refusal(reader.expire())).toMatchObject({ problem: "truncated", where: "MRZ line 3" })
    expect(reader.expire()).toEqual([])
    // a QR scan after a lone line: the line is refused first, then the QR read
    reader.frame(message(MRZ[0]))
    const [cut, next] = reader.frame(message(QR))
    expect(cut).toMatchObject({ kind: "refused", error: { problem: "truncated", where: "MRZ line 2" } })
    expect(next).toMatchObject({ kind: "card", card: { fullName: "Nguyễn Thị Hồng Nhung", sex: "Nữ" } })
  })

  it("names the MRZ line at fault: a short line, a wrong check digit", () => {
    const short = refusal(new ScanAssembler(2048).frame(message([MRZ[0], MRZ[1].slice(0, 27), MRZ[2]].join("\n"))))
    expect(short).toMatchObject({ problem: "invalid", where: "MRZ line 2" })
    expect(short.detail).toContain("27")
    const line2 = `${MRZ[1].slice(0, 6)}${(Number(MRZ[1][6]) + 1) % 10}${MRZ[1].slice(7)}`
    expect(refusal(new ScanAssembler(2048).frame(message([MRZ[0], line2, MRZ[2]].join("\n"))))).toMatchObject({
      problem: "invalid",
      where: "MRZ line 2 (birth-date)",
    })
  })

  it("names the QR field at fault, and refuses garbage as a QR's layout", () => {
    expect(refusal(new ScanAssembler(2048).frame(message(QR.replace("15031990", "31021990"))))).toMatchObject({
      problem: "invalid",
      where: "QR field 4 (date-of-birth)",
    })
    // the id's fourth digit says a woman born in the 1900s; the card says Nam
    expect(refusal(new ScanAssembler(2048).frame(message(QR.replace("|Nữ|", "|Nam|"))))).toMatchObject({
      where: "QR field 1 (id)",
    })
    expect(refusal(new ScanAssembler(2048).frame(message("x#9!kq ~~ 0x1F")))).toMatchObject({
      problem: "invalid",
      where: "QR (layout)",
    })
  })

  it("refuses bytes that are not UTF-8 at the byte, and an over-long scan at the cap", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("0220|Nguy"), 0xe1, 0x28, 0x41])
    expect(refusal(new ScanAssembler(2048).frame({ kind: "message", bytes }))).toMatchObject({
      problem: "not-utf8",
      where: "byte 10",
    })
    const long = refusal(new ScanAssembler(2048).frame({ kind: "too-long", bytes: 5000 }))
    expect(long).toMatchObject({ problem: "too-long", where: "byte 2049" })
    expect(long.detail).toContain("5000")
  })

  test.prop([fc.string({ unit: "grapheme", maxLength: 60 })])("UTF-8 text is valid at every byte", (text) => {
    expect(firstInvalidUtf8(new TextEncoder().encode(text))).toBeUndefined()
  })

  test.prop([fc.uint8Array({ maxLength: 40 })])("the first invalid byte is where TextDecoder stops too", (bytes) => {
    const at = firstInvalidUtf8(bytes)
    const fatal = new TextDecoder("utf-8", { fatal: true })
    if (at === undefined) expect(() => fatal.decode(bytes)).not.toThrow()
    else {
      expect(() => fatal.decode(bytes)).toThrow()
      expect(() => fatal.decode(bytes.subarray(0, at))).not.toThrow()
    }
  })
})

describe("serialReaderConfigFromEnv", () => {
  it("is off without a port, and takes the common defaults (9600 8N1, CR)", () => {
    expect(serialReaderConfigFromEnv({})).toEqual(Result.succeed(undefined))
    expect(serialReaderConfigFromEnv({ MOTCUA_AGENT_CARD_PORT: "/dev/ttyACM0" })).toEqual(
      Result.succeed({ ...SERIAL_READER_DEFAULTS, path: "/dev/ttyACM0" }),
    )
    const fast = serialReaderConfigFromEnv({
      MOTCUA_AGENT_CARD_PORT: "/dev/ttyUSB0",
      MOTCUA_AGENT_CARD_BAUD: "115200",
      MOTCUA_AGENT_CARD_FRAMING: "7e2",
      MOTCUA_AGENT_CARD_TERMINATOR: "crlf",
      MOTCUA_AGENT_CARD_MAX_BYTES: "4096",
    })
    expect(fast).toEqual(
      Result.succeed({
        ...SERIAL_READER_DEFAULTS,
        path: "/dev/ttyUSB0",
        baudRate: 115200,
        dataBits: 7,
        parity: "even",
        stopBits: 2,
        terminator: "CRLF",
        maxBytes: 4096,
      }),
    )
  })

  it("names the setting and the value at fault", () => {
    const cases: Array<[string, string]> = [
      ["MOTCUA_AGENT_CARD_BAUD", "9601"],
      ["MOTCUA_AGENT_CARD_FRAMING", "8X1"],
      ["MOTCUA_AGENT_CARD_TERMINATOR", "ETX"],
      ["MOTCUA_AGENT_CARD_IDLE_MS", "-5"],
      ["MOTCUA_AGENT_CARD_MAX_BYTES", "10000000"],
    ]
    for (const [setting, value] of cases) {
      const config = serialReaderConfigFromEnv({ MOTCUA_AGENT_CARD_PORT: "/dev/ttyACM0", [setting]: value })
      if (Result.isSuccess(config)) throw new Error(`${setting}=${value} accepted`)
      expect(config.failure).toMatchObject({ setting, value })
      expect(config.failure.message).toContain(`${setting}="${value}"`)
    }
  })
})
