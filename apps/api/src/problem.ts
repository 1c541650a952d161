// Problem details (RFC 9457): every error the API answers is one of these, served as `application/problem+json`.
// `errors` lists each invalid field with its path (`query.on`, `body.quantities.copy`), so a form can show every
// problem at once. Titles and details are Vietnamese first; `type` points at the problem's entry in /docs.
import { Data, Schema } from "effect"

export const PROBLEM_CONTENT_TYPE = "application/problem+json"

export const FieldProblem = Schema.Struct({
  /** Where the problem is: the request part (`query`, `params`, `body`, `headers`) then the field, `body.channel`. */
  path: Schema.String,
  message: Schema.String,
}).annotate({ identifier: "FieldProblem", description: "Một trường không hợp lệ và đường dẫn của nó" })
export type FieldProblem = typeof FieldProblem.Type

export const ProblemDetails = Schema.Struct({
  type: Schema.String,
  title: Schema.String,
  status: Schema.Number.check(Schema.isInt(), Schema.isBetween({ minimum: 400, maximum: 599 })),
  detail: Schema.String,
  instance: Schema.String,
  errors: Schema.Array(FieldProblem),
  /** For a refused dossier action (422): the machine's typed reason, `{ _tag: "FeesUnpaid", amount, stage }`. */
  reason: Schema.optionalKey(
    Schema.Record(Schema.String, Schema.Unknown).annotate({
      description: "Lý do từ chối có kiểu (typed refusal reason): `_tag` và các trường của nó",
    }),
  ),
}).annotate({ identifier: "Problem", description: "Problem details (RFC 9457)" })
export type ProblemDetails = typeof ProblemDetails.Type

/** The kinds of problem the API answers with; each has a status, a Vietnamese title and an English one for the docs. */
export const PROBLEM_KINDS = {
  "invalid-input": { status: 400, title: "Dữ liệu yêu cầu không hợp lệ", titleEn: "Invalid request input" },
  unauthenticated: { status: 401, title: "Chưa xác thực", titleEn: "Not authenticated" },
  forbidden: { status: 403, title: "Không có quyền thực hiện", titleEn: "Forbidden" },
  "not-found": { status: 404, title: "Không tìm thấy", titleEn: "Not found" },
  "method-not-allowed": { status: 405, title: "Phương thức không được hỗ trợ", titleEn: "Method not allowed" },
  conflict: {
    status: 409,
    title: "Hồ sơ đã thay đổi, vui lòng tải lại",
    titleEn: "Conflict: the resource changed since it was read",
  },
  "payload-too-large": { status: 413, title: "Nội dung yêu cầu quá lớn", titleEn: "Payload too large" },
  "unsupported-media-type": {
    status: 415,
    title: "Kiểu nội dung không được hỗ trợ",
    titleEn: "Unsupported media type",
  },
  unprocessable: {
    status: 422,
    title: "Yêu cầu không thể xử lý theo quy định của thủ tục",
    titleEn: "The request cannot be processed under the procedure's rules",
  },
  "too-many-requests": {
    status: 429,
    title: "Quá nhiều lần thử, vui lòng thử lại sau",
    titleEn: "Too many attempts: try again later",
  },
  unavailable: { status: 503, title: "Dịch vụ tạm thời không khả dụng", titleEn: "Service unavailable" },
  "not-ready": { status: 503, title: "Dịch vụ chưa sẵn sàng", titleEn: "Service not ready" },
  internal: { status: 500, title: "Lỗi hệ thống", titleEn: "Internal server error" },
} as const
export type ProblemKind = keyof typeof PROBLEM_KINDS

/** A problem raised by the API itself (not by the domain); `toProblem` in errors.ts turns it into the response body. */
export class ApiProblem extends Data.TaggedError("ApiProblem")<{
  readonly kind: ProblemKind
  readonly detail: string
  readonly errors?: ReadonlyArray<FieldProblem>
  readonly reason?: Readonly<Record<string, unknown>>
}> {
  override get message(): string {
    return `${this.kind}: ${this.detail}`
  }
}

/** Where the problem kinds are described, relative to the API's own origin. */
export const problemTypeUri = (kind: ProblemKind): string => `/docs#problem-${kind}`
