// The transactional outbox: rows enqueued inside a dossier's create or commit (enqueueOutbox), claimed under a
// lease by relays, completed or failed (with retry or burial) only by the relay that holds the lease (Outbox port).
import {
  DEFAULT_MAX_ATTEMPTS,
  instantOf,
  MAX_LEASE_EXPIRIES,
  type OutboxMessage,
  type OutboxMessageInput,
  type OutboxRow,
  type OutboxShape,
  type OutboxStatus,
} from "@motcua/application"
import { Clock, Effect } from "effect"
import { type CompiledQuery, type Kysely, sql } from "kysely"
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

// A row's turn (`in_turn`): rows of one ordering key go one at a time, in id order, so a row may be leased only when
// every earlier row of its key is done. Rows are written unsettled (null: the writers — every dossier change — pay
// nothing for it); the relay settles them in id order, 1 when no earlier row of the key is still to do (a row without
// a key always), else 0; completing a row hands the turn to the next row of its key. So the claims read only due rows
// in their turn — a backlog waiting on its retries, or behind its dossiers' earlier rows, costs them nothing (a claim
// that walked every open row in id order took 42 ms behind 30,000 rows waiting out a portal outage). On PostgreSQL
// the row locks keep two relays apart: a settle that reads an earlier row as not done while another relay completes
// it is ordered with that relay's hand-over by the lock on the row both write.

/** Rows whose turn among their key's rows the relay has not settled yet (the partial index outbox_unsettled). */
const UNSETTLED = sql<boolean>`in_turn is null and status <> 'done'`
/** Pending rows in their turn: the ones a claim may lease once due (outbox_ready, outbox_ready_topic). */
const READY = sql<boolean>`status = 'pending' and in_turn = 1`
/** Rows out with a relay (outbox_leased): claimable again once their lease has run out. */
const LEASED = sql<boolean>`status = 'claimed'`

/**
 * Pins a statement to its partial indexes on SQLite (a claim to outbox_leased and outbox_ready, the settling to
 * outbox_unsettled): each `from` in turn, at its first occurrence after the one before, becomes its `to`. Walked in
 * the index's order, a statement reads about as many rows as it changes. Left to itself the planner once read every
 * due row through another index and sorted them (45 ms at 30,000 waiting rows, against 0.2 ms). PostgreSQL plans it
 * by itself.
 */
function onSqlite<R>(
  dialect: Dialect,
  pins: ReadonlyArray<readonly [from: string, to: string]>,
  compiled: CompiledQuery<R>,
): CompiledQuery<R> {
  if (dialect !== "sqlite") return compiled
  let text = compiled.sql
  let from = 0
  for (const [pattern, replacement] of pins) {
    const at = text.indexOf(pattern, from)
    if (at < 0) throw new Error(`outbox statement changed shape: no ${pattern}`)
    text = text.slice(0, at) + replacement + text.slice(at + pattern.length)
    from = at + replacement.length
  }
  return { ...compiled, sql: text }
}

const PICK = 'select "id" from "outbox" where'
const pinnedTo = (index: string) => `select "id" from "outbox" indexed by "${index}" where`

/** Rows settled per claim at most: a backlog written while no relay ran is settled over several claims, none long. */
const SETTLE_BATCH = 512

