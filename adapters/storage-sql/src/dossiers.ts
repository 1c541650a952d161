// Dossiers: the snapshot with its summary columns (for queues and lists), optimistic versions, work queues and the
// daily sequence numbers of dossier codes (DossierStore port). A create or commit writes, in one transaction, the
// dossier row and what the change carries: document links (document-store.ts), audit entries (audit-chain.ts) and
// outbox rows (outbox.ts).
import {
  type DocumentNotFound,
  type DocumentNotOwned,
  DossierAlreadyExists,
  type DossierCommit,
  DossierNotFound,
  type DossierRecord,
  type DossierStoreShape,
  type DossierSummary,
  type NewDossier,
  StoreUnavailable,
  VersionConflict,
  validateSummary,
} from "@motcua/application"
import { Effect } from "effect"
import { type Kysely, type Selectable, sql } from "kysely"
import { type AuditQueries, appendAudit } from "./audit-chain.ts"
import { attachDocuments, type DocumentQueries, documentIdsOf } from "./document-store.ts"
import { enqueueOutbox, type OutboxQueries } from "./outbox.ts"
import { type PreparedQuery, param, prepare } from "./prepared.ts"
import { ask, failed, type Outcome, ok, type Program } from "./program.ts"
import type { DB, DossierTable } from "./schema.ts"
import { affected, parseJson, type StorageContext } from "./storage-context.ts"
import { plainlyValidSummary } from "./summary.ts"

const summaryColumns = (s: DossierSummary) => ({
  status_code: s.statusCode,
  state: s.state,
  procedure_code: s.procedureCode,
  agency_code: s.agencyCode,
  unit_code: s.unitCode,
  current_role: s.currentRole,
  due_at: s.dueAt,
  appointment_at: s.appointmentAt,
  fee_total_dong: s.feeTotal,
})

const summaryOf = (row: Selectable<DossierTable>): DossierSummary => ({
  statusCode: row.status_code,
  state: row.state,
  procedureCode: row.procedure_code,
  agencyCode: row.agency_code,
  unitCode: row.unit_code,
  currentRole: row.current_role,
  dueAt: row.due_at,
  appointmentAt: row.appointment_at,
  feeTotal: Number(row.fee_total_dong),
})

export function prepareDossierQueries(db: Kysely<DB>) {
  const p = <T = never>(name: string) => param<T>(name)
  const summarySlots = {
    status_code: p<number>("status_code"),
    state: p<string>("state"),
    procedure_code: p<string>("procedure_code"),
    agency_code: p<string>("agency_code"),
    unit_code: p<string | null>("unit_code"),
    current_role: p<string | null>("current_role"),
    due_at: p<string | null>("due_at"),
    appointment_at: p<string | null>("appointment_at"),
    fee_total_dong: p<number>("fee_total_dong"),
  }
  return {
    getDossier: prepare(db.selectFrom("dossier").selectAll().where("code", "=", p("code")).compile()),
    insertDossier: prepare(
      db
        .insertInto("dossier")
        .values({
          code: p("code"),
          version: 1,
          ...summarySlots,
          snapshot: p("snapshot"),
          created_at: p("at"),
          updated_at: p("at"),
        })
        .onConflict((oc) => oc.column("code").doNothing())
        .compile(),
    ),
    updateDossier: prepare(
      db
        .updateTable("dossier")
        .set({ version: sql`version + 1`, ...summarySlots, snapshot: p("snapshot"), updated_at: p("at") })
        .where("code", "=", p("code"))
        .where("version", "=", p("expected_version"))
        .returning(["version", "created_at"])
        .compile(),
    ),
    dossierVersion: prepare(db.selectFrom("dossier").select("version").where("code", "=", p("code")).compile()),
    insertOwner: prepare(
      db
        .insertInto("dossier_owner")
        .values({ owner_id: p("owner"), dossier_code: p("code"), created_at: p("at") })
        .onConflict((oc) => oc.columns(["owner_id", "dossier_code"]).doNothing())
        .compile(),
    ),
    ownedBy: prepare(
      db
        .selectFrom("dossier_owner")
        .innerJoin("dossier", "dossier.code", "dossier_owner.dossier_code")
        .selectAll("dossier")
        .where("dossier_owner.owner_id", "=", p("owner"))
        .orderBy("dossier_owner.created_at", "desc")
        .orderBy("dossier_owner.dossier_code", "desc")
        .limit(p<number>("limit"))
        .compile(),
    ),
    nextSequence: prepare(
      db
        .insertInto("daily_sequence")
        .values({ agency_code: p("agency_code"), day: p("day"), value: 1 })
        .onConflict((oc) => oc.columns(["agency_code", "day"]).doUpdateSet({ value: sql`daily_sequence.value + 1` }))
        .returning("value")
        .compile(),
    ),
  } satisfies Record<string, PreparedQuery<unknown>>
}

