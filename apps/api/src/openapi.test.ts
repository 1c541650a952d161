// The OpenAPI document: 3.1, every route the app serves is in it, every $ref resolves, and it describes what the
// app really does (the problem schema validates real problem answers).
import { describe, expect, test } from "vitest"
import { actionSegments } from "./routes/dossiers.ts"
import { testApp } from "./testing.test-support.ts"

type Json = Record<string, unknown>
const { app } = testApp()
const document = (await (await app.request("/openapi.json")).json()) as Json
const paths = document.paths as Record<string, Record<string, Json>>

/** Every `$ref` anywhere in the document, with where it was found. */
function refs(value: unknown, at = "#"): Array<{ ref: string; at: string }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => refs(v, `${at}/${i}`))
  if (typeof value !== "object" || value === null) return []
  return Object.entries(value).flatMap(([k, v]) =>
    k === "$ref" && typeof v === "string" ? [{ ref: v, at }] : refs(v, `${at}/${k}`),
  )
}

/** Resolves a local JSON pointer (`#/components/schemas/Procedure`) in the document. */
function resolve(pointer: string): unknown {
  if (!pointer.startsWith("#/")) return undefined
  let node: unknown = document
  for (const raw of pointer.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~")
    if (typeof node !== "object" || node === null || !(key in node)) return undefined
    node = (node as Json)[key]
  }
  return node
}

describe("/openapi.json", () => {
  test("is an OpenAPI 3.1 document with info", () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/)
    expect((document.info as Json).title).toBeTruthy()
    expect((document.info as Json).version).toBeTruthy()
  })

  test("describes every route the app serves, and nothing it does not", () => {
    const served = app.routes
      .filter((r) => r.method !== "ALL")
      // the HTML page behind a result's QR code (and its plain form) is a page, not an API operation: its JSON
      // twins GET and POST /api/v1/verify/{id} are described
      .filter((r) => r.path !== "/verify/:id")
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`)
    const described = Object.entries(paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m} ${path}`))
    expect([...new Set(served)].sort()).toEqual(described.sort())
    expect(described.length).toBeGreaterThanOrEqual(12)
  })

  test("every $ref resolves", () => {
    const all = refs(document)
    expect(all.length).toBeGreaterThan(10)
    for (const { ref, at } of all) expect(resolve(ref), `${ref} at ${at}`).toBeDefined()
  })

  test("path parameters match the templates, and each operation has an id and responses", () => {
    const ids = new Set<string>()
    for (const [path, item] of Object.entries(paths))
      for (const [method, op] of Object.entries(item)) {
        const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
        const declared = (op.parameters as Json[])
          .filter((p) => p.in === "path")
          .map((p) => p.name)
          .sort()
        expect(declared, `${method} ${path}`).toEqual(templated)
        expect(typeof op.operationId).toBe("string")
        expect(ids.has(op.operationId as string)).toBe(false)
        ids.add(op.operationId as string)
        expect(Object.keys(op.responses as Json).length).toBeGreaterThan(0)
      }
  })

  test("the fee quote request body and its problems are described from the Schemas", () => {
    const post = paths["/api/v1/fee-quotes"]?.post as Json
    const body = resolve("#/components/schemas/FeeQuoteRequest") as Json
    expect(((post.requestBody as Json).content as Json)["application/json"]).toEqual({
      schema: { $ref: "#/components/schemas/FeeQuoteRequest" },
    })
    expect(body.required).toEqual(expect.arrayContaining(["procedureCode", "channel"]))
    expect((body.properties as Json).channel).toMatchObject({ enum: ["counter", "online", "post"] })
    const responses = post.responses as Json
    for (const status of ["200", "400", "404", "413", "415", "422", "500"]) expect(responses[status]).toBeDefined()
    const problem = resolve("#/components/schemas/Problem") as Json
    expect(problem.required).toEqual(
      expect.arrayContaining(["type", "title", "status", "detail", "instance", "errors"]),
    )
  })

  test("every lifecycle action's body requires expectedVersion, and its description says so", () => {
    for (const segment of actionSegments) {
      const post = paths[`/api/v1/dossiers/{code}/${segment}`]?.post as Json
      const schema = (((post.requestBody as Json).content as Json)["application/json"] as Json).schema as Json
      const body = (typeof schema.$ref === "string" ? resolve(schema.$ref) : schema) as Json
      expect(body.required, segment).toContain("expectedVersion")
      expect(post.description, segment).toContain("expectedVersion")
      expect((post.responses as Json)["409"], segment).toBeDefined()
    }
  })

  test("query parameters come from the query Schemas, with their enums", () => {
    const search = paths["/api/v1/procedures"]?.get as Json
    const params = search.parameters as Json[]
    expect(params.map((p) => p.name).sort()).toEqual(["authority", "field", "level", "on", "q"])
    expect(params.every((p) => p.in === "query" && p.required === false)).toBe(true)
    expect(params.find((p) => p.name === "level")?.schema).toMatchObject({ enum: ["province", "commune"] })
  })

  test("formats of codes and dates are exported as patterns", () => {
    const get = paths["/api/v1/procedures/{code}"]?.get as Json
    const params = get.parameters as Json[]
    const pattern = (name: string) => {
      const schema = params.find((p) => p.name === name)?.schema as Json | undefined
      return String(schema?.pattern)
    }
    expect(new RegExp(pattern("code")).test("1.004222")).toBe(true)
    expect(new RegExp(pattern("code")).test("1.04222")).toBe(false)
    expect(new RegExp(pattern("on")).test("2025-12-01")).toBe(true)
    expect(new RegExp(pattern("on")).test("2025-13-01")).toBe(false)
  })

  test("numbers are plain JSON numbers (no NaN/Infinity strings from the JSON codec)", () => {
    expect(JSON.stringify(document)).not.toContain('"Infinity"')
  })
})

