// Reads of personal data are audited like changes (issue 14, Decree 13/2023 on personal data protection): every read
// of a dossier's applicant data or documents, or of a citizen's e-wallet, by anyone but the citizen it is about, is
// appended to the same hash-chained audit log as the dossier's changes — who, when, which dossier or wallet, and
// through which work item (the dossier's state and step when read, and the role the reader acted in). A refused
// read (another citizen's wallet, a dossier out of scope) is recorded too, by anyone. The entry is written before
// the data is answered: when it cannot be written, the read fails, so no read goes unrecorded.
//
// Auditors list them by person (the reader) or by dossier (`readAudit`).
import { Effect } from "effect"
import type { AppRole, Principal } from "../authorization/principal.ts"
import { authorizeOn, type LoadedDossier, loadDossier } from "../dossier/engine.ts"
import { Forbidden, ReportRequestInvalid } from "../errors.ts"
import { AuditLog } from "../ports/audit-log.ts"
import { Clock } from "../ports/clock.ts"

/** What was read. */
export type PersonalDataResource = "dossier" | "dossier-document" | "wallet" | "wallet-document" | "population"

/** Every read entry's action starts with this: `read.dossier`, `read.wallet-document.denied`, … */
export const READ_ACTION_PREFIX = "read."

export interface PersonalDataRead {
  readonly resource: PersonalDataResource
  readonly dossierCode?: string
  /** The wallet's owner (their personal identification number), for wallet reads. */
  readonly walletOwnerId?: string
  readonly documentId?: string
  /** Whom a population-database lookup was about (their personal identification number). */
  readonly subjectId?: string
  /** A population-database lookup's consent and purpose (the procedure). */
  readonly consent?: string
  readonly purpose?: string
  /** The dossier's machine state when read (`processing.appraisal`), and its current step's id. */
  readonly workItem?: { readonly state: string; readonly stepId?: string }
  /** The role the reader acted in (the policy's answer). */
  readonly actedAs?: string
  /** Refused: why (the policy's reason). */
  readonly refused?: string
}

/**
 * A read by the citizen the data is about, allowed, is theirs: not recorded. Everything else is, and every lookup in
 * the population database (the registry's data leaves it: the law asks for a record of each).
 */
const recorded = (principal: Principal, read: PersonalDataRead) =>
  read.refused !== undefined ||
  principal.scope._tag !== "Citizen" ||
  read.resource === "population" ||
  (read.walletOwnerId !== undefined && read.walletOwnerId !== principal.scope.citizenId)

/** Appends the read to the audit chain (when it is one to record). */
export const auditRead = Effect.fnUntraced(function* (principal: Principal, read: PersonalDataRead) {
  if (!recorded(principal, read)) return
  const at = yield* (yield* Clock).now
  const { resource, dossierCode, refused, ...rest } = read
  yield* (yield* AuditLog).append(dossierCode ?? null, [
    {
      at,
      actor: principal.id,
      action: `${READ_ACTION_PREFIX}${resource}${refused === undefined ? "" : ".denied"}`,
      detail: {
        roles: [...principal.roles],
        ...(rest.walletOwnerId === undefined ? {} : { walletOwnerId: rest.walletOwnerId }),
        ...(rest.documentId === undefined ? {} : { documentId: rest.documentId }),
        ...(rest.subjectId === undefined ? {} : { subjectId: rest.subjectId }),
        ...(rest.consent === undefined ? {} : { consent: rest.consent }),
        ...(rest.purpose === undefined ? {} : { purpose: rest.purpose }),
        ...(rest.workItem === undefined
          ? {}
          : {
              workItem: {
                state: rest.workItem.state,
                ...(rest.workItem.stepId === undefined ? {} : { stepId: rest.workItem.stepId }),
              },
            }),
        ...(rest.actedAs === undefined ? {} : { actedAs: rest.actedAs }),
        ...(refused === undefined ? {} : { refused }),
      },
    },
  ])
})

/**
 * The policy's `dossier.read` on a loaded dossier, with the read audited: allowed, the read is recorded with the work
 * item; refused, the refusal is recorded and Forbidden returned. Answers the role the reader acts in.
 */
export const authorizeDossierRead = Effect.fnUntraced(function* (
  principal: Principal,
  loaded: LoadedDossier,
  resource: "dossier" | "dossier-document",
  documentId?: string,
) {
  const step = loaded.procedure.process[loaded.context.currentStep]
  const base = {
    resource,
    dossierCode: loaded.record.code,
    ...(documentId === undefined ? {} : { documentId }),
    workItem: { state: loaded.record.summary.state, ...(step === undefined ? {} : { stepId: step.id }) },
  }
  const checked: Effect.Effect<AppRole, Forbidden> = authorizeOn(principal, "dossier.read", loaded)
  const role = yield* Effect.tapError(checked, (refusal) => auditRead(principal, { ...base, refused: refusal.reason }))
  yield* auditRead(principal, { ...base, actedAs: role })
  return role
})

/** Who may list read entries across dossiers: roles that audit (as for checking the whole chain). */
export const READ_AUDIT_ROLES = ["auditor", "province-admin"] as const

export interface ReadAuditQuery {
  /** The reader's account id. */
  readonly actor?: string
  readonly dossierCode?: string
  readonly afterSeq?: number
  readonly limit: number
}

/**
 * The audited reads of personal data, oldest first: of one dossier (whoever may read that dossier's audit, in scope:
 * `dossier.readAudit`) or of one person across dossiers and wallets (auditors and province administrators only). One
 * of the two is required; with both, both checks apply.
 */
export const readAudit = Effect.fnUntraced(function* (principal: Principal, query: ReadAuditQuery) {
  const refuse = (reason: string) =>
    Effect.fail(new Forbidden({ principalId: principal.id, action: "audit.readAccess", reason }))
  if (query.dossierCode === undefined && query.actor === undefined)
    return yield* Effect.fail(
      new ReportRequestInvalid({
        field: "actor",
        detail: "cần chỉ rõ người đọc (actor) hoặc hồ sơ (dossier) / name a person or a dossier",
      }),
    )
  if (query.dossierCode !== undefined)
    yield* authorizeOn(principal, "dossier.readAudit", yield* loadDossier(query.dossierCode))
  if (
    query.dossierCode === undefined &&
    !principal.roles.some((r) => (READ_AUDIT_ROLES as ReadonlyArray<string>).includes(r))
  )
    return yield* refuse(`cần vai trò ${READ_AUDIT_ROLES.join(" hoặc ")} / needs role ${READ_AUDIT_ROLES.join(" or ")}`)
  return yield* (yield* AuditLog).read({
    actionPrefix: READ_ACTION_PREFIX,
    ...(query.actor === undefined ? {} : { actor: query.actor }),
    ...(query.dossierCode === undefined ? {} : { dossierCode: query.dossierCode }),
    ...(query.afterSeq === undefined ? {} : { afterSeq: query.afterSeq }),
    limit: query.limit,
  })
})
