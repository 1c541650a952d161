// The postal operator adapter against a local stub of the operator's API: failures classified, callbacks verified
// and read strictly (the API test, apps/api/src/postal.test.ts, walks orders end to end).
import { createServer, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import type { PostalOperatorFailed, PostalOrderRequest } from "@motcua/application"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { postalHttpOperator, signPostalCallback } from "./postal-operator.ts"

let lastPath = ""
let lastAuthorization: string | undefined
let answer: (res: ServerResponse) => void = (res) => res.writeHead(201).end('{"trackingNumber":"EB1VN"}')
const stub = createServer((req, res) => {
  lastPath = req.url ?? ""
  lastAuthorization = req.headers.authorization
  req.resume()
  req.on("end", () => answer(res))
})
let baseUrl = ""
beforeAll(async () => {
  await new Promise<void>((resolve) => stub.listen(0, "127.0.0.1", resolve))
  baseUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => stub.close(() => resolve())))

const SECRET = "s".repeat(40)
const NOW = 1_760_000_000
// built on first use: the stub's port is known only once it listens
let built: ReturnType<typeof postalHttpOperator> | undefined
const current = () => {
  built ??= postalHttpOperator({ baseUrl, apiKey: "k", callbackSecret: SECRET, timeoutMs: 500, now: () => NOW * 1000 })
  return built
}
const operator = {
  createOrder: (r: PostalOrderRequest) => current().createOrder(r),
  readCallback: (body: string, headers: Record<string, string | undefined>) => current().readCallback(body, headers),
  trackingOf: (trackingNumber: string) => current().trackingOf(trackingNumber),
}
const request: PostalOrderRequest = {
  orderId: "postal-1",
  kind: "delivery",
  dossierCode: "000.11.50.H49-251006-0001",
  centre: { name: "Trung tâm", address: "Hồng Gai" },
  address: { recipientName: "An", phone: "0912345678", line: "Tổ 5", provinceCode: "22" },
}
const failure = async (effect: Effect.Effect<unknown, PostalOperatorFailed>) => Effect.runPromise(Effect.flip(effect))

describe("createOrder", () => {
  it("answers the tracking number, also for a 409 of an order that exists", async () => {
    expect(await Effect.runPromise(operator.createOrder(request))).toEqual({ trackingNumber: "EB1VN" })
    answer = (res) => res.writeHead(409).end('{"trackingNumber":"EB1VN","message":"exists"}')
    expect(await Effect.runPromise(operator.createOrder(request))).toEqual({ trackingNumber: "EB1VN" })
  })
  it("a 4xx is permanent with the operator's message; 5xx, HTML and silence are temporary", async () => {
    answer = (res) => res.writeHead(400).end('{"message":"địa chỉ không phát được"}')
    const refused = await failure(operator.createOrder(request))
    expect([refused.permanent, refused.reason]).toEqual([true, expect.stringContaining("địa chỉ không phát được")])
    answer = (res) => res.writeHead(502).end("<html>bad gateway</html>")
    expect((await failure(operator.createOrder(request))).permanent).toBe(false)
    answer = (res) => res.writeHead(200).end("<html>ok</html>")
    expect((await failure(operator.createOrder(request))).reason).toMatch(/không phải JSON/)
    answer = () => {}
    expect((await failure(operator.createOrder(request))).permanent).toBe(false)
  })
})

describe("readCallback", () => {
  const read = (body: string, headers: Record<string, string | undefined>) => operator.readCallback(body, headers)
  const valid = {
    trackingNumber: "EB1VN",
    updateId: "u1",
    status: "DELIVERED",
    at: "2025-10-09T03:00:00Z",
    receivedBy: "An",
  }

  it("reads a signed update and maps the operator's status", async () => {
    const body = JSON.stringify(valid)
    expect(await Effect.runPromise(read(body, signPostalCallback(SECRET, body, NOW)))).toEqual({
      trackingNumber: "EB1VN",
      update: { updateId: "u1", status: "delivered", at: "2025-10-09T03:00:00Z", receivedBy: "An" },
    })
  })
  it("refuses missing, wrong and stale signatures, an altered body, unknown statuses and wrong types", async () => {
    const body = JSON.stringify(valid)
    const reasons = await Promise.all([
      failure(read(body, {})),
      failure(read(body, signPostalCallback("x".repeat(40), body, NOW))),
      failure(read(body, signPostalCallback(SECRET, body, NOW - 3600))),
      failure(read(body.replace("An", "Bình"), signPostalCallback(SECRET, body, NOW))),
      failure(
        read(
          JSON.stringify({ ...valid, status: "LOST" }),
          signPostalCallback(SECRET, JSON.stringify({ ...valid, status: "LOST" }), NOW),
        ),
      ),
      failure(
        read(JSON.stringify({ ...valid, at: 5 }), signPostalCallback(SECRET, JSON.stringify({ ...valid, at: 5 }), NOW)),
      ),
      failure(read("[1]", signPostalCallback(SECRET, "[1]", NOW))),
    ])
    expect(reasons.every((r) => r.permanent)).toBe(true)
    expect(reasons.map((r) => r.reason)).toEqual([
      expect.stringMatching(/thiếu hoặc sai chữ ký/),
      expect.stringMatching(/không khớp/),
      expect.stringMatching(/thời điểm ký/),
      expect.stringMatching(/không khớp/),
      expect.stringMatching(/trạng thái không biết: LOST/),
      expect.stringMatching(/"at"/),
      expect.stringMatching(/đối tượng JSON/),
    ])
  })
})

describe("trackingOf (polling)", () => {
  it("reads the parcel's journey in order, with the key, and maps the operator's words", async () => {
    answer = (res) =>
      res.writeHead(200).end(
        JSON.stringify({
          events: [
            { updateId: "u1", status: "ACCEPTED", at: "2025-10-08T02:00:00Z" },
            { updateId: "u2", status: "DELIVERED", at: "2025-10-09T03:00:00Z", receivedBy: "Nguyễn Văn An" },
          ],
        }),
      )
    const journey = await Effect.runPromise(operator.trackingOf("EB1 VN"))
    expect(lastPath).toBe("/orders/EB1%20VN/events")
    expect(lastAuthorization).toBe("Bearer k")
    expect(journey).toEqual([
      { updateId: "u1", status: "accepted", at: "2025-10-08T02:00:00Z" },
      { updateId: "u2", status: "delivered", at: "2025-10-09T03:00:00Z", receivedBy: "Nguyễn Văn An" },
    ])
  })
  it("an answer that is not a journey is a failure with a clear reason, never a success", async () => {
    answer = (res) => res.writeHead(200).end("<html>maintenance</html>")
    expect((await failure(operator.trackingOf("EB1VN"))).reason).toMatch(/không phải JSON/)
    answer = (res) => res.writeHead(200).end('{"events":"none"}')
    expect((await failure(operator.trackingOf("EB1VN"))).reason).toMatch(/events/)
    answer = (res) => res.writeHead(200).end('{"events":[{"updateId":"u1","status":"TELEPORTED","at":"x"}]}')
    expect((await failure(operator.trackingOf("EB1VN"))).reason).toMatch(/TELEPORTED/)
    answer = (res) =>
      res.writeHead(200).end('{"events":[{"trackingNumber":"OTHER","updateId":"u1","status":"ACCEPTED","at":"x"}]}')
    expect((await failure(operator.trackingOf("EB1VN"))).reason).toMatch(/bưu gửi khác/)
    answer = (res) => res.writeHead(404).end("not found")
    expect((await failure(operator.trackingOf("EB1VN"))).permanent).toBe(true)
    answer = (res) => res.writeHead(503).end("busy")
    expect((await failure(operator.trackingOf("EB1VN"))).permanent).toBe(false)
  })
})
