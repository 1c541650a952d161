// Reads of personal data audited like changes (issue 14), over HTTP on SQLite and PostgreSQL: a specialist reading a
// dossier and its document is recorded with the work item (the dossier's state and step, the role acted in); an
// officer out of scope, another citizen asking for a citizen's wallet and an officer asking for it are 403 *and*
// recorded; the applicant reading their own dossier is not. Auditors list the reads by person or by dossier; the
// entries are links of the same hash chain, which stays intact.
import { afterAll, beforeAll, expect, it } from "vitest"
import {
  type Credentials,
  citizen,
  officers,
  onEachDatabase,
  pdf,
  residenceFiling,
  send,
  type TestSystem,
  testSystem,
} from "./dossier.test-support.ts"
import { readProblem } from "./testing.test-support.ts"

interface ReadEntry {
  seq: number
  at: string
  dossierCode: string | null
  actor: string
  action: string
  detail: {
    roles: string[]
    walletOwnerId?: string
    documentId?: string
    workItem?: { state: string; stepId?: string }
    actedAs?: string
    refused?: string
  }
}

const APPLICANT = "022090001234"
const OTHER = "022090009999"

onEachDatabase("reads of personal data are audited", (kind) => {
  let system: TestSystem
  let as: (username: string) => Promise<Credentials>
  beforeAll(async () => {
    system = await testSystem(kind)
    as = officers(system)
  }, 60_000)
  afterAll(async () => system?.close())

  const get = async (who: Credentials, path: string) => send(system.app, who, "GET", path)
  const reads = async (who: Credentials, query: string) => {
    const response = await get(who, `/api/v1/audit/reads?${query}`)
    expect(response.status, await response.clone().text()).toBe(200)
    return ((await response.json()) as { items: ReadEntry[] }).items
  }

  it("records staff reads with the work item and refused attempts; lists them by dossier and by person", async () => {
    const upload = await system.app.request("/api/v1/documents", {
      method: "POST",
      headers: { ...citizen(APPLICANT).headers, "content-type": "application/pdf" },
      body: pdf("Tờ khai CT01"),
    })
    expect(upload.status).toBe(201)
    const documentId = ((await upload.json()) as { id: string }).id
    const filed = await send(
      system.app,
      citizen(APPLICANT),
      "POST",
      "/api/v1/dossiers",
      { ...residenceFiling(), attachmentIds: [documentId] },
      { "idempotency-key": `reads-${kind}` },
    )
    expect(filed.status, await filed.clone().text()).toBe(201)
    const { code } = (await filed.json()) as { code: string }

    // the applicant's own reads are theirs: not recorded
    expect((await get(citizen(APPLICANT), `/api/v1/dossiers/${code}`)).status).toBe(200)
    // a specialist of Hồng Gai reads the dossier and its document; one of Hồng Hà may not
    const specialist = await as("cv-hg-01")
    expect((await get(specialist, `/api/v1/dossiers/${code}`)).status).toBe(200)
    expect((await get(specialist, `/api/v1/dossiers/${code}/documents/${documentId}`)).status).toBe(200)
    expect((await get(await as("cv-hh-01"), `/api/v1/dossiers/${code}`)).status).toBe(403)
    // nobody but the owner reads a wallet: another citizen and an officer are 403, and recorded
    expect((await get(citizen(OTHER), `/api/v1/wallets/${APPLICANT}`)).status).toBe(403)
    expect((await get(citizen(OTHER), `/api/v1/wallets/${APPLICANT}/entries/w-1`)).status).toBe(403)
    expect((await get(await as("cb-hg-01"), `/api/v1/wallets/${APPLICANT}`)).status).toBe(403)
    expect((await get(citizen(APPLICANT), `/api/v1/wallets/${APPLICANT}`)).status).toBe(200)

    const auditor = await as("tt-01")
    const ofDossier = await reads(auditor, `dossier=${code}`)
    expect(ofDossier.map((e) => e.action)).toEqual(["read.dossier", "read.dossier-document", "read.dossier.denied"])
    const [dossierRead, documentRead, refused] = ofDossier as [ReadEntry, ReadEntry, ReadEntry]
    expect(dossierRead.dossierCode).toBe(code)
    expect(dossierRead.detail).toMatchObject({ actedAs: "specialist", roles: ["specialist"] })
    // filed online and not yet taken in: the dossier waits at intake, in the counter's step
    expect(dossierRead.detail.workItem?.state).toMatch(/\w/)
    expect(documentRead.detail.documentId).toBe(documentId)
    expect(documentRead.actor).toBe(dossierRead.actor)
    expect(refused.actor).not.toBe(dossierRead.actor)
    expect(refused.detail.refused).toMatch(/\w/)
    expect(refused.detail.actedAs).toBeUndefined()

    // by person: the specialist's reads, across dossiers
    const bySpecialist = await reads(auditor, `actor=${encodeURIComponent(dossierRead.actor)}`)
    expect(bySpecialist.map((e) => [e.action, e.dossierCode])).toEqual([
      ["read.dossier", code],
      ["read.dossier-document", code],
    ])
    // the other citizen's refused wallet reads, with the wallet's owner
    const byOther = await reads(auditor, `actor=${OTHER}`)
    expect(byOther.map((e) => [e.action, e.dossierCode, e.detail.walletOwnerId])).toEqual([
      ["read.wallet.denied", null, APPLICANT],
      ["read.wallet-document.denied", null, APPLICANT],
    ])
    expect(byOther[1]?.detail.documentId).toBe("w-1")
    // the applicant is in no list: their own reads are not recorded
    expect(await reads(auditor, `actor=${APPLICANT}`)).toEqual([])
    // paging
    const after = await reads(auditor, `actor=${OTHER}&after=${byOther[0]?.seq}`)
    expect(after.map((e) => e.seq)).toEqual([byOther[1]?.seq])

    // the reads are links of the audit chain, which is intact
    const chain = await get(auditor, "/api/v1/audit/chain")
    expect(await chain.json()).toMatchObject({ _tag: "Intact" })
  })

  it("who may list: auditors by person and by dossier; others not across dossiers; a person or a dossier is required", async () => {
    expect((await get(citizen(APPLICANT), `/api/v1/audit/reads?actor=${APPLICANT}`)).status).toBe(403)
    expect((await get(await as("cb-hg-01"), `/api/v1/audit/reads?actor=${OTHER}`)).status).toBe(403)
    const bare = await get(await as("tt-01"), "/api/v1/audit/reads")
    expect(bare.status).toBe(422)
    expect((await readProblem(bare)).errors.map((e) => e.path)).toEqual(["query.actor"])
    const unknown = await get(await as("tt-01"), "/api/v1/audit/reads?dossier=000.00.22.H49-251006-9999")
    expect(unknown.status).toBe(404)
  })
})
