// The storage contract: one suite, run against every implementation of the storage ports (in-memory, SQLite,
// PostgreSQL). Each target opens one database per test file; tests reset it and run one after another.
import { createHash } from "node:crypto"
import {
  type AuditEntry,
  type AuditEntryInput,
  AuditLog,
  auditHash,
  type DigitisedPaper,
  DigitisedPaperStore,
  DocumentStore,
  DossierListing,
  DossierStore,
  type DossierSummary,
  documentIdFrom,
  IdempotencyStore,
  isDocumentId,
  MAX_LEASE_EXPIRIES,
  type NewDossier,
  Outbox,
  PaymentStore,
  type StoragePorts,
  UnitOfWork,
} from "@motcua/application"
import type {
  PaymentConfirmation,
  PaymentMessage,
  PaymentRequestRecord,
  ReceiptRecord,
  RefundRecord,
} from "@motcua/domain"
import { Data, Effect, type ManagedRuntime } from "effect"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"

export type StorageRuntime = ManagedRuntime.ManagedRuntime<StoragePorts, unknown>

export interface OpenedStorage {
  readonly runtime: StorageRuntime
  /** Another, independent connection (pool) to the same database: a second relay or API instance. */
  readonly second: StorageRuntime
  /** Empties every table (and the document folder). */
  readonly reset: () => Promise<void>
  /** Changes the stored detail of audit entry `seq` behind the store's back. */
  readonly editAuditEntry: (seq: number, detailJson: string) => Promise<void>
  readonly deleteAuditEntry: (seq: number) => Promise<void>
  /** Inserts a whole audit entry behind the store's back, leaving the chain's head where it was. */
  readonly insertAuditEntry: (entry: AuditEntry) => Promise<void>
  readonly close: () => Promise<void>
}

export interface ContractTarget {
  readonly name: string
  /** Documents larger than this are refused; the target must open the store with this limit. */
  readonly open: (options: { readonly maxDocumentBytes: number }) => Promise<OpenedStorage>
}

export const MAX_DOCUMENT_BYTES = 4096
const AGENCY = "000.00.22.H49"
const T0 = "2026-11-23T01:00:00.000Z"

const summary = (overrides: Partial<DossierSummary> = {}): DossierSummary => ({
  statusCode: 2,
  state: "received",
  procedureCode: "1.004222",
  agencyCode: AGENCY,
  unitCode: null,
  currentRole: "reception",
  dueAt: "2026-11-25T10:00:00.000Z",
  appointmentAt: "2026-11-30T10:00:00.000Z",
  feeTotal: 50_000,
  ...overrides,
})

const audit = (action: string, detail: AuditEntryInput["detail"] = {}): AuditEntryInput => ({
  at: T0,
  actor: "officer-1",
  action,
  detail,
})

const newDossier = (code: string, overrides: Partial<NewDossier> = {}): NewDossier => ({
  code,
  snapshot: { value: "received", context: { supplements: 0, applicant: "Nguyễn Văn A" } },
  summary: summary(),
  at: T0,
  audit: [audit("dossier.filed", { channel: "online" })],
  outbox: [{ topic: "portal.sync", payload: { code, status: 2 } }],
  ...overrides,
})

const code = (n: number) => `${AGENCY}-261123-${String(n).padStart(4, "0")}`

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1])

class ComputeFailed extends Data.TaggedError("ComputeFailed")<{ readonly step?: string }> {}

