// In-memory implementations of the storage ports, for testing use cases without SQL. They keep the same semantics
// as the SQL adapter: one lock makes every operation and every transaction serializable, a failed transaction puts
// the state back as it was, versions are checked, idempotent answers are stored with the change, the audit log is
// hash-chained. All ports built from one MemoryDatabase share its state: `layerMemoryStorage` (storage.ts) builds
// them all over one. The port files do not import this one (no import circles): only storage.ts does.
import type {
  DossierFacts,
  PaymentConfirmation,
  PaymentMessage,
  PaymentRequestRecord,
  ReceiptRecord,
  RefundRecord,
} from "@motcua/domain"
import { Clock, Context, Effect, Exit, Layer, Semaphore } from "effect"
import { type ChainHead, chainEntries, EMPTY_HEAD, verifyChain } from "./audit-chain.ts"
import type { AuditLogShape } from "./audit-log.ts"
import {
  byDocumentThenVersion,
  type DigitisedPaper,
  type DigitisedPaperStoreShape,
  PaperVersionTaken,
} from "./digitised-papers.ts"
import { checkDocument, DEFAULT_MAX_DOCUMENT_BYTES, quotaExceeded } from "./document-content.ts"
import { type DocumentStoreShape, idForPut, idInUse } from "./document-store.ts"
import type { DossierListingShape } from "./dossier-listing.ts"
import type { DossierStoreShape } from "./dossier-store.ts"
import {
  DocumentNotFound,
  DocumentNotOwned,
  type DocumentRejected,
  DossierAlreadyExists,
  DossierNotFound,
  IdempotencyKeyReused,
  StoreUnavailable,
  VersionConflict,
} from "./errors.ts"
import type { IdempotencyStoreShape } from "./idempotency-store.ts"
import type { Json } from "./json.ts"
import type { OutboxShape } from "./outbox.ts"
import type { PaymentBalance, PaymentStoreShape } from "./payment-store.ts"
import type { DossierRating, DossierReportFacts, SlaNotice, StoredPetition } from "./quality.ts"
import {
  type AuditEntry,
  type AuditEntryInput,
  DEFAULT_MAX_ATTEMPTS,
  type DocumentMeta,
  type DossierRecord,
  instantOf,
  MAX_LEASE_EXPIRIES,
  type NewDossier,
  type OutboxMessageInput,
  validateSummary,
} from "./records.ts"
import type { UnitOfWorkShape } from "./unit-of-work.ts"

export interface MemoryOutboxRow {
  readonly id: number
  readonly topic: string
  readonly dossierCode: string | null
  readonly payload: Json
  readonly status: "pending" | "claimed" | "done" | "dead"
  readonly attempts: number
  /** Claims that ended in a failed delivery (the others' leases ran out, unless one completed). */
  readonly failures: number
  readonly availableAt: string
  readonly claimedBy: string | null
  readonly leaseUntil: string | null
  readonly lastError: string | null
  readonly createdAt: string
  /** When it first became due (its lag counts from here). */
  readonly dueAt: string
  readonly completedAt: string | null
  readonly orderingKey: string | null
}

/** The whole in-memory database. Values are never mutated in place (rows are replaced), so a copy is cheap. */
export interface MemoryState {
  dossiers: Map<string, DossierRecord>
  audit: AuditEntry[]
  head: ChainHead
  outbox: Map<number, MemoryOutboxRow>
  nextOutboxId: number
  idempotency: Map<string, { readonly requestHash: string; readonly response: string }>
  sequences: Map<string, number>
  documents: Map<string, { readonly meta: DocumentMeta; readonly bytes: Uint8Array }>
  /** Digitised papers, every version, in the order recorded (digitised-papers.ts). */
  papers: DigitisedPaper[]
  /** Owner id → the codes of the dossiers it owns (NewDossier.owners). */
  owners: Map<string, Set<string>>
  payments: MemoryPayments
  /** The quality ports' tables (memory-quality.ts). */
  quality: MemoryQualityState
}

/** The payments ledger (PaymentStore). */
export interface MemoryPayments {
  requests: Map<string, PaymentRequestRecord>
  messages: Map<string, PaymentMessage>
  /** `channel key` → message id, for verified messages. */
  messageKeys: Map<string, string>
  confirmations: Map<string, PaymentConfirmation>
  balances: Map<string, PaymentBalance>
  refunds: Map<string, RefundRecord>
  receipts: Map<string, ReceiptRecord>
  /** `centre series` → the last number issued. */
  series: Map<string, number>
  /** centre → the bank statement API's cursor (payments/statements.ts). */
  statementCursors: Map<string, string>
}

