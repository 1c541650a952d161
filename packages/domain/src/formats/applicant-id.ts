// Which ids an applicant may carry: a citizen's 12-digit personal identification number (CCCD); a business's tax code
// (enterprise code), or — for household businesses, whose tax code is the owner's personal number since 1 July 2025
// (Circular 86/2024/TT-BTC) — a CCCD number.
import { Result } from "effect"
import { parseCccdNumber } from "./cccd.ts"
import { parseTaxCode } from "./tax-code.ts"

/** Why `id` cannot be the id of an applicant of this kind (Vietnamese first), or undefined when it can. */
export function applicantIdProblem(kind: "citizen" | "business", id: string): string | undefined {
  const cccd = parseCccdNumber(id)
  if (kind === "citizen") return Result.isFailure(cccd) ? cccd.failure.message : undefined
  if (Result.isSuccess(cccd)) return undefined
  const tax = parseTaxCode(id)
  return Result.isFailure(tax) ? `${tax.failure.message} (hoặc số định danh cá nhân của chủ hộ kinh doanh)` : undefined
}
