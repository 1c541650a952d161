// The storage ports over one Kysely<DB>, for both dialects. The differences are few and named where they occur:
// row locks (`FOR UPDATE`, `SKIP LOCKED`) exist only on PostgreSQL; on SQLite a transaction holds the database's
// single write lock from its start (BEGIN IMMEDIATE, see connection.ts), which gives the same guarantees.
//
// Transactions: UnitOfWork.transaction starts one transaction (connection.ts) and puts its executor in the fiber's
// context (CurrentSqlTransaction); every port method of the same storage called inside it runs on that
// transaction, and methods that need atomicity on their own (create, commit, remember) start one when called outside.
//
// Queries are built with kysely and compiled; the hot paths (create, commit, get, claim, remember, sequences,
// documents) are compiled once at start-up (prepared.ts).
import { randomUUID } from "node:crypto"
import {
  type AuditEntry,
  type AuditLogShape,
  type ChainHead,
  type ChainReport,
  canonicalJson,
  chainVerifier,
  checkDocument,
  DEFAULT_MAX_ATTEMPTS,
  type DocumentMediaType,
  type DocumentMeta,
  DocumentNotFound,
  DocumentNotOwned,
  type DocumentStoreShape,
  DossierAlreadyExists,
  type DossierCommit,
  DossierNotFound,
  type DossierRecord,
  type DossierStoreShape,
  type DossierSummary,
  IdempotencyKeyReused,
  type IdempotencyStoreShape,
  instantOf,
  type Json,
  type NewDossier,
  type OutboxMessage,
  type OutboxShape,
  quotaExceeded,
  StoreUnavailable,
  type UnitOfWorkShape,
  VersionConflict,
  validateSummary,
} from "@motcua/application"
import { Clock, Context, Effect } from "effect"
import { type ExpressionBuilder, type Kysely, type Selectable, sql } from "kysely"
import { auditHashOf } from "./audit-hash.ts"
import { type Connection, type Executor, runOn } from "./connection.ts"
import { listDocumentFiles, readDocumentFile, removeDocumentFile, removeFile, writeDocumentFile } from "./documents.ts"
import { bind, type PreparedQuery, param, prepare } from "./prepared.ts"
import { ask, failed, type Outcome, ok, type Program } from "./program.ts"
import type { DB, Dialect, DossierTable } from "./schema.ts"
import { plainlyValidSummary } from "./summary.ts"

export interface SqlStorageConfig {
  readonly dialect: Dialect
  /** Folder for document files. */
  readonly documentsDir: string
  readonly maxDocumentBytes: number
}

export interface SqlStoragePorts {
  readonly unitOfWork: UnitOfWorkShape
  readonly dossierStore: DossierStoreShape
  readonly idempotencyStore: IdempotencyStoreShape
  readonly auditLog: AuditLogShape
  readonly outbox: OutboxShape
  readonly documentStore: DocumentStoreShape
}

interface CurrentTransaction {
  /** The storage that opened it: a transaction of one database is never used for another. */
  readonly owner: object
  readonly executor: Executor
}

const CurrentSqlTransaction = Context.Reference<CurrentTransaction | undefined>(
  "@motcua/storage-sql/CurrentTransaction",
  { defaultValue: () => undefined },
)

const attempt = <A>(operation: string, f: () => Promise<A>): Effect.Effect<A, StoreUnavailable> =>
  Effect.tryPromise({ try: f, catch: (cause) => new StoreUnavailable({ operation, cause }) })

const now = Effect.map(Clock.currentTimeMillis, instantOf)

