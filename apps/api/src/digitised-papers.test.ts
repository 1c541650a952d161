// Digitised papers over HTTP (issue 14 §4): POST /api/v1/dossiers/{code}/papers records a staged upload as the
// required document it is (pages counted, the stored SHA-256), again as the next version; GET lists every version,
// the old one's bytes still readable; bad input is a 4xx naming the field with nothing recorded; who may is the
// policy's dossier.digitise (the applicant, the officers of the intake unit) and, to read, whoever reads the dossier.
import { createHash } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  type Credentials,
  citizen,
  officer,
  pdf,
  residenceFiling,
  send,
  type TestSystem,
  testSystem,
} from "./dossier.test-support.ts"
import { readProblem } from "./testing.test-support.ts"

let system: TestSystem
beforeAll(async () => {
  system = await testSystem("memory")
})
afterAll(async () => system?.close())

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex")

const upload = async (who: Credentials, bytes: Uint8Array, type = "application/pdf") =>
  system.app.request("/api/v1/documents", {
    method: "POST",
    headers: { ...who.headers, "content-type": type },
    body: bytes,
  })

const staged = async (who: Credentials, bytes: Uint8Array) => {
  const response = await upload(who, bytes)
  expect(response.status).toBe(201)
  return ((await response.json()) as { id: string }).id
}

/** A residence filing at the Hồng Gai counter by its officer, with these documents and any more of the body. */
const fileAtCounter = (who: Credentials, key: string, documents: string[], more: Record<string, unknown> = {}) =>
  send(
    system.app,
    who,
    "POST",
    "/api/v1/dossiers",
    { ...residenceFiling({ documents: documents.map((id) => ({ id })) }), intakePointId: "ttphcc-06685", ...more },
    { "idempotency-key": key },
  )

interface Paper {
  documentId: string
  version: number
  fileId: string
  pages: number | null
  sha256: string
  source: string
  digitisedBy: string
  intakePointId: string | null
}

