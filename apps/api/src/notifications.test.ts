// Notification channels from the environment: unusable variables are named at start, and a server configured with
// SMTP delivers an applicant's notice through the outbox relay to a real SMTP server (smtp-server in this process).
import type { AddressInfo } from "node:net"
import { residenceFiling } from "@motcua/application/testing"
import { type ParsedMail, simpleParser } from "mailparser"
import { SMTPServer } from "smtp-server"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { settingsFromEnvironment } from "./environment.ts"
import { memoryLogger } from "./logging.ts"
import { startServer } from "./server.ts"
import { data } from "./testing.test-support.ts"

const received: Array<{ to: string[]; mail: ParsedMail }> = []
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    const chunks: Buffer[] = []
    stream.on("data", (c: Buffer) => chunks.push(c))
    stream.on("end", async () => {
      received.push({
        to: session.envelope.rcptTo.map((r) => r.address),
        mail: await simpleParser(Buffer.concat(chunks)),
      })
      callback()
    })
  },
})
let smtpPort = 0
beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()))
  smtpPort = (smtp.server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())))

describe("notification settings", () => {
  it("name every unusable variable", () => {
    expect(() => settingsFromEnvironment({ MOTCUA_SMTP_URL: "smtp://mail.example.vn" })).toThrow(/MOTCUA_MAIL_FROM/)
    expect(() =>
      settingsFromEnvironment({ MOTCUA_SMTP_URL: "http://mail.example.vn", MOTCUA_MAIL_FROM: "a@b.vn" }),
    ).toThrow(/MOTCUA_SMTP_URL: giao thức/)
    expect(() => settingsFromEnvironment({ MOTCUA_SMS_URL: "https://sms.example.vn/send" })).toThrow(
      /MOTCUA_SMS_API_KEY.*MOTCUA_SMS_BRAND/,
    )
    expect(() =>
      settingsFromEnvironment({
        MOTCUA_ZALO_APP_ID: "1",
        MOTCUA_ZALO_SECRET_KEY: "s",
        MOTCUA_ZALO_REFRESH_TOKEN: "r",
        MOTCUA_ZALO_TOKEN_FILE: "/tmp/z.json",
        MOTCUA_ZALO_TEMPLATES: "[1,2]",
      }),
    ).toThrow(/MOTCUA_ZALO_TEMPLATES/)
  })

  it("read an SMTP URL into host, port, login and STARTTLS", () => {
    const settings = settingsFromEnvironment({
      MOTCUA_SMTP_URL: "smtp://motcua%40qn:m%E1%BA%ADt@mail.example.vn:2525",
      MOTCUA_MAIL_FROM: "motcua@quangninh.example",
      MOTCUA_MAIL_FROM_BY_AGENCY: '{"000.11.50.H49":"hong-gai@quangninh.example"}',
    }).notifications.email
    expect(settings?.smtp).toMatchObject({
      host: "mail.example.vn",
      port: 2525,
      secure: false,
      requireTLS: true,
      auth: { user: "motcua@qn", pass: "mật" },
    })
    expect(settings?.fromByAgency).toEqual({ "000.11.50.H49": "hong-gai@quangninh.example" })
    expect(settingsFromEnvironment({}).notifications).toEqual({})
  })
})

describe("a server with SMTP configured", () => {
  it("e-mails the applicant the filing notice through the outbox relay", async () => {
    const server = await startServer({
      port: 0,
      hostname: "127.0.0.1",
      logger: memoryLogger(),
      data,
      secureCookies: false,
      env: {
        MOTCUA_DEMO_CITIZENS: "1",
        MOTCUA_SMTP_URL: `smtp://127.0.0.1:${smtpPort}?starttls=false`,
        MOTCUA_MAIL_FROM: '"Trung tâm Phục vụ hành chính công" <motcua@quangninh.example>',
      },
      relay: { intervalMs: 60_000 },
      maintenance: { intervalMs: 0 },
    })
    try {
      const filing = residenceFiling()
      // no phone, an e-mail address: the notice goes by e-mail
      const { phone: _phone, ...withoutPhone } = filing.applicant
      const applicant = { ...withoutPhone, email: "nguyen.van.an@example.vn" }
      const answer = await fetch(`http://127.0.0.1:${server.port}/api/v1/dossiers`, {
        method: "POST",
        headers: {
          authorization: "Bearer demo-citizen-022090001234",
          "content-type": "application/json",
          "idempotency-key": "notify-email-1",
        },
        body: JSON.stringify({ ...filing, applicant }),
      })
      expect(answer.status).toBe(201)
      const { code } = (await answer.json()) as { code: string }
      await server.relayNow?.()
      const mine = received.filter((r) => r.mail.subject?.includes(code))
      expect(mine).toHaveLength(1)
      expect(mine[0]?.to).toEqual(["nguyen.van.an@example.vn"])
      expect(mine[0]?.mail.subject).toBe(
        `Hồ sơ ${code} đã được gửi và đang chờ tiếp nhận / Dossier ${code} has been filed and awaits intake`,
      )
      expect(mine[0]?.mail.text).toContain("(Đăng ký thường trú)")
    } finally {
      await server.close()
    }
  })
})