const affected = (result: { readonly numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0n)

function parseJson(text: string, what: string): Json {
  try {
    return JSON.parse(text) as Json
  } catch (cause) {
    throw new Error(`stored ${what} is not JSON`, { cause })
  }
}

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

/** Every query of the hot paths, compiled once for the storage's dialect. */
function prepareQueries(db: Kysely<DB>, dialect: Dialect) {
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
  const headSelect = db.selectFrom("audit_head").select(["last_seq", "last_hash"]).where("id", "=", 1)
  const isDue = (eb: ExpressionBuilder<DB, "outbox">) =>
    eb.or([
      eb.and([eb("status", "=", "pending"), eb("available_at", "<=", p<string>("now"))]),
      eb.and([eb("status", "=", "claimed"), eb("lease_until", "<=", p<string>("now"))]),
    ])
  const dueSelect = db
    .selectFrom("outbox")
    .select("id")
    .where(isDue)
    .where("attempts", "<", p<number>("max_attempts"))
    .orderBy("id")
    .limit(p<number>("limit"))
  return {
    getDossier: prepare(db.selectFrom("dossier").selectAll().where("code", "=", p("code")).compile()),
    documentIds: prepare(
      db
        .selectFrom("document")
        .select("id")
        .where("dossier_code", "=", p("code"))
        .orderBy("attached_at")
        .orderBy("id")
        .compile(),
    ),
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
    attachDocument: prepare(
      db
        .updateTable("document")
        .set({ dossier_code: p("code"), attached_at: sql<string>`coalesce(attached_at, ${p<string>("at")})` })
        .where("id", "=", p("id"))
        .where((eb) =>
          eb.or([
            eb.and([
              eb("dossier_code", "is", null),
              eb.or([eb("uploaded_by", "is", null), eb("uploaded_by", "=", p<string>("by"))]),
            ]),
            eb("dossier_code", "=", p<string>("code")),
          ]),
        )
        .compile(),
    ),
    // The head row's lock serialises appends to the chain across connections (PostgreSQL); on SQLite the
    // transaction already holds the write lock.
    lockHead: prepare((dialect === "postgres" ? headSelect.forUpdate() : headSelect).compile()),
    readHead: prepare(headSelect.compile()),
    insertAudit: prepare(
      db
        .insertInto("audit_entry")
        .values({
          seq: p("seq"),
          at: p<string>("at"),
          dossier_code: p("dossier_code"),
          actor: p("actor"),
          action: p("action"),
          detail: p("detail"),
          prev_hash: p("prev_hash"),
          hash: p("hash"),
        })
        .compile(),
    ),
    updateHead: prepare(
      db
        .updateTable("audit_head")
        .set({ last_seq: p("seq"), last_hash: p("hash") })
        .where("id", "=", 1)
        .compile(),
    ),
    insertOutbox: prepare(
      db
        .insertInto("outbox")
        .values({
          topic: p("topic"),
          dossier_code: p("dossier_code"),
          payload: p("payload"),
          status: "pending",
          attempts: 0,
          available_at: p("available_at"),
          created_at: p("at"),
        })
        .compile(),
    ),
    // One statement: pick due rows and lease them. On PostgreSQL the rows another relay is claiming at the same
    // moment are skipped, not waited for; on SQLite statements never overlap.
    claim: prepare(
      db
        .updateTable("outbox")
        .set({
          status: "claimed",
          claimed_by: p("worker"),
          lease_until: p("lease_until"),
          attempts: sql`attempts + 1`,
        })
        .where("id", "in", dialect === "postgres" ? dueSelect.forUpdate().skipLocked() : dueSelect)
        .returning(["id", "topic", "dossier_code", "payload", "attempts", "last_error"])
        .compile(),
    ),
    // Rows that would be due again but have used their attempts (their relay died on them each time) are dead.
    buryExhausted: prepare(
      db
        .updateTable("outbox")
        .set({ status: "dead", claimed_by: null, lease_until: null })
        .where(isDue)
        .where("attempts", ">=", p<number>("max_attempts"))
        .compile(),
    ),
    // complete and fail change the row only while the worker holds it: a relay whose lease ran out and was taken
    // over must not settle the row over the new holder's delivery.
    complete: prepare(
      db
        .updateTable("outbox")
        .set({ status: "done", completed_at: p("now"), lease_until: null })
        .where("id", "=", p("id"))
        .where("status", "=", "claimed")
        .where("claimed_by", "=", p<string>("worker"))
        .compile(),
    ),
    fail: prepare(
      db
        .updateTable("outbox")
        .set({
          status: sql<string>`case when attempts >= ${p<number>("max_attempts")} then 'dead' else 'pending' end`,
          available_at: p("retry_at"),
          claimed_by: null,
          lease_until: null,
          last_error: p("error"),
        })
        .where("id", "=", p("id"))
        .where("status", "=", "claimed")
        .where("claimed_by", "=", p<string>("worker"))
        .returning("status")
        .compile(),
    ),
    idempotencyInsert: prepare(
      db
        .insertInto("idempotency")
        .values({
          scope: p("scope"),
          idem_key: p("key"),
          request_hash: p("request_hash"),
          response: null,
          created_at: p("at"),
        })
        .onConflict((oc) => oc.columns(["scope", "idem_key"]).doNothing())
        .compile(),
    ),
    idempotencySelect: prepare(
      db
        .selectFrom("idempotency")
        .select(["request_hash", "response"])
        .where("scope", "=", p("scope"))
        .where("idem_key", "=", p("key"))
        .compile(),
    ),
    idempotencyAnswer: prepare(
      db
        .updateTable("idempotency")
        .set({ response: p("response") })
        .where("scope", "=", p("scope"))
        .where("idem_key", "=", p("key"))
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
    insertDocument: prepare(
      db
        .insertInto("document")
        .values({
          id: p("id"),
          sha256: p("sha256"),
          size: p("size"),
          media_type: p("media_type"),
          created_at: p("at"),
          dossier_code: null,
          attached_at: null,
          uploaded_by: p("uploaded_by"),
        })
        .compile(),
    ),
    stagedBytesOf: prepare(
      db
        .selectFrom("document")
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("size"), eb.lit(0)).as("total"))
        .where("uploaded_by", "=", p("by"))
        .where("dossier_code", "is", null)
        .compile(),
    ),
    getDocument: prepare(db.selectFrom("document").selectAll().where("id", "=", p("id")).compile()),
    deleteStagedDocument: prepare(
      db.deleteFrom("document").where("id", "=", p("id")).where("dossier_code", "is", null).compile(),
    ),
    stagedBefore: prepare(
      db
        .selectFrom("document")
        .select("id")
        .where("dossier_code", "is", null)
        .where("created_at", "<=", p("cutoff"))
        .compile(),
    ),
  } satisfies Record<string, PreparedQuery<unknown>>
}

