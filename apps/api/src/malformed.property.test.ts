// Generated malformed requests — bad JSON, wrong types, huge fields, unknown codes, random query strings, random
// paths, methods and content types — never get a 5xx, and every error is a well-formed problem.
import { Schema } from "effect"
import fc from "fast-check"
import { describe, expect, test } from "vitest"
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from "./problem.ts"
import { data, testApp } from "./testing.test-support.ts"

const { app } = testApp()

const realProcedureCodes = [...new Set(data.catalogue.map((p) => p.code))]
const realUnitCodes = data.jurisdiction.units.map((u) => u.code)

/** Strings that are hard on parsers: empty, huge, unicode, percent escapes that do not decode, JSON-looking. */
const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "%", "%E0%A4%A", "..", "%2F", "null", "{}", "[]", "1e309", "-0", "__proto__", "constructor"),
  fc.integer({ min: 1, max: 4 }).map((n) => "x".repeat(n * 3000)),
)

const code = fc.oneof(
  fc.constantFrom(...realProcedureCodes, ...realUnitCodes),
  fc.stringMatching(/^\d\.\d{6}$/),
  fc.stringMatching(/^\d{5}$/),
  nastyString,
)

const segment = (s: string) => (s === "" ? s : encodeURIComponent(s))
const route = fc.oneof(
  fc.constantFrom("/api/v1/procedures", "/api/v1/units", "/api/v1/intake-points", "/api/v1/agencies"),
  fc.constantFrom("/api/v1/fee-quotes", "/healthz", "/readyz", "/openapi.json", "/docs"),
  code.map((c) => `/api/v1/procedures/${segment(c)}`),
  code.map((c) => `/api/v1/procedures/${segment(c)}/versions`),
  code.map((c) => `/api/v1/units/${segment(c)}`),
  fc.array(nastyString, { maxLength: 5 }).map((parts) => `/${parts.map(segment).join("/")}`),
  fc.constantFrom("/api/v1/procedures/%", "/api/v1/units/%E0%A4%A", "//", "/api/v1/../healthz", "/api/v1/units/"),
)

const queryKey = fc.oneof(
  fc.constantFrom("q", "field", "level", "authority", "on", "kind", "unit"),
  fc.string({ maxLength: 10 }),
)
const queryString = fc
  .array(fc.tuple(queryKey, nastyString), { maxLength: 6 })
  .map((pairs) =>
    pairs.length === 0
      ? ""
      : `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")}`,
  )

/** A fee quote body that is right in shape often enough to reach the domain, wrong in many other ways. */
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), nastyString)
const feeBody = fc.record(
  {
    procedureCode: fc.oneof(code, anyValue),
    channel: fc.oneof(fc.constantFrom("counter", "online", "post"), anyValue),
    on: fc.oneof(fc.constantFrom("2025-12-01", "2000-01-01", "2025-02-30"), anyValue),
    variantId: fc.oneof(fc.constantFrom("qua-han", "nha-o-rieng-le", "theo-danh-sach"), anyValue),
    applicantCategories: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), anyValue),
    quantities: fc.oneof(
      fc.dictionary(
        fc.constantFrom("copy", "page", "item", "certificate", "person", "vehicle", "other"),
        fc.oneof(fc.integer({ min: -5, max: 1_000_000 }), fc.double(), anyValue),
      ),
      anyValue,
    ),
    declaredValue: fc.oneof(fc.integer(), fc.double(), anyValue),
    area: fc.oneof(fc.double(), anyValue),
  },
  { requiredKeys: [] },
)

/** A fee quote body valid in shape for a real procedure, so that the domain's own rules answer (200 or 422). */
const plausibleFeeBody = fc.record(
  {
    procedureCode: fc.constantFrom(...realProcedureCodes),
    channel: fc.constantFrom("counter", "online", "post"),
    variantId: fc.constantFrom("qua-han", "nha-o-rieng-le", "theo-danh-sach", "unknown-case"),
    applicantCategories: fc.array(fc.constantFrom("poor-household", "person-with-disability", "child", "other")),
    quantities: fc.dictionary(
      fc.constantFrom("copy", "page", "item", "certificate", "person", "vehicle"),
      fc.integer({ min: 0, max: 50 }),
    ),
    declaredValue: fc.integer({ min: 0, max: 10_000_000_000 }),
    area: fc.double({ min: 0, max: 100_000, noNaN: true }),
  },
  { requiredKeys: ["procedureCode", "channel"] },
)

const body = fc.oneof(
  fc.constant(undefined),
  feeBody.map((b) => JSON.stringify(b)),
  plausibleFeeBody.map((b) => JSON.stringify(b)),
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 200 }),
  fc.constantFrom("{", '{"channel":', "[", "\u0000", '{"a":1}}', "\ufeff{}"),
  fc.integer({ min: 1, max: 3 }).map((n) => JSON.stringify({ channel: "counter", pad: "x".repeat(n * 600_000) })),
)

const contentType = fc.oneof(
  fc.constantFrom(
    undefined,
    "application/json",
    "application/json; charset=utf-8",
    "application/problem+json",
    "text/plain",
    "multipart/form-data; boundary=x",
    "application/x-www-form-urlencoded",
    "application/jsonx",
  ),
  fc.string({ maxLength: 30 }),
)

const method = fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")
const jsonType = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("application/json", "application/json; charset=utf-8") },
  { weight: 1, arbitrary: contentType },
)

interface Sent {
  readonly method: string
  readonly path: string
  readonly body?: string | undefined
  readonly contentType?: string | undefined
  readonly requestId?: string | null
}

/** The statuses seen, to show (and check) that the generators reach past the first line of defence. */
const seen = new Set<number>()

async function send({ method, path, body, contentType, requestId }: Sent): Promise<void> {
  const headers: Record<string, string> = {}
  if (contentType !== undefined) headers["content-type"] = contentType
  if (requestId !== undefined && requestId !== null) headers["x-request-id"] = requestId
  const withBody = body !== undefined && method !== "GET" && method !== "HEAD"
  const response = await app.request(path, { method, headers, ...(withBody ? { body } : {}) })
  seen.add(response.status)
  expect(response.status, `${method} ${path}`).toBeLessThan(500)
  expect(response.headers.get("x-request-id")).toBeTruthy()
  if (response.status >= 400 && method !== "HEAD") {
    expect(response.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE)
    const problem = Schema.decodeUnknownSync(ProblemDetails)(await response.json())
    expect(problem.status).toBe(response.status)
  }
  if (response.status === 405) expect(response.headers.get("allow")).toBeTruthy()
}

describe("malformed requests never get a 5xx; every error is a problem+json with its status", () => {
  test("any method, path, query, body, content type and request id", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          method,
          path: fc.tuple(route, queryString).map(([r, q]) => r + q),
          body,
          contentType,
          requestId: fc.option(fc.string({ maxLength: 200 })),
        }),
        send,
      ),
      { numRuns: 300 },
    )
  })

  test("GET with random codes and query strings", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(route, queryString).map(([r, q]) => r + q),
        (path) => send({ method: "GET", path }),
      ),
      { numRuns: 400 },
    )
  })

  test("fee quote bodies: wrong types, huge fields, unknown codes, bad JSON", async () => {
    await fc.assert(
      fc.asyncProperty(body, jsonType, (payload, type) =>
        send({ method: "POST", path: "/api/v1/fee-quotes", body: payload, contentType: type }),
      ),
      { numRuns: 400 },
    )
  })

  test("the generators reached every kind of answer", () => {
    for (const status of [200, 400, 404, 405, 413, 415, 422]) expect(seen, `status ${status}`).toContain(status)
  })
})
