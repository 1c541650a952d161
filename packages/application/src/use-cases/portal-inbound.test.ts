// Filings from the national portal, against an in-memory portal: one dossier per portal dossier id however often it
// is delivered (also when deliveries overlap), attachments checked by their bytes, refusals told to the portal,
// passing failures left for the next delivery.
import { type DossierContext, dossierFacts } from "@motcua/domain"
import { Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import { digitisePaper } from "../digitisation/use-cases.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { DocumentStore } from "../ports/document-store.ts"
import { ExternalServiceFailed } from "../ports/external-errors.ts"
import { MemoryDatabase } from "../ports/memory.ts"
import { Outbox } from "../ports/outbox.ts"
import { type InboundAcknowledgement, type InboundFiling, PortalInbound } from "../ports/portal-inbound.ts"
import { pdf, principals, residenceFiling, testLayer } from "../test-support/harness.ts"
import { receivePortalFilings } from "./portal-inbound.ts"

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
const HTML = new TextEncoder().encode("<!DOCTYPE html><html><body>Not a scan</body></html>")

const filing = (id: string, overrides: Partial<InboundFiling> = {}): InboundFiling => {
  const f = residenceFiling()
  return {
    portalDossierId: id,
    procedureCode: f.procedureCode,
    applicant: f.applicant,
    portalApplicantId: "dvc-acc-77",
    vneidVerified: true,
    residence: f.residence,
    subjectUnitCode: "06685",
    summary: "Đăng ký thường trú (nộp trên Cổng DVCQG)",
    filedAt: "2025-10-06T00:30:00.000Z",
    documents: [
      {
        code: "ct01",
        digitised: true,
        reused: false,
        fromDataStore: false,
        attachments: [{ id: "f1", name: "ct01.pdf", url: "pdf" }],
      },
      { code: "cho-o-hop-phap", digitised: false, reused: true, fromDataStore: true, attachments: [] },
    ],
    ...overrides,
  }
}

/** A portal whose queue gives `deliveries` each round, serving files by url ("pdf", "html", "broken"). */
const portal = (deliveries: ReadonlyArray<InboundFiling>) => {
  const acks: InboundAcknowledgement[] = []
  let downloads = 0
  const layer = Layer.succeed(
    PortalInbound,
    PortalInbound.of({
      fetchFilings: () => Effect.succeed({ filings: deliveries, malformed: [] }),
      download: (a) =>
        Effect.suspend(() => {
          downloads++
          if (a.url === "broken")
            return Effect.fail(
              new ExternalServiceFailed({ port: "PortalInbound", operation: "download", cause: "reset" }),
            )
          return Effect.succeed({ bytes: a.url === "pdf" ? PDF : HTML, mediaType: "application/pdf" })
        }),
      acknowledge: (ack) => Effect.sync(() => void acks.push(ack)),
    }),
  )
  return { layer, acks, downloads: () => downloads }
}

describe("receivePortalFilings", () => {
  it("files the same portal filing delivered three times once, with its attachment and the portal's ids", async () => {
    const p = portal([filing("G22-0001"), filing("G22-0001"), filing("G22-0001")])
    const outcome = await Effect.runPromise(
      Effect.gen(function* () {
        const first = yield* receivePortalFilings()
        // a later round delivers it again
        const again = yield* receivePortalFilings()
        const db = yield* MemoryDatabase
        return { first, again, dossiers: [...db.state.dossiers.values()] }
      }).pipe(Effect.provide(Layer.mergeAll(testLayer(), p.layer))),
    )
    expect(outcome.dossiers).toHaveLength(1)
    const code = outcome.dossiers[0]?.code
    expect(outcome.first.filed.map((f) => f.dossierCode)).toEqual([code, code, code])
    expect(outcome.again.filed.map((f) => f.dossierCode)).toEqual([code, code, code])
    expect(p.acks).toHaveLength(6)
    expect(p.acks.every((a) => "dossierCode" in a && a.dossierCode === code)).toBe(true)
    const dossier = outcome.dossiers[0]
    const context = (dossier?.snapshot as { context: Record<string, unknown> } | undefined)?.context ?? {}
    expect(context.channel).toBe("online")
    expect(context.agencyCode).toBe("000.11.50.H49")
    expect(context.portal).toEqual({ dossierId: "G22-0001", applicantId: "dvc-acc-77", vneidVerified: true })
    expect(context.documents).toEqual([
      { id: "ct01", digitised: true, reused: false, fromEWallet: false },
      { id: "cho-o-hop-phap", digitised: false, reused: true, fromEWallet: true },
    ])
    expect(dossier?.documentIds).toHaveLength(1)
  })

  it("refuses a filing whose attachment is not what it says, or whose procedure is unknown, and tells the portal", async () => {
    const bad = filing("G22-0002", {
      documents: [
        {
          code: "ct01",
          digitised: true,
          reused: false,
          fromDataStore: false,
          attachments: [{ id: "x", name: "x.pdf", url: "html" }],
        },
      ],
    })
    const unknown = filing("G22-0003", { procedureCode: "9.999999" })
    const p = portal([bad, unknown])
    const report = await Effect.runPromise(
      receivePortalFilings().pipe(Effect.provide(Layer.mergeAll(testLayer(), p.layer))),
    )
    expect(report.filed).toEqual([])
    expect(report.refused.map((r) => r.portalDossierId)).toEqual(["G22-0002", "G22-0003"])
    expect(p.acks.map((a) => ("refused" in a ? a.portalDossierId : "filed"))).toEqual(["G22-0002", "G22-0003"])
  })

  it("leaves a filing whose download failed for the next delivery, unacknowledged", async () => {
    const p = portal([
      filing("G22-0004", {
        documents: [
          {
            code: "ct01",
            digitised: true,
            reused: false,
            fromDataStore: false,
            attachments: [{ id: "y", name: "y.pdf", url: "broken" }],
          },
        ],
      }),
    ])
    const report = await Effect.runPromise(
      receivePortalFilings().pipe(Effect.provide(Layer.mergeAll(testLayer(), p.layer))),
    )
    expect(report.failed.map((f) => f.portalDossierId)).toEqual(["G22-0004"])
    expect(p.acks).toEqual([])
  })

  it("keeps the portal's own flags as portal-sourced when a paper of the dossier is recorded here later", async () => {
    const p = portal([filing("G22-0005")])
    const outcome = await Effect.runPromise(
      Effect.gen(function* () {
        const report = yield* receivePortalFilings()
        const code = report.filed[0]?.dossierCode ?? ""
        // the proof of residence, which the portal took from its data store, is scanned at the ward's counter
        const scan = yield* (yield* DocumentStore).put(pdf("hợp đồng thuê nhà"), "application/pdf", {
          principalId: principals.counter.id,
        })
        yield* digitisePaper(principals.counter, code, { documentId: "cho-o-hop-phap", attachmentId: scan.id })
        const db = yield* MemoryDatabase
        const stored = db.state.dossiers.get(code)
        if (stored === undefined) throw new Error(`no dossier ${code}`)
        const context = (stored.snapshot as unknown as { context: DossierContext }).context
        // what the relay would deliver, in order (one message per dossier at a time), each completed
        const outbox = yield* Outbox
        const records: Array<{ kind?: string; record?: { documents: unknown } }> = []
        for (let batch = yield* outbox.claim("relay", 1000, 60_000); batch.length > 0; ) {
          for (const m of batch) {
            const payload = m.payload as { kind?: string; record?: { documents: unknown } }
            if (payload.kind === "record") records.push(payload)
            yield* outbox.complete(m.id, "relay")
          }
          batch = yield* outbox.claim("relay", 1000, 60_000)
        }
        return { context, facts: dossierFacts(context, (yield* CatalogStore).calendar), records }
      }).pipe(Effect.provide(Layer.mergeAll(testLayer(), p.layer))),
    )
    // ct01: the portal's word (no record here); cho-o-hop-phap: the record's (a counter scan, no longer the store's)
    expect(outcome.context.documents).toEqual([
      { id: "ct01", digitised: true, reused: false, fromEWallet: false },
      { id: "cho-o-hop-phap", digitised: true, reused: true },
    ])
    expect([outcome.facts.digitised, outcome.facts.reusedData]).toEqual([true, false])
    expect(outcome.records.at(-1)?.record?.documents).toEqual([
      expect.objectContaining({ code: "ct01", digitised: true, fromDataStore: false }),
      expect.objectContaining({ code: "cho-o-hop-phap", digitised: true, reused: true, fromDataStore: false }),
    ])
  })
})
