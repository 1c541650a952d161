// The transactional outbox: rows enqueued inside a dossier's create or commit (enqueueOutbox), claimed under a
// lease by relays, completed or failed (with retry or burial) only by the relay that holds the lease (Outbox port).
import {
  DEFAULT_MAX_ATTEMPTS,
  instantOf,
  type OutboxMessage,
  type OutboxMessageInput,
  type OutboxRow,
  type OutboxShape,
  type OutboxStatus,
} from "@motcua/application"
import { Clock, Effect } from "effect"
import { type CompiledQuery, type ExpressionBuilder, type Kysely, sql } from "kysely"
import { type PreparedQuery, param, prepare } from "./prepared.ts"
import { ask, type Outcome, ok, type Program } from "./program.ts"
import type { DB, Dialect } from "./schema.ts"
import { affected, now, parseJson, type StorageContext } from "./storage-context.ts"

/**
 * The rows still to deliver, with the values written out (not bound): SQLite uses a partial index only when the
 * query's condition implies the index's, which a parameter cannot.
 */
const OPEN = sql<boolean>`status in ('pending', 'claimed')`
/** The rows given up on (the partial index outbox_dead), written out for the same reason. */
const DEAD = sql<boolean>`status = 'dead'`

/**
 * Pins a claim to its partial index on SQLite (outbox_open, or outbox_open_topic for one topic): walked in id order
 * up to the limit, it reads about as many rows as the claim leases. Left to itself the planner once read every due
 * row through another index and sorted them (45 ms at 30,000 waiting rows, against 0.2 ms). PostgreSQL plans it by
 * itself.
 */
function onSqlite<R>(dialect: Dialect, from: string, to: string, compiled: CompiledQuery<R>): CompiledQuery<R> {
  if (dialect !== "sqlite") return compiled
  if (!compiled.sql.includes(from)) throw new Error(`outbox statement changed shape: no ${from}`)
  return { ...compiled, sql: compiled.sql.replace(from, to) }
}

export function prepareOutboxQueries(db: Kysely<DB>, dialect: Dialect) {
  const p = <T = never>(name: string) => param<T>(name)
  const isDue = (eb: ExpressionBuilder<DB, "outbox">) =>
    eb.or([
      eb.and([eb("status", "=", "pending"), eb("available_at", "<=", p<string>("now"))]),
      eb.and([eb("status", "=", "claimed"), eb("lease_until", "<=", p<string>("now"))]),
    ])
  // A row with an ordering key waits until every earlier row of its key is done (a claimed one included, so at most
  // one row of a key is ever out with a relay).
  const inTurn = (eb: ExpressionBuilder<DB, "outbox">) =>
    eb.or([
      eb("ordering_key", "is", null),
      eb.not(
        eb.exists(
          eb
            .selectFrom("outbox as earlier")
            .select("earlier.id")
            .whereRef("earlier.ordering_key", "=", "outbox.ordering_key")
            .whereRef("earlier.id", "<", "outbox.id")
            .where(sql<boolean>`earlier.status <> 'done'`),
        ),
      ),
    ])
  /** The due rows in turn, in id order: of every topic, or of one (a relay dedicated to it). */
  const dueSelect = (oneTopic: boolean) =>
    db
      .selectFrom("outbox")
      .select("id")
      // the partial indexes outbox_open / outbox_open_topic (implied by isDue, written out so that the planner uses them)
      .where(OPEN)
      .$if(oneTopic, (select) => select.where("topic", "=", p<string>("topic")))
      .where(isDue)
      .where(inTurn)
      .orderBy("id")
      .limit(p<number>("limit"))
  // A due row that has used its attempts (its relay died on it each time) is not leased but buried (dead), in the
  // same statement: an index on attempts for a separate burial cost every claim and completion its upkeep.
  const exhausted = sql<boolean>`attempts >= ${p<number>("max_attempts")}`
  const claimStatement = (oneTopic: boolean) =>
    prepare(
      onSqlite(
        dialect,
        'select "id" from "outbox" where',
        `select "id" from "outbox" indexed by "${oneTopic ? "outbox_open_topic" : "outbox_open"}" where`,
        db
          .updateTable("outbox")
          .set({
            status: sql<string>`case when ${exhausted} then 'dead' else 'claimed' end`,
            claimed_by: sql<string | null>`case when ${exhausted} then null else ${p<string>("worker")} end`,
            lease_until: sql<string | null>`case when ${exhausted} then null else ${p<string>("lease_until")} end`,
            attempts: sql<number>`case when ${exhausted} then attempts else attempts + 1 end`,
          })
          .where(
            "id",
            "in",
            dialect === "postgres" ? dueSelect(oneTopic).forUpdate().skipLocked() : dueSelect(oneTopic),
          )
          .returning(["id", "topic", "dossier_code", "payload", "attempts", "last_error", "status"])
          .compile(),
      ),
    )
  return {
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
          ordering_key: p("ordering_key"),
          due_at: p("available_at"),
        })
        .compile(),
    ),
    // One statement: pick due rows and lease them. On PostgreSQL the rows another relay is claiming at the same
    // moment are skipped, not waited for; on SQLite statements never overlap. `claimTopic` walks one topic's open
    // rows only (outbox_open_topic), so another topic's backlog costs it nothing.
    claim: claimStatement(false),
    claimTopic: claimStatement(true),
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
          status: sql<string>`case when attempts >= ${p<number>("max_attempts")} or ${p<number>("permanent")} = 1 then 'dead' else 'pending' end`,
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
    retryDead: prepare(
      db
        .updateTable("outbox")
        .set({ status: "pending", attempts: 0, available_at: p("now") })
        .where("id", "=", p("id"))
        .where("status", "=", "dead")
        .compile(),
    ),
    // the partial index outbox_dead (the condition written as the index's): the done rows are not read
    deadIds: prepare(db.selectFrom("outbox").select("id").where(DEAD).orderBy("id").compile()),
    openCounts: prepare(
      db
        .selectFrom("outbox")
        .select(["status", (eb) => eb.fn.countAll<number | string>().as("n")])
        .where(OPEN)
        .groupBy("status")
        .compile(),
    ),
    deadCount: prepare(
      db
        .selectFrom("outbox")
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .where(DEAD)
        .compile(),
    ),
    oldestDue: prepare(
      db
        .selectFrom("outbox")
        .select((eb) => eb.fn.min<string>("due_at").as("oldest"))
        .where(OPEN)
        .where("due_at", "<=", p<string>("now"))
        .compile(),
    ),
  } satisfies Record<string, PreparedQuery<unknown>>
}

