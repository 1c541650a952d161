// Our own check of a signed PDF, the same questions pdfsig answers: does the last signature's digest match the bytes
// it covers, does it cover the whole file (nothing appended after signing), does the signature verify with the
// embedded signer certificate, and does that certificate chain to a root we trust and was it valid when signed.
import { createHash, verify as verifySignature, type X509Certificate } from "node:crypto"
import { OID, parseSignedData } from "./cms.ts"
import { type RevocationList, revocationStatus } from "./crl.ts"
import { loadSignablePdf, PdfRefused, signaturesIn } from "./pdf.ts"
import { commonName } from "./sign.ts"
import { checkTimestampToken } from "./tsa.ts"

export type VerificationProblem =
  | "no-signature"
  | "modified" // the covered bytes do not match the digest, or bytes were added after the signature
  | "bad-signature" // the signature value does not verify with the signer's certificate
  | "unknown-signer" // the signer's certificate is not in the signature
  | "untrusted" // no chain to a trusted root
  | "certificate-not-valid-at-signing" // expired or not yet valid at the claimed signing time
  | "certificate-revoked" // a certificate of the chain was revoked (and no trusted time-stamp shows it was before)
  | "timestamp-invalid" // the time-stamp token's own signature or imprint does not verify
  | "timestamp-untrusted" // the time-stamp authority's certificate is not for time-stamping or not from a trusted CA
  | "unreadable"

export interface SignerInfo {
  readonly commonName: string
  readonly subject: string
  readonly issuer: string
  /** Upper-case hex, as OpenSSL prints it. */
  readonly serialNumber: string
  readonly validFrom: string
  readonly validTo: string
}

export interface PdfVerification {
  /** Every check passed: intact, whole document, trusted, valid at signing. */
  readonly valid: boolean
  readonly problems: ReadonlyArray<VerificationProblem>
  /** Human-readable explanation of each problem, Vietnamese first. */
  readonly messages: ReadonlyArray<string>
  readonly signatures: number
  readonly signer: SignerInfo | undefined
  /** The claimed signing time (/M, else the CMS signing-time). */
  readonly signedAt: string | undefined
  /** Whether the signature carries an RFC 3161 time-stamp token. */
  readonly timestamped: boolean
  /** The time-stamp token, checked: its time and authority (problems `timestamp-invalid`, `timestamp-untrusted`). */
  readonly timestamp?: { readonly time: string | undefined; readonly authority: string | undefined }
  /**
   * The signer's chain against the certificate revocation lists given: `good` (each certificate's issuer has a CRL
   * that does not list it), `revoked` (with when and why), `unknown` (some issuer has no CRL here), or `not-checked`
   * (no CRL given).
   */
  readonly certificateStatus: "good" | "revoked" | "unknown" | "not-checked"
  readonly revokedAt?: string
  readonly revocationReason?: string
  /** SHA-256 (hex) of the whole file. */
  readonly sha256: string
}

export interface VerifyOptions {
  /** CRLs of the CAs (readRevocationLists): a revoked certificate in the chain is reported. */
  readonly revocationLists?: ReadonlyArray<RevocationList>
  /** The present moment (whether a CRL is past its next update); the clock's by default. */
  readonly now?: Date
}

const problemText: Readonly<Record<VerificationProblem, string>> = {
  "no-signature": "tệp không có chữ ký số / the file has no digital signature",
  modified: "tài liệu đã bị sửa sau khi ký / the document was modified after it was signed",
  "bad-signature": "chữ ký không khớp chứng thư / the signature does not verify with its certificate",
  "unknown-signer": "không có chứng thư của người ký trong chữ ký / the signer's certificate is missing",
  untrusted: "chứng thư không thuộc tổ chức chứng thực được tin cậy / the certificate is not from a trusted CA",
  "certificate-not-valid-at-signing":
    "chứng thư không có hiệu lực vào thời điểm ký / the certificate was not valid when the document was signed",
  unreadable: "không đọc được chữ ký / the signature cannot be read",
  "certificate-revoked":
    "chứng thư số của người ký đã bị thu hồi / the signer's certificate has been revoked by its certification authority",
  "timestamp-invalid": "dấu thời gian không hợp lệ (chữ ký của nó không khớp) / the time-stamp token does not verify",
  "timestamp-untrusted":
    "dấu thời gian không do tổ chức cấp dấu thời gian được tin cậy cấp / the time-stamp is not from a trusted authority",
}

export const serialHex = (certificate: X509Certificate): string => certificate.serialNumber.toUpperCase()

export const signerInfoOf = (certificate: X509Certificate): SignerInfo => ({
  commonName: commonName(certificate.subject),
  subject: certificate.subject.replace(/\n/g, ", "),
  issuer: certificate.issuer.replace(/\n/g, ", "),
  serialNumber: serialHex(certificate),
  validFrom: new Date(certificate.validFrom).toISOString(),
  validTo: new Date(certificate.validTo).toISOString(),
})

