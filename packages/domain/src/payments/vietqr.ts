// VietQR: the EMVCo merchant-presented QR that NAPAS banks read to make a transfer (domain reference, "Payments").
// A payload is a run of TLVs, each id (2 digits) + length (2 digits) + value; tag 38 nests the NAPAS account
// (GUID A000000727, then { bank BIN, account number }, then the service), tag 62 nests the additional data (bill
// number, purpose), and tag 63 ends the payload with a CRC-16/CCITT-FALSE over everything before its value
// (including the `6304` prefix). The domain only builds and reads payloads: drawing the QR is an adapter's work.
//
// Values are restricted to printable ASCII: lengths count characters, and a banking app would mangle diacritics
// anyway (a purpose is written without dấu). A dynamic QR (tag 01 `12`) carries an amount; a static one (`11`) lets
// the payer type it. VND has no minor unit, so amounts are whole đồng.
import { Data, Result } from "effect"

/** Which field of a VietQR (input field name when building, tag path when reading) is wrong, and why. */
export class InvalidVietQr extends Data.TaggedError("InvalidVietQr")<{
  /** The input field (`bankBin`, `amount`, …) or the tag path (`38.01.00`, `63`, …) that is wrong. */
  readonly field: string
  readonly reason: string
}> {
  override get message(): string {
    return `VietQR không hợp lệ / invalid VietQR: ${this.field}: ${this.reason}`
  }
}

export type VietQrService = "account" | "card"

/** What a VietQR says: where the money goes, how much, and what the transfer is for. */
export interface VietQr {
  /** The NAPAS bank identification number (BIN) of the receiving bank: 6 digits. */
  readonly bankBin: string
  /** The receiving account (or card) number: 1–19 digits or upper-case letters. */
  readonly accountNumber: string
  /** `account` (QRIBFTTA, transfer to an account, the default) or `card` (QRIBFTTC). */
  readonly service?: VietQrService
  /** Whole đồng; present makes the QR dynamic (the payer cannot change it). */
  readonly amount?: number
  /** Tag 62.01: the bill number, where motcua puts the payment request's unique reference. */
  readonly billNumber?: string
  /** Tag 62.08: the purpose of the transfer, shown to the payer. */
  readonly purpose?: string
}

const GUID = "A000000727"
const SERVICE_CODES: Record<VietQrService, string> = { account: "QRIBFTTA", card: "QRIBFTTC" }
const CURRENCY_VND = "704"
const COUNTRY = "VN"
/** EMVCo caps tag 54 at 13 characters. */
const MAX_AMOUNT = 9_999_999_999_999
const MAX_ADDITIONAL_LENGTH = 25
const PRINTABLE = /^[\x20-\x7E]*$/

/** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final xor) over ASCII text. */
export const crc16CcittFalse = (text: string): number => {
  let crc = 0xffff
  for (let i = 0; i < text.length; i++) {
    crc ^= (text.charCodeAt(i) & 0xff) << 8
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
    }
  }
  return crc
}

const crcHex = (text: string): string => crc16CcittFalse(text).toString(16).toUpperCase().padStart(4, "0")

const tlv = (id: string, value: string): string => `${id}${value.length.toString().padStart(2, "0")}${value}`

const fail = (field: string, reason: string) => Result.fail(new InvalidVietQr({ field, reason }))

const checkRequest = (qr: VietQr): InvalidVietQr | undefined => {
  const problem = (field: string, reason: string) => new InvalidVietQr({ field, reason })
  if (!/^[0-9]{6}$/.test(qr.bankBin)) return problem("bankBin", `must be 6 digits, got "${qr.bankBin}"`)
  if (!/^[0-9A-Z]{1,19}$/.test(qr.accountNumber))
    return problem("accountNumber", `must be 1–19 digits or upper-case letters, got "${qr.accountNumber}"`)
  if (qr.amount !== undefined && !(Number.isSafeInteger(qr.amount) && qr.amount > 0 && qr.amount <= MAX_AMOUNT))
    return problem("amount", `must be a whole number of đồng from 1 to ${MAX_AMOUNT}, got ${qr.amount}`)
  for (const field of ["billNumber", "purpose"] as const) {
    const value = qr[field]
    if (value === undefined) continue
    if (value.length === 0 || value.length > MAX_ADDITIONAL_LENGTH || !PRINTABLE.test(value))
      return problem(
        field,
        `must be 1–${MAX_ADDITIONAL_LENGTH} printable ASCII characters (no diacritics), got "${value}"`,
      )
  }
  return undefined
}

/** The payload text of a VietQR, ready to be drawn as a QR code; or which input field cannot be encoded. */
export const buildVietQr = (qr: VietQr): Result.Result<string, InvalidVietQr> => {
  const problem = checkRequest(qr)
  if (problem) return Result.fail(problem)
  const beneficiary = tlv("00", qr.bankBin) + tlv("01", qr.accountNumber)
  const merchant = tlv("00", GUID) + tlv("01", beneficiary) + tlv("02", SERVICE_CODES[qr.service ?? "account"])
  const additional =
    (qr.billNumber === undefined ? "" : tlv("01", qr.billNumber)) +
    (qr.purpose === undefined ? "" : tlv("08", qr.purpose))
  const body =
    tlv("00", "01") +
    tlv("01", qr.amount === undefined ? "11" : "12") +
    tlv("38", merchant) +
    tlv("53", CURRENCY_VND) +
    (qr.amount === undefined ? "" : tlv("54", String(qr.amount))) +
    tlv("58", COUNTRY) +
    (additional === "" ? "" : tlv("62", additional)) +
    "6304"
  return Result.succeed(body + crcHex(body))
}

interface Field {
  readonly id: string
  readonly value: string
}

