// RFC 3161 time-stamps: a TimeStampReq for a SHA-256 digest posted to the authority (`application/timestamp-query`),
// its TimeStampResp checked (granted, same digest and nonce) and its token returned for the signature's unsigned
// attributes (PAdES B-T). The ASN.1 is pkijs's.
import { randomBytes } from "node:crypto"
import * as asn1js from "asn1js"
import * as pkijs from "pkijs"
import { OID } from "./cms.ts"

export class TimestampFailed extends Error {
  constructor(message: string) {
    super(message)
    this.name = "TimestampFailed"
  }
}

const ab = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer

/** A time-stamp function for signPdf: asks the authority at `url` for a token over the digest. */
export function httpTimestamp(url: string, timeoutMs = 10_000): (digest: Uint8Array) => Promise<Uint8Array> {
  return async (digest) => {
    const nonce = randomBytes(8)
    nonce[0] = (nonce[0] ?? 0) & 0x7f // positive
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
