// Signing the result: the leader's signature over the actual result PDF. The machine is asked first (with a
// placeholder signature id) so that nothing is rendered or signed for a dossier that cannot take it. The PDF is the
// one the leader uploaded (with a verification page added) or, without one, the result document rendered from the
// dossier; either carries a QR code to its verification page. The signer returns the signed file (X.509: PAdES
// inside the PDF), which is stored and attached to the dossier in the commit; the register of issued results gets
// its SHA-256 and the certificate's serial, and so does the audit entry (the sign event's `document`).
import { createHash } from "node:crypto"
import { signerTitle, vietnamDate } from "@motcua/domain"
import { Effect, Option } from "effect"
import type { Principal } from "../authorization/principal.ts"
import { act, actAndTell, type BuildContext, tryEvent } from "../dossier/engine.ts"
import { ActionRefused } from "../errors.ts"
import { AccountStore } from "../ports/account-store.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { DocumentStore, documentIdFrom } from "../ports/document-store.ts"
import { Ids } from "../ports/ids.ts"
import { IssuedResultStore, PublicPages, verificationUrl } from "../ports/issued-results.ts"
import { DocumentRenderer, type ResultDocument } from "../ports/renderer.ts"
import { Signer } from "../ports/signer.ts"
import { replaceInWallet } from "../wallet/use-cases.ts"

const BASE32 = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789" // no I, O, 0, 1: read aloud and typed without mistakes

/**
 * The verification id derived from an id of the `Ids` port (`Ids.next("verification")`): 16 characters of a
 * 32-letter alphabet taken from its SHA-256 (80 bits). Unguessable with the real ids (random UUIDs); the same under
 * the test ids on every run and every storage.
 */
export function verificationIdFrom(seed: string): string {
  const bytes = createHash("sha256").update(seed).digest().subarray(0, 16)
  return Array.from(bytes, (b) => BASE32[b & 31]).join("")
}

export const isVerificationId = (id: string): boolean => /^[A-HJ-NP-Z2-9]{16}$/.test(id)

/** The result document of a dossier as it stands when the leader signs. */
function resultDocumentOf(
  ctx: BuildContext,
  agencyName: string,
  number: string,
  qrUrl: string,
  place: string,
  signerName: string,
): ResultDocument {
  const { context, procedure } = ctx.loaded
  const decision = context.decision
  const agency = agencyName.trim()
  return {
    frame: { issuer: agency, number, place, date: vietnamDate(ctx.at), qrUrl },
    title: procedure.result.name,
    dossierCode: context.dossierCode,
    procedureCode: procedure.code,
    procedureName: procedure.name,
    applicantName: context.applicant.name,
    decision: decision?.kind ?? "approved",
    ...(decision?.note === undefined ? {} : { note: decision.note }),
    ...(decision?.reasons === undefined ? {} : { reasons: decision.reasons }),
    ...(procedure.result.validity === undefined ? {} : { validity: procedure.result.validity }),
    signerTitle: `${signerTitle(ctx.actor.role)} ${agency}`,
    signerName,
  }
}

interface SignInput {
  readonly documentId?: string | undefined
  readonly expectedVersion?: number
}

/**
 * The signed result file of a dossier, made while the engine builds the event (after the machine has said yes to a
 * probe): the PDF (uploaded, with a verification page added, or rendered), signed by the leader's certificate,
 * stored, registered for verification; `attach` receives the stored file's id for the commit.
 */
