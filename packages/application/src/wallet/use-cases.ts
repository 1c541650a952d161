// The citizen's e-wallet (kho dữ liệu điện tử) as use cases: the citizen lists, downloads, adds and deletes what is
// theirs; a filing takes a paper from it instead of an upload (the paper is copied to the dossier and recorded as
// "taken from the citizen's store"); a result returned by e-wallet lands in the applicant's wallet. Nobody but the
// owner reads a wallet: officers see the copies attached to the dossiers they handle, through the dossier (that read
// is audited as the dossier's). Anyone else asking is refused, and the refusal audited (read-audit.ts).
import { createHash } from "node:crypto"
import type { DossierContext } from "@motcua/domain"
import { Context, Effect, Layer } from "effect"
import { authorize } from "../authorization/policy.ts"
import type { Principal } from "../authorization/principal.ts"
import { Forbidden } from "../errors.ts"
import { Clock } from "../ports/clock.ts"
import { sniffMediaType } from "../ports/document-content.ts"
import { DocumentStore } from "../ports/document-store.ts"
import { DocumentNotFound, DocumentRejected } from "../ports/errors.ts"
import { Ids } from "../ports/ids.ts"
import type { DossierRecord } from "../ports/records.ts"
import { type WalletEntry, WalletStore } from "../ports/wallet-store.ts"
import { auditRead } from "../use-cases/read-audit.ts"

/** What one citizen may keep in their e-wallet: how many entries and how many bytes in all. */
export interface WalletQuota {
  readonly entries: number
  readonly bytes: number
}

/** The quota when the deployment sets none (Decree 45/2020 leaves it to the system): 200 entries, 100 MiB. */
export const DEFAULT_WALLET_QUOTA: WalletQuota = { entries: 200, bytes: 100 * 1024 * 1024 }

/**
 * The deployment's wallet quota (MOTCUA_WALLET_MAX_ENTRIES, MOTCUA_WALLET_MAX_BYTES through the API's environment):
 * the default unless the composition root provides one (`walletQuotaLayer`).
 */
export const WalletQuotaConfig = Context.Reference<WalletQuota>("@motcua/application/WalletQuotaConfig", {
  defaultValue: () => DEFAULT_WALLET_QUOTA,
})

/** Provides the deployment's wallet quota. */
export const walletQuotaLayer = (quota: WalletQuota) => Layer.succeed(WalletQuotaConfig, quota)

/**
 * The policy on the wallet of `ownerId`. A refusal is audited (a citizen reading another's wallet is 403 and
 * recorded, read-audit.ts); so is an allowed read by anyone but the owner, were the policy ever to allow one.
 */
const mayUse = (
  principal: Principal,
  action: "wallet.read" | "wallet.manage",
  ownerId: string,
  read?: { readonly resource: "wallet" | "wallet-document"; readonly documentId?: string },
) => {
  const decision = authorize(principal, action, { ownerIds: [ownerId] })
  if (read === undefined)
    return decision.allow
      ? Effect.void
      : Effect.fail(new Forbidden({ principalId: principal.id, action, reason: decision.reason }))
  const audited = {
    resource: read.resource,
    walletOwnerId: ownerId,
    ...(read.documentId === undefined ? {} : { documentId: read.documentId }),
  }
  return decision.allow
    ? auditRead(principal, { ...audited, actedAs: decision.role })
    : Effect.andThen(
        auditRead(principal, { ...audited, refused: decision.reason }),
        Effect.fail(new Forbidden({ principalId: principal.id, action, reason: decision.reason })),
      )
}

const ownerOf = (principal: Principal) => (principal.scope._tag === "Citizen" ? principal.scope.citizenId : "")

/** The owner's entries, newest first (the owner only: another citizen or any officer is Forbidden). */
export const listWallet = Effect.fnUntraced(function* (principal: Principal, ownerId: string) {
  yield* mayUse(principal, "wallet.read", ownerId, { resource: "wallet" })
  return yield* (yield* WalletStore).list(ownerId)
})

/** One entry's bytes, for its owner. */
export const walletDocument = Effect.fnUntraced(function* (principal: Principal, ownerId: string, entryId: string) {
  yield* mayUse(principal, "wallet.read", ownerId, { resource: "wallet-document", documentId: entryId })
  const wallet = yield* WalletStore
  const entry = yield* wallet.get(entryId)
  if (entry === undefined || entry.ownerId !== ownerId) return yield* Effect.fail(new DocumentNotFound({ id: entryId }))
  const bytes = yield* wallet.content(entryId)
  if (bytes === undefined) return yield* Effect.fail(new DocumentNotFound({ id: entryId }))
  return { entry, bytes }
})

export interface NewWalletPaper {
  readonly documentType: string
  readonly name: string
  readonly validFrom?: string
  readonly validUntil?: string
  readonly dossierCode?: string
}

/** The refusal of one more paper of `size` bytes beyond the quota: it states the limit and the current use. */
const quotaRefusal = (quota: WalletQuota, count: number, bytes: number, size: number) =>
  count + 1 > quota.entries || bytes + size > quota.bytes
    ? new DocumentRejected({
        reason: "quota-exceeded",
        detail:
          `kho dữ liệu đã có ${count} giấy tờ, ${bytes} byte; giấy tờ mới ${size} byte vượt hạn mức ${quota.entries} ` +
          `giấy tờ, ${quota.bytes} byte (the wallet holds ${count} entries, ${bytes} bytes; a new one of ${size} ` +
          `bytes would exceed the quota of ${quota.entries} entries, ${quota.bytes} bytes)`,
        quota: { entries: quota.entries, bytes: quota.bytes, usedEntries: count, usedBytes: bytes },
      })
    : undefined

