// The workload of storage.bench.ts: full dossier lifecycles, written through the storage adapter and, as the
// floor to compare with, as the same SQL statements issued raw (better-sqlite3 statements prepared once; plain `pg`
// queries) in the same transactions, with the same serialisation and the same audit hashing.
//
// A lifecycle: create a dossier (1 audit entry, 1 outbox row), then COMMITS transitions; each one updates the
// snapshot and summary with the version check, appends one audit entry (hash-chained) and inserts 1 or 2 outbox rows.
// Halfway through, the dossier is read back (get) and its officer's work queue is listed. The inputs are built
// before timing starts, once per round, and both sides are given the same objects.
import {
  type AuditEntryInput,
  type DossierCommit,
  DossierStore,
  type DossierSummary,
  type NewDossier,
  type OutboxMessageInput,
  type StoragePorts,
} from "@motcua/application"
import { Effect } from "effect"
import type { PostgresFloor } from "../floors/postgres.ts"
import { checkRawHash as checkFloorHash } from "../floors/sql.ts"
import type { SqliteFloor } from "../floors/sqlite.ts"
import type { RowsPerLifecycle } from "../harness/rows.ts"

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

/** Rows one lifecycle writes, for the row checks (harness/rows.ts). */
export const STORAGE_ROWS: RowsPerLifecycle = { audit: AUDIT_PER_LIFECYCLE, outbox: OUTBOX_PER_LIFECYCLE }

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
// The raw floors (floors/): the same statements, by hand, with the same serialisation and hashing.

/** One lifecycle on the SQLite floor: one transaction per create or commit, the read-back halfway. */
export function rawSqliteLifecycle(floor: SqliteFloor): (lifecycle: Lifecycle) => void {
  return (lifecycle) => {
    floor.transaction(() => floor.create(lifecycle.create))
    for (let i = 0; i < lifecycle.commits.length; i += 1) {
      const change = lifecycle.commits[i] as DossierCommit
      floor.transaction(() => floor.commit(change))
      if (i + 1 === READ_AFTER) {
        const row = floor.load(lifecycle.code)
        const queue = floor.workQueue(lifecycle.readRole, AGENCY, QUEUE_LIMIT)
        if (row.version !== READ_AFTER + 1 || !queue.some((item) => item.code === lifecycle.code)) {
          throw new Error(`read back ${lifecycle.code} wrong`)
        }
      }
    }
  }
}

/** One lifecycle on the PostgreSQL floor. */
export function rawPgLifecycle(floor: PostgresFloor): (lifecycle: Lifecycle) => Promise<void> {
  return async (lifecycle) => {
    await floor.transaction((client) => floor.create(client, lifecycle.create))
    for (let i = 0; i < lifecycle.commits.length; i += 1) {
      const change = lifecycle.commits[i] as DossierCommit
      await floor.transaction((client) => floor.commit(client, change))
      if (i + 1 === READ_AFTER) {
        const row = await floor.load(floor.pool, lifecycle.code)
        const queue = await floor.workQueue(lifecycle.readRole, AGENCY, QUEUE_LIMIT)
        if (row.version !== READ_AFTER + 1 || !queue.some((item) => item.code === lifecycle.code)) {
          throw new Error(`read back ${lifecycle.code} wrong`)
        }
      }
    }
  }
}

/** Checks once that the floor hashes audit entries as the chain does. */
export function checkRawHash(lifecycle: Lifecycle): void {
  const input = lifecycle.create.audit[0]
  if (input === undefined) throw new Error("no audit entry")
  checkFloorHash(lifecycle.code, input)
}
