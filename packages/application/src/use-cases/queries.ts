// Queries: one dossier (for those who may see it), a role's work queue ordered by due time, the dossier's audit
// trail, and the public lookup by code, which shows nothing personal.
import {
  amountOutstanding,
  amountPaid,
  type DossierContext,
  type NationalStatusCode,
  nationalStatusLabels,
  parseDossierCode,
} from "@motcua/domain"
import { Effect, Result } from "effect"
import { authorize } from "../authorization/policy.ts"
import type { AppRole, Principal } from "../authorization/principal.ts"
import { authorizeOn, loadDossier } from "../dossier/engine.ts"
import { shownSummary } from "../dossier/summary.ts"
import { Forbidden } from "../errors.ts"
import { AuditLog } from "../ports/audit-log.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { Clock } from "../ports/clock.ts"
import { DocumentStore } from "../ports/document-store.ts"
import { DossierStore } from "../ports/dossier-store.ts"
import { DocumentNotFound, DossierNotFound } from "../ports/errors.ts"
import { PaymentStore } from "../ports/payment-store.ts"
import type { DossierQueueItem } from "../ports/records.ts"
import { DocumentRenderer, noSuchPage } from "../ports/renderer.ts"
import { withTimeLeft } from "../quality/sla.ts"
import { intakePointOwner } from "./filing.ts"
import { offeredActions } from "./offered-actions.ts"
import { authorizeDossierRead } from "./read-audit.ts"

/** A dossier as its handlers and its applicant see it, with the actions its page offers the caller now. */
export const getDossier = Effect.fnUntraced(function* (principal: Principal, code: string) {
  const loaded = yield* loadDossier(code)
  yield* authorizeDossierRead(principal, loaded, "dossier")
  const { record, context, procedure } = loaded
  return {
    code: record.code,
    version: record.version,
    summary: shownSummary(record.summary),
    procedureName: procedure.name,
    context,
    documentIds: record.documentIds,
    payment: yield* paymentOf(record.code, context),
    actions: yield* offeredActions(principal, loaded),
  }
})

/**
 * What the dossier still owes and how to pay it, from the payments ledger: the catalogue's fees and the requested
 * obligations less what was paid (by any channel, the counter's included), and the ledger's payment requests, oldest
 * first. A request is `open` — the citizen may pay it — while it is pending, not expired, and asks exactly what is
 * still owed (a payment of any other amount would be held for an officer); none is open once nothing is owed.
 */
const paymentOf = (code: string, context: DossierContext) =>
  Effect.gen(function* () {
    const outstanding = amountOutstanding(context)
    const now = Date.parse(yield* (yield* Clock).now)
    const requests = yield* (yield* PaymentStore).requestsOf(code)
    return {
      outstanding,
      paid: amountPaid(context),
      requests: requests.map((r) => ({
        requestId: r.id,
        reference: r.reference,
        channel: r.channel,
        status: r.status,
        amount: r.amount,
        items: r.items,
        ...(r.payUrl === undefined ? {} : { payUrl: r.payUrl }),
        ...(r.qrPayload === undefined ? {} : { qrPayload: r.qrPayload }),
        createdAt: r.createdAt,
        expiresAt: r.expiresAt,
        ...(r.paidAt === undefined ? {} : { paidAt: r.paidAt }),
        ...(r.closedReason === undefined ? {} : { closedReason: r.closedReason }),
        ...(r.supersededBy === undefined ? {} : { supersededBy: r.supersededBy }),
        open: r.status === "pending" && Date.parse(r.expiresAt) > now && outstanding > 0 && r.amount === outstanding,
      })),
    }
  })

/**
 * A citizen's own dossiers, newest first: those they are the applicant of and those they filed for someone. Staff
 * find theirs in their work queues.
 */
export const myDossiers = Effect.fnUntraced(function* (principal: Principal, limit = 100) {
  if (principal.scope._tag !== "Citizen")
    return yield* Effect.fail(
      new Forbidden({
        principalId: principal.id,
        action: "dossier.read",
        reason:
          "danh sách hồ sơ của tôi dành cho công dân; cán bộ xem hàng đợi công việc (citizens only: officers use /api/v1/work-queue)",
      }),
    )
  const rows = yield* (yield* DossierStore).ownedBy(principal.scope.citizenId, limit)
  return rows.map((row) => ({ ...row, summary: shownSummary(row.summary) }))
})

/**
 * The dossiers an intake point took in (at its counter, or a post office's), newest first, for its staff: what they
 * filed for citizens, what waits there for a supplement, and the results to hand back. Listed for an account whose
 * scope holds the intake point (the policy's queue.read).
 */
export const intakePointDossiers = Effect.fnUntraced(function* (
  principal: Principal,
  intakePointId: string,
  limit = 100,
) {
  const allowed = authorize(principal, "queue.read", { intakePointId })
  if (!allowed.allow || principal.scope._tag !== "Staff" || !principal.scope.intakePointIds.includes(intakePointId))
    return yield* Effect.fail(
      new Forbidden({
        principalId: principal.id,
        action: "queue.read",
        reason: allowed.allow
          ? `tài khoản không thuộc điểm tiếp nhận ${intakePointId} / not this intake point's`
          : allowed.reason,
      }),
    )
  const rows = yield* (yield* DossierStore).ownedBy(intakePointOwner(intakePointId), limit)
  return rows.map((row) => ({ ...row, summary: shownSummary(row.summary) }))
})

