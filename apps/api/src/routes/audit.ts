// Audit for auditors and administrators: a dossier's audit entries (policy `dossier.readAudit`, in scope) and the
// check of the whole hash chain, which reports the first entry found edited, inserted or deleted; the audited reads
// of personal data (read-audit.ts of the application) by person or by dossier.
import { AuditLog, dossierAudit, Forbidden, type Principal, readAudit } from "@motcua/application"
import { DossierCode } from "@motcua/domain"
import { Effect, Schema } from "effect"
import type { ApiDeps } from "../deps.ts"
import { defineOperation } from "../operation.ts"
import { runUseCase } from "./run.ts"
import { Count, listOf } from "./shared.ts"

const operation = defineOperation<ApiDeps>()

const AuditEntryDocument = Schema.Struct({
  seq: Count,
  at: Schema.String,
  dossierCode: Schema.NullOr(Schema.String),
  actor: Schema.String,
  action: Schema.String,
  detail: Schema.Unknown,
  prevHash: Schema.String,
  hash: Schema.String,
}).annotate({ identifier: "AuditEntry" })

const ChainReport = Schema.Union([
  Schema.Struct({
    _tag: Schema.Literal("Intact"),
    entries: Count,
    head: Schema.Struct({ seq: Count, hash: Schema.String }),
  }),
  Schema.Struct({
    _tag: Schema.Literal("Broken"),
    seq: Count,
    reason: Schema.Literals(["hash-mismatch", "prev-hash-mismatch", "sequence-gap", "head-mismatch"]),
  }),
]).annotate({ identifier: "AuditChainReport" })

/** Who may check the whole chain: roles that audit across dossiers. */
export const CHAIN_ROLES = ["auditor", "province-admin"] as const

const mayCheckChain = (principal: Principal) =>
  principal.roles.some((r) => (CHAIN_ROLES as ReadonlyArray<string>).includes(r))
    ? Effect.void
    : Effect.fail(
        new Forbidden({
          principalId: principal.id,
          action: "audit.verifyChain",
          reason: `cần vai trò ${CHAIN_ROLES.join(" hoặc ")} / needs role ${CHAIN_ROLES.join(" or ")}`,
        }),
      )

export const auditOperations = [
  operation({
    method: "get",
    path: "/api/v1/dossiers/{code}/audit",
    operationId: "dossierAudit",
    tag: "audit",
    summary: "Nhật ký kiểm toán của một hồ sơ (thanh tra, quản trị)",
    description: "A dossier's audit entries in chain order, for auditors and administrators in scope.",
    auth: "required",
    params: Schema.Struct({ code: DossierCode }),
    response: { status: 200, description: "Nhật ký", schema: listOf(AuditEntryDocument, "AuditEntries") },
    problems: ["unauthenticated", "forbidden", "not-found"],
    handle: ({ principal, params }, deps) =>
      runUseCase(
        deps,
        Effect.map(dossierAudit(principal, params.code), (entries) => ({ total: entries.length, items: entries })),
      ),
  }),
  operation({
    method: "get",
    path: "/api/v1/audit/chain",
    operationId: "verifyAuditChain",
    tag: "audit",
    summary: "Kiểm tra toàn vẹn chuỗi băm nhật ký (thanh tra)",
    description:
      "Recomputes the whole audit hash chain: Intact with the head, or the first broken entry and why " +
      "(edited, inserted, deleted). For auditors and province administrators.",
    auth: "required",
    response: { status: 200, description: "Kết quả kiểm tra", schema: ChainReport },
    problems: ["unauthenticated", "forbidden"],
    handle: ({ principal }, deps) =>
      runUseCase(
        deps,
        Effect.andThen(
          mayCheckChain(principal),
          AuditLog.use((log) => log.verifyChain()),
        ),
      ),
  }),
  operation({
    method: "get",
    path: "/api/v1/audit/reads",
    operationId: "personalDataReads",
    tag: "audit",
    summary: "Nhật ký truy cập dữ liệu cá nhân: ai đã xem hồ sơ, giấy tờ, kho dữ liệu (thanh tra)",
    description:
      "The audited reads of personal data, oldest first: every read of a dossier's applicant data or documents or " +
      "of a citizen's e-wallet by anyone but the citizen concerned, and every refused attempt (`.denied`), with " +
      "who, when, which dossier or wallet and the work item (the dossier's state and step, the role acted in). " +
      "By person (`actor`, auditors and province administrators) or by dossier (`dossier`, whoever may read its " +
      "audit, in scope); at least one. The entries are links of the audit hash chain (`/api/v1/audit/chain`).",
    auth: "required",
    query: Schema.Struct({
      actor: Schema.optionalKey(Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200))),
      dossier: Schema.optionalKey(DossierCode),
      after: Schema.optionalKey(Schema.NumberFromString.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0))),
      limit: Schema.optionalKey(
        Schema.NumberFromString.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 1000 })),
      ),
    }),
    response: { status: 200, description: "Lượt truy cập", schema: listOf(AuditEntryDocument, "PersonalDataReads") },
    problems: ["unauthenticated", "forbidden", "not-found"],
    handle: ({ principal, query }, deps) =>
      runUseCase(
        deps,
        Effect.map(
          readAudit(principal, {
            ...(query.actor === undefined ? {} : { actor: query.actor }),
            ...(query.dossier === undefined ? {} : { dossierCode: query.dossier }),
            ...(query.after === undefined ? {} : { afterSeq: query.after }),
            limit: query.limit ?? 200,
          }),
          (entries) => ({ total: entries.length, items: entries }),
        ),
      ),
  }),
]
