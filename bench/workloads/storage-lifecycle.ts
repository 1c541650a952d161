// The workload of bench/storage.bench.ts: full dossier lifecycles, written through the storage adapter and, as the
// floor to compare with, as the same SQL statements issued raw (better-sqlite3 statements prepared once; plain `pg`
// queries) in the same transactions, with the same serialisation and the same audit hashing.
//
// A lifecycle: create a dossier (1 audit entry, 1 outbox row), then COMMITS transitions; each one updates the
// snapshot and summary with the version check, appends one audit entry (hash-chained) and inserts 1 or 2 outbox rows.
// Halfway through, the dossier is read back (get) and its officer's work queue is listed. The inputs are built
// before timing starts, once per round, and both sides are given the same objects.
import { createHash } from "node:crypto"
import {
  type AuditEntryInput,
  auditHash,
  canonicalJson,
  type DossierCommit,
  DossierStore,
  type DossierSummary,
  type NewDossier,
  type OutboxMessageInput,
  type StoragePorts,
} from "@motcua/application"
import type Database from "better-sqlite3"
import { Effect } from "effect"
import type pg from "pg"

export const AGENCY = "000.00.22.H49"
export const COMMITS = 8
/** After this many commits the lifecycle reads the dossier and the work queue of the role it waits for. */
export const READ_AFTER = 4
const QUEUE_LIMIT = 20

export interface Lifecycle {
  readonly code: string
  readonly create: NewDossier
  readonly commits: ReadonlyArray<DossierCommit>
  /** The role whose work queue is read after READ_AFTER commits. */
  readonly readRole: string
}

const STEPS: ReadonlyArray<{ state: string; status: number; role: string | null; action: string; outbox: number }> = [
  { state: "received", status: 2, role: "reception", action: "dossier.filed", outbox: 1 },
  { state: "accepted", status: 3, role: "specialist", action: "dossier.accepted", outbox: 2 },
  { state: "processing.appraisal", status: 4, role: "specialist", action: "dossier.assigned", outbox: 1 },
  { state: "processing.review", status: 4, role: "head", action: "dossier.appraised", outbox: 2 },
  { state: "processing.approval", status: 4, role: "leader", action: "dossier.reviewed", outbox: 1 },
  { state: "processing.signing", status: 4, role: "clerk", action: "dossier.approved", outbox: 2 },
  { state: "result.ready", status: 5, role: "reception", action: "dossier.signed", outbox: 1 },
  { state: "result.returning", status: 9, role: "reception", action: "dossier.result-ready", outbox: 2 },
  { state: "done", status: 10, role: null, action: "dossier.returned", outbox: 1 },
]

/** Outbox rows one lifecycle writes (create included). */
export const OUTBOX_PER_LIFECYCLE = STEPS.reduce((sum, step) => sum + step.outbox, 0)
/** Audit entries one lifecycle writes: one per transition, the creation included. */
export const AUDIT_PER_LIFECYCLE = STEPS.length

const instant = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 1, minutes)).toISOString()

/** The inputs of lifecycles number `first` … `first + count - 1` (codes are unique per number). */
export function planLifecycles(first: number, count: number): Lifecycle[] {
  const out: Lifecycle[] = []
  for (let n = first; n < first + count; n += 1) {
    const code = `${AGENCY}-261123-${String(n).padStart(7, "0")}`
    const changes = STEPS.map((step, i) => {
      const at = instant(i * 7)
      const summary: DossierSummary = {
        statusCode: step.status,
        state: step.state,
        procedureCode: "1.004222",
        agencyCode: AGENCY,
        unitCode: i % 2 === 0 ? null : "22.H49.06",
        currentRole: step.role,
        dueAt: step.role === null ? null : instant(i * 7 + 2880),
        appointmentAt: instant(20_160),
        feeTotal: 50_000,
      }
      // A snapshot of the size a dossier machine's persisted state has: the state, the applicant, the fees and
      // the history of who did what.
      const snapshot = {
        value: step.state,
        context: {
          applicant: { name: "Nguyễn Văn A", idNumber: "022090001234", phone: "0912345678" },
          procedureCode: "1.004222",
          fees: [{ code: "LP01", amount: 50_000, paid: i > 0 }],
          supplements: 0,
          history: STEPS.slice(0, i + 1).map((s, j) => ({ at: instant(j * 7), action: s.action, by: `officer-${j}` })),
        },
      }
      // Keys in sorted order, so JSON.stringify and the canonical form are the same text.
      const audit: AuditEntryInput[] = [
        {
          at,
          actor: `officer-${i}`,
          action: step.action,
          detail: { from: STEPS[i - 1]?.state ?? null, to: step.state },
        },
      ]
      const outbox = Array.from(
        { length: step.outbox },
        (_, k): OutboxMessageInput =>
          k === 0
            ? { topic: "portal.sync", payload: { code, status: step.status, at } }
            : { topic: "notify.sms", payload: { code, text: `Hồ sơ ${code}: ${step.state}` } },
      )
      return { code, snapshot, summary, at, audit, outbox }
    })
    const [create, ...rest] = changes
    if (create === undefined) throw new Error("no steps")
    out.push({
      code,
      create,
      commits: rest.map((change, i) => ({ ...change, expectedVersion: i + 1 })),
      readRole: STEPS[READ_AFTER]?.role ?? "leader",
    })
  }
  return out
}