/** Verifies the last signature of `pdf` against `trustedRoots` (PEM or certificates). */
export async function verifyPdf(
  pdf: Uint8Array,
  trustedRoots: ReadonlyArray<X509Certificate>,
  options: VerifyOptions = {},
): Promise<PdfVerification> {
  const sha256 = createHash("sha256").update(pdf).digest("hex")
  const problems = new Set<VerificationProblem>()
  const report = (rest: Partial<PdfVerification> & { signatures: number }): PdfVerification => ({
    valid: problems.size === 0,
    problems: [...problems],
    messages: [...problems].map((p) => problemText[p]),
    signer: undefined,
    signedAt: undefined,
    timestamped: false,
    certificateStatus: "not-checked",
    sha256,
    ...rest,
  })
  try {
    await loadSignablePdf(pdf)
  } catch (error) {
    if (error instanceof PdfRefused && error.reason !== "javascript") {
      problems.add(error.reason === "not-pdf" ? "no-signature" : "unreadable")
      return report({ signatures: 0 })
    }
    // a PDF with JavaScript is still checked: the question here is only whether it is what was signed
  }
  const found = signaturesIn(pdf)
  const last = found.at(-1)
  if (last === undefined) {
    problems.add("no-signature")
    return report({ signatures: 0 })
  }
  let parsed: ReturnType<typeof parseSignedData>
  try {
    parsed = parseSignedData(last.cms)
  } catch {
    problems.add("unreadable")
    return report({ signatures: found.length })
  }
  const [a, , c, d] = last.byteRange
  if (a !== 0 || c + d !== pdf.length) problems.add("modified")
  const digest = createHash("sha256").update(last.signedBytes).digest()
  if (parsed.digestAlgorithm !== OID.sha256 || parsed.messageDigest === undefined) problems.add("unreadable")
  else if (!digest.equals(Buffer.from(parsed.messageDigest))) problems.add("modified")
  let timestamp: PdfVerification["timestamp"]
  /** The time a trusted, intact time-stamp proves the signature existed at. */
  let provenAt: Date | undefined
  if (parsed.timestampToken !== undefined) {
    // PAdES B-T: the token stamps the signature value; the authority's root must be among the trusted roots
    const check = checkTimestampToken(parsed.timestampToken, parsed.signature, (leaf, pool) =>
      chainToRoot(leaf, pool, trustedRoots),
    )
    if (!check.intact) problems.add("timestamp-invalid")
    else if (!check.trusted) problems.add("timestamp-untrusted")
    else provenAt = check.time
    timestamp = { time: check.time?.toISOString(), authority: check.authority }
  }
  const signer = parsed.signer
  const signedAt = last.claimedTime ?? parsed.signingTime
  let revocation: Awaited<ReturnType<typeof chainStatus>> | undefined
  if (signer === undefined) problems.add("unknown-signer")
  else {
    let ok = false
    try {
      ok = verifySignature("sha256", parsed.signedAttributes, signer.publicKey, parsed.signature)
    } catch {
      ok = false
    }
    if (!ok) problems.add("bad-signature")
    const chain = chainToRoot(signer, parsed.certificates, trustedRoots)
    if (chain === undefined) problems.add("untrusted")
    else if (signedAt !== undefined && chain.some((cert) => !validAt(cert, signedAt)))
      problems.add("certificate-not-valid-at-signing")
    if (chain !== undefined && options.revocationLists !== undefined && options.revocationLists.length > 0) {
      revocation = await chainStatus(chain, options.revocationLists, options.now ?? new Date())
      // a certificate revoked after a trusted time-stamp proves the signature was made still stands (RFC 5280, PAdES)
      if (revocation.certificateStatus === "revoked" && !(provenAt !== undefined && provenAt < revocation.at))
        problems.add("certificate-revoked")
    }
  }
  return report({
    signatures: found.length,
    signer: signer === undefined ? undefined : signerInfoOf(signer),
    signedAt: signedAt?.toISOString(),
    timestamped: parsed.timestampToken !== undefined,
    ...(timestamp === undefined ? {} : { timestamp }),
    ...(revocation === undefined
      ? {}
      : {
          certificateStatus: revocation.certificateStatus,
          ...(revocation.certificateStatus === "revoked"
            ? {
                revokedAt: revocation.at.toISOString(),
                ...(revocation.reason === undefined ? {} : { revocationReason: revocation.reason }),
              }
            : {}),
        }),
  })
}

/** The revocation status of a chain (leaf first, root last): the first revoked certificate, else good or unknown. */
async function chainStatus(
  chain: ReadonlyArray<X509Certificate>,
  lists: ReadonlyArray<RevocationList>,
  now: Date,
): Promise<
  | { readonly certificateStatus: "good" | "unknown" }
  | { readonly certificateStatus: "revoked"; readonly at: Date; readonly reason: string | undefined }
> {
  let unknown = false
  for (let i = 0; i + 1 < chain.length; i++) {
    const status = await revocationStatus(chain[i] as X509Certificate, chain[i + 1] as X509Certificate, lists, now)
    if (status.status === "revoked") return { certificateStatus: "revoked", at: status.at, reason: status.reason }
    if (status.status === "unknown") unknown = true
  }
  return { certificateStatus: unknown ? "unknown" : "good" }
}

const validAt = (certificate: X509Certificate, at: Date) =>
  new Date(certificate.validFrom) <= at && at <= new Date(certificate.validTo)

/** The path from `leaf` through `pool` to one of `roots` (root included), or undefined. */
export function chainToRoot(
  leaf: X509Certificate,
  pool: ReadonlyArray<X509Certificate>,
  roots: ReadonlyArray<X509Certificate>,
): X509Certificate[] | undefined {
  const issued = (child: X509Certificate, parent: X509Certificate) =>
    child.checkIssued(parent) && child.verify(parent.publicKey)
  const path = [leaf]
  let current = leaf
  for (let depth = 0; depth < 10; depth++) {
    const root = roots.find((r) => issued(current, r))
    if (root !== undefined) {
      if (!root.fingerprint256 || root.raw.equals(current.raw)) return path
      return [...path, root]
    }
    if (roots.some((r) => r.raw.equals(current.raw))) return path
    const next = pool.find((p) => !path.includes(p) && !p.raw.equals(current.raw) && issued(current, p))
    if (next === undefined) return undefined
    path.push(next)
    current = next
  }
  return undefined
}

export { certificatesFromPem } from "./pem.ts"
