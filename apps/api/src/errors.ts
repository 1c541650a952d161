// The one place where errors become HTTP problems. Routes return domain errors (or ApiProblem) as they are; this
// module decides the status, the Vietnamese title and detail and the invalid fields. Anything it does not know is a
// bug: a 500 whose body says nothing of the internals (the error itself goes to the log, masked).
import {
  ActionRefused,
  AlreadyRated,
  CallbackRejected,
  DocumentNotFound,
  DocumentNotOwned,
  DocumentRejected,
  DossierNotFound,
  EidSignInRefused,
  ExternalServiceFailed,
  FilingRefused,
  Forbidden,
  FormNotAvailable,
  IdempotencyKeyReused,
  MessageNotFound,
  PaperRefused,
  PaperVersionTaken,
  PaymentMessageRefused,
  PaymentRefused,
  PaymentsNotConfigured,
  PetitionNotFound,
  PetitionRefused,
  PostalOperatorFailed,
  PostalRefused,
  PreviewRefused,
  RatingRefused,
  ReportRequestInvalid,
  ResultNotFound,
  SigningRefused,
  StoreUnavailable,
  Unauthenticated,
  VersionConflict,
  WebhookNotFound,
  WebhookRefused,
} from "@motcua/application"
import {
  ChannelNotAllowed,
  DecodeError,
  describeRefusal,
  MissingFeeInput,
  ProcedureNotFound,
  UnknownExemptionCategory,
  UnknownVariant,
} from "@motcua/domain"
import {
  ApiProblem,
  type FieldProblem,
  PROBLEM_KINDS,
  type ProblemDetails,
  type ProblemKind,
  problemTypeUri,
} from "./problem.ts"

export interface MappedProblem {
  readonly problem: ProblemDetails
  /** Set for errors the API did not expect: the caller logs it at error level. */
  readonly unexpected?: unknown
  /** Why authentication failed: kept out of the answer (it would tell account state), the caller logs it. */
  readonly unauthenticatedReason?: string
}

/**
 * Every 401 of a caller's credential says the same: whether the session is unknown or expired, or the account
 * disabled, is account state that an answer must not reveal (the reason goes to the log instead).
 */
export const UNAUTHENTICATED_DETAIL =
  "Chưa đăng nhập, hoặc thông tin đăng nhập không hợp lệ hay đã hết hạn (not signed in, or the credentials are invalid or expired)."

const make = (
  kind: ProblemKind,
  detail: string,
  instance: string,
  errors: ReadonlyArray<FieldProblem> = [],
  reason?: Readonly<Record<string, unknown>>,
): ProblemDetails => ({
  type: problemTypeUri(kind),
  title: PROBLEM_KINDS[kind].title,
  status: PROBLEM_KINDS[kind].status,
  detail,
  instance,
  errors,
  ...(reason === undefined ? {} : { reason: { ...reason } }),
})

/** Joins a request part and a path inside it: `body` + `quantities.copy` → `body.quantities.copy`. */
export const fieldPath = (part: string, path: string): string =>
  path === "" ? part : path.startsWith("[") ? `${part}${path}` : `${part}.${path}`