export function prepareOutboxQueries(db: Kysely<DB>, dialect: Dialect) {
  const p = <T = never>(name: string) => param<T>(name)
  const forClaim = <S extends { forUpdate: () => { skipLocked: () => unknown } }>(select: S) =>
    (dialect === "postgres" ? select.forUpdate().skipLocked() : select) as S
  // A due row that has used its attempts, or whose lease ran out MAX_LEASE_EXPIRIES times (its relay died on it: each
  // claim that ended neither failed nor done), is not leased but buried (dead), in the same statement: an index on
  // attempts for a separate burial cost every claim and completion its upkeep.
  const exhausted = sql<boolean>`(attempts >= ${p<number>("max_attempts")} or attempts - failures >= ${p<number>("max_expiries")})`
  /**
   * Leases up to `limit` due rows: the rows whose lease ran out first (they were out already), then the rows in their
   * turn, oldest due first — one statement, each part walking its own partial index.
   */
  const lease = (oneTopic: boolean) => {
    const part = (pick: ReturnType<typeof expired>, name: string) =>
      db.selectFrom(forClaim(pick.select("id").limit(p<number>("limit"))).as(name)).select(`${name}.id` as "id")
    const due = part(expired(oneTopic), "expired").unionAll(part(ready(oneTopic), "ready"))
    return prepare(
      onSqlite(
        dialect,
        [
          [PICK, pinnedTo("outbox_leased")],
          [PICK, pinnedTo(oneTopic ? "outbox_ready_topic" : "outbox_ready")],
        ],
        db
          .updateTable("outbox")
          .set({
            status: sql<string>`case when ${exhausted} then 'dead' else 'claimed' end`,
            claimed_by: sql<string | null>`case when ${exhausted} then null else ${p<string>("worker")} end`,
            lease_until: sql<string | null>`case when ${exhausted} then null else ${p<string>("lease_until")} end`,
            attempts: sql<number>`case when ${exhausted} then attempts else attempts + 1 end`,
          })
          .where("id", "in", db.selectFrom(due.as("due")).select("due.id").limit(p<number>("limit")))
          .returning(["id", "topic", "dossier_code", "payload", "attempts", "last_error", "status"])
          .compile(),
      ),
    )
  }
  /** The due rows in their turn, oldest due first: of every topic, or of one (a relay dedicated to it). */
  const ready = (oneTopic: boolean) =>
    db
      .selectFrom("outbox")
      .where(READY)
      .$if(oneTopic, (select) => select.where("topic", "=", p<string>("topic")))
      .where("available_at", "<=", p<string>("now"))
      .orderBy("available_at")
      .orderBy("id")
  /** The rows whose lease ran out (their relay died or hung), the longest expired first. */
  const expired = (oneTopic: boolean) =>
    db
      .selectFrom("outbox")
      .where(LEASED)
      .where("lease_until", "<=", p<string>("now"))
      .$if(oneTopic, (select) => select.where("topic", "=", p<string>("topic")))
      .orderBy("lease_until")
      .orderBy("id")
  /** The oldest due_at among the open rows of one status that are due (outbox_open_due, from its front). */
  const oldestDueOf = (status: "pending" | "claimed") =>
    db
      .selectFrom("outbox")
      .select((eb) => eb.fn.min<string>("due_at").as("oldest"))
      .where(sql<boolean>`status = ${sql.lit(status)}`)
      .where(OPEN)
      .where("due_at", "<=", p<string>("now"))
  const earlierStillToDo = sql<boolean>`exists (select 1 from "outbox" as "earlier" where "earlier"."ordering_key" = "outbox"."ordering_key" and "earlier"."id" < "outbox"."id" and "earlier"."status" <> 'done')`
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
    // Each claim statement picks due rows and leases them. On PostgreSQL the rows another relay is claiming at the
    // same moment are skipped, not waited for; on SQLite statements never overlap. The `…Topic` ones read one topic's
    // rows only, so another topic's backlog costs a relay dedicated to one topic nothing.
    claim: lease(false),
    claimTopic: lease(true),
    // whether any row waits for its turn to be settled (a settle that finds none still costs an UPDATE's set-up)
    anyUnsettled: prepare(
      onSqlite(
        dialect,
        [[PICK, pinnedTo("outbox_unsettled")]],
        db.selectFrom("outbox").select("id").where(UNSETTLED).limit(1).compile(),
      ),
    ),
    settleTurns: prepare(
      onSqlite(
        dialect,
        [[PICK, pinnedTo("outbox_unsettled")]],
        db
          .updateTable("outbox")
          .set({ in_turn: sql<number>`case when ${earlierStillToDo} then 0 else 1 end` })
          .where(
            "id",
            "in",
            forClaim(db.selectFrom("outbox").select("id").where(UNSETTLED).orderBy("id").limit(p<number>("limit"))),
          )
          .compile(),
      ),
    ),
    // the completed row's turn goes to the next row of its key still to do (through outbox_ordering_open)
    handOverTurn: prepare(
      db
        .updateTable("outbox")
        .set({ in_turn: 1 })
        .where(
          "id",
          "=",
          sql<number>`(select min("next"."id") from "outbox" as "next" where "next"."ordering_key" = (select "ordering_key" from "outbox" as "done_row" where "done_row"."id" = ${p<number>("id")}) and "next"."status" <> 'done')`,
        )
        .where(sql<boolean>`coalesce(in_turn, 0) = 0`)
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
          status: sql<string>`case when attempts >= ${p<number>("max_attempts")} or ${p<number>("permanent")} = 1 then 'dead' else 'pending' end`,
          failures: sql<number>`failures + 1`,
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
        .set({ status: "pending", attempts: 0, failures: 0, available_at: p("now") })
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
    // the oldest due_at of each open status, from the front of outbox_open_due, then the older of the two: the lag
    // is read at every relay pass while the relay is behind, and a min over every open row walked them all (270 ms
    // at 300,000 rows waiting out a portal outage)
    oldestDue: prepare(
      db
        .selectFrom(oldestDueOf("pending").unionAll(oldestDueOf("claimed")).as("open"))
        .select((eb) => eb.fn.min<string>("open.oldest").as("oldest"))
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

/**
 * Leases up to `limit` due rows to `workerId` (Outbox.claim), as of `millis`, burying the exhausted ones: first the
 * rows whose lease ran out (they were out already), then — the new rows' turns settled — the due rows in their turn,
 * oldest due first.
 */
function* claimRows(
  q: OutboxQueries,
  millis: number,
  workerId: string,
  limit: number,
  leaseMs: number,
  maxAttempts: number,
  topic: string | undefined,
): Program<Array<OutboxMessage>> {
  if ((yield* ask(q.anyUnsettled, {})).rows.length > 0) yield* ask(q.settleTurns, { limit: SETTLE_BATCH })
  const result = yield* ask(topic === undefined || topic === "" ? q.claim : q.claimTopic, {
    worker: workerId,
    now: instantOf(millis),
    lease_until: instantOf(millis + leaseMs),
    limit: Math.max(0, Math.trunc(limit)),
    max_attempts: maxAttempts,
    max_expiries: MAX_LEASE_EXPIRIES,
    topic: topic ?? "",
  })
  // the rows buried by the claim (their attempts used, or their leases) are not handed out
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

/** Completes a row `workerId` still holds and hands its key's turn on; false when the lease was lost. */
function* completeRow(q: OutboxQueries, at: string, id: number, workerId: string): Program<boolean> {
  if (affected(yield* ask(q.complete, { id, worker: workerId, now: at })) !== 1) return false
  yield* ask(q.handOverTurn, { id })
  return true
}

/** Completes the rows `workerId` still holds (Outbox.completeMany); answers the others' ids. */
function* completeRows(
  q: OutboxQueries,
  at: string,
  ids: ReadonlyArray<number>,
  workerId: string,
): Program<Array<number>> {
  const lost: number[] = []
  for (const id of ids) if (!(yield* completeRow(q, at, id, workerId))) lost.push(id)
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
          return ok((yield* completeRow(q, at, id, workerId)) ? ("completed" as const) : ("lease-lost" as const))
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
