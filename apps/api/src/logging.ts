// Structured JSON logs that never carry personal data. The request log holds the path (never the query string or
// the body), and every line passes through `maskPersonalData` before it is written, so that an ID number, a phone
// number or an applicant's name that reaches a log by any route (a path segment, an error message, a request id)
// comes out masked (Decree 13/2023 on personal data protection). Effect's own log calls go through the same logger
// (effectLoggerLayer, installed by createRuntime), so no route around the masking is left.
import { Cause, Logger as EffectLogger } from "effect"

export type LogLevel = "info" | "warn" | "error"

/** One log line; `time` and `level` are added by the logger. */
export type LogFields = Readonly<Record<string, unknown>>

export interface Logger {
  readonly log: (level: LogLevel, message: string, fields?: LogFields) => void
  /** The one line per HTTP request (message "request"), the same as `log` would write for these fields. */
  readonly request: (level: LogLevel, fields: RequestLogFields) => void
}

/** The fields of the request log line: all flat, so they are masked one by one rather than by the generic walk. */
export interface RequestLogFields {
  readonly method: string
  readonly path: string
  readonly status: number
  readonly durationMs: number
  readonly requestId: string
}

/** What a masked named field is replaced with. */
export const MASKED = "***"

/** Keys whose values are personal data wherever they appear. */
const PERSONAL_KEYS = new Set(
  ["fullName", "address", "idNumber", "phone", "phoneNumber", "email", "dateOfBirth", "birthDate"].map((k) =>
    k.toLowerCase(),
  ),
)
/** Objects under these keys describe a person, so their `name` is personal too (a procedure's `name` is not). */
const PERSON_CONTAINERS = /applicant|representative|citizen|person|owner|recipient|requester|holder/i

// Order matters: a 12-digit citizen ID (CCCD) is masked before a phone number could match inside it, and the 9-digit
// old ID (CMND) last, so that neither eats part of a longer number. Lookarounds stop matches inside longer digit runs.
const CITIZEN_ID = /(?<!\d)\d{9}(\d{3})(?!\d)/g
const PHONE = /(?<![\d+])(?:\+84|84|0)(?:[ .-]?\d){8,10}(?!\d)/g
const OLD_ID = /(?<!\d)\d{9}(?!\d)/g
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g
const HAS_DIGIT = /\d/

/** Masks ID numbers (keeping the last 3 digits of a 12-digit one), old 9-digit IDs, phone numbers and e-mails. */
export function maskText(text: string): string {
  // Each pattern needs a digit (the numbers) or an `@` (e-mails), and the replacements add neither `@` nor a digit
  // that was not there: text without them is returned as it is, without running the patterns (the e-mail pattern
  // backtracks over every run of word characters, e.g. a request id, before finding no `@`).
  const digits = HAS_DIGIT.test(text)
  const at = text.includes("@")
  if (!digits && !at) return text
  const numbers = digits
    ? text
        .replace(CITIZEN_ID, (_, last: string) => `*********${last}`)
        .replace(PHONE, MASKED)
        .replace(OLD_ID, "*********")
    : text
  return at ? numbers.replace(EMAIL, MASKED) : numbers
}

/** An ID or phone number sent as a JSON number is still one: masked as text when it looks like one. */
function maskNumber(v: number): number | string {
  if (!Number.isInteger(v) || Math.abs(v) < 1e8) return v
  const masked = maskText(String(v))
  return masked === String(v) ? v : masked
}

/**
 * A copy of `value` safe to log: personal fields replaced by `***`, and personal numbers masked inside every string.
 * Cycles and very deep values are cut rather than followed.
 */
