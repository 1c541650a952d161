// Citizens' ratings and petitions (FeedbackStore port, issue 15). A rating is one row per dossier (the primary key
// makes "once" hold under concurrency too); a petition is the domain's Petition as JSON with what lists and the index
// read in columns (the domain's petitionFacts), versioned like dossiers: a save with a stale version changes nothing.
import {
  AlreadyRated,
  type DossierRating,
  type FeedbackStoreShape,
  PetitionNotFound,
  type StoredPetition,
  StoreUnavailable,
  VersionConflict,
} from "@motcua/application"
import { type Petition, petitionFacts, storedInstant } from "@motcua/domain"
import { Effect } from "effect"
import { type Selectable, sql } from "kysely"
import { scopeSql } from "./indicators.ts"
import type { DossierRatingTable, PetitionTable } from "./schema.ts"
import { affected, parseJson, type StorageContext } from "./storage-context.ts"

const petitionColumns = (p: Petition) => {
  const f = petitionFacts(p)
  return {
    sender_id: p.sender.id,
    agency_code: p.agencyCode,
    unit_code: p.unitCode ?? null,
    procedure_code: f.procedureCode,
    dossier_code: f.dossierCode,
    status: p.status,
    sent_at: f.sentAt,
    classified: f.classified ? 1 : 0,
    ended_at: f.endedAt,
    due_at: f.dueAt,
    late_at: f.lateAt,
    not_satisfied: f.notSatisfied ? 1 : 0,
    re_petitioned: f.rePetitioned ? 1 : 0,
    body: JSON.stringify(p),
  }
}

const storedOf = (row: Pick<Selectable<PetitionTable>, "id" | "version" | "body">): StoredPetition => ({
  petition: parseJson(row.body, `petition ${row.id}`) as unknown as Petition,
  version: Number(row.version),
})

const ratingOf = (row: Selectable<DossierRatingTable>): DossierRating => ({
  dossierCode: row.dossier_code,
  raterId: row.rater_id,
  at: row.at,
  access: Number(row.access),
  procedure: Number(row.procedure),
  officer: Number(row.officer),
  result: Number(row.result),
  liked: Number(row.liked) === 1,
  ...(row.comment === null ? {} : { comment: row.comment }),
})

export function makeFeedbackStore(ctx: StorageContext): FeedbackStoreShape {
  const { db } = ctx
  const parsed = <A>(operation: string, f: () => A) =>
    Effect.try({ try: f, catch: (cause) => new StoreUnavailable({ operation, cause }) })
  return {
    rate: (rating) =>
      ctx.inTransaction("rate dossier", (x) =>
        Effect.gen(function* () {
          const inserted = yield* x.query(
            "rate dossier",
            db
              .insertInto("dossier_rating")
              .values({
                dossier_code: rating.dossierCode,
                rater_id: rating.raterId,
                at: rating.at,
                access: rating.access,
                procedure: rating.procedure,
                officer: rating.officer,
                result: rating.result,
                liked: rating.liked ? 1 : 0,
                comment: rating.comment ?? null,
              })
              .onConflict((oc) => oc.column("dossier_code").doNothing())
              .compile(),
          )
          if (affected(inserted) === 1) return
          const before = yield* x.query(
            "rate dossier",
            db.selectFrom("dossier_rating").select("at").where("dossier_code", "=", rating.dossierCode).compile(),
          )
          return yield* Effect.fail(
            new AlreadyRated({ dossierCode: rating.dossierCode, at: before.rows[0]?.at ?? rating.at }),
          )
        }),
      ),
    ratingOf: (code) =>
      ctx.withDb((x) =>
        x
          .query(
            "rating of a dossier",
            db.selectFrom("dossier_rating").selectAll().where("dossier_code", "=", code).compile(),
          )
          .pipe(Effect.map(({ rows }) => (rows[0] === undefined ? undefined : ratingOf(rows[0])))),
      ),
    createPetition: (petition) =>
      ctx.withDb((x) =>
        x
          .query(
            "create petition",
            db
              .insertInto("petition")
              .values({ id: petition.id, version: 1, ...petitionColumns(petition) })
              .compile(),
          )
          .pipe(Effect.asVoid),
      ),
    savePetition: (petition, expectedVersion) =>
      ctx.inTransaction("save petition", (x) =>
        Effect.gen(function* () {
          const updated = yield* x.query(
            "save petition",
            db
              .updateTable("petition")
              .set({ version: sql`version + 1`, ...petitionColumns(petition) })
              .where("id", "=", petition.id)
              .where("version", "=", expectedVersion)
              .compile(),
          )
          if (affected(updated) === 1) return expectedVersion + 1
          const stored = yield* x.query(
            "save petition",
            db.selectFrom("petition").select("version").where("id", "=", petition.id).compile(),
          )
          const row = stored.rows[0]
          if (row === undefined) return yield* Effect.fail(new PetitionNotFound({ id: petition.id }))
          return yield* Effect.fail(
            new VersionConflict({ code: petition.id, expectedVersion, actualVersion: Number(row.version) }),
          )
        }),
      ),
    getPetition: (id) =>
      ctx.withDb((x) =>
        x
          .query(
            "get petition",
            db.selectFrom("petition").select(["id", "version", "body"]).where("id", "=", id).compile(),
          )
          .pipe(
            Effect.flatMap(({ rows }) =>
              parsed("get petition", () => (rows[0] === undefined ? undefined : storedOf(rows[0]))),
            ),
          ),
      ),
    listPetitions: (query) =>
      ctx.withDb((x) =>
        Effect.gen(function* () {
          let before: { sentAt: string; id: string } | undefined
          if (query.beforeId !== undefined) {
            const found = yield* x.query(
              "list petitions",
              db.selectFrom("petition").select(["sent_at", "id"]).where("id", "=", query.beforeId).compile(),
            )
            const row = found.rows[0]
            if (row !== undefined) before = { sentAt: storedInstant(row.sent_at), id: row.id }
          }
          let q = db
            .selectFrom("petition")
            .select(["id", "version", "body"])
            .where(scopeSql(query, "petition"))
            .orderBy("sent_at", "desc")
            .orderBy("id", "desc")
            .limit(Math.max(0, Math.trunc(query.limit)))
          if (query.senderId !== undefined) q = q.where("sender_id", "=", query.senderId)
          if (query.statuses !== undefined)
            q =
              query.statuses.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where("status", "in", [...query.statuses])
          if (before !== undefined) {
            const b = before
            q = q.where((eb) =>
              eb.or([eb("sent_at", "<", b.sentAt), eb.and([eb("sent_at", "=", b.sentAt), eb("id", "<", b.id)])]),
            )
          }
          const { rows } = yield* x.query("list petitions", q.compile())
          return yield* parsed("list petitions", () => rows.map(storedOf))
        }),
      ),
  }
}
