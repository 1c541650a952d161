// Digitised papers (issue 14 §4): a counter's scan or an upload recorded as the required document it is, with pages
// counted from the bytes and the stored SHA-256; a replacement is the next version and the old one stays readable;
// bad input is a typed refusal that stores nothing (no record, no new dossier version, no attachment). The records
// are the only source of the documents' digitised and e-wallet flags: a flag declared without one counts for nothing
// (dropped from a filing or a supplement, refused at intake).
import { createHash } from "node:crypto"
import { deflateSync } from "node:zlib"
import { dossierFacts } from "@motcua/domain"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { Forbidden, PaperRefused } from "../errors.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { DigitisedPaperStore } from "../ports/digitised-papers.ts"
import { DocumentStore } from "../ports/document-store.ts"
import { DocumentNotFound, VersionConflict } from "../ports/errors.ts"
import { Outbox } from "../ports/outbox.ts"
import {
  advance,
  DAY,
  HOUR,
  INTAKE,
  POST_OFFICE,
  principals as p,
  pdf,
  residenceFiling,
  runTest,
  withPapers,
} from "../test-support/harness.ts"
import { fileOnline, intakeAtCounter } from "../use-cases/filing.ts"
import * as L from "../use-cases/lifecycle.ts"
import { dossierDocument, getDossier } from "../use-cases/queries.ts"
import { countPages } from "./pages.ts"
import { digitisePaper, dossierPapers } from "./use-cases.ts"

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex")

/** A PDF of `pages` empty pages (uncompressed page objects). */
const pdfOf = (pages: number, text: string): Uint8Array => {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(" ")
  const objects = Array.from(
    { length: pages },
    (_, i) => `${i + 3} 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n`,
  ).join("")
  return new TextEncoder().encode(
    `%PDF-1.7\n% ${text}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n` +
      `2 0 obj << /Type /Pages /Kids [${kids}] /Count ${pages} >> endobj\n${objects}trailer << /Root 1 0 R >>\n%%EOF\n`,
  )
}

const stage = (bytes: Uint8Array, by: string = p.counter.id) =>
  Effect.gen(function* () {
    return (yield* (yield* DocumentStore).put(bytes, "application/pdf", { principalId: by })).id
  })

/** A dossier taken in at the counter, without papers yet. */
const counterDossier = Effect.gen(function* () {
  const filed = yield* intakeAtCounter(
    p.counter,
    { ...residenceFiling({ documents: [{ id: "ct01" }, { id: "cho-o-hop-phap" }] }), intakePointId: INTAKE },
    "k-digitise",
  )
  return filed.code
})

