// The officer, leader, centre and post-office pages in Chromium (Debian's, through playwright-core), against a real API
// server on SQLite with the demo accounts (test/site.ts), signed bank notices enabled, and the real counter agent
// (apps/counter-agent, its own process) driving SANE's `test` scanner:
// - a counter officer pairs the desk with the agent, scans both papers of a residence registration through it, and
//   fills the applicant from an ID-card reader's keystroke burst and from a serial reader's scan (a socat
//   pseudo-terminal as its port) — what the officer typed differently is replaced only when the officer says so, a
//   card that does not check is refused with the reason, and the serial reader unplugged is said;
// - money held at the centre's account is applied to a dossier or returned; the refund waits for another account (the
//   centre's head), who approves it; the day is reconciled against a bank statement CSV, a broken one refused by line;
// - a leader replaces a wrong e-receipt; a refused dossier's fee is asked back on its page and approved by the leader;
// - a leader reads the Decision 766 index and the late dossier behind 2.1, and the overdue dossier without an apology
//   the SLA sweep found (a dossier filed on the 2nd of the month before last on the server's clock, so that it is
//   past its appointment and unfinished at that month's end);
// - a specialist classifies, answers and publishes a citizen's petition; the province administrator reads the outbox
//   and the portal sync's health on the dashboard; a post office agent's intake form has the desk's devices too.
// axe-core finds no serious or critical violation on any of these pages; screenshots go to apps/web/test-artifacts/.
import { createHash, createHmac } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { createServer as createHttpServer, type Server } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { type PtyPair, startPtyPair } from "@motcua/device-card-reader/testing"
import { Result } from "effect"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { launchChromium } from "./chromium.ts"
import { type RunningAgent, startCounterAgent } from "./counter-agent.ts"
import { newContext, pageChecks } from "./page-checks.ts"
import { DEMO_PASSWORD, officerHeaders, type Site, startSite } from "./site.ts"

const CITIZEN_TOKEN = "demo-citizen-022090001234"
const NOTICE_SECRET = "web-officer-test-bank-notice-secret-0123456789"
const CENTRE = "ttphcc-06685"
/** The card's QR text as a CCCD reader types it (id, old id, name, birth date, sex, address, issue date). */
const CARD = "022090001234|100123456|Nguyễn Văn An|15031990|Nam|Tổ 5, khu 3, phường Hồng Gai|01072021"
/** The same card's back, its machine-readable zone (the domain's formatMrz of the card's data, valid to 2030). */
const CARD_MRZ = ["IDVNM0900012345022090001234<<3", "9003152M3003150VNM<<<<<<<<<<<6", "NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<"]

let site: Site
let browser: Browser
/** The province's gateway to the national population database (population-http's protocol), and what it was asked. */
let registry: Server | undefined
const registryAsked: { personalId: string; purpose: string; requestedBy: string; consent: { kind: string } }[] = []
let agent: RunningAgent | undefined
let agentUrl = ""
/** The agent's serial card reader: the test writes into the other end of its pseudo-terminal. */
const ptyDir = mkdtempSync(join(tmpdir(), "motcua-web-serial-"))
let cardReader: PtyPair | undefined
/** 09:00 in Vietnam on the 2nd of the month before last: when the late dossier is filed. */
const lateFiled = (() => {
  const now = new Date(Date.now() + 7 * 3_600_000)
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 2, 2, 0))
})()
/** The server's clock runs this far from the real one (at first, at the late dossier's filing). */
let offsetMs = lateFiled.getTime() - Date.now()
const { record, expectAccessible } = pageChecks()
const contexts: BrowserContext[] = []
/** The dossier filed in the past: overdue now, late in its month's index. */
let lateCode = ""
const lateMonth = new Date(lateFiled.getTime() + 7 * 3_600_000).toISOString().slice(0, 7)

/** A demo officer's session over HTTP (cookie and CSRF token). */
const session = (username: string) => officerHeaders(site, username)

