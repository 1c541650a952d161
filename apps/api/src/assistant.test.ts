import type { Answer } from "@motcua/assistant"
import { procedureInForce, quoteFees } from "@motcua/domain"
import { Result } from "effect"
import { describe, expect, test } from "vitest"
import { settingsFromEnvironment } from "./environment.ts"
import { data, postJson, readProblem, TODAY, testApp } from "./testing.test-support.ts"

const { app } = testApp()
const ask = (body: unknown, headers?: Record<string, string>) =>
  app.request("/api/v1/assistant/ask", postJson(body, headers))

describe("POST /api/v1/assistant/ask", () => {
  test("answers from the catalogue: procedure, documents, fees as quoteFees gives them, cited code", async () => {
    const response = await ask({ question: "tach ho" })
    expect(response.status).toBe(200)
    const body = (await response.json()) as Answer
    expect(body.kind).toBe("answer")
    expect(body.citations).toEqual(["1.010038"])
    const p = Result.getOrThrow(procedureInForce(data.catalogue, "1.010038", TODAY))
    expect(body.procedure?.documents).toEqual(p.documents)
    expect(body.procedure?.fees.counter?.total).toBe(Result.getOrThrow(quoteFees(p, { channel: "counter" })).total)
    expect(body.procedure?.fees.online?.total).toBe(Result.getOrThrow(quoteFees(p, { channel: "online" })).total)
    expect(typeof body.conversationId).toBe("string")
  })

  test("a follow-up in the same conversation picks the case offered", async () => {
    const first = (await (await ask({ question: "đăng ký khai tử" })).json()) as Answer
    const late = first.followUp?.options.find((o) => o.variantId === "qua-han")
    const second = (await (await ask({ question: late?.id, conversationId: first.conversationId })).json()) as Answer
    expect(second.procedure?.variant?.id).toBe("qua-han")
  })

  test("empty and 100 KB questions get a clear answer, not an error; a missing question is 400 with its path", async () => {
    const empty = await ask({ question: "" })
    expect(empty.status).toBe(200)
    expect(((await empty.json()) as { kind: string }).kind).toBe("invalid")
    const huge = await ask({ question: `tách hộ ${"a ".repeat(50_000)}` })
    expect(huge.status).toBe(200)
    expect(((await huge.json()) as { notices: string[] }).notices.length).toBeGreaterThan(0)
    const missing = await ask({})
    expect(missing.status).toBe(400)
    expect(JSON.stringify(await readProblem(missing))).toContain("question")
  })

  test("limits each client address per minute: 429 with Retry-After, other addresses unaffected", async () => {
    const limited = testApp({ assistantPerMinute: 2, trustProxy: true }).app
    const from = (address: string) =>
      limited.request("/api/v1/assistant/ask", postJson({ question: "tách hộ" }, { "x-forwarded-for": address }))
    expect((await from("10.0.0.1")).status).toBe(200)
    expect((await from("10.0.0.1")).status).toBe(200)
    const third = await from("10.0.0.1")
    expect(third.status).toBe(429)
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0)
    expect((await from("10.0.0.2")).status).toBe(200)
  })

  test("with a model configured, a faithful rephrasing is served; one that changes a fee is not", async () => {
    const faithful = testApp({
      assistantModel: { phraser: { phrase: async (r) => `Chào bạn!\n${r.plainText}` }, timeoutMs: 1_000 },
    }).app
    const good = (await (
      await faithful.request("/api/v1/assistant/ask", postJson({ question: "tách hộ" }))
    ).json()) as Answer
    expect(good.phrasedBy).toBe("model")
    expect(good.text).toMatch(/^Chào bạn!/)
    const lying = testApp({
      assistantModel: { phraser: { phrase: async (r) => r.plainText.replaceAll("10.000", "0") }, timeoutMs: 1_000 },
    }).app
    const bad = (await (
      await lying.request("/api/v1/assistant/ask", postJson({ question: "tách hộ" }))
    ).json()) as Answer
    expect(bad.phrasedBy).toBe("template")
    expect(bad.text).toContain("10.000 đồng")
  })

  test("reads the model settings from the environment, refusing a URL without a model name", () => {
    const on = settingsFromEnvironment({
      MOTCUA_ASSISTANT_MODEL_URL: "http://llm.local/v1",
      MOTCUA_ASSISTANT_MODEL_NAME: "qwen",
      MOTCUA_ASSISTANT_MODEL_KEY: "k",
    })
    expect(on.assistantModel).toEqual({ url: "http://llm.local/v1", model: "qwen", apiKey: "k", timeoutMs: 8_000 })
    expect(settingsFromEnvironment({}).assistantModel).toBeUndefined()
    expect(() => settingsFromEnvironment({ MOTCUA_ASSISTANT_MODEL_URL: "http://llm.local/v1" })).toThrow(
      /MOTCUA_ASSISTANT_MODEL_NAME/,
    )
    expect(settingsFromEnvironment({ MOTCUA_ASSISTANT_PER_MINUTE: "0" }).assistantPerMinute).toBe(false)
  })

  test("is in the OpenAPI document, public", async () => {
    const doc = (await (await app.request("/openapi.json")).json()) as {
      paths: Record<string, { post: { operationId: string; security?: unknown[] } }>
    }
    const op = doc.paths["/api/v1/assistant/ask"]?.post
    expect(op?.operationId).toBe("askAssistant")
    expect(op?.security ?? []).toEqual([])
  })
})
