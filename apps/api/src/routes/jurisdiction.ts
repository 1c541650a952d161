// Jurisdiction routes: the province's commune-level units, the agencies that decide procedures, and the intake
// points (public service centres, post-office agents) where dossiers are taken in.
import { AdministrativeUnit, Agency, IntakePoint, Province } from "@motcua/domain"
import { Result, Schema } from "effect"
import type { ApiDeps } from "../deps.ts"
import { defineOperation } from "../operation.ts"
import { ApiProblem } from "../problem.ts"
import { listOf } from "./shared.ts"

const operation = defineOperation<ApiDeps>()

const UnitDocument = AdministrativeUnit.annotate({ identifier: "AdministrativeUnit" })
const AgencyDocument = Agency.annotate({ identifier: "Agency" })
const IntakePointDocument = IntakePoint.annotate({ identifier: "IntakePoint" })
const UnitCode = AdministrativeUnit.fields.code.annotate({ description: "Mã đơn vị hành chính cấp xã (5 chữ số)" })

const UnitDetail = Schema.Struct({
  unit: UnitDocument,
  province: Province.annotate({ identifier: "Province" }),
  /** The agencies governing the unit (its People's Committee, …). */
  agencies: Schema.Array(AgencyDocument),
  /** Where dossiers can be taken in within the unit. */
  intakePoints: Schema.Array(IntakePointDocument),
}).annotate({ identifier: "UnitDetail" })

export const jurisdictionOperations = [
  operation({
    method: "get",
    path: "/api/v1/units",
    operationId: "listUnits",
    tag: "jurisdiction",
    summary: "Các đơn vị hành chính cấp xã của tỉnh",
    description: "The commune-level units (wards, communes, special zones) of the province.",
    query: Schema.Struct({ kind: Schema.optionalKey(AdministrativeUnit.fields.kind) }),
    response: { status: 200, description: "Các đơn vị", schema: listOf(UnitDocument, "UnitList") },
    problems: [],
    handle: ({ query }, deps) => {
      const units = deps.jurisdiction.units.filter((u) => query.kind === undefined || u.kind === query.kind)
      return Result.succeed({ total: units.length, items: units })
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/units/{code}",
    operationId: "getUnit",
    tag: "jurisdiction",
    summary: "Một đơn vị hành chính, cơ quan và điểm tiếp nhận của nó",
    description: "One unit with the agencies that govern it and the intake points that stand in it.",
    params: Schema.Struct({ code: UnitCode }),
    response: { status: 200, description: "Đơn vị", schema: UnitDetail },
    problems: ["not-found"],
    handle: ({ params }, deps) => {
      const { units, agencies, intakePoints, province } = deps.jurisdiction
      const unit = units.find((u) => u.code === params.code)
      if (unit === undefined)
        return Result.fail(
          new ApiProblem({ kind: "not-found", detail: `Không có đơn vị hành chính mã ${params.code} trong tỉnh.` }),
        )
      return Result.succeed({
        unit,
        province,
        agencies: agencies.filter((a) => a.unitCode === unit.code),
        intakePoints: intakePoints.filter((p) => p.unitCode === unit.code),
      })
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/intake-points",
    operationId: "listIntakePoints",
    tag: "jurisdiction",
    summary: "Các điểm tiếp nhận hồ sơ (trung tâm phục vụ hành chính công, bưu điện)",
    description:
      "Intake points: the provincial centre, commune centres and post-office agents; filter by kind or unit.",
    query: Schema.Struct({
      kind: Schema.optionalKey(IntakePoint.fields.kind),
      unit: Schema.optionalKey(UnitCode),
    }),
    response: {
      status: 200,
      description: "Các điểm tiếp nhận",
      schema: listOf(IntakePointDocument, "IntakePointList"),
    },
    problems: [],
    handle: ({ query }, deps) => {
      const points = deps.jurisdiction.intakePoints.filter(
        (p) =>
          (query.kind === undefined || p.kind === query.kind) &&
          (query.unit === undefined || p.unitCode === query.unit),
      )
      return Result.succeed({ total: points.length, items: points })
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/agencies",
    operationId: "listAgencies",
    tag: "jurisdiction",
    summary: "Các cơ quan có thẩm quyền giải quyết thủ tục",
    description: "The agencies that decide procedures; filter by level or kind.",
    query: Schema.Struct({
      level: Schema.optionalKey(Agency.fields.level),
      kind: Schema.optionalKey(Agency.fields.kind.check(Schema.isMaxLength(100))),
    }),
    response: { status: 200, description: "Các cơ quan", schema: listOf(AgencyDocument, "AgencyList") },
    problems: [],
    handle: ({ query }, deps) => {
      const agencies = deps.jurisdiction.agencies.filter(
        (a) =>
          (query.level === undefined || a.level === query.level) && (query.kind === undefined || a.kind === query.kind),
      )
      return Result.succeed({ total: agencies.length, items: agencies })
    },
  }),
]
