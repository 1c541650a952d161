// The application's Signer port over X.509: each officer signs with their own key (a PKCS#12 file named after their
// account, or a key of the remote signing service with their account id as key id); a PDF is signed PAdES (B-B,
// B-T when a time-stamp authority is configured); `verify` checks a file's signature against the trusted roots.

import type { X509Certificate } from "node:crypto"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import {
  ExternalServiceFailed,
  type SignatureCheck,
  Signer,
  type SignerCertificate,
  SigningRefused,
} from "@motcua/application"
import { Effect, Layer } from "effect"
import { type RevocationList, readRevocationLists, revocationStatus } from "./crl.ts"
import { KeyUnavailable, localKey, readPkcs12, type SigningKey } from "./keys.ts"
import { PdfRefused, signaturesIn } from "./pdf.ts"
import { certificatesFromPem } from "./pem.ts"
import { httpSigningService, type RemoteSigningSettings, remoteKey } from "./remote.ts"
import { CertificateNotValid, commonName, signPdf } from "./sign.ts"
import { httpTimestamp } from "./tsa.ts"
import { signerInfoOf, verifyPdf } from "./verify.ts"

export interface X509SignerSettings {
  /** Folder of `<account id>.p12` files, one per officer who signs. */
  readonly p12Dir?: string
  /** The password of those files (one for all; a file `<account id>.password` next to one overrides it). */
  readonly p12Password?: string
  /** A remote signing service (HSM, USB token gateway); tried for officers without a file. */
  readonly remote?: RemoteSigningSettings
  /** PEM text of the roots trusted when verifying (the province's CA, the national root). */
  readonly trustedRootsPem: string
  /** Printed as the signature's location (`/Location`), e.g. "Quảng Ninh". */
  readonly location: string
  /** An RFC 3161 time-stamp authority's URL. */
  readonly tsaUrl?: string
  /**
   * A folder of certificate revocation lists (PEM or DER, as the CAs publish them), read again at each verification
   * so that a CRL replaced there counts at once: a signature by a revoked certificate is reported revoked.
   */
  readonly crlDir?: string
  /** The clock (tests move it). */
  readonly now?: () => Date
}

const DEFAULT_REASON = "Ký số kết quả giải quyết thủ tục hành chính"

/** Finds an officer's key: their PKCS#12 file, else the remote service; loaded once and kept. */
function keyFinder(settings: X509SignerSettings): (signerId: string) => Promise<SigningKey> {
  const cache = new Map<string, Promise<SigningKey>>()
  const service = settings.remote === undefined ? undefined : httpSigningService(settings.remote)
  const load = async (signerId: string): Promise<SigningKey> => {
    if (!/^[A-Za-z0-9._-]+$/.test(signerId))
      throw new KeyUnavailable(`mã cán bộ không hợp lệ / unusable account id for a key: ${signerId}`)
    if (settings.p12Dir !== undefined) {
      const file = join(settings.p12Dir, `${signerId}.p12`)
      let bytes: Buffer | undefined
      try {
        bytes = readFileSync(file)
      } catch {
        bytes = undefined
      }
      if (bytes !== undefined) {
        let password = settings.p12Password ?? ""
        try {
          password = readFileSync(join(settings.p12Dir, `${signerId}.password`), "utf8").trim()
        } catch {
          // the shared password
        }
        const { key, chain } = readPkcs12(bytes, password)
        return localKey(key, chain)
      }
    }
    if (service !== undefined) return remoteKey(service, signerId)
    throw new KeyUnavailable(`cán bộ ${signerId} chưa có chứng thư số / no certificate for officer ${signerId}`)
  }
  return (signerId) => {
    const known = cache.get(signerId)
    if (known !== undefined) return known
    const loading = load(signerId)
    cache.set(signerId, loading)
    // a failure is not kept: the file may be added, the service may come back
    loading.catch(() => cache.delete(signerId))
    return loading
  }
}

export const certificateOf = (certificate: X509Certificate): SignerCertificate => signerInfoOf(certificate)

