// The WalletStore port of @motcua/application over the storage's database (table `wallet_entry`, created by the
// "wallet" migration): the citizen's e-wallet, each entry with its bytes (bytea on PostgreSQL, blob on SQLite).
import { StoreUnavailable, UnitOfWork, type WalletEntry, WalletStore, type WalletStoreShape } from "@motcua/application"
import { Effect, Layer } from "effect"
import type { Kysely } from "kysely"
import { SqlDatabase } from "./layers.ts"

interface WalletEntryTable {
  id: string
  owner_id: string
  kind: string
  document_type: string
  name: string
  media_type: string
  size: number | string
  sha256: string
  valid_from: string | null
  valid_until: string | null
  dossier_code: string | null
  created_at: string
  replaced_by: string | null
  content: Uint8Array
}
interface WalletDB {
  wallet_entry: WalletEntryTable
}

const COLUMNS = [
  "id",
  "owner_id",
  "kind",
  "document_type",
  "name",
  "media_type",
  "size",
  "sha256",
  "valid_from",
  "valid_until",
  "dossier_code",
  "created_at",
  "replaced_by",
] as const

const entryOf = (row: Omit<WalletEntryTable, "content">): WalletEntry => ({
  id: row.id,
  ownerId: row.owner_id,
  kind: row.kind === "result" ? "result" : "paper",
  documentType: row.document_type,
  name: row.name,
  mediaType: row.media_type as WalletEntry["mediaType"],
  size: Number(row.size),
  sha256: row.sha256,
  ...(row.valid_from === null ? {} : { validFrom: row.valid_from }),
  ...(row.valid_until === null ? {} : { validUntil: row.valid_until }),
  ...(row.dossier_code === null ? {} : { dossierCode: row.dossier_code }),
  createdAt: row.created_at,
  ...(row.replaced_by === null ? {} : { replacedBy: row.replaced_by }),
})

export const makeSqlWalletStore = Effect.gen(function* () {
  const { db: kysely, dialect } = yield* SqlDatabase
  const unitOfWork = yield* UnitOfWork
  const db = kysely as unknown as Kysely<WalletDB>
  // on SQLite under the connection's lock (UnitOfWork), so that no statement lands in another fiber's open
  // transaction (or group-commit batch) and each is answered only once committed
  const attempt = <A>(f: () => Promise<A>) => {
    const statement = Effect.tryPromise({
      try: f,
      catch: (cause) => new StoreUnavailable({ operation: "wallet", cause }),
    })
    return dialect === "sqlite" ? unitOfWork.transaction(statement) : statement
  }
  const store: WalletStoreShape = {
    add: (entry, bytes) =>
      attempt(async () => {
        await db
          .insertInto("wallet_entry")
          .values({
            id: entry.id,
            owner_id: entry.ownerId,
            kind: entry.kind,
            document_type: entry.documentType,
            name: entry.name,
            media_type: entry.mediaType,
            size: entry.size,
            sha256: entry.sha256,
            valid_from: entry.validFrom ?? null,
            valid_until: entry.validUntil ?? null,
            dossier_code: entry.dossierCode ?? null,
            created_at: entry.createdAt,
            replaced_by: entry.replacedBy ?? null,
            content: Buffer.from(bytes),
          })
          .execute()
      }),
    list: (ownerId) =>
      attempt(async () =>
        (
          await db
            .selectFrom("wallet_entry")
            .select(COLUMNS)
            .where("owner_id", "=", ownerId)
            .orderBy("created_at", "desc")
            .orderBy("id", "desc")
            .execute()
        ).map(entryOf),
      ),
    get: (id) =>
      attempt(async () => {
        const row = await db.selectFrom("wallet_entry").select(COLUMNS).where("id", "=", id).executeTakeFirst()
        return row === undefined ? undefined : entryOf(row)
      }),
    content: (id) =>
      attempt(async () => {
        const row = await db.selectFrom("wallet_entry").select("content").where("id", "=", id).executeTakeFirst()
        return row === undefined ? undefined : new Uint8Array(row.content)
      }),
    markReplaced: (id, replacedBy) =>
      attempt(async () => {
        const result = await db
          .updateTable("wallet_entry")
          .set({ replaced_by: replacedBy })
          .where("id", "=", id)
          .executeTakeFirst()
        return Number(result.numUpdatedRows) > 0
      }),
    remove: (id) =>
      attempt(async () => {
        const result = await db.deleteFrom("wallet_entry").where("id", "=", id).executeTakeFirst()
        return Number(result.numDeletedRows) > 0
      }),
    usage: (ownerId) =>
      attempt(async () => {
        const row = await db
          .selectFrom("wallet_entry")
          .select((eb) => [
            eb.fn.countAll<number | string>().as("count"),
            eb.fn.sum<number | string>("size").as("bytes"),
          ])
          .where("owner_id", "=", ownerId)
          .executeTakeFirst()
        return { count: Number(row?.count ?? 0), bytes: Number(row?.bytes ?? 0) }
      }),
  }
  return WalletStore.of(store)
})

/** WalletStore over the database of a SqlStorage layer (provide that layer to it). */
export const SqlWalletStore = {
  layer: Layer.effect(WalletStore, makeSqlWalletStore),
}
