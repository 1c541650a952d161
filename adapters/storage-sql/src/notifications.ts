// The NotificationStore port over the same database (the "notifications" migration): one row per notice and channel
// (its outcome as JSON, with the dossier, provider message id and status in columns to find it by), and one row per
// account with its chosen channels. Same pattern as postal.ts; the attempt count grows inside one transaction.
import {
  type NotificationChannel,
  type NotificationDelivery,
  NotificationStore,
  nextAttempt,
  StoreUnavailable,
  UnitOfWork,
} from "@motcua/application"
import { Effect, Layer } from "effect"
import type { Kysely } from "kysely"
import { SqlDatabase } from "./layers.ts"

interface NotificationDB {
  notification_delivery: {
    notification_id: string
    channel: string
    dossier_code: string
    message_id: string | null
    status: string
    updated_at: string
    body: string
  }
  notification_preference: {
    account_id: string
    channels: string
    updated_at: string
  }
}

export const makeSqlNotificationStore = Effect.gen(function* () {
  const { db: kysely } = yield* SqlDatabase
  const unitOfWork = yield* UnitOfWork
  const db = kysely as unknown as Kysely<NotificationDB>
  // every statement in the storage's transaction (SQLite: one writer; PostgreSQL: the read-then-write is one unit)
  const run = <A>(operation: string, query: (db: Kysely<NotificationDB>) => Promise<A>) =>
    unitOfWork.transaction(
      Effect.tryPromise({ try: () => query(db), catch: (cause) => new StoreUnavailable({ operation, cause }) }),
    )
  const deliveryOf = (row: { body: string }) => JSON.parse(row.body) as NotificationDelivery
  const write = async (db: Kysely<NotificationDB>, d: NotificationDelivery) => {
    const row = {
      notification_id: d.notificationId,
      channel: d.channel,
      dossier_code: d.dossierCode,
      message_id: d.messageId ?? null,
      status: d.status,
      updated_at: d.updatedAt,
      body: JSON.stringify(d),
    }
    await db
      .insertInto("notification_delivery")
      .values(row)
      .onConflict((oc) =>
        oc.columns(["notification_id", "channel"]).doUpdateSet({
          message_id: row.message_id,
          status: row.status,
          updated_at: row.updated_at,
          body: row.body,
        }),
      )
      .execute()
  }
  return NotificationStore.of({
    recordAttempt: (delivery) =>
      run("record notification attempt", async (db) => {
        const stored = await db
          .selectFrom("notification_delivery")
          .select("body")
          .where("notification_id", "=", delivery.notificationId)
          .where("channel", "=", delivery.channel)
          .executeTakeFirst()
        const next = nextAttempt(stored === undefined ? undefined : deliveryOf(stored), delivery)
        await write(db, next)
        return next
      }),
    report: (messageId, outcome) =>
      run("record delivery report", async (db) => {
        const stored = await db
          .selectFrom("notification_delivery")
          .select("body")
          .where("message_id", "=", messageId)
          .executeTakeFirst()
        if (stored === undefined) return undefined
        const next: NotificationDelivery = {
          ...deliveryOf(stored),
          status: outcome.status,
          ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
          updatedAt: outcome.at,
        }
        await write(db, next)
        return next
      }),
    ofDossier: (dossierCode) =>
      run("notifications of a dossier", async (db) => {
        const rows = await db
          .selectFrom("notification_delivery")
          .select("body")
          .where("dossier_code", "=", dossierCode)
          .orderBy("updated_at")
          .orderBy("notification_id")
          .execute()
        return rows.map(deliveryOf)
      }),
    preferencesOf: (accountId) =>
      run("notification preferences", async (db) => {
        const row = await db
          .selectFrom("notification_preference")
          .select("channels")
          .where("account_id", "=", accountId)
          .executeTakeFirst()
        return row === undefined ? undefined : (JSON.parse(row.channels) as NotificationChannel[])
      }),
    setPreferences: (accountId, channels, at) =>
      run("set notification preferences", async (db) => {
        const row = { account_id: accountId, channels: JSON.stringify(channels), updated_at: at }
        await db
          .insertInto("notification_preference")
          .values(row)
          .onConflict((oc) => oc.column("account_id").doUpdateSet({ channels: row.channels, updated_at: at }))
          .execute()
      }),
  })
})

export const SqlNotificationStore = { layer: Layer.effect(NotificationStore, makeSqlNotificationStore) }
