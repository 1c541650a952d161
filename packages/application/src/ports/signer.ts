// Digital signature of results (the leader's signature; later a remote-signing service or a USB token through an
// adapter). The signer signs document bytes and returns the signature's id, which the dossier records.
import { createHash } from "node:crypto"
import { Context, Effect, Layer } from "effect"
import { CallLog } from "./call-log.ts"
import { ExternalServiceFailed } from "./external-errors.ts"

export interface SignRequest {
  /** Who signs (the officer's account id): the signer picks their certificate. */
  readonly signerId: string
  readonly bytes: Uint8Array
  /** What is signed, for the signer's own log (e.g. the dossier code and document id). */
  readonly reference: string
}

export interface Signature {
  /** The signature's id (certificate serial + signed document): what the dossier records. */
  readonly signatureId: string
  readonly algorithm: string
  /** The signature value, base64. */
  readonly value: string
}

export interface SignerShape {
  readonly sign: (request: SignRequest) => Effect.Effect<Signature, ExternalServiceFailed>
}

export class Signer extends Context.Service<Signer, SignerShape>()("@motcua/application/Signer") {
  /** Not a real signature: a SHA-256 of signer and bytes, recorded in the CallLog. */
  static readonly layerTest = Layer.effect(
    Signer,
    Effect.gen(function* () {
      const log = yield* CallLog
      return Signer.of({
        sign: (request) =>
          log
            .record("Signer", "sign", {
              signerId: request.signerId,
              reference: request.reference,
              size: request.bytes.length,
            })
            .pipe(
              Effect.mapError((cause) => new ExternalServiceFailed({ port: "Signer", operation: "sign", cause })),
              Effect.as(testSignature(request)),
            ),
      })
    }),
  )
}

function testSignature(request: SignRequest): Signature {
  const digest = createHash("sha256").update(request.signerId).update("\n").update(request.bytes).digest()
  return {
    signatureId: `sig-${digest.toString("hex").slice(0, 16)}`,
    algorithm: "test-sha256",
    value: digest.toString("base64"),
  }
}
