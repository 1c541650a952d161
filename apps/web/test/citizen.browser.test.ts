// The citizen's own pages in a real browser (Debian's Chromium through playwright-core), served by a real API server
// on SQLite (test/site.ts) with, beside it, a real OpenID provider standing in for VNeID (identity-oidc's test
// provider: oidc-provider, only its login page automatic) and the payment gateway's simulator (payment-gateway's
// local implementation of its protocol), and the bank's transfer notices signed here with node:crypto:
// - a citizen signs in with the e-ID (the browser's own round trip through the provider), keeps papers in the
//   e-wallet (added, downloaded byte for byte, one deleted), files online with a paper taken from the wallet;
// - pays it by VietQR (the QR image from the API, the account and reference shown; a signed bank notice credits it,
//   the page turns to paid and lists the e-receipt), and pays a second dossier on the gateway's page, coming back to
//   the app's own return page;
// - chooses notification channels and sees each notice of the dossier with its delivery status;
// - once the officers have signed and returned the result by e-wallet (over the API), downloads the signed result,
//   finds it valid on the public verification page (by code; the PDF checked, a changed copy refused) and in the
//   wallet;
// - sends a petition about the dossier, reads the answer once published, rates it; the public list shows it without
//   the sender.
// axe-core finds no serious or critical violation on any of these pages; screenshots go to test-artifacts/.
import { createHash, createHmac } from "node:crypto"
import { readFileSync } from "node:fs"
import { startTestProvider, type TestProvider } from "@motcua/identity-oidc/testing"
import { type GatewaySimulator, startGatewaySimulator } from "@motcua/payment-gateway/testing"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { launchChromium } from "./chromium.ts"
import { newContext as contextIn, pageChecks } from "./page-checks.ts"
import { officerHeaders, type Site, startSite } from "./site.ts"

const CITIZEN = "022090001234"
const DEMO_TOKEN = `demo-citizen-${CITIZEN}`
const CLIENT = { clientId: "motcua-web", clientSecret: "motcua-web-secret-0123456789" }
const GATEWAY = { merchantCode: "MOTCUAWEB", secret: "web-test-gateway-secret-0123456789abcdef" }
const NOTICE_SECRET = "web-test-bank-notice-secret-0123456789abcdef"

let site: Site
let idp: TestProvider
let simulator: GatewaySimulator
let browser: Browser
/** The citizen signed in with the e-ID: one browser context (its session cookie) for the whole run. */
let citizenContext: BrowserContext
const { record, expectAccessible } = pageChecks()

beforeAll(async () => {
  simulator = await startGatewaySimulator(GATEWAY)
  site = await startSite({
    environment: async (url) => {
      idp = await startTestProvider({
        clients: [{ ...CLIENT, redirectUri: `${url}/api/v1/auth/eid/callback` }],
        citizens: {
          "sub-an": { personal_id: CITIZEN, name: "Nguyễn Văn An", birthdate: "1990-03-15", identity_level: 2 },
        },
      })
      return {
        MOTCUA_EID_ISSUER: idp.issuer,
        MOTCUA_EID_CLIENT_ID: CLIENT.clientId,
        MOTCUA_EID_CLIENT_SECRET: CLIENT.clientSecret,
        MOTCUA_EID_REDIRECT_URI: `${url}/api/v1/auth/eid/callback`,
        MOTCUA_EID_ALLOW_HTTP_LOOPBACK: "true",
        MOTCUA_GATEWAY_PAY_URL: simulator.payUrl,
        MOTCUA_GATEWAY_QUERY_URL: simulator.queryUrl,
        MOTCUA_GATEWAY_MERCHANT: GATEWAY.merchantCode,
        MOTCUA_GATEWAY_SECRET: GATEWAY.secret,
        // the app's own return page (pages/pay-return.tsx), which hands the parameters to the API
        MOTCUA_GATEWAY_RETURN_URL: `${url}/thanh-toan/ket-qua`,
        MOTCUA_VIETQR_NOTICE_SECRET: NOTICE_SECRET,
      }
    },
  })
  simulator.setIpnUrl(`${site.url}/api/v1/payments/gateway/notice`)
  browser = await launchChromium()
  citizenContext = await newContext()
})
afterAll(async () => {
  await browser?.close()
  await site?.close()
  await idp?.close()
  await simulator?.close()
})

