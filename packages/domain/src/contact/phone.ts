// Vietnamese mobile numbers as SMS gateways and Zalo ZNS take them. Since the 2018 renumbering every mobile number
// is 10 digits, 0 then a network prefix starting 3, 5, 7, 8 or 9 (Ministry of Information and Communications,
// Circular 22/2014 and the 2018 conversion of 11-digit numbers); written internationally as 84 without the 0.
// Spaces, dots and dashes between digits are tolerated; anything else is refused with the reason.
import { Data, Result } from "effect"

export interface VietnamMobile {
  /** `0912345678` */
  readonly national: string
  /** `84912345678` (no plus sign, as SMS gateways and Zalo ZNS expect) */
  readonly international: string
}

export class InvalidPhoneNumber extends Data.TaggedError("InvalidPhoneNumber")<{
  readonly reason: string
}> {
  override get message(): string {
    return `số điện thoại di động không hợp lệ (not a Vietnamese mobile number): ${this.reason}`
  }
}

const MOBILE = /^0[35789]\d{8}$/

export function parseVietnamMobile(text: string): Result.Result<VietnamMobile, InvalidPhoneNumber> {
  const compact = text.trim().replace(/[\s.-]/g, "")
  if (!/^\+?\d+$/.test(compact))
    return Result.fail(new InvalidPhoneNumber({ reason: "chỉ được có chữ số (digits only)" }))
  const digits = compact.replace(/^\+/, "")
  const national = digits.startsWith("84") && digits.length === 11 ? `0${digits.slice(2)}` : digits
  if (national.length !== 10)
    return Result.fail(new InvalidPhoneNumber({ reason: `cần 10 chữ số, có ${national.length} (10 digits expected)` }))
  if (!MOBILE.test(national))
    return Result.fail(
      new InvalidPhoneNumber({
        reason: "đầu số di động phải là 03, 05, 07, 08 hoặc 09 (mobile prefixes 03/05/07/08/09)",
      }),
    )
  return Result.succeed({ national, international: `84${national.slice(1)}` })
}