describe("digitising a dossier's papers", () => {
  it("records a scan as the required document it is, and a replacement as the next version beside the old", async () => {
    await runTest(
      Effect.gen(function* () {
        const code = yield* counterDossier
        const before = yield* getDossier(p.counter, code)
        expect(before.context.documents.find((d) => d.id === "ct01")?.digitised).not.toBe(true)

        const first = pdfOf(1, "tờ khai CT01 bản quét")
        const firstId = yield* stage(first)
        const one = yield* digitisePaper(p.counter, code, {
          documentId: "ct01",
          attachmentId: firstId,
          sha256: sha(first),
        })
        expect(one.paper).toMatchObject({
          dossierCode: code,
          documentId: "ct01",
          version: 1,
          fileId: firstId,
          pages: 1,
          sha256: sha(first),
          source: "officer",
          digitisedBy: p.counter.id,
          intakePointId: INTAKE,
        })
        expect(one.replacedVersion).toBeNull()
        const after = yield* getDossier(p.counter, code)
        expect(after.version).toBe(before.version + 1)
        expect(after.context.documents.find((d) => d.id === "ct01")).toMatchObject({ digitised: true })
        expect(after.context.documents.find((d) => d.id === "cho-o-hop-phap")?.digitised).not.toBe(true)

        yield* advance(HOUR)
        const second = pdfOf(3, "tờ khai CT01 quét lại")
        // only its uploader may attach a staged document: another officer's scan is refused, nothing recorded
        const notTheirs = yield* stage(second)
        expect(
          yield* Effect.flip(digitisePaper(p.counter2, code, { documentId: "ct01", attachmentId: notTheirs })),
        ).toMatchObject({ _tag: "DocumentNotOwned" })
        expect(yield* (yield* DigitisedPaperStore).list(code)).toHaveLength(1)
        const secondId = yield* stage(second, p.counter2.id)
        const two = yield* digitisePaper(p.counter2, code, { documentId: "ct01", attachmentId: secondId, pages: 3 })
        expect(two.paper).toMatchObject({ version: 2, pages: 3, sha256: sha(second), digitisedBy: p.counter2.id })
        expect(two.replacedVersion).toBe(1)

        const papers = yield* dossierPapers(p.specialist, code)
        expect(papers).toHaveLength(1)
        expect(papers[0]?.documentId).toBe("ct01")
        expect(papers[0]?.current.version).toBe(2)
        expect(papers[0]?.versions.map((v) => [v.version, v.sha256, v.pages])).toEqual([
          [1, sha(first), 1],
          [2, sha(second), 3],
        ])
        // the old version's bytes stay attached and readable: never overwritten
        expect(sha((yield* dossierDocument(p.specialist, code, firstId)).bytes)).toBe(sha(first))
        expect(sha((yield* dossierDocument(p.specialist, code, secondId)).bytes)).toBe(sha(second))
        // the applicant reads their own dossier's papers; another citizen does not
        expect((yield* dossierPapers(p.citizen, code))[0]?.versions).toHaveLength(2)
        expect(yield* Effect.flip(dossierPapers(p.otherCitizen, code))).toBeInstanceOf(Forbidden)
      }),
    )
  })

  it("refuses bad input with a typed error naming the field, and stores nothing", async () => {
    await runTest(
      Effect.gen(function* () {
        const code = yield* counterDossier
        const version = (yield* getDossier(p.counter, code)).version
        const good = pdfOf(2, "giấy tờ chỗ ở")
        const staged = yield* stage(good)
        const refusal = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.flip(effect)

        const unknown = yield* refusal(digitisePaper(p.counter, code, { documentId: "khong-co", attachmentId: staged }))
        expect(unknown).toBeInstanceOf(PaperRefused)
        expect(unknown).toMatchObject({ reason: "unknown-document", field: "documentId" })
        expect((unknown as PaperRefused).detail).toContain("ct01")

        const wrongHash = yield* refusal(
          digitisePaper(p.counter, code, {
            documentId: "cho-o-hop-phap",
            attachmentId: staged,
            sha256: "ab".repeat(32),
          }),
        )
        expect(wrongHash).toMatchObject({ _tag: "PaperRefused", reason: "hash-mismatch", field: "sha256" })

        const wrongPages = yield* refusal(
          digitisePaper(p.counter, code, { documentId: "cho-o-hop-phap", attachmentId: staged, pages: 5 }),
        )
        expect(wrongPages).toMatchObject({ _tag: "PaperRefused", reason: "pages-mismatch", field: "pages" })

        const notMine = yield* refusal(
          digitisePaper(p.foreignCounter, code, { documentId: "cho-o-hop-phap", attachmentId: staged }),
        )
        expect(notMine).toBeInstanceOf(Forbidden)
        const otherCitizen = yield* refusal(
          digitisePaper(p.otherCitizen, code, { documentId: "cho-o-hop-phap", attachmentId: staged }),
        )
        expect(otherCitizen).toBeInstanceOf(Forbidden)

        const elsewhere = yield* refusal(
          digitisePaper(p.counter, code, {
            documentId: "cho-o-hop-phap",
            attachmentId: staged,
            intakePointId: "ttphcc-06688",
          }),
        )
        expect(elsewhere).toMatchObject({ _tag: "PaperRefused", reason: "not-at-this-counter" })

        const stale = yield* refusal(
          digitisePaper(p.counter, code, { documentId: "cho-o-hop-phap", attachmentId: staged, expectedVersion: 0 }),
        )
        expect(stale).toBeInstanceOf(VersionConflict)

        // neither a Word file nor a text file becomes a document, so never a paper
        const word = yield* refusal(
          (yield* DocumentStore).put(new TextEncoder().encode("PK\u0003\u0004 word"), "application/msword"),
        )
        expect(word).toMatchObject({ _tag: "DocumentRejected", reason: "unsupported-type" })

        // nothing of the above was stored: no record, no new dossier version, the staged document still unattached
        expect(yield* (yield* DigitisedPaperStore).list(code)).toEqual([])
        expect((yield* getDossier(p.counter, code)).version).toBe(version)
        expect((yield* (yield* DocumentStore).get(staged)).meta.dossierCode).toBeNull()

        // the same staged document then goes through once; used again it is no longer a staged document
        yield* digitisePaper(p.counter, code, { documentId: "cho-o-hop-phap", attachmentId: staged, pages: 2 })
        const again = yield* refusal(
          digitisePaper(p.counter, code, { documentId: "cho-o-hop-phap", attachmentId: staged }),
        )
        expect(again).toBeInstanceOf(DocumentNotFound)
        expect((yield* (yield* DigitisedPaperStore).list(code)).map((r) => r.version)).toEqual([1])
      }),
    )
  })

  it("gives the portal's record and the digitisation indicators their flags from the records, kept by later actions", async () => {
    await runTest(
      Effect.gen(function* () {
        const code = yield* counterDossier
        const { calendar } = yield* CatalogStore
        const context = function* () {
          return (yield* getDossier(p.counter, code)).context
        }
        expect(dossierFacts(yield* context(), calendar).digitised).toBe(false)
        // what the relay would deliver, in order (one message per dossier at a time), each completed
        const delivered = function* () {
          const outbox = yield* Outbox
          const out: Array<{ topic: string; payload: unknown }> = []
          for (;;) {
            const batch = yield* outbox.claim("relay", 1000, 60_000)
            if (batch.length === 0) return out
            for (const m of batch) {
              out.push(m)
              yield* outbox.complete(m.id, "relay")
            }
          }
        }
        yield* delivered()

        const ct01 = pdf("tờ khai")
        yield* digitisePaper(p.counter, code, { documentId: "ct01", attachmentId: yield* stage(ct01) })
        // one of two documents digitised: not yet a digitised dossier for the indicators
        expect(dossierFacts(yield* context(), calendar).digitised).toBe(false)
        const residence = pdf("hợp đồng thuê nhà")
        yield* digitisePaper(p.counter, code, { documentId: "cho-o-hop-phap", attachmentId: yield* stage(residence) })
        const facts = dossierFacts(yield* context(), calendar)
        expect(facts.digitised).toBe(true)
        expect(facts.reusedData).toBe(false)

        // the national portal's record was pushed again with each paper, its documents flagged from the records
        const pushed = (yield* delivered())
          .map(
            (m) => m.payload as { kind?: string; record?: { documents?: Array<{ id?: string; digitised?: boolean }> } },
          )
          .filter((m) => m.kind === "record")
        expect(pushed).toHaveLength(2)
        expect(pushed.at(-1)?.record?.documents?.map((d) => d.digitised)).toEqual([true, true])

        // accepting with the documents as brought (no flags) does not undo what the records say
        yield* L.accept(p.counter, code, { documents: [{ id: "ct01" }, { id: "cho-o-hop-phap" }] })
        const accepted = yield* context()
        expect(accepted.documents.map((d) => d.digitised)).toEqual([true, true])
        expect(dossierFacts(accepted, calendar).digitised).toBe(true)
      }),
    )
  })

  it("counts pages from the bytes: an image is one page, a PDF its page objects, compressed or not", () => {
    expect(countPages(pdfOf(4, "x"), "application/pdf")).toBe(4)
    expect(countPages(pdf("one"), "application/pdf")).toBe(1)
    expect(countPages(new Uint8Array([0xff, 0xd8, 0xff]), "image/jpeg")).toBe(1)
    // pages inside a compressed object stream that follows another stream (as pdf-lib saves a scan): the
    // first stream's "endstream" must not be taken for the start of the next
    const inner = deflateSync(
      Buffer.from("3 0 4 60 5 120 << /Type /Page /Parent 2 0 R >> << /Type /Page /Parent 2 0 R >> << /Type /Page >>"),
    )
    const compressed = Buffer.concat([
      Buffer.from("%PDF-1.7\n6 0 obj\n<< /Length 8 >>\nstream\nq 1 0 0 Q\nendstream\nendobj\n"),
      Buffer.from(`7 0 obj\n<< /Type /ObjStm /N 3 /First 14 /Filter /FlateDecode /Length ${inner.length} >>\nstream\n`),
      inner,
      Buffer.from("\nendstream\nendobj\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF\n"),
    ])
    expect(countPages(new Uint8Array(compressed), "application/pdf")).toBe(3)
    // `/Type /Pages` (the tree's node) is not a page
    expect(
      countPages(new TextEncoder().encode("%PDF-1.7\n<< /Type /Pages /Count 0 >>\n%%EOF"), "application/pdf"),
    ).toBe(undefined)
  })
})

