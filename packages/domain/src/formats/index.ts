// Vietnamese identity formats: the citizen ID number (CCCD), the card's QR text and its machine-readable zone, tax
// codes of businesses, and the applicant id rule built on them.
export { applicantIdProblem } from "./applicant-id.ts"
export {
  type CccdNumber,
  type CccdPart,
  centuryDigit,
  InvalidCccdNumber,
  isCivilDate,
  parseCccdNumber,
  type Sex,
} from "./cccd.ts"
export { type CccdQr, type CccdQrField, formatCccdQr, InvalidCccdQr, parseCccdQr } from "./cccd-qr.ts"
export { type IdCardFormat, type IdCardText, readIdCardText } from "./id-card.ts"
export { formatMrz, InvalidMrz, type MrzCard, type MrzField, mrzCheckDigit, parseMrz } from "./mrz.ts"
export { birthProvinceCodes, birthProvinces } from "./provinces.ts"
export { InvalidTaxCode, parseTaxCode, type TaxCode, taxCodeCheckDigit } from "./tax-code.ts"
