// The pages in a real browser (Debian's Chromium through playwright-core), served by a real API server: a citizen
// finds a procedure without diacritics, signs in, files online with papers attached and the fee shown first; the
// counter officer finds it in the work queue and accepts it; the public lookup shows its status; English works;
// axe-core finds no serious or critical violation on any main page; the home page's first load stays under
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
    // what is still owed is on the dossier's page (with the gateway's link once the relay has made the request)
    await expect.poll(() => page.getByTestId("dossier-outstanding").textContent()).toContain("10.000 đ")
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
