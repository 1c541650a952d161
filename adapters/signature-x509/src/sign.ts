// Signing a PDF: check it may be signed, add the signature field, and let @signpdf/signpdf compute the byte range
// and embed what our CMS builder returns (signpdf does the byte-range bookkeeping, a well-trodden part we do not
// rewrite; the CMS is ours, through pkijs, because signpdf's own P12Signer cannot use a remote key or add a
// time-stamp).
import { createHash, type X509Certificate } from "node:crypto"
import { SignPdf, Signer as SignPdfSigner } from "@signpdf/signpdf"
import { buildSignedData } from "./cms.ts"
import type { SigningKey } from "./keys.ts"
import { loadSignablePdf, refuse, withSignaturePlaceholder } from "./pdf.ts"

export interface SignPdfOptions {
  readonly key: SigningKey
  /** The claimed signing time (/M); the certificate must be valid then. */
  readonly at: Date
  readonly reason: string
  readonly location: string
  /** An RFC 3161 time-stamp authority: returns the token (DER) for a SHA-256 digest. */
  readonly timestamp?: (digest: Uint8Array) => Promise<Uint8Array>
}

/** The certificate cannot sign at `at`: not yet valid, expired, or revoked by its CA. */
export class CertificateNotValid extends Error {
  readonly reason: "certificate-expired" | "certificate-not-yet-valid" | "certificate-revoked"
  constructor(reason: CertificateNotValid["reason"], message: string) {
    super(message)
    this.name = "CertificateNotValid"
    this.reason = reason
  }
}

/** Refuses a certificate (any of the chain) that is not valid at `at`. */
export function assertValidAt(chain: ReadonlyArray<X509Certificate>, at: Date): void {
  for (const certificate of chain) {
    const from = new Date(certificate.validFrom)
    const to = new Date(certificate.validTo)
    const who = commonName(certificate.subject)
    if (at < from)
      throw new CertificateNotValid(
        "certificate-not-yet-valid",
        `chứng thư số của ${who} chưa có hiệu lực (từ ${from.toISOString()}) / the certificate of ${who} is not valid yet (from ${from.toISOString()})`,
      )
    if (at > to)
      throw new CertificateNotValid(
        "certificate-expired",
        `chứng thư số của ${who} đã hết hạn (${to.toISOString()}) / the certificate of ${who} expired on ${to.toISOString()}`,
      )
  }
}

/** The CN of a subject as node:crypto prints it (`C=VN\nO=…\nCN=…`). */
export const commonName = (subject: string): string =>
  subject
    .split("\n")
    .find((line) => line.startsWith("CN="))
    ?.slice(3) ?? subject

export interface SignedPdf {
  readonly bytes: Uint8Array
  readonly sha256: string
  readonly certificate: X509Certificate
}

class CmsSigner extends SignPdfSigner {
  readonly #options: SignPdfOptions
  constructor(options: SignPdfOptions) {
    super()
    this.#options = options
  }
  override async sign(content: Buffer): Promise<Buffer> {
    const der = await buildSignedData({
      contentDigest: createHash("sha256").update(content).digest(),
      chain: this.#options.key.chain,
      sign: this.#options.key.sign,
      ...(this.#options.timestamp === undefined ? {} : { timestamp: this.#options.timestamp }),
    })
    return Buffer.from(der)
  }
}

/** Signs `pdf` (PAdES B-B, or B-T with a time-stamp). Throws PdfRefused or CertificateNotValid with the reason. */
export async function signPdf(pdf: Uint8Array, options: SignPdfOptions): Promise<SignedPdf> {
  const leaf = options.key.chain[0]
  if (leaf === undefined) throw refuse("malformed", "no certificate")
  assertValidAt(options.key.chain, options.at)
  const doc = await loadSignablePdf(pdf)
  const existing = doc.getForm().getFields().length
  const prepared = await withSignaturePlaceholder(doc, {
    reason: options.reason,
    name: commonName(leaf.subject),
    location: options.location,
    signingTime: options.at,
    fieldName: `Chu ky so ${existing + 1}`,
  })
  // signpdf refuses a CMS larger than the placeholder (SIGNATURE_BYTES) itself
  const signed = await new SignPdf().sign(Buffer.from(prepared), new CmsSigner(options))
  return {
    bytes: new Uint8Array(signed),
    sha256: createHash("sha256").update(signed).digest("hex"),
    certificate: leaf,
  }
}
