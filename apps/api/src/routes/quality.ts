// The quality work (issue 15) over HTTP: the Decision 766 index report and the dossiers behind its numbers (leaders,
// administrators and auditors, within their scope), citizens' ratings of returned dossiers, petitions (phản ánh,
// kiến nghị) with their lifecycle and the public list of answered ones, and service-level notices with the leaders'
// list of overdue dossiers without an apology. Every route calls one use case; errors are mapped in errors.ts.
import {
  actOnPetition,
  dossierRating,
  drillDowns,
  getPetition,
  indexDrillDown,
  indexReport,
  listPetitions,
  overdueWithoutApology,
  publishedPetitions,
  RatingInput,
  rateDossier,
  reportViewerOf,
  sendPetition,
  slaInbox,
} from "@motcua/application"
import {
  DossierCode,
  groupIds,
  indicatorIds,
  indicatorNames,
  PetitionEvent,
  PetitionKind,
  PetitionTopic,
  ProcedureCode,
} from "@motcua/domain"
import { Effect, Result, Schema } from "effect"
import type { ApiDeps } from "../deps.ts"
import { defineOperation } from "../operation.ts"
import { runUseCase } from "./run.ts"
import { asList, Count, listOf, Version } from "./shared.ts"

const operation = defineOperation<ApiDeps>()

const Period = Schema.String.check(
  Schema.isPattern(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/u, { expected: "YYYY-MM, YYYY-Qn or YYYY" }),
).annotate({ description: "Kỳ báo cáo: tháng YYYY-MM, quý YYYY-Qn hoặc năm YYYY (a month, a quarter or a year)" })
const UnitOrAgency = Schema.String.check(Schema.isPattern(/^[\w.]{1,40}$/u)).annotate({
  description:
    "Mã đơn vị cấp xã (5 chữ số) hoặc mã cơ quan cấp tỉnh (a commune-level unit or a province-level authority)",
})
const PetitionId = Schema.String.check(Schema.isPattern(/^[\w.:-]{1,100}$/u))
const Limit = Schema.NumberFromString.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 1000 }))
const Instant = Schema.String.annotate({ format: "date-time" })
/** A finite number (counts may be averages per period; scores have two decimals). */
const Finite = Schema.Number.check(Schema.isFinite())

const IndicatorScoreDocument = Schema.Struct({
  id: Schema.Literals(indicatorIds),
  name: Schema.String.annotate({ description: "Tên chỉ số (what it counts, Vietnamese)" }),
  nameEn: Schema.String.annotate({ description: "The indicator's numerator / denominator, in English" }),
  group: Schema.Literals(groupIds),
  numerator: Finite,
  denominator: Finite,
  ratio: Schema.NullOr(Finite),
  score: Finite,
  max: Finite,
  threshold: Schema.optionalKey(Finite),
  tracked: Schema.Boolean,
  basis: Schema.Literals(["counts", "no-denominator", "previous-year"]),
}).annotate({ identifier: "IndicatorScore" })

const Index766Document = Schema.Struct({
  rules: Schema.String,
  groups: Schema.Array(
    Schema.Struct({
      id: Schema.Literals(groupIds),
      name: Schema.String,
      nameEn: Schema.String,
      max: Finite,
      score: Finite,
      indicators: Schema.Array(IndicatorScoreDocument),
      missing: Schema.Array(Schema.Literals(indicatorIds)),
    }),
  ),
  total: Finite,
  max: Finite,
  missing: Schema.Array(Schema.Literals(indicatorIds)),
}).annotate({ identifier: "Index766" })

const ScopeIndexDocument = Schema.Struct({
  key: Schema.String,
  code: Schema.String,
  name: Schema.String,
  index: Index766Document,
}).annotate({ identifier: "ScopeIndex" })

const IndexReportDocument = Schema.Struct({
  period: Schema.Struct({
    kind: Schema.Literals(["month", "quarter", "year"]),
    label: Schema.String,
    year: Finite,
    from: Schema.String,
    to: Schema.String,
    startInstant: Instant,
    endInstant: Instant,
    periodsPerYear: Schema.Literals([12, 4, 1]),
  }),
  rules: Schema.String,
  generatedAt: Instant,
  total: ScopeIndexDocument,
  units: Schema.Array(ScopeIndexDocument),
  notHeld: Schema.Array(Schema.Struct({ id: Schema.Literals(indicatorIds), reason: Schema.String })),
  unreadable: Schema.Array(Schema.String),
}).annotate({ identifier: "IndexReport" })

