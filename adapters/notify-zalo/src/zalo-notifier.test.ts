// The Zalo ZNS notifier against a local stub of Zalo's OAuth and ZNS endpoints (node:http on a free loopback port)
// that checks the requests as Zalo documents them: the refresh is a form POST with the secret_key header and spends
// the refresh token it receives; a ZNS call carries the access token in the access_token header.
import { mkdtempSync, readFileSync, statSync } from "node:fs"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Notification } from "@motcua/application"
import { Effect } from "effect"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { fileTokenStore, type ZaloRefused, zaloNotifier } from "./zalo-notifier.ts"

interface Zalo {
  validRefresh: Set<string>
  validAccess: Set<string>
  issued: number
  refreshes: number
  messages: Array<{ headers: Record<string, unknown>; body: Record<string, unknown> }>
  znsAnswer: ((body: Record<string, unknown>) => { status: number; body: unknown }) | undefined
}
const zalo: Zalo = {
  validRefresh: new Set(),
  validAccess: new Set(),
  issued: 0,
  refreshes: 0,
  messages: [],
  znsAnswer: undefined,
}

const server = createServer((req, res) => {
  let raw = ""
  req.on("data", (c) => {
    raw += c
  })
  req.on("end", () => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" })
      res.end(JSON.stringify(body))
    }
    if (req.url === "/v4/oa/access_token") {
      zalo.refreshes++
      const form = new URLSearchParams(raw)
      if (
        req.headers.secret_key !== "bi-mat" ||
        form.get("app_id") !== "app-1" ||
        form.get("grant_type") !== "refresh_token"
      )
        return reply(200, { error: -14014, error_name: "invalid_request", error_description: "Invalid app or secret" })
      const spent = form.get("refresh_token") ?? ""
      if (!zalo.validRefresh.delete(spent))
        return reply(200, { error: -14019, error_description: "Invalid refresh token" })
      const n = ++zalo.issued
      zalo.validRefresh.add(`refresh-${n}`)
      zalo.validAccess.add(`access-${n}`)
      return reply(200, { access_token: `access-${n}`, refresh_token: `refresh-${n}`, expires_in: "90000" })
    }
    if (req.url === "/message/template") {
      const body = JSON.parse(raw) as Record<string, unknown>
      zalo.messages.push({ headers: req.headers, body })
      if (!zalo.validAccess.has(String(req.headers.access_token)))
        return reply(200, { error: -124, message: "Access token is invalid" })
      const custom = zalo.znsAnswer?.(body)
      if (custom !== undefined) return reply(custom.status, custom.body)
      return reply(200, { error: 0, message: "Success", data: { msg_id: `zns-${zalo.messages.length}`, quota: {} } })
    }
    reply(404, {})
  })
})
let base = ""
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
beforeEach(() => {
  zalo.validRefresh = new Set(["refresh-0"])
  zalo.validAccess = new Set()
  zalo.issued = 0
  zalo.refreshes = 0
  zalo.messages = []
  zalo.znsAnswer = undefined
})

const notice = (overrides: Partial<Notification> = {}): Notification => ({
  about: "receipt",
  form: "receipt",
  channel: "zalo",
  recipient: "0912345678",
  dossierCode: "000.11.50.H49-251006-0001",
  notificationId: "outbox-7",
  data: { procedureName: "Đăng ký thường trú", appointmentAt: "2025-10-15T02:30:00.000Z" },
  ...overrides,
})

let clock = Date.parse("2025-10-06T01:00:00Z")
const settings = (dir = mkdtempSync(join(tmpdir(), "motcua-zalo-"))) => ({
  appId: "app-1",
  secretKey: "bi-mat",
  refreshToken: "refresh-0",
  templates: { receipt: "tpl-101", "result-ready": "tpl-105" },
  tokens: fileTokenStore(join(dir, "zalo-tokens.json")),
  oauthUrl: `${base}/v4/oa/access_token`,
  znsUrl: `${base}/message/template`,
  now: () => clock,
})

describe("zaloNotifier", () => {
  it("gets an access token once, keeps the new refresh token, and sends the template with the notice's data", async () => {
    const dir = mkdtempSync(join(tmpdir(), "motcua-zalo-"))
    const notifier = zaloNotifier(settings(dir))
    const first = await Effect.runPromise(notifier.send(notice()))
    await Effect.runPromise(notifier.send(notice({ about: "result-ready", notificationId: "outbox-8" })))
    expect(first.messageId).toBe("zns-1")
    expect(zalo.refreshes).toBe(1)
    expect(zalo.messages[0]?.headers.access_token).toBe("access-1")
    expect(zalo.messages[0]?.body).toEqual({
      phone: "84912345678",
      template_id: "tpl-101",
      template_data: {
        dossier_code: "000.11.50.H49-251006-0001",
        procedure_name: "Đăng ký thường trú",
        appointment: "15/10/2025 09:30",
      },
      tracking_id: "outbox-7",
    })
    expect(zalo.messages[1]?.body.template_id).toBe("tpl-105")
    const file = join(dir, "zalo-tokens.json")
    expect(JSON.parse(readFileSync(file, "utf8")).refreshToken).toBe("refresh-1")
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it("a restarted instance resumes from the stored refresh token (the first one is spent)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "motcua-zalo-"))
    await Effect.runPromise(zaloNotifier(settings(dir)).send(notice()))
    clock += 26 * 3_600_000 // past the 90 000 s expiry
    const restarted = zaloNotifier(settings(dir))
    await Effect.runPromise(restarted.send(notice()))
    expect(zalo.refreshes).toBe(2)
    expect(zalo.messages.at(-1)?.headers.access_token).toBe("access-2")
  })

  it("renews once when Zalo says the token is invalid, and renews only once for concurrent sends", async () => {
    const notifier = zaloNotifier(settings())
    await Effect.runPromise(notifier.send(notice()))
    zalo.validAccess.clear() // revoked on Zalo's side
    await Promise.all([1, 2, 3].map((i) => Effect.runPromise(notifier.send(notice({ notificationId: `outbox-${i}` })))))
    expect(zalo.refreshes).toBe(2)
  })

  it("refuses permanently a notice without a template, a landline, and a ZNS refusal; a 5xx is temporary", async () => {
    const notifier = zaloNotifier(settings())
    const failure = async (n: Notification) =>
      (await Effect.runPromise(Effect.flip(notifier.send(n)))).cause as ZaloRefused
    const noTemplate = await failure(notice({ about: "apology" }))
    expect([noTemplate.permanent, noTemplate.message.includes("apology")]).toEqual([true, true])
    const landline = await failure(notice({ recipient: "02033825555" }))
    expect(landline.permanent).toBe(true)
    expect(landline.message).not.toContain("02033825555")
    zalo.znsAnswer = () => ({ status: 200, body: { error: -118, message: "Zalo account does not exist" } })
    const refused = await failure(notice())
    expect([refused.permanent, refused.code]).toEqual([true, -118])
    expect(refused.message).toContain("Zalo account does not exist")
    zalo.znsAnswer = () => ({ status: 502, body: { error: "bad gateway" } })
    expect((await failure(notice())).permanent).toBe(false)
  })

  it("reports a refused refresh (wrong secret) with Zalo's reason", async () => {
    const notifier = zaloNotifier({ ...settings(), secretKey: "sai" })
    const refused = (await Effect.runPromise(Effect.flip(notifier.send(notice())))).cause as ZaloRefused
    expect(refused.message).toContain("Invalid app or secret")
    expect(zalo.messages).toHaveLength(0)
  })
})
