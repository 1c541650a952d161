// The pages in a real browser (Debian's Chromium through playwright-core), served by a real API server on SQLite with
// the demo accounts: a citizen finds a procedure without diacritics, is refused online with one paper missing, files
// with both and sees what is owed with the VietQR code drawn; the counter officer finds a paper unreadable and asks
// for it again at intake; the citizen answers with the paper uploaded; then the officers of each role take
// the dossier through every step with the actions their page offers (accept, hand-over, approval, signature with the
// result uploaded, the clerk's step, payment at the counter, result ready, return) until the public lookup shows
// status 10. A post office agent takes a birth registration in for a citizen, registers home delivery, and once the
// ward's officers have handled it finds it among the results to hand back and returns it by post. The citizen rates the
// returned dossier once. A leader reads the dashboard's charts. A citizen files using only the keyboard. axe-core finds no serious or critical violation on
// every main page; English works; the home page's first load stays under 200 KB of gzipped JavaScript, and its
// timings on a throttled connection are written down. Screenshots of each page go to apps/web/test-artifacts/.
import { execFileSync } from "node:child_process"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { launchChromium } from "./chromium.ts"
import { ARTIFACTS, newContext as contextIn, pageChecks } from "./page-checks.ts"
import { DEMO_PASSWORD, type Site, startSite } from "./site.ts"

const CITIZEN_TOKEN = "demo-citizen-022090001234"
const OTHER_CITIZEN_TOKEN = "demo-citizen-022090009999"

let site: Site
let browser: Browser
const contexts = new Map<string, BrowserContext>()
/** Every page's axe-core serious and critical violations and its screenshot, by the page's name. */
const { record, expectAccessible } = pageChecks()

beforeAll(async () => {
  site = await startSite()
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await site?.close()
})

function newContext(): Promise<BrowserContext> {
  return contextIn(browser)
}

async function newPage(): Promise<Page> {
  return (await newContext()).newPage()
}

/** A signed-in page for a demo officer (one browser context each, kept for the whole run). */
async function officer(username: string): Promise<Page> {
  let context = contexts.get(username)
  if (context === undefined) {
    context = await newContext()
    contexts.set(username, context)
    const page = await context.newPage()
    await page.goto(`${site.url}/dang-nhap`)
    await page.getByLabel("Tên đăng nhập").fill(username)
    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD)
    await page.getByRole("button", { name: "Đăng nhập", exact: true }).click()
    await page.waitForURL(/\/(can-bo\/ho-so|diem-tiep-nhan)$/)
    return page
  }
  return context.pages()[0] ?? context.newPage()
}

/** A signed-in page for a demo citizen (the development identity provider's token). */
async function citizen(token: string): Promise<Page> {
  let context = contexts.get(token)
  if (context === undefined) {
    context = await newContext()
    contexts.set(token, context)
    const page = await context.newPage()
    await page.goto(`${site.url}/dang-nhap`)
    await page.getByLabel("Mã đăng nhập công dân (bản thử nghiệm)").fill(token)
    await page.getByRole("button", { name: "Đăng nhập công dân" }).click()
    await page.waitForURL("**/ca-nhan/ho-so")
    return page
  }
  return context.pages()[0] ?? context.newPage()
}

async function openDossier(page: Page, code: string): Promise<void> {
  await page.goto(`${site.url}/ho-so/${code}`)
  await page.getByTestId("dossier-state").waitFor()
}

/** The actions the dossier's page offers (the summaries of its action forms), in order. */
async function offered(page: Page): Promise<string[]> {
  await page.getByTestId("dossier-actions").waitFor({ state: "attached" })
  return page.getByTestId("dossier-actions").locator("summary").allTextContents()
}

/**
 * Takes one action the page offers: opens its form, lets `fill` complete it, sends it and waits for the page to say
 * it was done (or fails with the API's refusal).
 */
async function act(
  page: Page,
  label: string,
  action: string,
  fill?: (form: ReturnType<Page["locator"]>) => Promise<void>,
) {
  const actions = page.getByTestId("dossier-actions")
  await actions
    .locator("summary")
    .filter({ hasText: new RegExp(`^${label}$`) })
    .click()
  const form = page.locator(`form[data-action="${action}"]`)
  await fill?.(form)
  await form.getByRole("button", { name: label, exact: true }).click()
  const done = page.getByRole("status").filter({ hasText: `Đã thực hiện: ${label}` })
  await Promise.race([done.waitFor(), form.getByRole("alert").waitFor()])
  if (!(await done.isVisible())) expect.fail(`${action} refused: ${await form.getByRole("alert").textContent()}`)
}

