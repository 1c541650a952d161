// Notices as people see them (issue 8, notifications): each notice of a dossier with its channel and status, a
// provider's delivery report marking it delivered, the citizen's chosen channels followed. Over HTTP on SQLite and
// PostgreSQL (the records are in the database), with the development notifier the server runs without a provider.
import { afterAll, beforeAll, expect, it } from "vitest"
import { relayPass } from "./background.ts"
import {
  citizen,
  gateway,
  officers,
  onEachDatabase,
  residenceFiling,
  send,
  type TestSystem,
  testSystem,
} from "./dossier.test-support.ts"

interface Delivery {
  notificationId: string
  channel: string
  about: string
  status: string
  messageId?: string
  attempts: number
}

onEachDatabase("notification deliveries", (kind) => {
  let system: TestSystem
  beforeAll(async () => {
    system = await testSystem(kind)
  }, 60_000)
  afterAll(async () => system?.close())

  const deliveries = async (code: string) => {
    const response = await send(system.app, citizen(), "GET", `/api/v1/dossiers/${code}/notifications`)
    expect(response.status).toBe(200)
    return ((await response.json()) as { items: Delivery[] }).items
  }

  it("a citizen chooses channels; an officer cannot choose for them; unknown channels are refused", async () => {
    const empty = await send(system.app, citizen(), "GET", "/api/v1/me/notification-channels")
    expect(await empty.json()).toEqual({ channels: [] })
    const bad = await send(system.app, citizen(), "POST", "/api/v1/me/notification-channels", {
      channels: ["pigeon"],
    })
    expect(bad.status).toBe(400)
    const set = await send(system.app, citizen(), "POST", "/api/v1/me/notification-channels", {
      channels: ["email", "portal", "email"],
    })
    expect(await set.json()).toEqual({ channels: ["email", "portal"] })
    const officer = await officers(system)("cb-hg-01")
    const forbidden = await send(system.app, officer, "POST", "/api/v1/me/notification-channels", {
      channels: ["sms"],
    })
    expect(forbidden.status).toBe(403)
  })

  it("the filed notice goes by the chosen channel (e-mail before the SMS the dossier would use), is shown sent, then delivered", async () => {
    // the applicant gave a phone and an e-mail; their choice (previous test: e-mail, then portal) wins over SMS
    const filing = residenceFiling({
      applicant: { ...residenceFiling().applicant, email: "an.nguyen@example.vn" },
    })
    const filed = await send(system.app, citizen(), "POST", "/api/v1/dossiers", filing, {
      "idempotency-key": "notify-visible-1",
    })
    expect(filed.status).toBe(201)
    const { code } = (await filed.json()) as { code: string }
    expect(await deliveries(code)).toEqual([])
    await relayPass(system.runtime, { intervalMs: 0, batch: 100, workerId: "test" })
    const sent = await deliveries(code)
    expect(sent.map((d) => [d.about, d.channel, d.status])).toEqual([["filed", "email", "sent"]])
    const messageId = sent[0]?.messageId ?? ""
    expect(messageId).not.toBe("")

    const report = await send(system.app, gateway(), "POST", "/api/v1/notifications/delivery-report", {
      messageId,
      status: "delivered",
    })
    expect(report.status, await report.clone().text()).toBe(200)
    expect((await deliveries(code))[0]?.status).toBe("delivered")
    // a report for a message nobody sent is 404; a citizen cannot report
    const unknown = await send(system.app, gateway(), "POST", "/api/v1/notifications/delivery-report", {
      messageId: "no-such-message",
      status: "failed",
      reason: "x",
    })
    expect(unknown.status).toBe(404)
    const byCitizen = await send(system.app, citizen(), "POST", "/api/v1/notifications/delivery-report", {
      messageId,
      status: "failed",
    })
    expect([401, 403]).toContain(byCitizen.status)
    expect((await deliveries(code))[0]?.status).toBe("delivered")
  })
})
