// Against a local HTTP server speaking the OpenAI chat-completions protocol (POST /v1/chat/completions, JSON in and
// out), standing in for the model the province hosts: each "model" name makes the server answer one way.
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { phraseChecked } from "@motcua/assistant"
import { quangNinhAssistant } from "@motcua/assistant/testing"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { openAiCompatiblePhraser, SYSTEM_PROMPT } from "./index.ts"

interface Seen {
  readonly authorization: string | undefined
  readonly body: { model: string; messages: Array<{ role: string; content: string }> }
}
const seen: Seen[] = []
let server: Server
let base = ""

const plainOf = (body: Seen["body"]) => {
  const user = body.messages.find((m) => m.role === "user")?.content ?? ""
  return user.slice(user.indexOf("PLAIN ANSWER:\n") + 14, user.indexOf("\n\nQUESTION"))
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = ""
    req.on("data", (c) => {
      raw += c
    })
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
        res.writeHead(404).end()
        return
      }
      const body = JSON.parse(raw) as Seen["body"]
      seen.push({ authorization: req.headers.authorization, body })
      const reply = (content: string) =>
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ choices: [{ index: 0, message: { role: "assistant", content } }] }))
      const plain = plainOf(body)
      switch (body.model) {
        case "faithful":
          return reply(`Chào bạn, đây là hướng dẫn:\n${plain}\nChúc bạn làm thủ tục thuận lợi!`)
        case "wrong-fee":
          return reply(plain.replace("10.000 đồng", "1.000 đồng"))
        case "extra-fee":
          return reply(`${plain}\nPhí dịch vụ thêm: 50.000 đồng.`)
        case "drops-document":
          return reply(plain.replace(/\n- [^\n]*/u, ""))
        case "slow":
          setTimeout(() => reply(plain), 2_000)
          return
        default:
          res.writeHead(500, { "content-type": "application/json" }).end('{"error":{"message":"boom"}}')
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const assistant = quangNinhAssistant()
const now = "2026-12-04T09:00:00+07:00"
const question = "tách hộ"
const plain = assistant.ask({ question, now })
const phrased = (model: string, timeoutMs?: number) =>
  phraseChecked(plain, question, openAiCompatiblePhraser({ url: base, apiKey: "k-test", model }), {
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  })

describe("OpenAI-compatible phraser, checked against the facts", () => {
  test("a faithful rephrasing is used; the request carries the key, the model, the facts and the question as data", async () => {
    const a = await phrased("faithful")
    expect(a.phrasedBy).toBe("model")
    expect(a.text).toMatch(/^Chào bạn/)
    expect(a.procedure).toEqual(plain.procedure)
    const last = seen.at(-1)
    expect(last?.authorization).toBe("Bearer k-test")
    expect(last?.body.messages[0]).toEqual({ role: "system", content: SYSTEM_PROMPT })
    expect(last?.body.messages[0]?.content).not.toContain(question)
    expect(last?.body.messages[1]?.content).toContain('"code":"1.010038"')
  })

  test("a changed fee is caught and the plain answer is used", async () => {
    const a = await phrased("wrong-fee")
    expect(a.phrasedBy).toBe("template")
    expect(a.text).toBe(plain.text)
    expect(a.notices.join(" ")).toContain("the total 10.000 đồng is missing")
  })

  test("an invented amount next to the right ones is caught", async () => {
    const a = await phrased("extra-fee")
    expect(a.phrasedBy).toBe("template")
    expect(a.notices.join(" ")).toContain("50.000 đồng is not in the quote")
  })

  test("a dropped document is caught and the plain answer is used", async () => {
    const a = await phrased("drops-document")
    expect(a.phrasedBy).toBe("template")
    expect(a.notices.join(" ")).toContain("document")
  })

  test("an endpoint error or a slow model leaves the plain answer, without an error", async () => {
    expect((await phrased("broken")).phrasedBy).toBe("template")
    const slow = await phrased("slow", 200)
    expect(slow.phrasedBy).toBe("template")
    expect(slow.text).toBe(plain.text)
  })

  test("a not-found answer is not sent to the model", async () => {
    const before = seen.length
    const notFound = assistant.ask({ question: "cấp hộ chiếu phổ thông", now })
    const a = await phraseChecked(
      notFound,
      "cấp hộ chiếu phổ thông",
      openAiCompatiblePhraser({ url: base, model: "faithful" }),
    )
    expect(a).toBe(notFound)
    expect(seen.length).toBe(before)
  })
})
