// Development signer: a real Ed25519 signature over the document's bytes with the development key (dev/keys.ts), so
// that `verifyDevelopmentSignature` (or anyone holding the public key) can check it. It stands for the leader's
// X.509 signature (remote signing service or USB token), which comes with later work: this key certifies nobody.
import { createHash, type KeyObject, sign, verify } from "node:crypto"
import { Effect, Layer } from "effect"
import { notChecked, type Signature, Signer } from "../ports/signer.ts"
import { type DevelopmentKeys, keyFingerprint } from "./keys.ts"
import { DevelopmentCalls } from "./recent-calls.ts"

export const DEVELOPMENT_SIGNATURE_ALGORITHM = "Ed25519"

/** Signs `bytes` with the development key: `dev-<key fingerprint>-<first 16 hex of the bytes' SHA-256>`. */
export function developmentSignature(keys: DevelopmentKeys, bytes: Uint8Array): Signature {
  const digest = createHash("sha256").update(bytes).digest("hex")
  return {
    signatureId: `dev-${keyFingerprint(keys.verifyingKey)}-${digest.slice(0, 16)}`,
    algorithm: DEVELOPMENT_SIGNATURE_ALGORITHM,
    value: sign(null, bytes, keys.signingKey).toString("base64"),
  }
}

/** Whether `signature` is the development key's signature of exactly these bytes. */
export function verifyDevelopmentSignature(publicKey: KeyObject, bytes: Uint8Array, signature: Signature): boolean {
  if (signature.algorithm !== DEVELOPMENT_SIGNATURE_ALGORITHM) return false
  try {
    return verify(null, bytes, publicKey, Buffer.from(signature.value, "base64"))
  } catch {
    return false
  }
}

export const SignerDevelopment = {
  layer: (keys: DevelopmentKeys) =>
    Layer.effect(
      Signer,
      Effect.gen(function* () {
        const calls = yield* DevelopmentCalls
        return Signer.of({
          sign: (request) =>
            Effect.gen(function* () {
              const signature = developmentSignature(keys, request.bytes)
              yield* calls.record({
                port: "Signer",
                operation: "sign",
                fields: {
                  signerId: request.signerId,
                  reference: request.reference,
                  size: request.bytes.length,
                  signatureId: signature.signatureId,
                },
              })
              return signature
            }),
          verify: () =>
            Effect.succeed(
              notChecked(
                "máy chủ dùng khóa ký phát triển, không kiểm tra chữ ký X.509 / the server signs with a development key and checks no X.509 signature",
              ),
            ),
        })
      }),
    ),
}