export type OutboxQueries = ReturnType<typeof prepareOutboxQueries>

/** Enqueues the messages of one dossier change, inside the change's transaction. */
export function* enqueueOutbox(
  q: OutboxQueries,
  dossierCode: string,
  at: string,
  messages: ReadonlyArray<OutboxMessageInput>,
): Program<Outcome<void, never>> {
  for (const message of messages) {
    yield* ask(q.insertOutbox, {
      topic: message.topic,
      dossier_code: dossierCode,
      payload: JSON.stringify(message.payload),
      available_at: message.availableAt ?? at,
      at,
      ordering_key: message.orderingKey ?? null,
    })
  }
  return ok(undefined)
}

/** Buries the exhausted rows, then leases up to `limit` due rows to `workerId` (Outbox.claim), as of `millis`. */
function* claimRows(
  q: OutboxQueries,
  millis: number,
  workerId: string,
  limit: number,
  leaseMs: number,
  maxAttempts: number,
  topic: string | undefined,
): Program<Array<OutboxMessage>> {
  const at = instantOf(millis)
  const result = yield* ask(topic === undefined || topic === "" ? q.claim : q.claimTopic, {
    worker: workerId,
    now: at,
    lease_until: instantOf(millis + leaseMs),
    limit: Math.max(0, Math.trunc(limit)),
    max_attempts: maxAttempts,
    topic: topic ?? "",
  })
  // the rows buried by the claim (their attempts used) are not handed out
  const messages: OutboxMessage[] = result.rows
    .filter((row) => row.status === "claimed")
    .map((row) => ({
      id: Number(row.id),
      topic: row.topic,
      dossierCode: row.dossier_code,
      payload: parseJson(row.payload, `outbox payload ${row.id}`),
      attempts: Number(row.attempts),
      lastError: row.last_error,
    }))
  return messages.sort((a, b) => a.id - b.id)
}

/** Completes the rows `workerId` still holds (Outbox.completeMany); answers the others' ids. */
function* completeRows(
  q: OutboxQueries,
  at: string,
  ids: ReadonlyArray<number>,
  workerId: string,
): Program<Array<number>> {
  const lost: number[] = []
  for (const id of ids) if (affected(yield* ask(q.complete, { id, worker: workerId, now: at })) !== 1) lost.push(id)
  return lost
}

