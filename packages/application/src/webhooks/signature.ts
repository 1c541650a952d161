// How webhook deliveries are signed, and how a receiver checks them: HMAC-SHA256 with the subscription's secret over
// `<timestamp>.<body>`, sent as `Motcua-Signature: t=<unix seconds>,v1=<hex>`. The timestamp is inside what is
// signed, so a receiver that refuses old timestamps (5 minutes by default) cannot be fed a replayed delivery; the
// body is the exact bytes received (verify before parsing). Web Crypto only, so embedders in any JS runtime can use
// `verifyWebhookSignature` as it is.
export const SIGNATURE_HEADER = "motcua-signature"
export const DEFAULT_TOLERANCE_SECONDS = 300

const encoder = new TextEncoder()

async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ])
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(message)))
  return Array.from(signature, (b) => b.toString(16).padStart(2, "0")).join("")
}

/** The header value for `body` sent at `unixSeconds`. */
export async function signWebhook(secret: string, body: string, unixSeconds: number): Promise<string> {
  return `t=${unixSeconds},v1=${await hmacHex(secret, `${unixSeconds}.${body}`)}`
}

export type WebhookVerification =
  | { readonly valid: true; readonly timestamp: number }
  | { readonly valid: false; readonly reason: string }

/** Checks a received delivery: the header's form, the timestamp's age, and the signature (in constant time). */
export async function verifyWebhookSignature(
  header: string | null | undefined,
  body: string,
  secret: string,
  nowUnixSeconds: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): Promise<WebhookVerification> {
  const parts = new Map(
    (header ?? "").split(",").map((part) => {
      const i = part.indexOf("=")
      return [part.slice(0, i).trim(), part.slice(i + 1).trim()] as const
    }),
  )
  const t = Number(parts.get("t"))
  const given = parts.get("v1") ?? ""
  if (!Number.isSafeInteger(t) || !/^[0-9a-f]{64}$/.test(given))
    return { valid: false, reason: "the signature header is not t=<seconds>,v1=<64 hex digits>" }
  if (Math.abs(nowUnixSeconds - t) > toleranceSeconds)
    return { valid: false, reason: `the timestamp is more than ${toleranceSeconds} s away from now` }
  const expected = await hmacHex(secret, `${t}.${body}`)
  let difference = 0
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ given.charCodeAt(i)
  return difference === 0 ? { valid: true, timestamp: t } : { valid: false, reason: "the signature does not match" }
}
