// Authorisation over HTTP, deny by default: every operation that needs a caller answers 401 without credentials
// (taken from the operations table, so a new route cannot be forgotten), 403 out of scope, 403 for a session cookie
// without its CSRF token; a sample of role × action × scope; document uploads and their limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createApp } from "./app.ts"
import { DEMO_GATEWAY_KEY } from "./demo.ts"
import {
  type Credentials,
  citizen,
  gateway,
  HOUR,
  officer,
  pdf,
  residenceFiling,
  send,
  type TestSystem,
  testSystem,
} from "./dossier.test-support.ts"
import { memoryLogger } from "./logging.ts"
import { openApiDocument } from "./openapi.ts"
import { readProblem } from "./testing.test-support.ts"

let system: TestSystem
beforeAll(async () => {
  system = await testSystem("memory", { documentLimit: 64 * 1024 })
})
afterAll(async () => system?.close())

const file = async (key: string) => {
  const response = await send(system.app, citizen(), "POST", "/api/v1/dossiers", residenceFiling(), {
    "idempotency-key": key,
  })
  expect(response.status).toBe(201)
  return (await response.json()) as { code: string; version: number }
}

describe("deny by default", () => {
  it("every operation with `security` in the OpenAPI document answers 401 without credentials", async () => {
    const document = (await (await system.app.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>
    }
    const secured = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        // public operations carry `security: []` (no credential needed)
        .filter(([, op]) => Array.isArray(op.security) && op.security.length > 0)
        .map(([method, _]) => ({
          method: method.toUpperCase(),
          path: path.replace(/\{code\}/, "000.11.50.H49-251006-0001"),
        })),
    )
    expect(secured.length).toBeGreaterThan(20)
    for (const { method, path } of secured) {
      const response = await send(system.app, undefined, method, path, method === "POST" ? {} : undefined)
      expect(response.status, `${method} ${path}`).toBe(401)
      expect((await readProblem(response)).title).toBe("Chưa xác thực")
    }
  })

  it("unknown, malformed or revoked credentials are 401, never a lookup of something else", async () => {
    for (const authorization of [
      "Bearer nope-nope-nope",
      "Bearer mck_not-a-key-at-all",
      "Basic abc",
      "Bearer",
      "Bearer a b",
    ]) {
      const response = await send(system.app, { headers: { authorization } }, "GET", "/api/v1/session")
      expect(response.status, authorization).toBe(401)
    }
    const badCookie = await send(
      system.app,
      { headers: { cookie: "motcua_session=forged-session-token" } },
      "GET",
      "/api/v1/session",
    )
    expect(badCookie.status).toBe(401)
    const wrongPassword = await send(system.app, undefined, "POST", "/api/v1/session", {
      username: "cb-hg-01",
      password: "x",
    })
    const unknownUser = await send(system.app, undefined, "POST", "/api/v1/session", {
      username: "nobody",
      password: "x",
    })
    expect([wrongPassword.status, unknownUser.status]).toEqual([401, 401])
    expect((await readProblem(wrongPassword)).detail).toBe((await readProblem(unknownUser)).detail)
  })

  it("the session cookie is HttpOnly, SameSite=Lax; Secure when configured", async () => {
    const response = await send(system.app, undefined, "POST", "/api/v1/session", {
      username: "cb-hg-01",
      password: "motcua-demo-2025",
    })
    const [session, csrf] = response.headers.getSetCookie()
    expect(session).toMatch(/^motcua_session=[\w-]{40,};.*HttpOnly/)
    expect(session).toContain("SameSite=Lax")
    expect(session).not.toContain("Secure")
    expect(csrf).not.toContain("HttpOnly")
    const secure = createApp({ ...system.runtime.data, logger: memoryLogger(), runtime: system.runtime })
    const secured = await send(secure, undefined, "POST", "/api/v1/session", {
      username: "cb-hg-01",
      password: "motcua-demo-2025",
    })
    expect(secured.headers.getSetCookie().every((c) => c.includes("Secure"))).toBe(true)
  })
})

