// The IssuedResultStore port of @motcua/application over the storage's database (table `issued_result`, created by
// the "issued-results" migration): signed results by verification id, shared by every instance on the database.
import { type IssuedResult, IssuedResultStore, type IssuedResultStoreShape } from "@motcua/application"
import { Effect, Layer } from "effect"
import type { Kysely, QueryResult } from "kysely"
import { SqlDatabase } from "./layers.ts"
import { type PreparedQuery, param, prepare } from "./prepared.ts"
import { ask, ok } from "./program.ts"

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
  const { db: kysely, runProgram } = yield* SqlDatabase
  const db = kysely as unknown as Kysely<ResultsDB>
  const p = <T = never>(name: string) => param<T>(name)
  const queries = {
    insert: prepare(
      db
        .insertInto("issued_result")
        .values({
          id: p("id"),
          dossier_code: p("dossier_code"),
          signed_at: p("signed_at"),
          record: p("record"),
          status: p("status"),
          revoked_at: p("revoked_at"),
          revoked_by: p("revoked_by"),
          revocation_reason: p("revocation_reason"),
        })
        .compile(),
    ),
    find: prepare(db.selectFrom("issued_result").selectAll().where("id", "=", p("id")).compile()),
    ofDossier: prepare(
      db
        .selectFrom("issued_result")
        .selectAll()
        .where("dossier_code", "=", p("code"))
        .orderBy("signed_at", "desc")
        .orderBy("id")
        .compile(),
    ),
    revoke: prepare(
      db
        .updateTable("issued_result")
        .set({ status: "revoked", revoked_at: p("at"), revoked_by: p("by"), revocation_reason: p("reason") })
        .where("id", "=", p("id"))
        .where("status", "=", "valid")
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
    runProgram(`issued results: ${operation}`, false, function* () {
      return ok(f(yield* ask(query, values)))
    })
  const shape: IssuedResultStoreShape = {
    record: (result) => {
      const { status, revokedAt, revokedBy, revocationReason, ...fixed } = result
      return one(
        "record",
        queries.insert,
        {
          id: result.id,
          dossier_code: result.dossierCode,
          signed_at: result.signedAt,
          record: JSON.stringify(fixed),
          status,
          revoked_at: revokedAt ?? null,
          revoked_by: revokedBy ?? null,
          revocation_reason: revocationReason ?? null,
        },
        () => undefined,
      )
    },
    find: (id) =>
      one("find", queries.find, { id }, ({ rows }) => (rows[0] === undefined ? undefined : fromRow(rows[0]))),
    ofDossier: (code) => one("of dossier", queries.ofDossier, { code }, ({ rows }) => rows.map(fromRow)),
    revoke: (id, { at, by, reason }) =>
      one("revoke", queries.revoke, { id, at, by, reason }, (r) => Number(r.numAffectedRows ?? 0) === 1),
  }
  return IssuedResultStore.of(shape)
})

/** IssuedResultStore over the database of a SqlStorage layer (provide that layer to it). */
export const SqlIssuedResultStore = {
  layer: Layer.effect(IssuedResultStore, makeSqlIssuedResultStore),
}
