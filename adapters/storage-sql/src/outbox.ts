// The transactional outbox: rows enqueued inside a dossier's create or commit (enqueueOutbox), claimed under a
// lease by relays, completed or failed (with retry or burial) only by the relay that holds the lease (Outbox port).
import {
  DEFAULT_MAX_ATTEMPTS,
  instantOf,
  type OutboxMessage,
  type OutboxMessageInput,
  type OutboxShape,
} from "@motcua/application"
import { Clock, Effect } from "effect"
import { type ExpressionBuilder, type Kysely, sql } from "kysely"
import { type PreparedQuery, param, prepare } from "./prepared.ts"
import { ask, type Outcome, ok, type Program } from "./program.ts"
import type { DB, Dialect } from "./schema.ts"
import { affected, now, parseJson, type StorageContext } from "./storage-context.ts"

export function prepareOutboxQueries(db: Kysely<DB>, dialect: Dialect) {
  const p = <T = never>(name: string) => param<T>(name)
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
    })
  }
  return ok(undefined)
}

export function makeOutbox(ctx: StorageContext, q: OutboxQueries): OutboxShape {
  const { runProgram } = ctx
  return {
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
}
