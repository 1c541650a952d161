// The index's counting (IndicatorStore port, issue 15): each dossier's facts in `indicator_fact` (computed by the
// application from the snapshot, kept with the dossier version they are of), the dossiers whose record reached the
// national portal (`dossier_synced`), the dossiers whose facts may be stale (`indicator_dirty`, kept by triggers), and the period's sums in one GROUP BY per authority, unit and procedure — the
// domain's reference tally (tallyDossiers, tallyPetitions) written in SQL that runs the same on SQLite and
// PostgreSQL. Instants are fixed-width UTC text, so every comparison is a text comparison.
import {
  type DossierReportFacts,
  type DrillDown,
  type DrilledDossier,
  type IndicatorStoreShape,
  type ReportGroup,
  reportFactsOf,
  type ScopeFilter,
  StoreUnavailable,
  type TargetReach,
} from "@motcua/application"
import {
  byTallyKey,
  type DossierContext,
  type DossierFacts,
  type DossierTally,
  type DossierTimeliness,
  type PetitionTally,
} from "@motcua/domain"
import { Effect } from "effect"
import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from "kysely"
import type { DB } from "./schema.ts"
import { parseJson, type StorageContext } from "./storage-context.ts"

const bit = (b: boolean) => (b ? 1 : 0)

/** The scope as a condition on `alias`'s `agency_code` and `unit_code`: either list matches; none given: all. */
export function scopeSql(scope: ScopeFilter, alias: string): RawBuilder<SqlBool> {
  if (scope.agencyCodes === undefined && scope.unitCodes === undefined) return sql<SqlBool>`1 = 1`
  const parts: RawBuilder<SqlBool>[] = []
  const agencies = scope.agencyCodes ?? []
  const units = scope.unitCodes ?? []
  if (agencies.length > 0) parts.push(sql<SqlBool>`${sql.ref(`${alias}.agency_code`)} in (${sql.join([...agencies])})`)
  if (units.length > 0) parts.push(sql<SqlBool>`${sql.ref(`${alias}.unit_code`)} in (${sql.join([...units])})`)
  return parts.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`(${sql.join(parts, sql` or `)})`
}

/**
 * A reader's reach as a condition on `alias`'s columns (the policy's `reaches`, in SQL): either list matching is
 * enough; nothing listed reaches nothing.
 */
export function reachSql(reach: TargetReach, alias: string): RawBuilder<SqlBool> {
  if (reach._tag === "Everything") return sql<SqlBool>`1 = 1`
  const parts: RawBuilder<SqlBool>[] = []
  for (const [column, list] of [
    ["agency_code", reach.agencyCodes],
    ["unit_code", reach.unitCodes],
    ["intake_point_id", reach.intakePointIds],
    ["holder_agency_code", reach.holderAgencyCodes],
  ] as const)
    if (list.length > 0) parts.push(sql<SqlBool>`${sql.ref(`${alias}.${column}`)} in (${sql.join([...list])})`)
  return parts.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`(${sql.join(parts, sql` or `)})`
}

/** 2.1's judgement at `end` (the domain's withinTimeAt), for a row of indicator_fact. */
const withinTime = (end: string) => sql<SqlBool>`(f.late_marked_at is null or f.late_marked_at >= ${end}) and (
    (f.ended_at is not null and f.ended_at < ${end} and (f.appointment_at is null or f.ended_at <= f.appointment_at))
    or ((f.ended_at is null or f.ended_at >= ${end}) and (f.appointment_at is null or f.appointment_at >= ${end}
      or (f.paused_since is not null and f.paused_since < ${end} and f.paused_since < f.appointment_at))))`

const synced = sql<SqlBool>`s.dossier_code is not null`
const complained = sql<SqlBool>`(exists (select 1 from petition p where p.dossier_code = f.code)
  or exists (select 1 from dossier_rating r where r.dossier_code = f.code and r.liked = 0))`