const DrilledDossierDocument = Schema.Struct({
  code: Schema.String,
  agencyCode: Schema.String,
  unitCode: Schema.NullOr(Schema.String),
  procedureCode: Schema.String,
  channel: Schema.String,
  receivedAt: Instant,
  appointmentAt: Schema.NullOr(Instant),
  endedAt: Schema.NullOr(Instant),
}).annotate({ identifier: "DrilledDossier" })

const RatingDocument = Schema.Struct({
  dossierCode: Schema.String,
  raterId: Schema.String,
  at: Instant,
  access: Count,
  procedure: Count,
  officer: Count,
  result: Count,
  liked: Schema.Boolean,
  comment: Schema.optionalKey(Schema.String),
}).annotate({ identifier: "DossierRating" })

const Actor = Schema.Struct({ id: Schema.String, role: Schema.String })
const PetitionDocument = Schema.Struct({
  id: Schema.String,
  sentAt: Instant,
  sender: Schema.Struct({ id: Schema.String, name: Schema.String }),
  dossierCode: Schema.optionalKey(Schema.String),
  procedureCode: Schema.optionalKey(Schema.String),
  agencyCode: Schema.String,
  unitCode: Schema.optionalKey(Schema.String),
  content: Schema.String,
  rePetitionOf: Schema.optionalKey(Schema.String),
  status: Schema.Literals(["received", "classified", "awaiting-supplement", "answered", "published", "refused"]),
  kind: Schema.optionalKey(PetitionKind),
  topic: Schema.optionalKey(PetitionTopic),
  classified: Schema.optionalKey(Schema.Struct({ at: Instant, by: Actor })),
  refusal: Schema.optionalKey(Schema.Struct({ at: Instant, by: Actor, reason: Schema.String })),
  supplementation: Schema.optionalKey(
    Schema.Struct({
      requestedAt: Instant,
      by: Actor,
      what: Schema.String,
      receivedAt: Schema.optionalKey(Instant),
      addition: Schema.optionalKey(Schema.String),
    }),
  ),
  answer: Schema.optionalKey(Schema.Struct({ at: Instant, by: Actor, text: Schema.String })),
  published: Schema.optionalKey(Schema.Struct({ at: Instant, by: Actor })),
  rating: Schema.optionalKey(Schema.Struct({ at: Instant, satisfied: Schema.Boolean })),
  rePetitioned: Schema.Boolean,
  due: Schema.Struct({
    handling: Instant,
    refusal: Instant,
    supplementationRequest: Instant,
    publication: Schema.optionalKey(Instant),
  }),
  lastEventAt: Instant,
}).annotate({ identifier: "Petition" })

const StoredPetitionDocument = Schema.Struct({ petition: PetitionDocument, version: Version }).annotate({
  identifier: "StoredPetition",
})

const PublishedPetitionDocument = Schema.Struct({
  id: Schema.String,
  sentAt: Instant,
  procedureCode: Schema.optionalKey(Schema.String),
  agencyCode: Schema.String,
  kind: Schema.optionalKey(PetitionKind),
  topic: Schema.optionalKey(PetitionTopic),
  content: Schema.String,
  answer: Schema.String,
  answeredAt: Instant,
  publishedAt: Instant,
}).annotate({ identifier: "PublishedPetition" })

const SlaNoticeDocument = Schema.Struct({
  dossierCode: Schema.String,
  subject: Schema.Literals(["dossier", "step"]),
  stepId: Schema.NullOr(Schema.String),
  threshold: Schema.Literals(["due-soon", "overdue"]),
  dueAt: Instant,
  at: Instant,
  role: Schema.String,
  assigneeId: Schema.NullOr(Schema.String),
  agencyCode: Schema.String,
  unitCode: Schema.NullOr(Schema.String),
}).annotate({ identifier: "SlaNotice" })

