// The use-case-level workload of lifecycle.bench.ts: a real dossier of a Quảng Ninh procedure (permanent
// residence registration, 1.004222, decided by the ward police of Hồng Gai) driven through the application's use
// cases from online filing to the returned result, on the SQL storage; and, as the floor to compare with, the same
// SQL statements issued raw (better-sqlite3 statements prepared once; plain `pg` queries) in the same transactions,
// with the same serialisation and the same audit hashing, from inputs planned before timing.
//
// A lifecycle: file online (idempotent: key claimed, daily sequence, dossier, audit, outbox, answer — one
// transaction), then 10 actions (accept, hand-over to the specialist, the specialist's step, approval, signature of
// a staged result document, the leader's hand-over, the cash payment (idempotent), the clerk's step, result ready,
// return). Each action reads the dossier (row + attached document ids, snapshot parsed), then commits snapshot,
// summary, audit entry and outbox rows with the version check in one transaction. After the hand-over the
// specialist's work queue is read. The signature reads the staged document (row and file, checked by its hash) and
// stores the signed file (file, then row) before its commit attaches both.
//
// How the floor gets its inputs: a planner runs the same use cases on the application's in-memory ports (same clock,
// same principals, the same staged document ids) and records what they hand to the storage ports (the new dossier,
// each commit, each idempotent request and its answer). The floor then does, per lifecycle, only what a
// hand-written store must: serialise, hash, and issue the statements. Both sides write the same audit entries, so
// their chains end at the same head hash (checked after every round).
import { createHash } from "node:crypto"
import { mkdir, writeFile } from "node:fs/promises"
import { dirname } from "node:path"
import {
  accept,
  approve,
  CallLog,
  CatalogStore,
  Clock,
  completeStep,
  confirmPayment,
  type DocumentMeta,
  DocumentRenderer,
  DocumentStore,
  type DocumentStoreShape,
  type DossierCommit,
  DossierStore,
  type DossierStoreShape,
  fileOnline,
  IdempotencyStore,
  type IdempotencyStoreShape,
  Ids,
  IssuedResultStore,
  instantOf,
  type Json,
  layerMemoryStorage,
  MemoryDatabase,
  markResultReady,
  type NewDossier,
  PaymentStore,
  type PaymentStoreShape,
  PublicPages,
  requestHash,
  returnResult,
  Signer,
  sign,
  WalletStore,
  workQueue,
} from "@motcua/application"
import { principals, residenceFiling } from "@motcua/application/testing"
import { Effect, Layer, ManagedRuntime } from "effect"
import type { FloorConfirmation } from "../floors/change.ts"
import { floorDocumentPath, readFloorDocument, writeFloorDocument } from "../floors/files.ts"
import type { PostgresFloor } from "../floors/postgres.ts"
import type { SqliteFloor } from "../floors/sqlite.ts"

export type CatalogData = Parameters<typeof CatalogStore.layerFromData>[0]

// ---------------------------------------------------------------------------------------------------------------
// The script.

// The principals and the filing are the application test harness's: the same dossier its end-to-end test walks.
export { AGENCY, principals } from "@motcua/application/testing"
export const filingInput = residenceFiling()
/** Monday 6 October 2025, 08:00 in Vietnam: lifecycle n files at START + n × STRIDE (≤ 96 filings a day). */
const START = Date.parse("2025-10-06T01:00:00.000Z")
const STRIDE_MS = 15 * 60_000
const STEP_MS = 60_000

/** The staged result document's bytes (a small valid PDF: the store checks the magic bytes). */
export const resultPdf = (n: number) =>
  new TextEncoder().encode(`%PDF-1.7\n% Thông báo kết quả đăng ký thường trú ${n}\n%%EOF\n`)

/** One lifecycle's inputs: its number (it fixes the clock) and the id of its staged result document. */
export interface UseCaseItem {
  readonly n: number
  readonly documentId: string
}

/** Transactions (and audit entries) per lifecycle: the filing and 10 actions. */
export const AUDIT_PER_LIFECYCLE = 11
/** Outbox rows per lifecycle, counted from the planner's first lifecycle (checked against every later one). */
export let OUTBOX_PER_LIFECYCLE = 0

/** A clock the lifecycle sets before each step (the same instants on every side). */
export interface BenchClock {
  millis: number
}