type RecordDocuments = Array<{ code: string; digitised: boolean; fromDataStore: boolean }>

/** The portal record messages the outbox holds, by dossier, in order (claimed: each is read once). */
const portalRecords = Effect.gen(function* () {
  const outbox = yield* Outbox
  const out = new Map<string, RecordDocuments[]>()
  for (;;) {
    const batch = yield* outbox.claim("relay", 1000, 60_000)
    if (batch.length === 0) return out
    for (const m of batch) {
      yield* outbox.complete(m.id, "relay")
      const payload = m.payload as { kind?: string; record?: { dossierCode: string; documents: RecordDocuments } }
      if (payload.kind !== "record" || payload.record === undefined) continue
      const code = payload.record.dossierCode
      out.set(code, [...(out.get(code) ?? []), payload.record.documents])
    }
  }
})

describe("flags declared without a record count for nothing", () => {
  const declared = [
    { id: "ct01", digitised: true },
    { id: "cho-o-hop-phap", digitised: true, fromEWallet: true },
  ]

  it("drops the flags a filing declares — online, at the counter, at a post office — from the dossier, the portal's record and the indicators", async () => {
    await runTest(
      Effect.gen(function* () {
        const { calendar } = yield* CatalogStore
        const online = yield* fileOnline(p.citizen, residenceFiling({ documents: declared }), "declared-online")
        const counter = yield* intakeAtCounter(
          p.counter,
          { ...residenceFiling({ documents: declared }), intakePointId: INTAKE },
          "declared-counter",
        )
        // a birth registration taken in at the post office (residence registration is not offered by post)
        const post = yield* intakeAtCounter(
          p.postOffice,
          {
            ...residenceFiling({
              procedureCode: "1.001193",
              documents: [
                { id: "to-khai", digitised: true },
                { id: "giay-chung-sinh", fromEWallet: true },
                { id: "giay-to-tuy-than", digitised: true, fromEWallet: true },
              ],
            }),
            intakePointId: POST_OFFICE,
          },
          "declared-post",
        )
        const pushed = yield* portalRecords
        for (const [filer, code, ids] of [
          [p.citizen, online.code, ["ct01", "cho-o-hop-phap"]],
          [p.counter, counter.code, ["ct01", "cho-o-hop-phap"]],
          [p.postOffice, post.code, ["to-khai", "giay-chung-sinh", "giay-to-tuy-than"]],
        ] as const) {
          const context = (yield* getDossier(filer, code)).context
          expect(context.documents).toEqual(ids.map((id) => ({ id })))
          const facts = dossierFacts(context, calendar)
          expect([facts.digitised, facts.reusedData]).toEqual([false, false])
          const records = pushed.get(code) ?? []
          expect(records.length).toBeGreaterThan(0)
          for (const documents of records)
            expect(documents.map((d) => [d.code, d.digitised, d.fromDataStore])).toEqual(
              ids.map((id) => [id, false, false]),
            )
        }

        // the same filing with the papers behind it: scanned (uploaded) and taken from the citizen's wallet
        const backed = yield* fileOnline(
          p.citizen,
          yield* withPapers(p.citizen, residenceFiling({ documents: declared }), {
            scanned: ["ct01"],
            fromWallet: ["cho-o-hop-phap"],
          }),
          "backed-online",
        )
        const context = (yield* getDossier(p.citizen, backed.code)).context
        expect(context.documents).toEqual([
          { id: "ct01", digitised: true },
          { id: "cho-o-hop-phap", digitised: true, fromEWallet: true },
        ])
        const facts = dossierFacts(context, calendar)
        expect([facts.digitised, facts.reusedData]).toEqual([true, true])
        expect(
          (yield* portalRecords)
            .get(backed.code)
            ?.at(-1)
            ?.map((d) => [d.code, d.digitised, d.fromDataStore]),
        ).toEqual([
          ["ct01", true, false],
          ["cho-o-hop-phap", true, true],
        ])
      }),
    )
  })

  it("refuses an intake's flag that no record backs, naming the field, and changes nothing; a backed one passes", async () => {
    await runTest(
      Effect.gen(function* () {
        const code = yield* counterDossier
        const before = yield* getDossier(p.counter, code)
        const refused = yield* Effect.flip(L.accept(p.counter, code, { documents: [{ id: "ct01", digitised: true }] }))
        expect(refused).toBeInstanceOf(PaperRefused)
        expect(refused).toMatchObject({ reason: "declared-without-record", field: "documents[0].digitised" })
        expect((refused as PaperRefused).message).toContain("ct01")
        const untouched = yield* getDossier(p.counter, code)
        expect([untouched.version, untouched.context.acceptedAt]).toEqual([before.version, undefined])

        // ct01 scanned: its flag is backed; cho-o-hop-phap was never taken from a wallet
        yield* digitisePaper(p.counter, code, { documentId: "ct01", attachmentId: yield* stage(pdf("tờ khai")) })
        const wallet = yield* Effect.flip(
          L.accept(p.counter, code, {
            documents: [
              { id: "ct01", digitised: true },
              { id: "cho-o-hop-phap", fromEWallet: true },
            ],
          }),
        )
        expect(wallet).toMatchObject({ reason: "declared-without-record", field: "documents[1].fromEWallet" })

        // a backed flag, and a `false` that would contradict the record, leave the records' flags as they are
        yield* L.accept(p.counter, code, {
          documents: [
            { id: "ct01", digitised: false },
            { id: "cho-o-hop-phap", digitised: false },
          ],
        })
        const accepted = yield* getDossier(p.counter, code)
        expect(accepted.context.acceptedAt).toBeDefined()
        expect(accepted.context.documents).toEqual([{ id: "ct01", digitised: true }, { id: "cho-o-hop-phap" }])
      }),
    )
  })

  it("drops the flags a supplement declares", async () => {
    await runTest(
      Effect.gen(function* () {
        const code = yield* counterDossier
        yield* L.accept(p.counter, code, {})
        yield* L.completeStep(p.counter, code, { assigneeId: p.specialist.id })
        yield* L.requestSupplementation(p.specialist, code, {
          missing: [{ documentId: "cho-o-hop-phap", description: "Hợp đồng thuê nhà chưa công chứng" }],
          applicantDeadline: "2025-10-17T10:00:00.000Z",
        })
        yield* advance(DAY)
        yield* L.receiveSupplement(p.citizen, code, {
          documents: [{ id: "cho-o-hop-phap", digitised: true, fromEWallet: true, reused: true }],
        })
        const context = (yield* getDossier(p.counter, code)).context
        expect(context.documents).toEqual([{ id: "ct01" }, { id: "cho-o-hop-phap", reused: true }])
      }),
    )
  })
})
