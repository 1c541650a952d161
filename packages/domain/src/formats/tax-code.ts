// The tax code of an enterprise (mã số doanh nghiệp = mã số thuế, Law on Enterprises 2020 art. 29): 10 digits, the
// 10th a check digit, or 13 for a dependent unit (branch): the parent's 10, a dash, 3 digits. Check digit (Ministry of
// Finance rule for 10-digit codes): N10 = 10 − (31·N1 + 29·N2 + 23·N3 + 19·N4 + 17·N5 + 13·N6 + 7·N7 + 5·N8 + 3·N9)
// mod 11; a code for which that is 10 is never issued.
import { Data, Result } from "effect"

export interface TaxCode {
  /** As written canonically: `0100109106` or `0100109106-001`. */
  readonly code: string
  /** The 10-digit code of the enterprise (the parent's, for a branch). */
  readonly enterprise: string
  readonly branch?: string
}

export class InvalidTaxCode extends Data.TaggedError("InvalidTaxCode")<{ readonly reason: string }> {
  override get message(): string {
    return `mã số thuế không hợp lệ (not a valid tax code): ${this.reason}`
  }
}

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3]

/** The check digit of the first nine digits, or undefined when no code can have them. */
export function taxCodeCheckDigit(nine: string): number | undefined {
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (WEIGHTS[i] ?? 0)
  const digit = 10 - (sum % 11)
  return digit === 10 ? undefined : digit
}

export function parseTaxCode(text: string): Result.Result<TaxCode, InvalidTaxCode> {
  const compact = text.replace(/\s/g, "")
  const m = /^(\d{10})(?:-?(\d{3}))?$/.exec(compact)
  if (m === null)
    return Result.fail(
      new InvalidTaxCode({ reason: "cần 10 chữ số, hoặc 13 (10 chữ số, dấu -, 3 chữ số) cho đơn vị phụ thuộc" }),
    )
  const enterprise = m[1] ?? ""
  const expected = taxCodeCheckDigit(enterprise.slice(0, 9))
  if (expected === undefined || expected !== Number(enterprise[9]))
    return Result.fail(new InvalidTaxCode({ reason: `chữ số kiểm tra sai (check digit of ${enterprise} is wrong)` }))
  const branch = m[2]
  return Result.succeed(
    branch === undefined ? { code: enterprise, enterprise } : { code: `${enterprise}-${branch}`, enterprise, branch },
  )
}