export const clockLayer = (clock: BenchClock) =>
  Layer.succeed(Clock, Clock.of({ now: Effect.sync(() => instantOf(clock.millis)) }))

/** The services the use cases need besides storage: the catalogue, the clock, ids and a signer. */
export const servicesLayer = (data: CatalogData, clock: BenchClock) =>
  Layer.mergeAll(
    CatalogStore.layerFromData(data),
    clockLayer(clock),
    Ids.layerTest,
    Signer.layerTest.pipe(Layer.provide(CallLog.layer)),
    // the lifecycle returns at the counter: the wallet is never written, only required by returnResult's type
    WalletStore.layerMemory,
    DocumentRenderer.layerTest,
    IssuedResultStore.layerMemory,
    PublicPages.layerTest,
  )

const at = (clock: BenchClock, n: number, step: number) =>
  Effect.sync(() => {
    clock.millis = START + n * STRIDE_MS + step * STEP_MS
  })

/** One dossier from online filing to return, through the use cases. */
export const useCaseLifecycle = (clock: BenchClock, item: UseCaseItem) =>
  Effect.gen(function* () {
    const p = principals
    const { n } = item
    yield* at(clock, n, 0)
    const filed = yield* fileOnline(p.citizen, filingInput, `filing-${n}`)
    const code = filed.code
    yield* at(clock, n, 1)
    yield* accept(p.counter, code, { expectedVersion: filed.version })
    yield* at(clock, n, 2)
    yield* completeStep(p.counter, code, { assigneeId: p.specialist.id })
    const queue = yield* workQueue(p.specialist, { role: "specialist", limit: 20 })
    if (!queue.some((q) => q.code === code)) return yield* Effect.die(`${code} is not in the specialist's queue`)
    yield* at(clock, n, 3)
    yield* completeStep(p.specialist, code, { note: "Đủ điều kiện" })
    yield* at(clock, n, 4)
    yield* approve(p.leader, code, { note: "Đồng ý" })
    yield* at(clock, n, 5)
    yield* sign(p.leader, code, { documentId: item.documentId })
    yield* at(clock, n, 6)
    yield* completeStep(p.leader, code, {})
    yield* at(clock, n, 7)
    yield* confirmPayment(p.counter, code, { paymentId: `cash-${n}`, amount: 10_000 }, `payment-${n}`)
    yield* at(clock, n, 8)
    yield* completeStep(p.clerk, code, {})
    yield* at(clock, n, 9)
    yield* markResultReady(p.counter, code, { resultDocumentIds: [item.documentId] })
    yield* at(clock, n, 10)
    const done = yield* returnResult(p.counter, code, { method: "counter" })
    if (done.summary.statusCode !== 10 || done.version !== AUDIT_PER_LIFECYCLE) {
      return yield* Effect.die(`${code} ended at status ${done.summary.statusCode}, version ${done.version}`)
    }
  })

// ---------------------------------------------------------------------------------------------------------------
// The planner: the same use cases on in-memory ports, recording what reaches the storage.

/** What the floor replays, in order, for one lifecycle. */
export type RawOp =
  | {
      readonly kind: "file"
      readonly scope: string
      readonly key: string
      readonly body: unknown
      readonly at: string
      readonly day: string
      readonly dossier: NewDossier
      readonly answer: Json
    }
  | { readonly kind: "act"; readonly commit: DossierCommit }
  | {
      readonly kind: "idempotent-act"
      readonly scope: string
      readonly key: string
      readonly body: unknown
      readonly at: string
      readonly commit: DossierCommit
      readonly answer: Json
      /** A payment's ledger entry, written in the same transaction (payments/credit.ts). */
      readonly confirmation?: FloorConfirmation
    }
  | {
      readonly kind: "sign"
      /** The staged document read back and checked. */
      readonly documentId: string
      /** The signed PDF the signature stores (DocumentStore.put: its file, then its row) before the commit. */
      readonly stored: { readonly meta: DocumentMeta; readonly bytes: Uint8Array }
      readonly commit: DossierCommit
    }
  | { readonly kind: "queue"; readonly role: string; readonly agencyCode: string; readonly limit: number }

export interface PlannedLifecycle {
  readonly item: UseCaseItem
  readonly code: string
  readonly ops: ReadonlyArray<RawOp>
}

