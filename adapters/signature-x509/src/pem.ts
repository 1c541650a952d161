// PEM certificates and the trusted roots file, on node:crypto alone: the server's configuration checks the roots when
// it starts (`@motcua/signature-x509/pem`) without loading the signer's libraries, which it loads on first use.
import { X509Certificate } from "node:crypto"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"

/** Every certificate of a PEM text, in order. */
export function certificatesFromPem(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []
  return blocks.map((block) => new X509Certificate(block))
}

/** Reads the trusted roots file (PEM) and refuses one without a certificate. */
export function readTrustedRoots(file: string): string {
  const pem = readFileSync(file, "utf8")
  if (certificatesFromPem(pem).length === 0) throw new Error(`${file}: no certificate (PEM) found`)
  return pem
}

/**
 * Checks, by their form alone, that every file of a folder of CRLs is one: PEM with an `X509 CRL` block, or DER (an
 * ASN.1 SEQUENCE). The server checks the folder when it starts, without loading the libraries that read a CRL
 * (crl.ts reads them at each verification, leaving out a file it cannot read). A file that is neither is named.
 */
export function checkRevocationFolder(dir: string): string[] {
  const names = readdirSync(dir).sort()
  for (const name of names) {
    const bytes = readFileSync(join(dir, name))
    const pem = bytes.toString("latin1").includes("-----BEGIN X509 CRL-----")
    // DER: a SEQUENCE with a long-form length, as every CRL (a few hundred bytes at least) has
    const der = bytes.length > 4 && bytes[0] === 0x30 && (bytes[1] ?? 0) >= 0x81 && (bytes[1] ?? 0) <= 0x84
    if (!pem && !der)
      throw new Error(
        `${join(dir, name)}: không phải danh sách thu hồi chứng thư (not a CRL): neither PEM "X509 CRL" nor DER`,
      )
  }
  return names
}
