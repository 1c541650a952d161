// The register of signed results, by verification id: what the public verification page and the upload check read.
// A record is written when a result is signed, before the dossier's commit; it counts as issued only while the
// dossier's own signature names it (the verification use case checks), so a signing whose commit failed leaves a
// record nobody can verify rather than a dangling reference inside a transaction.
import { Context, Effect, Layer } from "effect"
import type { StoreUnavailable } from "./errors.ts"
import type { SignerCertificate } from "./signer.ts"

export type IssuedResultStatus = "valid" | "revoked"

export interface IssuedResult {
  /** The verification id printed in the QR code (unguessable, 16 characters of base32). */
  readonly id: string
  readonly dossierCode: string
  readonly procedureCode: string
  readonly procedureName: string
  readonly agencyCode: string
  /** The result's citizen-facing title. */
  readonly title: string
  /** The signed file in the DocumentStore, and its SHA-256 (hex). */
  readonly documentId: string
  readonly sha256: string
  readonly signatureId: string
  readonly algorithm: string
  /** The signer's certificate (X.509 signers); absent for the development signer. */
  readonly certificate?: SignerCertificate
  /** The officer's account id. */
  readonly signedBy: string
  readonly signedAt: string
  readonly status: IssuedResultStatus
  readonly revokedAt?: string
  readonly revokedBy?: string
  readonly revocationReason?: string
}

export interface IssuedResultStoreShape {
  readonly record: (result: IssuedResult) => Effect.Effect<void, StoreUnavailable>
  readonly find: (id: string) => Effect.Effect<IssuedResult | undefined, StoreUnavailable>
  /** The results of a dossier, newest first. */
  readonly ofDossier: (dossierCode: string) => Effect.Effect<ReadonlyArray<IssuedResult>, StoreUnavailable>
  /** Marks a result revoked; false when there is no such result or it was revoked already. */
  readonly revoke: (
    id: string,
    revocation: { readonly at: string; readonly by: string; readonly reason: string },
  ) => Effect.Effect<boolean, StoreUnavailable>
}

export const makeMemoryIssuedResultStore = (): IssuedResultStoreShape => {
  const results = new Map<string, IssuedResult>()
  return {
    record: (result) => Effect.sync(() => void results.set(result.id, result)),
    find: (id) => Effect.sync(() => results.get(id)),
    ofDossier: (code) =>
      Effect.sync(() =>
        [...results.values()]
          .filter((r) => r.dossierCode === code)
          .sort((a, b) => (a.signedAt < b.signedAt ? 1 : a.signedAt > b.signedAt ? -1 : 0)),
      ),
    revoke: (id, { at, by, reason }) =>
      Effect.sync(() => {
        const found = results.get(id)
        if (found === undefined || found.status === "revoked") return false
        results.set(id, { ...found, status: "revoked", revokedAt: at, revokedBy: by, revocationReason: reason })
        return true
      }),
  }
}

export class IssuedResultStore extends Context.Service<IssuedResultStore, IssuedResultStoreShape>()(
  "@motcua/application/IssuedResultStore",
) {
  /** In memory, for one process (tests, a server without a database). */
  static readonly layerMemory = Layer.sync(IssuedResultStore, () => IssuedResultStore.of(makeMemoryIssuedResultStore()))
}

/** Where the public pages are: the base URL of the verification and lookup pages printed in QR codes. */
export interface PublicPagesShape {
  /** `https://dichvucong.example.gov.vn` (no trailing slash). */
  readonly baseUrl: string
  /** Printed as the place in documents' dates ("Quảng Ninh, ngày …"). */
  readonly place: string
}

export class PublicPages extends Context.Service<PublicPages, PublicPagesShape>()("@motcua/application/PublicPages") {
  static readonly layer = (settings: PublicPagesShape) =>
    Layer.succeed(PublicPages, PublicPages.of({ ...settings, baseUrl: settings.baseUrl.replace(/\/+$/, "") }))
  static readonly layerTest = PublicPages.layer({ baseUrl: "https://motcua.test", place: "Quảng Ninh" })
}

export const verificationUrl = (pages: PublicPagesShape, id: string) => `${pages.baseUrl}/verify/${id}`
export const lookupUrl = (pages: PublicPagesShape, code: string) =>
  `${pages.baseUrl}/tra-cuu/${encodeURIComponent(code)}`
