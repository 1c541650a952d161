// Home pick-up and delivery on a real server (SQLite) against a local stub of the postal operator's API: a citizen
// asks for a pick-up of their dossier (charge from the deployment's tariff), the operator's signed tracking
// callbacks move the order on, forged, stale, unknown and impossible ones are refused with nothing changed, and a
// failed delivery notifies the applicant.
import { mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DevelopmentCalls } from "@motcua/application"
import { residenceFiling } from "@motcua/application/testing"
import { signPostalCallback } from "@motcua/postal-http"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { cleanUp } from "./background.ts"
import { seedDemoAccounts } from "./demo.ts"
import { TEST_COST } from "./dossier.test-support.ts"
import { memoryLogger } from "./logging.ts"
import { type RunningServer, startServer } from "./server.ts"
import { data } from "./testing.test-support.ts"

const SECRET = "postal-callback-secret-0123456789abcdef"
const orders: Array<{ key: string | undefined; body: Record<string, unknown>; auth: string | undefined }> = []
const byKey = new Map<string, string>()
/** What the operator answers when asked for a parcel's journey (polling). */
const journeys = new Map<string, unknown[]>()
const operator = createServer((req, res) => {
  const asked = /^\/api\/orders\/([^/]+)\/events$/.exec(req.url ?? "")
  if (req.method === "GET" && asked !== null) {
    res.writeHead(200, { "content-type": "application/json" })
    res.end(JSON.stringify({ events: journeys.get(decodeURIComponent(asked[1] ?? "")) ?? [] }))
    return
  }
  let text = ""
  req.on("data", (c) => {
    text += c
  })
  req.on("end", () => {
    const key = req.headers["idempotency-key"] as string | undefined
    orders.push({ key, body: JSON.parse(text) as Record<string, unknown>, auth: req.headers.authorization })
    const known = key === undefined ? undefined : byKey.get(key)
    const trackingNumber = known ?? `EB${String(byKey.size + 1).padStart(7, "0")}VN`
    if (key !== undefined) byKey.set(key, trackingNumber)
    res.writeHead(known === undefined ? 201 : 409, { "content-type": "application/json" })
    res.end(JSON.stringify({ trackingNumber }))
  })
})

let server: RunningServer
const dir = mkdtempSync(join(tmpdir(), "motcua-postal-"))
beforeAll(async () => {
  await new Promise<void>((resolve) => operator.listen(0, "127.0.0.1", resolve))
  server = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    logger: memoryLogger(),
    data,
    databaseUrl: `sqlite:${join(dir, "motcua.sqlite")}`,
    documentsDir: join(dir, "documents"),
    secureCookies: false,
    env: {
      MOTCUA_DEMO_CITIZENS: "1",
      MOTCUA_POSTAL_URL: `http://127.0.0.1:${(operator.address() as AddressInfo).port}/api`,
      MOTCUA_POSTAL_API_KEY: "postal-key",
      MOTCUA_POSTAL_CALLBACK_SECRET: SECRET,
    },
    relay: { intervalMs: 0 },
    maintenance: { intervalMs: 0 },
  })
  await seedDemoAccounts(server.runtime, { cost: TEST_COST })
})
afterAll(async () => {
  await server.close()
  await new Promise<void>((resolve) => operator.close(() => resolve()))
  rmSync(dir, { recursive: true, force: true })
})

