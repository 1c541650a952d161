// The use-case-level workload of bench/lifecycle.bench.ts: a real dossier of a Quảng Ninh procedure (permanent
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
// specialist's work queue is read. The signature reads the staged document (row and file, checked by its hash).
//
// How the floor gets its inputs: a planner runs the same use cases on the application's in-memory ports (same clock,
// same principals, the same staged document ids) and records what they hand to the storage ports (the new dossier,
// each commit, each idempotent request and its answer). The floor then does, per lifecycle, only what a
// hand-written store must: serialise, hash, and issue the statements. Both sides write the same audit entries, so
// their chains end at the same head hash (checked after every round).
import { createHash } from "node:crypto"
import { readFile, writeFile } from "node:fs/promises"
import { join } from "node:path"
import {
  accept,
  approve,
  CallLog,
  CatalogStore,
  Clock,
  canonicalJson,
  completeStep,
  confirmPayment,
  type DocumentMeta,
  DocumentStore,
  type DossierCommit,
  DossierStore,
  type DossierStoreShape,
  fileOnline,
  IdempotencyStore,
  type IdempotencyStoreShape,
  Ids,
  instantOf,
  type Json,
  layerMemoryStorage,
  MemoryDatabase,
  markResultReady,
  type NewDossier,
  requestHash,
  returnResult,
  Signer,
  sign,
  workQueue,
} from "@motcua/application"
import { principals, residenceFiling } from "@motcua/application/testing"
import type Database from "better-sqlite3"
import { Effect, Layer, ManagedRuntime } from "effect"
import type pg from "pg"
import { rawAuditHash } from "./lifecycle.ts"

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
    }
  | { readonly kind: "sign"; readonly documentId: string; readonly commit: DossierCommit }
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
            } else if (
              staged !== undefined &&
              change.documentIds?.[0] === staged.id &&
              !ops.some((op) => op.kind === "sign")
            ) {
              ops.push({ kind: "sign", documentId: staged.id, commit: change })
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
  // The recording stores over the in-memory ones; the other storage ports and the services as they are.
  const memory = layerMemoryStorage()
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(memory, Layer.provide(Layer.merge(recording, idempotency), memory), servicesLayer(data, clock)),
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
// The raw floors.

/** The SQL the adapter issues on SQLite (kysely's compiled text, checked against the adapter's at start). */
export const SQL = {
  begin: "begin immediate",
  commit: "commit",
  rollback: "rollback",
  idempotencyInsert:
    'insert into "idempotency" ("scope", "idem_key", "request_hash", "response", "created_at") values (?, ?, ?, ?, ?) on conflict ("scope", "idem_key") do nothing',
  idempotencyAnswer: 'update "idempotency" set "response" = ? where "scope" = ? and "idem_key" = ?',
  nextSequence:
    'insert into "daily_sequence" ("agency_code", "day", "value") values (?, ?, ?) on conflict ("agency_code", "day") do update set "value" = daily_sequence.value + 1 returning "value"',
  insertDossier:
    'insert into "dossier" ("code", "version", "status_code", "state", "procedure_code", "agency_code", "unit_code", "current_role", "due_at", "appointment_at", "fee_total_dong", "snapshot", "created_at", "updated_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict ("code") do nothing',
  updateDossier:
    'update "dossier" set "version" = version + 1, "status_code" = ?, "state" = ?, "procedure_code" = ?, "agency_code" = ?, "unit_code" = ?, "current_role" = ?, "due_at" = ?, "appointment_at" = ?, "fee_total_dong" = ?, "snapshot" = ?, "updated_at" = ? where "code" = ? and "version" = ? returning "version", "created_at"',
  attachDocument:
    'update "document" set "dossier_code" = ?, "attached_at" = coalesce(attached_at, ?) where "id" = ? and (("dossier_code" is null and ("uploaded_by" is null or "uploaded_by" = ?)) or "dossier_code" = ?)',
  readHead: 'select "last_seq", "last_hash" from "audit_head" where "id" = ?',
  insertAudit:
    'insert into "audit_entry" ("seq", "at", "dossier_code", "actor", "action", "detail", "prev_hash", "hash") values (?, ?, ?, ?, ?, ?, ?, ?)',
  updateHead: 'update "audit_head" set "last_seq" = ?, "last_hash" = ? where "id" = ?',
  insertOutbox:
    'insert into "outbox" ("topic", "dossier_code", "payload", "status", "attempts", "available_at", "created_at") values (?, ?, ?, ?, ?, ?, ?)',
  documentIds: 'select "id" from "document" where "dossier_code" = ? order by "attached_at", "id"',
  getDossier: 'select * from "dossier" where "code" = ?',
  getDocument: 'select * from "document" where "id" = ?',
  insertDocument:
    'insert into "document" ("id", "sha256", "size", "media_type", "created_at", "dossier_code", "attached_at") values (?, ?, ?, ?, ?, ?, ?)',
  workQueue:
    'select * from "dossier" where "current_role" = ? and "agency_code" in (?) order by case when due_at is null then 1 else 0 end, "due_at", "code" limit ?',
} as const

type SqlName = keyof typeof SQL

const summaryValues = (change: NewDossier) => {
  const s = change.summary
  return [
    s.statusCode,
    s.state,
    s.procedureCode,
    s.agencyCode,
    s.unitCode,
    s.currentRole,
    s.dueAt,
    s.appointmentAt,
    s.feeTotal,
  ] as const
}

/** The documents folder of the raw side: the staged result files are read back at signature time. */
export interface RawDocuments {
  readonly dir: string
}

const documentPath = (docs: RawDocuments, id: string) => join(docs.dir, id)

/** Stages the planned documents in the floor's database and folder (before timing, like the adapter's put). */
export async function stageRawDocuments(
  planned: ReadonlyArray<PlannedLifecycle>,
  docs: RawDocuments,
  insert: (values: ReadonlyArray<unknown>) => Promise<void> | void,
) {
  for (const { item } of planned) {
    const bytes = resultPdf(item.n)
    await writeFile(documentPath(docs, item.documentId), bytes)
    const meta = stagedMeta(item.documentId, bytes)
    await insert([meta.id, meta.sha256, meta.size, meta.mediaType, meta.createdAt, null, null])
  }
}

const checkDocumentBytes = (bytes: Uint8Array, row: { sha256: string }) => {
  const digest = createHash("sha256").update(bytes).digest("hex")
  if (digest !== row.sha256 || bytes[0] !== 0x25) throw new Error("the staged document changed")
}

/** better-sqlite3, statements prepared once, BEGIN IMMEDIATE … COMMIT per transaction. */
export function rawSqliteUseCases(db: Database.Database, docs: RawDocuments) {
  const s = Object.fromEntries(Object.entries(SQL).map(([name, text]) => [name, db.prepare(text)])) as Record<
    SqlName,
    Database.Statement
  >
  const transaction = <A>(f: () => A): A => {
    s.begin.run()
    try {
      const result = f()
      s.commit.run()
      return result
    } catch (error) {
      s.rollback.run()
      throw error
    }
  }
  const attachments = (change: NewDossier) => {
    for (const id of change.documentIds ?? []) {
      if (s.attachDocument.run(change.code, change.at, id, change.attachedBy ?? "", change.code).changes !== 1) {
        throw new Error(`document ${id} missing`)
      }
    }
    const head = s.readHead.get(1) as { last_seq: number; last_hash: string }
    let seq = head.last_seq
    let hash = head.last_hash
    for (const input of change.audit) {
      seq += 1
      const detail = canonicalJson(input.detail)
      const next = rawAuditHash(hash, seq, change.code, input, detail)
      s.insertAudit.run(seq, input.at, change.code, input.actor, input.action, detail, hash, next)
      hash = next
    }
    s.updateHead.run(seq, hash, 1)
    for (const message of change.outbox) {
      s.insertOutbox.run(
        message.topic,
        change.code,
        JSON.stringify(message.payload),
        "pending",
        0,
        message.availableAt ?? change.at,
        change.at,
      )
    }
    s.documentIds.all(change.code)
  }
  const update = (change: DossierCommit) => {
    const row = s.updateDossier.get(
      ...summaryValues(change),
      JSON.stringify(change.snapshot),
      change.at,
      change.code,
      change.expectedVersion,
    )
    if (row === undefined) throw new Error(`version conflict on ${change.code}`)
    attachments(change)
  }
  const load = (code: string) => {
    const row = s.getDossier.get(code) as { snapshot: string; version: number } | undefined
    if (row === undefined) throw new Error(`${code} not found`)
    JSON.parse(row.snapshot)
    s.documentIds.all(code)
    return row
  }
  const claim = (scope: string, key: string, body: unknown, at: string) => {
    const claimed = s.idempotencyInsert.run(scope, key, requestHash(body), null, at)
    if (claimed.changes !== 1) throw new Error(`idempotency key ${key} exists`)
  }
  const answer = (scope: string, key: string, value: Json) => s.idempotencyAnswer.run(JSON.stringify(value), scope, key)

  return async (planned: PlannedLifecycle) => {
    for (const op of planned.ops) {
      switch (op.kind) {
        case "file":
          transaction(() => {
            claim(op.scope, op.key, op.body, op.at)
            const sequence = (s.nextSequence.get(op.dossier.summary.agencyCode, op.day, 1) as { value: number }).value
            if (!op.dossier.code.endsWith(`-${String(sequence).padStart(4, "0")}`)) {
              throw new Error(`sequence ${sequence} for ${op.dossier.code}`)
            }
            const change = op.dossier
            const inserted = s.insertDossier.run(
              change.code,
              1,
              ...summaryValues(change),
              JSON.stringify(change.snapshot),
              change.at,
              change.at,
            )
            if (inserted.changes !== 1) throw new Error(`${change.code} exists`)
            attachments(change)
            answer(op.scope, op.key, op.answer)
          })
          break
        case "act":
          load(op.commit.code)
          transaction(() => update(op.commit))
          break
        case "idempotent-act":
          transaction(() => {
            claim(op.scope, op.key, op.body, op.at)
            load(op.commit.code)
            update(op.commit)
            answer(op.scope, op.key, op.answer)
          })
          break
        case "sign": {
          load(op.commit.code)
          const row = s.getDocument.get(op.documentId) as { sha256: string } | undefined
          if (row === undefined) throw new Error(`document ${op.documentId} missing`)
          checkDocumentBytes(await readFile(documentPath(docs, op.documentId)), row)
          transaction(() => update(op.commit))
          break
        }
        case "queue": {
          const rows = s.workQueue.all(op.role, op.agencyCode, op.limit) as { code: string }[]
          if (!rows.some((r) => r.code === planned.code)) throw new Error(`${planned.code} not queued`)
          break
        }
      }
    }
  }
}

/** PostgreSQL's numbered placeholders; the head is read FOR UPDATE there, as the adapter does. */
export const PG_SQL: Record<SqlName, string> = Object.fromEntries(
  Object.entries(SQL).map(([name, text]) => {
    let n = 0
    const numbered = text.replace(/\?/g, () => `$${++n}`)
    return [name, name === "begin" ? "begin" : name === "readHead" ? `${numbered} for update` : numbered]
  }),
) as Record<SqlName, string>

/** pg: one pooled client per transaction (BEGIN … COMMIT), reads on the pool, as the adapter does. */
export function rawPgUseCases(pool: pg.Pool, docs: RawDocuments) {
  const q = PG_SQL
  const transaction = async <A>(f: (client: pg.PoolClient) => Promise<A>): Promise<A> => {
    const client = await pool.connect()
    try {
      await client.query(q.begin)
      try {
        const result = await f(client)
        await client.query(q.commit)
        return result
      } catch (error) {
        await client.query(q.rollback)
        throw error
      }
    } finally {
      client.release()
    }
  }
  const attachments = async (client: pg.PoolClient, change: NewDossier) => {
    for (const id of change.documentIds ?? []) {
      const attached = await client.query(q.attachDocument, [
        change.code,
        change.at,
        id,
        change.attachedBy ?? "",
        change.code,
      ])
      if (attached.rowCount !== 1) throw new Error(`document ${id} missing`)
    }
    const head = (await client.query(q.readHead, [1])).rows[0] as { last_seq: number | string; last_hash: string }
    let seq = Number(head.last_seq)
    let hash = head.last_hash
    for (const input of change.audit) {
      seq += 1
      const detail = canonicalJson(input.detail)
      const next = rawAuditHash(hash, seq, change.code, input, detail)
      await client.query(q.insertAudit, [seq, input.at, change.code, input.actor, input.action, detail, hash, next])
      hash = next
    }
    await client.query(q.updateHead, [seq, hash, 1])
    for (const message of change.outbox) {
      await client.query(q.insertOutbox, [
        message.topic,
        change.code,
        JSON.stringify(message.payload),
        "pending",
        0,
        message.availableAt ?? change.at,
        change.at,
      ])
    }
    await client.query(q.documentIds, [change.code])
  }
  const update = async (client: pg.PoolClient, change: DossierCommit) => {
    const updated = await client.query(q.updateDossier, [
      ...summaryValues(change),
      JSON.stringify(change.snapshot),
      change.at,
      change.code,
      change.expectedVersion,
    ])
    if (updated.rows.length !== 1) throw new Error(`version conflict on ${change.code}`)
    await attachments(client, change)
  }
  const load = async (on: pg.Pool | pg.PoolClient, code: string) => {
    const row = (await on.query(q.getDossier, [code])).rows[0] as { snapshot: string } | undefined
    if (row === undefined) throw new Error(`${code} not found`)
    JSON.parse(row.snapshot)
    await on.query(q.documentIds, [code])
  }
  const claim = async (client: pg.PoolClient, scope: string, key: string, body: unknown, at: string) => {
    const claimed = await client.query(q.idempotencyInsert, [scope, key, requestHash(body), null, at])
    if (claimed.rowCount !== 1) throw new Error(`idempotency key ${key} exists`)
  }
  const answer = (client: pg.PoolClient, scope: string, key: string, value: Json) =>
    client.query(q.idempotencyAnswer, [JSON.stringify(value), scope, key])

  return async (planned: PlannedLifecycle) => {
    for (const op of planned.ops) {
      switch (op.kind) {
        case "file":
          await transaction(async (client) => {
            await claim(client, op.scope, op.key, op.body, op.at)
            const change = op.dossier
            const sequence = (await client.query(q.nextSequence, [change.summary.agencyCode, op.day, 1])).rows[0]
              ?.value as number
            if (!change.code.endsWith(`-${String(sequence).padStart(4, "0")}`)) {
              throw new Error(`sequence ${sequence} for ${change.code}`)
            }
            const inserted = await client.query(q.insertDossier, [
              change.code,
              1,
              ...summaryValues(change),
              JSON.stringify(change.snapshot),
              change.at,
              change.at,
            ])
            if (inserted.rowCount !== 1) throw new Error(`${change.code} exists`)
            await attachments(client, change)
            await answer(client, op.scope, op.key, op.answer)
          })
          break
        case "act":
          await load(pool, op.commit.code)
          await transaction((client) => update(client, op.commit))
          break
        case "idempotent-act":
          await transaction(async (client) => {
            await claim(client, op.scope, op.key, op.body, op.at)
            await load(client, op.commit.code)
            await update(client, op.commit)
            await answer(client, op.scope, op.key, op.answer)
          })
          break
        case "sign": {
          await load(pool, op.commit.code)
          const row = (await pool.query(q.getDocument, [op.documentId])).rows[0] as { sha256: string } | undefined
          if (row === undefined) throw new Error(`document ${op.documentId} missing`)
          checkDocumentBytes(await readFile(documentPath(docs, op.documentId)), row)
          await transaction((client) => update(client, op.commit))
          break
        }
        case "queue": {
          const rows = (await pool.query(q.workQueue, [op.role, op.agencyCode, op.limit])).rows as { code: string }[]
          if (!rows.some((r) => r.code === planned.code)) throw new Error(`${planned.code} not queued`)
          break
        }
      }
    }
  }
}
