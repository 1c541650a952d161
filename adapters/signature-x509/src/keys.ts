// Where a signer's key and certificate chain come from: a PKCS#12 file (read with node-forge, which decodes the
// PBES2/AES files OpenSSL 3 writes as well as the older 3DES ones; node:crypto reads no PKCS#12) or a remote signing
// service (an HSM or a USB token behind an HTTP API, remote.ts). Either way the adapter sees a SigningKey.
import { createPrivateKey, type KeyObject, sign, X509Certificate } from "node:crypto"
import forge from "node-forge"
import { keyKindOf } from "./cms.ts"

/** A key that signs with SHA-256, and its chain (signer first). */
export interface SigningKey {
  readonly chain: ReadonlyArray<X509Certificate>
  /** Signs `data` (hashing it with SHA-256): RSA PKCS#1 v1.5 or ECDSA in DER. */
  readonly sign: (data: Uint8Array) => Promise<Uint8Array>
}

export class KeyUnavailable extends Error {
  constructor(message: string) {
    super(message)
    this.name = "KeyUnavailable"
  }
}

/** A key held in this process (a decoded PKCS#12 file, or PEM). */
export function localKey(key: KeyObject, chain: ReadonlyArray<X509Certificate>): SigningKey {
  const leaf = chain[0]
  if (leaf === undefined) throw new KeyUnavailable("chuỗi chứng thư rỗng / empty certificate chain")
  if (!leaf.checkPrivateKey(key))
    throw new KeyUnavailable(`khóa không khớp chứng thư / the key does not match the certificate ${leaf.subject}`)
  keyKindOf(leaf)
  return { chain, sign: async (data) => new Uint8Array(sign("sha256", data, key)) }
}

/**
 * Reads a PKCS#12 file: the private key, the certificate whose public key matches it, and the other certificates
 * ordered as a chain from it (issuer after subject). Throws KeyUnavailable with a reason (wrong password, no key).
 */
export function readPkcs12(bytes: Uint8Array, password: string): { key: KeyObject; chain: X509Certificate[] } {
  let p12: forge.pkcs12.Pkcs12Pfx
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString("binary")))
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, password)
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    throw new KeyUnavailable(`không mở được tệp PKCS#12 (sai mật khẩu?) / cannot open the PKCS#12 file: ${why}`)
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag ?? "" })[forge.pki.oids.pkcs8ShroudedKeyBag ?? ""] ??
      []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag ?? "" })[forge.pki.oids.keyBag ?? ""] ?? []),
  ]
  const keyBag = keyBags.find((b) => b.key !== undefined || b.asn1 !== undefined)
  if (keyBag === undefined) throw new KeyUnavailable("tệp PKCS#12 không có khóa / no private key in the PKCS#12 file")
  const key = keyBag.key
    ? createPrivateKey(forge.pki.privateKeyToPem(keyBag.key))
    : createPrivateKey({
        key: Buffer.from(forge.asn1.toDer(keyBag.asn1 as forge.asn1.Asn1).getBytes(), "binary"),
        format: "der",
        type: "pkcs8",
      })
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag ?? "" })[forge.pki.oids.certBag ?? ""] ?? []
  // forge decodes RSA certificates; one it cannot decode (EC) keeps its ASN.1, which node:crypto reads instead
  const certificates = certBags.flatMap((b) => {
    if (b.cert !== undefined && b.cert !== null) return [new X509Certificate(forge.pki.certificateToPem(b.cert))]
    if (b.asn1 === undefined) return []
    try {
      return [new X509Certificate(Buffer.from(forge.asn1.toDer(b.asn1).getBytes(), "binary"))]
    } catch {
      return []
    }
  })
  const leaf = certificates.find((c) => c.checkPrivateKey(key))
  if (leaf === undefined)
    throw new KeyUnavailable("tệp PKCS#12 không có chứng thư của khóa / no certificate for the key in the file")
  return { key, chain: orderChain(leaf, certificates) }
}

/** `leaf`, then its issuer among `pool`, then that one's issuer, … (stops at a self-issued certificate). */
export function orderChain(leaf: X509Certificate, pool: ReadonlyArray<X509Certificate>): X509Certificate[] {
  const chain = [leaf]
  let current = leaf
  while (current.issuer !== current.subject && chain.length < 10) {
    const issuer = pool.find((c) => !chain.includes(c) && current.checkIssued(c) && current.verify(c.publicKey))
    if (issuer === undefined) break
    chain.push(issuer)
    current = issuer
  }
  return chain
}
