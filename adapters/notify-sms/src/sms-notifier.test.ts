// The SMS notifier against a local HTTP stub of a gateway (node:http on a free loopback port) that checks every
// request it receives and answers as the test says.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import type { Notification } from "@motcua/application"
import { Effect } from "effect"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { type SmsRefused, smsNotifier } from "./sms-notifier.ts"

interface Seen {
  readonly headers: IncomingMessage["headers"]
  readonly body: Record<string, unknown>
}
const seen: Seen[] = []
let answer: (res: ServerResponse) => void = (res) => res.end()
const server = createServer((req, res) => {
  let text = ""
  req.on("data", (chunk) => {
    text += chunk
  })
  req.on("end", () => {
    seen.push({ headers: req.headers, body: JSON.parse(text) as Record<string, unknown> })
    answer(res)
  })
})
let url = ""
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/send`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
beforeEach(() => {
  seen.length = 0
})

const json = (status: number, body: unknown) => (res: ServerResponse) => {
  res.writeHead(status, { "content-type": "application/json" })
  res.end(JSON.stringify(body))
}

const notice = (overrides: Partial<Notification> = {}): Notification => ({
  about: "supplementation-request",
  channel: "sms",
  recipient: "0912 345 678",
  dossierCode: "000.11.50.H49-251006-0001",
  notificationId: "outbox-41",
  data: { procedureName: "Đăng ký thường trú", appointmentAt: null },
  ...overrides,
})

const failureOf = async (notification: Notification, settings = { url, apiKey: "k-123", brandName: "QUANGNINH" }) =>
  (await Effect.runPromise(Effect.flip(smsNotifier(settings).send(notification)))).cause as SmsRefused

describe("smsNotifier", () => {
  it("posts the number in 84 form, the short Vietnamese text without diacritics, the brand name and the request id", async () => {
    answer = json(200, { result: { id: 98765 } })
    const notifier = smsNotifier({
      url,
      apiKey: "k-123",
      brandName: "QUANGNINH",
      fields: { messageId: "result.id" },
    })
    const sent = await Effect.runPromise(notifier.send(notice()))
    expect(sent).toEqual({ messageId: "98765" })
    expect(seen).toHaveLength(1)
    expect(seen[0]?.headers.authorization).toBe("Bearer k-123")
    expect(seen[0]?.body).toEqual({
      phone: "84912345678",
      message: "Ho so 000.11.50.H49-251006-0001: can bo sung giay to.",
      brandname: "QUANGNINH",
      requestId: "outbox-41",
    })
  })

  it("uses the deployment's field names and key header", async () => {
    answer = json(200, { MessageId: "m-1" })
    const notifier = smsNotifier({
      url,
      apiKey: "k-9",
      apiKeyHeader: "X-Api-Key",
      brandName: "MOTCUA",
      fields: {
        phone: "Phone",
        text: "Content",
        brandName: "Brandname",
        requestId: "RequestId",
        messageId: "MessageId",
      },
    })
    await Effect.runPromise(notifier.send(notice({ about: "result-ready" })))
    expect(seen[0]?.headers["x-api-key"]).toBe("k-9")
    expect(Object.keys(seen[0]?.body ?? {}).sort()).toEqual(["Brandname", "Content", "Phone", "RequestId"])
  })

  it("refuses a number that is not a mobile number without calling the gateway, permanently", async () => {
    const refused = await failureOf(notice({ recipient: "02033825555" }))
    expect(refused.permanent).toBe(true)
    expect(refused.message).toContain("000.11.50.H49-251006-0001")
    expect(refused.message).not.toContain("02033825555")
    expect(seen).toHaveLength(0)
  })

  it("treats 4xx as permanent, 5xx and 429 as temporary, and an answer without a message id as a failure", async () => {
    answer = json(400, { error: "brandname not registered" })
    const bad = await failureOf(notice())
    expect([bad.permanent, bad.code]).toEqual([true, 400])
    expect(bad.message).toContain("brandname not registered")
    answer = json(503, { error: "busy" })
    expect((await failureOf(notice())).permanent).toBe(false)
    answer = json(429, { error: "slow down" })
    expect((await failureOf(notice())).permanent).toBe(false)
    answer = (res) => {
      res.writeHead(200, { "content-type": "text/html" })
      res.end("<html>maintenance</html>")
    }
    expect((await failureOf(notice())).message).toMatch(/không phải JSON/)
    answer = json(200, { ok: true })
    expect((await failureOf(notice())).message).toMatch(/không trả mã tin nhắn/)
  })

  it("gives up on a gateway that does not answer in time", async () => {
    answer = () => {}
    const slow = smsNotifier({ url, apiKey: "k", brandName: "B", timeoutMs: 300 })
    const refused = (await Effect.runPromise(Effect.flip(slow.send(notice())))).cause as SmsRefused
    expect(refused.permanent).toBe(false)
    expect(refused.message).toMatch(/unreachable/)
  })
})
