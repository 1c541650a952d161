// Remote signing: the key stays in an HSM or on a USB token behind a signing service; we send it the SHA-256 digest
// of what must be signed and get the signature back. The protocol is small and ours (a province puts a thin gateway
// in front of its HSM's or token middleware's own API):
//
//   GET  {url}/keys/{keyId}/certificates  → 200 {"certificates": ["<base64 DER>", …]}   signer first, then issuers
//   POST {url}/keys/{keyId}/sign          {"algorithm": "SHA256", "digest": "<base64>"} → 200 {"signature": "<base64>"}
//
// with `Authorization: Bearer <token>`. An RSA key signs PKCS#1 v1.5 over the DigestInfo of the digest; an EC key
// returns a DER ECDSA signature. Any other answer is a KeyUnavailable with the service's status.
import { createHash, X509Certificate } from "node:crypto"
import { KeyUnavailable, type SigningKey } from "./keys.ts"

export interface RemoteSigningSettings {
  /** The signing service's base URL (https in production). */
  readonly url: string
  readonly token?: string
  /** Milliseconds before a call is abandoned (10 000 by default). */
  readonly timeoutMs?: number
}

/** The remote-signing port: what an HSM or token gateway must offer. */
export interface RemoteSigningService {
  readonly certificates: (keyId: string) => Promise<X509Certificate[]>
  readonly signDigest: (keyId: string, digest: Uint8Array) => Promise<Uint8Array>
}

/** The HTTP implementation of the remote-signing port. */
export function httpSigningService(settings: RemoteSigningSettings): RemoteSigningService {
  const base = settings.url.replace(/\/+$/, "")
  const call = async (path: string, init: RequestInit = {}): Promise<unknown> => {
    let response: Response
    try {
      response = await fetch(`${base}${path}`, {
        ...init,
        headers: {
          accept: "application/json",
          ...(init.body === undefined ? {} : { "content-type": "application/json" }),
          ...(settings.token === undefined ? {} : { authorization: `Bearer ${settings.token}` }),
        },
        signal: AbortSignal.timeout(settings.timeoutMs ?? 10_000),
      })
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error)
      throw new KeyUnavailable(`dịch vụ ký số không trả lời / the signing service did not answer: ${why}`)
    }
    if (!response.ok)
      throw new KeyUnavailable(
        `dịch vụ ký số từ chối / the signing service refused (${response.status}): ${(await response.text()).slice(0, 200)}`,
      )
    return response.json()
  }
  const key = (keyId: string) => `/keys/${encodeURIComponent(keyId)}`
  return {
    certificates: async (keyId) => {
      const body = (await call(`${key(keyId)}/certificates`)) as { certificates?: unknown }
      if (!Array.isArray(body.certificates) || body.certificates.length === 0)
        throw new KeyUnavailable("dịch vụ ký số không trả chứng thư / the signing service sent no certificates")
      return body.certificates.map((c) => new X509Certificate(Buffer.from(String(c), "base64")))
    },
    signDigest: async (keyId, digest) => {
      const body = (await call(`${key(keyId)}/sign`, {
        method: "POST",
        body: JSON.stringify({ algorithm: "SHA256", digest: Buffer.from(digest).toString("base64") }),
      })) as { signature?: unknown }
      if (typeof body.signature !== "string" || body.signature === "")
        throw new KeyUnavailable("dịch vụ ký số không trả chữ ký / the signing service sent no signature")
      return new Uint8Array(Buffer.from(body.signature, "base64"))
    },
  }
}

/** A SigningKey whose private half is at the service: the chain is fetched once, each signature is one call. */
export async function remoteKey(service: RemoteSigningService, keyId: string): Promise<SigningKey> {
  const chain = await service.certificates(keyId)
  return {
    chain,
    sign: (data) => service.signDigest(keyId, createHash("sha256").update(data).digest()),
  }
}

/** DER DigestInfo prefix of SHA-256 (RFC 8017 9.2 note 1): what an RSA PKCS#1 v1.5 signature encrypts. */
export const SHA256_DIGEST_INFO_PREFIX = Buffer.from("3031300d060960864801650304020105000420", "hex")
