// Deliveries over real HTTP to a local receiver (node:http on a free loopback port) that verifies each one as an
// embedding system would, with the exported verifyWebhookSignature: the signature over timestamp + body, the
// timestamp's age, the event id to de-duplicate on. The application's deliverEvent runs over the in-memory store.
import { createServer, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import {
  Clock,
  deliverEvent,
  makeMemoryWebhookStore,
  SIGNATURE_HEADER,
  verifyWebhookSignature,
  type WebhookEvent,
  WebhookStore,
  type WebhookSubscription,
  WebhookTransport,
} from "@motcua/application"
import { Effect, Layer } from "effect"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { httpWebhookTransport } from "./http-transport.ts"

const SECRET = "whsec_0123456789abcdef0123456789abcdef"
const NOW = "2025-10-06T03:00:00.000Z"
const nowSeconds = Date.parse(NOW) / 1000

interface Received {
  readonly path: string
  readonly verified: Awaited<ReturnType<typeof verifyWebhookSignature>>
  readonly eventId: string | undefined
  readonly body: WebhookEvent
}
const received: Received[] = []
let answer: (path: string, res: ServerResponse) => void = (_, res) => res.writeHead(204).end()
const receiver = createServer((req, res) => {
  let body = ""
  req.on("data", (c) => {
    body += c
  })
  req.on("end", async () => {
    received.push({
      path: req.url ?? "",
      verified: await verifyWebhookSignature(req.headers[SIGNATURE_HEADER] as string, body, SECRET, nowSeconds),
      eventId: req.headers["motcua-event-id"] as string | undefined,
      body: JSON.parse(body) as WebhookEvent,
    })
    answer(req.url ?? "", res)
  })
})
let base = ""
beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve))
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())))
beforeEach(() => {
  received.length = 0
  answer = (_, res) => res.writeHead(204).end()
})

const subscription = (id: string, path: string, overrides: Partial<WebhookSubscription> = {}): WebhookSubscription => ({
  id,
  ownerId: "client:erp",
  agencyCodes: ["000.11.50.H49"],
  url: `${base}${path}`,
  eventTypes: ["dossier.accept"],
  secret: SECRET,
  createdAt: NOW,
  consecutiveFailures: 0,
  disabledAt: null,
  ...overrides,
})

const event = (id: string, agencyCode = "000.11.50.H49"): WebhookEvent => ({
  id,
  type: "dossier.accept",
  occurredAt: NOW,
  agencyCode,
  data: { dossierCode: "000.11.50.H49-251006-0001", statusCode: 2 },
})

function world(timeoutMs = 2_000) {
  const store = makeMemoryWebhookStore()
  const layer = Layer.mergeAll(
    Layer.succeed(WebhookStore, store),
    Layer.succeed(WebhookTransport, httpWebhookTransport({ timeoutMs })),
    Layer.succeed(Clock, Clock.of({ now: Effect.succeed(NOW) })),
  )
  const deliver = (e: WebhookEvent, disableAfter?: number) =>
    Effect.runPromise(deliverEvent(e, disableAfter).pipe(Effect.provide(layer), Effect.result))
  return { store, deliver, run: <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect) }
}

describe("webhook deliveries over HTTP", () => {
  it("arrive signed, verifiable by the receiver, with the event id, only for the subscriber's authorities", async () => {
    const { store, deliver, run } = world()
    await run(store.create(subscription("mine", "/mine")))
    await run(store.create(subscription("other-ward", "/other", { agencyCodes: ["000.11.51.H49"] })))
    const outcome = await deliver(event("event-1"))
    expect(outcome._tag).toBe("Success")
    expect(received.map((r) => r.path)).toEqual(["/mine"])
    expect(received[0]?.verified).toEqual({ valid: true, timestamp: nowSeconds })
    expect(received[0]?.eventId).toBe("event-1")
    expect(received[0]?.body.data).toEqual({ dossierCode: "000.11.50.H49-251006-0001", statusCode: 2 })
  })

  it("a receiver rejects a replayed delivery (old timestamp) and an altered body", async () => {
    const body = JSON.stringify(event("event-2"))
    const { signWebhook } = await import("@motcua/application")
    const old = await signWebhook(SECRET, body, nowSeconds - 3600)
    expect((await verifyWebhookSignature(old, body, SECRET, nowSeconds)).valid).toBe(false)
    const fresh = await signWebhook(SECRET, body, nowSeconds)
    expect(
      (await verifyWebhookSignature(fresh, body.replace('"statusCode":2', '"statusCode":10'), SECRET, nowSeconds))
        .valid,
    ).toBe(false)
    expect((await verifyWebhookSignature(fresh, body, "another-secret-of-the-same-length-xx", nowSeconds)).valid).toBe(
      false,
    )
    expect((await verifyWebhookSignature("garbage", body, SECRET, nowSeconds)).valid).toBe(false)
  })

  it("retries only the receivers that failed, records every attempt, and disables after repeated failures", async () => {
    const { store, deliver, run } = world()
    await run(store.create(subscription("ok", "/ok")))
    await run(store.create(subscription("down", "/down")))
    answer = (path, res) => res.writeHead(path === "/down" ? 503 : 200).end()
    const first = await deliver(event("event-3"), 3)
    expect(first._tag).toBe("Failure") // the outbox keeps the row and retries it
    const second = await deliver(event("event-3"), 3)
    expect(second._tag).toBe("Failure")
    expect(received.filter((r) => r.path === "/ok")).toHaveLength(1) // delivered once
    const third = await deliver(event("event-3"), 3)
    expect(third._tag).toBe("Success") // "down" is now disabled: nothing left to retry
    expect((await run(store.find("down")))?.disabledAt).toBe(NOW)
    const attempts = await run(store.attempts("down", 10))
    expect(attempts.map((a) => [a.ok, a.status])).toEqual([
      [false, 503],
      [false, 503],
      [false, 503],
    ])
    await deliver(event("event-4"), 3)
    expect(received.filter((r) => r.path === "/down")).toHaveLength(3)
  })

  it("counts a redirect, a timeout and a closed port as failures with a reason", async () => {
    const { store, deliver, run } = world(300)
    answer = (path, res) => {
      if (path === "/moved") res.writeHead(302, { location: `${base}/mine` }).end()
      // "/slow" never answers
    }
    await run(store.create(subscription("moved", "/moved")))
    await run(store.create(subscription("slow", "/slow")))
    await run(store.create(subscription("closed", "", { url: "http://127.0.0.1:1/hook" })))
    await deliver(event("event-5"))
    const last = async (id: string) => (await run(store.attempts(id, 1)))[0]
    expect(await last("moved")).toMatchObject({ ok: false, status: 302, error: "the receiver answered 302" })
    expect((await last("slow"))?.error).toMatch(/no answer within 300 ms/)
    expect((await last("closed"))?.status).toBeNull()
    expect(received.filter((r) => r.path === "/mine")).toHaveLength(0) // the redirect was not followed
  })
})
