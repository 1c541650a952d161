// Certificate revocation lists (RFC 5280 §5): the verifier asks whether a certificate of a signature's chain was
// revoked by its issuer. A CRL counts only when its issuer is the certificate's issuer and its signature verifies
// with that issuer's key; a CRL past its next update still answers for what it lists (a revocation does not expire),
// and the report says it is stale. The ASN.1 is pkijs's.
import type { X509Certificate } from "node:crypto"
import * as asn1js from "asn1js"
import * as pkijs from "pkijs"

/** A CRL read from PEM (`-----BEGIN X509 CRL-----`) or DER. */
export interface RevocationList {
  readonly crl: pkijs.CertificateRevocationList
  readonly thisUpdate: Date
  readonly nextUpdate: Date | undefined
}

const ab = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer

/** The CRLs in a file's bytes: PEM blocks, or one DER CRL. Throws naming what is wrong. */
export function readRevocationLists(bytes: Uint8Array): RevocationList[] {
  const text = Buffer.from(bytes).toString("latin1")
  const blocks = text.match(/-----BEGIN X509 CRL-----[\s\S]+?-----END X509 CRL-----/g)
  const ders =
    blocks === null
      ? [bytes]
      : blocks.map((b) => new Uint8Array(Buffer.from(b.replace(/-----[A-Z0-9 ]+-----|\s/g, ""), "base64")))
  return ders.map((der) => {
    const crl = pkijs.CertificateRevocationList.fromBER(ab(der))
    return { crl, thisUpdate: crl.thisUpdate.value, nextUpdate: crl.nextUpdate?.value }
  })
}

export type RevocationStatus =
  | { readonly status: "good"; readonly stale: boolean }
  | { readonly status: "revoked"; readonly at: Date; readonly reason: string | undefined }
  /** No CRL of this certificate's issuer (with a valid signature) is known. */
  | { readonly status: "unknown" }

const REASONS = [
  "unspecified",
  "keyCompromise",
  "cACompromise",
  "affiliationChanged",
  "superseded",
  "cessationOfOperation",
  "certificateHold",
  "",
  "removeFromCRL",
  "privilegeWithdrawn",
  "aACompromise",
]

/** The status of `certificate` by the CRLs its `issuer` signed, at `now` (for staleness). */
export async function revocationStatus(
  certificate: X509Certificate,
  issuer: X509Certificate,
  lists: ReadonlyArray<RevocationList>,
  now: Date,
): Promise<RevocationStatus> {
  const issuerCert = pkijs.Certificate.fromBER(ab(new Uint8Array(issuer.raw)))
  const serial = certificate.serialNumber.toUpperCase().replace(/^0+/, "")
  let known = false
  let stale = true
  for (const { crl, nextUpdate } of lists) {
    if (!crl.issuer.isEqual(issuerCert.subject)) continue
    let verified = false
    try {
      verified = await crl.verify({ issuerCertificate: issuerCert })
    } catch {
      verified = false
    }
    if (!verified) continue
    known = true
    if (nextUpdate === undefined || nextUpdate >= now) stale = false
    for (const entry of crl.revokedCertificates ?? []) {
      const listed = Buffer.from(entry.userCertificate.valueBlock.valueHexView).toString("hex").toUpperCase()
      if (listed.replace(/^0+/, "") !== serial) continue
      const reasonExtension = entry.crlEntryExtensions?.extensions.find((e) => e.extnID === "2.5.29.21")
      const code =
        reasonExtension?.parsedValue instanceof asn1js.Enumerated
          ? reasonExtension.parsedValue.valueBlock.valueDec
          : undefined
      return {
        status: "revoked",
        at: entry.revocationDate.value,
        reason: code === undefined ? undefined : REASONS[code],
      }
    }
  }
  return known ? { status: "good", stale } : { status: "unknown" }
}