describe("digitised papers over HTTP", () => {
  it("records a paper, replaces it by the next version and lists both; the old bytes stay readable", async () => {
    const counter = await officer(system.app, "cb-hg-01")
    const filed = await fileAtCounter(counter, "papers-1", ["ct01", "cho-o-hop-phap"])
    expect(filed.status).toBe(201)
    const { code, version } = (await filed.json()) as { code: string; version: number }
    const papers = `/api/v1/dossiers/${code}/papers`
    expect(await (await send(system.app, counter, "GET", papers)).json()).toEqual({ items: [] })

    const first = pdf("Tờ khai CT01 quét tại quầy")
    const recorded = await send(system.app, counter, "POST", papers, {
      documentId: "ct01",
      attachmentId: await staged(counter, first),
      sha256: sha(first),
      expectedVersion: version,
    })
    expect(recorded.status, await recorded.clone().text()).toBe(201)
    const one = (await recorded.json()) as { paper: Paper; dossierVersion: number; replacedVersion: number | null }
    expect(one.paper).toMatchObject({
      documentId: "ct01",
      version: 1,
      pages: 1,
      sha256: sha(first),
      source: "officer",
      digitisedBy: "cb-hg-01",
      intakePointId: "ttphcc-06685",
    })
    expect(one.replacedVersion).toBeNull()
    expect(one.dossierVersion).toBe(version + 1)
    // the dossier's flag follows from the record
    const detail = (await (await send(system.app, counter, "GET", `/api/v1/dossiers/${code}`)).json()) as {
      context: { documents: Array<{ id: string; digitised?: boolean }> }
    }
    expect(detail.context.documents.find((d) => d.id === "ct01")?.digitised).toBe(true)

    // the applicant uploads a better copy: version 2, theirs
    const second = pdf("Tờ khai CT01 bản rõ hơn")
    const replaced = await send(system.app, citizen(), "POST", papers, {
      documentId: "ct01",
      attachmentId: await staged(citizen(), second),
    })
    expect(replaced.status, await replaced.clone().text()).toBe(201)
    expect(await replaced.json()).toMatchObject({ paper: { version: 2, source: "citizen" }, replacedVersion: 1 })

    const listed = (await (await send(system.app, await officer(system.app, "cv-hg-01"), "GET", papers)).json()) as {
      items: Array<{ documentId: string; name: string; current: Paper; versions: Paper[] }>
    }
    expect(listed.items).toHaveLength(1)
    expect(listed.items[0]?.name.length).toBeGreaterThan(0)
    expect(listed.items[0]?.current.version).toBe(2)
    expect(listed.items[0]?.versions.map((v) => [v.version, v.sha256])).toEqual([
      [1, sha(first)],
      [2, sha(second)],
    ])
    const oldBytes = await (
      await send(system.app, counter, "GET", `/api/v1/dossiers/${code}/documents/${one.paper.fileId}`)
    ).arrayBuffer()
    expect(sha(new Uint8Array(oldBytes))).toBe(sha(first))

    // who may: another citizen neither reads nor records; a counter officer of another ward does not record
    expect((await send(system.app, citizen("022090009999"), "GET", papers)).status).toBe(403)
    const foreign = await officer(system.app, "cb-hh-01")
    const foreignPost = await send(system.app, foreign, "POST", papers, {
      documentId: "cho-o-hop-phap",
      attachmentId: await staged(foreign, pdf("giấy tờ")),
    })
    expect(foreignPost.status).toBe(403)
    expect((await send(system.app, counter, "GET", "/api/v1/dossiers/000.00.00.H49-251006-9999/papers")).status).toBe(
      404,
    )
  })

  it("answers bad input with a 4xx naming the field, and records nothing", async () => {
    const counter = await officer(system.app, "cb-hg-01")
    const filed = await fileAtCounter(counter, "papers-2", ["ct01"])
    const { code } = (await filed.json()) as { code: string }
    const papers = `/api/v1/dossiers/${code}/papers`
    const id = await staged(counter, pdf("giấy tờ"))

    const unknown = await send(system.app, counter, "POST", papers, { documentId: "khong-co", attachmentId: id })
    expect(unknown.status).toBe(422)
    const problem = await readProblem(unknown)
    expect(problem.errors.map((e) => e.path)).toEqual(["body.documentId"])
    expect(problem.reason).toMatchObject({ _tag: "PaperRefused", reason: "unknown-document" })

    const mismatch = await send(system.app, counter, "POST", papers, {
      documentId: "ct01",
      attachmentId: id,
      sha256: "0".repeat(64),
    })
    expect(mismatch.status).toBe(422)
    expect((await readProblem(mismatch)).reason).toMatchObject({ reason: "hash-mismatch" })

    const pages = await send(system.app, counter, "POST", papers, { documentId: "ct01", attachmentId: id, pages: 7 })
    expect(pages.status).toBe(422)
    expect((await readProblem(pages)).detail).toContain("1")

    const malformed = await send(system.app, counter, "POST", papers, { documentId: "ct01", sha256: "xyz" })
    expect(malformed.status).toBe(400)
    expect((await readProblem(malformed)).errors.map((e) => e.path).sort()).toEqual([
      "body.attachmentId",
      "body.sha256",
    ])

    // a Word document is not accepted as a document, so never becomes a paper
    const word = await upload(counter, new TextEncoder().encode("PK\u0003\u0004 docx"), "application/msword")
    expect(word.status).toBe(415)

    expect(await (await send(system.app, counter, "GET", papers)).json()).toEqual({ items: [] })
  })
  it("records the papers a filing brings as digitised, and refuses a filing whose paper is wrong with its path", async () => {
    const counter = await officer(system.app, "cb-hg-01")
    const scan = pdf("Tờ khai CT01 quét khi tiếp nhận")
    const filed = await fileAtCounter(counter, "papers-3", ["ct01", "cho-o-hop-phap"], {
      papers: [{ documentId: "ct01", attachmentId: await staged(counter, scan), sha256: sha(scan) }],
    })
    expect(filed.status, await filed.clone().text()).toBe(201)
    const { code } = (await filed.json()) as { code: string }
    const listed = (await (await send(system.app, counter, "GET", `/api/v1/dossiers/${code}/papers`)).json()) as {
      items: Array<{ documentId: string; current: Paper }>
    }
    expect(listed.items.map((i) => [i.documentId, i.current.version, i.current.sha256, i.current.pages])).toEqual([
      ["ct01", 1, sha(scan), 1],
    ])
    const detail = (await (await send(system.app, counter, "GET", `/api/v1/dossiers/${code}`)).json()) as {
      context: { documents: Array<{ id: string; digitised?: boolean }> }
    }
    expect(detail.context.documents.find((d) => d.id === "ct01")?.digitised).toBe(true)
    expect(detail.context.documents.find((d) => d.id === "cho-o-hop-phap")?.digitised).not.toBe(true)

    const mine = (await (
      await send(system.app, counter, "GET", "/api/v1/intake-points/ttphcc-06685/dossiers?limit=100")
    ).json()) as {
      items: unknown[]
    }
    const wrong = await fileAtCounter(counter, "papers-4", ["ct01"], {
      papers: [{ documentId: "khong-co", attachmentId: await staged(counter, pdf("giấy tờ")) }],
    })
    expect(wrong.status).toBe(422)
    expect((await readProblem(wrong)).errors.map((e) => e.path)).toEqual(["body.papers[0].documentId"])
    // nothing filed
    const after = (await (
      await send(system.app, counter, "GET", "/api/v1/intake-points/ttphcc-06685/dossiers?limit=100")
    ).json()) as {
      items: unknown[]
    }
    expect(after.items.length).toBe(mine.items.length)
  })

  it("drops a flag a filing declares without a paper, and refuses an accept that declares one, naming the field", async () => {
    const counter = await officer(system.app, "cb-hg-01")
    const filed = await fileAtCounter(counter, "papers-5", [], {
      documents: [
        { id: "ct01", digitised: true },
        { id: "cho-o-hop-phap", fromEWallet: true },
      ],
    })
    expect(filed.status, await filed.clone().text()).toBe(201)
    const { code, version } = (await filed.json()) as { code: string; version: number }
    const documents = async () =>
      (
        (await (await send(system.app, counter, "GET", `/api/v1/dossiers/${code}`)).json()) as {
          version: number
          context: { documents: unknown[]; acceptedAt?: string }
        }
      ).context
    expect((await documents()).documents).toEqual([{ id: "ct01" }, { id: "cho-o-hop-phap" }])

    const accept = `/api/v1/dossiers/${code}/accept`
    const declared = await send(system.app, counter, "POST", accept, {
      expectedVersion: version,
      documents: [{ id: "cho-o-hop-phap" }, { id: "ct01", digitised: true }],
    })
    expect(declared.status).toBe(422)
    const problem = await readProblem(declared.clone())
    expect(problem.errors.map((e) => e.path)).toEqual(["body.documents[1].digitised"])
    expect(((await declared.json()) as { reason: unknown }).reason).toEqual({
      _tag: "PaperRefused",
      reason: "declared-without-record",
    })
    expect((await documents()).acceptedAt).toBeUndefined()

    // the scan recorded, the same accept is taken, and its flag is the record's
    const scan = pdf("Tờ khai CT01 quét trước khi tiếp nhận")
    const recorded = await send(system.app, counter, "POST", `/api/v1/dossiers/${code}/papers`, {
      documentId: "ct01",
      attachmentId: await staged(counter, scan),
    })
    expect(recorded.status).toBe(201)
    const { dossierVersion } = (await recorded.json()) as { dossierVersion: number }
    const accepted = await send(system.app, counter, "POST", accept, {
      expectedVersion: dossierVersion,
      documents: [{ id: "cho-o-hop-phap" }, { id: "ct01", digitised: true }],
    })
    expect(accepted.status, await accepted.clone().text()).toBe(200)
    const after = await documents()
    expect(after.acceptedAt).toBeDefined()
    expect(after.documents).toEqual([{ id: "ct01", digitised: true }, { id: "cho-o-hop-phap" }])
  })
})
