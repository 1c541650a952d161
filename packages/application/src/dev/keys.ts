// The secrets of the development adapters: an Ed25519 key pair for the development signer and a shared secret for
// the development payment gateway's callbacks (HMAC-SHA256). Generated here; the API keeps them in a folder so that
// signatures and callbacks stay valid across restarts and between instances (apps/api development-keys.ts).
// Development only: a real deployment signs with the officers' X.509 certificates and verifies the payment
// platform's own signatures.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from "node:crypto"

export interface DevelopmentKeys {
  /** Ed25519 private key of the development signer. */
  readonly signingKey: KeyObject
  /** Its public key: what verifies the signatures. */
  readonly verifyingKey: KeyObject
  /** The development payment gateway's callback secret (32 random bytes). */
  readonly paymentSecret: Uint8Array
}

export const PAYMENT_SECRET_BYTES = 32

export function generateDevelopmentKeys(): DevelopmentKeys {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519")
  return { signingKey: privateKey, verifyingKey: publicKey, paymentSecret: randomBytes(PAYMENT_SECRET_BYTES) }
}

/** Keys from their stored forms: the private key as PKCS#8 PEM, the secret as bytes. */
export function developmentKeysFrom(signingKeyPem: string, paymentSecret: Uint8Array): DevelopmentKeys {
  const signingKey = createPrivateKey(signingKeyPem)
  if (signingKey.asymmetricKeyType !== "ed25519")
    throw new TypeError(`development signing key: expected an Ed25519 key, got ${signingKey.asymmetricKeyType}`)
  if (paymentSecret.length < 16)
    throw new RangeError(`development payment secret: at least 16 bytes, got ${paymentSecret.length}`)
  return { signingKey, verifyingKey: createPublicKey(signingKey), paymentSecret }
}

/** The private key as PKCS#8 PEM (to store it). */
export const signingKeyPem = (keys: DevelopmentKeys): string =>
  keys.signingKey.export({ type: "pkcs8", format: "pem" }).toString()

/** A short fingerprint of a public key: the first 16 hex digits of the SHA-256 of its SPKI DER form. */
export const keyFingerprint = (publicKey: KeyObject): string =>
  createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex")
    .slice(0, 16)
