// Shared by the API tests: the real Quảng Ninh data, an app over it with a fixed clock and captured logs, and
// helpers to send JSON and read problem responses.
import { DATA_DIR, loadQuangNinh, type QuangNinhData } from "@motcua/catalog-quangninh"
import { Result, Schema } from "effect"
import { type AppOptions, createApp } from "./app.ts"
import { memoryLogger } from "./logging.ts"
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from "./problem.ts"

function load(): QuangNinhData {
  const data = loadQuangNinh()
  if (Result.isFailure(data)) throw data.failure
  return data.success
}

export const data: QuangNinhData = load()
export { DATA_DIR }

/** A fixed "now": 10:00 in Vietnam on 1 December 2025, after the two-level government took effect. */
export const NOW = new Date("2025-12-01T03:00:00Z")
export const TODAY = "2025-12-01"

export function testApp(overrides: Partial<AppOptions> = {}) {
  const logger = memoryLogger(() => NOW)
  let ids = 0
  const app = createApp({
    ...data,
    logger,
    now: () => NOW,
    requestId: () => `test-${++ids}`,
    ...overrides,
  })
  return { app, logger, logs: () => logger.lines.map((line) => JSON.parse(line) as Record<string, unknown>) }
}

export const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  body: typeof body === "string" ? body : JSON.stringify(body),
  headers: { "content-type": "application/json", ...headers },
})

/** Reads a problem response, failing loudly if it is not `application/problem+json` of the Problem shape. */
export async function readProblem(response: Response): Promise<ProblemDetails> {
  const type = response.headers.get("content-type")
  if (type !== PROBLEM_CONTENT_TYPE)
    throw new Error(`expected ${PROBLEM_CONTENT_TYPE}, got ${type} (${response.status})`)
  return Schema.decodeUnknownSync(ProblemDetails)(await response.json())
}

/** The paths of a problem's invalid fields, sorted. */
export const pathsOf = (problem: ProblemDetails): string[] => problem.errors.map((e) => e.path).sort()
