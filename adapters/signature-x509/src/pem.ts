// PEM certificates and the trusted roots file, on node:crypto alone: the server's configuration checks the roots when
// it starts (`@motcua/signature-x509/pem`) without loading the signer's libraries, which it loads on first use.
import { X509Certificate } from "node:crypto"
import { readFileSync } from "node:fs"

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