const store = Effect.fnUntraced(function* (
  ownerId: string,
  kind: WalletEntry["kind"],
  paper: NewWalletPaper,
  bytes: Uint8Array,
) {
  const mediaType = sniffMediaType(bytes)
  if (mediaType === undefined)
    return yield* Effect.fail(
      new DocumentRejected({ reason: "unsupported-type", detail: "chỉ nhận PDF, JPEG, PNG (only PDF, JPEG or PNG)" }),
    )
  const wallet = yield* WalletStore
  const usage = yield* wallet.usage(ownerId)
  const over = quotaRefusal(yield* WalletQuotaConfig, usage.count, usage.bytes, bytes.length)
  if (over !== undefined) return yield* Effect.fail(over)
  const entry: WalletEntry = {
    id: yield* (yield* Ids).next("wallet"),
    ownerId,
    kind,
    documentType: paper.documentType,
    name: paper.name,
    mediaType,
    size: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    ...(paper.validFrom === undefined ? {} : { validFrom: paper.validFrom }),
    ...(paper.validUntil === undefined ? {} : { validUntil: paper.validUntil }),
    ...(paper.dossierCode === undefined ? {} : { dossierCode: paper.dossierCode }),
    createdAt: yield* (yield* Clock).now,
  }
  yield* wallet.add(entry, bytes)
  return entry
})

/** The citizen keeps a digitised paper of their own (within the quota). */
export const saveToWallet = Effect.fnUntraced(function* (
  principal: Principal,
  paper: NewWalletPaper,
  bytes: Uint8Array,
) {
  const ownerId = ownerOf(principal)
  yield* mayUse(principal, "wallet.manage", ownerId)
  return yield* store(ownerId, "paper", paper, bytes)
})

/** The owner deletes an entry; another's entry is Forbidden, an unknown one DocumentNotFound. */
export const deleteFromWallet = Effect.fnUntraced(function* (principal: Principal, entryId: string) {
  const wallet = yield* WalletStore
  const entry = yield* wallet.get(entryId)
  if (entry === undefined) return yield* Effect.fail(new DocumentNotFound({ id: entryId }))
  yield* mayUse(principal, "wallet.manage", entry.ownerId)
  yield* wallet.remove(entryId)
  return entry
})

/**
 * Papers a filing takes from the signed-in citizen's wallet: each is copied into the document store as the citizen's
 * upload (to be attached to the new dossier like any upload) and marked in the filing as taken from the store.
 */
export const takeFromWallet = Effect.fnUntraced(function* (
  principal: Principal,
  picks: ReadonlyArray<{ readonly documentId: string; readonly walletEntryId: string }>,
) {
  const ownerId = ownerOf(principal)
  const wallet = yield* WalletStore
  const documents = yield* DocumentStore
  const attachmentIds: string[] = []
  for (const pick of picks) {
    const entry = yield* wallet.get(pick.walletEntryId)
    if (entry === undefined || entry.ownerId !== ownerId) {
      // not theirs, or gone: the same answer, so nobody learns what is in another's wallet
      yield* mayUse(principal, "wallet.read", entry?.ownerId ?? "(unknown)", {
        resource: "wallet-document",
        documentId: pick.walletEntryId,
      })
      return yield* Effect.fail(new DocumentNotFound({ id: pick.walletEntryId }))
    }
    const bytes = yield* wallet.content(entry.id)
    if (bytes === undefined) return yield* Effect.fail(new DocumentNotFound({ id: entry.id }))
    const copied = yield* documents.put(bytes, entry.mediaType, { principalId: principal.id })
    attachmentIds.push(copied.id)
  }
  return attachmentIds
})

/**
 * A corrected result replacing one already returned by e-wallet: the applicant's entry of the old result (the same
 * dossier and SHA-256) is marked replaced by a new entry holding the corrected result, which is added.
 */
export const replaceInWallet = Effect.fnUntraced(function* (
  context: DossierContext,
  code: string,
  replacedSha256: string,
  newDocumentId: string,
) {
  const applicant = context.applicant
  if (applicant.kind !== "citizen") return undefined
  const wallet = yield* WalletStore
  const { bytes } = yield* (yield* DocumentStore).get(newDocumentId)
  const added = yield* store(
    applicant.id,
    "result",
    { documentType: "result", name: `Kết quả hồ sơ ${code} (đính chính / corrected)`, dossierCode: code },
    bytes,
  )
  const old = (yield* wallet.list(applicant.id)).filter(
    (e) => e.kind === "result" && e.dossierCode === code && e.sha256 === replacedSha256 && e.replacedBy === undefined,
  )
  for (const entry of old) yield* wallet.markReplaced(entry.id, added.id)
  return added
})

/** A result returned by e-wallet: the dossier's result documents go into the applicant's wallet (citizens only). */
export const deliverResultsToWallet = Effect.fnUntraced(function* (record: DossierRecord) {
  const context = (record.snapshot as { context?: Record<string, unknown> }).context ?? {}
  const applicant = context.applicant as { id?: string; kind?: string } | undefined
  const resultIds = (context.resultDocumentIds as ReadonlyArray<string> | undefined) ?? []
  if (applicant?.id === undefined || applicant.kind !== "citizen") return []
  const documents = yield* DocumentStore
  const delivered: WalletEntry[] = []
  for (const id of resultIds) {
    const { bytes } = yield* documents.get(id)
    delivered.push(
      yield* store(
        applicant.id,
        "result",
        { documentType: "result", name: `Kết quả hồ sơ ${record.code}`, dossierCode: record.code },
        bytes,
      ),
    )
  }
  return delivered
})
