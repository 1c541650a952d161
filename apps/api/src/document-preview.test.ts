// The preview of a dossier's document over HTTP (GET …/documents/{id}/preview?page=N), with the real renderer (poppler's
// pdftoppm): a PDF's page as PNG with the page count in `x-page-count`, each page its own drawing; an image as itself;
// a page the document lacks is a 422 naming `query.page` and the number of pages, a page that is not a number a 400;
// an officer out of scope is 403; and each preview is audited as a read of the document, like the download.
import { afterAll, beforeAll, expect, it } from "vitest"
import {
  type Credentials,
  citizen,
  officers,
  onEachDatabase,
  residenceFiling,
  send,
  type TestSystem,
  testSystem,
} from "./dossier.test-support.ts"
import { readProblem } from "./testing.test-support.ts"

const APPLICANT = "022090001234"

/** A two-page PDF written by hand: 8 × 11 inches upright, then 10 × 5 inches lying (poppler rebuilds the xref). */
const twoPagePdf = () =>
  new TextEncoder().encode(
    "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
      "2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj\n" +
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 576 792] >> endobj\n" +
      "4 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 720 360] >> endobj\n" +
      "trailer << /Root 1 0 R >>\n%%EOF\n",
  )

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==",
  "base64",
)

const pngSize = (bytes: Uint8Array) => {
  const view = Buffer.from(bytes)
  expect(view.subarray(1, 4).toString("latin1")).toBe("PNG")
  return [view.readUInt32BE(16), view.readUInt32BE(20)]
}

onEachDatabase("the preview of a dossier's document", (kind) => {
  let system: TestSystem
  let as: (username: string) => Promise<Credentials>
  let code = ""
  let pdfId = ""
  let imageId = ""
  beforeAll(async () => {
    system = await testSystem(kind)
    as = officers(system)
    const upload = async (mediaType: string, body: Uint8Array) => {
      const answer = await system.app.request("/api/v1/documents", {
        method: "POST",
        headers: { ...citizen(APPLICANT).headers, "content-type": mediaType },
        body,
      })
      expect(answer.status, await answer.clone().text()).toBe(201)
      return ((await answer.json()) as { id: string }).id
    }
    pdfId = await upload("application/pdf", twoPagePdf())
    imageId = await upload("image/png", PNG)
    const filed = await send(
      system.app,
      citizen(APPLICANT),
      "POST",
      "/api/v1/dossiers",
      { ...residenceFiling(), attachmentIds: [pdfId, imageId] },
      { "idempotency-key": `preview-${kind}` },
    )
    expect(filed.status, await filed.clone().text()).toBe(201)
    code = ((await filed.json()) as { code: string }).code
  }, 60_000)
  afterAll(async () => system?.close())

  const preview = async (who: Credentials, id: string, query = "") =>
    send(system.app, who, "GET", `/api/v1/dossiers/${code}/documents/${id}/preview${query}`)

  it("draws each page of a PDF as PNG, says how many there are, and shows an image as itself", async () => {
    const specialist = await as("cv-hg-01")
    const first = await preview(specialist, pdfId)
    expect(first.status, await first.clone().text()).toBe(200)
    expect(first.headers.get("content-type")).toBe("image/png")
    expect(first.headers.get("x-page-count")).toBe("2")
    expect(first.headers.get("cache-control")).toBe("private, no-store")
    expect(pngSize(new Uint8Array(await first.arrayBuffer()))).toEqual([800, 1100])
    const second = await preview(specialist, pdfId, "?page=2")
    expect(second.status).toBe(200)
    expect(pngSize(new Uint8Array(await second.arrayBuffer()))).toEqual([1000, 500])

    const image = await preview(citizen(APPLICANT), imageId)
    expect(image.status).toBe(200)
    expect(image.headers.get("content-type")).toBe("image/png")
    expect(image.headers.get("x-page-count")).toBe("1")
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true)
  })

  it("refuses a page the document lacks (422, naming the page count) and a page that is not one (400)", async () => {
    const specialist = await as("cv-hg-01")
    const third = await preview(specialist, pdfId, "?page=3")
    expect(third.status).toBe(422)
    const problem = await readProblem(third)
    expect(problem.errors.map((e) => e.path)).toEqual(["query.page"])
    expect(problem.detail).toContain("có 2 trang")
    expect(problem.detail).toContain("not page 3")
    expect((await preview(specialist, imageId, "?page=2")).status).toBe(422)
    for (const bad of ["?page=0", "?page=abc", "?page=1.5"]) {
      const answer = await preview(specialist, pdfId, bad)
      expect(answer.status, bad).toBe(400)
      expect(new Set((await readProblem(answer)).errors.map((e) => e.path))).toEqual(new Set(["query.page"]))
    }
    expect((await preview(specialist, "no-such-document")).status).toBe(404)
    expect((await preview(await as("cv-hh-01"), pdfId)).status).toBe(403)
  })

  it("is audited as a read of the document, like the download", async () => {
    const reads = await send(system.app, await as("tt-01"), "GET", `/api/v1/audit/reads?dossier=${code}`)
    expect(reads.status).toBe(200)
    const items = (
      (await reads.json()) as { items: { action: string; actor: string; detail: { documentId?: string } }[] }
    ).items
    // the specialist's pages 1, 2 and 3 (refused once read) of the PDF, page 2 of the image, the unknown document; a
    // page that is not a number is refused before anything is read; the officer out of scope, refused and recorded
    expect(items.filter((e) => e.detail.documentId === pdfId).map((e) => [e.action, e.actor])).toEqual([
      ["read.dossier-document", "cv-hg-01"],
      ["read.dossier-document", "cv-hg-01"],
      ["read.dossier-document", "cv-hg-01"],
      ["read.dossier-document.denied", "cv-hh-01"],
    ])
    expect(items.filter((e) => e.detail.documentId === imageId).map((e) => e.actor)).toEqual(["cv-hg-01"])
  })
})
