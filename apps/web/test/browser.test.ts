// The pages in a real browser (Debian's Chromium through playwright-core), served by a real API server: a citizen
// finds a procedure without diacritics, signs in, files online with papers attached and the fee shown first; the
// counter officer finds it in the work queue and accepts it; the public lookup shows its status; English works;
// the citizen rates the dossier once it is returned; axe-core finds no serious or critical violation on any main page; the home page's first load stays under
// 200 KB of gzipped JavaScript. Screenshots of each page go to apps/web/test-artifacts/ (git-ignored).
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import axe from "axe-core"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { launchChromium } from "./chromium.ts"
import { type Site, startSite } from "./site.ts"

const ARTIFACTS = fileURLToPath(new URL("../test-artifacts/", import.meta.url))
const CITIZEN_TOKEN = "demo-citizen-022090001234"
const PASSWORD = "motcua-demo-2025"

let site: Site
let browser: Browser

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  site = await startSite()
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await site?.close()
})

async function newPage(options: { bypassCSP?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh", ...options })
  return context.newPage()
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true })
}

/** axe-core's serious and critical violations on the page as it is now. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source })
  const results = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page as a global
    const run = await (globalThis as any).axe.run(document, { resultTypes: ["violations"] })
    return run.violations.map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }))
  })
  return (results as { id: string; impact: string; targets: string[] }[])
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.targets.join(", ")}`)
}

const citizenHeaders = { authorization: `Bearer ${CITIZEN_TOKEN}` }

/** A JSON call to the site's API; fails loudly on anything but 2xx. */
async function api(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<unknown> {
  const response = await fetch(`${site.url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`)
  return text === "" ? undefined : JSON.parse(text)
}

/** An officer's session headers (cookie and CSRF token). */
async function officerHeaders(username: string): Promise<Record<string, string>> {
  const response = await fetch(`${site.url}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  })
  const { csrfToken } = (await response.json()) as { csrfToken: string }
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ")
  return { cookie, "x-csrf-token": csrfToken }
}

/** Walks an accepted dossier of 1.004222 to its return at the counter, over the API, as the ward's officers. */
async function walkToReturn(code: string): Promise<void> {
  const as = {
    counter: await officerHeaders("cb-hg-01"),
    specialist: await officerHeaders("cv-hg-01"),
    leader: await officerHeaders("ld-hg-01"),
    clerk: await officerHeaders("vt-hg-01"),
  }
  const act = async (who: Record<string, string>, segment: string, body: object = {}, extra = {}) => {
    const { version } = (await api("GET", `/api/v1/dossiers/${code}`, who)) as { version: number }
    await api(
      "POST",
      `/api/v1/dossiers/${code}/${segment}`,
      { ...who, ...extra },
      { expectedVersion: version, ...body },
    )
  }
  await act(as.counter, "complete-step", { assigneeId: "cv-hg-01" })
  await act(as.specialist, "complete-step")
  await act(as.leader, "approve")
  const upload = await fetch(`${site.url}/api/v1/documents`, {
    method: "POST",
    headers: { ...as.leader, "content-type": "application/pdf" },
    body: "%PDF-1.7\n% Kết quả\n%%EOF\n",
  })
  const document = (await upload.json()) as { id: string }
  await act(as.leader, "sign", { documentId: document.id })
  await act(as.leader, "complete-step")
  await act(
    as.counter,
    "confirm-payment",
    { paymentId: "cash-web-1", amount: 10000 },
    { "idempotency-key": "cash-web-1" },
  )
  await act(as.clerk, "complete-step")
  await act(as.counter, "mark-result-ready", { resultDocumentIds: [document.id] })
  await act(as.counter, "return-result", { method: "counter" })
}

describe("the web pages in Chromium", () => {
  let dossierCode = ""

  it("the home page's first load carries at most 200 KB of gzipped JavaScript", async () => {
    const page = await newPage()
    const scripts: Promise<number>[] = []
    page.on("response", (response) => {
      if (response.url().endsWith(".js"))
        scripts.push(
          response
            .request()
            .sizes()
            .then((s) => s.responseBodySize),
        )
    })
    await page.goto(`${site.url}/`, { waitUntil: "networkidle" })
    const total = (await Promise.all(scripts)).reduce((a, b) => a + b, 0)
    expect(scripts.length).toBeGreaterThan(0)
    expect(total).toBeLessThanOrEqual(200 * 1024)
    writeFileSync(join(ARTIFACTS, "home-javascript-bytes.txt"), `${total}\n`)
    await page.context().close()
  })

  it("a citizen finds a procedure without diacritics and reads its documents and fees", async () => {
    const page = await newPage()
    await page.goto(`${site.url}/`)
    await page.getByLabel("Từ khóa (có dấu hoặc không dấu)").fill("dang ky thuong tru")
    await page.getByRole("button", { name: "Tìm" }).click()
    await page.getByRole("link", { name: "Đăng ký thường trú", exact: true }).click()
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Đăng ký thường trú")
    await expect.poll(() => page.getByText("Tờ khai thay đổi thông tin cư trú", { exact: false }).count()).toBe(1)
    await expect.poll(() => page.getByRole("table", { name: "Trực tuyến" }).textContent()).toContain("10.000 đ")
    await screenshot(page, "procedure")
    await page.context().close()
  })

  it("a signed-in citizen files online with the papers attached, the fee shown before filing", async () => {
    const page = await newPage()
    await page.goto(`${site.url}/dang-nhap`)
    await page.getByLabel("Mã đăng nhập công dân (bản thử nghiệm)").fill(CITIZEN_TOKEN)
    await page.getByRole("button", { name: "Đăng nhập công dân" }).click()
    await page.waitForURL("**/ca-nhan/ho-so")
    await page.goto(`${site.url}/thu-tuc/1.004222/nop`)
    await expect.poll(() => page.getByTestId("fee-total").textContent()).toBe("10.000 đ")
    await page.getByLabel("Họ và tên").fill("Nguyễn Văn An")
    await page.getByLabel("Số định danh cá nhân").fill("022090001234")
    await page.getByLabel("Xã, phường nơi cư trú").selectOption("06685")
    const paper = (name: string) => ({
      name,
      mimeType: "application/pdf",
      buffer: Buffer.from(`%PDF-1.7\n% ${name}\n%%EOF\n`),
    })
    await page.getByLabel(/Tờ khai thay đổi thông tin cư trú/).setInputFiles(paper("ct01.pdf"))
    await page.getByLabel(/chứng minh chỗ ở hợp pháp/).setInputFiles(paper("cho-o.pdf"))
    await screenshot(page, "file-online")
    await page.getByRole("button", { name: "Nộp hồ sơ" }).click()
    const filed = page.getByRole("status").filter({ hasText: "Đã nộp hồ sơ" })
    await Promise.race([filed.waitFor(), page.getByRole("alert").waitFor()])
    if (!(await filed.isVisible())) expect.fail(`filing refused: ${await page.getByRole("alert").textContent()}`)
    dossierCode = /Đã nộp hồ sơ (\S+)/.exec((await filed.textContent()) ?? "")?.[1] ?? ""
    expect(dossierCode).toMatch(/-\d{6}-\d+$/)
    await page.getByRole("link", { name: "Xem hồ sơ" }).click()
    await expect.poll(() => page.getByTestId("dossier-state").textContent()).toContain("1")
    // the papers uploaded come back from the dossier's page
    await expect.poll(() => page.getByRole("button", { name: /Tải tài liệu/ }).count()).toBe(2)
    await screenshot(page, "citizen-dossier")
    // and the dossier is in the citizen's own list
    await page.getByRole("link", { name: "Hồ sơ của tôi" }).click()
    await expect.poll(() => page.getByTestId("my-dossiers").textContent()).toContain(dossierCode)
    await screenshot(page, "my-dossiers")
    await page.context().close()
  })

  it("the counter officer signs in, finds the dossier in the work queue and accepts it", async () => {
    expect(dossierCode).not.toBe("")
    const page = await newPage()
    await page.goto(`${site.url}/dang-nhap`)
    await page.getByLabel("Tên đăng nhập").fill("cb-hg-01")
    await page.getByLabel("Mật khẩu").fill(PASSWORD)
    await page.getByRole("button", { name: "Đăng nhập", exact: true }).click()
    await page.waitForURL("**/can-bo/ho-so")
    await page.getByRole("link", { name: dossierCode }).click()
    await screenshot(page, "officer-dossier")
    await page
      .locator("summary")
      .filter({ hasText: /^Tiếp nhận$/ })
      .click()
    await page.locator('form[data-action="accept"]').getByRole("button", { name: "Tiếp nhận" }).click()
    await page.getByRole("status").filter({ hasText: "Đã thực hiện: Tiếp nhận" }).waitFor()
    await expect.poll(() => page.getByTestId("dossier-state").textContent()).not.toMatch(/^1 /)
    await page.context().close()
  })

  it("the citizen rates the returned dossier on its page, once", async () => {
    expect(dossierCode).not.toBe("")
    await walkToReturn(dossierCode)
    const page = await newPage()
    await page.goto(`${site.url}/dang-nhap`)
    await page.getByLabel("Mã đăng nhập công dân (bản thử nghiệm)").fill(CITIZEN_TOKEN)
    await page.getByRole("button", { name: "Đăng nhập công dân" }).click()
    await page.waitForURL("**/ca-nhan/ho-so")
    await page.goto(`${site.url}/ho-so/${dossierCode}`)
    await expect.poll(() => page.getByTestId("dossier-state").textContent()).toContain("10")
    await page.getByLabel("Công chức giải quyết").selectOption("4")
    await page.getByLabel("Không hài lòng", { exact: true }).check()
    await screenshot(page, "rating")
    await page.getByRole("button", { name: "Gửi đánh giá" }).click()
    await page.getByRole("status").filter({ hasText: "Cảm ơn bạn đã đánh giá." }).waitFor()
    const stored = await api("GET", `/api/v1/dossiers/${dossierCode}/rating`, citizenHeaders)
    expect(stored).toMatchObject({ rating: { officer: 4, liked: false, access: 5 } })
    await page.context().close()
  })

  it("the public lookup shows the dossier's status without personal data", async () => {
    const page = await newPage()
    await page.goto(`${site.url}/tra-cuu`)
    await page.getByLabel("Mã hồ sơ (in trên giấy tiếp nhận)").fill(dossierCode)
    await page.getByRole("button", { name: "Tra cứu" }).click()
    const result = page.getByTestId("lookup-result")
    await result.waitFor()
    const text = (await result.textContent()) ?? ""
    expect(text).toContain("Đăng ký thường trú")
    expect(text).not.toContain("022090001234")
    expect(text).not.toContain("Nguyễn Văn An")
    await screenshot(page, "lookup")
    await page.context().close()
  })

  it("switches to English and back, and remembers the choice", async () => {
    const page = await newPage()
    await page.goto(`${site.url}/`)
    await page.getByRole("button", { name: /English/ }).click()
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Find an administrative procedure")
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en")
    await page.reload()
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Find an administrative procedure")
    await screenshot(page, "home-english")
    await page.getByRole("button", { name: /Tiếng Việt/ }).click()
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Tìm thủ tục hành chính")
    await page.context().close()
  })

  it("a person using only the keyboard reaches the search and the results", async () => {
    const page = await newPage()
    await page.goto(`${site.url}/`)
    await page.getByRole("heading", { level: 1 }).waitFor()
    await page.keyboard.press("Tab")
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Chuyển đến nội dung chính")
    await page.keyboard.press("Enter")
    // Tab from main to the search box, type, submit with Enter
    for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.id)) !== "q"; i++)
      await page.keyboard.press("Tab")
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("q")
    await page.keyboard.type("khai sinh")
    await page.keyboard.press("Enter")
    await page
      .getByRole("link", { name: /khai sinh/i })
      .first()
      .waitFor()
    await page.context().close()
  })

  it("has no serious or critical accessibility violation on the main pages (axe-core)", async () => {
    const page = await newPage({ bypassCSP: true })
    const found: Record<string, string[]> = {}
    for (const path of ["/", "/thu-tuc/1.004222", "/tra-cuu", `/tra-cuu/${dossierCode}`, "/dang-nhap"]) {
      await page.goto(`${site.url}${path}`, { waitUntil: "networkidle" })
      await page.getByRole("heading", { level: 1 }).waitFor()
      found[path] = await accessibilityViolations(page)
    }
    await screenshot(page, "sign-in")
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])))
    await page.context().close()
  })
})