export interface Planner {
  /** Plans the lifecycles (in order: the planner's daily sequences follow the sides'). */
  readonly plan: (items: ReadonlyArray<UseCaseItem>) => Promise<PlannedLifecycle[]>
  readonly dispose: () => Promise<void>
}

export async function makePlanner(data: CatalogData): Promise<Planner> {
  const clock: BenchClock = { millis: START }
  let ops: RawOp[] = []
  let pendingIdempotent: { scope: string; key: string; requestHash: string; at: string } | undefined
  let lastDay = ""
  let staged: { id: string; bytes: Uint8Array } | undefined
  let stored: { meta: DocumentMeta; bytes: Uint8Array } | undefined
  // Wraps the in-memory stores: every create and commit, and every idempotent request, is recorded.
  const recording = Layer.effect(
    DossierStore,
    Effect.gen(function* () {
      const inner = yield* DossierStore
      const shape: DossierStoreShape = {
        ...inner,
        nextDailySequence: (agency, day) => {
          lastDay = day
          return inner.nextDailySequence(agency, day)
        },
        create: (dossier) =>
          Effect.map(inner.create(dossier), (record) => {
            const request = pendingIdempotent
            if (request === undefined) throw new Error("a filing outside an idempotent request")
            ops.push({
              kind: "file",
              scope: request.scope,
              key: request.key,
              body: filingInput,
              at: request.at,
              day: lastDay,
              dossier,
              answer: null,
            })
            return record
          }),
        commit: (change) =>
          Effect.map(inner.commit(change), (record) => {
            const request = pendingIdempotent
            if (request !== undefined) {
              ops.push({ kind: "idempotent-act", ...request, body: undefined, commit: change, answer: null })
            } else if (stored !== undefined) {
              if (staged === undefined || change.documentIds?.[0] !== staged.id) {
                throw new Error("a document stored outside the signature of the staged result")
              }
              ops.push({ kind: "sign", documentId: staged.id, stored, commit: change })
              stored = undefined
            } else {
              ops.push({ kind: "act", commit: change })
            }
            return record
          }),
        workQueue: (query) =>
          Effect.map(inner.workQueue(query), (rows) => {
            ops.push({ kind: "queue", role: query.role, agencyCode: query.agencyCodes[0] ?? "", limit: query.limit })
            return rows
          }),
      }
      return shape
    }),
  )
  const idempotency = Layer.effect(
    IdempotencyStore,
    Effect.gen(function* () {
      const inner = yield* IdempotencyStore
      const shape: IdempotencyStoreShape = {
        remember: (request, compute) =>
          Effect.gen(function* () {
            pendingIdempotent = {
              scope: request.scope,
              key: request.key,
              requestHash: request.requestHash,
              at: instantOf(clock.millis),
            }
            const answer = yield* inner.remember(request, compute)
            pendingIdempotent = undefined
            const last = ops.at(-1)
            if (last !== undefined && (last.kind === "file" || last.kind === "idempotent-act")) {
              ops[ops.length - 1] = { ...last, answer }
            }
            return answer
          }),
      }
      return shape
    }),
  )
  // The signed PDF the signature stores goes with the commit that attaches it (the sign op).
  const documents = Layer.effect(
    DocumentStore,
    Effect.gen(function* () {
      const inner = yield* DocumentStore
      const shape: DocumentStoreShape = {
        ...inner,
        put: (bytes, declaredType, uploader, options) =>
          Effect.map(inner.put(bytes, declaredType, uploader, options), (meta) => {
            if (stored !== undefined) throw new Error("two documents stored in one step")
            stored = { meta, bytes: bytes.slice() }
            return meta
          }),
      }
      return shape
    }),
  )
  // A payment's confirmation goes with the commit that records it (the idempotent act it belongs to).
  const payments = Layer.effect(
    PaymentStore,
    Effect.gen(function* () {
      const inner = yield* PaymentStore
      const shape: PaymentStoreShape = {
        ...inner,
        addConfirmation: (c) =>
          Effect.map(inner.addConfirmation(c), (added) => {
            const last = ops.at(-1)
            if (last?.kind !== "idempotent-act") throw new Error("a payment outside an idempotent act")
            ops[ops.length - 1] = { ...last, confirmation: c as unknown as FloorConfirmation }
            return added
          }),
      }
      return shape
    }),
  )
  // The recording stores over the in-memory ones; the other storage ports and the services as they are.
  const memory = layerMemoryStorage()
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(
      memory,
      Layer.provide(Layer.mergeAll(recording, idempotency, payments, documents), memory),
      servicesLayer(data, clock),
    ),
  )
  const db = await runtime.runPromise(MemoryDatabase.useSync((d) => d))
  return {
    plan: async (items) => {
      const out: PlannedLifecycle[] = []
      for (const item of items) {
        ops = []
        const bytes = resultPdf(item.n)
        staged = { id: item.documentId, bytes }
        db.state.documents.set(item.documentId, { meta: stagedMeta(item.documentId, bytes), bytes })
        await runtime.runPromise(useCaseLifecycle(clock, item))
        // Only the daily sequences matter to later lifecycles: the rest is emptied, so that the in-memory
        // transactions (which copy the state) stay cheap however many lifecycles are planned.
        db.state = {
          ...db.state,
          dossiers: new Map(),
          audit: [],
          outbox: new Map(),
          idempotency: new Map(),
          documents: new Map(),
        }
        // The payment's request body is what confirmPayment hashes: the code and the input.
        const code = (ops[0] as { dossier: NewDossier }).dossier.code
        ops = ops.map((op) =>
          op.kind === "idempotent-act" ? { ...op, body: { code, paymentId: `cash-${item.n}`, amount: 10_000 } } : op,
        )
        const outbox = ops.reduce(
          (sum, op) =>
            sum + (op.kind === "file" ? op.dossier.outbox.length : op.kind === "queue" ? 0 : op.commit.outbox.length),
          0,
        )
        if (OUTBOX_PER_LIFECYCLE === 0) OUTBOX_PER_LIFECYCLE = outbox
        else if (outbox !== OUTBOX_PER_LIFECYCLE) throw new Error(`lifecycle ${item.n} writes ${outbox} outbox rows`)
        out.push({ item, code, ops })
      }
      return out
    },
    dispose: () => runtime.dispose(),
  }
}

