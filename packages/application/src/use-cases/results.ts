// Issued results: what anyone may learn from a verification id (the public page behind the QR code), the check of an
// uploaded file against what was issued, the signed file for those who may read the dossier, and revocation.
// Public answers say who signed, when, for which dossier and procedure, and nothing personal beyond that.
import { createHash } from "node:crypto"
import type { DossierContext, SignatureRecord } from "@motcua/domain"
import { Data, Effect } from "effect"
import type { Principal } from "../authorization/principal.ts"
import { authorizeOn, loadDossier } from "../dossier/engine.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { Clock } from "../ports/clock.ts"
import { DocumentStore } from "../ports/document-store.ts"
import { type IssuedResult, IssuedResultStore, PublicPages, verificationUrl } from "../ports/issued-results.ts"
import { type SignatureCheck, Signer, type SignerCertificate } from "../ports/signer.ts"
import { isVerificationId } from "./signing.ts"

/** No result was issued under this verification id (HTTP 404). */
export class ResultNotFound extends Data.TaggedError("ResultNotFound")<{ readonly id: string }> {
  override get message(): string {
    return `không có kết quả nào với mã xác thực ${this.id} / no result was issued under verification id ${this.id}`
  }
}

/** The public answer for a verification id. */
export interface ResultVerification {
  readonly verificationId: string
  readonly url: string
  /**
   * `valid`: issued and in force; `revoked`: withdrawn by the authority (with when and why); `replaced`: a corrected
   * result replaced it (`replacedBy`), whether or not it was revoked first.
   */
  readonly status: "valid" | "revoked" | "replaced"
  readonly statusLabel: string
  readonly title: string
  readonly dossierCode: string
  readonly procedureCode: string
  readonly procedureName: string
  readonly agency: { readonly code: string; readonly name: string }
  readonly signedAt: string
  /** The signer as their certificate names them; absent when the server signs with the development key. */
  readonly signer?: {
    readonly commonName: string
    readonly serialNumber: string
    readonly issuer: string
  }
  readonly algorithm: string
  readonly sha256: string
  readonly revokedAt?: string
  readonly revocationReason?: string
  /** The corrected result that replaced this one: its verification id and page, when, and why. */
  readonly replacedBy?: ResultLink & { readonly at: string; readonly reason: string }
  /** The result this one replaced (it is a corrected result). */
  readonly replaces?: ResultLink
}

/** Another result of the same dossier, by its verification id and page. */
export interface ResultLink {
  readonly verificationId: string
  readonly url: string
}

/** The check of an uploaded file against the issued result. */
export interface ResultFileCheck {
  readonly result: ResultVerification
  /** The file is byte for byte the one issued (same SHA-256). */
  readonly matchesIssued: boolean
  readonly sha256: string
  /** The file's own signature, as the signer's verifier sees it. */
  readonly signature: SignatureCheck
  /** Authentic: the file issued, still valid, and (when checked) its signature intact and trusted. */
  readonly authentic: boolean
  /** Why it is or is not, Vietnamese first. */
  readonly verdict: string
}

const statusLabels = {
  valid: "Kết quả hợp lệ, đang có hiệu lực / Valid result, in force",
  revoked: "Kết quả đã bị thu hồi / This result has been revoked",
  replaced: "Kết quả đã được thay thế / This result has been replaced",
} as const

const signerOf = (certificate: SignerCertificate | undefined) =>
  certificate === undefined
    ? {}
    : {
        signer: {
          commonName: certificate.commonName,
          serialNumber: certificate.serialNumber,
          issuer: certificate.issuer,
        },
      }

/** The dossier's signatures, the replaced ones first and the one in force last. */
const signaturesOf = (context: DossierContext): ReadonlyArray<SignatureRecord> => [
  ...(context.replacedSignatures ?? []),
  ...(context.signature === undefined ? [] : [context.signature]),
]

/**
 * The record, if one of the dossier's own signatures names it (a signing whose commit failed issued nothing), with
 * the dossier's context (which says whether it was replaced).
 */
const issuedResult = Effect.fnUntraced(function* (id: string) {
  const store = yield* IssuedResultStore
  const record = isVerificationId(id) ? yield* store.find(id) : undefined
  if (record === undefined) return yield* Effect.fail(new ResultNotFound({ id }))
  const loaded = yield* loadDossier(record.dossierCode).pipe(
    Effect.catchTag("DossierNotFound", () => Effect.fail(new ResultNotFound({ id }))),
  )
  if (!signaturesOf(loaded.context).some((s) => s.signatureId === record.signatureId))
    return yield* Effect.fail(new ResultNotFound({ id }))
  return { record, context: loaded.context }
})

