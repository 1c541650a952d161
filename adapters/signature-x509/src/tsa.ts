// RFC 3161 time-stamps: a TimeStampReq for a SHA-256 digest posted to the authority (`application/timestamp-query`),
// its TimeStampResp checked (granted, same digest and nonce) and its token returned for the signature's unsigned
// attributes (PAdES B-T). The ASN.1 is pkijs's.
import { createHash, randomBytes, verify as verifySignature, type X509Certificate } from "node:crypto"
import * as asn1js from "asn1js"
import * as pkijs from "pkijs"
import { OID, parseSignedData } from "./cms.ts"

export class TimestampFailed extends Error {
  constructor(message: string) {
    super(message)
    this.name = "TimestampFailed"
  }
}

const ab = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer

/**
 * A request's nonce from random bytes: a positive INTEGER in its one DER form, i.e. a first byte of 1–127. Clearing
 * only the sign bit left a leading 0x00 before a byte below 0x80 in one request of 256: "illegal padding" to strict
 * DER readers (openssl's `ts -reply` among them), which refuse the whole request (status 2).
 */
export function nonceFrom(random: Uint8Array): Buffer {
  const nonce = Buffer.from(random)
  nonce[0] = 1 + ((nonce[0] ?? 0) % 127)
  return nonce
}

/**
 * A time-stamp function for signPdf: asks the authority at `url` for a token over the digest. `random` gives the
 * nonce's bytes (tests pin them).
 */
export function httpTimestamp(
  url: string,
  timeoutMs = 10_000,
  random: (size: number) => Uint8Array = randomBytes,
): (digest: Uint8Array) => Promise<Uint8Array> {
  return async (digest) => {
    const nonce = nonceFrom(random(8))
    const request = new pkijs.TimeStampReq({
      version: 1,
      messageImprint: new pkijs.MessageImprint({
        hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
        hashedMessage: new asn1js.OctetString({ valueHex: ab(digest) }),
      }),
      nonce: new asn1js.Integer({ valueHex: ab(nonce) }),
      certReq: true,
    })
    let response: Response
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/timestamp-query" },
        body: new Uint8Array(request.toSchema().toBER()),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      throw new TimestampFailed(`máy chủ cấp dấu thời gian không trả lời / the TSA did not answer: ${String(error)}`)
    }
    if (!response.ok) throw new TimestampFailed(`TSA answered ${response.status}`)
    const answer = pkijs.TimeStampResp.fromBER(await response.arrayBuffer())
    if (answer.status.status > 1 || answer.timeStampToken === undefined)
      throw new TimestampFailed(`TSA refused the request (status ${answer.status.status})`)
    const signed = new pkijs.SignedData({ schema: answer.timeStampToken.content })
    const content = signed.encapContentInfo.eContent
    if (content === undefined) throw new TimestampFailed("time-stamp token without TSTInfo")
    const info = pkijs.TSTInfo.fromBER(content.getValue())
    const imprint = Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView)
    if (!imprint.equals(Buffer.from(digest))) throw new TimestampFailed("time-stamp over another digest")
    if (info.nonce !== undefined && !Buffer.from(info.nonce.valueBlock.valueHexView).equals(nonce))
      throw new TimestampFailed("time-stamp with another nonce")
    return new Uint8Array(answer.timeStampToken.toSchema().toBER())
  }
}

/** The time a token states (TSTInfo genTime). */
export function timestampTime(token: Uint8Array): Date {
  const contentInfo = pkijs.ContentInfo.fromBER(ab(token))
  const signed = new pkijs.SignedData({ schema: contentInfo.content })
  const content = signed.encapContentInfo.eContent
  if (content === undefined) throw new TimestampFailed("time-stamp token without TSTInfo")
  return pkijs.TSTInfo.fromBER(content.getValue()).genTime
}

const HASHES: Readonly<Record<string, string>> = {
  [OID.sha256]: "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
}
const TST_INFO = "1.2.840.113549.1.9.16.1.4"
const TIME_STAMPING = "1.3.6.1.5.5.7.3.8"

/** What the check of a time-stamp token found (RFC 3161 §2.4.2, as `openssl ts -verify` checks it). */
export interface TimestampCheck {
  /** The token's own signature verifies, over a TSTInfo whose imprint is the digest of what it stamps. */
  readonly intact: boolean
  /** The authority's certificate is for time-stamping, chains to a trusted root and was valid at the stamped time. */
  readonly trusted: boolean
  /** The stamped time (genTime), when the token could be read. */
  readonly time: Date | undefined
  /** The authority's certificate name, when embedded. */
  readonly authority: string | undefined
}

/**
 * Checks an RFC 3161 token over `stamped` (for PAdES, the signature value): the TSTInfo's imprint is its digest, the
 * token's signed attributes carry the TSTInfo's digest, the token's signature verifies with the embedded authority
 * certificate, which has the time-stamping usage and chains (through `chainTo`) to a trusted root.
 */
export function checkTimestampToken(
  token: Uint8Array,
  stamped: Uint8Array,
  chainTo: (leaf: X509Certificate, pool: ReadonlyArray<X509Certificate>) => X509Certificate[] | undefined,
): TimestampCheck {
  const broken = { intact: false, trusted: false, time: undefined, authority: undefined }
  let info: pkijs.TSTInfo
  let parsed: ReturnType<typeof parseSignedData>
  let content: Uint8Array
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(ab(token))
    const signed = new pkijs.SignedData({ schema: contentInfo.content })
    const eContent = signed.encapContentInfo.eContent
    if (signed.encapContentInfo.eContentType !== TST_INFO || eContent === undefined) return broken
    content = new Uint8Array(eContent.getValue())
    info = pkijs.TSTInfo.fromBER(ab(content))
    parsed = parseSignedData(token)
  } catch {
    return broken
  }
  const time = info.genTime
  const signer = parsed.signer
  const authority = signer?.subject.replace(/\n/g, ", ")
  const imprintHash = HASHES[info.messageImprint.hashAlgorithm.algorithmId]
  const contentHash = HASHES[parsed.digestAlgorithm]
  let intact = false
  if (imprintHash !== undefined && contentHash !== undefined && signer !== undefined && parsed.messageDigest) {
    const imprintOk = createHash(imprintHash)
      .update(stamped)
      .digest()
      .equals(Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView))
    const contentOk = createHash(contentHash).update(content).digest().equals(Buffer.from(parsed.messageDigest))
    let signatureOk = false
    try {
      signatureOk = verifySignature(contentHash, parsed.signedAttributes, signer.publicKey, parsed.signature)
    } catch {
      signatureOk = false
    }
    intact = imprintOk && contentOk && signatureOk
  }
  const chain = signer === undefined ? undefined : chainTo(signer, parsed.certificates)
  const forTimeStamping = signer !== undefined && (signer.keyUsage ?? []).includes(TIME_STAMPING)
  const validThen = (c: X509Certificate) => new Date(c.validFrom) <= time && time <= new Date(c.validTo)
  const trusted = forTimeStamping && (chain?.every(validThen) ?? false)
  return { intact, trusted, time, authority }
}
