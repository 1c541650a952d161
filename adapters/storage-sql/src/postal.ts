// The PostalStore port over the same database (the "postal" migration): one row per order, the order as JSON with
// its dossier, tracking number and status in columns to find it by. Same pattern as accounts.ts and webhooks.ts.
import {
  POSTAL_FINAL_STATUSES,
  PostalStore,
  type PostalStoreShape,
  StoreUnavailable,
  UnitOfWork,
} from "@motcua/application"
import { Effect, Layer } from "effect"
import type { Kysely } from "kysely"
import { SqlDatabase } from "./layers.ts"

type PostalOrder = Parameters<PostalStoreShape["save"]>[0]

interface PostalDB {
  postal_order: {
    id: string
    dossier_code: string
    tracking_number: string | null
    created_at: string
    status: string
    body: string
  }
}

export const makeSqlPostalStore = Effect.gen(function* () {
  const { db: kysely, dialect } = yield* SqlDatabase
  const unitOfWork = yield* UnitOfWork
  const db = kysely as unknown as Kysely<PostalDB>
  const run = <A>(operation: string, query: (db: Kysely<PostalDB>) => Promise<A>) => {
    const statement = Effect.tryPromise({
      try: () => query(db),
      catch: (cause) => new StoreUnavailable({ operation, cause }),
    })
    return dialect === "sqlite" ? unitOfWork.transaction(statement) : statement
  }
  const orderOf = (row: { body: string }) => JSON.parse(row.body) as PostalOrder
  return PostalStore.of({
    save: (order) =>
      run("save postal order", async (db) => {
        const row = {
          id: order.id,
          dossier_code: order.dossierCode,
          tracking_number: order.trackingNumber,
          created_at: order.createdAt,
          status: order.status,
          body: JSON.stringify(order),
        }
        await db
          .insertInto("postal_order")
          .values(row)
          .onConflict((oc) =>
            oc.column("id").doUpdateSet({ tracking_number: row.tracking_number, status: row.status, body: row.body }),
          )
          .execute()
      }),
    find: (id) =>
      run("find postal order", async (db) => {
        const row = await db.selectFrom("postal_order").select("body").where("id", "=", id).executeTakeFirst()
        return row === undefined ? undefined : orderOf(row)
      }),
    findByTracking: (trackingNumber) =>
      run("find postal order", async (db) => {
        const row = await db
          .selectFrom("postal_order")
          .select("body")
          .where("tracking_number", "=", trackingNumber)
          .executeTakeFirst()
        return row === undefined ? undefined : orderOf(row)
      }),
    ofDossier: (dossierCode) =>
      run("postal orders of a dossier", async (db) => {
        const rows = await db
          .selectFrom("postal_order")
          .select("body")
          .where("dossier_code", "=", dossierCode)
          .orderBy("created_at")
          .orderBy("id")
          .execute()
        return rows.map(orderOf)
      }),
    underway: (limit) =>
      run("postal orders underway", async (db) => {
        const rows = await db
          .selectFrom("postal_order")
          .select("body")
          .where("tracking_number", "is not", null)
          .where("status", "not in", [...POSTAL_FINAL_STATUSES])
          .orderBy("created_at")
          .orderBy("id")
          .limit(limit)
          .execute()
        return rows.map(orderOf)
      }),
  })
})

export const SqlPostalStore = { layer: Layer.effect(PostalStore, makeSqlPostalStore) }
