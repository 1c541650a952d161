// A dossier's digitised papers (Giấy tờ đã số hóa) on the officer desk, in Debian's Chromium (playwright-core,
// executablePath) against a real API server on SQLite with the demo accounts (test/site.ts):
// - a counter officer opens a dossier taken in at the counter: every required document listed, none digitised; the
//   counter agent not running at its default address is said so;
// - uploads a 2-page PDF for the declaration: listed as version 1 with 2 pages, the SHA-256's prefix (computed here)
//   and the officer; replaces it by a 3-page PDF while the dossier changed behind the page (409 said, the upload kept,
//   recorded on "Ghi nhận lại" without uploading again): version 2 current, version 1 still listed and previewed;
// - a file that is not a PDF or an image is refused at upload, a PDF whose pages the API cannot count is refused at
//   the record and recorded once the officer gives the count — each refusal with the API's reason, nothing recorded;
// - with scanimage (SANE's test backend) and the real counter agent: unpaired said, paired from the page; an agent whose
//   scanner is missing said so at the paper, nothing recorded; a scan recorded as the next version with the scanned
//   bytes' SHA-256;
// - a specialist reads the same list without any way to record;
// - what the page shows equals the API's own list; axe-core finds no serious or critical violation.
import { createHash } from "node:crypto"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { launchChromium } from "./chromium.ts"
import { type RunningAgent, scanimageAvailable, startCounterAgent } from "./counter-agent.ts"
import { newContext, pageChecks } from "./page-checks.ts"
import { DEMO_PASSWORD, officerHeaders, type Site, startSite } from "./site.ts"

const DECLARATION = "ct01"
const RESIDENCE = "cho-o-hop-phap"

let site: Site
let browser: Browser
let agent: RunningAgent | undefined
/** An agent whose scanner is not there (SANE's test backend has no test:9). */
let agentWithoutScanner: RunningAgent | undefined
const contexts: BrowserContext[] = []
const { record, expectAccessible } = pageChecks()
/** The dossier taken in at the Hồng Gai counter, without any paper digitised. */
let code = ""

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex")

/** A PDF of `pages` empty A4 pages, its cross-reference table right (poppler draws it), `label` in a comment. */
function pdfOf(pages: number, label: string): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(" ")
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"),
  ]
  let body = `%PDF-1.7\n% ${label}\n`
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"))
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = Buffer.byteLength(body, "latin1")
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, "latin1")
}

/** A demo officer's session over HTTP (cookie and CSRF token). */
const session = (username: string) => officerHeaders(site, username)