const url = (path: string) => `http://127.0.0.1:${server.port}${path}`
const asCitizen = (path: string, body?: unknown, citizen = "022090001234") =>
  fetch(url(path), {
    method: body === undefined ? "GET" : "POST",
    headers: {
      authorization: `Bearer demo-citizen-${citizen}`,
      "content-type": "application/json",
      "idempotency-key": `postal-${Math.random()}`,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
const callback = (body: Record<string, unknown>, at = Math.floor(Date.now() / 1000), secret = SECRET) => {
  const text = JSON.stringify(body)
  return fetch(url("/api/v1/postal/callback"), {
    method: "POST",
    headers: { "content-type": "application/json", ...signPostalCallback(secret, text, at) },
    body: text,
  })
}
const home = {
  recipientName: "Nguyễn Văn An",
  phone: "0912345678",
  line: "Tổ 5, khu 3",
  unitCode: "06685",
  provinceCode: "22",
}

describe("postal orders", () => {
  let code = ""
  let tracking = ""

  it("a citizen asks for a pick-up of their dossier: quoted from the tariff, created once with the operator", async () => {
    const filed = await asCitizen("/api/v1/dossiers", residenceFiling())
    expect(filed.status).toBe(201)
    code = ((await filed.json()) as { code: string }).code
    const created = await asCitizen(`/api/v1/dossiers/${code}/postal-orders`, { kind: "pickup", address: home })
    expect(created.status).toBe(201)
    const order = (await created.json()) as { charge: number; status: string; trackingNumber: string; id: string }
    expect(order).toMatchObject({ charge: 15_000, status: "accepted" })
    tracking = order.trackingNumber
    expect(orders.at(-1)).toMatchObject({ key: order.id, auth: "Bearer postal-key" })
    expect(orders.at(-1)?.body).toMatchObject({ service: "pickup", reference: code, receiver: { phone: "0912345678" } })
    const again = await asCitizen(`/api/v1/dossiers/${code}/postal-orders`, { kind: "pickup", address: home })
    expect(again.status).toBe(422)
  })

  it("another citizen can neither ask for one nor see them", async () => {
    const other = await asCitizen(
      `/api/v1/dossiers/${code}/postal-orders`,
      { kind: "delivery", address: home },
      "022090009999",
    )
    expect(other.status).toBe(403)
    expect((await asCitizen(`/api/v1/dossiers/${code}/postal-orders`, undefined, "022090009999")).status).toBe(403)
  })

  it("signed tracking updates move the order; forged, stale, unknown and impossible ones change nothing", async () => {
    const update = { trackingNumber: tracking, updateId: "u1", status: "PICKED_UP", at: "2025-10-07T02:00:00Z" }
    expect((await callback(update, undefined, "a-different-secret-of-the-same-length-x")).status).toBe(401)
    expect((await callback(update, Math.floor(Date.now() / 1000) - 3600)).status).toBe(401)
    expect((await callback({ ...update, trackingNumber: "EB9999999VN" })).status).toBe(422)
    const moved = await callback(update)
    expect(await moved.json()).toEqual({ orderId: expect.any(String), status: "picked-up" })
    expect((await callback(update)).status).toBe(200) // a repeat: nothing changes
    const impossible = await callback({ ...update, updateId: "u2", status: "DELIVERED" }) // no recipient
    expect(impossible.status).toBe(422)
    const listed = (await (await asCitizen(`/api/v1/dossiers/${code}/postal-orders`)).json()) as {
      items: Array<{ status: string; updates: unknown[] }>
    }
    expect(listed.items.map((o) => [o.status, o.updates.length])).toEqual([["picked-up", 1]])
  })

  it("a failed delivery of the result tells the applicant", async () => {
    const created = await asCitizen(`/api/v1/dossiers/${code}/postal-orders`, { kind: "delivery", address: home })
    const order = (await created.json()) as { trackingNumber: string; charge: number }
    expect(order.charge).toBe(16_000)
    const failed = await callback({
      trackingNumber: order.trackingNumber,
      updateId: "d1",
      status: "FAILED",
      at: "2025-10-20T03:00:00Z",
      reason: "Không có người nhận",
    })
    expect(await failed.json()).toMatchObject({ status: "failed" })
    const notices = await server.runtime.run(DevelopmentCalls.use((calls) => Effect.succeed(calls.recent("Notifier"))))
    const told =
      notices._tag === "Success" ? notices.success.filter((c) => c.fields.about === "postal-delivery-failed") : []
    expect(told.map((c) => c.fields.dossierCode)).toEqual([code])
    journeys.set(order.trackingNumber, [
      { updateId: "d1", status: "FAILED", at: "2025-10-20T03:00:00Z", reason: "Không có người nhận" },
      { updateId: "d2", status: "RETURNED", at: "2025-10-21T03:00:00Z" },
    ])
  })

  it("polling the operator ends orders whose callbacks were lost, skips impossible updates, repeats nothing", async () => {
    // the pick-up's callbacks after PICKED_UP never came; the operator's journey has them (and one impossible update)
    journeys.set(tracking, [
      { updateId: "u1", status: "PICKED_UP", at: "2025-10-07T02:00:00Z" },
      { updateId: "u3", status: "IN_TRANSIT", at: "2025-10-07T05:00:00Z" },
      { updateId: "u4", status: "DELIVERED", at: "2025-10-07T09:00:00Z" },
      { updateId: "u5", status: "DELIVERED", at: "2025-10-07T09:30:00Z", receivedBy: "Lê Thị Hoa (một cửa)" },
    ])
    const first = await cleanUp(server.runtime, { intervalMs: 0 })
    expect(first._tag === "Success" && first.success.postalOrdersMoved).toBe(2)
    const listed = (await (await asCitizen(`/api/v1/dossiers/${code}/postal-orders`)).json()) as {
      items: Array<{ kind: string; status: string; handover?: { receivedBy: string } }>
    }
    expect(listed.items.map((o) => [o.kind, o.status, o.handover?.receivedBy])).toEqual([
      ["pickup", "delivered", "Lê Thị Hoa (một cửa)"],
      ["delivery", "returned", undefined],
    ])
    // nothing underway any more: a second poll moves nothing, and the failure was not told twice
    const second = await cleanUp(server.runtime, { intervalMs: 0 })
    expect(second._tag === "Success" && second.success.postalOrdersMoved).toBe(0)
    const notices = await server.runtime.run(DevelopmentCalls.use((calls) => Effect.succeed(calls.recent("Notifier"))))
    const told =
      notices._tag === "Success" ? notices.success.filter((c) => c.fields.about === "postal-delivery-failed") : []
    expect(told).toHaveLength(1)
  })
})