export function storageContract(target: ContractTarget): void {
  describe(`storage contract: ${target.name}`, () => {
    let store: OpenedStorage
    const run = <A, E>(effect: Effect.Effect<A, E, StoragePorts>) => store.runtime.runPromise(effect)
    /** Runs an effect expected to fail and returns its error. */
    const failure = <A, E>(effect: Effect.Effect<A, E, StoragePorts>) => store.runtime.runPromise(Effect.flip(effect))
    const auditCount = () => run(AuditLog.use((log) => log.read({ limit: 10_000 }))).then((entries) => entries.length)
    const drainOutbox = () => run(Outbox.use((o) => o.claim("inspector", 10_000, 60_000)))

    beforeAll(async () => {
      store = await target.open({ maxDocumentBytes: MAX_DOCUMENT_BYTES })
    })
    afterAll(async () => {
      await store?.close()
    })
    beforeEach(async () => {
      await store.reset()
    })

    describe("dossiers", () => {
      it("creates a dossier at version 1 and reads it back", async () => {
        const created = await run(DossierStore.use((s) => s.create(newDossier(code(1)))))
        expect(created.version).toBe(1)
        const read = await run(DossierStore.use((s) => s.get(code(1))))
        expect(read).toEqual({
          code: code(1),
          version: 1,
          snapshot: { value: "received", context: { supplements: 0, applicant: "Nguyễn Văn A" } },
          summary: summary(),
          createdAt: T0,
          updatedAt: T0,
          documentIds: [],
        })
        const entries = await run(AuditLog.use((log) => log.read({ dossierCode: code(1), limit: 10 })))
        expect(entries.map((e) => [e.seq, e.action, e.detail])).toEqual([[1, "dossier.filed", { channel: "online" }]])
        const messages = await drainOutbox()
        expect(messages.map((m) => [m.topic, m.dossierCode, m.payload])).toEqual([
          ["portal.sync", code(1), { code: code(1), status: 2 }],
        ])
      })

      it("refuses a second dossier with the same code, and reports a missing one", async () => {
        await run(DossierStore.use((s) => s.create(newDossier(code(1)))))
        const again = await failure(DossierStore.use((s) => s.create(newDossier(code(1)))))
        expect(again._tag).toBe("DossierAlreadyExists")
        expect(await auditCount()).toBe(1)
        const missing = await failure(DossierStore.use((s) => s.get(code(9))))
        expect(missing).toMatchObject({ _tag: "DossierNotFound", code: code(9) })
      })

      it("refuses an invalid summary with the path of each problem, writing nothing", async () => {
        const bad = newDossier(code(1), { summary: summary({ statusCode: 11, feeTotal: 12.5 }) })
        const error = await failure(DossierStore.use((s) => s.create(bad)))
        expect(error._tag).toBe("DecodeError")
        const paths = error._tag === "DecodeError" ? error.problems.map((p) => p.path).sort() : []
        expect(paths).toEqual(["summary.feeTotal", "summary.statusCode"])
        expect(await failure(DossierStore.use((s) => s.get(code(1))))).toMatchObject({ _tag: "DossierNotFound" })
      })

      it("commits with the right version: bumps it and writes audit and outbox rows", async () => {
        await run(DossierStore.use((s) => s.create(newDossier(code(1)))))
        await drainOutbox()
        const committed = await run(
          DossierStore.use((s) =>
            s.commit({
              ...newDossier(code(1)),
              expectedVersion: 1,
              at: "2026-11-23T02:00:00.000Z",
              snapshot: { value: "processing" },
              summary: summary({ statusCode: 4, state: "processing", currentRole: "specialist" }),
              audit: [audit("dossier.accepted"), audit("dossier.assigned", { to: "specialist-7" })],
              outbox: [{ topic: "notify.sms", payload: { text: "Hồ sơ đã được tiếp nhận" } }],
            }),
          ),
        )
        expect(committed.version).toBe(2)
        const read = await run(DossierStore.use((s) => s.get(code(1))))
        expect(read).toMatchObject({
          version: 2,
          snapshot: { value: "processing" },
          createdAt: T0,
          updatedAt: "2026-11-23T02:00:00.000Z",
        })
        expect(read.summary.currentRole).toBe("specialist")
        const entries = await run(AuditLog.use((log) => log.read({ dossierCode: code(1), limit: 10 })))
        expect(entries.map((e) => e.action)).toEqual(["dossier.filed", "dossier.accepted", "dossier.assigned"])
        expect((await drainOutbox()).map((m) => m.payload)).toEqual([{ text: "Hồ sơ đã được tiếp nhận" }])
      })

      it("refuses a stale version with VersionConflict and writes nothing", async () => {
        await run(DossierStore.use((s) => s.create(newDossier(code(1)))))
        await run(DossierStore.use((s) => s.commit({ ...newDossier(code(1)), expectedVersion: 1, audit: [] })))
        await drainOutbox()
        const before = await auditCount()
        const stale = await failure(
          DossierStore.use((s) =>
            s.commit({
              ...newDossier(code(1)),
              expectedVersion: 1,
              snapshot: { value: "lost update" },
              audit: [audit("dossier.rejected")],
            }),
          ),
        )
        expect(stale).toMatchObject({ _tag: "VersionConflict", code: code(1), expectedVersion: 1, actualVersion: 2 })
        expect(await auditCount()).toBe(before)
        expect(await drainOutbox()).toEqual([])
        expect((await run(DossierStore.use((s) => s.get(code(1))))).snapshot).not.toEqual({ value: "lost update" })
        const unknown = await failure(DossierStore.use((s) => s.commit({ ...newDossier(code(5)), expectedVersion: 1 })))
        expect(unknown).toMatchObject({ _tag: "VersionConflict", actualVersion: undefined })
      })

      it("lets exactly one of several concurrent commits on one version win", async () => {
        await run(DossierStore.use((s) => s.create(newDossier(code(1)))))
        const attempts = Array.from({ length: 5 }, (_, i) =>
          DossierStore.use((s) =>
            s.commit({
              ...newDossier(code(1)),
              expectedVersion: 1,
              snapshot: { writer: i },
              audit: [audit("dossier.changed", { writer: i })],
            }),
          ).pipe(Effect.result),
        )
        const results = await run(Effect.all(attempts, { concurrency: "unbounded" }))
        const winners = results.filter((r) => r._tag === "Success")
        const losers = results.filter((r) => r._tag === "Failure")
        expect(winners).toHaveLength(1)
        expect(losers.map((r) => (r._tag === "Failure" ? r.failure._tag : ""))).toEqual(
          Array(4).fill("VersionConflict"),
        )
        const read = await run(DossierStore.use((s) => s.get(code(1))))
        expect(read.version).toBe(2)
        const changes = await run(AuditLog.use((log) => log.read({ dossierCode: code(1), limit: 10 })))
        expect(changes.filter((e) => e.action === "dossier.changed").map((e) => e.detail)).toEqual([read.snapshot])
      })

      it("rolls back everything a unit of work wrote when it fails", async () => {
        const error = await failure(
          UnitOfWork.use((uow) =>
            uow.transaction(
              Effect.gen(function* () {
                const store = yield* DossierStore
                yield* store.create(newDossier(code(1)))
                yield* store.commit({ ...newDossier(code(1)), expectedVersion: 1 })
                return yield* Effect.fail(new ComputeFailed({}))
              }),
            ),
          ),
        )
        expect(error._tag).toBe("ComputeFailed")
        expect(await failure(DossierStore.use((s) => s.get(code(1))))).toMatchObject({ _tag: "DossierNotFound" })
        expect(await auditCount()).toBe(0)
        expect(await drainOutbox()).toEqual([])
        expect(await run(AuditLog.use((log) => log.verifyChain()))).toMatchObject({ _tag: "Intact", entries: 0 })
      })

      it("orders the work queue by due instant, undated last, filtered by role, agency and unit", async () => {
        const other = "000.00.22.H50"
        const rows: Array<[number, Partial<DossierSummary>]> = [
          [1, { dueAt: "2026-11-27T00:00:00.000Z" }],
          [2, { dueAt: null }],
          [3, { dueAt: "2026-11-24T00:00:00.000Z", unitCode: "22222" }],
          [4, { dueAt: "2026-11-20T00:00:00.000Z", currentRole: "specialist" }],
          [5, { dueAt: "2026-11-21T00:00:00.000Z", agencyCode: other }],
          [6, { dueAt: "2026-11-26T00:00:00.000Z", unitCode: "22222" }],
          [7, { dueAt: "2026-11-26T00:00:00.000Z", unitCode: "33333" }],
        ]
        for (const [n, s] of rows) {
          await run(DossierStore.use((st) => st.create(newDossier(code(n), { summary: summary(s) }))))
        }
        const queue = (q: { agencyCodes: string[]; unitCodes?: string[]; limit?: number }) =>
          run(DossierStore.use((s) => s.workQueue({ role: "reception", limit: 50, ...q }))).then((items) =>
            items.map((i) => i.code),
          )
        expect(await queue({ agencyCodes: [AGENCY] })).toEqual([code(3), code(6), code(7), code(1), code(2)])
        expect(await queue({ agencyCodes: [AGENCY, other], limit: 2 })).toEqual([code(5), code(3)])
        expect(await queue({ agencyCodes: [AGENCY], unitCodes: ["22222"] })).toEqual([code(3), code(6)])
        expect(await queue({ agencyCodes: [] })).toEqual([])
      })

      it("lists every dossier in pages ordered by code, with its status and snapshot (reports)", async () => {
        for (const n of [3, 1, 7, 5, 2]) {
          await run(
            DossierStore.use((st) =>
              st.create(newDossier(code(n), { summary: summary({ statusCode: n }), snapshot: { n } })),
            ),
          )
        }
        const page = (after: string, limit: number) => run(DossierListing.use((l) => l.page(after, limit)))
        const first = await page("", 2)
        expect(first).toEqual([
          { code: code(1), statusCode: 1, snapshot: { n: 1 } },
          { code: code(2), statusCode: 2, snapshot: { n: 2 } },
        ])
        expect((await page(code(2), 2)).map((d) => d.code)).toEqual([code(3), code(5)])
        expect((await page(code(5), 10)).map((d) => d.code)).toEqual([code(7)])
        expect(await page(code(7), 10)).toEqual([])
      })

      it("hands out each daily sequence number once, even to concurrent callers", async () => {
        const next = (agency: string, day: string) => DossierStore.use((s) => s.nextDailySequence(agency, day))
        const numbers = await run(
          Effect.all(
            Array.from({ length: 20 }, () => next(AGENCY, "2026-11-23")),
            { concurrency: "unbounded" },
          ),
        )
        expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
        expect(await run(next(AGENCY, "2026-11-24"))).toBe(1)
        expect(await run(next("000.00.22.H50", "2026-11-23"))).toBe(1)
        expect(await store.second.runPromise(next(AGENCY, "2026-11-23"))).toBe(21)
      })
    })

    describe("idempotency", () => {
      const filing = (n: number, counter: { runs: number }) =>
        Effect.gen(function* () {
          counter.runs += 1
          const record = yield* DossierStore.use((s) => s.create(newDossier(code(n))))
          return { code: record.code, version: record.version }
        })

      it("returns the first answer to a retry and writes nothing the second time", async () => {
        const counter = { runs: 0 }
        const request = { key: "k-1", scope: "filing", requestHash: "h-1" }
        const first = await run(IdempotencyStore.use((s) => s.remember(request, filing(1, counter))))
        const auditAfterFirst = await auditCount()
        const retry = await run(IdempotencyStore.use((s) => s.remember(request, filing(2, counter))))
        expect(retry).toEqual(first)
        expect(first).toEqual({ code: code(1), version: 1 })
        expect(counter.runs).toBe(1)
        expect(await auditCount()).toBe(auditAfterFirst)
        expect(await failure(DossierStore.use((s) => s.get(code(2))))).toMatchObject({ _tag: "DossierNotFound" })
        // The same key in another scope is another request.
        const other = await run(
          IdempotencyStore.use((s) => s.remember({ ...request, scope: "payment" }, filing(3, counter))),
        )
        expect(other).toEqual({ code: code(3), version: 1 })
      })

      it("refuses the same key with a different request", async () => {
        const counter = { runs: 0 }
        await run(
          IdempotencyStore.use((s) => s.remember({ key: "k", scope: "filing", requestHash: "a" }, filing(1, counter))),
        )
        const reused = await failure(
          IdempotencyStore.use((s) => s.remember({ key: "k", scope: "filing", requestHash: "b" }, filing(2, counter))),
        )
        expect(reused).toMatchObject({ _tag: "IdempotencyKeyReused", key: "k", scope: "filing" })
        expect(counter.runs).toBe(1)
      })

      it("does not remember a failure, and rolls back what the failed attempt wrote", async () => {
        const request = { key: "k", scope: "filing", requestHash: "h" }
        const failing = DossierStore.use((s) => s.create(newDossier(code(1)))).pipe(
          Effect.flatMap(() => Effect.fail(new ComputeFailed({}))),
        )
        expect((await failure(IdempotencyStore.use((s) => s.remember(request, failing))))._tag).toBe("ComputeFailed")
        expect(await auditCount()).toBe(0)
        const counter = { runs: 0 }
        expect(await run(IdempotencyStore.use((s) => s.remember(request, filing(1, counter))))).toEqual({
          code: code(1),
          version: 1,
        })
      })

      it("computes once when the same request arrives several times at once", async () => {
        const counter = { runs: 0 }
        const request = { key: "k", scope: "payment.confirm", requestHash: "h" }
        const answers = await run(
          Effect.all(
            Array.from({ length: 4 }, () => IdempotencyStore.use((s) => s.remember(request, filing(1, counter)))),
            { concurrency: "unbounded" },
          ),
        )
        expect(answers).toEqual(Array(4).fill({ code: code(1), version: 1 }))
        expect(counter.runs).toBe(1)
        expect(await auditCount()).toBe(1)
      })
    })

    describe("audit chain", () => {
      /** Four entries over two dossiers. */
      const writeChain = async () => {
        await run(DossierStore.use((s) => s.create(newDossier(code(1)))))
        await run(DossierStore.use((s) => s.create(newDossier(code(2)))))
        await run(
          DossierStore.use((s) =>
            s.commit({
              ...newDossier(code(1)),
              expectedVersion: 1,
              audit: [audit("dossier.accepted", { note: "đủ hồ sơ" }), audit("dossier.assigned", { n: 2 })],
            }),
          ),
        )
      }

      it("links each entry to the previous one and verifies", async () => {
        await writeChain()
        const entries = await run(AuditLog.use((log) => log.read({ limit: 100 })))
        expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4])
        for (const [i, entry] of entries.entries()) {
          expect(entry.prevHash).toBe(i === 0 ? "0".repeat(64) : entries[i - 1]?.hash)
          expect(entry.hash).toMatch(/^[0-9a-f]{64}$/)
        }
        expect(await run(AuditLog.use((log) => log.verifyChain()))).toMatchObject({ _tag: "Intact", entries: 4 })
        const page = await run(AuditLog.use((log) => log.read({ afterSeq: 2, limit: 1 })))
        expect(page.map((e) => e.seq)).toEqual([3])
      })

      for (const seq of [1, 2, 3, 4]) {
        it(`notices when entry ${seq} of 4 is edited`, async () => {
          await writeChain()
          await store.editAuditEntry(seq, JSON.stringify({ note: "sửa lén / edited" }))
          expect(await run(AuditLog.use((log) => log.verifyChain()))).toEqual({
            _tag: "Broken",
            seq,
            reason: "hash-mismatch",
          })
        })

        it(`notices when entry ${seq} of 4 is deleted`, async () => {
          await writeChain()
          await store.deleteAuditEntry(seq)
          const report = await run(AuditLog.use((log) => log.verifyChain()))
          expect(report).toMatchObject({ _tag: "Broken", seq })
          expect(report._tag === "Broken" && report.reason).toBe(seq === 4 ? "head-mismatch" : "sequence-gap")
        })
      }

      it("notices an entry appended after the head, and does not show it", async () => {
        await writeChain()
        const entries = await run(AuditLog.use((log) => log.read({ limit: 100 })))
        const last = entries.at(-1)
        if (last === undefined) throw new Error("the chain has no entries")
        // Correctly linked to entry 4, so only the head (which was not moved) can tell it was never appended.
        const content = {
          seq: 5,
          at: T0,
          dossierCode: code(1),
          actor: "intruder",
          action: "dossier.approved",
          detail: { note: "chèn sau đầu chuỗi / appended after the head" },
        }
        await store.insertAuditEntry({ ...content, prevHash: last.hash, hash: auditHash(last.hash, content) })
        expect(await run(AuditLog.use((log) => log.verifyChain()))).toEqual({
          _tag: "Broken",
          seq: 5,
          reason: "head-mismatch",
        })
        const shown = await run(AuditLog.use((log) => log.read({ dossierCode: code(1), limit: 100 })))
        expect(shown.map((e) => e.seq)).toEqual([1, 3, 4])
      })
    })

    describe("outbox", () => {
      const enqueue = async (count: number) => {
        for (let n = 1; n <= count; n += 1) {
          await run(
            DossierStore.use((s) =>
              s.create(
                newDossier(code(n), {
                  outbox: [
                    { topic: "portal.sync", payload: { n, part: 1 } },
                    { topic: "notify.sms", payload: { n, part: 2 } },
                  ],
                }),
              ),
            ),
          )
        }
        return count * 2
      }

      it("hands each row to exactly one of two relays working at once", async () => {
        const total = await enqueue(15)
        const handled: Array<{ id: number; worker: string }> = []
        const relay = (runtime: StorageRuntime, worker: string) =>
          runtime.runPromise(
            Effect.gen(function* () {
              const outbox = yield* Outbox
              for (;;) {
                const batch = yield* outbox.claim(worker, 3, 60_000)
                if (batch.length === 0) return
                for (const message of batch) {
                  handled.push({ id: message.id, worker })
                  yield* Effect.yieldNow
                  yield* outbox.complete(message.id, worker)
                }
              }
            }),
          )
        await Promise.all([relay(store.runtime, "relay-a"), relay(store.second, "relay-b")])
        const ids = handled.map((h) => h.id)
        expect(new Set(ids).size).toBe(ids.length)
        expect(ids).toHaveLength(total)
        expect(await drainOutbox()).toEqual([])
      })

      it("offers a failed message again from its retry instant, and an expired lease to another relay", async () => {
        await enqueue(1)
        const [first, second] = await run(Outbox.use((o) => o.claim("a", 2, 60_000)))
        expect(first?.attempts).toBe(1)
        await run(Outbox.use((o) => o.fail(first?.id ?? 0, "a", "portal timeout", "2999-01-01T00:00:00.000Z")))
        await run(Outbox.use((o) => o.fail(second?.id ?? 0, "a", "503 from SMS gateway", "2000-01-01T00:00:00.000Z")))
        const again = await run(Outbox.use((o) => o.claim("b", 10, 0)))
        expect(again.map((m) => [m.id, m.attempts, m.lastError])).toEqual([[second?.id, 2, "503 from SMS gateway"]])
        // Its lease (0 ms) has run out: another relay may take it.
        const taken = await run(Outbox.use((o) => o.claim("c", 10, 60_000)))
        expect(taken.map((m) => [m.id, m.attempts])).toEqual([[second?.id, 3]])
        await run(Outbox.use((o) => o.complete(second?.id ?? 0, "c")))
        expect(await run(Outbox.use((o) => o.claim("d", 10, 60_000)))).toEqual([])
      })

      it("ignores a late complete or fail from a relay whose lease was taken over, and says so", async () => {
        await enqueue(1)
        // Relay a's lease (0 ms) runs out; b takes both rows over.
        const [first, second] = await run(Outbox.use((o) => o.claim("a", 2, 0)))
        const taken = await run(Outbox.use((o) => o.claim("b", 10, 60_000)))
        expect(taken.map((m) => m.id)).toEqual([first?.id, second?.id])
        // b delivers the first row; a's late failure must not offer it again.
        expect(await run(Outbox.use((o) => o.complete(first?.id ?? 0, "b")))).toBe("completed")
        expect(await run(Outbox.use((o) => o.fail(first?.id ?? 0, "a", "timeout", "2000-01-01T00:00:00.000Z")))).toBe(
          "lease-lost",
        )
        // a's late completion of the second row does not overwrite b's lease: b's failure still counts.
        expect(await run(Outbox.use((o) => o.complete(second?.id ?? 0, "a")))).toBe("lease-lost")
        expect(await run(Outbox.use((o) => o.fail(second?.id ?? 0, "b", "503", "2000-01-01T00:00:00.000Z")))).toBe(
          "retry",
        )
        // A settled row cannot be settled again, even by the relay that held it.
        expect(await run(Outbox.use((o) => o.complete(first?.id ?? 0, "b")))).toBe("lease-lost")
        const again = await run(Outbox.use((o) => o.claim("c", 10, 60_000)))
        expect(again.map((m) => [m.id, m.lastError])).toEqual([[second?.id, "503"]])
      })

      it("completes several rows in one call, and names those whose lease another relay took over", async () => {
        await enqueue(2)
        const rows = await run(Outbox.use((o) => o.claim("a", 4, 60_000)))
        expect(rows).toHaveLength(4)
        const [r1, r2, r3, r4] = rows.map((m) => m.id)
        expect(await run(Outbox.use((o) => o.completeMany([], "a")))).toEqual([])
        expect(await run(Outbox.use((o) => o.completeMany([r1 ?? 0, r2 ?? 0, r3 ?? 0], "a")))).toEqual([])
        const listed = await run(Outbox.use((o) => o.list({ limit: 10 })))
        expect(listed.map((r) => [r.id, r.status])).toEqual([
          [r1, "done"],
          [r2, "done"],
          [r3, "done"],
          [r4, "claimed"],
        ])
        expect(listed.slice(0, 3).every((r) => r.completedAt !== null)).toBe(true)
        // settled rows cannot be settled again; a row held by another relay is not written (b's lease is lost)
        expect(await run(Outbox.use((o) => o.completeMany([r1 ?? 0, r4 ?? 0], "b")))).toEqual([r1, r4])
        expect(await run(Outbox.use((o) => o.fail(r4 ?? 0, "a", "503", "2000-01-01T00:00:00.000Z")))).toBe("retry")
        // a's lease on r4 runs out (0 ms) and c takes it over: a's late completion is lost, c's counts
        expect((await run(Outbox.use((o) => o.claim("a", 4, 0)))).map((m) => m.id)).toEqual([r4])
        expect((await run(Outbox.use((o) => o.claim("c", 4, 60_000)))).map((m) => m.id)).toEqual([r4])
        expect(await run(Outbox.use((o) => o.completeMany([r4 ?? 0], "a")))).toEqual([r4])
        expect(await run(Outbox.use((o) => o.completeMany([r4 ?? 0], "c")))).toEqual([])
        expect(await drainOutbox()).toEqual([])
      })

      it("completes and claims in one call: the claim sees the completions, a lost lease is named and not written", async () => {
        // dossier 1: three ordered rows; dossier 2: one ordered row
        const ordered = (n: number, steps: ReadonlyArray<string>) =>
          run(
            DossierStore.use((s) =>
              s.create(
                newDossier(code(n), {
                  outbox: steps.map((step) => ({
                    topic: "portal.sync",
                    payload: { step },
                    orderingKey: `portal.sync:${code(n)}`,
                  })),
                }),
              ),
            ),
          )
        await ordered(1, ["a1", "a2", "a3"])
        await ordered(2, ["b1"])
        const steps = (batch: ReadonlyArray<{ payload: unknown }>) =>
          batch.map((m) => (m.payload as { step: string }).step)
        const first = await run(Outbox.use((o) => o.completeAndClaim([], "a", 10, 60_000)))
        expect(first.lost).toEqual([])
        expect(steps(first.messages)).toEqual(["a1", "b1"])
        const [a1, b1] = first.messages.map((m) => m.id)
        // a1 delivered: its completion lets the same call claim a2 (b1 is still out, nothing else is due)
        const second = await run(Outbox.use((o) => o.completeAndClaim([a1 ?? 0], "a", 10, 60_000)))
        expect(second.lost).toEqual([])
        expect(steps(second.messages)).toEqual(["a2"])
        expect(second.messages[0]?.attempts).toBe(1)
        // relay b's completions of rows it does not hold are lost and not written; its claim still runs
        const third = await run(Outbox.use((o) => o.completeAndClaim([b1 ?? 0, a1 ?? 0], "b", 10, 60_000)))
        expect(third).toEqual({ lost: [b1, a1], messages: [] })
        // the limit holds after the completions
        const a2 = second.messages[0]?.id ?? 0
        const fourth = await run(Outbox.use((o) => o.completeAndClaim([a2, b1 ?? 0], "a", 0, 60_000)))
        expect(fourth).toEqual({ lost: [], messages: [] })
        const listed = await run(Outbox.use((o) => o.list({ limit: 10 })))
        expect(listed.map((r) => [r.id, r.status])).toEqual([
          [a1, "done"],
          [a2, "done"],
          [listed[2]?.id, "pending"],
          [b1, "done"],
        ])
        const last = await run(Outbox.use((o) => o.completeAndClaim([], "a", 10, 60_000)))
        expect(steps(last.messages)).toEqual(["a3"])
      })

      it("gives up on a row after the most attempts: it becomes dead and is never claimed again", async () => {
        await enqueue(1)
        const failNow = (id: number, worker: string) =>
          Outbox.use((o) => o.fail(id, worker, "portal down", "2000-01-01T00:00:00.000Z", 3))
        // Row 1 fails three times; row 2's lease runs out three times (a relay that died while delivering it).
        const outcomes: string[] = []
        for (let attempt = 1; attempt <= 3; attempt += 1) {
          const batch = await run(Outbox.use((o) => o.claim(`r${attempt}`, 10, 0, 3)))
          expect(batch.map((m) => m.attempts)).toEqual([attempt, attempt])
          outcomes.push(await run(failNow(batch[0]?.id ?? 0, `r${attempt}`)))
        }
        expect(outcomes).toEqual(["retry", "retry", "dead"])
        expect(await run(Outbox.use((o) => o.claim("r4", 10, 60_000, 3)))).toEqual([])
        // The default ceiling is higher, yet a dead row stays dead.
        expect(await run(Outbox.use((o) => o.claim("r5", 10, 60_000)))).toEqual([])
      })

      it("buries a row whose lease ran out five times (a relay that dies on it) though it has attempts left; failed deliveries do not count toward that", async () => {
        await enqueue(1)
        // row 1 fails at each claim; row 2's lease runs out each time (leased for no time at all)
        for (let attempt = 1; attempt <= MAX_LEASE_EXPIRIES; attempt += 1) {
          const batch = await run(Outbox.use((o) => o.claim(`r${attempt}`, 10, 0)))
          expect(batch.map((m) => m.attempts)).toEqual([attempt, attempt])
          const failed = Outbox.use((o) =>
            o.fail(batch[0]?.id ?? 0, `r${attempt}`, "portal down", "2000-01-01T00:00:00.000Z"),
          )
          expect(await run(failed)).toBe("retry")
        }
        // the next claim buries row 2 and leases row 1 again: five failures are not five dead relays
        const next = await run(Outbox.use((o) => o.claim("r6", 10, 60_000)))
        expect(next.map((m) => m.attempts)).toEqual([MAX_LEASE_EXPIRIES + 1])
        const dead = await run(Outbox.use((o) => o.list({ status: "dead", limit: 10 })))
        expect(dead.map((row) => row.id)).not.toContain(next[0]?.id)
        expect(dead).toHaveLength(1)
      })

      it("hands out the rows of one ordering key one at a time, in order, however many relays ask", async () => {
        // dossier 1: record, progress, record (ordered); an unordered notice; dossier 2: record (ordered)
        await run(
          DossierStore.use((s) =>
            s.create(
              newDossier(code(1), {
                outbox: [
                  { topic: "portal.sync", payload: { step: "record-1" }, orderingKey: `portal.sync:${code(1)}` },
                  { topic: "portal.sync", payload: { step: "progress-1" }, orderingKey: `portal.sync:${code(1)}` },
                  { topic: "notify.sms", payload: { step: "notice" } },
                  { topic: "portal.sync", payload: { step: "record-2" }, orderingKey: `portal.sync:${code(1)}` },
                ],
              }),
            ),
          ),
        )
        await run(
          DossierStore.use((s) =>
            s.create(
              newDossier(code(2), {
                outbox: [{ topic: "portal.sync", payload: { step: "other" }, orderingKey: `portal.sync:${code(2)}` }],
              }),
            ),
          ),
        )
        const steps = (batch: ReadonlyArray<{ payload: unknown }>) =>
          batch.map((m) => (m.payload as { step: string }).step)
        const first = await run(Outbox.use((o) => o.claim("a", 10, 60_000)))
        expect(steps(first)).toEqual(["record-1", "notice", "other"])
        // a second relay gets nothing of dossier 1 while its record is out
        expect(await run(Outbox.use((o) => o.claim("b", 10, 60_000)))).toEqual([])
        // the record fails: the progress still waits behind it
        const record1 = first[0]?.id ?? 0
        await run(Outbox.use((o) => o.fail(record1, "a", "portal 503", "2000-01-01T00:00:00.000Z")))
        const again = await run(Outbox.use((o) => o.claim("b", 10, 60_000)))
        expect(steps(again)).toEqual(["record-1"])
        await run(Outbox.use((o) => o.complete(record1, "b")))
        const next = await run(Outbox.use((o) => o.claim("a", 10, 60_000)))
        expect(steps(next)).toEqual(["progress-1"])
        // a permanent refusal buries the row at once, and what follows it waits for an operator
        expect(
          await run(Outbox.use((o) => o.fail(next[0]?.id ?? 0, "a", "refused", "2000-01-01T00:00:00.000Z", 20, true))),
        ).toBe("dead")
        expect(await run(Outbox.use((o) => o.claim("a", 10, 60_000)))).toEqual([])
        const dead = await run(Outbox.use((o) => o.list({ status: "dead", limit: 10 })))
        expect(dead.map((r) => [r.id, r.attempts, r.lastError, r.orderingKey])).toEqual([
          [next[0]?.id, 1, "refused", `portal.sync:${code(1)}`],
        ])
        // a row queued outside any change (reconciliation) joins the dossier's order, behind the dead one
        await run(
          Outbox.use((o) =>
            o.enqueue(code(1), [
              { topic: "portal.sync", payload: { step: "requeued" }, orderingKey: `portal.sync:${code(1)}` },
            ]),
          ),
        )
        expect(await run(Outbox.use((o) => o.claim("a", 10, 60_000)))).toEqual([])
        expect(await run(Outbox.use((o) => o.retryDead("all")))).toEqual([next[0]?.id])
        const retried = await run(Outbox.use((o) => o.claim("a", 10, 60_000)))
        expect(retried.map((m) => [(m.payload as { step: string }).step, m.attempts, m.lastError])).toEqual([
          ["progress-1", 1, "refused"],
        ])
        await run(Outbox.use((o) => o.complete(retried[0]?.id ?? 0, "a")))
        const rest = await run(Outbox.use((o) => o.claim("a", 10, 60_000)))
        expect(steps(rest)).toEqual(["record-2"])
        await run(Outbox.use((o) => o.complete(rest[0]?.id ?? 0, "a")))
        const last = await run(Outbox.use((o) => o.claim("a", 10, 60_000)))
        expect(last.map((m) => [m.dossierCode, (m.payload as { step: string }).step])).toEqual([[code(1), "requeued"]])
      })

      it("lists rows by status, topic and dossier in pages, and retries only the dead ones asked for", async () => {
        await enqueue(3)
        const all = await run(Outbox.use((o) => o.list({ limit: 100 })))
        expect(all.map((r) => [r.topic, r.status, r.attempts])).toEqual([
          ["portal.sync", "pending", 0],
          ["notify.sms", "pending", 0],
          ["portal.sync", "pending", 0],
          ["notify.sms", "pending", 0],
          ["portal.sync", "pending", 0],
          ["notify.sms", "pending", 0],
        ])
        expect(all[0]).toMatchObject({ dossierCode: code(1), createdAt: T0, availableAt: T0, completedAt: null })
        const page = await run(Outbox.use((o) => o.list({ topic: "portal.sync", afterId: all[0]?.id ?? 0, limit: 1 })))
        expect(page.map((r) => r.dossierCode)).toEqual([code(2)])
        expect((await run(Outbox.use((o) => o.list({ dossierCode: code(3), limit: 10 })))).length).toBe(2)
        // a relay dedicated to one topic claims only its rows
        const sms = await run(Outbox.use((o) => o.claim("sms", 10, 0, 20, "notify.sms")))
        expect(sms.map((m) => m.topic)).toEqual(["notify.sms", "notify.sms", "notify.sms"])
        const claimed = await run(Outbox.use((o) => o.claim("a", 2, 60_000)))
        await run(Outbox.use((o) => o.complete(claimed[0]?.id ?? 0, "a")))
        await run(Outbox.use((o) => o.fail(claimed[1]?.id ?? 0, "a", "gone", "2000-01-01T00:00:00.000Z", 20, true)))
        const done = await run(Outbox.use((o) => o.list({ status: "done", limit: 10 })))
        expect(done.map((r) => r.id)).toEqual([claimed[0]?.id])
        expect(done[0]?.completedAt).not.toBeNull()
        // retrying a row that is not dead changes nothing
        expect(await run(Outbox.use((o) => o.retryDead([claimed[0]?.id ?? 0, claimed[1]?.id ?? 0])))).toEqual([
          claimed[1]?.id,
        ])
        expect((await run(Outbox.use((o) => o.list({ status: "dead", limit: 10 })))).length).toBe(0)
      })

      it("reports the backlog: counts and the oldest due undelivered row, not rows scheduled for later", async () => {
        expect(await run(Outbox.use((o) => o.backlog()))).toEqual({
          pending: 0,
          claimed: 0,
          dead: 0,
          oldestDueAt: null,
        })
        await run(
          DossierStore.use((s) =>
            s.create(
              newDossier(code(1), {
                outbox: [
                  { topic: "portal.sync", payload: {} },
                  { topic: "deadline.check", payload: {}, availableAt: "2999-01-01T00:00:00.000Z" },
                ],
              }),
            ),
          ),
        )
        const [row] = await run(Outbox.use((o) => o.claim("a", 1, 60_000)))
        expect(await run(Outbox.use((o) => o.backlog()))).toEqual({
          pending: 1,
          claimed: 1,
          dead: 0,
          oldestDueAt: T0,
        })
        // a failed row keeps its first due time: its lag goes on counting
        await run(Outbox.use((o) => o.fail(row?.id ?? 0, "a", "503", "2999-01-01T00:00:00.000Z")))
        expect((await run(Outbox.use((o) => o.backlog()))).oldestDueAt).toBe(T0)
        await run(Outbox.use((o) => o.retryDead("all")))
        const [again] = await run(Outbox.use((o) => o.list({ topic: "portal.sync", limit: 1 })))
        expect(again?.status).toBe("pending")
      })
    })

    describe("documents", () => {
      const put = (bytes: Uint8Array, type: string) => DocumentStore.use((d) => d.put(bytes, type))

      it("accepts PDF, JPEG and PNG by content, keeping size and SHA-256", async () => {
        for (const [bytes, type] of [
          [PDF, "application/pdf"],
          [JPEG, "image/jpeg"],
          [PNG, "image/png"],
        ] as const) {
          const meta = await run(put(bytes, type))
          expect(meta).toMatchObject({
            mediaType: type,
            size: bytes.length,
            sha256: createHash("sha256").update(bytes).digest("hex"),
            dossierCode: null,
          })
          const stored = await run(DocumentStore.use((d) => d.get(meta.id)))
          expect(Buffer.from(stored.bytes).equals(Buffer.from(bytes))).toBe(true)
          expect(stored.meta).toEqual(meta)
        }
      })

      it("refuses content that is not what it claims, unknown types, empty and oversized files", async () => {
        const reason = (bytes: Uint8Array, type: string) =>
          failure(put(bytes, type)).then((e) => (e._tag === "DocumentRejected" ? e.reason : e._tag))
        expect(await reason(PNG, "application/pdf")).toBe("type-mismatch")
        expect(await reason(new TextEncoder().encode("MZ\x90\x00 not a pdf"), "application/pdf")).toBe(
          "unsupported-type",
        )
        expect(await reason(PDF, "text/plain")).toBe("unsupported-type")
        expect(await reason(new Uint8Array(0), "application/pdf")).toBe("empty")
        const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1)
        big.set(PDF)
        expect(await reason(big, "application/pdf")).toBe("too-large")
        const fits = big.slice(0, MAX_DOCUMENT_BYTES)
        expect((await run(put(fits, "application/pdf"))).size).toBe(MAX_DOCUMENT_BYTES)
        expect(await failure(DocumentStore.use((d) => d.get("no-such-id")))).toMatchObject({ _tag: "DocumentNotFound" })
      })

      it("stores under an id the application chose, never over another document, and refuses an id of another shape", async () => {
        const id = documentIdFrom("document-0001")
        expect(isDocumentId(id)).toBe(true)
        const meta = await run(DocumentStore.use((d) => d.put(PDF, "application/pdf", undefined, { id })))
        expect(meta.id).toBe(id)
        expect((await run(DocumentStore.use((d) => d.get(id)))).meta).toEqual(meta)
        // the same id again: refused, and the document that has it keeps its bytes
        const reused = await failure(DocumentStore.use((d) => d.put(PNG, "image/png", undefined, { id })))
        expect(reused).toMatchObject({ _tag: "StoreUnavailable" })
        expect(String(reused.message)).toContain(`document id ${id} is already in use`)
        const kept = await run(DocumentStore.use((d) => d.get(id)))
        expect(Buffer.from(kept.bytes).equals(Buffer.from(PDF))).toBe(true)
        expect(kept.meta.mediaType).toBe("application/pdf")
        // an id that is not a document id (a path, a kind-prefixed Ids value) is never used as one
        for (const bad of ["../escape", "document-0001", id.toUpperCase(), ""]) {
          const refused = await failure(DocumentStore.use((d) => d.put(PDF, "application/pdf", undefined, { id: bad })))
          expect(refused).toMatchObject({ _tag: "StoreUnavailable" })
          expect(String(refused.message)).toContain("is not a document id")
        }
        // without a chosen id, a new random one each time
        const a = await run(put(PDF, "application/pdf"))
        const b = await run(put(PDF, "application/pdf"))
        expect(isDocumentId(a.id) && isDocumentId(b.id) && a.id !== b.id).toBe(true)
      })

      it("attaches documents in the dossier's transaction; a failed commit leaves only an orphan the sweep removes", async () => {
        const attached = await run(put(PDF, "application/pdf"))
        await run(DossierStore.use((s) => s.create(newDossier(code(1), { documentIds: [attached.id] }))))
        await run(DossierStore.use((s) => s.commit({ ...newDossier(code(1)), expectedVersion: 1, audit: [] })))
        const staged = await run(put(PNG, "image/png"))
        const before = await auditCount()
        const stale = await failure(
          DossierStore.use((s) => s.commit({ ...newDossier(code(1)), expectedVersion: 1, documentIds: [staged.id] })),
        )
        expect(stale._tag).toBe("VersionConflict")
        // A reference to a document that does not exist fails the commit as a whole.
        const dangling = await failure(
          DossierStore.use((s) =>
            s.commit({ ...newDossier(code(1)), expectedVersion: 2, documentIds: [staged.id, "missing-document"] }),
          ),
        )
        expect(dangling).toMatchObject({ _tag: "DocumentNotFound", id: "missing-document" })
        expect(await auditCount()).toBe(before)
        const dossier = await run(DossierStore.use((s) => s.get(code(1))))
        expect(dossier.version).toBe(2)
        expect(dossier.documentIds).toEqual([attached.id])
        expect((await run(DocumentStore.use((d) => d.get(staged.id)))).meta.dossierCode).toBeNull()

        // A document attached to one dossier cannot be attached to another.
        const elsewhere = await failure(
          DossierStore.use((s) => s.create(newDossier(code(2), { documentIds: [attached.id] }))),
        )
        expect(elsewhere).toMatchObject({ _tag: "DocumentNotFound", id: attached.id })
        expect(await failure(DossierStore.use((s) => s.get(code(2))))).toMatchObject({ _tag: "DossierNotFound" })

        expect(await run(DocumentStore.use((d) => d.sweepOrphans(60 * 60_000)))).toBe(0)
        expect(await run(DocumentStore.use((d) => d.sweepOrphans(0)))).toBe(1)
        expect(await failure(DocumentStore.use((d) => d.get(staged.id)))).toMatchObject({ _tag: "DocumentNotFound" })
        const kept = await run(DocumentStore.use((d) => d.get(attached.id)))
        expect(kept.meta.dossierCode).toBe(code(1))

        // The commit succeeds once the staged document is put again.
        const again = await run(put(PNG, "image/png"))
        const committed = await run(
          DossierStore.use((s) => s.commit({ ...newDossier(code(1)), expectedVersion: 2, documentIds: [again.id] })),
        )
        expect(new Set(committed.documentIds)).toEqual(new Set([attached.id, again.id]))
      })

      it("records the uploader, limits each uploader's staged bytes and lets only the uploader attach", async () => {
        const limit = PDF.length * 2
        const as = (principalId: string) => (bytes: Uint8Array) =>
          DocumentStore.use((d) => d.put(bytes, "application/pdf", { principalId, stagedBytesLimit: limit }))
        const first = await run(as("citizen-a")(PDF))
        expect(first.uploadedBy).toBe("citizen-a")
        expect((await run(DocumentStore.use((d) => d.get(first.id)))).meta.uploadedBy).toBe("citizen-a")
        await run(as("citizen-a")(PDF))
        // a third one would pass the limit; another principal's quota is its own
        const over = await failure(as("citizen-a")(PDF))
        expect(over).toMatchObject({ _tag: "DocumentRejected", reason: "quota-exceeded" })
        const other = await run(as("citizen-b")(PDF))

        // someone else's staged document is refused as a whole commit; the uploader may attach it
        const foreign = await failure(
          DossierStore.use((s) =>
            s.create(newDossier(code(1), { documentIds: [first.id, other.id], attachedBy: "citizen-a" })),
          ),
        )
        expect(foreign).toMatchObject({ _tag: "DocumentNotOwned", id: other.id })
        expect((await run(DocumentStore.use((d) => d.get(first.id)))).meta.dossierCode).toBeNull()
        const unnamed = await failure(
          DossierStore.use((s) => s.create(newDossier(code(1), { documentIds: [first.id] }))),
        )
        expect(unnamed).toMatchObject({ _tag: "DocumentNotOwned", id: first.id })
        await run(
          DossierStore.use((s) => s.create(newDossier(code(1), { documentIds: [first.id], attachedBy: "citizen-a" }))),
        )

        // attached bytes no longer count against the quota
        expect((await run(as("citizen-a")(PDF))).uploadedBy).toBe("citizen-a")
        // a document put without an uploader (a system upload) is attached by anyone
        const system = await run(put(PDF, "application/pdf"))
        expect(system.uploadedBy).toBeNull()
        const committed = await run(
          DossierStore.use((s) =>
            s.commit({ ...newDossier(code(1)), expectedVersion: 1, documentIds: [system.id], attachedBy: "citizen-b" }),
          ),
        )
        expect(new Set(committed.documentIds)).toEqual(new Set([first.id, system.id]))
      })
    })

    describe("digitised papers", () => {
      const paper = (fileId: string, overrides: Partial<DigitisedPaper> = {}): DigitisedPaper => ({
        dossierCode: code(1),
        documentId: "ct01",
        version: 1,
        fileId,
        pages: 2,
        sha256: "c".repeat(64),
        mediaType: "application/pdf",
        size: PDF.length,
        source: "officer",
        digitisedBy: "cb-01",
        digitisedAt: T0,
        intakePointId: "ttphcc-06685",
        unitCode: "06685",
        agencyCode: AGENCY,
        walletEntryId: null,
        ...overrides,
      })
      const list = (dossierCode: string) => run(DigitisedPaperStore.use((s) => s.list(dossierCode)))
      const attachedDocument = async (dossierCode: string) => {
        const meta = await run(DocumentStore.use((d) => d.put(PDF, "application/pdf")))
        await run(
          DossierStore.use((s) =>
            s
              .get(dossierCode)
              .pipe(
                Effect.flatMap((d) =>
                  s.commit({ ...newDossier(dossierCode), expectedVersion: d.version, documentIds: [meta.id] }),
                ),
              ),
          ),
        )
        return meta.id
      }

      it("keeps every version whole, listed by required document then version; a taken version is refused", async () => {
        await run(DossierStore.use((s) => s.create(newDossier(code(1)))))
        await run(DossierStore.use((s) => s.create(newDossier(code(2)))))
        const [a, b, c] = [
          await attachedDocument(code(1)),
          await attachedDocument(code(1)),
          await attachedDocument(code(1)),
        ]
        const second = paper(b, { version: 2, pages: null, source: "e-wallet", walletEntryId: "w-1", unitCode: null })
        const other = paper(c, { documentId: "cho-o", intakePointId: null, source: "citizen", mediaType: "image/png" })
        // recorded out of order: the list is by document then version whatever the order of writing
        for (const p of [second, other, paper(a)]) await run(DigitisedPaperStore.use((s) => s.add(p)))
        expect(await list(code(1))).toEqual([other, paper(a), second])
        expect((await list(code(1))).map((p) => [p.documentId, p.version])).toEqual([
          ["cho-o", 1],
          ["ct01", 1],
          ["ct01", 2],
        ])
        expect(await list(code(2))).toEqual([])

        // the same version again (two replacements at once) is refused and changes nothing
        const taken = await failure(
          DigitisedPaperStore.use((s) => s.add(paper(c, { version: 2, sha256: "d".repeat(64) }))),
        )
        expect(taken).toMatchObject({ _tag: "PaperVersionTaken", dossierCode: code(1), documentId: "ct01", version: 2 })
        expect((await list(code(1))).find((p) => p.version === 2)).toEqual(second)
      })

      it("writes a paper in the dossier's transaction: a failed unit of work leaves no record", async () => {
        await run(DossierStore.use((s) => s.create(newDossier(code(1)))))
        const fileId = await attachedDocument(code(1))
        const error = await failure(
          UnitOfWork.use((uow) =>
            uow.transaction(
              Effect.gen(function* () {
                yield* (yield* DigitisedPaperStore).add(paper(fileId))
                return yield* Effect.fail(new ComputeFailed({}))
              }),
            ),
          ),
        )
        expect(error._tag).toBe("ComputeFailed")
        expect(await list(code(1))).toEqual([])
        await run(DigitisedPaperStore.use((s) => s.add(paper(fileId))))
        expect(await list(code(1))).toEqual([paper(fileId)])
      })
    })

    describe("payments ledger", () => {
      const pay = <A, E>(f: (s: PaymentStore["Service"]) => Effect.Effect<A, E>) => run(PaymentStore.use(f))
      const request = (id: string, over: Partial<PaymentRequestRecord> = {}): PaymentRequestRecord => ({
        id,
        reference: `MC-${id}`,
        dossierCode: code(1),
        centreId: "ttphcc-06685",
        channel: "vietqr",
        amount: 10_000,
        items: [{ name: "Lệ phí", amount: 10_000 }],
        status: "pending",
        createdAt: T0,
        expiresAt: "2026-11-24T01:00:00.000Z",
        ...over,
      })
      const message = (id: string, over: Partial<PaymentMessage> = {}): PaymentMessage => ({
        id,
        channel: "vietqr",
        kind: "transfer-notice",
        key: "FT1",
        receivedAt: T0,
        outcome: "held",
        reason: "overpayment",
        detail: "Nộp thừa",
        centreId: "ttphcc-06685",
        amount: 20_000,
        bodyHash: "0".repeat(64),
        excerpt: "{}",
        ...over,
      })
      const confirmation = (paymentId: string, amount = 10_000): PaymentConfirmation => ({
        paymentId,
        dossierCode: code(1),
        centreId: "ttphcc-06685",
        channel: "vietqr",
        amount,
        paidAt: "2026-11-23T08:00:00+07:00",
        confirmedAt: T0,
      })
      const refund = (id: string, amount: number): RefundRecord => ({
        id,
        reference: `HT-${id}`,
        centreId: "ttphcc-06685",
        dossierCode: code(1),
        amount,
        reason: "refused",
        status: "requested",
        requestedBy: "officer-1",
        requestedAt: T0,
        note: "",
      })
      const draft = (id: string): Omit<ReceiptRecord, "number"> => ({
        id,
        centreId: "ttphcc-06685",
        centreName: "TT PVHCC Hồng Gai",
        collector: "TT PVHCC tỉnh",
        form: "01BLP0-001",
        series: "X06685-26E",
        dossierCode: code(1),
        procedureName: "Đăng ký thường trú",
        paymentId: `p-${id}`,
        payer: { name: "Nguyễn Văn An" },
        items: [{ name: "Lệ phí", amount: 10_000 }],
        total: 10_000,
        totalInWords: "Mười nghìn đồng",
        method: "Chuyển khoản (VietQR)",
        issuedAt: T0,
        status: "issued",
      })

      it("keeps requests, finds them by reference, and lets one change leave a status", async () => {
        await pay((s) => s.addRequest(request("r1")))
        await pay((s) => s.addRequest(request("r2", { createdAt: "2026-11-23T03:00:00.000Z" })))
        expect(
          await failure(PaymentStore.use((s) => s.addRequest(request("r3", { reference: "MC-r1" })))),
        ).toMatchObject({
          _tag: "StoreUnavailable",
        })
        expect((await pay((s) => s.requestByReference("MC-r2")))?.id).toBe("r2")
        expect(
          (await pay((s) => s.pendingRequests({ createdBefore: "2026-11-23T02:00:00.000Z", limit: 10 }))).map(
            (r) => r.id,
          ),
        ).toEqual(["r1"])
        const paid = { ...request("r1"), status: "paid" as const, paidAt: "2026-11-23T09:00:00+07:00", paymentId: "p" }
        const both = await Promise.all([
          store.runtime.runPromise(PaymentStore.use((s) => s.updateRequest(paid, "pending"))),
          store.second.runPromise(PaymentStore.use((s) => s.updateRequest({ ...paid, status: "expired" }, "pending"))),
        ])
        expect(both.filter(Boolean)).toHaveLength(1)
        expect((await pay((s) => s.requestsOf(code(1)))).map((r) => r.id)).toEqual(["r1", "r2"])
        const ofCentre = await pay((s) =>
          s.requestsOfCentre("ttphcc-06685", "2026-11-23T00:00:00.000Z", "2026-11-23T02:00:00.000Z"),
        )
        expect(ofCentre.map((r) => r.id)).toEqual(["r1"])
      })

      it("records a message once per (channel, key), even when two instances record it at once", async () => {
        const results = await Promise.all([
          store.runtime.runPromise(PaymentStore.use((s) => s.addMessage(message("m1")))),
          store.second.runPromise(PaymentStore.use((s) => s.addMessage(message("m2")))),
        ])
        expect(results.filter((r) => r.recorded)).toHaveLength(1)
        const repeat = results.find((r) => !r.recorded)
        expect(repeat !== undefined && !repeat.recorded && ["m1", "m2"]).toContain(
          repeat !== undefined && !repeat.recorded ? repeat.first.id : "",
        )
        // without a key (an unverifiable message), nothing is a repeat
        await pay((s) => s.addMessage(message("m3", { key: undefined, outcome: "rejected" })))
        await pay((s) => s.addMessage(message("m4", { key: undefined, outcome: "rejected" })))
        expect(await pay((s) => s.messages({ outcome: "rejected" }))).toHaveLength(2)
        const held = (await pay((s) => s.messages({ unresolved: true })))[0]
        expect(held?.outcome).toBe("held")
        const resolution = { action: "returned" as const, by: "cb", at: T0, note: "trả lại", refundId: "rf" }
        expect(await pay((s) => s.resolveMessage(held?.id ?? "", resolution))).toBe(true)
        expect(await pay((s) => s.resolveMessage(held?.id ?? "", resolution))).toBe(false)
        expect(await pay((s) => s.messages({ unresolved: true }))).toEqual([])
        expect(await pay((s) => s.resolveMessage(held?.id ?? "", undefined))).toBe(true)
        expect(await pay((s) => s.messages({ unresolved: true }))).toHaveLength(1)
      })

      it("confirms a payment id once and counts it in the dossier's balance; a rolled-back one counts nothing", async () => {
        expect(await pay((s) => s.addConfirmation(confirmation("p1")))).toBe(true)
        expect(await pay((s) => s.addConfirmation(confirmation("p1", 99)))).toBe(false)
        const rolledBack = await failure(
          UnitOfWork.use((u) =>
            u.transaction(
              Effect.gen(function* () {
                yield* PaymentStore.use((s) => s.addConfirmation(confirmation("p2")))
                return yield* Effect.fail(new ComputeFailed({ step: "after the confirmation" }))
              }),
            ),
          ),
        )
        expect(rolledBack._tag).toBe("ComputeFailed")
        expect(await pay((s) => s.balance(code(1)))).toEqual({ paid: 10_000, refunded: 0 })
        const day = await pay((s) =>
          s.confirmations({
            centreId: "ttphcc-06685",
            from: "2026-11-22T17:00:00.000Z",
            to: "2026-11-23T17:00:00.000Z",
          }),
        )
        expect(day.map((c) => c.paymentId)).toEqual(["p1"])
      })

      it("adds refunds only within what was paid, also when two instances ask at once; decides each once", async () => {
        await pay((s) => s.addConfirmation(confirmation("p1", 30_000)))
        const asked = await Promise.all(
          [0, 1, 2, 3].map((i) =>
            (i % 2 === 0 ? store.runtime : store.second).runPromise(
              PaymentStore.use((s) => s.addRefund(refund(`rf${i}`, 10_000))),
            ),
          ),
        )
        expect(asked.filter((a) => a.added)).toHaveLength(3)
        expect(asked.find((a) => !a.added)).toEqual({ added: false, balance: { paid: 30_000, refunded: 30_000 } })
        const first = (await pay((s) => s.refunds({ dossierCode: code(1) })))[0]
        const decide = (runtime: StorageRuntime) =>
          runtime.runPromise(
            PaymentStore.use((s) =>
              s.decideRefund(first?.id ?? "", { status: "approved", by: "ld", at: T0, note: "" }),
            ),
          )
        const decisions = await Promise.all([decide(store.runtime), decide(store.second)])
        expect(decisions.filter((d) => d !== undefined)).toHaveLength(1)
        const second = (await pay((s) => s.refunds({ status: "requested" })))[0]
        await pay((s) => s.decideRefund(second?.id ?? "", { status: "rejected", by: "ld", at: T0, note: "" }))
        expect(await pay((s) => s.balance(code(1)))).toEqual({ paid: 30_000, refunded: 20_000 })
      })

      it("pays an approved refund out once, also when two instances record it at once; one bank reference per refund", async () => {
        await pay((s) => s.addConfirmation(confirmation("p1", 30_000)))
        for (const id of ["rfa", "rfb", "rfc"]) await pay((s) => s.addRefund(refund(id, 10_000)))
        const payout = (bankReference: string) => ({
          bankReference,
          paidOn: "2026-11-23",
          amount: 10_000,
          recordedBy: "kt",
          recordedAt: T0,
        })
        // a refund not approved is not paid out
        expect(await pay((s) => s.payRefund("rfa", payout("OUT-1")))).toEqual({ paid: false, reason: "not-approved" })
        expect(await pay((s) => s.payRefund("no-such-refund", payout("OUT-1")))).toEqual({
          paid: false,
          reason: "not-approved",
        })
        for (const id of ["rfa", "rfb"])
          await pay((s) => s.decideRefund(id, { status: "approved", by: "ld", at: T0, note: "" }))
        const recorded = await Promise.all(
          [store.runtime, store.second].map((runtime) =>
            runtime.runPromise(PaymentStore.use((s) => s.payRefund("rfa", payout("OUT-1")))),
          ),
        )
        expect(recorded.filter((r) => r.paid)).toHaveLength(1)
        expect(recorded.find((r) => !r.paid)).toEqual({ paid: false, reason: "not-approved" })
        expect(await pay((s) => s.refund("rfa"))).toMatchObject({ status: "paid", payout: payout("OUT-1") })
        // the same transfer cannot pay another refund of the centre
        expect(await pay((s) => s.payRefund("rfb", payout("OUT-1")))).toEqual({ paid: false, reason: "reference-used" })
        expect((await pay((s) => s.refund("rfb")))?.status).toBe("approved")
        expect(await pay((s) => s.payRefund("rfb", payout("OUT-2")))).toMatchObject({ paid: true })
        expect((await pay((s) => s.refunds({ status: "paid" }))).map((r) => r.id).sort()).toEqual(["rfa", "rfb"])
        // paid out is still refunded: the balance keeps counting it
        expect(await pay((s) => s.balance(code(1)))).toEqual({ paid: 30_000, refunded: 30_000 })
      })

      it("numbers receipts per centre and series without gaps, under concurrency and rollbacks", async () => {
        const issue = (runtime: StorageRuntime, id: string) =>
          runtime.runPromise(PaymentStore.use((s) => s.issueReceipt(draft(id))))
        await Promise.all(
          Array.from({ length: 6 }, (_, i) => issue(i % 2 === 0 ? store.runtime : store.second, `rc${i}`)),
        )
        const rolledBack = await failure(
          UnitOfWork.use((u) =>
            u.transaction(
              Effect.gen(function* () {
                yield* PaymentStore.use((s) => s.issueReceipt(draft("lost")))
                return yield* Effect.fail(new ComputeFailed({}))
              }),
            ),
          ),
        )
        expect(rolledBack._tag).toBe("ComputeFailed")
        await issue(store.runtime, "rc6")
        await run(PaymentStore.use((s) => s.issueReceipt({ ...draft("other"), series: "X06685-27E" })))
        const all = await pay((s) => s.receipts({ centreId: "ttphcc-06685" }))
        expect(
          all
            .filter((r) => r.series === "X06685-26E")
            .map((r) => r.number)
            .sort((a, b) => a - b),
        ).toEqual([1, 2, 3, 4, 5, 6, 7])
        expect(all.find((r) => r.id === "other")?.number).toBe(1)
        expect(await pay((s) => s.cancelReceipt("rc0", { at: T0, by: "gd", reason: "sai tên" }, "rc6"))).toBe(true)
        expect(await pay((s) => s.cancelReceipt("rc0", { at: T0, by: "gd", reason: "sai tên" }, "rc6"))).toBe(false)
        expect(await pay((s) => s.receipt("rc0"))).toMatchObject({
          status: "cancelled",
          replacedBy: "rc6",
          number: expect.any(Number),
        })
      })

      it("keeps each centre's bank statement cursor, replaced when saved again", async () => {
        expect(await pay((s) => s.statementCursor("ttphcc-06685"))).toBeUndefined()
        await pay((s) => s.saveStatementCursor("ttphcc-06685", "c2"))
        await pay((s) => s.saveStatementCursor("ttphcc-06688", "x1"))
        await pay((s) => s.saveStatementCursor("ttphcc-06685", "c5"))
        expect(await pay((s) => s.statementCursor("ttphcc-06685"))).toBe("c5")
        expect(await pay((s) => s.statementCursor("ttphcc-06688"))).toBe("x1")
      })

      it("keeps what the e-invoice system made of a receipt beside it; a cancellation at the same moment keeps both", async () => {
        await pay((s) => s.issueReceipt(draft("ei1")))
        const accepted = { status: "accepted" as const, at: T0, invoiceNo: "X06685-26E1", lookupCode: "TC-1" }
        await Promise.all([
          store.runtime.runPromise(PaymentStore.use((s) => s.recordEInvoice("ei1", accepted))),
          store.second.runPromise(
            PaymentStore.use((s) => s.cancelReceipt("ei1", { at: T0, by: "gd", reason: "sai tên" }, undefined)),
          ),
        ])
        expect(await pay((s) => s.receipt("ei1"))).toMatchObject({ status: "cancelled", einvoice: accepted })
        await pay((s) => s.recordEInvoice("ei1", { ...accepted, status: "cancelled" }))
        const listed = await pay((s) => s.receipts({ dossierCode: code(1) }))
        expect(listed.find((r) => r.id === "ei1")?.einvoice?.status).toBe("cancelled")
        expect(listed.find((r) => r.id === "ei1")?.status).toBe("cancelled")
      })
    })
  })
}