async function state(page: Page): Promise<string> {
  return ((await page.getByTestId("dossier-state").textContent()) ?? "").trim()
}

/** A small PDF with one empty page (the signer reads the result it signs as a PDF), named in a comment. */
const paper = (name: string) => ({
  name,
  mimeType: "application/pdf",
  buffer: Buffer.from(
    `%PDF-1.7\n% ${name}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n` +
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n" +
      "trailer << /Root 1 0 R >>\n%%EOF\n",
  ),
})

/** A moment `days` from now as a datetime-local input takes it (Vietnam time). */
function localInput(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000)
  return at.toISOString().slice(0, 16)
}

describe("the web pages in Chromium", () => {
  let dossierCode = ""
  let birthCode = ""

  it("the home page's first load carries at most 200 KB of gzipped JavaScript; its timings on a slow connection are measured", async () => {
    const page = await newPage()
    const scripts: Promise<readonly [string, number]>[] = []
    page.on("response", (response) => {
      if (response.url().endsWith(".js"))
        scripts.push(
          response
            .request()
            .sizes()
            .then((s) => [new URL(response.url()).pathname, s.responseBodySize] as const),
        )
    })
    await page.goto(`${site.url}/`, { waitUntil: "networkidle" })
    const loaded = await Promise.all(scripts)
    const total = loaded.reduce((sum, [, bytes]) => sum + bytes, 0)
    expect(loaded.length).toBeGreaterThan(0)
    expect(total).toBeLessThanOrEqual(200 * 1024)
    writeFileSync(
      join(ARTIFACTS, "home-javascript-bytes.txt"),
      `${total}\n${loaded.map(([path, bytes]) => `${bytes} ${path}`).join("\n")}\n`,
    )
    await record(page, "home")
    await page.context().close()

    // Lighthouse's "Fast 3G" profile: 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up, the CPU slowed 4×; a cold
    // cache. Measured, never asserted (the machine is shared): docs/performance.md reports a run.
    const slow = await newPage()
    const cdp = await slow.context().newCDPSession(slow)
    await cdp.send("Network.enable")
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true })
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    })
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 })
    const started = Date.now()
    await slow.goto(`${site.url}/`, { waitUntil: "load" })
    await slow.locator(".card").first().waitFor()
    const resultsShownMs = Date.now() - started
    const timings = await slow.evaluate(async () => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming
      const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null
      const lcp = await new Promise<number | null>((resolve) => {
        new PerformanceObserver((list) => resolve(list.getEntries().at(-1)?.startTime ?? null)).observe({
          type: "largest-contentful-paint",
          buffered: true,
        })
        setTimeout(() => resolve(null), 1000)
      })
      return {
        timeToFirstByteMs: Math.round(nav.responseStart),
        firstContentfulPaintMs: fcp === null ? null : Math.round(fcp),
        largestContentfulPaintMs: lcp === null ? null : Math.round(lcp),
        domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
        loadMs: Math.round(nav.loadEventEnd),
      }
    })
    const measured = { profile: "Fast 3G (150 ms, 1.6 Mbit/s down, 750 kbit/s up), CPU ×4", ...timings, resultsShownMs }
    writeFileSync(join(ARTIFACTS, "home-timings.json"), `${JSON.stringify(measured, null, 2)}\n`)
    expect(timings.firstContentfulPaintMs).not.toBeNull()
    await slow.context().close()
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
    await record(page, "procedure")
    await page.context().close()
  })

  it("a citizen files online: refused with a paper missing, filed with both; the fee shown first; the dossier shows what is owed with its VietQR code", async () => {
    const page = await citizen(CITIZEN_TOKEN)
    await record(page, "my-dossiers-empty")
    await page.goto(`${site.url}/thu-tuc/1.004222/nop`)
    await expect.poll(() => page.getByTestId("fee-total").textContent()).toBe("10.000 đ")
    await page.getByLabel("Họ và tên").fill("Nguyễn Văn An")
    await page.getByLabel("Số định danh cá nhân").fill("022090001234")
    await page.getByLabel("Xã, phường nơi cư trú").selectOption("06685")
    await page.getByLabel(/Tờ khai thay đổi thông tin cư trú/).setInputFiles(paper("ct01.pdf"))
    await record(page, "file-online")
    // online, a mandatory paper missing is refused at filing with its name, not discovered at intake
    await page.getByRole("button", { name: "Nộp hồ sơ" }).click()
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("chứng minh chỗ ở hợp pháp")
    await page.getByLabel(/Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp/).setInputFiles(paper("hop-dong-mo.pdf"))
    await page.getByRole("button", { name: "Nộp hồ sơ" }).click()
    const filed = page.getByRole("status").filter({ hasText: "Đã nộp hồ sơ" })
    await Promise.race([filed.waitFor(), page.getByRole("alert").filter({ hasNotText: "chỗ ở hợp pháp" }).waitFor()])
    if (!(await filed.isVisible())) expect.fail(`filing refused: ${await page.getByRole("alert").textContent()}`)
    dossierCode = /Đã nộp hồ sơ (\S+)/.exec((await filed.textContent()) ?? "")?.[1] ?? ""
    expect(dossierCode).toMatch(/-\d{6}-\d+$/)
    // the relay opens the fee's payment request in the ledger: a VietQR transfer to the ward centre's own account
    await site.server.relayNow?.()
    await page.getByRole("link", { name: "Xem hồ sơ" }).click()
    await expect.poll(() => state(page)).toBe("1 Mới đăng ký")
    await expect.poll(() => page.getByTestId("dossier-outstanding").textContent()).toBe("10.000 đ")
    const qr = page.getByTestId("vietqr")
    await qr.waitFor()
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    expect(await qr.getAttribute("alt")).toContain("10.000 đ")
    // the payload under the code is a VietQR (NAPAS GUID) for the 10.000 đ owed, with the request's reference
    const payload = (await page.getByTestId("payment-request").locator("code").textContent()) ?? ""
    expect(payload).toContain("A000000727")
    expect(payload).toMatch(/5405100005802VN62\d{2}01\d{2}MC/)
    // the citizen may only withdraw now; the papers uploaded come back from the page
    expect(await offered(page)).toEqual(["Rút hồ sơ"])
    await expect.poll(() => page.getByRole("button", { name: /Tải tài liệu/ }).count()).toBe(2)
    await record(page, "citizen-dossier-payment")
    await page.getByRole("link", { name: "Hồ sơ của tôi" }).click()
    await expect.poll(() => page.getByTestId("my-dossiers").textContent()).toContain(dossierCode)
    await record(page, "my-dossiers")
  })

  it("the counter officer finds a paper unreadable and asks for it again at intake", async () => {
    const page = await officer("cb-hg-01")
    await page.getByRole("link", { name: dossierCode }).waitFor()
    await record(page, "officer-queue")
    await page.getByRole("link", { name: dossierCode }).click()
    await page.getByTestId("dossier-state").waitFor()
    expect(await offered(page)).toEqual([
      "Tiếp nhận",
      "Từ chối tiếp nhận",
      "Yêu cầu bổ sung",
      "Rút hồ sơ",
      "Xác nhận đã thanh toán",
    ])
    await record(page, "officer-dossier-intake")
    await act(page, "Yêu cầu bổ sung", "request-supplementation", async (form) => {
      await form.getByLabel(/chứng minh chỗ ở hợp pháp/).check()
      await form.getByLabel("Hạn bổ sung").fill(localInput(10))
    })
    await expect.poll(() => state(page)).toBe("5 Yêu cầu bổ sung giấy tờ")
    expect(await offered(page)).toEqual(["Rút hồ sơ", "Xác nhận đã thanh toán"])
  })

  it("the citizen answers the request from the dossier's page with the paper uploaded", async () => {
    const page = await citizen(CITIZEN_TOKEN)
    await openDossier(page, dossierCode)
    await expect.poll(() => page.getByTestId("supplement-missing").textContent()).toContain("chỗ ở hợp pháp")
    await page.getByLabel(/Tải lên: Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp/).setInputFiles(paper("hop-dong.pdf"))
    await record(page, "citizen-supplement")
    await page.getByRole("button", { name: "Gửi hồ sơ bổ sung" }).click()
    await page.getByRole("status").filter({ hasText: "Đã gửi hồ sơ bổ sung" }).waitFor()
    await expect.poll(() => state(page)).toBe("1 Mới đăng ký")
    await expect.poll(() => page.getByRole("button", { name: /Tải tài liệu/ }).count()).toBe(3)
  })

  it("the officers of each role take the dossier through every step with the actions their page offers", async () => {
    const counter = await officer("cb-hg-01")
    await openDossier(counter, dossierCode)
    expect(await offered(counter)).toContain("Tiếp nhận")
    await act(counter, "Tiếp nhận", "accept")
    await expect.poll(() => state(counter)).toBe("2 Được tiếp nhận")
    await act(counter, "Hoàn thành bước", "complete-step")
    await expect.poll(() => state(counter)).toBe("4 Đang xử lý")

    const specialist = await officer("cv-hg-01")
    await specialist.goto(`${site.url}/can-bo/ho-so`)
    await specialist.getByRole("link", { name: dossierCode }).click()
    await specialist.getByTestId("dossier-state").waitFor()
    expect(await offered(specialist)).toEqual([
      "Hoàn thành bước",
      "Yêu cầu bổ sung",
      "Yêu cầu thanh toán",
      "Dừng xử lý",
      "Gia hạn, xin lỗi",
    ])
    await record(specialist, "specialist-dossier")
    await act(specialist, "Hoàn thành bước", "complete-step", (form) => form.getByLabel("Ghi chú").fill("Hồ sơ hợp lệ"))

    const leader = await officer("ld-hg-01")
    await openDossier(leader, dossierCode)
    expect(await offered(leader)).toContain("Phê duyệt")
    await act(leader, "Phê duyệt", "approve")
    expect(await offered(leader)).not.toContain("Phê duyệt")
    await act(leader, "Ký số kết quả", "sign", (form) =>
      form.getByLabel("Văn bản kết quả cần ký (PDF)").setInputFiles(paper("thong-bao-ket-qua.pdf")),
    )
    await record(leader, "leader-dossier")
    await act(leader, "Hoàn thành bước", "complete-step")

    const clerk = await officer("vt-hg-01")
    await openDossier(clerk, dossierCode)
    await act(clerk, "Hoàn thành bước", "complete-step")

    await openDossier(counter, dossierCode)
    // the result cannot be ready while the fee is unpaid: the page says why
    expect(await offered(counter)).not.toContain("Kết quả sẵn sàng trả")
    await expect.poll(() => counter.getByTestId("dossier-blocked").textContent()).toContain("Chưa nộp đủ phí, lệ phí")
    await act(counter, "Xác nhận đã thanh toán", "confirm-payment", async (form) => {
      expect(await form.getByLabel("Số tiền (đồng)").inputValue()).toBe("10000")
    })
    await expect.poll(() => counter.getByTestId("dossier-outstanding").textContent()).toBe("Không còn khoản phải nộp.")
    await act(counter, "Kết quả sẵn sàng trả", "mark-result-ready")
    await expect.poll(() => state(counter)).toBe("9 Đã xử lý xong")
    expect(await offered(counter)).toEqual(["Trả kết quả"])
    await act(counter, "Trả kết quả", "return-result", async (form) => {
      await form.getByLabel("Cách trả kết quả").selectOption("counter")
    })
    await expect.poll(() => state(counter)).toBe("10 Đã trả kết quả")
    expect(await offered(counter)).toEqual(["Đính chính"])
    // the standard forms that apply now, as printed
    const forms = counter.getByTestId("dossier-forms")
    await expect
      .poll(() => forms.locator("summary").allTextContents())
      .toEqual([
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        "SỔ THEO DÕI HỒ SƠ (dòng của hồ sơ)",
      ])
    await forms.locator("summary").nth(1).click()
    await expect.poll(() => forms.textContent()).toContain("Quá trình giải quyết 3 — Bước xử lý")
    // the printed process-control slip, as the API renders it: a PDF whose text pdftotext reads back
    const download = counter.waitForEvent("download")
    await forms.getByTestId("form-pdf-process-control").click()
    const printed = await (await download).path()
    const text = execFileSync("pdftotext", ["-layout", printed, "-"], { encoding: "utf8" })
    expect(text).toContain("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ")
    expect(text).toContain(dossierCode)
    await record(counter, "officer-dossier-returned")
  })

  it("the citizen follows the dossier: what happened when", async () => {
    const page = await citizen(CITIZEN_TOKEN)
    await openDossier(page, dossierCode)
    await expect.poll(() => state(page)).toBe("10 Đã trả kết quả")
    const history = (await page.getByTestId("dossier-history").textContent()) ?? ""
    for (const step of [
      "1 · Mới đăng ký",
      "5 · Yêu cầu bổ sung giấy tờ",
      "Đã nhận hồ sơ bổ sung",
      "2 · Được tiếp nhận",
      "4 · Đang xử lý",
      "Lãnh đạo phê duyệt",
      "Đã ký số kết quả",
      "Đã nộp 10.000 đ",
      "9 · Đã xử lý xong",
      "10 · Đã trả kết quả",
      "Trả kết quả tại quầy",
    ])
      expect(history).toContain(step)
    expect(
      await page
        .getByRole("table", { name: /Các bước xử lý/ })
        .locator("tbody tr")
        .count(),
    ).toBe(5)
    expect(await offered(page)).toEqual([])
    await record(page, "citizen-dossier-history")
  })

  it("an auditor reads the dossier's audit trail, one entry per transition, and is offered no action", async () => {
    const page = await officer("tt-01")
    await openDossier(page, dossierCode)
    const trail = page.getByTestId("audit-trail")
    await expect.poll(() => trail.locator("tbody tr").count()).toBeGreaterThan(0)
    // the staff's reads of the dossier are in the trail too (issue 14): the transitions are the rest
    const actions = await trail.locator("tbody tr td:nth-child(4)").allTextContents()
    expect(actions.filter((a) => a.startsWith("read."))).toContain("read.dossier")
    expect(actions.filter((a) => !a.startsWith("read."))).toEqual([
      "dossier.file",
      "dossier.requestSupplementation",
      "dossier.supplementReceived",
      "dossier.accept",
      "dossier.completeStep",
      "dossier.completeStep",
      "dossier.approve",
      "dossier.sign",
      "dossier.completeStep",
      "dossier.completeStep",
      "dossier.paymentConfirmed",
      "dossier.resultReady",
      "dossier.returnResult",
    ])
    expect(await offered(page)).toEqual([])
    await record(page, "auditor-dossier")
  })

  it("the citizen rates the returned dossier on its page, once", async () => {
    const page = await citizen(CITIZEN_TOKEN)
    await openDossier(page, dossierCode)
    await expect.poll(() => state(page)).toBe("10 Đã trả kết quả")
    await page.getByLabel("Công chức giải quyết").selectOption("4")
    await page.getByLabel("Không hài lòng", { exact: true }).check()
    await record(page, "rating")
    await page.getByRole("button", { name: "Gửi đánh giá" }).click()
    await page.getByRole("status").filter({ hasText: "Cảm ơn bạn đã đánh giá." }).waitFor()
    const stored = await fetch(`${site.url}/api/v1/dossiers/${dossierCode}/rating`, {
      headers: { authorization: `Bearer ${CITIZEN_TOKEN}` },
    })
    expect(stored.status).toBe(200)
    expect(await stored.json()).toMatchObject({ rating: { officer: 4, liked: false, access: 5 } })
  })

  it("the public lookup shows status 10 without personal data", async () => {
    const page = await newPage()
    await page.goto(`${site.url}/tra-cuu`)
    await record(page, "lookup-form")
    await page.getByLabel("Mã hồ sơ (in trên giấy tiếp nhận)").fill(dossierCode)
    await page.getByRole("button", { name: "Tra cứu" }).click()
    const result = page.getByTestId("lookup-result")
    await result.waitFor()
    const text = (await result.textContent()) ?? ""
    expect(text).toContain("10 Đã trả kết quả")
    expect(text).toContain("Đăng ký thường trú")
    expect(text).not.toContain("022090001234")
    expect(text).not.toContain("Nguyễn Văn An")
    await record(page, "lookup")
    await page.context().close()
  })

  it("a post office agent takes a birth registration in for a citizen and registers home delivery", async () => {
    const page = await officer("bd-hg-01")
    await page.getByRole("heading", { name: "Hồ sơ tại điểm tiếp nhận" }).waitFor()
    await page.getByLabel("Mã thủ tục (vd. 1.001193)").fill("1.001193")
    await page.getByRole("button", { name: "Bắt đầu tiếp nhận" }).click()
    await page.getByLabel("Điểm tiếp nhận").waitFor()
    await expect.poll(() => page.getByText("Qua bưu chính").count()).toBeGreaterThan(0)
    await page.getByLabel("Họ và tên").fill("Trần Thị Bình")
    await page.getByLabel("Số định danh cá nhân").fill("022090009999")
    await page.getByLabel("Số điện thoại").fill("0987654321")
    await page.getByLabel("Xã, phường nơi cư trú").selectOption("06685")
    await page.getByLabel(/Tờ khai đăng ký khai sinh/).setInputFiles(paper("to-khai.pdf"))
    await page.getByLabel(/Giấy chứng sinh/).setInputFiles(paper("giay-chung-sinh.pdf"))
    await page.getByLabel(/Hộ chiếu, căn cước/).setInputFiles(paper("can-cuoc.pdf"))
    await record(page, "agent-intake")
    await page.getByRole("button", { name: "Nộp hồ sơ" }).click()
    const filed = page.getByRole("status").filter({ hasText: "Đã nộp hồ sơ" })
    await Promise.race([filed.waitFor(), page.getByRole("alert").waitFor()])
    if (!(await filed.isVisible())) expect.fail(`intake refused: ${await page.getByRole("alert").textContent()}`)
    birthCode = /Đã nộp hồ sơ (\S+)/.exec((await filed.textContent()) ?? "")?.[1] ?? ""
    await page.getByRole("link", { name: "Xem hồ sơ" }).click()
    await expect.poll(() => state(page)).toBe("1 Mới đăng ký")
    // home delivery of the result, registered with the postal operator
    await page.locator("summary").filter({ hasText: "Đề nghị dịch vụ bưu chính" }).click()
    await page.getByLabel("Dịch vụ").selectOption("delivery")
    await page.locator("#postal-name").fill("Trần Thị Bình")
    await page.locator("#postal-phone").fill("0987654321")
    await page.locator("#postal-line").fill("Tổ 3, khu 2, phường Hồng Gai")
    await page.getByRole("button", { name: "Đề nghị dịch vụ bưu chính" }).click()
    await page.getByRole("status").filter({ hasText: "Đã tạo đơn bưu chính" }).waitFor()
    await expect.poll(() => page.getByTestId("postal-orders").textContent()).toContain("Chuyển trả kết quả tại nhà")
    await record(page, "agent-dossier")
    await page.getByRole("link", { name: "Điểm tiếp nhận" }).click()
    await expect.poll(() => page.getByTestId("agent-all").textContent()).toContain(birthCode)
  })

  it("the ward's officers handle it; the agent finds the result to hand back and returns it by post", async () => {
    const counter = await officer("cb-hg-01")
    await openDossier(counter, birthCode)
    await act(counter, "Tiếp nhận", "accept")
    await act(counter, "Hoàn thành bước", "complete-step")
    const specialist = await officer("cv-ubhg-01")
    await openDossier(specialist, birthCode)
    await act(specialist, "Hoàn thành bước", "complete-step")
    const chairman = await officer("ld-ubhg-01")
    await openDossier(chairman, birthCode)
    await act(chairman, "Phê duyệt", "approve")
    await act(chairman, "Ký số kết quả", "sign", (form) =>
      form.getByLabel("Văn bản kết quả cần ký (PDF)").setInputFiles(paper("giay-khai-sinh.pdf")),
    )
    await act(chairman, "Hoàn thành bước", "complete-step")
    const clerk = await officer("vt-ubhg-01")
    await openDossier(clerk, birthCode)
    await act(clerk, "Hoàn thành bước", "complete-step")
    await openDossier(counter, birthCode)
    await act(counter, "Kết quả sẵn sàng trả", "mark-result-ready")
    await expect.poll(() => state(counter)).toBe("9 Đã xử lý xong")

    const agent = await officer("bd-hg-01")
    await agent.goto(`${site.url}/diem-tiep-nhan`)
    await expect.poll(() => agent.getByTestId("agent-to-return").textContent()).toContain(birthCode)
    await record(agent, "agent-desk")
    await agent.getByTestId("agent-to-return").getByRole("link", { name: birthCode }).click()
    await agent.getByTestId("dossier-state").waitFor()
    expect(await offered(agent)).toEqual(["Trả kết quả"])
    await act(agent, "Trả kết quả", "return-result", async (form) => {
      expect(await form.getByLabel("Cách trả kết quả").locator("option").allTextContents()).toEqual(["Qua bưu chính"])
    })
    await expect.poll(() => state(agent)).toBe("10 Đã trả kết quả")
  })

  it("a leader reads the dashboard: received, resolved and on time per unit, field and month, as charts and tables", async () => {
    const page = await officer("ld-hg-01")
    await page.getByRole("link", { name: "Báo cáo" }).click()
    const summary = page.getByTestId("report-summary")
    await summary.waitFor()
    expect(await summary.textContent()).toContain("Tổng số hồ sơ tiếp nhận1")
    for (const chart of ["unit", "field", "month"]) {
      const element = page.getByTestId(`chart-${chart}`)
      await expect.poll(() => element.getAttribute("data-drawn")).toBe("true")
      expect(await element.locator("canvas").count()).toBeGreaterThan(0)
    }
    // the authority's one dossier, returned early: received 1, resolved 1, on time 1, late 0, 100%
    const byUnit = page.getByRole("table", { name: "Số liệu Theo đơn vị" })
    expect(await byUnit.locator("tbody tr th").allTextContents()).toEqual(["Phường Hồng Gai"])
    expect(await byUnit.locator("tbody tr td").allTextContents()).toEqual(["1", "1", "1", "0", "100%"])
    await record(page, "dashboard")
  })

  it("a citizen files using only the keyboard", async () => {
    const page = await citizen(OTHER_CITIZEN_TOKEN)
    // Playwright turns on file-chooser interception when the first listener subscribes, without waiting for the
    // browser to confirm; a Space pressed right after that can reach a page not yet intercepting (the native
    // dialog opens and no event comes: seen once under load). Subscribing now leaves it on long before the Space.
    page.on("filechooser", () => {})
    await page.goto(`${site.url}/thu-tuc/1.004222/nop`)
    await page.getByTestId("fee-total").waitFor()
    const focused = () => page.evaluate(() => document.activeElement?.id ?? "")
    const tabTo = async (id: string) => {
      for (let i = 0; i < 40 && (await focused()) !== id; i++) await page.keyboard.press("Tab")
      expect(await focused()).toBe(id)
    }
    await tabTo("name")
    await page.keyboard.press("Control+A")
    await page.keyboard.type("Trần Thị Bình")
    await tabTo("idNumber")
    await page.keyboard.type("022090009999")
    await tabTo("unit")
    // down the list of communes and wards to Hồng Gai
    for (let i = 0; i < 80 && (await page.locator("#unit").inputValue()) !== "06685"; i++)
      await page.keyboard.press("ArrowDown")
    expect(await page.locator("#unit").inputValue()).toBe("06685")
    for (const [id, name] of [
      ["doc-ct01", "ct01.pdf"],
      ["doc-cho-o-hop-phap", "cho-o.pdf"],
    ] as const) {
      await tabTo(id)
      const chooser = page.waitForEvent("filechooser")
      await page.keyboard.press("Space")
      await (await chooser).setFiles(paper(name))
    }
    await page.keyboard.press("Tab")
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Nộp hồ sơ")
    await page.keyboard.press("Enter")
    const filed = page.getByRole("status").filter({ hasText: "Đã nộp hồ sơ" })
    await Promise.race([filed.waitFor(), page.getByRole("alert").waitFor()])
    if (!(await filed.isVisible())) expect.fail(`filing refused: ${await page.getByRole("alert").textContent()}`)
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
    await record(page, "home-english")
    await page.goto(`${site.url}/tra-cuu/${dossierCode}`)
    await expect.poll(() => page.getByTestId("lookup-result").textContent()).toContain("Result returned")
    await page.getByRole("button", { name: /Tiếng Việt/ }).click()
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Tra cứu tình trạng hồ sơ")
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

  it("has no serious or critical accessibility violation on any main page (axe-core)", async () => {
    const page = await newPage()
    await page.goto(`${site.url}/dang-nhap`)
    await page.getByRole("heading", { level: 1 }).waitFor()
    await record(page, "sign-in")
    await page.goto(`${site.url}/tra-cuu/${dossierCode}`)
    await page.getByTestId("lookup-result").waitFor()
    await record(page, "lookup-result")
    await page.context().close()
    expectAccessible([
      "home",
      "procedure",
      "file-online",
      "citizen-dossier-payment",
      "my-dossiers",
      "officer-queue",
      "officer-dossier-intake",
      "citizen-supplement",
      "specialist-dossier",
      "leader-dossier",
      "citizen-dossier-history",
      "auditor-dossier",
      "lookup",
      "agent-intake",
      "agent-dossier",
      "agent-desk",
      "dashboard",
      "sign-in",
    ])
  })
})
