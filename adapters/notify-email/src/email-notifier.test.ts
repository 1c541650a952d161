// The e-mail notifier against a real SMTP server (smtp-server, in this process, on a free loopback port), with
// STARTTLS on a certificate made by openssl for the test and a login: what arrives is parsed back with mailparser.
import { execFileSync } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Notification } from "@motcua/application"
import { Effect } from "effect"
import { type ParsedMail, simpleParser } from "mailparser"
import { SMTPServer } from "smtp-server"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { EmailRefused, emailNotifier } from "./email-notifier.ts"

interface Received {
  readonly from: string
  readonly to: ReadonlyArray<string>
  readonly mail: ParsedMail
}

function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), "motcua-smtp-"))
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
      "-keyout",
      join(dir, "key.pem"),
      "-out",
      join(dir, "cert.pem"),
    ],
    { stdio: "ignore" },
  )
  return { key: readFileSync(join(dir, "key.pem"), "utf8"), cert: readFileSync(join(dir, "cert.pem"), "utf8") }
}

const tls = selfSignedCertificate()
const received: Received[] = []
let port = 0
const server = new SMTPServer({
  key: tls.key,
  cert: tls.cert,
  authMethods: ["PLAIN", "LOGIN"],
  onAuth(auth, _session, callback) {
    if (auth.username === "motcua" && auth.password === "mat-khau") callback(null, { user: auth.username })
    else callback(new Error("Invalid username or password"))
  },
  onRcptTo(address, _session, callback) {
    if (address.address.startsWith("khong-ton-tai@")) {
      const error = new Error("No such user") as Error & { responseCode: number }
      error.responseCode = 550
      return callback(error)
    }
    callback()
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = []
    stream.on("data", (chunk: Buffer) => chunks.push(chunk))
    stream.on("end", async () => {
      received.push({
        from: session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address,
        to: session.envelope.rcptTo.map((r) => r.address),
        mail: await simpleParser(Buffer.concat(chunks)),
      })
      callback()
    })
  },
})

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()))
  port = (server.server.address() as AddressInfo).port
})
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

const notice = (overrides: Partial<Notification> = {}): Notification => ({
  about: "receipt",
  form: "receipt",
  channel: "email",
  recipient: "nguyen.van.an@example.vn",
  dossierCode: "000.11.50.H49-251006-0001",
  notificationId: `outbox-${received.length + 1}-${Math.random().toString(36).slice(2, 8)}`,
  data: { procedureName: "Đăng ký thường trú", appointmentAt: "2025-10-15T09:30:00+07:00" },
  ...overrides,
})

const settings = () => ({
  smtp: { host: "127.0.0.1", port, requireTLS: true, ca: tls.cert, auth: { user: "motcua", pass: "mat-khau" } },
  from: '"Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh" <motcua@quangninh.example>',
  fromByAgency: { "000.11.50.H49": '"Bộ phận một cửa phường Hồng Gai" <hong-gai@quangninh.example>' },
  renderForm: async (n: Notification) => ({
    filename: `${n.form}-${n.dossierCode}.pdf`,
    content: new TextEncoder().encode("%PDF-1.7\n% giấy tiếp nhận\n%%EOF\n"),
  }),
})

describe("emailNotifier over SMTP with STARTTLS and a login", () => {
  it("delivers the notice in Vietnamese then English, from the centre's address, with the form attached", async () => {
    const notifier = emailNotifier(settings())
    const n = notice()
    const sent = await Effect.runPromise(notifier.send(n))
    notifier.close()
    const got = received.at(-1)
    expect(got?.to).toEqual(["nguyen.van.an@example.vn"])
    expect(got?.from).toBe("hong-gai@quangninh.example")
    const mail = got?.mail as ParsedMail
    expect(mail.subject).toBe(
      "Hồ sơ 000.11.50.H49-251006-0001 đã được tiếp nhận / Dossier 000.11.50.H49-251006-0001 has been accepted",
    )
    expect(mail.text).toContain("Hồ sơ 000.11.50.H49-251006-0001 (Đăng ký thường trú) đã được tiếp nhận.")
    expect(mail.text).toContain("Ngày hẹn trả kết quả: 15/10/2025 09:30.")
    expect(mail.text?.indexOf("Hồ sơ")).toBeLessThan(mail.text?.indexOf("Dossier") ?? -1)
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ["receipt-000.11.50.H49-251006-0001.pdf", "application/pdf"],
    ])
    expect(mail.attachments[0]?.content.toString("utf8")).toContain("%PDF-1.7")
    expect(mail.messageId).toBe(`<${n.notificationId}@quangninh.example>`)
    expect(sent.messageId).toBe(mail.messageId)
  })

  it("uses the default sender for other agencies and attaches nothing when the notice has no form", async () => {
    const notifier = emailNotifier(settings())
    await Effect.runPromise(
      notifier.send(notice({ about: "result-ready", form: undefined, dossierCode: "000.00.10.H49-251006-0002" })),
    )
    notifier.close()
    const got = received.at(-1)
    expect(got?.from).toBe("motcua@quangninh.example")
    expect(got?.mail.attachments).toEqual([])
    expect(got?.mail.subject).toContain("đã có kết quả")
  })

  it("sends a retried notification with the same Message-ID", async () => {
    const notifier = emailNotifier(settings())
    const n = notice()
    await Effect.runPromise(notifier.send(n))
    await Effect.runPromise(notifier.send(n))
    notifier.close()
    const [a, b] = received.slice(-2)
    expect(a?.mail.messageId).toBe(b?.mail.messageId)
  })

  it("reports a refused mailbox (550) as a permanent failure, naming the dossier and not the address", async () => {
    const notifier = emailNotifier(settings())
    const failed = await Effect.runPromise(
      Effect.flip(notifier.send(notice({ recipient: "khong-ton-tai@example.vn" }))),
    )
    notifier.close()
    const refused = failed.cause as EmailRefused
    expect(refused).toBeInstanceOf(EmailRefused)
    expect(refused.permanent).toBe(true)
    expect(refused.code).toBe(550)
    expect(refused.message).toContain("000.11.50.H49-251006-0001")
    expect(refused.message).not.toContain("khong-ton-tai@example.vn")
  })

  it("reports a wrong password and an unreachable server as temporary failures", async () => {
    const wrong = emailNotifier({ ...settings(), smtp: { ...settings().smtp, auth: { user: "motcua", pass: "sai" } } })
    const badLogin = await Effect.runPromise(Effect.flip(wrong.send(notice())))
    wrong.close()
    expect((badLogin.cause as EmailRefused).message).toMatch(/Invalid username or password/)
    const down = emailNotifier({ ...settings(), smtp: { host: "127.0.0.1", port: 1, timeoutMs: 2_000 } })
    const unreachable = await Effect.runPromise(Effect.flip(down.send(notice())))
    down.close()
    expect((unreachable.cause as EmailRefused).permanent).toBe(false)
  })
})