/**
 * A document of a dossier (its bytes), for whoever may read the dossier; one of another dossier is not found. The
 * attempt is audited (read-audit.ts) before anything is answered.
 */
export const dossierDocument = Effect.fnUntraced(function* (principal: Principal, code: string, documentId: string) {
  const loaded = yield* loadDossier(code)
  yield* authorizeDossierRead(principal, loaded, "dossier-document", documentId)
  if (!loaded.record.documentIds.includes(documentId))
    return yield* Effect.fail(new DocumentNotFound({ id: documentId }))
  return yield* (yield* DocumentStore).get(documentId)
})

/**
 * One page of a dossier's document as an image, for a preview: a PDF's page drawn as PNG by the renderer, an image as
 * itself (its only page), with the number of pages. Read and audited like the download (dossierDocument); a page the
 * document does not have is PreviewRefused.
 */
export const dossierDocumentPreview = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  documentId: string,
  page: number,
) {
  const { meta, bytes } = yield* dossierDocument(principal, code, documentId)
  if (meta.mediaType !== "application/pdf") {
    if (page !== 1) return yield* Effect.fail(noSuchPage(page, 1))
    return { mediaType: meta.mediaType, bytes, pages: 1 }
  }
  const preview = yield* (yield* DocumentRenderer).previewPage(bytes, page)
  return { mediaType: "image/png" as const, bytes: preview.png, pages: preview.pages }
})

/** The dossier's audit entries, in chain order (auditors, administrators). */
export const dossierAudit = Effect.fnUntraced(function* (principal: Principal, code: string) {
  const loaded = yield* loadDossier(code)
  yield* authorizeOn(principal, "dossier.readAudit", loaded)
  const audit = yield* AuditLog
  return yield* audit.read({ dossierCode: code, limit: 10_000 })
})

/**
 * The dossiers waiting for `role` that the principal acts for, earliest due first. The store is asked for the
 * authorities the principal's scope reaches (its own, and those of its units and intake points); each row is then
 * checked against the policy, so a queue never shows a dossier the principal may not open.
 */
export const workQueue = Effect.fnUntraced(function* (
  principal: Principal,
  query: { readonly role: AppRole; readonly unitCodes?: ReadonlyArray<string>; readonly limit?: number },
) {
  const scope = principal.scope
  if (!principal.roles.includes(query.role) || scope._tag !== "Staff") {
    return yield* Effect.fail(
      new Forbidden({
        principalId: principal.id,
        action: "queue.read",
        reason: `the account does not have role ${query.role}`,
      }),
    )
  }
  const asRole: Principal = { ...principal, roles: [query.role] }
  const catalog = yield* CatalogStore
  const store = yield* DossierStore
  const { agencies, intakePoints } = catalog.jurisdiction
  const units = new Set([
    ...scope.unitCodes,
    ...intakePoints.filter((p) => scope.intakePointIds.includes(p.id)).map((p) => p.unitCode),
  ])
  const agencyCodes = [
    ...new Set([
      ...scope.agencyCodes,
      ...agencies.filter((a) => a.unitCode !== undefined && units.has(a.unitCode)).map((a) => a.code),
    ]),
  ]
  const limit = query.limit ?? 100
  const rows = yield* store.workQueue({
    role: query.role,
    agencyCodes,
    ...(query.unitCodes === undefined ? {} : { unitCodes: query.unitCodes }),
    limit,
  })
  const visible = (row: DossierQueueItem) =>
    authorize(asRole, "queue.read", {
      agencyCode: row.summary.agencyCode,
      holderAgencyCode: row.summary.agencyCode,
      ...(row.summary.unitCode === null ? {} : { unitCode: row.summary.unitCode }),
    }).allow
  // earliest due first, which is least working time left first: each row says how much is left
  return yield* withTimeLeft(rows.filter(visible).map((row) => ({ ...row, summary: shownSummary(row.summary) })))
})

/** What anyone may learn from a dossier code: where the dossier stands. Nothing about the applicant or officers. */
export type PublicStatus = {
  readonly code: string
  readonly procedureCode: string
  readonly procedureName: string
  readonly agencyName: string
  readonly statusCode: NationalStatusCode
  readonly statusLabel: string
  readonly receivedAt: string
  readonly appointmentAt: string | null
  readonly processedAt: string | null
  readonly returnedAt: string | null
}

/** The public lookup (tra cứu hồ sơ). An unknown or malformed code is DossierNotFound. */
export const publicLookup = Effect.fnUntraced(function* (code: string) {
  if (Result.isFailure(parseDossierCode(code))) return yield* Effect.fail(new DossierNotFound({ code }))
  const catalog = yield* CatalogStore
  const loaded = yield* loadDossier(code)
  const context: DossierContext = loaded.context
  const status = loaded.record.summary.statusCode as NationalStatusCode
  const agency = catalog.jurisdiction.agencies.find((a) => a.code === context.agencyCode)
  const answer: PublicStatus = {
    code: loaded.record.code,
    procedureCode: loaded.procedure.code,
    procedureName: loaded.procedure.name,
    agencyName: agency?.name ?? context.agencyCode,
    statusCode: status,
    statusLabel: nationalStatusLabels[status],
    receivedAt: context.receivedAt,
    appointmentAt: context.appointment ?? null,
    processedAt: context.processedAt ?? null,
    returnedAt: context.returned?.at ?? null,
  }
  return answer
})
