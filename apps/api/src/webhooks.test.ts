// Webhooks over HTTP on a real server (SQLite): an integration client subscribes its receiver with its API key,
// a citizen files a dossier of that client's authority, the outbox relay delivers the signed event, and the
// receiver verifies it; the subscription's attempts, the test delivery, refusals and scoping between owners.
import { mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SIGNATURE_HEADER, verifyWebhookSignature } from "@motcua/application"
import { residenceFiling } from "@motcua/application/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DEMO_GATEWAY_KEY, seedDemoAccounts } from "./demo.ts"
import { TEST_COST } from "./dossier.test-support.ts"
import { memoryLogger } from "./logging.ts"
import { type RunningServer, startServer } from "./server.ts"
import { data } from "./testing.test-support.ts"

const received: Array<{ body: string; signature: string; eventId: string }> = []
const receiver = createServer((req, res) => {
  let body = ""
  req.on("data", (c) => {
    body += c
  })
  req.on("end", () => {
    received.push({
      body,
      signature: String(req.headers[SIGNATURE_HEADER]),
      eventId: String(req.headers["motcua-event-id"]),
    })
    res.writeHead(204).end()
  })
})
let receiverUrl = ""
let server: RunningServer
const dir = mkdtempSync(join(tmpdir(), "motcua-webhooks-api-"))

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve))
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/motcua`
  server = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    logger: memoryLogger(),
    data,
    databaseUrl: `sqlite:${join(dir, "motcua.sqlite")}`,
    documentsDir: join(dir, "documents"),
    secureCookies: false,
    env: { MOTCUA_DEMO_CITIZENS: "1", MOTCUA_WEBHOOK_ALLOW_HTTP: "1" },
    relay: { intervalMs: 60_000 },
    maintenance: { intervalMs: 0 },
  })
  await seedDemoAccounts(server.runtime, { cost: TEST_COST })
})
afterAll(async () => {
  await server.close()
  await new Promise<void>((resolve) => receiver.close(() => resolve()))
  rmSync(dir, { recursive: true, force: true })
})

const call = (method: string, path: string, token: string, body?: unknown) =>
  fetch(`http://127.0.0.1:${server.port}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })

describe("webhooks", () => {
  const secret = "a-secret-of-the-integration-client-0123456789"
  let id = ""

  it("an integration client subscribes; the secret is answered once and never listed", async () => {
    const created = await call("POST", "/api/v1/webhooks", DEMO_GATEWAY_KEY, {
      url: receiverUrl,
      eventTypes: ["dossier.file", "dossier.accept"],
      secret,
    })
    expect(created.status).toBe(201)
    const answer = (await created.json()) as { subscription: { id: string; agencyCodes: string[] }; secret: string }
    id = answer.subscription.id
    expect(answer.secret).toBe(secret)
    expect(answer.subscription.agencyCodes).toEqual(["000.11.50.H49"])
    const listed = await (await call("GET", "/api/v1/webhooks", DEMO_GATEWAY_KEY)).text()
    expect(listed).toContain(id)
    expect(listed).not.toContain(secret)
  })

  it("a filing of the client's authority reaches the receiver through the relay, signed and without personal data", async () => {
    const filed = await fetch(`http://127.0.0.1:${server.port}/api/v1/dossiers`, {
      method: "POST",
      headers: {
        authorization: "Bearer demo-citizen-022090001234",
        "content-type": "application/json",
        "idempotency-key": "webhook-filing-1",
      },
      body: JSON.stringify(residenceFiling()),
    })
    expect(filed.status).toBe(201)
    const { code } = (await filed.json()) as { code: string }
    await server.relayNow?.()
    const event = received.find((r) => r.body.includes(code))
    expect(event).toBeDefined()
    const verified = await verifyWebhookSignature(event?.signature, event?.body ?? "", secret, Date.now() / 1000)
    expect(verified.valid).toBe(true)
    const parsed = JSON.parse(event?.body ?? "{}") as { type: string; id: string; data: Record<string, unknown> }
    expect(parsed.type).toBe("dossier.file")
    expect(parsed.id).toBe(event?.eventId)
    expect(parsed.data).toMatchObject({ dossierCode: code, procedureCode: "1.004222", statusCode: 1 })
    expect(event?.body).not.toContain("022090001234")
    expect(event?.body).not.toContain("Nguyễn")
    const attempts = (await (await call("GET", `/api/v1/webhooks/${id}/attempts`, DEMO_GATEWAY_KEY)).json()) as {
      items: Array<{ ok: boolean; status: number }>
    }
    expect(attempts.items[0]).toMatchObject({ ok: true, status: 204 })
  })

  it("a test delivery is sent on request", async () => {
    const before = received.length
    const tested = await call("POST", `/api/v1/webhooks/${id}/test`, DEMO_GATEWAY_KEY)
    expect(await tested.json()).toEqual({ ok: true, status: 204, error: null, disabled: false })
    expect(JSON.parse(received[before]?.body ?? "{}").type).toBe("webhook.test")
  })

  it("refuses a bad URL, an unknown event type and a short secret with the field; citizens may not subscribe", async () => {
    const bad = await call("POST", "/api/v1/webhooks", DEMO_GATEWAY_KEY, {
      url: "ftp://x.example/h",
      eventTypes: ["*"],
    })
    expect(bad.status).toBe(422)
    expect(JSON.stringify(await bad.json())).toContain("body.url")
    const unknown = await call("POST", "/api/v1/webhooks", DEMO_GATEWAY_KEY, {
      url: receiverUrl,
      eventTypes: ["dossier.nope"],
    })
    expect(unknown.status).toBe(400)
    const short = await call("POST", "/api/v1/webhooks", DEMO_GATEWAY_KEY, {
      url: receiverUrl,
      eventTypes: ["*"],
      secret: "x",
    })
    expect(short.status).toBe(400)
    const citizen = await call("POST", "/api/v1/webhooks", "demo-citizen-022090001234", {
      url: receiverUrl,
      eventTypes: ["*"],
    })
    expect(citizen.status).toBe(403)
    expect((await call("GET", `/api/v1/webhooks/${id}/attempts`, "demo-citizen-022090001234")).status).toBe(403)
  })

  it("is documented in the OpenAPI document's webhooks section", async () => {
    const document = (await (await fetch(`http://127.0.0.1:${server.port}/openapi.json`)).json()) as {
      webhooks: Record<string, { post: { requestBody: unknown } }>
    }
    expect(Object.keys(document.webhooks)).toEqual(["dossierEvent"])
    expect(JSON.stringify(document.webhooks.dossierEvent)).toContain("Motcua-Signature")
  })

  it("removing the subscription stops deliveries", async () => {
    expect((await call("POST", `/api/v1/webhooks/${id}/delete`, DEMO_GATEWAY_KEY)).status).toBe(200)
    expect((await call("POST", `/api/v1/webhooks/${id}/delete`, DEMO_GATEWAY_KEY)).status).toBe(404)
    expect((await call("GET", "/api/v1/webhooks", DEMO_GATEWAY_KEY)).status).toBe(200)
  })
})