const publicView = Effect.fnUntraced(function* ({
  record,
  context,
}: {
  readonly record: IssuedResult
  readonly context: DossierContext
}) {
  const catalog = yield* CatalogStore
  const pages = yield* PublicPages
  const agency = catalog.jurisdiction.agencies.find((a) => a.code === record.agencyCode)
  const signatures = signaturesOf(context)
  const link = (signatureId: string | undefined): ResultLink | undefined => {
    const verificationId = signatures.find((s) => s.signatureId === signatureId)?.document?.verificationId
    return verificationId === undefined ? undefined : { verificationId, url: verificationUrl(pages, verificationId) }
  }
  const replacement = context.replacedSignatures?.find((r) => r.signatureId === record.signatureId)
  const replacedBy = replacement === undefined ? undefined : link(replacement.replacedWith)
  const replaces = link(signatures.find((s) => s.signatureId === record.signatureId)?.replaces)
  const status = replacedBy !== undefined ? "replaced" : record.status
  return {
    verificationId: record.id,
    url: verificationUrl(pages, record.id),
    status,
    statusLabel:
      replacedBy === undefined
        ? statusLabels[status]
        : `Kết quả đã được thay thế bởi ${replacedBy.verificationId} / This result has been replaced by ${replacedBy.verificationId}`,
    title: record.title,
    dossierCode: record.dossierCode,
    procedureCode: record.procedureCode,
    procedureName: record.procedureName,
    agency: { code: record.agencyCode, name: agency?.name ?? record.agencyCode },
    signedAt: record.signedAt,
    ...signerOf(record.certificate),
    algorithm: record.algorithm,
    sha256: record.sha256,
    ...(record.revokedAt === undefined ? {} : { revokedAt: record.revokedAt }),
    ...(record.revocationReason === undefined ? {} : { revocationReason: record.revocationReason }),
    ...(replacedBy === undefined || replacement === undefined
      ? {}
      : { replacedBy: { ...replacedBy, at: replacement.replacedAt, reason: replacement.reason } }),
    ...(replaces === undefined ? {} : { replaces }),
  } satisfies ResultVerification
})

/** Public: what a verification id stands for. */
export const verifyResult = Effect.fnUntraced(function* (id: string) {
  return yield* publicView(yield* issuedResult(id))
})

/** Public: checks an uploaded file against the result issued under `id` and its own signature. */
export const checkResultFile = Effect.fnUntraced(function* (id: string, bytes: Uint8Array) {
  const signer = yield* Signer
  const issued = yield* issuedResult(id)
  const { record } = issued
  const result = yield* publicView(issued)
  const sha256 = createHash("sha256").update(bytes).digest("hex")
  const matchesIssued = sha256 === record.sha256
  const signature = yield* signer.verify(bytes)
  const signatureOk = !signature.checked || signature.valid
  const authentic = matchesIssued && result.status === "valid" && signatureOk
  const verdict = authentic
    ? "Tệp đúng là kết quả đã cấp, chữ ký số hợp lệ / The file is the result issued, and its signature is valid"
    : result.replacedBy !== undefined
      ? `Kết quả này đã được thay thế bởi kết quả ${result.replacedBy.verificationId} (${result.replacedBy.url}) / This result has been replaced by ${result.replacedBy.verificationId}`
      : result.status === "revoked"
        ? "Kết quả này đã bị thu hồi / This result has been revoked"
        : !matchesIssued
          ? signature.problems.includes("modified")
            ? "Tệp đã bị sửa sau khi ký: không phải kết quả đã cấp / The file was modified after signing: it is not the result issued"
            : "Tệp không phải kết quả đã cấp với mã này / The file is not the result issued under this code"
          : `Chữ ký số không hợp lệ / The signature is not valid: ${signature.messages.join("; ")}`
  return { result, matchesIssued, sha256, signature, authentic, verdict } satisfies ResultFileCheck
})

/** The results issued for a dossier (who may read the dossier), newest first: the one in force, then those replaced. */
export const dossierResults = Effect.fnUntraced(function* (principal: Principal, code: string) {
  const loaded = yield* loadDossier(code)
  yield* authorizeOn(principal, "dossier.read", loaded)
  const store = yield* IssuedResultStore
  const signatureIds = new Set(signaturesOf(loaded.context).map((s) => s.signatureId))
  const records = (yield* store.ofDossier(code)).filter((r) => signatureIds.has(r.signatureId))
  return yield* Effect.forEach(records, (record) =>
    Effect.map(publicView({ record, context: loaded.context }), (view) => ({ ...view, documentId: record.documentId })),
  )
})

/** The signed file of a result (who may read the dossier). */
export const resultFile = Effect.fnUntraced(function* (principal: Principal, id: string) {
  const { record } = yield* issuedResult(id)
  const loaded = yield* loadDossier(record.dossierCode)
  yield* authorizeOn(principal, "dossier.read", loaded)
  const documents = yield* DocumentStore
  const document = yield* documents.get(record.documentId)
  return { bytes: document.bytes, fileName: `${record.dossierCode}-${record.id}.pdf` }
})

/**
 * Revokes a result (an officer who may sign for the dossier's authority): the verification page says so from then
 * on, with the date and the reason.
 */
export const revokeResult = Effect.fnUntraced(function* (principal: Principal, id: string, reason: string) {
  const { record } = yield* issuedResult(id)
  const loaded = yield* loadDossier(record.dossierCode)
  yield* authorizeOn(principal, "dossier.sign", loaded)
  const clock = yield* Clock
  const store = yield* IssuedResultStore
  const at = yield* clock.now
  yield* store.revoke(id, { at, by: principal.id, reason })
  return yield* verifyResult(id)
})