const stagedMeta = (id: string, bytes: Uint8Array): DocumentMeta => ({
  id,
  sha256: createHash("sha256").update(bytes).digest("hex"),
  size: bytes.length,
  mediaType: "application/pdf",
  createdAt: instantOf(START),
  dossierCode: null,
  uploadedBy: null,
})

/** Stages each lifecycle's result document through the adapter's DocumentStore (before timing). */
export const stageDocuments = (count: number, first: number) =>
  Effect.gen(function* () {
    const documents = yield* DocumentStore
    const items: UseCaseItem[] = []
    for (let n = first; n < first + count; n += 1) {
      const meta = yield* documents.put(resultPdf(n), "application/pdf")
      items.push({ n, documentId: meta.id })
    }
    return items
  })

// ---------------------------------------------------------------------------------------------------------------
// The raw floors (floors/): the planned storage calls replayed with the same statements, by hand.

/** The documents folder of the raw side: the staged result files are read back at signature time. */
export interface RawDocuments {
  readonly dir: string
}

/** The document row's values (floors/sql.ts insertDocument), as the adapter's put writes them. */
const documentRow = (meta: DocumentMeta) => [
  meta.id,
  meta.sha256,
  meta.size,
  meta.mediaType,
  meta.createdAt,
  null,
  null,
  meta.uploadedBy,
]

/** What a hand-written store does to store the signed PDF: hash it, write its file durably, then its row. */
async function storeSigned(docs: RawDocuments, stored: { meta: DocumentMeta; bytes: Uint8Array }) {
  const sha256 = createHash("sha256").update(stored.bytes).digest("hex")
  if (sha256 !== stored.meta.sha256 || stored.bytes[0] !== 0x25) throw new Error("the signed document differs")
  await writeFloorDocument(docs.dir, stored.meta.id, stored.bytes)
  return documentRow(stored.meta)
}

/** Stages the planned documents in the floor's database and folder (before timing, like the adapter's put). */
export async function stageRawDocuments(
  planned: ReadonlyArray<PlannedLifecycle>,
  docs: RawDocuments,
  insert: (values: ReadonlyArray<unknown>) => Promise<void> | void,
) {
  for (const { item } of planned) {
    const bytes = resultPdf(item.n)
    await mkdir(dirname(floorDocumentPath(docs.dir, item.documentId)), { recursive: true })
    await writeFile(floorDocumentPath(docs.dir, item.documentId), bytes)
    await insert(documentRow(stagedMeta(item.documentId, bytes)))
  }
}