const OverdueDossierDocument = Schema.Struct({
  code: Schema.String,
  agencyCode: Schema.String,
  unitCode: Schema.NullOr(Schema.String),
  procedureCode: Schema.String,
  appointmentAt: Instant,
  noticedAt: Instant,
  statusCode: Count,
}).annotate({ identifier: "OverdueDossier" })

const PetitionStatus = Schema.Literals([
  "received",
  "classified",
  "awaiting-supplement",
  "answered",
  "published",
  "refused",
])

/** A scope's index with each indicator's name (the domain's, Vietnamese and English), so that pages need no copy. */
const named = <
  S extends {
    readonly index: {
      readonly groups: ReadonlyArray<{
        readonly indicators: ReadonlyArray<{ readonly id: keyof typeof indicatorNames }>
      }>
    }
  },
>(
  scope: S,
) => ({
  ...scope,
  index: {
    ...scope.index,
    groups: scope.index.groups.map((group) => ({
      ...group,
      indicators: group.indicators.map((indicator) => ({ ...indicator, ...indicatorNames[indicator.id] })),
    })),
  },
})

const list = <A>(rows: Result.Result<ReadonlyArray<A>, unknown>) => Result.map(rows, asList)

export const qualityOperations = [
  operation({
    method: "get",
    path: "/api/v1/reports/index",
    operationId: "indexReport",
    tag: "reports",
    summary: "Chỉ số chất lượng phục vụ (Quyết định 766) của kỳ, theo đơn vị trong phạm vi",
    description:
      "The Decision 766 index of a month, quarter or year: every indicator's numerator, denominator and score, the six " +
      "groups and the total of the caller's scope (its units' counts summed, never their scores averaged), and each " +
      "handling unit of the scope. Indicators motcua does not hold (1.1–1.3, 4.5a) come from the province's import; " +
      "`notHeld` names those missing. For leaders, centre and province administrators and auditors.",
    auth: "required",
    query: Schema.Struct({ period: Period, unit: Schema.optionalKey(UnitOrAgency) }),
    response: { status: 200, description: "Báo cáo chỉ số", schema: IndexReportDocument },
    problems: ["unauthenticated", "forbidden", "unprocessable"],
    handle: ({ principal, query }, deps) =>
      runUseCase(
        deps,
        Effect.flatMap(reportViewerOf(principal), (viewer) =>
          Effect.map(
            indexReport(viewer, { period: query.period, ...(query.unit === undefined ? {} : { unit: query.unit }) }),
            (report) => ({ ...report, total: named(report.total), units: report.units.map(named) }),
          ),
        ),
      ),
  }),
  operation({
    method: "get",
    path: "/api/v1/reports/index/dossiers",
    operationId: "indexReportDossiers",
    tag: "reports",
    summary: "Danh sách hồ sơ đứng sau một con số của báo cáo chỉ số",
    description:
      "The dossiers received in the period behind a number of the index report (the late ones, the unsynced ones, …), " +
      "within the caller's scope, by code in pages (`after`: the last code of the previous page).",
    auth: "required",
    query: Schema.Struct({
      period: Period,
      which: Schema.Literals(drillDowns),
      unit: Schema.optionalKey(UnitOrAgency),
      after: Schema.optionalKey(DossierCode),
      limit: Schema.optionalKey(Limit),
    }),
    response: { status: 200, description: "Hồ sơ", schema: listOf(DrilledDossierDocument, "DrilledDossiers") },
    problems: ["unauthenticated", "forbidden", "unprocessable"],
    handle: async ({ principal, query }, deps) =>
      list(
        await runUseCase(
          deps,
          Effect.flatMap(reportViewerOf(principal), (viewer) =>
            indexDrillDown(viewer, {
              period: query.period,
              which: query.which,
              ...(query.unit === undefined ? {} : { unit: query.unit }),
              ...(query.after === undefined ? {} : { after: query.after }),
              ...(query.limit === undefined ? {} : { limit: query.limit }),
            }),
          ),
        ),
      ),
  }),
  operation({
    method: "post",
    path: "/api/v1/dossiers/{code}/rating",
    operationId: "rateDossier",
    tag: "feedback",
    summary: "Công dân đánh giá hồ sơ đã trả kết quả (một lần)",
    description:
      "The applicant rates a returned dossier once: access, procedure, officer and result from 1 (very dissatisfied) " +
      "to 5, and like or dislike (indicator 5.4). 409 when it was rated already, 422 before its result was returned.",
    auth: "required",
    params: Schema.Struct({ code: DossierCode }),
    body: RatingInput,
    response: { status: 201, description: "Đã ghi nhận đánh giá", schema: RatingDocument },
    problems: ["unauthenticated", "forbidden", "not-found", "conflict", "unprocessable"],
    handle: ({ principal, params, body }, deps) => runUseCase(deps, rateDossier(principal, params.code, body)),
  }),
  operation({
    method: "get",
    path: "/api/v1/dossiers/{code}/rating",
    operationId: "dossierRating",
    tag: "feedback",
    summary: "Đánh giá của hồ sơ (nếu có)",
    description: "A dossier's rating, or null, for whoever may read the dossier.",
    auth: "required",
    params: Schema.Struct({ code: DossierCode }),
    response: {
      status: 200,
      description: "Đánh giá",
      schema: Schema.Struct({ rating: Schema.NullOr(RatingDocument) }).annotate({ identifier: "DossierRatingAnswer" }),
    },
    problems: ["unauthenticated", "forbidden", "not-found"],
    handle: async ({ principal, params }, deps) =>
      Result.map(await runUseCase(deps, dossierRating(principal, params.code)), (rating) => ({
        rating: rating ?? null,
      })),
  }),
  operation({
    method: "post",
    path: "/api/v1/petitions",
    operationId: "sendPetition",
    tag: "feedback",
    summary: "Công dân gửi phản ánh, kiến nghị về hồ sơ hoặc thủ tục",
    description:
      "A citizen sends a petition about one of their dossiers (it goes to the dossier's authority), or about a " +
      "procedure (its province-level authority, or, for a commune-level one, the authority of `unitCode`). " +
      "`rePetitionOf` names an earlier petition of theirs about the same matter (counted against 5.3).",
    auth: "required",
    body: Schema.Struct({
      dossierCode: Schema.optionalKey(DossierCode),
      procedureCode: Schema.optionalKey(ProcedureCode),
      unitCode: Schema.optionalKey(Schema.String.check(Schema.isPattern(/^\d{5}$/u))),
      content: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(4000)),
      rePetitionOf: Schema.optionalKey(PetitionId),
    }),
    response: { status: 201, description: "Đã tiếp nhận phản ánh, kiến nghị", schema: StoredPetitionDocument },
    problems: ["unauthenticated", "forbidden", "not-found", "unprocessable"],
    handle: ({ principal, body }, deps) => runUseCase(deps, sendPetition(principal, body)),
  }),
  operation({
    method: "get",
    path: "/api/v1/petitions",
    operationId: "listPetitions",
    tag: "feedback",
    summary: "Phản ánh, kiến nghị của tôi (công dân) hoặc trong phạm vi (cán bộ), mới nhất trước",
    description:
      "A citizen's own petitions, or those of a staff account's authorities and units; newest first, in pages " +
      "(`before`: the last id of the previous page).",
    auth: "required",
    query: Schema.Struct({
      status: Schema.optionalKey(PetitionStatus),
      before: Schema.optionalKey(PetitionId),
      limit: Schema.optionalKey(Limit),
    }),
    response: { status: 200, description: "Phản ánh, kiến nghị", schema: listOf(StoredPetitionDocument, "Petitions") },
    problems: ["unauthenticated", "forbidden"],
    handle: async ({ principal, query }, deps) =>
      list(
        await runUseCase(
          deps,
          listPetitions(principal, {
            ...(query.status === undefined ? {} : { statuses: [query.status] }),
            ...(query.before === undefined ? {} : { beforeId: query.before }),
            ...(query.limit === undefined ? {} : { limit: query.limit }),
          }),
        ),
      ),
  }),
  operation({
    method: "get",
    path: "/api/v1/petitions/published",
    operationId: "publishedPetitions",
    tag: "feedback",
    summary: "Phản ánh, kiến nghị đã được trả lời và công khai",
    description: "Answered and published petitions with their answers, for everyone; the sender is never shown.",
    query: Schema.Struct({
      agencyCode: Schema.optionalKey(Schema.String.check(Schema.isPattern(/^[\w.]{1,40}$/u))),
      limit: Schema.optionalKey(Limit),
    }),
    response: {
      status: 200,
      description: "Đã công khai",
      schema: listOf(PublishedPetitionDocument, "PublishedPetitions"),
    },
    problems: [],
    handle: async ({ query }, deps) =>
      list(
        await runUseCase(
          deps,
          publishedPetitions({
            ...(query.agencyCode === undefined ? {} : { agencyCode: query.agencyCode }),
            ...(query.limit === undefined ? {} : { limit: query.limit }),
          }),
        ),
      ),
  }),
  operation({
    method: "get",
    path: "/api/v1/petitions/{id}",
    operationId: "getPetition",
    tag: "feedback",
    summary: "Một phản ánh, kiến nghị (người gửi, cán bộ cơ quan xử lý)",
    description: "One petition with its version, for its sender and the staff of the authority that handles it.",
    auth: "required",
    params: Schema.Struct({ id: PetitionId }),
    response: { status: 200, description: "Phản ánh, kiến nghị", schema: StoredPetitionDocument },
    problems: ["unauthenticated", "forbidden", "not-found"],
    handle: ({ principal, params }, deps) => runUseCase(deps, getPetition(principal, params.id)),
  }),
  operation({
    method: "post",
    path: "/api/v1/petitions/{id}/events",
    operationId: "actOnPetition",
    tag: "feedback",
    summary: "Xử lý phản ánh, kiến nghị: phân loại, từ chối, yêu cầu bổ sung, trả lời, công khai; người gửi đánh giá",
    description:
      "One step of a petition's handling by its authority's staff (classify, refuse, requestSupplement, " +
      "supplementReceived, answer, publish), or its sender's rating once published (rate). The deadlines of 5.2 " +
      "(15 / 2 / 5 / 2 working days) are kept on the petition. `expectedVersion`, when given, must be the stored one " +
      "(409 otherwise); an action the lifecycle refuses is 422 with the reason.",
    auth: "required",
    params: Schema.Struct({ id: PetitionId }),
    body: Schema.Struct({ event: PetitionEvent, expectedVersion: Schema.optionalKey(Version) }),
    response: { status: 200, description: "Phản ánh, kiến nghị sau thao tác", schema: StoredPetitionDocument },
    problems: ["unauthenticated", "forbidden", "not-found", "conflict", "unprocessable"],
    handle: ({ principal, params, body }, deps) =>
      runUseCase(deps, actOnPetition(principal, params.id, body.event, body.expectedVersion)),
  }),
  operation({
    method: "get",
    path: "/api/v1/sla/notices",
    operationId: "slaNotices",
    tag: "sla",
    summary: "Cảnh báo sắp đến hạn, quá hạn gửi cho tôi (cán bộ)",
    description:
      "Service-level notices for the caller: those naming them, and those for their roles in their authorities and " +
      "units (due soon → the step's holder; overdue → the unit's leader), newest first.",
    auth: "required",
    query: Schema.Struct({ limit: Schema.optionalKey(Limit) }),
    response: { status: 200, description: "Cảnh báo", schema: listOf(SlaNoticeDocument, "SlaNotices") },
    problems: ["unauthenticated", "forbidden"],
    handle: async ({ principal, query }, deps) => list(await runUseCase(deps, slaInbox(principal, query.limit ?? 100))),
  }),
  operation({
    method: "get",
    path: "/api/v1/sla/overdue",
    operationId: "overdueWithoutApology",
    tag: "sla",
    summary: "Hồ sơ quá hạn chưa có thư xin lỗi và hẹn lại (lãnh đạo)",
    description:
      "Dossiers found overdue whose appointment has not moved since (no apology letter with a new appointment, which " +
      "the law requires) and that are not finished, within the caller's scope; for leaders and administrators.",
    auth: "required",
    query: Schema.Struct({ limit: Schema.optionalKey(Limit) }),
    response: { status: 200, description: "Hồ sơ quá hạn", schema: listOf(OverdueDossierDocument, "OverdueDossiers") },
    problems: ["unauthenticated", "forbidden"],
    handle: async ({ principal, query }, deps) =>
      list(await runUseCase(deps, overdueWithoutApology(principal, query.limit ?? 100))),
  }),
]