const emptyPayments = (): MemoryPayments => ({
  requests: new Map(),
  messages: new Map(),
  messageKeys: new Map(),
  confirmations: new Map(),
  balances: new Map(),
  refunds: new Map(),
  receipts: new Map(),
  series: new Map(),
  statementCursors: new Map(),
})

const copyPayments = (p: MemoryPayments): MemoryPayments => ({
  requests: new Map(p.requests),
  messages: new Map(p.messages),
  messageKeys: new Map(p.messageKeys),
  confirmations: new Map(p.confirmations),
  balances: new Map(p.balances),
  refunds: new Map(p.refunds),
  receipts: new Map(p.receipts),
  series: new Map(p.series),
  statementCursors: new Map(p.statementCursors),
})

/** What the quality ports keep (IndicatorStore, FeedbackStore, SlaStore: memory-quality.ts). */
export interface MemoryQualityState {
  readonly facts: Map<
    string,
    { readonly version: number; readonly facts: DossierFacts; readonly report: DossierReportFacts }
  >
  readonly synced: Map<string, string>
  readonly ratings: Map<string, DossierRating>
  readonly petitions: Map<string, StoredPetition>
  readonly slaNotices: Map<string, SlaNotice>
}

const emptyQuality = (): MemoryQualityState => ({
  facts: new Map(),
  synced: new Map(),
  ratings: new Map(),
  petitions: new Map(),
  slaNotices: new Map(),
})

const copyQuality = (q: MemoryQualityState): MemoryQualityState => ({
  facts: new Map(q.facts),
  synced: new Map(q.synced),
  ratings: new Map(q.ratings),
  petitions: new Map(q.petitions),
  slaNotices: new Map(q.slaNotices),
})

const emptyState = (): MemoryState => ({
  dossiers: new Map(),
  audit: [],
  head: EMPTY_HEAD,
  outbox: new Map(),
  nextOutboxId: 1,
  idempotency: new Map(),
  sequences: new Map(),
  documents: new Map(),
  papers: [],
  owners: new Map(),
  payments: emptyPayments(),
  quality: emptyQuality(),
})

const copyState = (s: MemoryState): MemoryState => ({
  dossiers: new Map(s.dossiers),
  audit: s.audit.slice(),
  head: s.head,
  outbox: new Map(s.outbox),
  nextOutboxId: s.nextOutboxId,
  idempotency: new Map(s.idempotency),
  sequences: new Map(s.sequences),
  documents: new Map(s.documents),
  papers: s.papers.slice(),
  owners: new Map([...s.owners].map(([owner, codes]) => [owner, new Set(codes)])),
  payments: copyPayments(s.payments),
  quality: copyQuality(s.quality),
})

export interface MemoryDatabaseShape {
  /** The live state; tests may tamper with it (e.g. edit an audit entry) to check that verification notices. */
  state: MemoryState
  readonly lock: Semaphore.Semaphore
  readonly maxDocumentBytes: number
}

export class MemoryDatabase extends Context.Service<MemoryDatabase, MemoryDatabaseShape>()(
  "@motcua/application/MemoryDatabase",
) {
  static readonly make = (options: { readonly maxDocumentBytes?: number } = {}): MemoryDatabaseShape => ({
    state: emptyState(),
    lock: Semaphore.makeUnsafe(1),
    maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES,
  })
  static readonly layer = Layer.sync(MemoryDatabase, () => MemoryDatabase.make())
}

/** The database whose transaction the current fiber is in, if any. */
const CurrentMemoryTransaction = Context.Reference<MemoryDatabaseShape | undefined>(
  "@motcua/application/CurrentMemoryTransaction",
  { defaultValue: () => undefined },
)