/** Splits a TLV run; `path` names the enclosing tag in errors (`""` at the top level). */
const splitTlv = (text: string, path: string): Result.Result<ReadonlyArray<Field>, InvalidVietQr> => {
  const fields: Array<Field> = []
  let at = 0
  while (at < text.length) {
    const head = text.slice(at, at + 4)
    const where = path === "" ? `character ${at + 1}` : `${path} character ${at + 1}`
    if (!/^[0-9]{4}$/.test(head)) return fail(where, `expected a 2-digit id and a 2-digit length, got "${head}"`)
    const id = head.slice(0, 2)
    const length = Number(head.slice(2))
    const value = text.slice(at + 4, at + 4 + length)
    const name = path === "" ? id : `${path}.${id}`
    if (value.length < length) return fail(name, `says ${length} characters but only ${value.length} remain`)
    fields.push({ id, value })
    at += 4 + length
  }
  return Result.succeed(fields)
}

const only = (
  fields: ReadonlyArray<Field>,
  id: string,
  name: string,
): Result.Result<string | undefined, InvalidVietQr> => {
  const found = fields.filter((f) => f.id === id)
  if (found.length > 1) return fail(name, "appears more than once")
  return Result.succeed(found[0]?.value)
}

/**
 * Reads a VietQR payload, checking its CRC first. Unknown tags (merchant name, city, …) are tolerated; what a
 * transfer depends on (format, account, currency, country, amount) must be present and well-formed.
 */
export const parseVietQr = (payload: string): Result.Result<VietQr, InvalidVietQr> =>
  Result.gen(function* () {
    if (!PRINTABLE.test(payload)) return yield* fail("payload", "contains characters other than printable ASCII")
    const crcAt = payload.length - 8
    if (crcAt < 0 || payload.slice(crcAt, crcAt + 4) !== "6304")
      return yield* fail("63", "the payload must end with the CRC tag 6304 and 4 hex digits")
    const given = payload.slice(crcAt + 4)
    if (!/^[0-9A-F]{4}$/.test(given)) return yield* fail("63", `"${given}" is not 4 upper-case hex digits`)
    const expected = crcHex(payload.slice(0, crcAt + 4))
    if (given !== expected) return yield* fail("63", `CRC is ${given} but the payload's is ${expected}`)
    const top = yield* splitTlv(payload.slice(0, crcAt), "")
    if (top[0]?.id !== "00" || top[0].value !== "01")
      return yield* fail("00", `the payload format indicator must come first and be "01"`)
    const initiation = yield* only(top, "01", "01")
    if (initiation !== undefined && initiation !== "11" && initiation !== "12")
      return yield* fail("01", `point of initiation must be "11" (static) or "12" (dynamic), got "${initiation}"`)
    const merchantText = yield* only(top, "38", "38")
    if (merchantText === undefined) return yield* fail("38", "the NAPAS merchant account information is missing")
    const merchant = yield* splitTlv(merchantText, "38")
    const guid = yield* only(merchant, "00", "38.00")
    if (guid !== GUID) return yield* fail("38.00", `the GUID must be ${GUID}, got "${guid ?? ""}"`)
    const beneficiaryText = yield* only(merchant, "01", "38.01")
    if (beneficiaryText === undefined) return yield* fail("38.01", "the beneficiary (bank BIN and account) is missing")
    const beneficiary = yield* splitTlv(beneficiaryText, "38.01")
    const bankBin = yield* only(beneficiary, "00", "38.01.00")
    if (bankBin === undefined || !/^[0-9]{6}$/.test(bankBin))
      return yield* fail("38.01.00", `the bank BIN must be 6 digits, got "${bankBin ?? ""}"`)
    const accountNumber = yield* only(beneficiary, "01", "38.01.01")
    if (accountNumber === undefined || !/^[0-9A-Z]{1,19}$/.test(accountNumber))
      return yield* fail("38.01.01", `the account number must be 1–19 digits or letters, got "${accountNumber ?? ""}"`)
    const serviceCode = yield* only(merchant, "02", "38.02")
    const service = (Object.keys(SERVICE_CODES) as Array<VietQrService>).find((s) => SERVICE_CODES[s] === serviceCode)
    if (service === undefined)
      return yield* fail("38.02", `the service must be QRIBFTTA or QRIBFTTC, got "${serviceCode ?? ""}"`)
    const currency = yield* only(top, "53", "53")
    if (currency !== CURRENCY_VND)
      return yield* fail("53", `the currency must be ${CURRENCY_VND} (VND), got "${currency ?? ""}"`)
    const country = yield* only(top, "58", "58")
    if (country !== COUNTRY) return yield* fail("58", `the country must be ${COUNTRY}, got "${country ?? ""}"`)
    const amountText = yield* only(top, "54", "54")
    let amount: number | undefined
    if (amountText !== undefined) {
      if (!/^[1-9][0-9]{0,12}$/.test(amountText))
        return yield* fail("54", `the amount must be whole đồng without separators, got "${amountText}"`)
      amount = Number(amountText)
    }
    if (initiation === "12" && amount === undefined)
      return yield* fail("54", "a dynamic QR (01 = 12) must carry an amount")
    const additionalText = yield* only(top, "62", "62")
    const additional = additionalText === undefined ? [] : yield* splitTlv(additionalText, "62")
    const billNumber = yield* only(additional, "01", "62.01")
    const purpose = yield* only(additional, "08", "62.08")
    return {
      bankBin,
      accountNumber,
      service,
      ...(amount === undefined ? {} : { amount }),
      ...(billNumber === undefined ? {} : { billNumber }),
      ...(purpose === undefined ? {} : { purpose }),
    }
  })