export type DossierQueries = ReturnType<typeof prepareDossierQueries>

export interface DossierQueriesOfAChange {
  readonly dossiers: DossierQueries
  readonly documents: DocumentQueries
  readonly audit: AuditQueries
  readonly outbox: OutboxQueries
}

export function makeDossierStore(ctx: StorageContext, q: DossierQueriesOfAChange): DossierStoreShape {
  const { db, runProgram } = ctx

  /** Document links, audit entries and outbox rows of a create or commit, inside its transaction. */
  function* writeAttachments(
    change: NewDossier,
  ): Program<Outcome<ReadonlyArray<string>, DocumentNotFound | DocumentNotOwned | StoreUnavailable>> {
    const attached = yield* attachDocuments(
      q.documents,
      change.code,
      change.at,
      change.documentIds ?? [],
      change.attachedBy,
    )
    if (!attached.ok) return attached
    const audited = yield* appendAudit(q.audit, change.code, change.audit)
    if (!audited.ok) return audited
    yield* enqueueOutbox(q.outbox, change.code, change.at, change.outbox)
    return ok(yield* documentIdsOf(q.documents, change.code))
  }

  const columnValues = (change: NewDossier, summary: DossierSummary) => ({
    code: change.code,
    ...summaryColumns(summary),
    snapshot: JSON.stringify(change.snapshot),
    at: change.at,
  })

  function* createProgram(
    dossier: NewDossier,
    summary: DossierSummary,
  ): Program<Outcome<DossierRecord, DossierAlreadyExists | DocumentNotFound | DocumentNotOwned | StoreUnavailable>> {
    const inserted = yield* ask(q.dossiers.insertDossier, columnValues(dossier, summary))
    if (affected(inserted) !== 1) return failed(new DossierAlreadyExists({ code: dossier.code }))
    for (const owner of new Set(dossier.owners ?? []))
      yield* ask(q.dossiers.insertOwner, { owner, code: dossier.code, at: dossier.at })
    const attached = yield* writeAttachments(dossier)
    if (!attached.ok) return attached
    return ok({
      code: dossier.code,
      version: 1,
      snapshot: dossier.snapshot,
      summary,
      createdAt: dossier.at,
      updatedAt: dossier.at,
      documentIds: attached.value,
    })
  }

  function* commitProgram(
    change: DossierCommit,
    summary: DossierSummary,
  ): Program<Outcome<DossierRecord, VersionConflict | DocumentNotFound | DocumentNotOwned | StoreUnavailable>> {
    const values: Record<string, unknown> = columnValues(change, summary)
    values.expected_version = change.expectedVersion
    const row = (yield* ask(q.dossiers.updateDossier, values)).rows[0]
    if (row === undefined) {
      const stored = yield* ask(q.dossiers.dossierVersion, { code: change.code })
      return failed(
        new VersionConflict({
          code: change.code,
          expectedVersion: change.expectedVersion,
          actualVersion: stored.rows[0]?.version,
        }),
      )
    }
    const attached = yield* writeAttachments(change)
    if (!attached.ok) return attached
    return ok({
      code: change.code,
      version: Number(row.version),
      snapshot: change.snapshot,
      summary,
      createdAt: row.created_at,
      updatedAt: change.at,
      documentIds: attached.value,
    })
  }

  function* getProgram(code: string): Program<Outcome<DossierRecord, DossierNotFound>> {
    const row = (yield* ask(q.dossiers.getDossier, { code })).rows[0]
    if (row === undefined) return failed(new DossierNotFound({ code }))
    const documentIds = yield* documentIdsOf(q.documents, code)
    return ok({
      code: row.code,
      version: Number(row.version),
      snapshot: parseJson(row.snapshot, `snapshot of ${code}`),
      summary: summaryOf(row),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      documentIds,
    })
  }

  /**
   * The summary to write: recognised as valid by the plain checks (summary.ts), or decoded by the Schema, which
   * gives the DecodeError with every problem's path.
   */
  const checkedSummary = <A, E>(change: NewDossier, then: (summary: DossierSummary) => Effect.Effect<A, E>) =>
    Effect.suspend(() => {
      const plain = plainlyValidSummary(change.summary)
      return plain !== undefined ? then(plain) : Effect.flatMap(validateSummary(change.summary, change.code), then)
    })

  // Work-queue queries differ only in how many agencies and units they list: each shape is compiled once.
  const queueQueries = new Map<string, PreparedQuery<Selectable<DossierTable>>>()
  const queueQuery = (agencies: number, units: number) => {
    const key = `${agencies}:${units}`
    let query = queueQueries.get(key)
    if (query === undefined) {
      const slots = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => param<string>(`${prefix}${i}`))
      query = prepare(
        db
          .selectFrom("dossier")
          .selectAll()
          .where("current_role", "=", param<string>("role"))
          .where("agency_code", "in", slots("agency", agencies))
          .$if(units > 0, (qb) => qb.where("unit_code", "in", slots("unit", units)))
          // Earliest due first, dossiers without a due instant last (both dialects sort NULL differently).
          .orderBy(sql`case when due_at is null then 1 else 0 end`)
          .orderBy("due_at")
          .orderBy("code")
          .limit(param<number>("limit"))
          .compile(),
      )
      // Callers list a handful of agencies; a caller listing ever new counts cannot grow the cache without bound.
      if (queueQueries.size >= 64) queueQueries.clear()
      queueQueries.set(key, query)
    }
    return query
  }

  return {
    create: (dossier) =>
      checkedSummary(dossier, (summary) => runProgram("create dossier", true, () => createProgram(dossier, summary))),
    commit: (change) =>
      checkedSummary(change, (summary) => runProgram("commit dossier", true, () => commitProgram(change, summary))),
    get: (code) => runProgram("get dossier", false, () => getProgram(code)),
    workQueue: (query) => {
      const units = query.unitCodes ?? []
      if (query.agencyCodes.length === 0 || query.limit <= 0) return Effect.succeed([])
      return runProgram("work queue", false, function* () {
        const values: Record<string, unknown> = { role: query.role, limit: Math.trunc(query.limit) }
        query.agencyCodes.forEach((agency, i) => {
          values[`agency${i}`] = agency
        })
        units.forEach((unit, i) => {
          values[`unit${i}`] = unit
        })
        const { rows } = yield* ask(queueQuery(query.agencyCodes.length, units.length), values)
        return ok(rows.map((row) => ({ code: row.code, version: Number(row.version), summary: summaryOf(row) })))
      })
    },
    ownedBy: (ownerId, limit) =>
      limit <= 0
        ? Effect.succeed([])
        : runProgram("dossiers of an owner", false, function* () {
            const { rows } = yield* ask(q.dossiers.ownedBy, { owner: ownerId, limit: Math.trunc(limit) })
            return ok(rows.map((row) => ({ code: row.code, version: Number(row.version), summary: summaryOf(row) })))
          }),
    nextDailySequence: (agencyCode, day) =>
      runProgram("daily sequence", false, function* () {
        const value = (yield* ask(q.dossiers.nextSequence, { agency_code: agencyCode, day })).rows[0]?.value
        return value === undefined
          ? failed(new StoreUnavailable({ operation: "daily sequence", cause: "no value returned" }))
          : ok(Number(value))
      }),
  }
}
