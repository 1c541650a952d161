// The leaders' dashboards: dossiers received, resolved and resolved on time per unit, field and month of receipt,
// within the caller's scope (the application's dossierReport, the numbers `motcua report` prints). The Decision 766
// index (its indicator groups and scores, per unit, with the dossiers behind each number) is to be answered by its
// own route beside this one.
import { dossierReport } from "@motcua/application"
import { Schema } from "effect"
import type { ApiDeps } from "../deps.ts"
import { defineOperation } from "../operation.ts"
import { runUseCase } from "./run.ts"
import { Count } from "./shared.ts"

const operation = defineOperation<ApiDeps>()

const Day = Schema.String.check(Schema.isPattern(/^\d{4}-\d{2}-\d{2}$/u)).annotate({
  description: "Ngày tiếp nhận (giờ Việt Nam), YYYY-MM-DD",
})
const Rate = Schema.NullOr(Schema.Number.check(Schema.isBetween({ minimum: 0, maximum: 1 }))).annotate({
  description: "Tỷ lệ đúng hạn (trước hạn + đúng hạn) / đã giải quyết; null khi chưa có hồ sơ giải quyết xong",
})
const Timeliness = {
  early: Count.annotate({ description: "Giải quyết trước hạn" }),
  onTime: Count.annotate({ description: "Giải quyết đúng hạn" }),
  late: Count.annotate({ description: "Giải quyết quá hạn" }),
  pending: Count.annotate({ description: "Đang giải quyết" }),
  notCounted: Count.annotate({ description: "Không tính (từ chối tiếp nhận, rút hồ sơ)" }),
  onTimeRate: Rate,
}
const StatusCount = Schema.Struct({ key: Schema.String, label: Schema.String, count: Count }).annotate({
  identifier: "ReportCount",
})
const GroupRow = Schema.Struct({
  key: Schema.String.annotate({ description: "Mã đơn vị (tinh: cấp tỉnh) hoặc mã lĩnh vực" }),
  label: Schema.String,
  count: Count,
  received: Count.annotate({ description: "Hồ sơ tiếp nhận" }),
  resolved: Count.annotate({ description: "Hồ sơ đã giải quyết (kết thúc xử lý)" }),
  ...Timeliness,
}).annotate({ identifier: "ReportGroupRow" })
const MonthRow = Schema.Struct({
  month: Schema.String.annotate({ description: "Tháng tiếp nhận, YYYY-MM" }),
  received: Count,
  resolved: Count,
  ...Timeliness,
}).annotate({ identifier: "ReportMonthRow" })

export const DossierReport = Schema.Struct({
  from: Schema.NullOr(Schema.String),
  to: Schema.NullOr(Schema.String),
  total: Count,
  byStatus: Schema.Array(StatusCount),
  byUnit: Schema.Array(GroupRow),
  byField: Schema.Array(GroupRow),
  byMonth: Schema.Array(MonthRow),
  timeliness: Schema.Struct(Timeliness).annotate({ identifier: "ReportTimeliness" }),
}).annotate({
  identifier: "DossierReport",
  description:
    "Hồ sơ tiếp nhận, đã giải quyết, đúng hạn theo đơn vị, lĩnh vực và tháng (received, resolved, on time per " +
    "unit, field and month), trong phạm vi của người gọi",
})

export const reportOperations = [
  operation({
    method: "get",
    path: "/api/v1/reports/dossiers",
    operationId: "dossierReport",
    tag: "reports",
    summary: "Báo cáo hồ sơ theo đơn vị, lĩnh vực, tháng (lãnh đạo, quản trị, thanh tra)",
    description:
      "Dossiers received, resolved and resolved early / on time / late, per commune-level unit, field and month of " +
      "receipt, and per national status, counting only the dossiers the caller's scope reaches (leaders: their " +
      "authority; centre administrators: their centre; auditors and province administrators: their scope). " +
      "Timeliness follows the national index rule (classifyDossier). Filters: from/to (days of receipt, " +
      "inclusive), unitCode (`tinh` for province level), fieldCode. An account whose roles grant no report is 403.",
    auth: "required",
    query: Schema.Struct({
      from: Schema.optionalKey(Day),
      to: Schema.optionalKey(Day),
      unitCode: Schema.optionalKey(Schema.String.check(Schema.isPattern(/^(\d{5}|tinh)$/u))),
      fieldCode: Schema.optionalKey(Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(50))),
    }),
    response: { status: 200, description: "Báo cáo", schema: DossierReport },
    problems: ["unauthenticated", "forbidden"],
    handle: ({ principal, query }, deps) => runUseCase(deps, dossierReport(principal, query)),
  }),
]