const checkDocumentBytes = (bytes: Uint8Array, row: { sha256: string }) => {
  const digest = createHash("sha256").update(bytes).digest("hex")
  if (digest !== row.sha256 || bytes[0] !== 0x25) throw new Error("the staged document changed")
}

const checkSequence = (code: string, sequence: number) => {
  if (!code.endsWith(`-${String(sequence).padStart(4, "0")}`)) throw new Error(`sequence ${sequence} for ${code}`)
}

/** The planned lifecycle on the SQLite floor. */
export function rawSqliteUseCases(floor: SqliteFloor, docs: RawDocuments) {
  return async (planned: PlannedLifecycle) => {
    for (const op of planned.ops) {
      switch (op.kind) {
        case "file":
          floor.transaction(() => {
            floor.claim(op.scope, op.key, requestHash(op.body), op.at)
            checkSequence(op.dossier.code, floor.nextSequence(op.dossier.summary.agencyCode, op.day))
            floor.create(op.dossier)
            floor.answer(op.scope, op.key, op.answer)
          })
          break
        case "act":
          floor.load(op.commit.code)
          floor.transaction(() => floor.commit(op.commit))
          break
        case "idempotent-act":
          floor.transaction(() => {
            floor.claim(op.scope, op.key, requestHash(op.body), op.at)
            floor.load(op.commit.code)
            floor.commit(op.commit)
            if (op.confirmation !== undefined) floor.confirm(op.confirmation)
            floor.answer(op.scope, op.key, op.answer)
          })
          break
        case "sign": {
          floor.load(op.commit.code)
          const row = floor.getDocument(op.documentId)
          if (row === undefined) throw new Error(`document ${op.documentId} missing`)
          checkDocumentBytes(await readFloorDocument(docs.dir, op.documentId), row)
          floor.insertDocument(await storeSigned(docs, op.stored))
          floor.transaction(() => floor.commit(op.commit))
          break
        }
        case "queue": {
          const rows = floor.workQueue(op.role, op.agencyCode, op.limit)
          if (!rows.some((r) => r.code === planned.code)) throw new Error(`${planned.code} not queued`)
          break
        }
      }
    }
  }
}

/** The planned lifecycle on the PostgreSQL floor. */
export function rawPgUseCases(floor: PostgresFloor, docs: RawDocuments) {
  return async (planned: PlannedLifecycle) => {
    for (const op of planned.ops) {
      switch (op.kind) {
        case "file":
          await floor.transaction(async (client) => {
            await floor.claim(client, op.scope, op.key, requestHash(op.body), op.at)
            checkSequence(op.dossier.code, await floor.nextSequence(client, op.dossier.summary.agencyCode, op.day))
            await floor.create(client, op.dossier)
            await floor.answer(client, op.scope, op.key, op.answer)
          })
          break
        case "act":
          await floor.load(floor.pool, op.commit.code)
          await floor.transaction((client) => floor.commit(client, op.commit))
          break
        case "idempotent-act":
          await floor.transaction(async (client) => {
            await floor.claim(client, op.scope, op.key, requestHash(op.body), op.at)
            await floor.load(client, op.commit.code)
            await floor.commit(client, op.commit)
            if (op.confirmation !== undefined) await floor.confirm(client, op.confirmation)
            await floor.answer(client, op.scope, op.key, op.answer)
          })
          break
        case "sign": {
          await floor.load(floor.pool, op.commit.code)
          const row = await floor.getDocument(op.documentId)
          if (row === undefined) throw new Error(`document ${op.documentId} missing`)
          checkDocumentBytes(await readFloorDocument(docs.dir, op.documentId), row)
          await floor.insertDocument(await storeSigned(docs, op.stored))
          await floor.transaction((client) => floor.commit(client, op.commit))
          break
        }
        case "queue": {
          const rows = await floor.workQueue(op.role, op.agencyCode, op.limit)
          if (!rows.some((r) => r.code === planned.code)) throw new Error(`${planned.code} not queued`)
          break
        }
      }
    }
  }
}