/** Maps any error to its problem; `instance` is the request path. */
export function toProblem(error: unknown, instance: string): MappedProblem {
  if (error instanceof ApiProblem)
    return { problem: make(error.kind, error.detail, instance, error.errors, error.reason) }
  const application = applicationProblem(error, instance)
  if (application !== undefined) return application
  if (error instanceof DecodeError) {
    const count = error.problems.length
    return {
      problem: make("invalid-input", `${error.what}: ${count} trường không hợp lệ (${count} invalid)`, instance, [
        ...error.problems,
      ]),
    }
  }
  if (error instanceof WebhookRefused)
    return {
      problem: make("unprocessable", error.message, instance, [
        { path: fieldPath("body", error.field), message: error.detail },
      ]),
    }
  if (error instanceof WebhookNotFound) return { problem: make("not-found", error.message, instance) }
  if (error instanceof MessageNotFound) return { problem: make("not-found", error.message, instance) }
  if (error instanceof PostalRefused)
    return {
      problem: make("unprocessable", error.message, instance, [
        { path: fieldPath("body", error.field), message: error.detail },
      ]),
    }
  if (error instanceof PostalOperatorFailed)
    return {
      problem: error.permanent
        ? make(instance.endsWith("/callback") ? "unauthenticated" : "unprocessable", error.message, instance)
        : make("unavailable", error.message, instance),
    }
  if (error instanceof PaymentRefused) {
    const kind =
      error.reason === "not-found" ? "not-found" : error.reason.startsWith("already-") ? "conflict" : "unprocessable"
    return {
      problem: make(
        kind,
        error.detail,
        instance,
        error.field === undefined ? [] : [{ path: fieldPath("body", error.field), message: error.detail }],
        { _tag: "PaymentRefused", reason: error.reason },
      ),
    }
  }
  if (error instanceof PaymentMessageRefused)
    return {
      problem: make(error.outcome === "duplicate" ? "conflict" : "unprocessable", error.detail, instance, [], {
        _tag: "PaymentMessageRefused",
        outcome: error.outcome,
        reason: error.reason,
        messageId: error.messageId,
      }),
    }
  if (error instanceof PaymentsNotConfigured)
    return {
      problem: make(
        "unavailable",
        `Kênh thanh toán này chưa được cấu hình (payments not configured): ${error.what}`,
        instance,
      ),
    }
  if (error instanceof ProcedureNotFound) {
    const detail =
      error.on === undefined
        ? `Không có thủ tục hành chính mã ${error.code} trong danh mục.`
        : `Không có phiên bản nào của thủ tục ${error.code} có hiệu lực vào ngày ${error.on}.`
    return { problem: make("not-found", detail, instance) }
  }
  if (error instanceof UnknownExemptionCategory)
    return {
      problem: make(
        "unprocessable",
        error.message,
        instance,
        error.unknown.map((u) => ({
          path: `body.applicantCategories[${u.index}]`,
          message: `không có miễn, giảm cho "${u.category}" (no exemption for this category)`,
        })),
      ),
    }
  if (error instanceof UnknownVariant) {
    return {
      problem: make(
        "unprocessable",
        `Thủ tục ${error.procedureCode} không có trường hợp "${error.variantId}".`,
        instance,
        [{ path: "body.variantId", message: error.message }],
      ),
    }
  }
  if (error instanceof ChannelNotAllowed) {
    return {
      problem: make(
        "unprocessable",
        `Thủ tục ${error.procedureCode} không tiếp nhận qua kênh ${error.channel}; các kênh được phép: ${error.allowed.join(", ")}.`,
        instance,
        [{ path: "body.channel", message: error.message }],
      ),
    }
  }
  if (error instanceof MissingFeeInput) {
    return {
      problem: make(
        "unprocessable",
        "Cần thêm thông tin để tính phí, lệ phí.",
        instance,
        error.missing.map((m) => ({
          path: fieldPath("body", m.input),
          message: `cần cho khoản phí "${m.itemId}" (needed for fee item "${m.itemId}")`,
        })),
      ),
    }
  }
  // UnusableFeeRule lands here too: it is a catalogue data problem, not the caller's, so it is treated as a bug.
  return {
    problem: make("internal", "Đã xảy ra lỗi hệ thống; vui lòng thử lại sau hoặc liên hệ quản trị.", instance),
    unexpected: error,
  }
}

/** Where a refusal's problems point, as request fields: the machine's paths are those of the event body. */
const refusalFields = (reason: ActionRefused["reason"]): FieldProblem[] =>
  reason._tag === "InvalidEvent"
    ? reason.problems.map((p) => ({ path: fieldPath("body", p.path), message: p.message }))
    : []

