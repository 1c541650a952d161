// Where the development adapters' keys live: a folder holding the Ed25519 signing key (PKCS#8 PEM) and the payment
// callback secret (hex), created on first use with owner-only permissions. Kept on disk so that signatures and
// signed callbacks stay valid across restarts, and shared by instances that share the folder. Two instances starting
// together on an empty folder agree: each file is written under a temporary name and linked into place, which fails
// for the later one, who then reads the winner's.
import { randomBytes } from "node:crypto"
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { type DevelopmentKeys, developmentKeysFrom, generateDevelopmentKeys, signingKeyPem } from "@motcua/application"

export const SIGNING_KEY_FILE = "signer-ed25519.pem"
export const PAYMENT_SECRET_FILE = "payment-callback.secret"

/** The file's content, writing `create()` first when there is none (first writer wins). */
function readOrCreate(path: string, create: () => string): string {
  try {
    return readFileSync(path, "utf8")
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error
  }
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`
  writeFileSync(temporary, create(), { mode: 0o600, flag: "wx" })
  try {
    linkSync(temporary, path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error
  } finally {
    unlinkSync(temporary)
  }
  return readFileSync(path, "utf8")
}

/** The keys of `dir`, generating and storing the missing ones. */
export function loadDevelopmentKeys(dir: string): DevelopmentKeys {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const fresh = generateDevelopmentKeys()
  const pem = readOrCreate(join(dir, SIGNING_KEY_FILE), () => signingKeyPem(fresh))
  const secretHex = readOrCreate(join(dir, PAYMENT_SECRET_FILE), () =>
    Buffer.from(fresh.paymentSecret).toString("hex"),
  ).trim()
  if (!/^(?:[0-9a-f]{2}){16,}$/i.test(secretHex))
    throw new Error(`${join(dir, PAYMENT_SECRET_FILE)}: phải là ít nhất 32 chữ số hex (must be at least 32 hex digits)`)
  return developmentKeysFrom(pem, Buffer.from(secretHex, "hex"))
}
