// The IssuedResultStore port of @motcua/application over the storage's database (table `issued_result`, created by
// the "issued-results" migration): signed results by verification id, shared by every instance on the database.
import {
  type IssuedResult,
  IssuedResultStore,
  type IssuedResultStoreShape,
  StoreUnavailable,
  UnitOfWork,
} from "@motcua/application"
import { Effect, Layer } from "effect"
import type { Kysely } from "kysely"
import { SqlDatabase } from "./layers.ts"

interface IssuedResultTable {
  id: string
  dossier_code: string
  signed_at: string
  record: string
  status: "valid" | "revoked"
  revoked_at: string | null
  revoked_by: string | null
  revocation_reason: string | null
}
interface ResultsDB {
  issued_result: IssuedResultTable
}

const fromRow = (row: IssuedResultTable): IssuedResult => {
  const fixed = JSON.parse(row.record) as Omit<IssuedResult, "status">
  return {
    ...fixed,
    status: row.status,
    ...(row.revoked_at === null ? {} : { revokedAt: row.revoked_at }),
    ...(row.revoked_by === null ? {} : { revokedBy: row.revoked_by }),
    ...(row.revocation_reason === null ? {} : { revocationReason: row.revocation_reason }),
  }
}

export const makeSqlIssuedResultStore = Effect.gen(function* () {
  const { db: kysely, dialect } = yield* SqlDatabase
  const unitOfWork = yield* UnitOfWork
  const db = kysely as unknown as Kysely<ResultsDB>
  // on SQLite under the connection's lock (UnitOfWork), so that no statement lands in another fiber's open
  // transaction (or group-commit batch) and each is answered only once committed
  const attempt = <A>(f: () => Promise<A>) => {
    const statement = Effect.tryPromise({
      try: f,
      catch: (cause) => new StoreUnavailable({ operation: "issued results", cause }),
    })
    return dialect === "sqlite" ? unitOfWork.transaction(statement) : statement
  }
  const shape: IssuedResultStoreShape = {
    record: (result) =>
      attempt(async () => {
        const { status, revokedAt, revokedBy, revocationReason, ...fixed } = result
        await db
          .insertInto("issued_result")
          .values({
            id: result.id,
            dossier_code: result.dossierCode,
            signed_at: result.signedAt,
            record: JSON.stringify(fixed),
            status,
            revoked_at: revokedAt ?? null,
            revoked_by: revokedBy ?? null,
            revocation_reason: revocationReason ?? null,
          })
          .execute()
      }),
    find: (id) =>
      attempt(async () => {
        const row = await db.selectFrom("issued_result").selectAll().where("id", "=", id).executeTakeFirst()
        return row === undefined ? undefined : fromRow(row)
      }),
    ofDossier: (code) =>
      attempt(async () =>
        (
          await db
            .selectFrom("issued_result")
            .selectAll()
            .where("dossier_code", "=", code)
            .orderBy("signed_at", "desc")
            .orderBy("id")
            .execute()
        ).map(fromRow),
      ),
    revoke: (id, { at, by, reason }) =>
      attempt(async () => {
        const result = await db
          .updateTable("issued_result")
          .set({ status: "revoked", revoked_at: at, revoked_by: by, revocation_reason: reason })
          .where("id", "=", id)
          .where("status", "=", "valid")
          .executeTakeFirst()
        return Number(result.numUpdatedRows) === 1
      }),
  }
  return IssuedResultStore.of(shape)
})

/** IssuedResultStore over the database of a SqlStorage layer (provide that layer to it). */
export const SqlIssuedResultStore = {
  layer: Layer.effect(IssuedResultStore, makeSqlIssuedResultStore),
}