export function makeOutbox(ctx: StorageContext, q: OutboxQueries): OutboxShape {
  const { runProgram } = ctx
  return {
    claim: (workerId, limit, leaseMs, maxAttempts = DEFAULT_MAX_ATTEMPTS, topic) =>
      Effect.flatMap(Clock.currentTimeMillis, (millis) =>
        runProgram("claim outbox", false, function* () {
          return ok(yield* claimRows(q, millis, workerId, limit, leaseMs, maxAttempts, topic))
        }),
      ),
    complete: (id, workerId) =>
      Effect.flatMap(now, (at) =>
        runProgram("complete outbox", false, function* () {
          const done = yield* ask(q.complete, { id, worker: workerId, now: at })
          return ok(affected(done) === 1 ? ("completed" as const) : ("lease-lost" as const))
        }),
      ),
    // one transaction, so one commit for them all (the per-row commit was most of what completing cost)
    completeMany: (ids, workerId) =>
      ids.length === 0
        ? Effect.succeed([])
        : Effect.flatMap(now, (at) =>
            runProgram("complete outbox rows", true, function* () {
              return ok(yield* completeRows(q, at, ids, workerId))
            }),
          ),
    // the relay's turn in one transaction: one commit for the completions, the burial and the claim (each was a
    // commit of its own, the relay's largest cost per row); the completions first, so that the claim sees them done
    completeAndClaim: (completed, workerId, limit, leaseMs, maxAttempts = DEFAULT_MAX_ATTEMPTS, topic) =>
      Effect.flatMap(Clock.currentTimeMillis, (millis) =>
        runProgram("complete and claim outbox rows", true, function* () {
          const lost = yield* completeRows(q, instantOf(millis), completed, workerId)
          const messages = yield* claimRows(q, millis, workerId, limit, leaseMs, maxAttempts, topic)
          return ok({ lost, messages })
        }),
      ),
    fail: (id, workerId, error, retryAt, maxAttempts = DEFAULT_MAX_ATTEMPTS, permanent = false) =>
      runProgram("fail outbox", false, function* () {
        const row = (yield* ask(q.fail, {
          id,
          worker: workerId,
          error,
          retry_at: retryAt,
          max_attempts: maxAttempts,
          permanent: permanent ? 1 : 0,
        })).rows[0]
        return ok(
          row === undefined ? ("lease-lost" as const) : row.status === "dead" ? ("dead" as const) : ("retry" as const),
        )
      }),
    list: (query) => {
      // built per call: operator queries are rare, and their filters vary
      let select = ctx.db
        .selectFrom("outbox")
        .select([
          "id",
          "topic",
          "dossier_code",
          "status",
          "attempts",
          "last_error",
          "created_at",
          "available_at",
          "completed_at",
          "claimed_by",
          "ordering_key",
        ])
        .orderBy("id")
        .limit(Math.max(0, Math.trunc(query.limit)))
      // a status's rows through the partial index that holds them (written as the index's condition: SQLite uses a
      // partial index only when the query's condition has the index's own), not a walk over every done row
      if (query.status === "pending" || query.status === "claimed") select = select.where(OPEN)
      if (query.status === "dead") select = select.where(DEAD)
      if (query.status !== undefined) select = select.where("status", "=", query.status)
      if (query.topic !== undefined) select = select.where("topic", "=", query.topic)
      if (query.dossierCode !== undefined) select = select.where("dossier_code", "=", query.dossierCode)
      if (query.afterId !== undefined) select = select.where("id", ">", query.afterId)
      const listQuery = prepare(select.compile())
      return runProgram("list outbox", false, function* () {
        const rows = (yield* ask(listQuery, {})).rows
        return ok(
          rows.map(
            (row): OutboxRow => ({
              id: Number(row.id),
              topic: row.topic,
              dossierCode: row.dossier_code,
              status: row.status as OutboxStatus,
              attempts: Number(row.attempts),
              lastError: row.last_error,
              createdAt: row.created_at,
              availableAt: row.available_at,
              completedAt: row.completed_at,
              claimedBy: row.claimed_by,
              orderingKey: row.ordering_key,
            }),
          ),
        )
      })
    },
    retryDead: (which) =>
      Effect.flatMap(now, (at) =>
        runProgram("retry dead outbox rows", true, function* () {
          const ids = which === "all" ? (yield* ask(q.deadIds, {})).rows.map((r) => Number(r.id)) : which
          const retried: number[] = []
          for (const id of ids) if (affected(yield* ask(q.retryDead, { id, now: at })) === 1) retried.push(id)
          return ok(retried)
        }),
      ),
    enqueue: (dossierCode, messages) =>
      Effect.flatMap(now, (at) =>
        runProgram("enqueue outbox", true, function* () {
          return yield* enqueueOutbox(q, dossierCode, at, messages)
        }),
      ),
    backlog: () =>
      Effect.flatMap(now, (at) =>
        runProgram("outbox backlog", false, function* () {
          const counts = new Map((yield* ask(q.openCounts, {})).rows.map((r) => [r.status, Number(r.n)]))
          counts.set("dead", Number((yield* ask(q.deadCount, {})).rows[0]?.n ?? 0))
          const oldest = (yield* ask(q.oldestDue, { now: at })).rows[0]?.oldest ?? null
          return ok({
            pending: counts.get("pending") ?? 0,
            claimed: counts.get("claimed") ?? 0,
            dead: counts.get("dead") ?? 0,
            oldestDueAt: oldest,
          })
        }),
      ),
  }
}
