// Digital signature of results: the leader's signature over the result document. An X.509 signer
// (adapters/signature-x509) embeds a PAdES signature in the PDF and returns the signed file; the development signer
// signs the bytes with a development key and leaves the document as it was. `verify` checks a signed file's own
// signature (the X.509 signer against the province's trusted roots; the development signer checks nothing).
import { createHash } from "node:crypto"
import { Context, Data, Effect, Layer } from "effect"
import { CallLog } from "./call-log.ts"
import { ExternalServiceFailed } from "./external-errors.ts"

export interface SignRequest {
  /** Who signs (the officer's account id): the signer picks their certificate. */
  readonly signerId: string
  readonly bytes: Uint8Array
  /** What is signed, for the signer's own log (e.g. the dossier code and document id). */
  readonly reference: string
  /** Why it is signed, printed by PDF readers (Vietnamese). */
  readonly reason?: string
}

/** The signer's X.509 certificate, as shown to whoever checks a result. */
export interface SignerCertificate {
  /** Upper-case hex, as OpenSSL prints it. */
  readonly serialNumber: string
  readonly commonName: string
  readonly subject: string
  readonly issuer: string
  readonly validFrom: string
  readonly validTo: string
}

export interface Signature {
  /** The signature's id (certificate serial + signed document): what the dossier records. */
  readonly signatureId: string
  readonly algorithm: string
  /** The signature value, base64 (for PAdES: the CMS SignedData, which is also inside the document). */
  readonly value: string
  /** The signed document, when the signature is embedded in it (PAdES): what is stored and issued. */
  readonly signedDocument?: Uint8Array
  /** The signer's certificate, for X.509 signatures. */
  readonly certificate?: SignerCertificate
}

/** Why a document was not signed: what was given cannot be signed, or the signer's certificate cannot sign now. */
export type SigningRefusalReason =
  | "not-pdf"
  | "encrypted"
  | "javascript"
  | "malformed"
  | "certificate-expired"
  | "certificate-not-yet-valid"
  | "certificate-revoked"
  | "no-certificate"

/** The signer refuses: a bad document or an unusable certificate (HTTP 422), never worth retrying as it is. */
export class SigningRefused extends Data.TaggedError("SigningRefused")<{
  readonly reason: SigningRefusalReason
  readonly detail: string
}> {
  override get message(): string {
    return `không ký được / not signed (${this.reason}): ${this.detail}`
  }
}

/** A file's own signature, as the signer's verifier sees it. */
export interface SignatureCheck {
  /** False when this signer cannot check signatures (the development signer): nothing below was checked. */
  readonly checked: boolean
  /** Intact, covering the whole file, from a trusted certificate valid when signing. */
  readonly valid: boolean
  /** Machine-readable problems (`modified`, `untrusted`, `no-signature`, …). */
  readonly problems: ReadonlyArray<string>
  /** Each problem explained, Vietnamese first. */
  readonly messages: ReadonlyArray<string>
  readonly signer?: SignerCertificate
  readonly signedAt?: string
}

export interface SignerShape {
  readonly sign: (request: SignRequest) => Effect.Effect<Signature, ExternalServiceFailed | SigningRefused>
  readonly verify: (bytes: Uint8Array) => Effect.Effect<SignatureCheck>
}

/** What a signer that cannot check signatures answers. */
export const notChecked = (why: string): SignatureCheck => ({
  checked: false,
  valid: false,
  problems: ["not-checked"],
  messages: [why],
})

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
        verify: () => Effect.succeed(notChecked("test signer")),
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
