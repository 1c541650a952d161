// Behaviour shared by every route: unknown routes and methods, request ids, health, readiness, bugs as bare 500s.
import { describe, expect, test } from "vitest"
import { data, readProblem, testApp } from "./testing.test-support.ts"

describe("routing problems", () => {
  const { app } = testApp()

  test("404 problem for an unknown path", async () => {
    const response = await app.request("/api/v1/nothing-here?x=1")
    expect(response.status).toBe(404)
    const problem = await readProblem(response)
    expect(problem.instance).toBe("/api/v1/nothing-here")
    expect(problem.title).toBe("Không tìm thấy")
  })

  test("405 problem with an Allow header for a known path and another method", async () => {
    const response = await app.request("/api/v1/units", { method: "DELETE" })
    expect(response.status).toBe(405)
    expect(response.headers.get("allow")).toContain("GET")
    expect((await readProblem(response)).status).toBe(405)
    const onPost = await app.request("/api/v1/fee-quotes")
    expect(onPost.status).toBe(405)
    expect(onPost.headers.get("allow")).toBe("POST")
  })

  test("HEAD answers like GET without a body", async () => {
    const response = await app.request("/api/v1/units", { method: "HEAD" })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe("")
  })
})

describe("request ids", () => {
  test("a usable x-request-id is kept and echoed; an unusable one is replaced", async () => {
    const { app, logs } = testApp()
    const kept = await app.request("/healthz", { headers: { "x-request-id": "abc-123" } })
    expect(kept.headers.get("x-request-id")).toBe("abc-123")
    const replaced = await app.request("/healthz", { headers: { "x-request-id": "<script>" } })
    expect(replaced.headers.get("x-request-id")).toBe("test-1")
    expect(logs().map((l) => l.requestId)).toEqual(["abc-123", "test-1"])
  })
})

describe("health and readiness", () => {
  test("/healthz answers ok; /readyz reports the loaded data", async () => {
    const { app } = testApp()
    expect(await (await app.request("/healthz")).json()).toEqual({ status: "ok" })
    const ready = await app.request("/readyz")
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({
      status: "ready",
      procedures: data.catalogue.length,
      units: data.jurisdiction.units.length,
      checks: [],
      // no application runtime here: no outbox (outbox-admin.test.ts reads the relay's backlog)
      relay: null,
    })
  })

  test("/readyz is 503 while a check fails or throws, or the data is empty", async () => {
    const failing = testApp({
      readiness: [
        { name: "database", check: async () => false },
        { name: "portal", check: () => Promise.reject(new Error("down")) },
      ],
    })
    const response = await failing.app.request("/readyz")
    expect(response.status).toBe(503)
    expect((await readProblem(response)).detail).toContain("database, portal")
    const empty = testApp({ catalogue: [] })
    expect((await empty.app.request("/readyz")).status).toBe(503)
  })
})

describe("a bug in a handler", () => {
  test("is a 500 problem that leaks nothing, and is logged masked", async () => {
    // A broken readiness check stands in for a bug: an object whose name getter throws during the probe.
    const { app, logs } = testApp({
      readiness: [
        {
          get name(): string {
            throw new Error("secret internals for 012345678901")
          },
          check: () => true,
        },
      ],
    })
    const response = await app.request("/readyz")
    expect(response.status).toBe(500)
    const text = await response.clone().text()
    expect(text).not.toContain("secret")
    expect((await readProblem(response)).title).toBe("Lỗi hệ thống")
    const lines = logs()
    const error = lines.find((l) => l.message === "unexpected error")
    expect(JSON.stringify(error)).toContain("secret internals")
    expect(JSON.stringify(lines)).not.toContain("012345678901")
    expect(lines.at(-1)).toMatchObject({ level: "error", status: 500, path: "/readyz" })
  })
})
