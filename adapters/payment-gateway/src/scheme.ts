// The gateway's signature, a small part of its own so that another gateway's scheme can take its place. The common
// Vietnamese scheme (VNPay and the gateways that copied it, the national portal's payment platform among them) is an
// HMAC over a canonical text: for redirects, notices and returns, the parameters sorted by name, each written
// `name=value` with the value URL-encoded (spaces as `+`), joined by `&`; for the status query, given fields joined
// by `|`. The hash is SHA-512 by default (SHA-256 where a gateway uses it), written in hex.
import { createHmac, timingSafeEqual } from "node:crypto"

export interface SignatureScheme {
  readonly name: string
  /** The signature of a canonical text. */
  readonly sign: (text: string) => string
  /** Whether `signature` is the text's (compared in constant time; any case of hex). */
  readonly verify: (text: string, signature: string) => boolean
}

export type HashAlgorithm = "sha512" | "sha256"

/** HMAC of the secret over the text, lower-case hex. */
export function hmacScheme(secret: string, algorithm: HashAlgorithm = "sha512"): SignatureScheme {
  const hexLength = algorithm === "sha512" ? 128 : 64
  const sign = (text: string) => createHmac(algorithm, secret).update(text, "utf8").digest("hex")
  return {
    name: `hmac-${algorithm}`,
    sign,
    verify: (text, signature) => {
      if (signature.length !== hexLength || !/^[0-9a-fA-F]+$/.test(signature)) return false
      return timingSafeEqual(Buffer.from(sign(text), "hex"), Buffer.from(signature, "hex"))
    },
  }
}

/** A value as the canonical text writes it: URL-encoded, spaces as `+`. */
const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, "+")

/**
 * The canonical text of a parameter set: every parameter of the gateway's (`prefix`) but the signature's own
 * (`excluded`), with a non-empty value, sorted by name (code unit order), `name=value` joined by `&`. Parameters
 * outside the prefix are not signed, and the adapter never reads them.
 */
export function sortedParamsText(
  params: Readonly<Record<string, string>>,
  prefix = "vnp_",
  excluded: ReadonlyArray<string> = ["vnp_SecureHash", "vnp_SecureHashType"],
): string {
  return Object.keys(params)
    .filter((k) => k.startsWith(prefix) && !excluded.includes(k) && params[k] !== undefined && params[k] !== "")
    .sort()
    .map((k) => `${encode(k)}=${encode(params[k] as string)}`)
    .join("&")
}
