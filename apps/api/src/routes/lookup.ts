// The public lookup (tra cứu hồ sơ) by dossier code: where the dossier stands, its appointment, the authority and
// unit handling it and the role of the official responsible for the current step — never the applicant, nor the
// names of officers. No authentication.
import { CatalogStore, DossierStore, publicLookup } from "@motcua/application"
import { DossierCode, roleTitle } from "@motcua/domain"
import { Effect, Schema } from "effect"
import type { ApiDeps } from "../deps.ts"
import { defineOperation } from "../operation.ts"
import { runUseCase } from "./run.ts"

const operation = defineOperation<ApiDeps>()

/**
 * What the public sees of who holds the dossier: a role's title (the domain's), never a person; the applicant holds
 * it only while it waits for their supplement, which is what the lookup says then.
 */
const holderTitle = (role: string) => (role === "citizen" ? "Người nộp hồ sơ (đang chờ bổ sung)" : roleTitle(role))

export const PublicDossierStatus = Schema.Struct({
  code: Schema.String,
  procedureCode: Schema.String,
  procedureName: Schema.String,
  agencyName: Schema.String,
  handlingUnit: Schema.NullOr(Schema.Struct({ code: Schema.String, name: Schema.String })),
  responsibleOfficial: Schema.NullOr(
    Schema.Struct({ role: Schema.String, title: Schema.String }).annotate({
      description: "Vai trò đang chịu trách nhiệm xử lý (không nêu tên cá nhân)",
    }),
  ),
  statusCode: Schema.Number.check(Schema.isInt()),
  statusLabel: Schema.String,
  receivedAt: Schema.String,
  appointmentAt: Schema.NullOr(Schema.String),
  processedAt: Schema.NullOr(Schema.String),
  returnedAt: Schema.NullOr(Schema.String),
}).annotate({
  identifier: "PublicDossierStatus",
  description: "Tình trạng hồ sơ công khai — không có thông tin cá nhân",
})

export const lookupOperations = [
  operation({
    method: "get",
    path: "/api/v1/lookup/{code}",
    operationId: "publicLookup",
    tag: "lookup",
    summary: "Tra cứu tình trạng hồ sơ theo mã (công khai)",
    description:
      "Public lookup by dossier code: status, appointment, handling authority and unit, the role responsible now. " +
      "Nothing personal.",
    params: Schema.Struct({ code: DossierCode.annotate({ description: "Mã hồ sơ trên giấy tiếp nhận" }) }),
    response: { status: 200, description: "Tình trạng hồ sơ", schema: PublicDossierStatus },
    problems: ["not-found"],
    handle: ({ params }, deps) =>
      runUseCase(
        deps,
        Effect.gen(function* () {
          const status = yield* publicLookup(params.code)
          const { summary } = yield* (yield* DossierStore).get(params.code)
          const { jurisdiction } = yield* CatalogStore
          const unit =
            summary.unitCode === null ? undefined : jurisdiction.units.find((u) => u.code === summary.unitCode)
          const role = summary.currentRole
          return {
            ...status,
            handlingUnit: unit === undefined ? null : { code: unit.code, name: unit.name },
            responsibleOfficial: role === null ? null : { role, title: holderTitle(role) },
          }
        }),
      ),
  }),
]