const count = (condition: Expression<SqlBool>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`

const drillCondition: Readonly<Record<DrillDown, (end: string) => Expression<SqlBool>>> = {
  late: (end) => sql<SqlBool>`f.standing <> 'withdrawn' and not (${withinTime(end)})`,
  unsynced: () => sql<SqlBool>`s.dossier_code is null`,
  "not-online": () => sql<SqlBool>`f.channel <> 'online'`,
  "not-digitised": () => sql<SqlBool>`f.digitised = 0`,
  "no-electronic-result": () => sql<SqlBool>`f.electronic_result = 0`,
  "not-paid-online": () => sql<SqlBool>`f.fee_due = 1 and f.paid_online = 0`,
  complained: () => complained,
}

/** The dossier report's columns of a row of indicator_fact. */
export const reportColumns = (r: DossierReportFacts) => ({
  status_code: r.statusCode,
  received_day: r.receivedDay,
  timeliness: r.timeliness,
  payment_paid: bit(r.paid),
  payment_all_online: bit(r.paidOnline),
  intake_point_id: r.intakePointId,
  holder_agency_code: r.holderAgencyCode,
})

const factColumns = (version: number, f: DossierFacts, r: DossierReportFacts) => ({
  code: f.code,
  version,
  agency_code: f.agencyCode,
  unit_code: f.unitCode,
  procedure_code: f.procedureCode,
  channel: f.channel,
  standing: f.standing,
  received_at: f.receivedAt,
  accepted_at: f.acceptedAt,
  ended_at: f.endedAt,
  appointment_at: f.appointmentAt,
  late_marked_at: f.lateMarkedAt,
  paused_since: f.pausedSince,
  handling_minutes: f.handlingMinutes,
  electronic_result: bit(f.electronicResult),
  digitised: bit(f.digitised),
  reused_data: bit(f.reusedData),
  verified_account: bit(f.verifiedAccount),
  fee_due: bit(f.feeDue),
  paid_online: bit(f.paidOnline),
  ...reportColumns(r),
})

/** Rows per insert statement: well under SQLite's and PostgreSQL's parameter limits (27 columns each). */
const CHUNK = 200

export function makeIndicatorStore(ctx: StorageContext): IndicatorStoreShape {
  const db = ctx.db as Kysely<DB>
  const facts = () => db.selectFrom("indicator_fact as f").leftJoin("dossier_synced as s", "s.dossier_code", "f.code")
  return {
    stale: (afterCode, limit) =>
      ctx.withDb((x) =>
        x
          .query(
            "stale indicator facts",
            db
              // only the dossiers marked since their facts were last saved (migration 2026-12-06-141's triggers)
              .selectFrom("indicator_dirty as x")
              .innerJoin("dossier as d", "d.code", "x.code")
              .leftJoin("indicator_fact as f", "f.code", "d.code")
              .select(["d.code", "d.version", "d.status_code", "d.snapshot"])
              .where("x.code", ">", afterCode)
              .where((eb) => eb.or([eb("f.code", "is", null), eb("f.version", "<", eb.ref("d.version"))]))
              .orderBy("x.code")
              .limit(Math.max(0, Math.trunc(limit)))
              .compile(),
          )
          .pipe(
            Effect.flatMap(({ rows }) =>
              Effect.try({
                try: () =>
                  rows.map((row) => ({
                    code: row.code,
                    version: Number(row.version),
                    statusCode: Number(row.status_code),
                    snapshot: parseJson(row.snapshot, `snapshot of ${row.code}`),
                  })),
                catch: (cause) => new StoreUnavailable({ operation: "stale indicator facts", cause }),
              }),
            ),
          ),
      ),
    saveFacts: (rows) =>
      rows.length === 0
        ? Effect.void
        : ctx.inTransaction("save indicator facts", (x) =>
            Effect.forEach(
              Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK)),
              (chunk) =>
                x.query(
                  "save indicator facts",
                  db
                    .insertInto("indicator_fact")
                    .values(chunk.map((r) => factColumns(r.version, r.facts, r.report)))
                    .onConflict((oc) =>
                      oc
                        .column("code")
                        .doUpdateSet((eb) => {
                          const first = chunk[0] as (typeof chunk)[number]
                          const columns = Object.keys(factColumns(0, first.facts, first.report)).filter(
                            (c) => c !== "code",
                          ) as Array<keyof ReturnType<typeof factColumns>>
                          return Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]))
                        })
                        .where("indicator_fact.version", "<", (eb) => eb.ref("excluded.version")),
                    )
                    .compile(),
                ),
              { discard: true },
            ).pipe(
              // unmark what is current now; a dossier written meanwhile stays marked (its version moved on)
              Effect.andThen(
                Effect.forEach(
                  Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) =>
                    rows.slice(i * CHUNK, (i + 1) * CHUNK).map((r) => r.facts.code),
                  ),
                  (codes) =>
                    x.query(
                      "save indicator facts",
                      db
                        .deleteFrom("indicator_dirty")
                        .where("code", "in", codes)
                        .where((eb) =>
                          eb.exists(
                            eb
                              .selectFrom("indicator_fact as f")
                              .innerJoin("dossier as d", "d.code", "f.code")
                              .select(sql`1`.as("one"))
                              .whereRef("f.code", "=", "indicator_dirty.code")
                              .whereRef("f.version", ">=", "d.version"),
                          ),
                        )
                        .compile(),
                    ),
                  { discard: true },
                ),
              ),
            ),
          ),
    markSynced: (code, at) =>
      ctx.withDb((x) =>
        x
          .query(
            "mark synced",
            db
              .insertInto("dossier_synced")
              .values({ dossier_code: code, synced_at: at })
              .onConflict((oc) => oc.column("dossier_code").doNothing())
              .compile(),
          )
          .pipe(Effect.asVoid),
      ),
    tallyDossiers: (period, scope) =>
      ctx.withDb((x) =>
        x
          .query(
            "tally dossiers",
            facts()
              .select([
                "f.agency_code",
                "f.unit_code",
                "f.procedure_code",
                sql<number>`count(*)`.as("received"),
                count(sql<SqlBool>`f.standing <> 'withdrawn'`).as("counted"),
                count(sql<SqlBool>`f.standing <> 'withdrawn' and ${withinTime(period.endInstant)}`).as("within_time"),
                count(sql<SqlBool>`f.standing <> 'withdrawn' and f.handling_minutes is not null`).as("ended"),
                sql<number>`sum(case when f.standing <> 'withdrawn' and f.handling_minutes is not null then f.handling_minutes else 0 end)`.as(
                  "handling_minutes",
                ),
                count(sql<SqlBool>`f.channel = 'online'`).as("online"),
                count(synced).as("synced"),
                count(sql<SqlBool>`${synced} and f.fee_due = 1`).as("synced_with_fee"),
                sql<number>`sum(f.electronic_result)`.as("electronic_result"),
                sql<number>`sum(f.digitised)`.as("digitised"),
                sql<number>`sum(f.reused_data)`.as("reused_data"),
                count(sql<SqlBool>`${synced} and (f.reused_data = 1 or f.electronic_result = 1)`).as(
                  "shared_for_reuse",
                ),
                count(sql<SqlBool>`${synced} and (f.verified_account = 1 or f.reused_data = 1)`).as("population_data"),
                sql<number>`sum(f.fee_due)`.as("fee_due"),
                count(sql<SqlBool>`f.fee_due = 1 and f.paid_online = 1`).as("paid_online"),
                count(complained).as("complained"),
              ])
              .where("f.received_at", ">=", period.startInstant)
              .where("f.received_at", "<", period.endInstant)
              .where("f.standing", "<>", "refused")
              .where(scopeSql(scope, "f"))
              .groupBy(["f.agency_code", "f.unit_code", "f.procedure_code"])
              .compile(),
          )
          .pipe(
            Effect.map(({ rows }) =>
              rows
                .map(
                  (r): DossierTally => ({
                    agencyCode: r.agency_code,
                    unitCode: r.unit_code,
                    procedureCode: r.procedure_code,
                    received: Number(r.received),
                    counted: Number(r.counted),
                    withinTime: Number(r.within_time),
                    ended: Number(r.ended),
                    handlingMinutes: Number(r.handling_minutes),
                    online: Number(r.online),
                    synced: Number(r.synced),
                    syncedWithFee: Number(r.synced_with_fee),
                    electronicResult: Number(r.electronic_result),
                    digitised: Number(r.digitised),
                    reusedData: Number(r.reused_data),
                    sharedForReuse: Number(r.shared_for_reuse),
                    populationData: Number(r.population_data),
                    feeDue: Number(r.fee_due),
                    paidOnline: Number(r.paid_online),
                    complained: Number(r.complained),
                  }),
                )
                .sort(byTallyKey),
            ),
          ),
      ),
    tallyPetitions: (period, scope) => {
      const end = period.endInstant
      const onTime = sql<SqlBool>`(p.late_at is null or p.late_at >= ${end}) and ((p.ended_at is not null and p.ended_at < ${end}) or p.due_at >= ${end})`
      return ctx.withDb((x) =>
        x
          .query(
            "tally petitions",
            db
              .selectFrom("petition as p")
              .select([
                "p.agency_code",
                "p.unit_code",
                "p.procedure_code",
                sql<number>`count(*)`.as("petitions"),
                sql<number>`sum(p.classified)`.as("classified"),
                count(onTime).as("on_time"),
                count(sql<SqlBool>`${onTime} and p.not_satisfied = 0 and p.re_petitioned = 0`).as("satisfied"),
              ])
              .where("p.sent_at", ">=", period.startInstant)
              .where("p.sent_at", "<", end)
              .where(scopeSql(scope, "p"))
              .groupBy(["p.agency_code", "p.unit_code", "p.procedure_code"])
              .compile(),
          )
          .pipe(
            Effect.map(({ rows }) =>
              rows
                .map(
                  (r): PetitionTally => ({
                    agencyCode: r.agency_code,
                    unitCode: r.unit_code,
                    procedureCode: r.procedure_code,
                    petitions: Number(r.petitions),
                    classified: Number(r.classified),
                    onTime: Number(r.on_time),
                    satisfied: Number(r.satisfied),
                  }),
                )
                .sort(byTallyKey),
            ),
          ),
      )
    },
    reportCounts: (days, reach) => {
      let query = db
        .selectFrom("indicator_fact as f")
        .select([
          "f.status_code",
          "f.unit_code",
          "f.agency_code",
          "f.procedure_code",
          sql<string>`substr(f.received_day, 1, 7)`.as("month"),
          "f.timeliness",
          "f.payment_paid",
          "f.payment_all_online",
          sql<number>`count(*)`.as("count"),
        ])
        .where(reachSql(reach, "f"))
      if (days.fromDay !== undefined) query = query.where("f.received_day", ">=", days.fromDay)
      if (days.toDay !== undefined) query = query.where("f.received_day", "<=", days.toDay)
      return ctx.withDb((x) =>
        x
          .query(
            "dossier report counts",
            query
              .groupBy([
                "f.status_code",
                "f.unit_code",
                "f.agency_code",
                "f.procedure_code",
                sql`substr(f.received_day, 1, 7)`,
                "f.timeliness",
                "f.payment_paid",
                "f.payment_all_online",
              ])
              .compile(),
          )
          .pipe(
            Effect.map(({ rows }) =>
              rows.map(
                (r): ReportGroup => ({
                  statusCode: Number(r.status_code),
                  unitCode: r.unit_code,
                  agencyCode: r.agency_code,
                  procedureCode: r.procedure_code,
                  month: r.month,
                  timeliness: r.timeliness as DossierTimeliness,
                  paid: Number(r.payment_paid) === 1,
                  paidOnline: Number(r.payment_all_online) === 1,
                  count: Number(r.count),
                }),
              ),
            ),
          ),
      )
    },
    dossiersBehind: (period, scope, which, afterCode, limit) =>
      ctx.withDb((x) =>
        x
          .query(
            "dossiers behind a number",
            facts()
              .select([
                "f.code",
                "f.agency_code",
                "f.unit_code",
                "f.procedure_code",
                "f.channel",
                "f.received_at",
                "f.appointment_at",
                "f.ended_at",
              ])
              .where("f.received_at", ">=", period.startInstant)
              .where("f.received_at", "<", period.endInstant)
              .where("f.standing", "<>", "refused")
              .where("f.code", ">", afterCode)
              .where(scopeSql(scope, "f"))
              .where(drillCondition[which](period.endInstant))
              .orderBy("f.code")
              .limit(Math.max(0, Math.trunc(limit)))
              .compile(),
          )
          .pipe(
            Effect.map(({ rows }) =>
              rows.map(
                (r): DrilledDossier => ({
                  code: r.code,
                  agencyCode: r.agency_code,
                  unitCode: r.unit_code,
                  procedureCode: r.procedure_code,
                  channel: r.channel,
                  receivedAt: r.received_at,
                  appointmentAt: r.appointment_at,
                  endedAt: r.ended_at,
                }),
              ),
            ),
          ),
      ),
  }
}

/**
 * Fills the dossier report's columns of every row of indicator_fact from its dossier's stored snapshot (migration
 * 2026-12-07-185, which added them), a page of rows at a time. A row whose snapshot cannot be read as a dossier is
 * removed and its dossier marked stale: the next refresh rebuilds it, or names it unreadable, as for any dossier.
 * A row older than its dossier is filled from the newer snapshot; it is marked stale already and is rebuilt whole.
 */
export async function fillReportFacts(db: Kysely<DB>, pageSize = 1000): Promise<void> {
  let after = ""
  for (;;) {
    const page = await db
      .selectFrom("indicator_fact as f")
      .innerJoin("dossier as d", "d.code", "f.code")
      .select(["f.code", "d.status_code", "d.snapshot"])
      .where("f.code", ">", after)
      .orderBy("f.code")
      .limit(pageSize)
      .execute()
    for (const row of page) {
      let report: DossierReportFacts | undefined
      try {
        const context = (JSON.parse(row.snapshot) as { context?: DossierContext } | null)?.context
        if (context !== undefined) report = reportFactsOf(Number(row.status_code), context)
      } catch {
        report = undefined
      }
      if (report === undefined) {
        await db.deleteFrom("indicator_fact").where("code", "=", row.code).execute()
        await sql`insert into indicator_dirty (code) values (${row.code}) on conflict (code) do nothing`.execute(db)
      } else await db.updateTable("indicator_fact").set(reportColumns(report)).where("code", "=", row.code).execute()
    }
    const last = page.at(-1)
    if (last === undefined || page.length < pageSize) return
    after = last.code
  }
}
