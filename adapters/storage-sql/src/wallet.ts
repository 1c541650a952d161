// The WalletStore port of @motcua/application over the storage's database (table `wallet_entry`, created by the
// "wallet" migration): the citizen's e-wallet, each entry with its bytes (bytea on PostgreSQL, blob on SQLite).
import { type WalletEntry, WalletStore, type WalletStoreShape } from "@motcua/application"
import { Effect, Layer } from "effect"
import type { Kysely, QueryResult } from "kysely"
import { SqlDatabase } from "./layers.ts"
import { type PreparedQuery, param, prepare } from "./prepared.ts"
import { ask, ok } from "./program.ts"

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
  const { db: kysely, runProgram } = yield* SqlDatabase
  const db = kysely as unknown as Kysely<WalletDB>
  const p = <T = never>(name: string) => param<T>(name)
  const queries = {
    add: prepare(
      db
        .insertInto("wallet_entry")
        .values({
          id: p("id"),
          owner_id: p("owner_id"),
          kind: p("kind"),
          document_type: p("document_type"),
          name: p("name"),
          media_type: p("media_type"),
          size: p("size"),
          sha256: p("sha256"),
          valid_from: p("valid_from"),
          valid_until: p("valid_until"),
          dossier_code: p("dossier_code"),
          created_at: p("created_at"),
          replaced_by: p("replaced_by"),
          content: p("content"),
        })
        .compile(),
    ),
    list: prepare(
      db
        .selectFrom("wallet_entry")
        .select(COLUMNS)
        .where("owner_id", "=", p("owner"))
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .compile(),
    ),
    get: prepare(db.selectFrom("wallet_entry").select(COLUMNS).where("id", "=", p("id")).compile()),
    content: prepare(db.selectFrom("wallet_entry").select("content").where("id", "=", p("id")).compile()),
    markReplaced: prepare(
      db
        .updateTable("wallet_entry")
        .set({ replaced_by: p("by") })
        .where("id", "=", p("id"))
        .compile(),
    ),
    remove: prepare(db.deleteFrom("wallet_entry").where("id", "=", p("id")).compile()),
    usage: prepare(
      db
        .selectFrom("wallet_entry")
        .select((eb) => [eb.fn.countAll<number | string>().as("count"), eb.fn.sum<number | string>("size").as("bytes")])
        .where("owner_id", "=", p("owner"))
        .compile(),
    ),
  }
  // One statement each, run as a program (program.ts) on the storage's connection: on SQLite synchronously inside
  // the open group-commit batch, answered once committed, without holding the connection's lock across a promise
  // (kysely's asynchronous executor inside UnitOfWork.transaction did, and every other operation queued for it).
  const one = <Row, A>(
    operation: string,
    query: PreparedQuery<Row>,
    values: Readonly<Record<string, unknown>>,
    f: (result: QueryResult<Row>) => A,
  ) =>
    runProgram(`wallet: ${operation}`, false, function* () {
      return ok(f(yield* ask(query, values)))
    })
  const changed = (result: QueryResult<unknown>) => Number(result.numAffectedRows ?? 0) > 0
  const store: WalletStoreShape = {
    add: (entry, bytes) =>
      one(
        "add",
        queries.add,
        {
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
        },
        () => undefined,
      ),
    list: (ownerId) => one("list", queries.list, { owner: ownerId }, ({ rows }) => rows.map(entryOf)),
    get: (id) => one("get", queries.get, { id }, ({ rows }) => (rows[0] === undefined ? undefined : entryOf(rows[0]))),
    content: (id) =>
      one("content", queries.content, { id }, ({ rows }) =>
        rows[0] === undefined ? undefined : new Uint8Array(rows[0].content),
      ),
    markReplaced: (id, replacedBy) => one("mark replaced", queries.markReplaced, { id, by: replacedBy }, changed),
    remove: (id) => one("remove", queries.remove, { id }, changed),
    usage: (ownerId) =>
      one("usage", queries.usage, { owner: ownerId }, ({ rows }) => ({
        count: Number(rows[0]?.count ?? 0),
        bytes: Number(rows[0]?.bytes ?? 0),
      })),
  }
  return WalletStore.of(store)
})

/** WalletStore over the database of a SqlStorage layer (provide that layer to it). */
export const SqlWalletStore = {
  layer: Layer.effect(WalletStore, makeSqlWalletStore),
}