/**
 * The ports over one database. `db` is owned by the caller (the layer closes it); `connection` runs the queries
 * (connection.ts: kysely's executor on PostgreSQL, better-sqlite3 statements directly on SQLite).
 */
export function makeSqlStorage(db: Kysely<DB>, connection: Connection, config: SqlStorageConfig): SqlStoragePorts {
  const q = prepareQueries(db, config.dialect)
  const owner = {}

  /** Runs `f` on the current transaction of this storage, or outside any transaction. */
  const withDb = <A, E, R>(f: (x: Executor) => Effect.Effect<A, E, R>) =>
    Effect.flatMap(CurrentSqlTransaction, (current) =>
      current?.owner === owner ? f(current.executor) : connection.direct(f),
    )

  /** Runs `f` in a transaction: the current one of this storage, or a new one committed when `f` succeeds. */
  const inTransaction = <A, E, R>(
    operation: string,
    f: (x: Executor) => Effect.Effect<A, E, R>,
  ): Effect.Effect<A, E | StoreUnavailable, R> =>
    Effect.flatMap(CurrentSqlTransaction, (current) =>
      current?.owner === owner
        ? f(current.executor)
        : connection.transaction(operation, (executor) =>
            Effect.provideService(f(executor), CurrentSqlTransaction, { owner, executor }),
          ),
    )

  const exec = <Row>(operation: string, x: Executor, query: PreparedQuery<Row>, values: Record<string, unknown>) =>
    Effect.suspend(() => x.query(operation, bind(query, values)))

  /**
   * Runs a program (program.ts) on the current transaction of this storage, or on its own: in a transaction when
   * `transactional`. On SQLite the whole program runs synchronously (connection.ts).
   */
  const runProgram = <A, E>(operation: string, transactional: boolean, make: () => Program<Outcome<A, E>>) =>
    Effect.flatMap(CurrentSqlTransaction, (current) =>
      current?.owner === owner
        ? runOn(current.executor, operation, make)
        : connection.run(operation, transactional, make),
    )

  /**
   * Audit entries, outbox rows and document links of a create or commit, inside its transaction. Each audit
   * detail is serialised once, in canonical form: that text is stored and hashed (audit-hash.ts).
   */
  function* writeAttachments(
    change: NewDossier,
  ): Program<Outcome<ReadonlyArray<string>, DocumentNotFound | DocumentNotOwned | StoreUnavailable>> {
    for (const id of change.documentIds ?? []) {
      // a principal id is never the empty string, so without `attachedBy` only documents of no uploader match
      const linked = yield* ask(q.attachDocument, { id, code: change.code, at: change.at, by: change.attachedBy ?? "" })
      if (affected(linked) !== 1) {
        const row = (yield* ask(q.getDocument, { id })).rows[0]
        const foreign = row !== undefined && row.dossier_code === null && row.uploaded_by !== null
        return failed(foreign ? new DocumentNotOwned({ id }) : new DocumentNotFound({ id }))
      }
    }
    if (change.audit.length > 0) {
      const headRow = (yield* ask(q.lockHead, {})).rows[0]
      if (headRow === undefined) return failed(auditHeadMissing())
      let seq = Number(headRow.last_seq)
      let hash = headRow.last_hash
      for (const input of change.audit) {
        seq += 1
        const detail = canonicalJson(input.detail)
        const next = auditHashOf(hash, seq, change.code, input, detail)
        yield* ask(q.insertAudit, {
          seq,
          at: input.at,
          dossier_code: change.code,
          actor: input.actor,
          action: input.action,
          detail,
          prev_hash: hash,
          hash: next,
        })
        hash = next
      }
      yield* ask(q.updateHead, { seq, hash })
    }
    for (const message of change.outbox) {
      yield* ask(q.insertOutbox, {
        topic: message.topic,
        dossier_code: change.code,
        payload: JSON.stringify(message.payload),
        available_at: message.availableAt ?? change.at,
        at: change.at,
      })
    }
    const ids = yield* ask(q.documentIds, { code: change.code })
    return ok(ids.rows.map((row) => row.id))
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
    const inserted = yield* ask(q.insertDossier, columnValues(dossier, summary))
    if (affected(inserted) !== 1) return failed(new DossierAlreadyExists({ code: dossier.code }))
    for (const owner of new Set(dossier.owners ?? []))
      yield* ask(q.insertOwner, { owner, code: dossier.code, at: dossier.at })
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
    const row = (yield* ask(q.updateDossier, values)).rows[0]
    if (row === undefined) {
      const stored = yield* ask(q.dossierVersion, { code: change.code })
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
    const row = (yield* ask(q.getDossier, { code })).rows[0]
    if (row === undefined) return failed(new DossierNotFound({ code }))
    const ids = yield* ask(q.documentIds, { code })
    return ok({
      code: row.code,
      version: Number(row.version),
      snapshot: parseJson(row.snapshot, `snapshot of ${code}`),
      summary: summaryOf(row),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      documentIds: ids.rows.map((r) => r.id),
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

  const dossierStore: DossierStoreShape = {
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
            const { rows } = yield* ask(q.ownedBy, { owner: ownerId, limit: Math.trunc(limit) })
            return ok(rows.map((row) => ({ code: row.code, version: Number(row.version), summary: summaryOf(row) })))
          }),
    nextDailySequence: (agencyCode, day) =>
      runProgram("daily sequence", false, function* () {
        const value = (yield* ask(q.nextSequence, { agency_code: agencyCode, day })).rows[0]?.value
        return value === undefined
          ? failed(new StoreUnavailable({ operation: "daily sequence", cause: "no value returned" }))
          : ok(Number(value))
      }),
  }

  const idempotencyStore: IdempotencyStoreShape = {
    remember: (request, compute) =>
      inTransaction("idempotent request", (trx) =>
        Effect.gen(function* () {
          const at = yield* now
          const keys = { scope: request.scope, key: request.key }
          // Claim the key first. On PostgreSQL a concurrent first attempt waits here until the other transaction
          // ends, then finds its answer (or, if it rolled back, claims the key itself).
          const claimed = yield* exec("idempotent request", trx, q.idempotencyInsert, {
            ...keys,
            request_hash: request.requestHash,
            at,
          })
          if (affected(claimed) === 0) {
            const stored = (yield* exec("idempotent request", trx, q.idempotencySelect, keys)).rows[0]
            if (stored === undefined || stored.response === null) {
              return yield* Effect.fail(
                new StoreUnavailable({ operation: "idempotent request", cause: "the stored answer is missing" }),
              )
            }
            if (stored.request_hash !== request.requestHash) return yield* Effect.fail(new IdempotencyKeyReused(keys))
            return JSON.parse(stored.response)
          }
          const answer = yield* compute
          yield* exec("idempotent request", trx, q.idempotencyAnswer, { ...keys, response: JSON.stringify(answer) })
          return answer
        }),
      ),
  }

  const auditLog: AuditLogShape = {
    read: (query) =>
      withDb((k) =>
        k
          .query(
            "read audit",
            db
              .selectFrom("audit_entry")
              .selectAll()
              .$if(query.dossierCode !== undefined, (qb) => qb.where("dossier_code", "=", query.dossierCode ?? ""))
              .$if(query.afterSeq !== undefined, (qb) => qb.where("seq", ">", query.afterSeq ?? 0))
              // Up to the head, read in the same statement: a row beyond it was not appended by the store.
              .where("seq", "<=", (eb) => eb.selectFrom("audit_head").select("last_seq").where("id", "=", 1))
              .orderBy("seq")
              .limit(Math.max(0, Math.trunc(query.limit)))
              .compile(),
          )
          .pipe(Effect.map(({ rows }) => rows.map(auditEntryOf))),
      ),
    // Reads the head first, then the entries up to it in pages. Then looks for entries beyond that head: the head is
    // read again, and entries it now covers were appended meanwhile (verified on, up to the new head); an entry the
    // head still does not cover was written behind the store's back.
    verifyChain: () =>
      withDb((k) =>
        Effect.gen(function* () {
          const readHead = Effect.flatMap(exec("verify audit", k, q.readHead, {}), ({ rows }) => {
            const row = rows[0]
            return row === undefined
              ? Effect.fail(auditHeadMissing())
              : Effect.succeed<ChainHead>({ seq: Number(row.last_seq), hash: row.last_hash })
          })
          const firstBeyond = (seq: number) =>
            Effect.map(
              k.query(
                "verify audit",
                db.selectFrom("audit_entry").select("seq").where("seq", ">", seq).orderBy("seq").limit(1).compile(),
              ),
              ({ rows }) => (rows[0] === undefined ? undefined : Number(rows[0].seq)),
            )
          let head = yield* readHead
          const verifier = chainVerifier()
          let after = 0
          for (;;) {
            const { rows: page } = yield* k.query(
              "verify audit",
              db
                .selectFrom("audit_entry")
                .selectAll()
                .where("seq", ">", after)
                .where("seq", "<=", head.seq)
                .orderBy("seq")
                .limit(1000)
                .compile(),
            )
            for (const row of page) {
              let entry: AuditEntry
              try {
                entry = auditEntryOf(row)
              } catch {
                // A detail that no longer parses as JSON was edited.
                return { _tag: "Broken", seq: Number(row.seq), reason: "hash-mismatch" } satisfies ChainReport
              }
              if (!verifier.push(entry)) return verifier.finish(head)
            }
            const last = page.at(-1)
            if (last !== undefined && page.length === 1000) {
              after = Number(last.seq)
              continue
            }
            const beyond = yield* firstBeyond(head.seq)
            if (beyond === undefined) break
            const current = yield* readHead
            if (current.seq < beyond) {
              return { _tag: "Broken", seq: beyond, reason: "head-mismatch" } satisfies ChainReport
            }
            head = current
            after = last === undefined ? after : Number(last.seq)
          }
          return verifier.finish(head)
        }),
      ),
  }

  const outbox: OutboxShape = {
    claim: (workerId, limit, leaseMs, maxAttempts = DEFAULT_MAX_ATTEMPTS) =>
      Effect.flatMap(Clock.currentTimeMillis, (millis) =>
        runProgram("claim outbox", false, function* () {
          const at = instantOf(millis)
          yield* ask(q.buryExhausted, { now: at, max_attempts: maxAttempts })
          const result = yield* ask(q.claim, {
            worker: workerId,
            now: at,
            lease_until: instantOf(millis + leaseMs),
            limit: Math.max(0, Math.trunc(limit)),
            max_attempts: maxAttempts,
          })
          const messages: OutboxMessage[] = result.rows.map((row) => ({
            id: Number(row.id),
            topic: row.topic,
            dossierCode: row.dossier_code,
            payload: parseJson(row.payload, `outbox payload ${row.id}`),
            attempts: Number(row.attempts),
            lastError: row.last_error,
          }))
          return ok(messages.sort((a, b) => a.id - b.id))
        }),
      ),
    complete: (id, workerId) =>
      Effect.flatMap(now, (at) =>
        runProgram("complete outbox", false, function* () {
          const done = yield* ask(q.complete, { id, worker: workerId, now: at })
          return ok(affected(done) === 1 ? ("completed" as const) : ("lease-lost" as const))
        }),
      ),
    fail: (id, workerId, error, retryAt, maxAttempts = DEFAULT_MAX_ATTEMPTS) =>
      runProgram("fail outbox", false, function* () {
        const row = (yield* ask(q.fail, { id, worker: workerId, error, retry_at: retryAt, max_attempts: maxAttempts }))
          .rows[0]
        return ok(
          row === undefined ? ("lease-lost" as const) : row.status === "dead" ? ("dead" as const) : ("retry" as const),
        )
      }),
  }

  const dir = config.documentsDir
  const documentStore: DocumentStoreShape = {
    put: (bytes, declaredType, uploader) =>
      Effect.gen(function* () {
        const checked = checkDocument(bytes, declaredType, config.maxDocumentBytes)
        if (checked instanceof Error) return yield* Effect.fail(checked)
        const meta: DocumentMeta = {
          id: randomUUID(),
          ...checked,
          createdAt: yield* now,
          dossierCode: null,
          uploadedBy: uploader?.principalId ?? null,
        }
        // Checked before the bytes are written, so a principal over the limit costs no disk. Uploads of the same
        // principal running at the same moment may each pass: the limit is exceeded by at most those in flight.
        const limit = uploader?.stagedBytesLimit
        if (uploader !== undefined && limit !== undefined) {
          const row = (yield* withDb((k) => exec("store document", k, q.stagedBytesOf, { by: uploader.principalId })))
            .rows[0]
          const staged = Number(row?.total ?? 0)
          if (staged + meta.size > limit) return yield* Effect.fail(quotaExceeded(staged, meta.size, limit))
        }
        // Bytes first, then the row: a row never points at a missing file. If the row cannot be written the file
        // is removed (and the sweep would remove it anyway).
        yield* attempt("store document", () => writeDocumentFile(dir, meta.id, bytes))
        yield* withDb((k) =>
          exec("store document", k, q.insertDocument, {
            id: meta.id,
            sha256: meta.sha256,
            size: meta.size,
            media_type: meta.mediaType,
            at: meta.createdAt,
            uploaded_by: meta.uploadedBy,
          }),
        ).pipe(Effect.tapError(() => Effect.ignore(attempt("store document", () => removeDocumentFile(dir, meta.id)))))
        return meta
      }),
    get: (id) =>
      Effect.gen(function* () {
        const row = (yield* withDb((k) => exec("read document", k, q.getDocument, { id }))).rows[0]
        if (row === undefined) return yield* Effect.fail(new DocumentNotFound({ id }))
        const bytes = yield* attempt("read document", () => readDocumentFile(dir, id))
        const meta: DocumentMeta = {
          id: row.id,
          sha256: row.sha256,
          size: Number(row.size),
          mediaType: row.media_type as DocumentMediaType,
          createdAt: row.created_at,
          dossierCode: row.dossier_code,
          uploadedBy: row.uploaded_by,
        }
        const actual = checkDocument(bytes, meta.mediaType, Number.MAX_SAFE_INTEGER)
        if (actual instanceof Error || actual.sha256 !== meta.sha256) {
          return yield* Effect.fail(
            new StoreUnavailable({ operation: "read document", cause: `the file of document ${id} has changed` }),
          )
        }
        return { meta, bytes }
      }),
    sweepOrphans: (olderThanMs) =>
      Effect.gen(function* () {
        const millis = yield* Clock.currentTimeMillis
        const cutoff = instantOf(millis - olderThanMs)
        let removed = 0
        // 1. Staged rows: delete the row only while still unattached (one statement), then the file.
        const staged = yield* withDb((k) => exec("sweep documents", k, q.stagedBefore, { cutoff }))
        for (const { id } of staged.rows) {
          const deleted = yield* withDb((k) => exec("sweep documents", k, q.deleteStagedDocument, { id }))
          if (affected(deleted) === 1) {
            yield* attempt("sweep documents", () => removeDocumentFile(dir, id))
            removed += 1
          }
        }
        // 2. Files without a row (a crash between writing the file and its row) and interrupted writes.
        const files = yield* attempt("sweep documents", () => listDocumentFiles(dir))
        for (const file of files) {
          if (file.modifiedMs > millis - olderThanMs) continue
          if (file.id !== undefined) {
            const known = yield* withDb((k) => exec("sweep documents", k, q.getDocument, { id: file.id }))
            if (known.rows.length > 0) continue
          }
          yield* attempt("sweep documents", () => removeFile(file.path))
          removed += 1
        }
        return removed
      }),
  }

  return {
    unitOfWork: { transaction: (effect) => inTransaction("transaction", () => effect) },
    dossierStore,
    idempotencyStore,
    auditLog,
    outbox,
    documentStore,
  }
}

const auditHeadMissing = () =>
  new StoreUnavailable({ operation: "audit", cause: "the audit_head row is missing (was the table tampered with?)" })

function auditEntryOf(row: Selectable<DB["audit_entry"]>): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    dossierCode: row.dossier_code,
    actor: row.actor,
    action: row.action,
    detail: parseJson(row.detail, `audit entry ${row.seq}`),
    prevHash: row.prev_hash,
    hash: row.hash,
  }
}