describe("CSRF: a cookie-authenticated unsafe request needs the session's token in x-csrf-token", () => {
  it("is refused without it or with another session's token, accepted with its own; GET needs none", async () => {
    const { code, version } = await file("csrf-1")
    system.advance(HOUR)
    const counter = await officer(system.app, "cb-hg-01")
    const other = await officer(system.app, "cb-hg-02")
    const cookieOnly: Credentials = { headers: { cookie: counter.headers.cookie ?? "" } }
    const path = `/api/v1/dossiers/${code}/accept`
    const body = { expectedVersion: version }
    const without = await send(system.app, cookieOnly, "POST", path, body)
    expect(without.status).toBe(403)
    expect((await readProblem(without)).errors.map((e) => e.path)).toEqual(["headers.x-csrf-token"])
    const crossed = await send(
      system.app,
      { headers: { ...cookieOnly.headers, "x-csrf-token": other.headers["x-csrf-token"] ?? "" } },
      "POST",
      path,
      body,
    )
    expect(crossed.status).toBe(403)
    expect((await send(system.app, cookieOnly, "GET", `/api/v1/dossiers/${code}`)).status).toBe(200)
    expect((await send(system.app, counter, "POST", path, body)).status).toBe(200)
  })

  it("signing out ends the session", async () => {
    const counter = await officer(system.app, "cb-hg-01")
    expect((await send(system.app, counter, "POST", "/api/v1/session/sign-out", undefined)).status).toBe(200)
    expect((await send(system.app, counter, "GET", "/api/v1/session")).status).toBe(401)
  })
})

describe("role × action × scope (a sample)", () => {
  type Case = {
    who: () => Promise<Credentials> | Credentials
    segment: string
    body: unknown
    status: number
    why: string
  }
  const as = (u: string) => () => officer(system.app, u)
  const cases: Case[] = [
    { who: as("cb-hg-01"), segment: "accept", body: {}, status: 200, why: "counter officer of the intake unit" },
    { who: as("cb-hh-01"), segment: "accept", body: {}, status: 403, why: "counter officer of another ward" },
    { who: as("cv-hg-01"), segment: "accept", body: {}, status: 403, why: "a specialist may not accept at intake" },
    { who: () => citizen(), segment: "accept", body: {}, status: 403, why: "a citizen may not accept" },
    {
      who: () => citizen("022090009999"),
      segment: "withdraw",
      body: {},
      status: 403,
      why: "another citizen's dossier",
    },
    { who: as("tt-01"), segment: "complete-step", body: {}, status: 403, why: "an auditor only reads" },
    { who: () => gateway(), segment: "approve", body: {}, status: 403, why: "an integration client may not approve" },
    {
      who: as("ld-hg-01"),
      segment: "approve",
      body: {},
      status: 422,
      why: "the leader in scope, refused by the machine (wrong state)",
    },
    { who: as("cv-hh-01"), segment: "complete-step", body: {}, status: 403, why: "specialist of another authority" },
    {
      who: () => citizen(),
      segment: "withdraw",
      body: { reason: "Không cần nữa" },
      status: 200,
      why: "the applicant withdraws",
    },
  ]
  it.each(cases)("$segment by $why → $status", async ({ who, segment, body, status }) => {
    const { code, version } = await file(`matrix-${segment}-${status}-${Math.random()}`)
    system.advance(HOUR)
    // every action names the version the caller saw (required over HTTP): the filed one, so only the role decides
    const withVersion = { expectedVersion: version, ...(body as object) }
    const response = await send(system.app, await who(), "POST", `/api/v1/dossiers/${code}/${segment}`, withVersion)
    expect(response.status, await response.clone().text()).toBe(status)
  })

  it("reading: the applicant and in-scope staff may, another citizen and foreign staff may not; audit for auditors", async () => {
    const { code } = await file("read-1")
    const read = async (who: Credentials, path = `/api/v1/dossiers/${code}`) =>
      (await send(system.app, who, "GET", path)).status
    expect(await read(citizen())).toBe(200)
    expect(await read(citizen("022090009999"))).toBe(403)
    expect(await read(await officer(system.app, "cv-hg-01"))).toBe(200)
    expect(await read(await officer(system.app, "cv-hh-01"))).toBe(403)
    expect(await read(await officer(system.app, "tt-01"), `/api/v1/dossiers/${code}/audit`)).toBe(200)
    expect(await read(await officer(system.app, "cb-hg-01"), `/api/v1/dossiers/${code}/audit`)).toBe(403)
    expect(await read(citizen(), "/api/v1/work-queue?role=specialist")).toBe(403)
    expect(await read(citizen(), "/api/v1/audit/chain")).toBe(403)
  })

  it("the payment callback takes only an API key: an officer's session or a citizen's token is 401", async () => {
    const { code } = await file("cb-who")
    const callback = {
      signature: "x",
      paymentId: "p-2",
      dossierCode: code,
      amount: 10000,
      paidAt: "2025-10-06T02:00:00.000Z",
    }
    for (const who of [citizen(), await officer(system.app, "cb-hg-01")]) {
      const response = await send(system.app, who, "POST", "/api/v1/payments/callback", callback)
      expect(response.status).toBe(401)
    }
  })

  it("the gateway's API key authenticates its callback; a forged callback is 401", async () => {
    const { code } = await file("cb-forged")
    const forged = await send(
      system.app,
      { headers: { authorization: `Bearer ${DEMO_GATEWAY_KEY}` } },
      "POST",
      "/api/v1/payments/callback",
      {
        signature: "forged",
        paymentId: "p-1",
        dossierCode: code,
        amount: 10000,
        paidAt: "2025-10-06T02:00:00.000Z",
      },
    )
    expect(forged.status).toBe(401)
  })
})