/** Rows the databases must hold after `lifecycles` lifecycles. */
export const expectedRows = (lifecycles: number) => ({
  dossiers: lifecycles,
  audit: lifecycles * AUDIT_PER_LIFECYCLE,
  outbox: lifecycles * OUTBOX_PER_LIFECYCLE,
})

export interface RowCounts {
  readonly dossiers: number
  readonly audit: number
  readonly outbox: number
  /** The audit chain's head hash: equal on both sides when both wrote the same entries in the same order. */
  readonly headHash: string
}

// ---------------------------------------------------------------------------------------------------------------
// Through the adapter.

/** One lifecycle written through the storage ports. */
export const portsLifecycle = (lifecycle: Lifecycle): Effect.Effect<void, unknown, StoragePorts> =>
  Effect.gen(function* () {
    const store = yield* DossierStore
    yield* store.create(lifecycle.create)
    for (let i = 0; i < lifecycle.commits.length; i += 1) {
      yield* store.commit(lifecycle.commits[i] as DossierCommit)
      if (i + 1 === READ_AFTER) yield* readBack(lifecycle)
    }
  })

const readBack = (lifecycle: Lifecycle) =>
  Effect.gen(function* () {
    const store = yield* DossierStore
    const record = yield* store.get(lifecycle.code)
    if (record.version !== READ_AFTER + 1) return yield* Effect.die(`read ${lifecycle.code} at ${record.version}`)
    const queue = yield* store.workQueue({ role: lifecycle.readRole, agencyCodes: [AGENCY], limit: QUEUE_LIMIT })
    if (!queue.some((item) => item.code === lifecycle.code)) {
      return yield* Effect.die(`${lifecycle.code} is not in the ${lifecycle.readRole} work queue`)
    }
  })

// A use-case-level variant (the same lifecycle through the application's use cases: file the dossier, then each
// transition) goes here as `useCaseLifecycle`, with the same signature as `portsLifecycle`, once the use cases
// exist; bench/storage.bench.ts then measures it against the same raw floors.

// ---------------------------------------------------------------------------------------------------------------
// The raw floors: the same statements, written by hand, with the same serialisation and hashing.

/** The SQL the adapter issues on SQLite (kysely's compiled text), with `?` placeholders. */
export const SQL = {
  begin: "begin immediate",
  commit: "commit",
  rollback: "rollback",
  insertDossier:
    'insert into "dossier" ("code", "version", "status_code", "state", "procedure_code", "agency_code", "unit_code", "current_role", "due_at", "appointment_at", "fee_total_dong", "snapshot", "created_at", "updated_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict ("code") do nothing',
  updateDossier:
    'update "dossier" set "version" = version + 1, "status_code" = ?, "state" = ?, "procedure_code" = ?, "agency_code" = ?, "unit_code" = ?, "current_role" = ?, "due_at" = ?, "appointment_at" = ?, "fee_total_dong" = ?, "snapshot" = ?, "updated_at" = ? where "code" = ? and "version" = ? returning "version", "created_at"',
  readHead: 'select "last_seq", "last_hash" from "audit_head" where "id" = ?',
  insertAudit:
    'insert into "audit_entry" ("seq", "at", "dossier_code", "actor", "action", "detail", "prev_hash", "hash") values (?, ?, ?, ?, ?, ?, ?, ?)',
  updateHead: 'update "audit_head" set "last_seq" = ?, "last_hash" = ? where "id" = ?',
  insertOutbox:
    'insert into "outbox" ("topic", "dossier_code", "payload", "status", "attempts", "available_at", "created_at") values (?, ?, ?, ?, ?, ?, ?)',
  documentIds: 'select "id" from "document" where "dossier_code" = ? order by "attached_at", "id"',
  getDossier: 'select * from "dossier" where "code" = ?',
  workQueue:
    'select * from "dossier" where "current_role" = ? and "agency_code" in (?) order by case when due_at is null then 1 else 0 end, "due_at", "code" limit ?',
} as const

/** The audit hash as a hand-written store would compute it: the canonical text built directly, hashed once. */
export function rawAuditHash(
  prevHash: string,
  seq: number,
  dossierCode: string,
  input: AuditEntryInput,
  detailText: string,
) {
  const text = `${prevHash}\n{"action":${JSON.stringify(input.action)},"actor":${JSON.stringify(input.actor)},"at":${JSON.stringify(input.at)},"detail":${detailText},"dossierCode":${JSON.stringify(dossierCode)},"seq":${seq}}`
  return createHash("sha256").update(text).digest("hex")
}

/** Checks once that the floor's hash is the chain's hash (audit-chain.ts), so both sides do the same work. */
export function checkRawHash(lifecycle: Lifecycle): void {
  const input = lifecycle.create.audit[0]
  if (input === undefined) throw new Error("no audit entry")
  const expected = auditHash("0".repeat(64), { ...input, seq: 7, dossierCode: lifecycle.code })
  const actual = rawAuditHash("0".repeat(64), 7, lifecycle.code, input, canonicalJson(input.detail))
  if (actual !== expected) throw new Error("the raw floor's audit hash differs from the chain's")
}

