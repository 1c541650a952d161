// Migration 2026-12-07-185 on a database that has index facts already: every row gets the dossier report's columns
// from its dossier's stored snapshot (the application's reportFactsOf, the same as a refresh computes), and a row
// whose snapshot cannot be read is removed and its dossier marked stale (the next refresh rebuilds or names it),
// never left half-filled. On SQLite, and on PostgreSQL when the test server is there.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { reportFactsOf, summarize } from "@motcua/application"
import { type DossierContext, dossierFacts, makeCalendar, type PersistedDossier } from "@motcua/domain"
import { arbDossierSnapshot, arbProcedure, defaultWorld } from "@motcua/testkit"
import fc from "fast-check"
import { type Kysely, sql } from "kysely"
import { afterAll, describe, expect, it } from "vitest"
import { reportColumns } from "./indicators.ts"
import { migrateToLatest } from "./migrations.ts"
import { openPostgres } from "./postgres.ts"
import type { DB, Dialect } from "./schema.ts"
import { openSqlite } from "./sqlite.ts"
import { describeOnPostgres, freshPostgresDatabase, migrateAllBut } from "./testing.ts"

const MIGRATION = "2026-12-07-185-report-facts"
const calendar = makeCalendar({})
const [procedure] = fc.sample(arbProcedure({ variants: false }), { numRuns: 1, seed: 185 })
if (procedure === undefined) throw new Error("no procedure generated")
const snapshots: PersistedDossier[] = fc
  .sample(arbDossierSnapshot(procedure, { world: defaultWorld, calendar, maxLength: 20 }), { numRuns: 12, seed: 185 })
  .map((s, n) => ({ ...s, context: { ...s.context, dossierCode: `D-${String(n).padStart(3, "0")}` } }))
const BROKEN = "D-999"

/** The schema as it was before the migration, with dossiers and their facts in it (one dossier's snapshot broken). */
async function before(db: Kysely<DB>, dialect: Dialect) {
  await migrateAllBut(db as unknown as Kysely<unknown>, dialect, MIGRATION)
  const rows = [
    ...snapshots.map((s) => ({ code: s.context.dossierCode, snapshot: JSON.stringify(s), s })),
    { code: BROKEN, snapshot: '{"value":"working"}', s: snapshots[0] as PersistedDossier },
  ]
  for (const { code, snapshot, s } of rows) {
    const summary = summarize(s, procedure as never)
    await sql`insert into dossier (code, version, status_code, state, procedure_code, agency_code, unit_code,
        fee_total_dong, snapshot, created_at, updated_at)
      values (${code}, 1, ${summary.statusCode}, ${summary.state}, ${summary.procedureCode}, ${summary.agencyCode},
        ${summary.unitCode}, 0, ${snapshot}, '2026-10-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z')`.execute(db)
    const f = dossierFacts(s.context, calendar)
    await sql`insert into indicator_fact (code, version, agency_code, unit_code, procedure_code, channel, standing,
        received_at, electronic_result, digitised, reused_data, verified_account, fee_due, paid_online)
      values (${code}, 1, ${f.agencyCode}, ${f.unitCode}, ${f.procedureCode}, ${f.channel}, ${f.standing},
        ${f.receivedAt}, 0, 0, 0, 0, 0, 0)`.execute(db)
  }
  // the facts are current: nothing is marked stale before the migration
  await sql`delete from indicator_dirty`.execute(db)
}

async function check(db: Kysely<DB>, dialect: Dialect) {
  await before(db, dialect)
  const outcome = await migrateToLatest(db as Kysely<unknown>, dialect)
  expect(outcome.applied).toEqual([MIGRATION])
  const stored = await db
    .selectFrom("indicator_fact")
    .select([
      "code",
      "status_code",
      "received_day",
      "timeliness",
      "payment_paid",
      "payment_all_online",
      "intake_point_id",
      "holder_agency_code",
    ])
    .orderBy("code")
    .execute()
  const expected = snapshots.map((s) => {
    const status = summarize(s, procedure as never).statusCode
    return { code: s.context.dossierCode, ...reportColumns(reportFactsOf(status, s.context as DossierContext)) }
  })
  expect(stored.map((r) => ({ ...r, status_code: Number(r.status_code) }))).toEqual(expected)
  // the broken one: no facts, marked stale, its dossier untouched
  expect(stored.some((r) => r.code === BROKEN)).toBe(false)
  const dirty = await db.selectFrom("indicator_dirty").select("code").execute()
  expect(dirty.map((r) => r.code)).toEqual([BROKEN])
  const dossiers = await db.selectFrom("dossier").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow()
  expect(Number(dossiers.n)).toBe(snapshots.length + 1)
  // the generated dossiers are not all alike in what the migration fills
  expect(new Set(expected.map((e) => e.timeliness)).size).toBeGreaterThan(1)
  expect(new Set(expected.map((e) => e.status_code)).size).toBeGreaterThan(2)
}

describe(`migration ${MIGRATION}`, () => {
  const folder = mkdtempSync(join(tmpdir(), "motcua-report-facts-"))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))
  it("fills the report's columns of the facts there are, on SQLite", async () => {
    const { db } = openSqlite({ file: join(folder, "motcua.sqlite") })
    try {
      await check(db, "sqlite")
    } finally {
      await db.destroy()
    }
  })
})

describeOnPostgres(`migration ${MIGRATION} on PostgreSQL`, (adminUrl) => {
  it("fills the report's columns of the facts there are, on PostgreSQL", async () => {
    const database = await freshPostgresDatabase(adminUrl, "motcua_m")
    const { db } = openPostgres({ url: database.url })
    try {
      await check(db, "postgres")
    } finally {
      await db.destroy()
      await database.drop()
    }
  })
})
