// CMS SignedData (RFC 5652) for PAdES baseline B: detached, SHA-256, signed attributes content-type, message-digest
// and ESS signing-certificate-v2 (RFC 5035; no signing-time attribute, as PAdES puts the claimed time in the
// signature dictionary's /M), the signer's chain embedded, and optionally an RFC 3161 signature time-stamp as an
// unsigned attribute. The ASN.1 is pkijs's; the signature itself comes from a callback, so that a key in a file
// (node:crypto) and a key in an HSM behind a remote-signing service sign the same structure.
import { createHash, X509Certificate } from "node:crypto"
import * as asn1js from "asn1js"
import * as pkijs from "pkijs"

export const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  signatureTimeStampToken: "1.2.840.113549.1.9.16.2.14",
  sha256: "2.16.840.1.101.3.4.2.1",
  rsaEncryption: "1.2.840.113549.1.1.1",
  sha256WithRsa: "1.2.840.113549.1.1.11",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  ecPublicKey: "1.2.840.10045.2.1",
} as const

export type KeyKind = "rsa" | "ec"

const buffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer

const sha256 = (bytes: Uint8Array): Buffer => createHash("sha256").update(bytes).digest()

export const keyKindOf = (certificate: X509Certificate): KeyKind => {
  const type = certificate.publicKey.asymmetricKeyType
  if (type === "rsa") return "rsa"
  if (type === "ec") return "ec"
  throw new Error(`khóa ${type} không được hỗ trợ / unsupported key type ${type} (RSA or EC only)`)
}

export interface SignedDataInput {
  /** SHA-256 of the content (the PDF's byte ranges). */
  readonly contentDigest: Uint8Array
  /** The signer's certificate first, then its issuers. */
  readonly chain: ReadonlyArray<X509Certificate>
  /** Signs the DER of the signed attributes (SHA-256 with the signer's key): RSA PKCS#1 v1.5 or DER ECDSA. */
  readonly sign: (toBeSigned: Uint8Array) => Promise<Uint8Array>
  /** Gets an RFC 3161 time-stamp token (DER ContentInfo) over the SHA-256 of the signature value, when configured. */
  readonly timestamp?: (signatureDigest: Uint8Array) => Promise<Uint8Array>
}

/** Builds the DER ContentInfo of a detached SignedData over `contentDigest`. */
export async function buildSignedData(input: SignedDataInput): Promise<Uint8Array> {
  const [leafX509] = input.chain
  if (leafX509 === undefined) throw new Error("no certificate")
  const certificates = input.chain.map((c) => pkijs.Certificate.fromBER(buffer(c.raw)))
  const leaf = certificates[0] as pkijs.Certificate
  const sha256Algorithm = new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })
  const essCertId = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [
              // hashAlgorithm DEFAULT sha256: omitted
              new asn1js.OctetString({ valueHex: buffer(sha256(leafX509.raw)) }),
              new asn1js.Sequence({
                value: [
                  new asn1js.Sequence({
                    value: [
                      new asn1js.Constructed({
                        idBlock: { tagClass: 3, tagNumber: 4 },
                        value: [leaf.issuer.toSchema()],
                      }),
                    ],
                  }),
                  leaf.serialNumber,
                ],
              }),
            ],
          }),
        ],
      }),
    ],
  })
  const attributes = derSorted([
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({
      type: OID.messageDigest,
      values: [new asn1js.OctetString({ valueHex: buffer(input.contentDigest) })],
    }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [essCertId] }),
  ])
  const toBeSigned = new Uint8Array(new asn1js.Set({ value: attributes.map((a) => a.toSchema()) }).toBER())
  const signature = await input.sign(toBeSigned)
  const kind = keyKindOf(leafX509)
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
    digestAlgorithm: sha256Algorithm,
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
    signatureAlgorithm:
      kind === "rsa"
        ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() })
        : new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 }),
    signature: new asn1js.OctetString({ valueHex: buffer(signature) }),
  })
  if (input.timestamp !== undefined) {
    const token = await input.timestamp(sha256(signature))
    const parsed = asn1js.fromBER(buffer(token))
    if (parsed.offset === -1) throw new Error("dấu thời gian không đọc được / unreadable time-stamp token")
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [parsed.result] })],
    })
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256Algorithm],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates,
    signerInfos: [signerInfo],
  })
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) })
  return new Uint8Array(contentInfo.toSchema().toBER())
}

/** SET OF in DER order (X.690 11.6): by encoding, as verifiers such as OpenSSL re-encode before checking. */
function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((a) => ({ a, der: Buffer.from(a.toSchema().toBER()) }))
  encoded.sort((x, y) => Buffer.compare(x.der, y.der))
  return encoded.map((e) => e.a)
}

/** A parsed detached SignedData with one signer, as the verifier reads it. */
export interface ParsedSignature {
  readonly certificates: ReadonlyArray<X509Certificate>
  /** The certificate whose issuer and serial the signer info names, if embedded. */
  readonly signer: X509Certificate | undefined
  readonly digestAlgorithm: string
  readonly signatureAlgorithm: string
  /** DER of the signed attributes as a SET (what the signature covers). */
  readonly signedAttributes: Uint8Array
  readonly messageDigest: Uint8Array | undefined
  readonly signingTime: Date | undefined
  readonly signature: Uint8Array
  /** The RFC 3161 token (DER), when the signature carries one. */
  readonly timestampToken: Uint8Array | undefined
}

/** Reads a CMS ContentInfo holding SignedData. Throws with a reason when it is not one. */
export function parseSignedData(der: Uint8Array): ParsedSignature {
  const contentInfo = pkijs.ContentInfo.fromBER(buffer(der))
  if (contentInfo.contentType !== OID.signedData) throw new Error(`not SignedData: ${contentInfo.contentType}`)
  const signedData = new pkijs.SignedData({ schema: contentInfo.content })
  const signerInfo = signedData.signerInfos[0]
  if (signerInfo === undefined) throw new Error("no signer info")
  if (signerInfo.signedAttrs === undefined) throw new Error("no signed attributes")
  const certificates = (signedData.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => ({ pkijs: c, x509: new X509Certificate(Buffer.from(c.toSchema().toBER())) }))
  const sid = signerInfo.sid
  const signer =
    sid instanceof pkijs.IssuerAndSerialNumber
      ? certificates.find((c) => c.pkijs.issuer.isEqual(sid.issuer) && c.pkijs.serialNumber.isEqual(sid.serialNumber))
      : undefined
  const attribute = (type: string) => signerInfo.signedAttrs?.attributes.find((a) => a.type === type)?.values[0]
  const digest = attribute(OID.messageDigest)
  const time = attribute(OID.signingTime)
  const token = signerInfo.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStampToken)?.values[0]
  return {
    certificates: certificates.map((c) => c.x509),
    signer: signer?.x509,
    digestAlgorithm: signerInfo.digestAlgorithm.algorithmId,
    signatureAlgorithm: signerInfo.signatureAlgorithm.algorithmId,
    signedAttributes: new Uint8Array(signerInfo.signedAttrs.encodedValue),
    messageDigest: digest instanceof asn1js.OctetString ? new Uint8Array(digest.valueBlock.valueHexView) : undefined,
    signingTime: time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime ? time.toDate() : undefined,
    signature: new Uint8Array(signerInfo.signature.valueBlock.valueHexView),
    timestampToken: token === undefined ? undefined : new Uint8Array(token.toBER()),
  }
}