/** Refuses a chain one of whose certificates its issuer's CRL lists as revoked (before anything is signed). */
async function assertNotRevoked(chain: ReadonlyArray<X509Certificate>, lists: ReadonlyArray<RevocationList>) {
  for (let i = 0; i + 1 < chain.length; i++) {
    const certificate = chain[i] as X509Certificate
    const status = await revocationStatus(certificate, chain[i + 1] as X509Certificate, lists, new Date())
    if (status.status !== "revoked") continue
    const who = commonName(certificate.subject)
    const at = status.at.toISOString()
    throw new CertificateNotValid(
      "certificate-revoked",
      `chứng thư số của ${who} đã bị thu hồi lúc ${at} / the certificate of ${who} was revoked on ${at}` +
        (status.reason === undefined ? "" : ` (${status.reason})`),
    )
  }
}

/** Turns what the signing code throws into the port's errors. */
function signingError(error: unknown): SigningRefused | ExternalServiceFailed {
  if (error instanceof PdfRefused) return new SigningRefused({ reason: error.reason, detail: error.message })
  if (error instanceof CertificateNotValid) return new SigningRefused({ reason: error.reason, detail: error.message })
  if (error instanceof KeyUnavailable && /chưa có chứng thư|không hợp lệ/.test(error.message))
    return new SigningRefused({ reason: "no-certificate", detail: error.message })
  return new ExternalServiceFailed({ port: "Signer", operation: "sign", cause: error })
}

export const X509Signer = {
  /** The Signer port: PAdES signatures with each officer's X.509 key, verification against the trusted roots. */
  layer: (settings: X509SignerSettings) =>
    Layer.sync(Signer, () => {
      const findKey = keyFinder(settings)
      const roots = certificatesFromPem(settings.trustedRootsPem)
      const now = settings.now ?? (() => new Date())
      const timestamp = settings.tsaUrl === undefined ? undefined : httpTimestamp(settings.tsaUrl)
      return Signer.of({
        sign: (request) =>
          Effect.tryPromise({
            try: async () => {
              const key = await findKey(request.signerId)
              if (settings.crlDir !== undefined) await assertNotRevoked(key.chain, revocationListsIn(settings.crlDir))
              const signed = await signPdf(request.bytes, {
                key,
                at: new Date(Math.floor(now().getTime() / 1000) * 1000),
                reason: request.reason ?? DEFAULT_REASON,
                location: settings.location,
                ...(timestamp === undefined ? {} : { timestamp }),
              })
              const cms = signaturesIn(signed.bytes).at(-1)?.cms ?? new Uint8Array()
              const certificate = certificateOf(signed.certificate)
              return {
                signatureId: `x509-${certificate.serialNumber}-${signed.sha256.slice(0, 16)}`,
                algorithm:
                  signed.certificate.publicKey.asymmetricKeyType === "ec" ? "PAdES ECDSA-SHA256" : "PAdES RSA-SHA256",
                value: Buffer.from(cms).toString("base64"),
                signedDocument: signed.bytes,
                certificate,
              }
            },
            catch: signingError,
          }),
        verify: (bytes) =>
          Effect.promise(async (): Promise<SignatureCheck> => {
            const report = await verifyPdf(bytes, roots, {
              ...(settings.crlDir === undefined ? {} : { revocationLists: revocationListsIn(settings.crlDir) }),
              now: now(),
            })
            return {
              checked: true,
              valid: report.valid,
              problems: report.problems,
              messages: report.messages,
              ...(report.signer === undefined ? {} : { signer: report.signer }),
              ...(report.signedAt === undefined ? {} : { signedAt: report.signedAt }),
            }
          }),
      })
    }),
}

export { readTrustedRoots } from "./pem.ts"

// The CRLs of the folder (MOTCUA_SIGNER_CRL_DIR), read at each verification (the province keeps the folder up to
// date); a file that cannot be read is left out rather than failing the public check (the server checked the
// folder's files by their form when it started: pem.ts's checkRevocationFolder).
const revocationListsIn = (dir: string): RevocationList[] => {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names.flatMap((name) => {
    try {
      return readRevocationLists(new Uint8Array(readFileSync(join(dir, name))))
    } catch {
      return []
    }
  })
}