export function maskPersonalData(value: unknown): unknown {
  const seen = new WeakSet<object>()
  const visit = (v: unknown, inPerson: boolean, depth: number): unknown => {
    if (typeof v === "string") return maskText(v)
    if (typeof v === "number") return maskNumber(v)
    if (typeof v !== "object" || v === null) return v
    if (seen.has(v) || depth > 20) return "[…]"
    seen.add(v)
    if (v instanceof Error) return { name: v.name, message: maskText(v.message) }
    if (Array.isArray(v)) return v.map((item) => visit(item, inPerson, depth + 1))
    const out: Record<string, unknown> = {}
    for (const [key, field] of Object.entries(v)) {
      const lower = key.toLowerCase()
      if (PERSONAL_KEYS.has(lower) || (inPerson && lower === "name")) out[key] = MASKED
      else out[key] = visit(field, inPerson || PERSON_CONTAINERS.test(key), depth + 1)
    }
    return out
  }
  return visit(value, false, 0)
}

/** What stands for a path segment that is not logged. */
export const HIDDEN_SEGMENT = "…"

/**
 * The path as logged: segments that are part of the API's own routes, or codes (which start with a digit, like
 * `1.004222`, `22225` or `000.00.22.H49-261123-0001`), are kept; any other segment is free text a client typed (a
 * name, say) and is hidden. Digits that remain still go through `maskText` with the rest of the line.
 */
export function loggablePath(path: string, routeSegments: ReadonlySet<string>): string {
  return path
    .split("/")
    .map((segment) =>
      segment === "" || routeSegments.has(segment) || /^\d[\w.-]*$/.test(segment) ? segment : HIDDEN_SEGMENT,
    )
    .join("/")
}

/** A logger writing one JSON line per call; `write` is `console.log`-like (tests pass a collector). */
export function jsonLogger(write: (line: string) => void, now: () => Date = () => new Date()): Logger {
  return {
    log: (level, message, fields = {}) => {
      const line = maskPersonalData({ time: now().toISOString(), level, message, ...fields })
      write(JSON.stringify(line))
    },
    // Every request writes this line: its fields are known and flat, so each string is masked with `maskText`
    // directly (what `maskPersonalData` does to a flat record whose keys are not personal), without the walk.
    // `time` is the logger's own clock and `level`/`message` are constants; status and duration are small numbers.
    request: (level, fields) => {
      write(
        JSON.stringify({
          time: now().toISOString(),
          level,
          message: "request",
          method: maskText(fields.method),
          path: maskText(fields.path),
          status: maskNumber(fields.status),
          durationMs: maskNumber(fields.durationMs),
          requestId: maskText(fields.requestId),
        }),
      )
    },
  }
}

/** A logger that keeps its lines in memory, for tests. */
export function memoryLogger(now?: () => Date): Logger & { readonly lines: string[] } {
  const lines: string[] = []
  return { lines, ...jsonLogger((line) => lines.push(line), now) }
}

const LEVELS: Readonly<Record<string, LogLevel>> = { Fatal: "error", Error: "error", Warn: "warn" }

/**
 * Effect's own log calls (`Effect.logWarning`/`logError` in the outbox relay, …) written through `logger`, so they
 * are masked like every other line. It replaces Effect's default console logger, which would print them as they
 * are. The first string argument is the message; object arguments become fields; a cause is added as text.
 */
export function effectLoggerLayer(logger: Logger) {
  return EffectLogger.layer([
    EffectLogger.make((options) => {
      const parts = Array.isArray(options.message) ? options.message : [options.message]
      let message: string | undefined
      const fields: Record<string, unknown> = {}
      const extra: unknown[] = []
      for (const part of parts) {
        if (message === undefined && typeof part === "string") message = part
        else if (typeof part === "object" && part !== null && !Array.isArray(part) && !(part instanceof Error))
          Object.assign(fields, part)
        else extra.push(part)
      }
      if (extra.length > 0) fields.details = extra
      if (options.cause.reasons.length > 0) fields.cause = Cause.pretty(options.cause)
      logger.log(LEVELS[options.logLevel] ?? "info", message ?? "", fields)
    }),
  ])
}
