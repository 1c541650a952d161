// The reference of a payment request: what the citizen's transfer carries (the VietQR bill number, tag 62.01, which
// banking apps copy into the transfer's description) and what a bank's notice is matched by. `MC` + 10 characters
// of Crockford's base-32 alphabet (no I, L, O, U: nothing to misread) + 1 check character: 13 upper-case letters and
// digits, which survive every bank's description field (banks drop punctuation and diacritics, some upper-case).
// The check character is a weighted sum with odd weights modulo 32, so any single changed character is caught, and
// a word of free text that happens to look like a reference is almost never taken for one.

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
const PAYMENT = "MC"
/** Refunds (hoàn trả) carry a reference of the same form with `HT`, in the description of the transfer back. */
const REFUND = "HT"
const BODY = 10

const checkChar = (body: string): string => {
  let sum = 0
  for (let i = 0; i < body.length; i++) sum += ALPHABET.indexOf(body[i] as string) * (2 * i + 1)
  return ALPHABET[sum % 32] as string
}

/** A reference from at least 7 random (or hashed) bytes: their first 50 bits, in base 32, with the check character. */
export const paymentReferenceFrom = (bytes: Uint8Array): string => referenceFrom(PAYMENT, bytes)

/** A refund's reference (`HT…`), made the same way. */
export const refundReferenceFrom = (bytes: Uint8Array): string => referenceFrom(REFUND, bytes)

function referenceFrom(prefix: string, bytes: Uint8Array): string {
  if (bytes.length < 7) throw new RangeError("paymentReferenceFrom needs at least 7 bytes")
  let bits = 0n
  for (let i = 0; i < 7; i++) bits = (bits << 8n) | BigInt(bytes[i] as number)
  bits >>= 6n // 56 → 50 bits
  let body = ""
  for (let i = 0; i < BODY; i++) {
    body = (ALPHABET[Number(bits & 31n)] as string) + body
    bits >>= 5n
  }
  return `${prefix}${body}${checkChar(body)}`
}

const shape = (prefix: string) => new RegExp(`^${prefix}[${ALPHABET}]{${BODY + 1}}$`)
const SHAPES = { [PAYMENT]: shape(PAYMENT), [REFUND]: shape(REFUND) }

const wellFormed = (prefix: typeof PAYMENT | typeof REFUND, text: string): boolean =>
  SHAPES[prefix].test(text) && checkChar(text.slice(prefix.length, prefix.length + BODY)) === text[text.length - 1]

/** Whether `text` is a well-formed payment reference (shape and check character). */
export const isPaymentReference = (text: string): boolean => wellFormed(PAYMENT, text)

/** Whether `text` is a well-formed refund reference. */
export const isRefundReference = (text: string): boolean => wellFormed(REFUND, text)

const candidates = (prefix: string) => new RegExp(`${prefix}[${ALPHABET}]{${BODY + 1}}`, "g")

/**
 * The references found in a transfer's free-text description, in order, without repeats. Banks upper-case or not,
 * and may glue the reference to neighbouring words, so the text is upper-cased and searched anywhere; only
 * candidates whose check character holds are kept.
 */
export const findPaymentReferences = (description: string): string[] => find(PAYMENT, description)

/** The refund references in a statement line's description (a debit that sends money back). */
export const findRefundReferences = (description: string): string[] => find(REFUND, description)

function find(prefix: typeof PAYMENT | typeof REFUND, description: string): string[] {
  const found: string[] = []
  const text = description.toUpperCase()
  const candidate = candidates(prefix)
  for (let at = 0; at < text.length; at++) {
    candidate.lastIndex = at
    const m = candidate.exec(text)
    if (m === null) break
    if (wellFormed(prefix, m[0]) && !found.includes(m[0])) {
      found.push(m[0])
      at = m.index + m[0].length - 1
    } else at = m.index
  }
  return found
}
