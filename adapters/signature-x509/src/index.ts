// @motcua/signature-x509: PAdES signatures of result PDFs with officers' X.509 keys (PKCS#12 files or a remote
// signing service), RFC 3161 time-stamps, verification against trusted roots, and the development CA.
export { buildSignedData, parseSignedData } from "./cms.ts"
export { type RevocationList, type RevocationStatus, readRevocationLists, revocationStatus } from "./crl.ts"
export { createDevelopmentCa, type DevelopmentCa, type DevelopmentSigner } from "./dev-ca.ts"
export { KeyUnavailable, localKey, orderChain, readPkcs12, type SigningKey } from "./keys.ts"
export {
  certificateOf,
  readTrustedRoots,
  X509Signer,
  type X509SignerSettings,
} from "./layer.ts"
export { loadSignablePdf, PdfRefused, signaturesIn } from "./pdf.ts"
export {
  httpSigningService,
  type RemoteSigningService,
  type RemoteSigningSettings,
  remoteKey,
  SHA256_DIGEST_INFO_PREFIX,
} from "./remote.ts"
export { assertValidAt, CertificateNotValid, commonName, type SignedPdf, signPdf } from "./sign.ts"
export { checkTimestampToken, httpTimestamp, type TimestampCheck, TimestampFailed, timestampTime } from "./tsa.ts"
export {
  certificatesFromPem,
  chainToRoot,
  type PdfVerification,
  type VerificationProblem,
  type VerifyOptions,
  verifyPdf,
} from "./verify.ts"
