// Secrets of local accounts: password hashes (scrypt from node:crypto, a random salt per account, the cost stored
// with the hash so it can be raised later, compared in constant time), and random tokens (session tokens, CSRF
// tokens, API keys) that are stored only as their SHA-256: a token has 256 random bits, so a fast hash is enough.
import { createHash, randomBytes, scrypt, timingSafeEqual } from "node:crypto"

/** scrypt cost: N = 2^14, r = 8, p = 1 (16 MiB, the parameters OWASP lists as a minimum for scrypt). */
export const SCRYPT_DEFAULTS = { N: 16384, r: 8, p: 1 } as const
const KEY_LENGTH = 32
const SALT_LENGTH = 16

export interface ScryptCost {
  readonly N: number
  readonly r: number
  readonly p: number
}

const derive = (password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, KEY_LENGTH, { ...cost, maxmem: 256 * cost.N * cost.r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )

/** `scrypt$N$r$p$<salt base64url>$<hash base64url>`. */
export async function hashPassword(password: string, cost: ScryptCost = SCRYPT_DEFAULTS): Promise<string> {
  const salt = randomBytes(SALT_LENGTH)
  const key = await derive(password, salt, cost)
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString("base64url")}$${key.toString("base64url")}`
}

/** A hash of a password no one has, so that an unknown username costs as much time as a wrong password. */
let decoy: Promise<string> | undefined
export const decoyHash = (): Promise<string> => {
  decoy ??= hashPassword(randomBytes(16).toString("hex"))
  return decoy
}

/** Whether `password` matches `stored`; a malformed stored hash never matches. Constant-time comparison. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$")
  if (parts.length !== 6 || parts[0] !== "scrypt") return false
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])]
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 1 << 20) return false
  const salt = Buffer.from(parts[4] ?? "", "base64url")
  const expected = Buffer.from(parts[5] ?? "", "base64url")
  if (salt.length === 0 || expected.length !== KEY_LENGTH) return false
  const actual = await derive(password, salt, { N, r, p })
  return timingSafeEqual(actual, expected)
}

/** A new random token (256 bits), URL- and cookie-safe. */
export const newToken = (prefix = ""): string => `${prefix}${randomBytes(32).toString("base64url")}`

/** The SHA-256 of a token, as stored and looked up. */
export const tokenHash = (token: string): string => createHash("sha256").update(token).digest("hex")

/** Constant-time equality of two short strings (CSRF tokens). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