/** Runs `effect` alone against `db`, joining the current transaction when there is one, rolling back on failure. */
export const atomic = <A, E, R>(db: MemoryDatabaseShape, effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.flatMap(CurrentMemoryTransaction, (current) =>
    current === db
      ? effect
      : db.lock.withPermits(1)(
          Effect.suspend(() => {
            const before = copyState(db.state)
            return effect.pipe(
              Effect.provideService(CurrentMemoryTransaction, db),
              Effect.onExit((exit) =>
                Effect.sync(() => {
                  if (Exit.isFailure(exit)) db.state = before
                }),
              ),
            )
          }),
        ),
  )

const now = Effect.map(Clock.currentTimeMillis, instantOf)

export const makeMemoryUnitOfWork = (db: MemoryDatabaseShape): UnitOfWorkShape => ({
  transaction: (effect) => atomic(db, effect),
})

function appendAudit(db: MemoryDatabaseShape, dossierCode: string | null, inputs: ReadonlyArray<AuditEntryInput>) {
  const { entries, head } = chainEntries(db.state.head, dossierCode, inputs)
  db.state.audit.push(...entries)
  db.state.head = head
}

export function enqueue(
  db: MemoryDatabaseShape,
  dossierCode: string,
  at: string,
  rows: ReadonlyArray<OutboxMessageInput>,
) {
  for (const row of rows) {
    const id = db.state.nextOutboxId++
    db.state.outbox.set(id, {
      id,
      topic: row.topic,
      dossierCode,
      payload: row.payload,
      status: "pending",
      attempts: 0,
      failures: 0,
      availableAt: row.availableAt ?? at,
      claimedBy: null,
      leaseUntil: null,
      lastError: null,
      createdAt: at,
      dueAt: row.availableAt ?? at,
      completedAt: null,
      orderingKey: row.orderingKey ?? null,
    })
  }
}

/**
 * Attaches staged documents to the dossier; a missing one (or one attached elsewhere), or a staged one another
 * principal uploaded, fails the transaction.
 */
function attachDocuments(
  db: MemoryDatabaseShape,
  code: string,
  ids: ReadonlyArray<string>,
  attachedBy: string | undefined,
) {
  return Effect.forEach(
    ids,
    (id): Effect.Effect<void, DocumentNotFound | DocumentNotOwned> => {
      const doc = db.state.documents.get(id)
      if (doc === undefined || (doc.meta.dossierCode !== null && doc.meta.dossierCode !== code)) {
        return Effect.fail(new DocumentNotFound({ id }))
      }
      if (doc.meta.dossierCode === null && doc.meta.uploadedBy !== null && doc.meta.uploadedBy !== attachedBy) {
        return Effect.fail(new DocumentNotOwned({ id }))
      }
      db.state.documents.set(id, { ...doc, meta: { ...doc.meta, dossierCode: code } })
      return Effect.void
    },
    { discard: true },
  )
}

const attachedIds = (record: DossierRecord, ids: ReadonlyArray<string> | undefined) => [
  ...record.documentIds,
  ...(ids ?? []).filter((id) => !record.documentIds.includes(id)),
]

export const makeMemoryDossierStore = (db: MemoryDatabaseShape): DossierStoreShape => {
  const write = (dossier: NewDossier, version: number, previous: DossierRecord | undefined) =>
    Effect.gen(function* () {
      const summary = yield* validateSummary(dossier.summary, dossier.code)
      yield* attachDocuments(db, dossier.code, dossier.documentIds ?? [], dossier.attachedBy)
      const record: DossierRecord = {
        code: dossier.code,
        version,
        snapshot: JSON.parse(JSON.stringify(dossier.snapshot)) as Json,
        summary,
        createdAt: previous?.createdAt ?? dossier.at,
        updatedAt: dossier.at,
        documentIds: previous ? attachedIds(previous, dossier.documentIds) : [...new Set(dossier.documentIds ?? [])],
      }
      db.state.dossiers.set(dossier.code, record)
      appendAudit(db, dossier.code, dossier.audit)
      enqueue(db, dossier.code, dossier.at, dossier.outbox)
      return record
    })

  return {
    create: (dossier) =>
      atomic(
        db,
        Effect.gen(function* () {
          if (db.state.dossiers.has(dossier.code)) {
            return yield* Effect.fail(new DossierAlreadyExists({ code: dossier.code }))
          }
          const record = yield* write(dossier, 1, undefined)
          for (const owner of new Set(dossier.owners ?? [])) {
            const codes = db.state.owners.get(owner) ?? new Set<string>()
            codes.add(dossier.code)
            db.state.owners.set(owner, codes)
          }
          return record
        }),
      ),
    commit: (change) =>
      atomic(
        db,
        Effect.gen(function* () {
          const current = db.state.dossiers.get(change.code)
          if (current === undefined || current.version !== change.expectedVersion) {
            return yield* Effect.fail(
              new VersionConflict({
                code: change.code,
                expectedVersion: change.expectedVersion,
                actualVersion: current?.version,
              }),
            )
          }
          return yield* write(change, current.version + 1, current)
        }),
      ),
    get: (code) =>
      atomic(
        db,
        Effect.suspend(() => {
          const found = db.state.dossiers.get(code)
          return found ? Effect.succeed(found) : Effect.fail(new DossierNotFound({ code }))
        }),
      ),
    workQueue: (query) =>
      atomic(
        db,
        Effect.sync(() => {
          const units = query.unitCodes ?? []
          return [...db.state.dossiers.values()]
            .filter(
              ({ summary: s }) =>
                s.currentRole === query.role &&
                query.agencyCodes.includes(s.agencyCode) &&
                (units.length === 0 || (s.unitCode !== null && units.includes(s.unitCode))),
            )
            .sort((a, b) => compareDue(a.summary.dueAt, b.summary.dueAt) || (a.code < b.code ? -1 : 1))
            .slice(0, Math.max(0, query.limit))
            .map(({ code, version, summary }) => ({ code, version, summary }))
        }),
      ),
    ownedBy: (ownerId, limit) =>
      atomic(
        db,
        Effect.sync(() =>
          [...(db.state.owners.get(ownerId) ?? [])]
            .flatMap((code) => {
              const record = db.state.dossiers.get(code)
              return record === undefined ? [] : [record]
            })
            .sort((a, b) =>
              a.createdAt === b.createdAt ? (a.code < b.code ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
            )
            .slice(0, Math.max(0, limit))
            .map(({ code, version, summary }) => ({ code, version, summary })),
        ),
      ),
    nextDailySequence: (agencyCode, day) =>
      atomic(
        db,
        Effect.sync(() => {
          const key = `${agencyCode}\u0000${day}`
          const next = (db.state.sequences.get(key) ?? 0) + 1
          db.state.sequences.set(key, next)
          return next
        }),
      ),
  }
}

/** Earliest due first, no due date last (the order the SQL adapter uses too). */
const compareDue = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1

export const makeMemoryIdempotencyStore = (db: MemoryDatabaseShape): IdempotencyStoreShape => ({
  remember: (request, compute) =>
    atomic(
      db,
      Effect.gen(function* () {
        const key = `${request.scope}\u0000${request.key}`
        const stored = db.state.idempotency.get(key)
        if (stored !== undefined) {
          if (stored.requestHash !== request.requestHash) {
            return yield* Effect.fail(new IdempotencyKeyReused({ scope: request.scope, key: request.key }))
          }
          return JSON.parse(stored.response)
        }
        const answer = yield* compute
        db.state.idempotency.set(key, { requestHash: request.requestHash, response: JSON.stringify(answer) })
        return answer
      }),
    ),
})

export const makeMemoryAuditLog = (db: MemoryDatabaseShape): AuditLogShape => ({
  read: (query) =>
    atomic(
      db,
      Effect.sync(() =>
        db.state.audit
          .filter(
            (e) =>
              e.seq <= db.state.head.seq &&
              (query.dossierCode === undefined || e.dossierCode === query.dossierCode) &&
              (query.actor === undefined || e.actor === query.actor) &&
              (query.actionPrefix === undefined || e.action.startsWith(query.actionPrefix)) &&
              (query.afterSeq === undefined || e.seq > query.afterSeq),
          )
          .slice(0, Math.max(0, query.limit)),
      ),
    ),
  append: (dossierCode, entries) =>
    atomic(
      db,
      Effect.sync(() => appendAudit(db, dossierCode, entries)),
    ),
  verifyChain: () =>
    atomic(
      db,
      Effect.sync(() => verifyChain(db.state.audit, db.state.head)),
    ),
})

export const makeMemoryOutbox = (db: MemoryDatabaseShape): OutboxShape => {
  /** Changes the row only while `workerId` holds it: a late answer from a relay whose lease was taken over is not. */
  const settle = <A extends string>(
    id: number,
    workerId: string,
    change: (row: MemoryOutboxRow) => [MemoryOutboxRow, A],
  ) =>
    atomic(
      db,
      Effect.sync((): A | "lease-lost" => {
        const row = db.state.outbox.get(id)
        if (row === undefined || row.status !== "claimed" || row.claimedBy !== workerId) return "lease-lost"
        const [changed, outcome] = change(row)
        db.state.outbox.set(id, changed)
        return outcome
      }),
    )
  const complete = (id: number, workerId: string) =>
    Effect.flatMap(Clock.currentTimeMillis, (millis) =>
      settle(id, workerId, (row) => [
        { ...row, status: "done", leaseUntil: null, completedAt: instantOf(millis) },
        "completed" as const,
      ]),
    )
  const claim = (
    workerId: string,
    limit: number,
    leaseMs: number,
    maxAttempts = DEFAULT_MAX_ATTEMPTS,
    topic?: string,
  ) =>
    atomic(
      db,
      Effect.map(Clock.currentTimeMillis, (millis) => {
        const at = instantOf(millis)
        const leaseUntil = instantOf(millis + leaseMs)
        const expired = (r: MemoryOutboxRow) => r.status === "claimed" && r.leaseUntil !== null && r.leaseUntil <= at
        const due = (r: MemoryOutboxRow) => (r.status === "pending" && r.availableAt <= at) || expired(r)
        const dueTime = (r: MemoryOutboxRow) => (expired(r) ? (r.leaseUntil as string) : r.availableAt)
        for (const r of db.state.outbox.values()) {
          if (due(r) && (r.attempts >= maxAttempts || r.attempts - r.failures >= MAX_LEASE_EXPIRIES)) {
            db.state.outbox.set(r.id, { ...r, status: "dead", claimedBy: null, leaseUntil: null })
          }
        }
        // the first row of each ordering key that is not done: only it may be claimed
        const heads = new Map<string, number>()
        for (const r of db.state.outbox.values())
          if (r.orderingKey !== null && r.status !== "done") {
            const head = heads.get(r.orderingKey)
            if (head === undefined || r.id < head) heads.set(r.orderingKey, r.id)
          }
        const inTurn = (r: MemoryOutboxRow) => r.orderingKey === null || heads.get(r.orderingKey) === r.id
        return (
          [...db.state.outbox.values()]
            .filter((r) => due(r) && inTurn(r) && (topic === undefined || r.topic === topic))
            // the rows whose lease ran out first (they were out already), then the others, oldest due first (as the
            // SQL storage claims)
            .sort(
              (a, b) =>
                Number(!expired(a)) - Number(!expired(b)) || dueTime(a).localeCompare(dueTime(b)) || a.id - b.id,
            )
            .slice(0, Math.max(0, limit))
            .sort((a, b) => a.id - b.id)
            .map((row) => {
              const claimed: MemoryOutboxRow = {
                ...row,
                status: "claimed",
                claimedBy: workerId,
                leaseUntil,
                attempts: row.attempts + 1,
              }
              db.state.outbox.set(row.id, claimed)
              const { id, topic, dossierCode, payload, attempts, lastError } = claimed
              return { id, topic, dossierCode, payload, attempts, lastError }
            })
        )
      }),
    )
  const completeMany = (ids: ReadonlyArray<number>, workerId: string) =>
    Effect.map(
      Effect.forEach(ids, (id) => Effect.map(complete(id, workerId), (outcome) => ({ id, outcome }))),
      (outcomes) => outcomes.filter((o) => o.outcome === "lease-lost").map((o) => o.id),
    )
  return {
    claim,
    complete,
    completeMany,
    completeAndClaim: (completed, workerId, limit, leaseMs, maxAttempts, topic) =>
      atomic(
        db,
        Effect.flatMap(completeMany(completed, workerId), (lost) =>
          Effect.map(claim(workerId, limit, leaseMs, maxAttempts, topic), (messages) => ({ lost, messages })),
        ),
      ),
    fail: (id, workerId, error, retryAt, maxAttempts = DEFAULT_MAX_ATTEMPTS, permanent = false) =>
      settle(id, workerId, (row) => {
        const dead = permanent || row.attempts >= maxAttempts
        return [
          {
            ...row,
            status: dead ? "dead" : "pending",
            failures: row.failures + 1,
            availableAt: retryAt,
            claimedBy: null,
            leaseUntil: null,
            lastError: error,
          },
          dead ? ("dead" as const) : ("retry" as const),
        ]
      }),
    list: (query) =>
      atomic(
        db,
        Effect.sync(() =>
          [...db.state.outbox.values()]
            .filter(
              (r) =>
                (query.status === undefined || r.status === query.status) &&
                (query.topic === undefined || r.topic === query.topic) &&
                (query.dossierCode === undefined || r.dossierCode === query.dossierCode) &&
                (query.afterId === undefined || r.id > query.afterId),
            )
            .sort((a, b) => a.id - b.id)
            .slice(0, Math.max(0, query.limit))
            .map((r) => ({
              id: r.id,
              topic: r.topic,
              dossierCode: r.dossierCode,
              status: r.status,
              attempts: r.attempts,
              lastError: r.lastError,
              createdAt: r.createdAt,
              availableAt: r.availableAt,
              completedAt: r.completedAt,
              claimedBy: r.claimedBy,
              orderingKey: r.orderingKey,
            })),
        ),
      ),
    retryDead: (which) =>
      atomic(
        db,
        Effect.map(Clock.currentTimeMillis, (millis) => {
          const wanted = which === "all" ? undefined : new Set(which)
          const retried: number[] = []
          for (const r of [...db.state.outbox.values()].sort((a, b) => a.id - b.id))
            if (r.status === "dead" && (wanted === undefined || wanted.has(r.id))) {
              db.state.outbox.set(r.id, {
                ...r,
                status: "pending",
                attempts: 0,
                failures: 0,
                availableAt: instantOf(millis),
              })
              retried.push(r.id)
            }
          return retried
        }),
      ),
    enqueue: (dossierCode, messages) =>
      atomic(
        db,
        Effect.map(Clock.currentTimeMillis, (millis) => enqueue(db, dossierCode, instantOf(millis), messages)),
      ),
    backlog: () =>
      atomic(
        db,
        Effect.map(Clock.currentTimeMillis, (millis) => {
          const at = instantOf(millis)
          let pending = 0
          let claimed = 0
          let dead = 0
          let oldestDueAt: string | null = null
          for (const r of db.state.outbox.values()) {
            if (r.status === "pending") pending++
            else if (r.status === "claimed") claimed++
            else if (r.status === "dead") dead++
            if ((r.status === "pending" || r.status === "claimed") && r.dueAt <= at)
              if (oldestDueAt === null || r.dueAt < oldestDueAt) oldestDueAt = r.dueAt
          }
          return { pending, claimed, dead, oldestDueAt }
        }),
      ),
  }
}

/** Bytes the principal has put and not yet attached. */
function stagedBytesOf(db: MemoryDatabaseShape, principalId: string): number {
  let total = 0
  for (const { meta } of db.state.documents.values())
    if (meta.dossierCode === null && meta.uploadedBy === principalId) total += meta.size
  return total
}

export const makeMemoryDocumentStore = (db: MemoryDatabaseShape): DocumentStoreShape => ({
  put: (bytes, declaredType, uploader, options) =>
    Effect.gen(function* () {
      const checked = checkDocument(bytes, declaredType, db.maxDocumentBytes)
      if (checked instanceof Error) return yield* Effect.fail(checked)
      const id = idForPut(options)
      if (id instanceof StoreUnavailable) return yield* Effect.fail(id)
      const createdAt = yield* now
      const meta: DocumentMeta = {
        id,
        ...checked,
        createdAt,
        dossierCode: null,
        uploadedBy: uploader?.principalId ?? null,
      }
      // the quota is checked and the document stored in one atomic step, so concurrent uploads cannot both fit
      yield* atomic(
        db,
        Effect.suspend((): Effect.Effect<void, DocumentRejected | StoreUnavailable> => {
          const limit = uploader?.stagedBytesLimit
          if (uploader !== undefined && limit !== undefined) {
            const staged = stagedBytesOf(db, uploader.principalId)
            if (staged + meta.size > limit) return Effect.fail(quotaExceeded(staged, meta.size, limit))
          }
          if (db.state.documents.has(meta.id)) return Effect.fail(idInUse(meta.id))
          db.state.documents.set(meta.id, { meta, bytes: bytes.slice() })
          return Effect.void
        }),
      )
      return meta
    }),
  get: (id) =>
    atomic(
      db,
      Effect.suspend(() => {
        const doc = db.state.documents.get(id)
        return doc
          ? Effect.succeed({ meta: doc.meta, bytes: doc.bytes.slice() })
          : Effect.fail(new DocumentNotFound({ id }))
      }),
    ),
  sweepOrphans: (olderThanMs) =>
    atomic(
      db,
      Effect.map(Clock.currentTimeMillis, (millis) => {
        const cutoff = instantOf(millis - olderThanMs)
        let removed = 0
        for (const [id, doc] of db.state.documents) {
          if (doc.meta.dossierCode === null && doc.meta.createdAt <= cutoff) {
            db.state.documents.delete(id)
            removed += 1
          }
        }
        return removed
      }),
    ),
})

export const makeMemoryDigitisedPaperStore = (db: MemoryDatabaseShape): DigitisedPaperStoreShape => ({
  add: (paper) =>
    atomic(
      db,
      Effect.suspend(() => {
        const taken = db.state.papers.some(
          (p) =>
            p.dossierCode === paper.dossierCode && p.documentId === paper.documentId && p.version === paper.version,
        )
        if (taken)
          return Effect.fail(
            new PaperVersionTaken({
              dossierCode: paper.dossierCode,
              documentId: paper.documentId,
              version: paper.version,
            }),
          )
        db.state.papers.push({ ...paper })
        return Effect.void
      }),
    ),
  list: (dossierCode) =>
    atomic(
      db,
      Effect.sync(() => db.state.papers.filter((p) => p.dossierCode === dossierCode).sort(byDocumentThenVersion)),
    ),
})

export const makeMemoryDossierListing = (db: MemoryDatabaseShape): DossierListingShape => ({
  page: (afterCode, limit) =>
    atomic(
      db,
      Effect.sync(() =>
        [...db.state.dossiers.values()]
          .filter((d) => d.code > afterCode)
          .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
          .slice(0, Math.max(0, Math.trunc(limit)))
          .map((d) => ({ code: d.code, statusCode: d.summary.statusCode, snapshot: d.snapshot })),
      ),
    ),
})

const within = (at: string | undefined, from: string | undefined, to: string | undefined) =>
  at !== undefined &&
  (from === undefined || Date.parse(at) >= Date.parse(from)) &&
  (to === undefined || Date.parse(at) < Date.parse(to))

const byInstant =
  <T>(at: (t: T) => string) =>
  (a: T, b: T) =>
    Date.parse(at(a)) - Date.parse(at(b))

export const makeMemoryPaymentStore = (db: MemoryDatabaseShape): PaymentStoreShape => {
  const p = () => db.state.payments
  const run = <A>(f: () => A) => atomic(db, Effect.sync(f))
  const balanceOf = (code: string): PaymentBalance => p().balances.get(code) ?? { paid: 0, refunded: 0 }
  return {
    addRequest: (request) =>
      atomic(
        db,
        Effect.suspend(() => {
          if (p().requests.has(request.id) || [...p().requests.values()].some((r) => r.reference === request.reference))
            return Effect.fail(
              new StoreUnavailable({ operation: "add payment request", cause: "duplicate id or reference" }),
            )
          p().requests.set(request.id, request)
          return Effect.void
        }),
      ),
    request: (id) => run(() => p().requests.get(id)),
    requestByReference: (reference) => run(() => [...p().requests.values()].find((r) => r.reference === reference)),
    requestsOf: (code) =>
      run(() => [...p().requests.values()].filter((r) => r.dossierCode === code).sort(byInstant((r) => r.createdAt))),
    pendingRequests: ({ createdBefore, limit }) =>
      run(() =>
        [...p().requests.values()]
          .filter((r) => r.status === "pending" && Date.parse(r.createdAt) <= Date.parse(createdBefore))
          .sort(byInstant((r) => r.createdAt))
          .slice(0, limit),
      ),
    requestsOfCentre: (centreId, from, to) =>
      run(() =>
        [...p().requests.values()]
          .filter((r) => r.centreId === centreId && (within(r.createdAt, from, to) || within(r.paidAt, from, to)))
          .sort(byInstant((r) => r.createdAt)),
      ),
    updateRequest: (request, from) =>
      run(() => {
        if (p().requests.get(request.id)?.status !== from) return false
        p().requests.set(request.id, request)
        return true
      }),
    addMessage: (message) =>
      run(() => {
        const key = message.key === undefined ? undefined : `${message.channel} ${message.key}`
        const firstId = key === undefined ? undefined : p().messageKeys.get(key)
        const first = firstId === undefined ? undefined : p().messages.get(firstId)
        if (first !== undefined) return { recorded: false as const, first }
        p().messages.set(message.id, message)
        if (key !== undefined) p().messageKeys.set(key, message.id)
        return { recorded: true as const }
      }),
    updateMessage: (message) =>
      run(() => {
        p().messages.set(message.id, message)
      }),
    message: (id) => run(() => p().messages.get(id)),
    messages: (f) =>
      run(() =>
        [...p().messages.values()]
          .filter(
            (m) =>
              (f.outcome === undefined || m.outcome === f.outcome) &&
              (f.centreId === undefined || m.centreId === f.centreId) &&
              (f.unresolved !== true || (m.outcome === "held" && m.resolution === undefined)) &&
              (f.from === undefined && f.to === undefined ? true : within(m.receivedAt, f.from, f.to)),
          )
          .sort(byInstant((m) => m.receivedAt))
          .slice(0, f.limit ?? Number.MAX_SAFE_INTEGER),
      ),
    resolveMessage: (id, resolution) =>
      run(() => {
        const m = p().messages.get(id)
        if (m === undefined || m.outcome !== "held") return false
        if ((resolution === undefined) === (m.resolution === undefined)) return false
        const { resolution: _, ...rest } = m
        p().messages.set(id, resolution === undefined ? rest : { ...rest, resolution })
        return true
      }),
    addConfirmation: (c) =>
      run(() => {
        if (p().confirmations.has(c.paymentId)) return false
        p().confirmations.set(c.paymentId, c)
        const b = balanceOf(c.dossierCode)
        p().balances.set(c.dossierCode, { ...b, paid: b.paid + c.amount })
        return true
      }),
    confirmations: (f) =>
      run(() =>
        [...p().confirmations.values()]
          .filter(
            (c) =>
              (f.centreId === undefined || c.centreId === f.centreId) &&
              (f.dossierCode === undefined || c.dossierCode === f.dossierCode) &&
              (f.from === undefined && f.to === undefined ? true : within(c.paidAt, f.from, f.to)),
          )
          .sort(byInstant((c) => c.paidAt)),
      ),
    balance: (code) => run(() => balanceOf(code)),
    addRefund: (refund) =>
      run(() => {
        if (refund.dossierCode !== undefined) {
          const b = balanceOf(refund.dossierCode)
          if (b.paid - b.refunded < refund.amount) return { added: false as const, balance: b }
          p().balances.set(refund.dossierCode, { ...b, refunded: b.refunded + refund.amount })
        }
        p().refunds.set(refund.id, refund)
        return { added: true as const }
      }),
    decideRefund: (id, d) =>
      run(() => {
        const r = p().refunds.get(id)
        if (r === undefined || r.status !== "requested") return undefined
        const decided: RefundRecord = { ...r, status: d.status, decidedBy: d.by, decidedAt: d.at, decisionNote: d.note }
        p().refunds.set(id, decided)
        if (d.status === "rejected" && r.dossierCode !== undefined) {
          const b = balanceOf(r.dossierCode)
          p().balances.set(r.dossierCode, { ...b, refunded: b.refunded - r.amount })
        }
        return decided
      }),
    payRefund: (id, payout) =>
      run(() => {
        const r = p().refunds.get(id)
        if (r === undefined || r.status !== "approved") return { paid: false as const, reason: "not-approved" as const }
        const used = [...p().refunds.values()].some(
          (o) => o.centreId === r.centreId && o.payout?.bankReference === payout.bankReference,
        )
        if (used) return { paid: false as const, reason: "reference-used" as const }
        const paid: RefundRecord = { ...r, status: "paid", payout }
        p().refunds.set(id, paid)
        return { paid: true as const, refund: paid }
      }),
    refund: (id) => run(() => p().refunds.get(id)),
    refunds: (f) =>
      run(() =>
        [...p().refunds.values()]
          .filter(
            (r) =>
              (f.centreId === undefined || r.centreId === f.centreId) &&
              (f.dossierCode === undefined || r.dossierCode === f.dossierCode) &&
              (f.status === undefined || r.status === f.status),
          )
          .sort(byInstant((r) => r.requestedAt)),
      ),
    issueReceipt: (draft) =>
      run(() => {
        const key = `${draft.centreId} ${draft.series}`
        const number = (p().series.get(key) ?? 0) + 1
        p().series.set(key, number)
        const receipt: ReceiptRecord = { ...draft, number }
        p().receipts.set(receipt.id, receipt)
        return receipt
      }),
    cancelReceipt: (id, cancelled, replacedBy) =>
      run(() => {
        const r = p().receipts.get(id)
        if (r === undefined || r.status !== "issued") return false
        p().receipts.set(id, {
          ...r,
          status: "cancelled",
          cancelled,
          ...(replacedBy === undefined ? {} : { replacedBy }),
        })
        return true
      }),
    receipt: (id) => run(() => p().receipts.get(id)),
    statementCursor: (centreId) => run(() => p().statementCursors.get(centreId)),
    saveStatementCursor: (centreId, cursor) => run(() => void p().statementCursors.set(centreId, cursor)),
    recordEInvoice: (id, einvoice) =>
      run(() => {
        const r = p().receipts.get(id)
        if (r !== undefined) p().receipts.set(id, { ...r, einvoice })
      }),
    receipts: (f) =>
      run(() =>
        [...p().receipts.values()]
          .filter(
            (r) =>
              (f.centreId === undefined || r.centreId === f.centreId) &&
              (f.dossierCode === undefined || r.dossierCode === f.dossierCode) &&
              (f.from === undefined && f.to === undefined ? true : within(r.issuedAt, f.from, f.to)),
          )
          .sort((a, b) => byInstant<ReceiptRecord>((r) => r.issuedAt)(a, b) || a.number - b.number),
      ),
  }
}
