// Decoding untrusted data (catalogue files, API bodies) with every problem reported at once, each with the path
// where it was found, e.g. `procedures[12].process[3].allowance.amount: Expected a value greater than 0`.
import { Data, Exit, Result, Schema, SchemaIssue } from "effect"

export interface Problem {
  /** Where the problem is, in JavaScript accessor notation from the decoded root: `steps[3].role`. */
  readonly path: string
  readonly message: string
}

export class DecodeError extends Data.TaggedError("DecodeError")<{
  /** What was being decoded, e.g. "catalogue" or "data/units.json". */
  readonly what: string
  readonly problems: ReadonlyArray<Problem>
}> {
  override get message(): string {
    const lines = this.problems.map((p) => (p.path === "" ? p.message : `${p.path}: ${p.message}`))
    return `${this.what} is invalid (${this.problems.length} problem${this.problems.length === 1 ? "" : "s"}):\n  ${lines.join("\n  ")}`
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

const UNKNOWN_FIELD = "trường không được hỗ trợ: viết sai tên? (unknown field: misspelt?)"

/** Renders a path of keys as `a.b[3]["odd key"]`; `prefix` is the name of the root, if any. */
export function formatPath(path: ReadonlyArray<PropertyKey>, prefix = ""): string {
  let out = prefix
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`
    else if (typeof key === "string" && IDENTIFIER.test(key)) out += out === "" ? key : `.${key}`
    else out += `[${JSON.stringify(String(key))}]`
  }
  return out
}

const toStandard = SchemaIssue.makeFormatterStandardSchemaV1()

/** The problems of a schema error as flat `{ path, message }` entries. */
export function problemsOf(issue: SchemaIssue.Issue, prefix = ""): Problem[] {
  return toStandard(issue).issues.map((entry) => ({
    path: formatPath(
      (entry.path ?? []).map((segment) => (typeof segment === "object" ? segment.key : segment)),
      prefix,
    ),
    message: entry.message,
  }))
}

export interface DecodeOptions {
  /**
   * A field the schema does not name: `"error"` refuses it with its path (request bodies: a misspelt field must not
   * be silently dropped), `"ignore"` (default) leaves it out.
   */
  readonly unknownFields?: "error" | "ignore"
}

/**
 * Decodes `input` with `schema`, collecting every problem (not only the first).
 * `what` names the input in the error; `prefix` is prepended to paths (e.g. "procedures").
 */
export function decodeAll<S extends Schema.Decoder<unknown>>(
  schema: S,
  input: unknown,
  what: string,
  prefix = "",
  options: DecodeOptions = {},
): Result.Result<S["Type"], DecodeError> {
  const exit = Schema.decodeUnknownExit(schema)(input, {
    errors: "all",
    onExcessProperty: options.unknownFields ?? "ignore",
  })
  if (Exit.isSuccess(exit)) return Result.succeed(exit.value)
  const problems: Problem[] = []
  for (const reason of exit.cause.reasons) {
    if (reason._tag === "Fail" && Schema.isSchemaError(reason.error))
      problems.push(
        ...problemsOf(reason.error.issue, prefix).map((p) =>
          p.message === "Expected no excess property" ? { path: p.path, message: UNKNOWN_FIELD } : p,
        ),
      )
    else problems.push({ path: prefix, message: String(reason) })
  }
  return Result.fail(new DecodeError({ what, problems }))
}