async function call<T>(path: string, headers: Record<string, string>, body?: unknown): Promise<T> {
  const answer = await fetch(`${site.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await answer.text()
  if (!answer.ok) throw new Error(`${path}: ${answer.status} ${text}`)
  return JSON.parse(text) as T
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

interface ApiPaper {
  readonly version: number
  readonly fileId: string
  readonly pages: number | null
  readonly sha256: string
  readonly digitisedBy: string
}
type ApiPapers = { items: { documentId: string; versions: ApiPaper[] }[] }

/** The API's versions of a required document, oldest first. */
async function versionsOf(documentId: string): Promise<ApiPaper[]> {
  const listed = await call<ApiPapers>(`/api/v1/dossiers/${code}/papers`, await session("cb-hg-01"))
  return listed.items.find((i) => i.documentId === documentId)?.versions ?? []
}

beforeAll(async () => {
  site = await startSite()
  const counter = await session("cb-hg-01")
  const filed = await call<{ code: string }>(
    "/api/v1/dossiers",
    { ...counter, "idempotency-key": "papers-web-1" },
    {
      procedureCode: "1.004222",
      applicant: { id: "022090001234", name: "Nguyễn Văn An", kind: "citizen", phone: "0912345678" },
      residence: { provinceCode: "22", unitCode: "06685" },
      subjectUnitCode: "06685",
      documents: [{ id: DECLARATION }, { id: RESIDENCE }],
      intakePointId: "ttphcc-06685",
    },
  )
  code = filed.code
  browser = await launchChromium()
})

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined)
  await browser?.close()
  agent?.stop()
  agentWithoutScanner?.stop()
  await site?.close()
})

describe("a dossier's digitised papers on the officer desk, in Chromium", () => {
  let page: Page
  const first = pdfOf(2, "Tờ khai CT01 lần 1")
  const second = pdfOf(3, "Tờ khai CT01 lần 2")

  it("lists the procedure's required documents, none digitised, and says the counter agent is not running", async () => {
    page = await signedIn("cb-hg-01")
    await page.goto(`${site.url}/ho-so/${code}`)
    const section = page.getByTestId("dossier-papers")
    await section.getByRole("heading", { name: "Giấy tờ đã số hóa" }).waitFor()
    for (const id of [DECLARATION, RESIDENCE]) {
      await page.getByTestId(`paper-${id}`).waitFor()
      expect(await page.getByTestId(`paper-${id}`).getByTestId("paper-status").textContent()).toBe("Chưa số hóa.")
    }
    expect(await page.getByTestId(`paper-${DECLARATION}`).getByRole("heading").textContent()).toContain("(bắt buộc)")
    // nothing listens at the default address in the test: said so, no scan offered
    await expect
      .poll(() => page.getByTestId("agent-state").textContent())
      .toContain("Không kết nối được phần mềm thiết bị tại http://127.0.0.1:47100")
    expect(await page.getByRole("button", { name: /^Quét giấy tờ/ }).count()).toBe(0)
    await record(page, "dossier-papers-empty")
  })

  it("records an uploaded 2-page PDF as version 1, with its pages, hash prefix and the officer", async () => {
    const row = page.getByTestId(`paper-${DECLARATION}`)
    await row
      .getByLabel(/^Tệp giấy tờ cho Tờ khai/)
      .setInputFiles({ name: "ct01.pdf", mimeType: "application/pdf", buffer: first })
    await row.getByRole("button", { name: "Ghi nhận tệp" }).click()
    await expect
      .poll(() => page.getByTestId("papers-done").textContent())
      .toMatch(/^Đã ghi nhận bản số hóa của Tờ khai/)
    await expect
      .poll(() => row.getByTestId("paper-status").textContent())
      .toMatch(
        new RegExp(`^Đã số hóa, phiên bản 1: 2 trang, SHA-256 ${sha256(first).slice(0, 12)}…, do cb-hg-01 số hóa lúc`),
      )
    const versions = row.getByTestId("paper-versions")
    expect(await versions.locator("tbody tr").count()).toBe(1)
    // what the page shows is what the API recorded: the bytes uploaded, their pages
    const recorded = await versionsOf(DECLARATION)
    expect(recorded.map((v) => [v.version, v.pages, v.sha256, v.digitisedBy])).toEqual([
      [1, 2, sha256(first), "cb-hg-01"],
    ])
  })

  it("replaces it by a 3-page PDF after a refused stale version, without uploading again; version 1 stays", async () => {
    const row = page.getByTestId(`paper-${DECLARATION}`)
    await row
      .getByLabel(/^Tệp thay thế cho Tờ khai/)
      .setInputFiles({ name: "ct01-b.pdf", mimeType: "application/pdf", buffer: second })
    // the dossier moves on behind the page (accepted over the API): the page's version is stale
    const counter = await session("cb-hg-01")
    const { version } = await call<{ version: number }>(`/api/v1/dossiers/${code}`, counter)
    await call(`/api/v1/dossiers/${code}/accept`, counter, { expectedVersion: version })
    const uploadsBefore = (await versionsOf(DECLARATION)).length
    await row.getByRole("button", { name: "Thay bằng tệp này" }).click()
    const refused = row.getByRole("alert").filter({ hasText: "Không ghi nhận được giấy tờ" })
    await refused.waitFor()
    expect(await refused.textContent()).toContain("tải lại rồi thử lại")
    // nothing recorded; the upload is kept for the retry
    expect(await versionsOf(DECLARATION)).toHaveLength(uploadsBefore)
    const staged = row.getByTestId(`paper-${DECLARATION}-staged`)
    expect(await staged.textContent()).toContain("Tệp đã tải lên nhưng chưa được ghi nhận")
    await record(page, "dossier-papers-refused")
    await staged.getByRole("button", { name: "Ghi nhận lại" }).click()
    await expect
      .poll(() => page.getByTestId("papers-done").textContent())
      .toMatch(/^Đã ghi nhận phiên bản 2 của Tờ khai.*phiên bản cũ vẫn được giữ/)
    await expect
      .poll(() => row.getByTestId("paper-status").textContent())
      .toMatch(new RegExp(`^Đã số hóa, phiên bản 2: 3 trang, SHA-256 ${sha256(second).slice(0, 12)}…`))
    // both versions listed, newest first, the current one marked; the old one readable
    const rows = row.getByTestId("paper-versions").locator("tbody tr")
    expect(await rows.count()).toBe(2)
    const v2 = row.getByTestId("paper-version-2")
    const v1 = row.getByTestId("paper-version-1")
    expect(await v2.locator("th").textContent()).toBe("2 (hiện hành)")
    expect(await v2.locator("td").nth(0).textContent()).toBe("3")
    expect(await v2.locator("code").textContent()).toBe(sha256(second).slice(0, 12))
    expect(await v1.locator("th").textContent()).toBe("1")
    expect(await v1.locator("td").nth(0).textContent()).toBe("2")
    expect(await v1.locator("code").textContent()).toBe(sha256(first).slice(0, 12))
    expect(await v1.locator("code").getAttribute("title")).toBe(sha256(first))
    const recorded = await versionsOf(DECLARATION)
    expect(recorded.map((v) => [v.version, v.pages, v.sha256])).toEqual([
      [1, 2, sha256(first)],
      [2, 3, sha256(second)],
    ])
    // the old version previewed: its two pages, drawn by the API
    const oldFile = recorded[0]?.fileId ?? ""
    await v1.getByRole("button", { name: `Xem trước tài liệu ${oldFile.slice(0, 8)}` }).click()
    const preview = v1.getByTestId(`preview-${oldFile}`)
    await preview.getByRole("img", { name: `Trang 1/2 của tài liệu ${oldFile.slice(0, 8)}` }).waitFor()
    await preview.getByRole("button", { name: "Trang sau" }).click()
    await preview.getByRole("img", { name: `Trang 2/2 của tài liệu ${oldFile.slice(0, 8)}` }).waitFor()
    await record(page, "dossier-papers-versions")
  })

  it("refuses a file that is not a paper at upload, and a PDF without countable pages until the officer counts them", async () => {
    const row = page.getByTestId(`paper-${RESIDENCE}`)
    const file = row.getByLabel(/^Tệp giấy tờ cho Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp/)
    await file.setInputFiles({ name: "ghi-chu.txt", mimeType: "text/plain", buffer: Buffer.from("không phải PDF") })
    await row.getByRole("button", { name: "Ghi nhận tệp" }).click()
    await row.getByRole("alert").filter({ hasText: "Không tải lên được tệp" }).waitFor()
    expect(await row.getByTestId(`paper-${RESIDENCE}-staged`).count()).toBe(0)
    expect(await versionsOf(RESIDENCE)).toEqual([])

    const uncountable = Buffer.from("%PDF-1.7\n% a scanner's PDF without page objects\n%%EOF\n", "latin1")
    await file.setInputFiles({ name: "cho-o.pdf", mimeType: "application/pdf", buffer: uncountable })
    await row.getByRole("button", { name: "Ghi nhận tệp" }).click()
    const refused = row.getByRole("alert").filter({ hasText: "Không ghi nhận được giấy tờ" })
    await refused.waitFor()
    expect(await refused.textContent()).toContain("không đếm được số trang")
    expect(await versionsOf(RESIDENCE)).toEqual([])
    // the officer counts the pages; the file uploaded is recorded without uploading it again
    await row.getByLabel("Số trang (chỉ cần khi hệ thống không tự đếm được)").fill("1")
    await row.getByTestId(`paper-${RESIDENCE}-staged`).getByRole("button", { name: "Ghi nhận lại" }).click()
    await expect
      .poll(() => row.getByTestId("paper-status").textContent())
      .toMatch(new RegExp(`^Đã số hóa, phiên bản 1: 1 trang, SHA-256 ${sha256(uncountable).slice(0, 12)}…`))
    expect(await row.getByRole("alert").count()).toBe(0)
    expect((await versionsOf(RESIDENCE)).map((v) => [v.version, v.pages, v.sha256])).toEqual([
      [1, 1, sha256(uncountable)],
    ])
  })

  it.runIf(scanimageAvailable())(
    "scans through the paired counter agent (SANE's test backend): no device said, then the next version, the scan's hash",
    async () => {
      ;[agent, agentWithoutScanner] = await Promise.all([
        startCounterAgent(site.url),
        startCounterAgent(site.url, "test:9"),
      ])
      const row = page.getByTestId(`paper-${RESIDENCE}`)
      const scanButton = row.getByRole("button", {
        name: /^Quét lại giấy tờ: Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp/,
      })
      const pairWith = async (running: RunningAgent) => {
        await page.getByLabel("Địa chỉ phần mềm thiết bị trên máy này").fill(running.url)
        await page.getByRole("button", { name: "Kết nối" }).click()
        await expect.poll(() => page.getByTestId("agent-state").textContent()).toContain("chưa ghép nối")
        expect(await scanButton.count()).toBe(0)
        await page.getByRole("button", { name: "Ghép nối với tài khoản của tôi" }).click()
        await expect
          .poll(() => page.getByTestId("agent-state").textContent())
          .toMatch(/Đã ghép nối. Số máy quét: [1-9]/)
      }
      // the agent's scanner is not there: said at the paper (and at the agent's panel), nothing recorded
      await pairWith(agentWithoutScanner)
      await scanButton.click()
      const failed = row.getByRole("alert").filter({ hasText: "Không quét được" })
      await failed.waitFor({ timeout: 60_000 })
      expect(await failed.textContent()).toContain("không tìm thấy máy quét")
      expect(await page.getByTestId("agent-problem").textContent()).toContain("không tìm thấy máy quét")
      expect(await versionsOf(RESIDENCE)).toHaveLength(1)
      // what the page said of the last record is gone: it was not this attempt's
      expect(await page.getByTestId("papers-done").textContent()).toBe("")
      await record(page, "dossier-papers-no-scanner")

      await pairWith(agent)
      await page.getByLabel("Độ phân giải khi quét").selectOption("100")
      await scanButton.click()
      await expect
        .poll(() => row.getByTestId("paper-status").textContent(), { timeout: 60_000 })
        .toMatch(/^Đã số hóa, phiên bản 2: 1 trang/)
      const recorded = await versionsOf(RESIDENCE)
      expect(recorded.map((v) => [v.version, v.pages, v.digitisedBy])).toEqual([
        [1, 1, "cb-hg-01"],
        [2, 1, "cb-hg-01"],
      ])
      // the stored bytes are the scan's PDF, and the hash the page shows is theirs
      const scanned = recorded[1] as ApiPaper
      const bytes = new Uint8Array(
        await (
          await fetch(`${site.url}/api/v1/dossiers/${code}/documents/${scanned.fileId}`, {
            headers: await session("cb-hg-01"),
          })
        ).arrayBuffer(),
      )
      expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-")
      expect(sha256(bytes)).toBe(scanned.sha256)
      expect(await row.getByTestId("paper-version-2").locator("code").textContent()).toBe(sha256(bytes).slice(0, 12))
      expect(await row.getByRole("alert").count()).toBe(0)
      await record(page, "dossier-papers-scanned")
    },
  )

  it("a specialist reads the same papers with no way to record one", async () => {
    const specialist = await signedIn("cv-hg-01")
    await specialist.goto(`${site.url}/ho-so/${code}`)
    const row = specialist.getByTestId(`paper-${DECLARATION}`)
    await row.getByTestId("paper-versions").waitFor()
    expect(await row.getByTestId("paper-status").textContent()).toMatch(
      new RegExp(`^Đã số hóa, phiên bản 2: 3 trang, SHA-256 ${sha256(second).slice(0, 12)}…`),
    )
    expect(await row.getByTestId("paper-versions").locator("tbody tr").count()).toBe(2)
    const section = specialist.getByTestId("dossier-papers")
    expect(await section.locator('input[type="file"]').count()).toBe(0)
    expect(await section.getByRole("button", { name: /Ghi nhận|Thay bằng|Quét/ }).count()).toBe(0)
    expect(await specialist.getByTestId("papers-agent").count()).toBe(0)
    await record(specialist, "dossier-papers-read")
  })

  it("no serious or critical accessibility violation on these pages", () => {
    expectAccessible(
      ["dossier-papers-empty", "dossier-papers-refused", "dossier-papers-versions", "dossier-papers-read"],
      "papers-axe.json",
    )
  })
})
