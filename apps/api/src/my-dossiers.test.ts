// A citizen gets back what is theirs (issue 16): GET /api/v1/dossiers lists their dossiers (as applicant, and those
// they filed for someone), and a dossier's documents download for whoever may read the dossier, on both databases.
import { afterAll, beforeAll, expect, it } from "vitest"
import {
  citizen,
  HOUR,
  officers,
  onEachDatabase,
  pdf,
  residenceFiling,
  send,
  type TestSystem,
  testSystem,
} from "./dossier.test-support.ts"

onEachDatabase("my dossiers and document downloads", (kind) => {
  let system: TestSystem
  beforeAll(async () => {
    system = await testSystem(kind)
  }, 60_000)
  afterAll(async () => system?.close())

  const upload = async (who: string, bytes: Uint8Array) => {
    const response = await system.app.request("/api/v1/documents", {
      method: "POST",
      headers: { ...citizen(who).headers, "content-type": "application/pdf" },
      body: bytes,
    })
    expect(response.status).toBe(201)
    return ((await response.json()) as { id: string }).id
  }
  const file = async (who: string, body: unknown, key: string) => {
    const response = await send(system.app, citizen(who), "POST", "/api/v1/dossiers", body, { "idempotency-key": key })
    expect(response.status, await response.clone().text()).toBe(201)
    return ((await response.json()) as { code: string }).code
  }
  const list = async (who: string) => {
    const response = await send(system.app, citizen(who), "GET", "/api/v1/dossiers")
    expect(response.status).toBe(200)
    return ((await response.json()) as { items: Array<{ code: string }> }).items.map((i) => i.code)
  }

  it("lists a citizen's dossiers newest first: as applicant, and those filed for someone else", async () => {
    const own = await file("022090001234", residenceFiling(), "mine-1")
    system.advance(HOUR)
    const paper = pdf("giấy tờ chỗ ở")
    const documentId = await upload("022090001234", paper)
    const forMother = await file(
      "022090001234",
      {
        ...residenceFiling({ applicant: { id: "022090009999", name: "Trần Thị Bình", kind: "citizen" } }),
        onBehalfOf: { relationship: "mẹ (mother)" },
        attachmentIds: [documentId],
      },
      "mine-2",
    )
    expect(await list("022090001234")).toEqual([forMother, own])
    expect(await list("022090009999")).toEqual([forMother])
    // the document comes back, byte for byte, to those who may read the dossier
    const download = await send(
      system.app,
      citizen("022090009999"),
      "GET",
      `/api/v1/dossiers/${forMother}/documents/${documentId}`,
    )
    expect(download.status).toBe(200)
    expect(download.headers.get("content-type")).toBe("application/pdf")
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(paper)
    const officer = await officers(system)("cb-hg-01")
    const byOfficer = await send(system.app, officer, "GET", `/api/v1/dossiers/${forMother}/documents/${documentId}`)
    expect(byOfficer.status).toBe(200)
    // not through another dossier's path, and not for a citizen who is not its owner
    expect((await send(system.app, citizen(), "GET", `/api/v1/dossiers/${own}/documents/${documentId}`)).status).toBe(
      404,
    )
    const ownPaper = await upload("022090001234", pdf("tờ khai"))
    const ownWithPaper = await file("022090001234", { ...residenceFiling(), attachmentIds: [ownPaper] }, "mine-3")
    const stranger = await send(
      system.app,
      citizen("022090009999"),
      "GET",
      `/api/v1/dossiers/${ownWithPaper}/documents/${ownPaper}`,
    )
    expect(stranger.status, await stranger.clone().text()).toBe(403)
  })

  it("officers are sent to their work queue", async () => {
    const officer = await officers(system)("cb-hg-01")
    expect((await send(system.app, officer, "GET", "/api/v1/dossiers")).status).toBe(403)
  })
})