const signedResultFile = Effect.fnUntraced(function* (
  ctx: BuildContext,
  principal: Principal,
  code: string,
  input: SignInput,
  attach: string[],
) {
  const documents = yield* DocumentStore
  const signer = yield* Signer
  const renderer = yield* DocumentRenderer
  const issued = yield* IssuedResultStore
  const pages = yield* PublicPages
  const catalog = yield* CatalogStore
  // the name printed under the signature: the officer's account name where accounts are kept, else the account id
  const accounts = yield* Effect.serviceOption(AccountStore)
  const ids = yield* Ids
  const verificationId = verificationIdFrom(yield* ids.next("verification"))
  const url = verificationUrl(pages, verificationId)
  const { context, procedure } = ctx.loaded
  let pdf: Uint8Array
  if (input.documentId !== undefined) {
    const document = yield* documents.get(input.documentId)
    if (document.meta.dossierCode !== null && document.meta.dossierCode !== code) {
      return yield* Effect.fail(
        new ActionRefused({
          code,
          reason: {
            _tag: "InvalidEvent",
            problems: [{ path: "documentId", message: `tài liệu thuộc hồ sơ khác / belongs to another dossier` }],
          },
        }),
      )
    }
    pdf = yield* renderer.markForVerification(document.bytes, {
      url,
      verificationId,
      dossierCode: code,
      title: procedure.result.name,
    })
  } else {
    const agency = catalog.jurisdiction.agencies.find((a) => a.code === context.agencyCode)
    const account = Option.isSome(accounts) ? yield* accounts.value.findAccount(principal.id) : undefined
    pdf = yield* renderer.renderResult(
      resultDocumentOf(
        ctx,
        agency?.name ?? context.agencyCode,
        `${code}/KQ`,
        url,
        pages.place,
        account?.displayName ?? principal.id,
      ),
    )
  }
  const signature = yield* signer.sign({
    signerId: principal.id,
    bytes: pdf,
    reference: `${code}/${verificationId}`,
    reason: `Ký số kết quả: ${procedure.result.name}`,
  })
  const signedBytes = signature.signedDocument ?? pdf
  const stored = yield* documents.put(
    signedBytes,
    "application/pdf",
    { principalId: principal.id },
    { id: documentIdFrom(yield* ids.next("document")) },
  )
  attach.push(stored.id)
  const sha256 = createHash("sha256").update(signedBytes).digest("hex")
  yield* issued.record({
    id: verificationId,
    dossierCode: code,
    procedureCode: procedure.code,
    procedureName: procedure.name,
    agencyCode: context.agencyCode,
    title: procedure.result.name,
    documentId: stored.id,
    sha256,
    signatureId: signature.signatureId,
    algorithm: signature.algorithm,
    ...(signature.certificate === undefined ? {} : { certificate: signature.certificate }),
    signedBy: principal.id,
    signedAt: ctx.at,
    status: "valid",
  })
  return {
    signatureId: signature.signatureId,
    document: {
      documentId: stored.id,
      sha256,
      verificationId,
      ...(signature.certificate === undefined ? {} : { certificateSerial: signature.certificate.serialNumber }),
    },
  }
})

export const sign = Effect.fnUntraced(function* (principal: Principal, code: string, input: SignInput) {
  // the signed file is known only once signed; the engine attaches what is here when it commits
  const attach: string[] = input.documentId === undefined ? [] : [input.documentId]
  return yield* act({
    principal,
    action: "dossier.sign",
    code,
    expectedVersion: input.expectedVersion,
    documentIds: () => attach,
    event: (ctx) =>
      Effect.gen(function* () {
        yield* tryEvent(ctx, { type: "sign", signatureId: "pending" })
        const signed = yield* signedResultFile(ctx, principal, code, input, attach)
        return { type: "sign" as const, ...signed }
      }),
  })
})

/**
 * A corrected result replaces the signed one (a leader of the dossier's authority; the result in force may be valid
 * or revoked already): the new result is signed like the first, becomes the dossier's, and names the one it
 * replaces, which stays registered and verifiable as *replaced* (status derived from the dossier, so it changes in
 * the same commit). A result already returned to the citizen's e-wallet is marked replaced there and the new one
 * added.
 */
export const replaceResult = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  input: SignInput & { readonly reason: string },
) {
  const attach: string[] = input.documentId === undefined ? [] : [input.documentId]
  const done = yield* actAndTell({
    principal,
    action: "dossier.replaceResult",
    code,
    expectedVersion: input.expectedVersion,
    documentIds: () => attach,
    event: (ctx) =>
      Effect.gen(function* () {
        yield* tryEvent(ctx, { type: "replaceResult", signatureId: "pending", reason: input.reason })
        const signed = yield* signedResultFile(ctx, principal, code, input, attach)
        return { type: "replaceResult" as const, ...signed, reason: input.reason }
      }),
  })
  const { context } = done.next
  const replaced = context.replacedSignatures?.[context.replacedSignatures.length - 1]?.document
  const current = context.signature?.document
  if (context.returned?.method === "e-wallet" && replaced !== undefined && current !== undefined)
    yield* replaceInWallet(context, code, replaced.sha256, current.documentId)
  return done.view
})
