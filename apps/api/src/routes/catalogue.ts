// Catalogue routes: search the procedures in force, read one procedure as in force on a day, list its versions.
import {
  CatalogueDate,
  findProcedures,
  Level,
  Procedure,
  ProcedureCode,
  ProcedureNotFound,
  procedureInForce,
  versionsOf,
} from "@motcua/domain"
import { Result, Schema } from "effect"
import { type ApiDeps, vietnamToday } from "../deps.ts"
import { defineOperation } from "../operation.ts"
import { Count, listOf, QueryText } from "./shared.ts"

const operation = defineOperation<ApiDeps>()

export const ProcedureDocument = Procedure.annotate({
  identifier: "Procedure",
  description: "Một phiên bản của thủ tục hành chính (one version of an administrative procedure)",
})

const f = Procedure.fields
/** What a list shows of each procedure; the full entry is one request away. */
export const ProcedureSummary = Schema.Struct({
  code: f.code,
  name: f.name,
  nameEn: f.nameEn,
  field: f.field,
  levels: f.levels,
  authority: f.authority,
  provincialTime: f.provincialTime,
  onlineService: f.onlineService,
  channels: f.channels,
  boundaryFree: f.boundaryFree,
  effectiveFrom: f.effectiveFrom,
  effectiveTo: f.effectiveTo,
  publishedBy: f.publishedBy,
}).annotate({ identifier: "ProcedureSummary" })
export type ProcedureSummary = typeof ProcedureSummary.Type

const summarise = (p: Procedure): ProcedureSummary => ({
  code: p.code,
  name: p.name,
  ...(p.nameEn === undefined ? {} : { nameEn: p.nameEn }),
  field: p.field,
  levels: p.levels,
  authority: p.authority,
  provincialTime: p.provincialTime,
  onlineService: p.onlineService,
  channels: p.channels,
  boundaryFree: p.boundaryFree,
  effectiveFrom: p.effectiveFrom,
  ...(p.effectiveTo === undefined ? {} : { effectiveTo: p.effectiveTo }),
  publishedBy: p.publishedBy,
})

/** `on`: the day the versions must be in force; today in Vietnam when absent. */
const OnQuery = Schema.optionalKey(
  CatalogueDate.annotate({ description: "Ngày hiệu lực YYYY-MM-DD (mặc định: hôm nay) — as-of date, default today" }),
)

export const ProcedureSearchQuery = Schema.Struct({
  q: Schema.optionalKey(QueryText.annotate({ description: "Từ khóa trong tên hoặc mã, không phân biệt dấu" })),
  field: Schema.optionalKey(QueryText.annotate({ description: "Mã lĩnh vực" })),
  level: Schema.optionalKey(Level),
  authority: Schema.optionalKey(QueryText.annotate({ description: "Mã cơ quan hoặc loại cơ quan có thẩm quyền" })),
  on: OnQuery,
})

const ProcedureSearchResult = Schema.Struct({
  on: CatalogueDate,
  total: Count,
  items: Schema.Array(ProcedureSummary),
}).annotate({ identifier: "ProcedureSearchResult" })

const CodeParams = Schema.Struct({ code: ProcedureCode.annotate({ description: "Mã thủ tục quốc gia, vd. 1.004222" }) })

export const catalogueOperations = [
  operation({
    method: "get",
    path: "/api/v1/procedures",
    operationId: "searchProcedures",
    tag: "catalogue",
    summary: "Tra cứu thủ tục hành chính đang có hiệu lực",
    description: "Search the procedures in force on a day, by words, field, level and competent authority.",
    query: ProcedureSearchQuery,
    response: { status: 200, description: "Các thủ tục phù hợp", schema: ProcedureSearchResult },
    problems: [],
    handle: ({ query }, deps) => {
      const on = query.on ?? vietnamToday(deps)
      const found = findProcedures(deps.catalogue, {
        inForceOn: on,
        ...(query.q === undefined ? {} : { text: query.q }),
        ...(query.field === undefined ? {} : { field: query.field }),
        ...(query.level === undefined ? {} : { level: query.level }),
        ...(query.authority === undefined ? {} : { authority: query.authority }),
      })
      return Result.succeed({ on, total: found.length, items: found.map(summarise) })
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/procedures/{code}",
    operationId: "getProcedure",
    tag: "catalogue",
    summary: "Thủ tục hành chính theo phiên bản có hiệu lực vào một ngày",
    description: "The version of a procedure in force on a day (today by default).",
    params: CodeParams,
    query: Schema.Struct({ on: OnQuery }),
    response: { status: 200, description: "Phiên bản có hiệu lực", schema: ProcedureDocument },
    problems: ["not-found"],
    handle: ({ params, query }, deps) => procedureInForce(deps.catalogue, params.code, query.on ?? vietnamToday(deps)),
  }),
  operation({
    method: "get",
    path: "/api/v1/procedures/{code}/versions",
    operationId: "listProcedureVersions",
    tag: "catalogue",
    summary: "Các phiên bản đã công bố của một thủ tục",
    description: "Every published version of a procedure, oldest first.",
    params: CodeParams,
    response: { status: 200, description: "Các phiên bản", schema: listOf(ProcedureSummary, "ProcedureVersions") },
    problems: ["not-found"],
    handle: ({ params }, deps) => {
      const versions = versionsOf(deps.catalogue, params.code)
      if (versions.length === 0) return Result.fail(new ProcedureNotFound({ code: params.code }))
      return Result.succeed({ total: versions.length, items: versions.map(summarise) })
    },
  }),
]
