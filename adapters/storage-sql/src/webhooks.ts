// The WebhookStore port over the same database as the other stores (tables of the "webhooks" migration):
// subscriptions and every delivery attempt. Built on the exported storage API (SqlDatabase, UnitOfWork) like
// accounts.ts: on SQLite each operation runs inside UnitOfWork.transaction (the one connection's lock); on
// PostgreSQL recording an attempt is one transaction, the rest plain statements on the pool.
import {
  StoreUnavailable,
  UnitOfWork,
  type WebhookAttempt,
  WebhookStore,
  type WebhookSubscription,
} from "@motcua/application"
import { Effect, Layer } from "effect"
import { type Kysely, sql } from "kysely"
import { SqlDatabase } from "./layers.ts"

interface SubscriptionTable {
  id: string
  owner_id: string
  /** JSON array, or null for every authority. */
  agency_codes: string | null
  url: string
  /** JSON array. */
  event_types: string
  secret: string
  created_at: string
  consecutive_failures: number
  disabled_at: string | null
}
interface AttemptTable {
  id?: number
  subscription_id: string
  event_id: string
  event_type: string
  at: string
  ok: number
  status: number | null
  error: string | null
  duration_ms: number
}
interface WebhooksDB {
  webhook_subscription: SubscriptionTable
  webhook_attempt: AttemptTable
}

const subscriptionOf = (row: SubscriptionTable): WebhookSubscription => ({
  id: row.id,
  ownerId: row.owner_id,
  agencyCodes: row.agency_codes === null ? undefined : (JSON.parse(row.agency_codes) as string[]),
  url: row.url,
  eventTypes: JSON.parse(row.event_types) as string[],
  secret: row.secret,
  createdAt: row.created_at,
  consecutiveFailures: Number(row.consecutive_failures),
  disabledAt: row.disabled_at,
})

const attemptOf = (row: AttemptTable): WebhookAttempt => ({
  subscriptionId: row.subscription_id,
  eventId: row.event_id,
  eventType: row.event_type,
  at: row.at,
  ok: Number(row.ok) !== 0,
  status: row.status === null ? null : Number(row.status),
  error: row.error,
  durationMs: Number(row.duration_ms),
})

export const makeSqlWebhookStore = Effect.gen(function* () {
  const { db: kysely, dialect } = yield* SqlDatabase
  const unitOfWork = yield* UnitOfWork
  const db = kysely as unknown as Kysely<WebhooksDB>
  const run = <A>(operation: string, query: (db: Kysely<WebhooksDB>) => Promise<A>) => {
    const statement = Effect.tryPromise({
      try: () => query(db),
      catch: (cause) => new StoreUnavailable({ operation, cause }),
    })
    return dialect === "sqlite" ? unitOfWork.transaction(statement) : statement
  }
  const transaction = <A>(operation: string, work: (db: Kysely<WebhooksDB>) => Promise<A>) =>
    dialect === "sqlite" ? run(operation, work) : run(operation, (db) => db.transaction().execute(work))

  return WebhookStore.of({
    create: (s) =>
      run("create webhook", async (db) => {
        await db
          .insertInto("webhook_subscription")
          .values({
            id: s.id,
            owner_id: s.ownerId,
            agency_codes: s.agencyCodes === undefined ? null : JSON.stringify(s.agencyCodes),
            url: s.url,
            event_types: JSON.stringify(s.eventTypes),
            secret: s.secret,
            created_at: s.createdAt,
            consecutive_failures: s.consecutiveFailures,
            disabled_at: s.disabledAt,
          })
          .execute()
      }),
    find: (id) =>
      run("find webhook", async (db) => {
        const row = await db.selectFrom("webhook_subscription").selectAll().where("id", "=", id).executeTakeFirst()
        return row === undefined ? undefined : subscriptionOf(row)
      }),
    list: (ownerId) =>
      run("list webhooks", async (db) => {
        let query = db.selectFrom("webhook_subscription").selectAll().orderBy("created_at").orderBy("id")
        if (ownerId !== undefined) query = query.where("owner_id", "=", ownerId)
        return (await query.execute()).map(subscriptionOf)
      }),
    remove: (id) =>
      transaction("remove webhook", async (db) => {
        await db.deleteFrom("webhook_attempt").where("subscription_id", "=", id).execute()
        const result = await db.deleteFrom("webhook_subscription").where("id", "=", id).executeTakeFirst()
        return Number(result.numDeletedRows) > 0
      }),
    enable: (id) =>
      run("enable webhook", async (db) => {
        const result = await db
          .updateTable("webhook_subscription")
          .set({ disabled_at: null, consecutive_failures: 0 })
          .where("id", "=", id)
          .executeTakeFirst()
        return Number(result.numUpdatedRows) > 0
      }),
    activeFor: (eventType) =>
      run("webhooks for an event", async (db) => {
        // few subscriptions: the event-type match is done here rather than in JSON SQL that differs by dialect
        const rows = await db.selectFrom("webhook_subscription").selectAll().where("disabled_at", "is", null).execute()
        return rows.map(subscriptionOf).filter((s) => s.eventTypes.includes("*") || s.eventTypes.includes(eventType))
      }),
    recordAttempt: (attempt, disableAfter) =>
      transaction("record webhook attempt", async (db) => {
        await db
          .insertInto("webhook_attempt")
          .values({
            subscription_id: attempt.subscriptionId,
            event_id: attempt.eventId,
            event_type: attempt.eventType,
            at: attempt.at,
            ok: attempt.ok ? 1 : 0,
            status: attempt.status,
            error: attempt.error,
            duration_ms: attempt.durationMs,
          })
          .execute()
        // one statement decides the count and the disabling, so concurrent attempts cannot both miss the limit
        const failures = attempt.ok ? sql<number>`0` : sql<number>`consecutive_failures + 1`
        const row = await db
          .updateTable("webhook_subscription")
          .set({
            consecutive_failures: failures,
            disabled_at: attempt.ok
              ? sql<string | null>`disabled_at`
              : sql<
                  string | null
                >`case when disabled_at is null and consecutive_failures + 1 >= ${disableAfter} then ${attempt.at} else disabled_at end`,
          })
          .where("id", "=", attempt.subscriptionId)
          .returning(["consecutive_failures", "disabled_at"])
          .executeTakeFirst()
        return {
          consecutiveFailures: row === undefined ? 0 : Number(row.consecutive_failures),
          disabled: row !== undefined && row.disabled_at !== null,
        }
      }),
    delivered: (subscriptionId, eventId) =>
      run("webhook delivered", async (db) => {
        const row = await db
          .selectFrom("webhook_attempt")
          .select("ok")
          .where("subscription_id", "=", subscriptionId)
          .where("event_id", "=", eventId)
          .where("ok", "=", 1)
          .executeTakeFirst()
        return row !== undefined
      }),
    attempts: (subscriptionId, limit) =>
      run("webhook attempts", async (db) => {
        const rows = await db
          .selectFrom("webhook_attempt")
          .selectAll()
          .where("subscription_id", "=", subscriptionId)
          .orderBy("id", "desc")
          .limit(limit)
          .execute()
        return rows.map(attemptOf)
      }),
  })
})

/** The SQL WebhookStore over the storage layer's database (add it beside SqlStorage's layer). */
export const SqlWebhookStore = { layer: Layer.effect(WebhookStore, makeSqlWebhookStore) }