async function call<T>(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<T> {
  const answer = await fetch(`${site.url}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json", ...init.headers },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  })
  const text = await answer.text()
  if (!answer.ok) throw new Error(`${path}: ${answer.status} ${text}`)
  return JSON.parse(text) as T
}

const citizen = { authorization: `Bearer ${CITIZEN_TOKEN}` }

/** Files a residence registration online as the demo citizen, with both papers uploaded. */
async function fileOnline(key: string): Promise<string> {
  const ids: string[] = []
  for (const name of ["ct01", "cho-o"]) {
    const uploaded = await fetch(`${site.url}/api/v1/documents`, {
      method: "POST",
      headers: { ...citizen, "content-type": "application/pdf" },
      body: `%PDF-1.7\n% ${name} ${key}\n%%EOF\n`,
    })
    expect(uploaded.status).toBe(201)
    ids.push(((await uploaded.json()) as { id: string }).id)
  }
  const filed = await call<{ code: string }>("/api/v1/dossiers", {
    headers: { ...citizen, "idempotency-key": key },
    body: {
      procedureCode: "1.004222",
      applicant: { id: "022090001234", name: "Nguyễn Văn An", kind: "citizen" },
      residence: { provinceCode: "22", unitCode: "06685" },
      subjectUnitCode: "06685",
      documents: [{ id: "ct01" }, { id: "cho-o-hop-phap" }],
      attachmentIds: ids,
    },
  })
  return filed.code
}

/** A bank's signed notice of a transfer into the centre's account (adapters/payment-vietqr's protocol). */
async function bankNotice(transactionId: string, amount: number, description: string) {
  const account = await accountNumber()
  const body = JSON.stringify({
    transactionId,
    accountNumber: account,
    amount,
    description,
    creditedAt: new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 19).replace("T", " "),
  })
  const at = Math.floor(Date.now() / 1000)
  const signature = createHmac("sha256", NOTICE_SECRET).update(`${at}.${body}`).digest("hex")
  return call<{ outcome: string; reason: string }>("/api/v1/payments/vietqr/notice", {
    headers: { "x-timestamp": String(at), "x-signature": signature },
    body: JSON.parse(body),
  })
}

let account: string | undefined
/** The centre's account, as its payment requests' VietQR payload names it. */
async function accountNumber(): Promise<string> {
  if (account !== undefined) return account
  const data = loadQuangNinh()
  if (Result.isFailure(data)) throw new Error("the sample data does not load")
  const found = data.success.paymentAccounts?.accounts.find((a) => a.centreId === CENTRE)
  if (found === undefined) throw new Error(`no account for ${CENTRE}`)
  account = found.accountNumber
  return account
}

async function signedIn(username: string): Promise<Page> {
  const context = await newContext(browser, { acceptDownloads: false })
  contexts.push(context)
  const page = await context.newPage()
  await page.goto(`${site.url}/dang-nhap`)
  await page.getByLabel("Tên đăng nhập").fill(username)
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD)
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click()
  await page.waitForURL((url) => !url.pathname.endsWith("/dang-nhap"))
  return page
}

/**
 * A keyboard-wedge reader: every character as a key press 4 ms after the last (the events' own timestamps), then
 * Enter — pipelined through the DevTools protocol, as fast as a reader types. Several lines (an MRZ reader's) each
 * end with Enter, the next one following at the same pace.
 */
async function wedge(page: Page, ...lines: string[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  const start = Date.now() / 1000
  const sends: Promise<unknown>[] = []
  let i = 0
  const enter = { key: "Enter", code: "Enter", windowsVirtualKeyCode: 13 }
  for (const line of lines) {
    for (const ch of line) {
      const timestamp = start + i++ * 0.004
      sends.push(
        cdp.send("Input.dispatchKeyEvent", { type: "keyDown", key: ch, text: ch, unmodifiedText: ch, timestamp }),
      )
      sends.push(cdp.send("Input.dispatchKeyEvent", { type: "keyUp", key: ch, timestamp }))
    }
    const timestamp = start + i++ * 0.004
    sends.push(cdp.send("Input.dispatchKeyEvent", { type: "keyDown", ...enter, text: "\r", timestamp }))
    sends.push(cdp.send("Input.dispatchKeyEvent", { type: "keyUp", ...enter, timestamp }))
  }
  await Promise.all(sends)
  await cdp.detach()
}

/** The gateway knows one citizen: the demo citizen, with the address of their permanent residence. */
async function startRegistry(): Promise<string> {
  registry = createHttpServer((req, res) => {
    let body = ""
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString()
    })
    req.on("end", () => {
      const asked = JSON.parse(body) as (typeof registryAsked)[number]
      registryAsked.push(asked)
      res.writeHead(200, { "content-type": "application/json" })
      res.end(
        JSON.stringify(
          asked.personalId === "022090001234"
            ? {
                found: true,
                reference: "DC-0001",
                citizen: {
                  personalId: "022090001234",
                  fullName: "Nguyễn Văn An",
                  dateOfBirth: "1990-03-15",
                  sex: "Nam",
                  permanentAddress: "Số 12 phố Cột Đồng Hồ, phường Hồng Gai",
                },
              }
            : { found: false },
        ),
      )
    })
  })
  await new Promise<void>((resolve) => registry?.listen(0, "127.0.0.1", resolve))
  return `http://127.0.0.1:${(registry.address() as { port: number }).port}`
}

beforeAll(async () => {
  site = await startSite({
    now: () => new Date(Date.now() + offsetMs),
    env: {
      MOTCUA_VIETQR_NOTICE_SECRET: NOTICE_SECRET,
      MOTCUA_POPULATION_URL: await startRegistry(),
      MOTCUA_POPULATION_TOKEN: "web-officer-test-population-token",
    },
  })
  // the month before last on the server's clock: a residence registration filed online and accepted at the counter
  lateCode = await fileOnline("officer-late-1")
  const counter = await session("cb-hg-01")
  const { version } = await call<{ version: number }>(`/api/v1/dossiers/${lateCode}`, { headers: counter })
  await call(`/api/v1/dossiers/${lateCode}/accept`, { headers: counter, body: { expectedVersion: version } })
  // back to now: the dossier is overdue; the sweep notices it, the relay syncs the records to the portal
  offsetMs = 0
  await site.server.slaSweepNow?.()
  await site.server.relayNow?.()
  browser = await launchChromium()
  cardReader = await startPtyPair(ptyDir, "card-reader")
  agent = await startCounterAgent(site.url, "test:0", cardReader.port)
  agentUrl = agent.url
})

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined)
  await browser?.close()
  agent?.stop()
  await cardReader?.stop()
  rmSync(ptyDir, { recursive: true, force: true })
  await site?.close()
  await new Promise<void>((resolve) => (registry === undefined ? resolve() : registry.close(() => resolve())))
})