const summaryValues = (s: DossierSummary) =>
  [
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

/** better-sqlite3, statements prepared once, one BEGIN IMMEDIATE … COMMIT per create or commit. */
export function rawSqliteLifecycle(db: Database.Database): (lifecycle: Lifecycle) => void {
  const s = Object.fromEntries(Object.entries(SQL).map(([name, text]) => [name, db.prepare(text)])) as Record<
    keyof typeof SQL,
    Database.Statement
  >
  const transaction = (f: () => void) => {
    s.begin.run()
    try {
      f()
      s.commit.run()
    } catch (error) {
      s.rollback.run()
      throw error
    }
  }
  const attachments = (change: NewDossier) => {
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
  return (lifecycle) => {
    const create = lifecycle.create
    transaction(() => {
      const inserted = s.insertDossier.run(
        create.code,
        1,
        ...summaryValues(create.summary),
        JSON.stringify(create.snapshot),
        create.at,
        create.at,
      )
      if (inserted.changes !== 1) throw new Error(`${create.code} exists`)
      attachments(create)
    })
    for (let i = 0; i < lifecycle.commits.length; i += 1) {
      const change = lifecycle.commits[i] as DossierCommit
      transaction(() => {
        const row = s.updateDossier.get(
          ...summaryValues(change.summary),
          JSON.stringify(change.snapshot),
          change.at,
          change.code,
          change.expectedVersion,
        )
        if (row === undefined) throw new Error(`version conflict on ${change.code}`)
        attachments(change)
      })
      if (i + 1 === READ_AFTER) {
        const row = s.getDossier.get(lifecycle.code) as { snapshot: string; version: number }
        JSON.parse(row.snapshot)
        s.documentIds.all(lifecycle.code)
        const queue = s.workQueue.all(lifecycle.readRole, AGENCY, QUEUE_LIMIT) as { code: string }[]
        if (row.version !== READ_AFTER + 1 || !queue.some((item) => item.code === lifecycle.code)) {
          throw new Error(`read back ${lifecycle.code} wrong`)
        }
      }
    }
  }
}

/** The same SQL with PostgreSQL's numbered placeholders (the head is read FOR UPDATE there, as the adapter does). */
export const PG_SQL: Record<keyof typeof SQL, string> = Object.fromEntries(
  Object.entries(SQL).map(([name, text]) => {
    let n = 0
    const numbered = text.replace(/\?/g, () => `$${++n}`)
    return [name, name === "begin" ? "begin" : name === "readHead" ? `${numbered} for update` : numbered]
  }),
) as Record<keyof typeof SQL, string>

/** pg, one pooled client per transaction (BEGIN … COMMIT), reads on the pool. */
export function rawPgLifecycle(pool: pg.Pool): (lifecycle: Lifecycle) => Promise<void> {
  const q = PG_SQL
  const transaction = async (f: (client: pg.PoolClient) => Promise<void>) => {
    const client = await pool.connect()
    try {
      await client.query(q.begin)
      try {
        await f(client)
        await client.query(q.commit)
      } catch (error) {
        await client.query(q.rollback)
        throw error
      }
    } finally {
      client.release()
    }
  }
  const attachments = async (client: pg.PoolClient, change: NewDossier) => {
    const head = (await client.query(q.readHead, [1])).rows[0] as { last_seq: number; last_hash: string }
    let seq = head.last_seq
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
  return async (lifecycle) => {
    const create = lifecycle.create
    await transaction(async (client) => {
      const inserted = await client.query(q.insertDossier, [
        create.code,
        1,
        ...summaryValues(create.summary),
        JSON.stringify(create.snapshot),
        create.at,
        create.at,
      ])
      if (inserted.rowCount !== 1) throw new Error(`${create.code} exists`)
      await attachments(client, create)
    })
    for (let i = 0; i < lifecycle.commits.length; i += 1) {
      const change = lifecycle.commits[i] as DossierCommit
      await transaction(async (client) => {
        const updated = await client.query(q.updateDossier, [
          ...summaryValues(change.summary),
          JSON.stringify(change.snapshot),
          change.at,
          change.code,
          change.expectedVersion,
        ])
        if (updated.rows.length !== 1) throw new Error(`version conflict on ${change.code}`)
        await attachments(client, change)
      })
      if (i + 1 === READ_AFTER) {
        const row = (await pool.query(q.getDossier, [lifecycle.code])).rows[0] as { snapshot: string; version: number }
        JSON.parse(row.snapshot)
        await pool.query(q.documentIds, [lifecycle.code])
        const queue = (await pool.query(q.workQueue, [lifecycle.readRole, AGENCY, QUEUE_LIMIT])).rows as {
          code: string
        }[]
        if (row.version !== READ_AFTER + 1 || !queue.some((item) => item.code === lifecycle.code)) {
          throw new Error(`read back ${lifecycle.code} wrong`)
        }
      }
    }
  }
}