describe("document upload", () => {
  const upload = async (body: Uint8Array | string, type: string | undefined) =>
    system.app.request("/api/v1/documents", {
      method: "POST",
      headers: { ...citizen().headers, ...(type === undefined ? {} : { "content-type": type }) },
      body,
    })
  it("stores a PDF, JPEG or PNG whose bytes match", async () => {
    const stored = await upload(pdf("Giấy tờ"), "application/pdf")
    expect(stored.status).toBe(201)
    expect(await stored.json()).toMatchObject({
      mediaType: "application/pdf",
      dossierCode: null,
      size: pdf("Giấy tờ").length,
    })
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
    expect((await upload(png, "image/png")).status).toBe(201)
  })
  it("refuses other types (415), bytes that are not what is declared (415), empty (422) and too large (413)", async () => {
    expect((await upload("hello", "text/plain")).status).toBe(415)
    expect((await upload(pdf("x"), undefined)).status).toBe(415)
    expect((await upload(pdf("x"), "image/png")).status).toBe(415)
    expect((await upload(new Uint8Array(), "application/pdf")).status).toBe(422)
    const big = new Uint8Array(65 * 1024)
    big.set(pdf("big"))
    const tooLarge = await upload(big, "application/pdf")
    expect(tooLarge.status).toBe(413)
    expect((await readProblem(tooLarge)).status).toBe(413)
  })
  it("needs a caller", async () => {
    const response = await system.app.request("/api/v1/documents", {
      method: "POST",
      headers: { "content-type": "application/pdf" },
      body: pdf("x"),
    })
    expect(response.status).toBe(401)
  })
})

describe("the OpenAPI document", () => {
  it("lists the new routes with their security, Idempotency-Key and upload bodies", async () => {
    const document = openApiDocument([], { title: "", version: "", description: "" })
    expect(document.openapi).toBe("3.1.1")
    const served = (await (await system.app.request("/openapi.json")).json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters: { name: string; in: string; required: boolean }[]
            requestBody?: { content: Record<string, unknown> }
            responses: Record<string, unknown>
          }
        >
      >
      components: { securitySchemes: Record<string, unknown> }
    }
    expect(Object.keys(served.components.securitySchemes).sort()).toEqual(["apiKey", "bearer", "session"])
    const filing = served.paths["/api/v1/dossiers"]?.post
    expect(filing?.parameters).toContainEqual(
      expect.objectContaining({ name: "Idempotency-Key", in: "header", required: true }),
    )
    expect(Object.keys(filing?.responses ?? {})).toEqual(expect.arrayContaining(["201", "400", "401", "403", "422"]))
    const accept = served.paths["/api/v1/dossiers/{code}/accept"]?.post
    expect(Object.keys(accept?.responses ?? {})).toEqual(
      expect.arrayContaining(["200", "401", "403", "404", "409", "422"]),
    )
    expect(Object.keys(served.paths["/api/v1/documents"]?.post?.requestBody?.content ?? {}).sort()).toEqual([
      "application/pdf",
      "image/jpeg",
      "image/png",
    ])
    for (const path of [
      "/api/v1/lookup/{code}",
      "/api/v1/audit/chain",
      "/api/v1/work-queue",
      "/api/v1/payments/callback",
      "/api/v1/session",
    ])
      expect(served.paths[path], path).toBeDefined()
  })
})
