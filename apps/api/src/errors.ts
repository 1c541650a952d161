// The one place where errors become HTTP problems. Routes return domain errors (or ApiProblem) as they are; this
// module decides the status, the Vietnamese title and detail and the invalid fields. Anything it does not know is a
// bug: a 500 whose body says nothing of the internals (the error itself goes to the log, masked).
import { ChannelNotAllowed, DecodeError, MissingFeeInput, ProcedureNotFound, UnknownVariant } from "@motcua/domain"
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
}

const make = (
  kind: ProblemKind,
  detail: string,
  instance: string,
  errors: ReadonlyArray<FieldProblem> = [],
): ProblemDetails => ({
  type: problemTypeUri(kind),
  title: PROBLEM_KINDS[kind].title,
  status: PROBLEM_KINDS[kind].status,
  detail,
  instance,
  errors,
})

/** Joins a request part and a path inside it: `body` + `quantities.copy` → `body.quantities.copy`. */
export const fieldPath = (part: string, path: string): string =>
  path === "" ? part : path.startsWith("[") ? `${part}${path}` : `${part}.${path}`

/** Maps any error to its problem; `instance` is the request path. */
export function toProblem(error: unknown, instance: string): MappedProblem {
  if (error instanceof ApiProblem) return { problem: make(error.kind, error.detail, instance, error.errors) }
  if (error instanceof DecodeError) {
    const count = error.problems.length
    return {
      problem: make("invalid-input", `${error.what}: ${count} trường không hợp lệ (${count} invalid)`, instance, [
        ...error.problems,
      ]),
    }
  }
  if (error instanceof ProcedureNotFound) {
    const detail =
      error.on === undefined
        ? `Không có thủ tục hành chính mã ${error.code} trong danh mục.`
        : `Không có phiên bản nào của thủ tục ${error.code} có hiệu lực vào ngày ${error.on}.`
    return { problem: make("not-found", detail, instance) }
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
