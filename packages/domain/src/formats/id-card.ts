// What a card reader sent, as the fields of the card: the QR text (keyboard-wedge or serial readers) parsed with
// parseCccdQr, or the three MRZ lines with parseMrz (the name as the MRZ prints it: surname then given names, no
// diacritics). One shape for every reader, so that the desk fills the intake form the same way whichever read it:
// the API's id-card route answers it, and the counter agent's serial reader delivers it.
import { Result } from "effect"
import type { Sex } from "./cccd.ts"
import { type InvalidCccdQr, parseCccdQr } from "./cccd-qr.ts"
import { type InvalidMrz, parseMrz } from "./mrz.ts"

export type IdCardFormat = "qr" | "mrz"

/** The card's fields as a reader gives them: the QR has the address and the issue date, the MRZ the expiry. */
export interface IdCardText {
  readonly fullName: string
  readonly id: string
  /** `YYYY-MM-DD`. */
  readonly dateOfBirth: string
  readonly sex: Sex
  readonly oldId?: string
  readonly permanentAddress?: string
  /** `YYYY-MM-DD`. */
  readonly issuedOn?: string
  /** `YYYY-MM-DD`; none for a card valid for life. */
  readonly expiresOn?: string
  readonly source: IdCardFormat
}

/** Parses a reader's text as `format` (every check of parseCccdQr / parseMrz), or says which field is wrong. */
export function readIdCardText(
  format: IdCardFormat,
  text: string,
): Result.Result<IdCardText, InvalidCccdQr | InvalidMrz> {
  if (format === "qr") return Result.map(parseCccdQr(text), (card) => ({ ...card, source: "qr" as const }))
  return Result.map(parseMrz(text), ({ id, dateOfBirth, sex, surname, givenNames, expiresOn }) => ({
    id,
    dateOfBirth,
    sex,
    fullName: `${surname} ${givenNames}`.trim(),
    ...(expiresOn === undefined ? {} : { expiresOn }),
    source: "mrz" as const,
  }))
}