function newContext(): Promise<BrowserContext> {
  return contextIn(browser)
}

async function citizenPage(): Promise<Page> {
  return citizenContext.pages()[0] ?? citizenContext.newPage()
}

/** A small PDF with one empty page (the signer reads it) carrying `text` in a comment. */
const pdf = (text: string) =>
  Buffer.from(
    `%PDF-1.7\n% ${text}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n` +
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n" +
      "trailer << /Root 1 0 R >>\n%%EOF\n",
  )
const paper = (name: string, text = name) => ({ name, mimeType: "application/pdf", buffer: pdf(text) })
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex")

/** A download the page starts with `click`, read back. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const download = page.waitForEvent("download")
  await click()
  return readFileSync(await (await download).path())
}

/** The API as a client outside the browser: a demo officer's session (cookie and CSRF token), or the demo token. */
interface Caller {
  readonly headers: Record<string, string>
}
async function officer(username: string): Promise<Caller> {
  return { headers: await officerHeaders(site, username) }
}
const demoCitizen: Caller = { headers: { authorization: `Bearer ${DEMO_TOKEN}` } }

async function call<T>(who: Caller, method: string, path: string, body?: unknown, headers = {}): Promise<T> {
  const response = await fetch(`${site.url}${path}`, {
    method,
    headers: {
      ...who.headers,
      ...headers,
      ...(body === undefined || body instanceof Uint8Array ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined
      ? {}
      : { body: body instanceof Uint8Array ? (body as Uint8Array<ArrayBuffer>) : JSON.stringify(body) }),
  })
  const text = await response.text()
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`)
  return JSON.parse(text) as T
}

/** The bank's signed notice of a transfer (HMAC-SHA256 over `<timestamp>.<body>`, hex), as the bank posts it. */
async function bankNotice(fields: Record<string, unknown>): Promise<Response> {
  const body = JSON.stringify(fields)
  const at = Math.floor(Date.now() / 1000)
  return fetch(`${site.url}/api/v1/payments/vietqr/notice`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-timestamp": String(at),
      "x-signature": createHmac("sha256", NOTICE_SECRET).update(`${at}.${body}`).digest("hex"),
    },
    body,
  })
}

describe("the citizen's pages in Chromium", () => {
  let code = ""
  let second = ""
  let resultPdf: Buffer = Buffer.alloc(0)
  let verificationId = ""

  it("the home page loads none of the citizen pages' scripts: each is its own chunk", async () => {
    const page = await (await newContext()).newPage()
    const scripts: string[] = []
    page.on("request", (r) => {
      if (r.url().endsWith(".js")) scripts.push(new URL(r.url()).pathname)
    })
    await page.goto(`${site.url}/`, { waitUntil: "networkidle" })
    expect(scripts.length).toBeGreaterThan(0)
    for (const chunk of ["wallet", "pay", "pay-return", "verify", "notifications", "petitions"])
      expect(scripts.filter((s) => s.startsWith(`/assets/${chunk}-`))).toEqual([])
    await page.goto(`${site.url}/ca-nhan/kho-du-lieu`)
    await page.getByRole("heading", { name: "Kho dữ liệu điện tử của tôi" }).waitFor()
    await expect.poll(() => scripts.some((s) => /^\/assets\/wallet-[\w-]{8}\.js$/.test(s))).toBe(true)
    await page.context().close()
  })

  it("a citizen signs in with VNeID: the browser goes to the provider and comes back signed in", async () => {
    const page = await citizenPage()
    await page.goto(`${site.url}/dang-nhap`)
    const eid = page.getByRole("link", { name: "Đăng nhập bằng VNeID" })
    await eid.waitFor()
    // the demo tokens are on in this server too, so the token form stays
    await page.getByLabel("Mã đăng nhập công dân (bản thử nghiệm)").waitFor()
    await record(page, "citizen-sign-in")
    idp.signInNext("sub-an")
    await eid.click()
    await page.waitForURL("**/ca-nhan/ho-so")
    await page.getByRole("link", { name: "Kho dữ liệu" }).waitFor()
    // the session is the API's cookie, not a token kept by the page
    expect(await page.evaluate(() => sessionStorage.getItem("motcua.citizenToken"))).toBeNull()
    const me = await page.evaluate(async () => (await fetch("/api/v1/session")).json())
    expect(me).toMatchObject({ id: CITIZEN, name: "Nguyễn Văn An", roles: ["citizen"] })
  })

  it("a failed e-ID sign-in shows a page that says why and leads back to sign in, not the API's JSON", async () => {
    const page = await (await newContext()).newPage()
    // back from the provider without the flow's cookie (another browser, or too late): the sign-in is not in progress
    await page.goto(`${site.url}/api/v1/auth/eid/callback?code=stale-code&state=stale-state`)
    await page.waitForURL("**/dang-nhap/that-bai?ly-do=expired")
    await page.getByRole("heading", { level: 1, name: "Đăng nhập bằng VNeID không thành công" }).waitFor()
    expect(await page.getByTestId("eid-failed-reason").textContent()).toContain("Phiên đăng nhập đã hết hạn")
    await record(page, "eid-sign-in-failed")
    // a word the API does not send is told as a refusal: nothing of the address is shown
    await page.goto(`${site.url}/dang-nhap/that-bai?ly-do=${encodeURIComponent("<b>gọi 0123</b>")}`)
    expect(await page.getByTestId("eid-failed-reason").textContent()).toBe(
      "Thông tin đăng nhập trả về không hợp lệ nên không được chấp nhận.",
    )
    await page.getByRole("link", { name: "Đăng nhập lại" }).click()
    await page.waitForURL("**/dang-nhap")
    await page.getByRole("link", { name: "Đăng nhập bằng VNeID" }).waitFor()
    await page.context().close()
  })

  it("keeps papers in the e-wallet: adds two, downloads one byte for byte, deletes the other", async () => {
    const page = await citizenPage()
    await page.getByRole("link", { name: "Kho dữ liệu" }).click()
    await page.getByText("Kho dữ liệu chưa có giấy tờ nào.").waitFor()
    const add = async (name: string, type: string, file: ReturnType<typeof paper>, until?: string) => {
      await page.getByLabel("Tệp (PDF, JPEG hoặc PNG)").setInputFiles(file)
      await page.getByLabel("Tên giấy tờ", { exact: true }).fill(name)
      await page.getByLabel(/^Loại giấy tờ/).fill(type)
      if (until !== undefined) await page.getByLabel("Hết hiệu lực ngày (không bắt buộc)").fill(until)
      await page.getByRole("button", { name: "Lưu vào kho" }).click()
      await page
        .getByRole("status")
        .filter({ hasText: `Đã lưu “${name}” vào kho dữ liệu.` })
        .waitFor()
    }
    const ct01 = paper("ct01.pdf", "To khai thay doi thong tin cu tru CT01")
    await add("Tờ khai CT01", "ct01", ct01, "2030-12-31")
    await add("Giấy tờ cũ", "khac", paper("cu.pdf"))
    const table = page.getByTestId("wallet")
    await expect.poll(() => table.locator("tbody tr").count()).toBe(2)
    const row = table.locator("tbody tr").filter({ hasText: "Tờ khai CT01" })
    expect(await row.textContent()).toContain("đến ngày 2030-12-31")
    expect(await row.textContent()).toContain("Giấy tờ đã lưu")
    const bytes = await downloaded(page, () => row.getByRole("button", { name: "Tải về Tờ khai CT01" }).click())
    expect(sha(bytes)).toBe(sha(ct01.buffer))
    page.once("dialog", (dialog) => void dialog.accept())
    await table.getByRole("button", { name: "Xóa Giấy tờ cũ" }).click()
    await page.getByRole("status").filter({ hasText: "Đã xóa “Giấy tờ cũ”." }).waitFor()
    await expect.poll(() => table.locator("tbody tr").count()).toBe(1)
    await record(page, "wallet")
  })

  it("files online with the declaration taken from the e-wallet instead of an upload", async () => {
    const page = await citizenPage()
    await page.goto(`${site.url}/thu-tuc/1.004222/nop`)
    await expect.poll(() => page.getByTestId("fee-total").textContent()).toBe("10.000 đ")
    await page.getByLabel("Số định danh cá nhân").fill(CITIZEN)
    await page.getByLabel("Xã, phường nơi cư trú").selectOption("06685")
    const pick = page.getByLabel(/Hoặc lấy từ kho dữ liệu: Tờ khai thay đổi thông tin cư trú/)
    await pick.selectOption({ label: "Tờ khai CT01 (đúng loại) — đến ngày 2030-12-31" })
    await page
      .getByLabel(/Tài liệu đính kèm: Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp/)
      .setInputFiles(paper("hop-dong.pdf"))
    await record(page, "file-from-wallet")
    await page.getByRole("button", { name: "Nộp hồ sơ" }).click()
    const filed = page.getByRole("status").filter({ hasText: "Đã nộp hồ sơ" })
    await Promise.race([filed.waitFor(), page.getByRole("alert").waitFor()])
    if (!(await filed.isVisible())) expect.fail(`filing refused: ${await page.getByRole("alert").textContent()}`)
    code = /Đã nộp hồ sơ (\S+)/.exec((await filed.textContent()) ?? "")?.[1] ?? ""
    const detail = (await page.evaluate(async (c) => (await fetch(`/api/v1/dossiers/${c}`)).json(), code)) as {
      documentIds: string[]
      context: { documents: { id: string; fromEWallet?: boolean }[] }
    }
    expect(detail.context.documents.find((d) => d.id === "ct01")?.fromEWallet).toBe(true)
    expect(detail.documentIds).toHaveLength(2)
  })

  it("pays by VietQR: the QR drawn by the API, the account and reference to type; the bank's notice turns it paid with its e-receipt", async () => {
    const page = await citizenPage()
    await page.goto(`${site.url}/ho-so/${code}`)
    await page.getByTestId("pay-link").click()
    await expect.poll(() => page.getByTestId("pay-owed").textContent()).toBe("10.000 đ")
    await page.getByRole("button", { name: "Chuyển khoản bằng mã VietQR" }).click()
    const qr = page.getByTestId("ledger-vietqr")
    await qr.waitFor()
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    const requests = await call<{ items: { id: string; reference: string; account: { accountNumber: string } }[] }>(
      demoCitizen,
      "GET",
      `/api/v1/dossiers/${code}/payment-requests`,
    )
    const request = requests.items[0]
    expect(request).toBeDefined()
    const details = (await page.getByTestId("transfer-details").textContent()) ?? ""
    expect(details).toContain("10.000 đ")
    expect(details).toContain(request?.account.accountNumber)
    expect(details).toContain(request?.reference)
    expect(await qr.getAttribute("alt")).toContain(request?.reference)
    await expect
      .poll(() => page.getByTestId("payment-requests").locator("td[data-status]").textContent())
      .toBe("Đang chờ thanh toán")
    await record(page, "pay-vietqr")
    const credited = await bankNotice({
      transactionId: "FT-WEB-0001",
      accountNumber: request?.account.accountNumber,
      amount: 10_000,
      description: `CHUYEN TIEN ${request?.reference} NOP PHI`,
      creditedAt: new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 19).replace("T", " "),
    })
    expect(await credited.json()).toMatchObject({ outcome: "confirmed", dossierCode: code })
    // the page asks again every few seconds while a request is pending
    await expect
      .poll(() => page.getByTestId("payment-requests").locator("td[data-status]").first().textContent(), {
        timeout: 30_000,
      })
      .toContain("Đã thanh toán")
    await expect.poll(() => page.getByTestId("pay-owed").textContent()).toBe("Hồ sơ không còn khoản phải nộp.")
    const receipts = page.getByTestId("receipts")
    await receipts.waitFor()
    const receipt = (await receipts.textContent()) ?? ""
    expect(receipt).toContain("10.000 đ")
    expect(receipt).toContain("Mười nghìn đồng")
    await record(page, "pay-receipts")
  })

  it("pays another dossier on the gateway's page and comes back to the app's own return page", async () => {
    second = (
      await call<{ code: string }>(
        demoCitizen,
        "POST",
        "/api/v1/dossiers",
        {
          procedureCode: "1.004222",
          applicant: { id: CITIZEN, name: "Nguyễn Văn An", kind: "citizen", phone: "0912345678" },
          residence: { provinceCode: "22", unitCode: "06685" },
          subjectUnitCode: "06685",
          documents: [{ id: "ct01" }, { id: "cho-o-hop-phap" }],
        },
        { "idempotency-key": "web-citizen-second" },
      )
    ).code
    const page = await citizenPage()
    await page.goto(`${site.url}/ho-so/${second}/thanh-toan`)
    await page.getByRole("button", { name: "Thanh toán qua cổng thanh toán" }).click()
    const go = page.getByRole("link", { name: "Đến trang thanh toán 10.000 đ" })
    await go.waitFor()
    expect(await go.getAttribute("href")).toMatch(new RegExp(`^${simulator.payUrl}\\?`))
    await record(page, "pay-gateway")
    await go.click()
    await page.waitForURL("**/thanh-toan/ket-qua?**")
    // the simulator's IPN credited it first; the return is its repeat, and the ledger says paid
    await expect.poll(() => page.getByTestId("pay-outcome").textContent()).toContain("Thanh toán thành công")
    await expect
      .poll(() => page.getByTestId("payment-requests").locator("td[data-status]").first().textContent())
      .toContain("Đã thanh toán")
    await record(page, "pay-return")
    expect(simulator.ipnsSent.length).toBe(1)
    await page.getByRole("link", { name: `Xem tình trạng thanh toán của hồ sơ ${second}` }).click()
    await page.getByTestId("receipts").waitFor()
  })

  it("chooses notification channels in order; the dossier's notices show their delivery status", async () => {
    const page = await citizenPage()
    await page.getByRole("link", { name: "Thông báo" }).click()
    await page.getByText("Chưa chọn kênh nào", { exact: false }).waitFor()
    await page.getByRole("button", { name: "Thêm Thư điện tử" }).click()
    await page.getByRole("button", { name: "Thêm Tin nhắn SMS" }).click()
    await page.getByRole("button", { name: "Đưa Tin nhắn SMS lên trước" }).click()
    await page.getByRole("button", { name: "Lưu lựa chọn" }).click()
    await page.getByRole("status").filter({ hasText: "Đã lưu kênh nhận thông báo." }).waitFor()
    expect(await call(demoCitizen, "GET", "/api/v1/me/notification-channels")).toEqual({ channels: ["sms", "email"] })
    await page.reload()
    await expect
      .poll(() => page.getByTestId("chosen-channels").locator(".channel-name").allTextContents())
      .toEqual(["Tin nhắn SMS", "Thư điện tử"])
    await record(page, "notification-channels")
    await site.server.relayNow?.()
    await page.goto(`${site.url}/ho-so/${code}`)
    const notices = page.getByTestId("dossier-notices")
    await notices.waitFor()
    const filed = notices.locator("tbody tr").filter({ hasText: "Hồ sơ đã gửi, chờ tiếp nhận" })
    expect(await filed.count()).toBeGreaterThan(0)
    expect(await filed.first().locator("td[data-status]").getAttribute("data-status")).toMatch(
      /^(sent|delivered|retrying|failed)$/,
    )
    await record(page, "dossier-notices")
  })

  it("downloads the signed result, finds it valid on the public page, checks the PDF, and finds it in the wallet", async () => {
    // the officers' work over the API, down to the return into the e-wallet
    let version = (await call<{ version: number }>(demoCitizen, "GET", `/api/v1/dossiers/${code}`)).version
    const step = async (who: Caller, segment: string, body: object = {}) => {
      version = (
        await call<{ version: number }>(who, "POST", `/api/v1/dossiers/${code}/${segment}`, {
          expectedVersion: version,
          ...body,
        })
      ).version
    }
    const counter = await officer("cb-hg-01")
    const leader = await officer("ld-hg-01")
    await step(counter, "accept")
    await step(counter, "complete-step", { assigneeId: "cv-hg-01" })
    await step(await officer("cv-hg-01"), "complete-step")
    await step(leader, "approve")
    const staged = await call<{ id: string }>(
      leader,
      "POST",
      "/api/v1/documents",
      new Uint8Array(pdf("Thong bao ket qua dang ky thuong tru")),
      { "content-type": "application/pdf" },
    )
    await step(leader, "sign", { documentId: staged.id })
    await step(leader, "complete-step")
    await step(await officer("vt-hg-01"), "complete-step")
    await step(counter, "mark-result-ready", { resultDocumentIds: [staged.id] })
    await step(counter, "return-result", { method: "e-wallet" })

    const page = await citizenPage()
    await page.goto(`${site.url}/ho-so/${code}`)
    const results = page.getByTestId("signed-results")
    await expect.poll(() => results.getByTestId("result-status").first().textContent()).toBe("Còn hiệu lực")
    resultPdf = await downloaded(page, () =>
      results
        .getByRole("button", { name: /^Tải kết quả/ })
        .first()
        .click(),
    )
    expect(resultPdf.subarray(0, 5).toString()).toBe("%PDF-")
    await record(page, "dossier-results")
    const link = results.getByRole("link", { name: /^Xác thực mã / }).first()
    verificationId = (await link.textContent()) ?? ""
    expect(verificationId).toMatch(/^[A-Z0-9]{1,32}$/)

    // the public page, in a browser nobody signed in with
    const visitor = await (await newContext()).newPage()
    await visitor.goto(`${site.url}/xac-thuc`)
    await visitor.getByLabel("Mã xác thực").fill(verificationId.toLowerCase())
    await visitor.getByRole("button", { name: "Kiểm tra", exact: true }).click()
    await expect.poll(() => visitor.getByTestId("verify-status").textContent()).toContain("Còn hiệu lực")
    const facts = (await visitor.getByTestId("verify-result").textContent()) ?? ""
    expect(facts).toContain(code)
    expect(facts).toContain("Đăng ký thường trú")
    expect(facts).not.toContain("Nguyễn Văn An")
    expect(facts).not.toContain(CITIZEN)
    await visitor.getByLabel("Tệp PDF kết quả").setInputFiles({
      name: "ket-qua.pdf",
      mimeType: "application/pdf",
      buffer: resultPdf,
    })
    await visitor.getByRole("button", { name: "Đối chiếu tệp" }).click()
    await expect.poll(() => visitor.getByTestId("verify-check").textContent()).toContain("Tệp đúng là kết quả đã cấp")
    expect(await visitor.getByTestId("verify-check").textContent()).toContain("Trùng khớp từng byte với bản đã cấp: Có")
    await record(visitor, "verify")
    // a copy changed by one byte is not the result issued
    const changed = Buffer.from(resultPdf)
    changed[changed.length - 10] = (changed[changed.length - 10] ?? 0) ^ 1
    await visitor.getByLabel("Tệp PDF kết quả").setInputFiles({
      name: "ket-qua-sua.pdf",
      mimeType: "application/pdf",
      buffer: changed,
    })
    await visitor.getByRole("button", { name: "Đối chiếu tệp" }).click()
    await expect
      .poll(() => visitor.getByTestId("verify-check").textContent())
      .toContain("Tệp không khớp với kết quả đã cấp")
    await visitor.goto(`${site.url}/xac-thuc/ZZZZ9999ZZZZ9999`)
    await visitor.getByTestId("verify-missing").waitFor()
    await visitor.context().close()

    // returned by e-wallet: the signed result is in the wallet, from this dossier
    await page.getByRole("link", { name: "Kho dữ liệu" }).click()
    const result = page.getByTestId("wallet").locator("tbody tr").filter({ hasText: "Kết quả giải quyết" })
    await expect.poll(() => result.count()).toBe(1)
    expect(await result.getByRole("link", { name: code }).count()).toBe(1)
    await record(page, "wallet-with-result")
  })

  it("sends a petition about the dossier, reads the published answer and rates it; the public list omits the sender", async () => {
    const page = await citizenPage()
    await page.goto(`${site.url}/ho-so/${code}`)
    await page.getByRole("link", { name: "Phản ánh, kiến nghị về hồ sơ này" }).click()
    await expect.poll(() => page.getByLabel("Mã hồ sơ").inputValue()).toBe(code)
    await page.getByLabel("Nội dung phản ánh, kiến nghị").fill("Đề nghị gửi thông báo qua tin nhắn sớm hơn.")
    await page.getByRole("button", { name: "Gửi", exact: true }).click()
    const sent = page.getByRole("status").filter({ hasText: "Đã gửi phản ánh, kiến nghị" })
    await sent.waitFor()
    const id = /kiến nghị (\S+)\.$/.exec((await sent.textContent()) ?? "")?.[1] ?? ""
    expect(id).not.toBe("")
    await expect.poll(() => page.getByTestId("petition-status").first().textContent()).toContain("Đã tiếp nhận")
    await record(page, "petitions-citizen")

    const specialist = await officer("cv-hg-01")
    const act = (event: object) => call(specialist, "POST", `/api/v1/petitions/${id}/events`, { event })
    await act({ type: "classify", kind: "recommendation", topic: "procedure" })
    await act({ type: "answer", text: "Cảm ơn ông; từ tháng sau thông báo sẽ gửi qua tin nhắn." })
    await act({ type: "publish" })

    await page.reload()
    await expect.poll(() => page.getByTestId("petition-answer").first().textContent()).toContain("qua tin nhắn")
    await page.getByRole("button", { name: "Hài lòng", exact: true }).click()
    await expect.poll(() => page.getByTestId("my-petitions").textContent()).toContain("Bạn đã đánh giá: Hài lòng")
    const stored = await call<{ petition: { rating?: { satisfied: boolean } } }>(
      demoCitizen,
      "GET",
      `/api/v1/petitions/${id}`,
    )
    expect(stored.petition.rating?.satisfied).toBe(true)

    const visitor = await (await newContext()).newPage()
    await visitor.goto(`${site.url}/phan-anh`)
    const published = visitor.getByTestId("published-petitions")
    await expect.poll(() => published.textContent()).toContain("từ tháng sau thông báo sẽ gửi qua tin nhắn")
    expect(await published.textContent()).not.toContain("Nguyễn Văn An")
    await visitor.getByRole("link", { name: /Đăng nhập để gửi/ }).waitFor()
    await record(visitor, "petitions-public")
    await visitor.context().close()
  })

  it("reads the e-wallet in English and back", async () => {
    const page = await citizenPage()
    await page.goto(`${site.url}/ca-nhan/kho-du-lieu`)
    await page.getByRole("button", { name: /English/ }).click()
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("My e-wallet")
    expect(await page.getByTestId("wallet").textContent()).toContain("Result of a dossier")
    await record(page, "wallet-english")
    await page.getByRole("button", { name: /Tiếng Việt/ }).click()
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Kho dữ liệu điện tử của tôi")
  })

  it("has no serious or critical accessibility violation on any of the citizen's pages (axe-core)", () => {
    expectAccessible(
      [
        "citizen-sign-in",
        "eid-sign-in-failed",
        "wallet",
        "file-from-wallet",
        "pay-vietqr",
        "pay-receipts",
        "pay-gateway",
        "pay-return",
        "notification-channels",
        "dossier-notices",
        "dossier-results",
        "verify",
        "wallet-with-result",
        "petitions-citizen",
        "petitions-public",
        "wallet-english",
      ],
      "citizen-axe.json",
    )
  })
})