describe("the officer, leader and post-office pages in Chromium", () => {
  let paidCode = ""
  /** The dossier taken in at the counter with the scanned papers. */
  let scannedCode = ""

  it("a counter officer pairs the agent, scans both papers and fills the applicant from the ID-card reader", async () => {
    const page = await signedIn("cb-hg-01")
    await page.goto(`${site.url}/thu-tuc/1.004222/nop`)
    await page.getByRole("heading", { name: "Thiết bị tại quầy" }).waitFor()
    // the agent is found at its address, running but not paired with this officer yet
    await page.getByLabel("Địa chỉ phần mềm thiết bị trên máy này").fill(agentUrl)
    await page.getByRole("button", { name: "Kết nối" }).click()
    await expect.poll(() => page.getByTestId("agent-state").textContent()).toContain("chưa ghép nối")
    await page.getByRole("button", { name: "Ghép nối với tài khoản của tôi" }).click()
    await expect.poll(() => page.getByTestId("agent-state").textContent()).toMatch(/Đã ghép nối. Số máy quét: [1-9]/)

    // the officer typed a name by hand, then the reader sends the card while the phone field has focus
    await page.getByLabel("Họ và tên").fill("Nguyen Van A")
    await page.getByLabel("Số điện thoại").focus()
    await wedge(page, CARD)
    await expect.poll(() => page.getByTestId("card-status").textContent()).toContain("Đã đọc thẻ của Nguyễn Văn An")
    // the empty fields are filled, what the reader typed into the phone field is taken back, the typed name is kept
    expect(await page.getByLabel("Số định danh cá nhân").inputValue()).toBe("022090001234")
    expect(await page.getByLabel("Địa chỉ", { exact: true }).inputValue()).toBe("Tổ 5, khu 3, phường Hồng Gai")
    expect(await page.getByLabel("Số điện thoại").inputValue()).toBe("")
    expect(await page.getByLabel("Họ và tên").inputValue()).toBe("Nguyen Van A")
    const conflicts = page.getByTestId("card-conflicts")
    expect(await conflicts.locator("tbody tr").allTextContents()).toEqual(["Họ và tênNguyen Van ANguyễn Văn An"])
    await record(page, "counter-card-conflict")
    await conflicts.getByRole("button", { name: "Giữ thông tin đã nhập" }).click()
    expect(await page.getByLabel("Họ và tên").inputValue()).toBe("Nguyen Van A")
    // read again: this time the officer takes the card's name
    await page.getByLabel("Họ và tên").focus()
    await wedge(page, CARD)
    await page.getByTestId("card-conflicts").getByRole("button", { name: "Dùng thông tin trên thẻ" }).click()
    expect(await page.getByLabel("Họ và tên").inputValue()).toBe("Nguyễn Văn An")
    // a card whose id does not match its birth date is refused with the API's reason; the form is untouched
    await wedge(page, CARD.replace("15031990", "15031991"))
    await page.getByRole("alert").filter({ hasText: "Không đọc được thẻ" }).waitFor()
    expect(await page.getByLabel("Họ và tên").inputValue()).toBe("Nguyễn Văn An")
    // the back of the card through an MRZ reader: three lines, one burst; the name as the MRZ writes it (no
    // diacritics) differs from the form's, so the officer is asked, and keeps the form's
    await page.getByLabel("Họ và tên").focus()
    await wedge(page, ...CARD_MRZ)
    await page.getByTestId("card-status").filter({ hasText: "022090001234" }).waitFor()
    const mrzConflicts = page.getByTestId("card-conflicts")
    expect(await mrzConflicts.locator("tbody tr").allTextContents()).toEqual(["Họ và tênNguyễn Văn AnNGUYEN VAN AN"])
    await mrzConflicts.getByRole("button", { name: "Giữ thông tin đã nhập" }).click()
    expect(await page.getByLabel("Họ và tên").inputValue()).toBe("Nguyễn Văn An")
    expect(await page.getByLabel("Số định danh cá nhân").inputValue()).toBe("022090001234")

    // the same card through the serial reader the agent reads (its QR in chunks with pauses, ended by CR): the id
    // cleared by the officer is filled again, the name typed differently is offered, and taken on the officer's word
    await page.getByTestId("serial-reader").filter({ hasText: "sẵn sàng" }).waitFor()
    await page.getByLabel("Số định danh cá nhân").fill("")
    await page.getByLabel("Họ và tên").fill("Nguyen Van A")
    await cardReader?.writeChunks(`${CARD}\r`, [11, 5, 23], 30)
    await page.getByTestId("card-status").filter({ hasText: "Nguyễn Văn An (số định danh" }).waitFor()
    await expect.poll(() => page.getByLabel("Số định danh cá nhân").inputValue()).toBe("022090001234")
    expect(await page.getByLabel("Họ và tên").inputValue()).toBe("Nguyen Van A")
    const serialConflicts = page.getByTestId("card-conflicts")
    expect(await serialConflicts.locator("tbody tr").allTextContents()).toEqual(["Họ và tênNguyen Van ANguyễn Văn An"])
    await serialConflicts.getByRole("button", { name: "Dùng thông tin trên thẻ" }).click()
    expect(await page.getByLabel("Họ và tên").inputValue()).toBe("Nguyễn Văn An")
    // a scan that is not a card is refused saying where; the reader unplugged is said at the desk
    await cardReader?.write("không phải thẻ\r")
    await page.getByRole("alert").filter({ hasText: "QR (layout)" }).waitFor()
    expect(await page.getByLabel("Họ và tên").inputValue()).toBe("Nguyễn Văn An")
    await cardReader?.stop()
    await page.getByTestId("serial-reader").filter({ hasText: "chưa dùng được" }).waitFor()

    // both papers scanned through the agent (SANE's test scanner), filed as the dossier's digitised papers
    await page.getByLabel("Độ phân giải khi quét").selectOption("100")
    await page.getByRole("button", { name: /Quét giấy tờ: Tờ khai thay đổi thông tin cư trú/ }).click()
    await page.getByTestId("scanned-ct01").waitFor({ timeout: 60_000 })
    await page.getByRole("button", { name: /Quét giấy tờ: Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp/ }).click()
    await page.getByTestId("scanned-cho-o-hop-phap").waitFor({ timeout: 60_000 })
    expect(await page.getByTestId("scanned-ct01").textContent()).toContain("số trang: 1")
    await page.getByLabel("Xã, phường nơi cư trú").selectOption("06685")
    await record(page, "counter-intake-devices")
    await page.getByRole("button", { name: "Nộp hồ sơ" }).click()
    const filed = page.getByRole("status").filter({ hasText: "Đã nộp hồ sơ" })
    // an alert other than the card's refusal above, which is still on the page
    const refused = page.getByRole("alert").filter({ hasNotText: "Không đọc được thẻ" }).last()
    await Promise.race([filed.waitFor(), refused.waitFor()])
    if (!(await filed.isVisible())) expect.fail(`intake refused: ${await refused.textContent()}`)
    const code = /Đã nộp hồ sơ (\S+)/.exec((await filed.textContent()) ?? "")?.[1] ?? ""
    scannedCode = code
    const counter = await session("cb-hg-01")
    const dossier = await call<{ documentIds: string[]; context: { applicant: { name: string } } }>(
      `/api/v1/dossiers/${code}`,
      { headers: counter },
    )
    expect(dossier.documentIds).toHaveLength(2)
    expect(dossier.context.applicant.name).toBe("Nguyễn Văn An")
    // the stored papers are the scans: PDFs
    const bytes = await (
      await fetch(`${site.url}/api/v1/dossiers/${code}/documents/${dossier.documentIds[0]}`, { headers: counter })
    ).arrayBuffer()
    expect(new TextDecoder().decode(new Uint8Array(bytes).subarray(0, 5))).toBe("%PDF-")
    // each scan is recorded as the digitised paper it is: which required document, one page, the stored bytes' hash
    const papers = await call<{
      items: {
        documentId: string
        current: { fileId: string; pages: number | null; sha256: string; source: string; digitisedBy: string }
      }[]
    }>(`/api/v1/dossiers/${code}/papers`, { headers: counter })
    expect(papers.items.map((p) => p.documentId).sort()).toEqual(["cho-o-hop-phap", "ct01"])
    for (const paper of papers.items) {
      expect(paper.current).toMatchObject({ pages: 1, source: "officer", digitisedBy: "cb-hg-01" })
      expect(dossier.documentIds).toContain(paper.current.fileId)
      const stored = await (
        await fetch(`${site.url}/api/v1/dossiers/${code}/documents/${paper.current.fileId}`, { headers: counter })
      ).arrayBuffer()
      expect(paper.current.sha256).toBe(createHash("sha256").update(new Uint8Array(stored)).digest("hex"))
    }
  })

  it("the counter officer looks the applicant up in the population database, with consent, and fills the form", async () => {
    const page = await signedIn("cb-hg-01")
    await page.goto(`${site.url}/thu-tuc/1.004222/nop`)
    await page.getByRole("heading", { name: "Cơ sở dữ liệu quốc gia về dân cư" }).waitFor()
    const lookUp = page.getByRole("button", { name: "Tra cứu CSDL quốc gia về dân cư" })
    // the officer typed another name and the id; the address is empty
    await page.getByLabel("Họ và tên").fill("Trần Văn An")
    await page.getByLabel("Số định danh cá nhân").fill("022090001234")
    // no lookup without the citizen's signed consent
    expect(await lookUp.isDisabled()).toBe(true)
    await page.getByLabel("Công dân đã ký đồng ý cho tra cứu thông tin cá nhân").check()
    await lookUp.click()
    await expect
      .poll(() => page.getByTestId("registry-status").textContent())
      .toBe("Đã tìm thấy Nguyễn Văn An, nhưng khác với thông tin đã nhập: họ và tên.")
    // the registry was asked with the consent and the procedure as purpose, by this officer
    expect(registryAsked.at(-1)).toMatchObject({
      personalId: "022090001234",
      purpose: "1.004222",
      requestedBy: "cb-hg-01",
      consent: { kind: "signed-at-counter" },
    })
    // the empty address is filled; the typed name is kept until the officer says otherwise
    expect(await page.getByLabel("Địa chỉ", { exact: true }).inputValue()).toBe(
      "Số 12 phố Cột Đồng Hồ, phường Hồng Gai",
    )
    expect(await page.getByLabel("Họ và tên").inputValue()).toBe("Trần Văn An")
    const conflicts = page.getByTestId("registry-conflicts")
    expect(await conflicts.locator("tbody tr").allTextContents()).toEqual(["Họ và tênTrần Văn AnNguyễn Văn An"])
    await record(page, "counter-population-lookup")
    await conflicts.getByRole("button", { name: "Dùng thông tin trong CSDL dân cư" }).click()
    expect(await page.getByLabel("Họ và tên").inputValue()).toBe("Nguyễn Văn An")
    expect(await page.getByTestId("registry-status").textContent()).toBe(
      "Đã thay bằng thông tin trong CSDL quốc gia về dân cư.",
    )
    // someone the registry does not know: said so, nothing filled
    await page.getByLabel("Số định danh cá nhân").fill("022090009999")
    await lookUp.click()
    await expect
      .poll(() => page.getByTestId("registry-status").textContent())
      .toBe("Không có số định danh 022090009999 trong CSDL quốc gia về dân cư.")
    expect(await page.getByLabel("Họ và tên").inputValue()).toBe("Nguyễn Văn An")
    // each lookup is audited as a read of the population database
    const reads = await call<{ items: { action: string; actor: string }[] }>(
      "/api/v1/audit/reads?actor=cb-hg-01&limit=500",
      { headers: await session("tt-01") },
    )
    expect(reads.items.filter((e) => e.action === "read.population").length).toBe(2)

    // looked up again and found: the filing asks the API to verify the applicant with the same consent, and the
    // dossier records it (indicator 4.5, the portal's verified flag)
    await page.getByLabel("Số định danh cá nhân").fill("022090001234")
    await lookUp.click()
    await expect.poll(() => page.getByTestId("registry-status").textContent()).toContain("Nguyễn Văn An")
    await page.getByLabel("Xã, phường nơi cư trú").selectOption("06685")
    await page.getByRole("button", { name: "Nộp hồ sơ" }).click()
    const filed = page.getByRole("status").filter({ hasText: "Đã nộp hồ sơ" })
    await Promise.race([filed.waitFor(), page.getByRole("alert").last().waitFor()])
    if (!(await filed.isVisible())) expect.fail(`intake refused: ${await page.getByRole("alert").last().textContent()}`)
    const code = /Đã nộp hồ sơ (\S+)/.exec((await filed.textContent()) ?? "")?.[1] ?? ""
    const dossier = await call<{ context: { applicantVerification?: { source: string; consent: string } } }>(
      `/api/v1/dossiers/${code}`,
      { headers: await session("cb-hg-01") },
    )
    expect(dossier.context.applicantVerification).toMatchObject({
      source: "population-db",
      consent: "signed-at-counter",
    })
  })

  it("the officer previews a scanned paper on the dossier's page, drawn by the API as an image; the read audited", async () => {
    expect(scannedCode).not.toBe("")
    const page = await signedIn("cb-hg-01")
    const opened = await page.goto(`${site.url}/ho-so/${scannedCode}`)
    // the page keeps its strict policy: no PDF embedded, images from the origin or blobs only
    expect(opened?.headers()["content-security-policy"]).toContain("object-src 'none'")
    await page.getByTestId("dossier-state").waitFor()
    const counter = await session("cb-hg-01")
    const { documentIds } = await call<{ documentIds: string[] }>(`/api/v1/dossiers/${scannedCode}`, {
      headers: counter,
    })
    const second = documentIds[1] ?? ""
    const readsOfSecond = async () =>
      (
        await call<{ items: { action: string; actor: string; detail: { documentId?: string } }[] }>(
          `/api/v1/audit/reads?dossier=${scannedCode}`,
          { headers: await session("tt-01") },
        )
      ).items
        .filter((e) => e.detail.documentId === second)
        .map((e) => [e.action, e.actor])
    // the intake test read the stored bytes already: what counts is what the preview adds
    const readBefore = await readsOfSecond()
    // the dossier's documents list (the papers section has its own preview of the same file)
    const documents = page.getByRole("region", { name: "Tài liệu", exact: true })
    await documents.getByRole("button", { name: `Xem trước tài liệu ${second.slice(0, 8)}` }).click()
    const preview = page.getByTestId(`preview-${second}`)
    const image = preview.getByRole("img", { name: `Trang 1/1 của tài liệu ${second.slice(0, 8)}` })
    await image.waitFor()
    // the scan's page as the API drew it: a real picture, shown from a blob fetched with the officer's session
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100)
    expect(await image.getAttribute("src")).toMatch(/^blob:/)
    expect(await preview.locator("figcaption").textContent()).toContain("Trang 1/1")
    expect(await preview.getByRole("button", { name: "Trang sau" }).isDisabled()).toBe(true)
    await record(page, "dossier-document-preview")
    // seen is read: the preview is in the audit trail like a download
    expect(await readsOfSecond()).toEqual([...readBefore, ["read.dossier-document", "cb-hg-01"]])
    await documents.getByRole("button", { name: `Đóng xem trước tài liệu ${second.slice(0, 8)}` }).click()
    await preview.waitFor({ state: "detached" })
  })

  it("a post office agent's intake form has the desk's devices too", async () => {
    const page = await signedIn("bd-hg-01")
    await page.goto(`${site.url}/thu-tuc/1.001193/nop`)
    await page.getByRole("heading", { name: "Đầu đọc thẻ CCCD" }).waitFor()
    await page.getByLabel("Địa chỉ phần mềm thiết bị trên máy này").fill(agentUrl)
    await page.getByRole("button", { name: "Kết nối" }).click()
    // the agent is paired with the counter officer, not with this agent's tab
    await expect.poll(() => page.getByTestId("agent-state").textContent()).toContain("chưa ghép nối")
    await record(page, "agent-intake-devices")
  })

  it("money held at the centre is applied to a dossier or returned; the refund is approved by the centre's head", async () => {
    paidCode = await fileOnline("officer-paid-1")
    // the citizen asks to pay by VietQR: a transfer to the centre's account carrying the request's reference
    const { reference } = await call<{ reference: string }>(`/api/v1/dossiers/${paidCode}/payment-requests`, {
      headers: citizen,
      body: { channel: "vietqr" },
    })
    expect(reference).toMatch(/^MC/)
    // twice the fee with the right reference, then the fee without any reference: both held for an officer
    expect(await bankNotice("FT-OVER-1", 20_000, `${reference} NOP PHI`)).toMatchObject({
      outcome: "held",
      reason: "overpayment",
    })
    expect(await bankNotice("FT-NOREF-1", 10_000, "CHUYEN TIEN LE PHI")).toMatchObject({
      outcome: "held",
      reason: "no-reference",
    })

    const page = await signedIn("cb-hg-01")
    await page.getByRole("link", { name: "Thanh toán" }).click()
    const items = page.getByTestId("held-item")
    await expect.poll(() => items.count()).toBe(2)
    await record(page, "payments-held")
    const noReference = items.filter({ hasText: "Không có mã thanh toán" })
    await noReference.getByLabel("Mã hồ sơ").fill(paidCode)
    await noReference.getByRole("button", { name: "Ghi nhận cho hồ sơ" }).click()
    await expect.poll(() => items.count()).toBe(1)
    const over = items.filter({ hasText: "Nộp thừa" })
    await over.getByLabel("Đề nghị hoàn trả người chuyển").check()
    await over.getByLabel("Lý do hoàn trả").fill("Nộp thừa, hoàn lại người chuyển")
    await over.getByRole("button", { name: "Đề nghị hoàn trả người chuyển" }).click()
    await expect.poll(() => items.count()).toBe(0)
    const waiting = page.getByTestId("refunds-waiting")
    await expect.poll(() => waiting.textContent()).toContain("20.000 đ")
    // the officer who asked is not offered the decision
    expect(await waiting.textContent()).toContain("Bạn là người đề nghị khoản hoàn trả này")
    expect(await waiting.getByRole("button", { name: "Duyệt hoàn trả" }).count()).toBe(0)
    const paid = await call<{ payment: { outstanding: number } }>(`/api/v1/dossiers/${paidCode}`, {
      headers: citizen,
    })
    expect(paid.payment.outstanding).toBe(0)

    const head = await signedIn("qt-hg-01")
    await head.goto(`${site.url}/can-bo/thanh-toan`)
    const forHead = head.getByTestId("refunds-waiting")
    await expect.poll(() => forHead.textContent()).toContain("20.000 đ")
    await record(head, "payments-refund-approval")
    await forHead.getByLabel("Ý kiến khi duyệt").fill("Đồng ý hoàn trả")
    await forHead.getByRole("button", { name: "Duyệt hoàn trả" }).click()
    await head
      .getByRole("status")
      .filter({ hasText: /Đã duyệt hoàn trả HT/ })
      .waitFor()
    await expect.poll(() => head.getByText("Không có đề nghị hoàn trả nào chờ duyệt.").count()).toBe(1)
  })

  it("the day is reconciled against the bank's statement; a broken statement is refused with its line", async () => {
    const page = await signedIn("cb-hg-01")
    await page.goto(`${site.url}/can-bo/thanh-toan`)
    const day = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)
    const accountNo = await accountNumber()
    const statement = [
      "transaction_id,booked_at,account,amount,description",
      `FT-NOREF-1,${day} 10:15:00,${accountNo},10000,CHUYEN TIEN LE PHI`,
    ].join("\n")
    const section = page.getByRole("region", { name: "Đối chiếu trong ngày" })
    await section.getByLabel("Ngày").fill(day)
    await section.getByLabel(/Sao kê ngân hàng/).setInputFiles({
      name: "sao-ke.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${statement.replace("10000,CHUYEN", "10.5,CHUYEN")}\n`),
    })
    await section.getByRole("button", { name: "Đối chiếu", exact: true }).click()
    await expect.poll(() => section.getByRole("alert").textContent()).toContain("dòng 2, cột amount")
    await section.getByLabel(/Sao kê ngân hàng/).setInputFiles({
      name: "sao-ke.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${statement}\n`),
    })
    await section.getByRole("button", { name: "Đối chiếu", exact: true }).click()
    const report = page.getByTestId("reconciliation")
    await report.waitFor()
    // the page shows the API's reconciliation of the same day and statement
    const expected = await call<{ matched: number; mismatches: { kind: string }[] }>(
      `/api/v1/centres/${CENTRE}/payments/reconciliation`,
      { headers: await session("cb-hg-01"), body: { date: day, statementCsv: statement } },
    )
    // the money applied to the dossier is on the statement: it matches
    expect(expected.matched).toBeGreaterThanOrEqual(1)
    expect(await page.getByTestId("reconciliation-matched").textContent()).toBe(String(expected.matched))
    const kinds = await report.locator("[data-testid=mismatches] tbody tr td:first-child").allTextContents()
    expect(kinds).toEqual(expected.mismatches.map((m) => m.kind))
    await record(page, "payments-reconciliation")
  })

  it("a leader replaces a wrong e-receipt; a refused dossier's fee is asked back by the counter and approved by the leader", async () => {
    const leader = await signedIn("ld-hg-01")
    await leader.goto(`${site.url}/ho-so/${paidCode}`)
    const receipts = leader.getByTestId("receipt")
    await expect.poll(() => receipts.count()).toBe(1)
    await leader.locator("summary").filter({ hasText: "Hủy và lập biên lai thay thế" }).first().click()
    await leader.getByLabel("Lý do hủy biên lai").fill("Sai tên người nộp")
    await leader.getByLabel("Người nộp tiền").fill("Nguyễn Văn An (người nộp thay: Trần Thị Bình)")
    await leader.getByRole("button", { name: "Hủy và lập biên lai thay thế" }).click()
    await leader.getByRole("status").filter({ hasText: "Đã hủy biên lai sai và lập biên lai thay thế" }).waitFor()
    await expect.poll(() => receipts.count()).toBe(2)
    expect(await leader.getByTestId("receipt-status").allTextContents()).toEqual(
      expect.arrayContaining(["Đã hủy", "Đang có hiệu lực"]),
    )

    // the counter officer refuses the paid dossier at intake, then asks for its fee back on its page
    const counter = await signedIn("cb-hg-01")
    await counter.goto(`${site.url}/ho-so/${paidCode}`)
    await counter.getByTestId("dossier-state").waitFor()
    await counter
      .getByTestId("dossier-actions")
      .locator("summary")
      .filter({ hasText: /^Từ chối tiếp nhận$/ })
      .click()
    const refuse = counter.locator('form[data-action="refuse"]')
    await refuse.locator("textarea, input").first().fill("Không thuộc thẩm quyền tiếp nhận")
    await refuse.getByRole("button", { name: "Từ chối tiếp nhận", exact: true }).click()
    await expect.poll(() => counter.getByTestId("dossier-state").textContent()).toContain("3")
    await counter.getByLabel("Ghi chú đề nghị hoàn trả").fill("Hoàn lệ phí hồ sơ bị từ chối")
    await counter.getByRole("button", { name: "Đề nghị hoàn trả" }).click()
    await counter
      .getByRole("status")
      .filter({ hasText: /Đã đề nghị hoàn trả HT.*: 10.000 đ/ })
      .waitFor()
    await record(counter, "dossier-refund-asked")

    await leader.reload()
    const refund = leader.getByTestId("refund")
    await expect.poll(() => refund.getByTestId("refund-status").textContent()).toBe("Chờ duyệt")
    await refund.getByRole("button", { name: "Duyệt hoàn trả" }).click()
    await expect.poll(() => refund.getByTestId("refund-status").textContent()).toBe("Đã duyệt")
    await record(leader, "dossier-receipts-refunds")
  })

  it("a leader reads the 766 index, the late dossier behind 2.1, and the overdue dossier without an apology", async () => {
    const page = await signedIn("ld-hg-01")
    await page.getByRole("link", { name: "Chỉ số 766" }).click()
    await page.getByLabel("Kỳ báo cáo").fill(lateMonth)
    await page.getByRole("button", { name: "Xem chỉ số" }).click()
    await expect.poll(() => page.getByTestId("index-period").textContent()).toContain(lateMonth.slice(0, 4))
    // the page shows the API's numbers for the same period and scope
    const api = await call<{
      total: {
        index: { total: number; groups: { indicators: { id: string; numerator: number; denominator: number }[] }[] }
      }
    }>(`/api/v1/reports/index?period=${lateMonth}`, { headers: await session("ld-hg-01") })
    const late = api.total.index.groups.flatMap((g) => g.indicators).find((i) => i.id === "2.1")
    expect(late?.denominator).toBeGreaterThanOrEqual(1)
    const row = page.getByTestId("indicator-2.1")
    await expect.poll(() => row.locator("td").nth(1).textContent()).toBe(String(late?.denominator))
    expect(await row.locator("th").textContent()).toContain("Hồ sơ giải quyết trước hạn, đúng hạn")
    expect(await page.getByTestId("index-groups").locator("li").count()).toBe(6)
    await row.getByRole("button", { name: /Chỉ số 2.1: xem Hồ sơ trễ hạn/ }).click()
    const drill = page.getByTestId("index-drill")
    await expect.poll(() => drill.textContent()).toContain(lateCode)
    await record(page, "index-766")
    await drill.getByRole("link", { name: lateCode }).click()
    await page.getByTestId("dossier-state").waitFor()

    await page.getByRole("link", { name: "Cảnh báo hạn" }).click()
    await expect.poll(() => page.getByTestId("sla-overdue").textContent()).toContain(lateCode)
    await expect.poll(() => page.getByTestId("sla-notices").textContent()).toContain("Quá hạn")
    await record(page, "sla-notices")
  })

  it("a specialist classifies, answers and publishes a citizen's petition", async () => {
    await call("/api/v1/petitions", {
      headers: citizen,
      body: { dossierCode: lateCode, content: "Hồ sơ của tôi đã quá hẹn mà chưa có kết quả." },
    })
    const page = await signedIn("cv-hg-01")
    await page.getByRole("link", { name: "Xử lý phản ánh, kiến nghị" }).click()
    const petition = page.getByTestId("petition").filter({ hasText: lateCode })
    await expect.poll(() => petition.getByTestId("petition-status").textContent()).toBe("Đã tiếp nhận")
    await record(page, "petitions")
    await petition
      .locator("summary")
      .filter({ hasText: /^Phân loại$/ })
      .click()
    await petition.getByLabel("Loại").selectOption("feedback")
    await petition.getByLabel("Nội dung liên quan").selectOption("delay")
    await petition.getByRole("button", { name: "Phân loại", exact: true }).click()
    await expect.poll(() => petition.getByTestId("petition-status").textContent()).toBe("Đã phân loại, đang xử lý")
    await petition
      .locator("summary")
      .filter({ hasText: /^Trả lời$/ })
      .click()
    await petition
      .getByLabel("Nội dung trả lời")
      .fill("Cơ quan xin lỗi vì sự chậm trễ; hồ sơ sẽ được giải quyết và hẹn lại ngày trả kết quả.")
    await petition.getByRole("button", { name: "Trả lời", exact: true }).click()
    await expect.poll(() => petition.getByTestId("petition-status").textContent()).toBe("Đã trả lời")
    await petition
      .locator("summary")
      .filter({ hasText: /^Công khai$/ })
      .click()
    await petition.getByRole("button", { name: "Công khai", exact: true }).click()
    await expect.poll(() => petition.getByTestId("petition-status").textContent()).toBe("Đã trả lời và công khai")
    const published = await call<{ items: { answer: string }[] }>("/api/v1/petitions/published")
    expect(published.items.map((p) => p.answer)).toContain(
      "Cơ quan xin lỗi vì sự chậm trễ; hồ sơ sẽ được giải quyết và hẹn lại ngày trả kết quả.",
    )
  })

  it("the province administrator reads the outbox and the portal sync's health on the dashboard", async () => {
    const page = await signedIn("qt-tinh-01")
    await page.getByRole("link", { name: "Báo cáo" }).click()
    const health = page.getByTestId("outbox-health")
    await health.getByTestId("outbox-backlog").waitFor()
    const listing = await call<{ backlog: { pending: number; dead: number } }>("/api/v1/admin/outbox?limit=1", {
      headers: await session("qt-tinh-01"),
    })
    const backlog = await health.getByTestId("outbox-backlog").locator("dd").allTextContents()
    expect(backlog[0]).toBe(String(listing.backlog.pending))
    expect(backlog[2]).toBe(String(listing.backlog.dead))
    // the relay synced the dossiers' records to the portal (the development stand-in)
    const synced = await health.getByTestId("portal-sync").locator("dd").first().textContent()
    expect(Number.parseInt(synced ?? "0", 10)).toBeGreaterThan(0)
    // the rows waiting (and being sent or retried), as the API lists them: with attempts, next try and last error
    const admin = await session("qt-tinh-01")
    type Row = { id: number; topic: string; status: string }
    const open = async (topic?: string) => {
      const filter = topic === undefined ? "" : `&topic=${encodeURIComponent(topic)}`
      const lists = await Promise.all(
        ["pending", "claimed"].map((status) =>
          call<{ items: Row[] }>(`/api/v1/admin/outbox?status=${status}&limit=500${filter}`, { headers: admin }),
        ),
      )
      return lists.flatMap((l) => l.items)
    }
    const waiting = health.getByTestId("outbox-waiting")
    await waiting.waitFor()
    const shownIds = async () =>
      (await waiting.locator("tbody tr td:first-child").allTextContents()).map(Number).sort((a, b) => a - b)
    const all = await open()
    expect(all.length).toBeGreaterThan(0)
    expect(await shownIds()).toEqual(all.map((r) => r.id).sort((a, b) => a - b))
    expect(await waiting.locator("thead th").allTextContents()).toEqual([
      "#",
      "Tình trạng",
      "Loại",
      "Mã hồ sơ",
      "Số lần thử",
      "Lần thử tới",
      "Lỗi lần cuối",
    ])
    // filtered by one topic: that topic's rows only, as the API filters them
    const topics = [...new Set(all.map((r) => r.topic))].sort()
    const chosen = topics.includes("portal.sync") ? "portal.sync" : (topics[0] ?? "")
    expect(await health.getByLabel("Lọc theo loại").locator("option").allTextContents()).toEqual(
      expect.arrayContaining(["Tất cả các loại", ...topics]),
    )
    await health.getByLabel("Lọc theo loại").selectOption(chosen)
    const ofTopic = await open(chosen)
    await expect.poll(shownIds).toEqual(ofTopic.map((r) => r.id).sort((a, b) => a - b))
    expect(new Set(await waiting.locator("tbody tr td:nth-child(3)").allTextContents())).toEqual(new Set([chosen]))
    await record(page, "dashboard-outbox")
  })

  it("has no serious or critical accessibility violation on any of these pages (axe-core)", () => {
    expectAccessible([
      "counter-card-conflict",
      "counter-population-lookup",
      "dossier-document-preview",
      "counter-intake-devices",
      "agent-intake-devices",
      "payments-held",
      "payments-refund-approval",
      "payments-reconciliation",
      "dossier-refund-asked",
      "dossier-receipts-refunds",
      "index-766",
      "sla-notices",
      "petitions",
      "dashboard-outbox",
    ])
  })
})
