// The PaymentRequestStore port over the same database (the "payment-links" migration, table payment_link): one row per request the
// gateway made, the request as JSON with its dossier and creation time in columns to find it by. Same pattern as
// postal.ts. Recording an id twice keeps the first row (the relay may deliver a message again).
import { PaymentRequestStore, type StoredPaymentRequest, StoreUnavailable, UnitOfWork } from "@motcua/application"
import { Effect, Layer } from "effect"
import type { Kysely } from "kysely"
import { SqlDatabase } from "./layers.ts"

interface PaymentRequestDB {
  payment_link: {
    id: string
    dossier_code: string
    created_at: string
    body: string
  }
}

export const makeSqlPaymentRequestStore = Effect.gen(function* () {
  const { db: kysely, dialect } = yield* SqlDatabase
  const unitOfWork = yield* UnitOfWork
  const db = kysely as unknown as Kysely<PaymentRequestDB>
  const run = <A>(operation: string, query: (db: Kysely<PaymentRequestDB>) => Promise<A>) => {
    const statement = Effect.tryPromise({
      try: () => query(db),
      catch: (cause) => new StoreUnavailable({ operation, cause }),
    })
    return dialect === "sqlite" ? unitOfWork.transaction(statement) : statement
  }
  return PaymentRequestStore.of({
    record: (request) =>
      run("record payment request", async (db) => {
        await db
          .insertInto("payment_link")
          .values({
            id: request.requestId,
            dossier_code: request.dossierCode,
            created_at: request.createdAt,
            body: JSON.stringify(request),
          })
          .onConflict((oc) => oc.column("id").doNothing())
          .execute()
      }),
    ofDossier: (dossierCode) =>
      run("payment requests of a dossier", async (db) => {
        const rows = await db
          .selectFrom("payment_link")
          .select("body")
          .where("dossier_code", "=", dossierCode)
          .orderBy("created_at")
          .orderBy("id")
          .execute()
        return rows.map((row) => JSON.parse(row.body) as StoredPaymentRequest)
      }),
  })
})

export const SqlPaymentRequestStore = { layer: Layer.effect(PaymentRequestStore, makeSqlPaymentRequestStore) }
