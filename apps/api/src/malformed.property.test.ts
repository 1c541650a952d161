// Generated malformed requests — bad JSON, wrong types, huge fields, unknown codes, random query strings, random
// paths, methods and content types — never get a 5xx, and every error is a well-formed problem.
import { Schema } from "effect"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { DEMO_GATEWAY_KEY } from "./demo.ts"
import {
  citizen,
  officer,
  residenceFiling,
  send as sendAs,
  type TestSystem,
  testSystem,
} from "./dossier.test-support.ts"
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from "./problem.ts"
import { actionSegments } from "./routes/dossiers.ts"
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

describe("the dossier, document, lookup, audit and session routes never get a 5xx either", () => {
  let system: TestSystem
  const codes: string[] = []
  let counterHeaders: Record<string, string> = {}
  beforeAll(async () => {
    system = await testSystem("memory", { documentLimit: 32 * 1024 })
    for (const key of ["p-1", "p-2"]) {
      const filed = await sendAs(system.app, citizen(), "POST", "/api/v1/dossiers", residenceFiling(), {
        "idempotency-key": key,
      })
      codes.push(((await filed.json()) as { code: string }).code)
    }
    counterHeaders = (await officer(system.app, "cb-hg-01")).headers
  })
  afterAll(async () => system?.close())

  const dossierCode = fc.oneof(
    fc.constantFrom("000.11.50.H49-251006-0001", "000.11.50.H49-251006-0002", "000.11.50.H49-991399-0001"),
    fc.stringMatching(/^\d{3}\.\d{2}\.\d{2}\.H\d{2}-\d{6}-\d{4}$/),
    nastyString,
  )
  const newRoute = fc.oneof(
    fc.constantFrom("/api/v1/dossiers", "/api/v1/documents", "/api/v1/session", "/api/v1/session/sign-out"),
    fc.constantFrom("/api/v1/work-queue", "/api/v1/audit/chain", "/api/v1/payments/callback"),
    dossierCode.map((c) => `/api/v1/dossiers/${segment(c)}`),
    dossierCode.map((c) => `/api/v1/dossiers/${segment(c)}/audit`),
    dossierCode.map((c) => `/api/v1/lookup/${segment(c)}`),
    fc.tuple(dossierCode, fc.constantFrom(...actionSegments)).map(([c, a]) => `/api/v1/dossiers/${segment(c)}/${a}`),
  )
  const credentials = fc.constantFrom<"none" | "citizen" | "gateway" | "officer" | "officer-no-csrf" | "garbage">(
    "none",
    "citizen",
    "gateway",
    "officer",
    "officer-no-csrf",
    "garbage",
  )
  const headersOf = (who: string): Record<string, string> => {
    switch (who) {
      case "citizen":
        return citizen().headers
      case "gateway":
        return { authorization: `Bearer ${DEMO_GATEWAY_KEY}` }
      case "officer":
        return counterHeaders
      case "officer-no-csrf":
        return { cookie: counterHeaders.cookie ?? "" }
      case "garbage":
        return { authorization: "Bearer \u00ff\u0000", cookie: "motcua_session=%%%" }
      default:
        return {}
    }
  }
  /** Bodies shaped like the actions' and the filing's, wrong in many ways. */
  const dossierBody = fc.oneof(
    fc.record(
      {
        expectedVersion: fc.oneof(fc.integer({ min: -2, max: 5 }), anyValue),
        reasons: fc.oneof(fc.array(fc.string(), { maxLength: 2 }), anyValue),
        missing: fc.oneof(fc.array(fc.record({ description: fc.string() }), { maxLength: 2 }), anyValue),
        applicantDeadline: fc.oneof(fc.constantFrom("2025-10-17T10:00:00.000Z", "2025-02-30T00:00:00Z"), anyValue),
        documents: fc.oneof(fc.array(fc.record({ id: fc.constantFrom("ct01", "x") }), { maxLength: 2 }), anyValue),
        method: fc.oneof(fc.constantFrom("counter", "post", "e-wallet"), anyValue),
        documentId: fc.oneof(fc.constantFrom("doc-1"), anyValue),
        paymentId: anyValue,
        amount: fc.oneof(fc.integer(), anyValue),
        username: fc.oneof(fc.constantFrom("cb-hg-01", "nobody"), anyValue),
        password: fc.oneof(fc.constantFrom("motcua-demo-2025", "x"), anyValue),
      },
      { requiredKeys: [] },
    ),
    fc.constant(residenceFiling()),
    fc.record(
      { procedureCode: code, applicant: anyValue, residence: anyValue, documents: anyValue },
      { requiredKeys: [] },
    ),
  )
  const anyBody = fc.oneof(
    fc.constant(undefined),
    dossierBody.map((b) => JSON.stringify(b)),
    body,
  )
  const uploadType = fc.oneof(contentType, fc.constantFrom("application/pdf", "image/png", "image/jpeg; x=1"))

  test("any method, route, credentials, Idempotency-Key, body and content type", async () => {
    await fc.assert(
      fc.asyncProperty(
        method,
        fc.tuple(newRoute, queryString).map(([r, q]) => r + q),
        credentials,
        fc.option(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom("k-1", "k-2"))),
        anyBody,
        uploadType,
        async (m, path, who, key, payload, type) => {
          const headers: Record<string, string> = { ...headersOf(who) }
          if (type !== undefined) headers["content-type"] = type
          if (key !== null) headers["idempotency-key"] = key
          const withBody = payload !== undefined && m !== "GET" && m !== "HEAD"
          let response: Response
          try {
            response = await system.app.request(path, { method: m, headers, ...(withBody ? { body: payload } : {}) })
          } catch (error) {
            // Headers the fetch API itself refuses (invalid characters) never reach the app.
            if (error instanceof TypeError) return
            throw error
          }
          seen.add(response.status)
          expect(response.status, `${m} ${path} as ${who}`).toBeLessThan(500)
          if (response.status >= 400 && m !== "HEAD") {
            expect(response.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE)
            expect(Schema.decodeUnknownSync(ProblemDetails)(await response.json()).status).toBe(response.status)
          }
        },
      ),
      { numRuns: 400 },
    )
  })

  test("reached authentication, authorisation and conflict answers", () => {
    for (const status of [401, 403]) expect(seen, `status ${status}`).toContain(status)
    expect(codes.length).toBe(2)
  })
})