/** The use cases' and ports' errors (the application's README lists the mapping). */
function applicationProblem(error: unknown, instance: string): MappedProblem | undefined {
  if (error instanceof Unauthenticated)
    return { problem: make("unauthenticated", UNAUTHENTICATED_DETAIL, instance), unauthenticatedReason: error.reason }
  if (error instanceof Forbidden)
    return {
      problem: make("forbidden", `Không có quyền "${error.action}" (forbidden): ${error.reason}`, instance),
    }
  if (error instanceof DossierNotFound)
    return { problem: make("not-found", `Không có hồ sơ ${error.code} (no such dossier).`, instance) }
  if (error instanceof VersionConflict)
    return {
      problem: make(
        "conflict",
        `Hồ sơ ${error.code} đang ở phiên bản ${error.actualVersion ?? "(không có)"}, không phải ${error.expectedVersion}: tải lại rồi thử lại (reload and retry).`,
        instance,
        [{ path: "body.expectedVersion", message: `phiên bản hiện tại là ${error.actualVersion ?? "(không có)"}` }],
      ),
    }
  if (error instanceof ActionRefused)
    return {
      problem: make(
        "unprocessable",
        describeRefusal(error.reason),
        instance,
        refusalFields(error.reason),
        error.reason as unknown as Record<string, unknown>,
      ),
    }
  if (error instanceof FilingRefused)
    return {
      problem: make(
        "unprocessable",
        `Không tiếp nhận được hồ sơ: ${error.detail}`,
        instance,
        error.field === undefined ? [] : [{ path: fieldPath("body", error.field), message: error.detail }],
        {
          _tag: "FilingRefused",
          reason: error.reason,
        },
      ),
    }
  if (error instanceof IdempotencyKeyReused)
    return {
      problem: make(
        "unprocessable",
        "Idempotency-Key này đã được dùng cho một yêu cầu khác (the key was used for a different request).",
        instance,
        [{ path: "headers.idempotency-key", message: "đã dùng cho yêu cầu khác (already used for another request)" }],
      ),
    }
  if (error instanceof DocumentRejected) {
    const kind =
      error.reason === "too-large" || error.reason === "quota-exceeded"
        ? "payload-too-large"
        : error.reason === "empty"
          ? "unprocessable"
          : "unsupported-media-type"
    return {
      problem: make(
        kind,
        `Tài liệu bị từ chối: ${error.detail}`,
        instance,
        [{ path: "body", message: error.message }],
        error.quota === undefined ? undefined : { _tag: "DocumentRejected", reason: error.reason, quota: error.quota },
      ),
    }
  }
  if (error instanceof DocumentNotOwned)
    return {
      problem: make(
        "unprocessable",
        `Tài liệu ${error.id} do người khác tải lên: chỉ người tải lên mới được gắn vào hồ sơ (only its uploader may attach it).`,
        instance,
        [{ path: "body", message: error.message }],
        { _tag: "DocumentNotOwned", id: error.id },
      ),
    }
  if (error instanceof DocumentNotFound)
    return {
      problem: make("unprocessable", `Không có tài liệu ${error.id} chưa gắn với hồ sơ nào.`, instance, [
        { path: "body", message: error.message },
      ]),
    }
  if (error instanceof SigningRefused)
    return {
      problem: make(
        "unprocessable",
        `Không ký được: ${error.detail}`,
        instance,
        [{ path: "body", message: error.detail }],
        {
          _tag: "SigningRefused",
          reason: error.reason,
        },
      ),
    }
  if (error instanceof PaperRefused)
    return {
      problem: make(
        "unprocessable",
        `Không ghi nhận được giấy tờ số hóa: ${error.detail}`,
        instance,
        [{ path: fieldPath("body", error.field), message: error.detail }],
        { _tag: "PaperRefused", reason: error.reason },
      ),
    }
  if (error instanceof PaperVersionTaken)
    return {
      problem: make("conflict", error.message, instance, [], {
        _tag: "PaperVersionTaken",
        documentId: error.documentId,
        version: error.version,
      }),
    }
  if (error instanceof ResultNotFound) return { problem: make("not-found", error.message, instance) }
  if (error instanceof FormNotAvailable) return { problem: make("not-found", error.message, instance) }
  if (error instanceof CallbackRejected)
    return {
      problem: make(
        "unauthenticated",
        `Lệnh gọi lại không hợp lệ: ${error.reason}`,
        instance,
        [],
        error.code === undefined ? undefined : { _tag: "CallbackRejected", code: error.code },
      ),
    }
  if (error instanceof EidSignInRefused)
    return {
      problem: make("unauthenticated", `Đăng nhập bằng định danh điện tử không thành công: ${error.reason}`, instance),
      unauthenticatedReason: error.reason,
    }
  if (error instanceof PreviewRefused)
    return {
      problem: make(
        "unprocessable",
        `Không xem trước được: ${error.detail}`,
        instance,
        [{ path: error.reason === "no-such-page" ? "query.page" : "params.documentId", message: error.detail }],
        { _tag: "PreviewRefused", reason: error.reason },
      ),
    }
  if (error instanceof ReportRequestInvalid)
    return {
      problem: make("unprocessable", error.message, instance, [
        { path: fieldPath("query", error.field), message: error.detail },
      ]),
    }
  if (error instanceof RatingRefused)
    return { problem: make("unprocessable", error.message, instance, [], { _tag: "RatingRefused" }) }
  if (error instanceof AlreadyRated)
    return {
      problem: make("conflict", error.message, instance, [], { _tag: "AlreadyRated", at: error.at }),
    }
  if (error instanceof PetitionNotFound) return { problem: make("not-found", error.message, instance) }
  if (error instanceof PetitionRefused)
    return {
      problem: make("unprocessable", error.message, instance, [], error.reason as unknown as Record<string, unknown>),
    }
  if (error instanceof StoreUnavailable || error instanceof ExternalServiceFailed)
    return {
      problem: make("unavailable", "Dịch vụ tạm thời không khả dụng; vui lòng thử lại sau.", instance),
      unexpected: error,
    }
  return undefined
}