describe("/openapi.json for clients and linters (issue 16)", () => {
  const operations = Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  )

  test("every operation states its security: public ones an empty list, the payment callback only the API key", () => {
    for (const { op } of operations) expect(Array.isArray(op.security), String(op.operationId)).toBe(true)
    const byId = new Map(operations.map(({ op }) => [op.operationId, op.security]))
    expect(byId.get("lookupDossier") ?? byId.get("publicLookup")).toEqual([])
    expect(byId.get("paymentCallback")).toEqual([{ apiKey: [] }])
    expect(operations.filter(({ op }) => (op.security as unknown[]).length === 0).length).toBeGreaterThan(5)
  })

  test("names a server", () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: "/" })])
  })

  test("applicantDeadline is a date-time, every {code} parameter has a pattern", () => {
    const schemas = (document.components as Json).schemas as Record<string, Json>
    const request = schemas.RequestSupplementationRequest?.properties as Record<string, Json>
    expect(request.applicantDeadline?.format).toBe("date-time")
    const codes = operations.flatMap(({ op }) =>
      ((op.parameters ?? []) as Json[]).filter((p) => p.in === "path" && p.name === "code"),
    )
    expect(codes.length).toBeGreaterThan(10)
    for (const code of codes) expect((code.schema as Json).pattern, JSON.stringify(code)).toBeTypeOf("string")
    const lookup = (paths["/api/v1/lookup/{code}"]?.get?.parameters ?? []) as Json[]
    const dossierCode = new RegExp(((lookup[0]?.schema ?? {}) as Json).pattern as string)
    expect(dossierCode.test("000.11.50.H49-251006-0001")).toBe(true)
    expect(dossierCode.test("../etc/passwd")).toBe(false)
  })

  test("counts (totals, entries, sizes, sequence numbers) have minimum 0", () => {
    const counts: Json[] = []
    const visit = (node: unknown, key: string) => {
      if (Array.isArray(node)) {
        for (const n of node) visit(n, key)
      } else if (typeof node === "object" && node !== null) {
        const json = node as Json
        if (["total", "entries", "size", "seq"].includes(key) && json.type === "integer") counts.push(json)
        for (const [k, v] of Object.entries(json)) visit(v, k)
      }
    }
    visit(document, "")
    expect(counts.length).toBeGreaterThanOrEqual(5)
    for (const count of counts) expect(count.minimum).toBe(0)
  })
})

describe("/docs", () => {
  test("is a self-contained HTML page listing every operation, problem and schema", async () => {
    const response = await app.request("/docs")
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toContain("text/html")
    const html = await response.text()
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!spec)/)
    for (const [path, item] of Object.entries(paths))
      for (const op of Object.values(item)) {
        expect(html).toContain(path)
        expect(html).toContain(`id="op-${op.operationId}"`)
      }
    for (const name of Object.keys((document.components as Json).schemas as Json))
      expect(html).toContain(`id="schema-${name}"`)
    expect(html).toContain('id="problem-invalid-input"')
  })
})

describe("the document's security, servers and formats (issue 16)", () => {
  test("public operations say they need no credential; the gateway's callback takes only an API key", async () => {
    const doc = (await (await testApp().app.request("/openapi.json")).json()) as {
      servers: Array<{ url: string }>
      paths: Record<
        string,
        Record<string, { security?: unknown; parameters?: Array<{ name: string; schema: { pattern?: string } }> }>
      >
      components: { schemas: Record<string, { properties?: Record<string, { format?: string; minimum?: number }> }> }
    }
    expect(doc.servers.map((s) => s.url)).toEqual(["/"])
    expect(doc.paths["/api/v1/procedures"]?.get?.security).toEqual([])
    expect(doc.paths["/api/v1/lookup/{code}"]?.get?.security).toEqual([])
    // the scheme that says "an integration client's API key only" (not the bearer that also takes citizens' tokens)
    expect(doc.paths["/api/v1/payments/callback"]?.post?.security).toEqual([{ apiKey: [] }])
    expect(doc.paths["/api/v1/dossiers/{code}"]?.get?.security).toEqual([{ session: [] }, { bearer: [] }])
    const code = doc.paths["/api/v1/dossiers/{code}"]?.get?.parameters?.find((p) => p.name === "code")
    expect(code?.schema.pattern).toBeDefined()
    expect(new RegExp(code?.schema.pattern ?? "^$").test("000.11.50.H49-251006-0001")).toBe(true)
    expect(doc.components.schemas.WorkQueue?.properties?.total?.minimum).toBe(0)
  })
})
