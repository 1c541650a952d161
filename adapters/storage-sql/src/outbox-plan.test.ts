// The outbox's claims read the due rows in their turn only, on SQLite (where each statement is pinned to its index)
// and on PostgreSQL (where the planner chooses): rows waiting out their retries (a portal outage), rows behind their
// dossier's earlier rows (a backlog) and another topic's rows (a relay dedicated to one topic) cost a claim nothing;
// migration 2026-12-08-200 settles the turns of the rows open when it runs. The backlog's counts and oldest due row
// (the relay's lag) read outbox_open_due, not every open row; migration 2026-12-08-202 counts the open rows' past
// attempts as failures.
// On PostgreSQL two relays — one settling a row's turn while the other completes the row before it — leave the row
// with its turn whichever goes first.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Kysely } from "kysely"
import { sql } from "kysely"
import pg from "pg"
import { afterAll, describe, expect, it } from "vitest"
import { migrateToLatest } from "./migrations.ts"
import { prepareOutboxQueries } from "./outbox.ts"
import { openPostgres } from "./postgres.ts"
import { bindParameters, type PreparedQuery } from "./prepared.ts"
import type { DB, Dialect } from "./schema.ts"
import { openSqlite } from "./sqlite.ts"
import { describeOnPostgres, freshPostgresDatabase, migrateAllBut } from "./testing.ts"

const NOW = "2026-12-05T00:00:00.000Z"
const values = {
  worker: "relay-1",
  now: NOW,
  lease_until: "2026-12-05T00:01:00.000Z",
  limit: 16,
  max_attempts: 10,
  max_expiries: 5,
  topic: "portal.sync",
}
const PAST = "2026-12-04T00:00:00.000Z"
const LATER = "2026-12-05T06:00:00.000Z"

/**
 * A backlog ahead of (lower ids than) the few rows due: `others` open rows of another topic, due; then `waiting`
 * portal rows waiting out their retries (a portal outage), one per dossier; then 3 dossiers of 4 rows each, due, whose
 * later rows wait for their first. Written with the turns the relay would have settled (1, or 0 behind a key's row).
 */
const backlogSql = (others: number, waiting: number, series: (n: number) => string) => `
  insert into outbox (topic, dossier_code, payload, status, attempts, available_at, created_at, ordering_key, due_at, in_turn)
  select case when n <= ${others} then 'notify.sms' else 'portal.sync' end,
         'D' || cast(case when n <= ${others + waiting} then n else ${others + waiting} + (n - ${others + waiting} + 3) / 4 end as text),
         '{}', 'pending', 0,
         case when n > ${others} and n <= ${others + waiting} then '${LATER}' else '${PAST}' end, '${PAST}',
         case when n <= ${others} then null
              else 'portal.sync:D' || cast(case when n <= ${others + waiting} then n else ${others + waiting} + (n - ${others + waiting} + 3) / 4 end as text) end,
         '${PAST}',
         case when n <= ${others + waiting} or (n - ${others + waiting}) % 4 = 1 then 1 else 0 end
  from ${series(others + waiting + 12)}`

const TURNS = "2026-12-08-200-outbox-turns"

/**
 * Migration 2026-12-08-200 on an outbox with rows in it: a delivered row of key a, then a (claimed), a, b (dead), b,
 * and a row without a key. The open rows get their turn (the first still to do of each key, and the keyless row);
 * the done row gets none (it is never claimed again).
 */
async function migratesTurns(db: Kysely<DB>, dialect: Dialect) {
  await migrateAllBut(db as unknown as Kysely<unknown>, dialect, TURNS)
  for (const [status, key] of [
    ["done", "a"],
    ["claimed", "a"],
    ["pending", "a"],
    ["dead", "b"],
    ["pending", "b"],
    ["pending", null],
  ] as const)
    await sql`insert into outbox (topic, payload, status, attempts, available_at, created_at, ordering_key, due_at)
      values ('t', '{}', ${status}, 1, ${PAST}, ${PAST}, ${key}, ${PAST})`.execute(db)
  await migrateToLatest(db as unknown as Kysely<unknown>, dialect)
  const rows = (await sql<{ in_turn: number | null }>`select in_turn from outbox order by id`.execute(db)).rows
  expect(rows.map((row) => (row.in_turn === null ? null : Number(row.in_turn)))).toEqual([null, 1, 0, 1, 0, 1])
}

/** A migrated SQLite store in `folder` with the outbox's prepared queries. */
async function migratedStore(folder: string, name: string) {
  const { db, raw } = openSqlite({ file: join(folder, `${name}.sqlite`), synchronous: "NORMAL" })
  await migrateToLatest(db as unknown as Kysely<unknown>, "sqlite")
  return { db, raw, q: prepareOutboxQueries(db as Kysely<DB>, "sqlite") }
}

const FAILURES = "2026-12-08-202-outbox-failures"

/**
 * Migration 2026-12-08-202 on open rows that have been tried: their past attempts count as failed deliveries (all
 * but the one out now), so that none is buried as a row its relays died on; a done row is left as it was.
 */
async function migratesFailures(db: Kysely<DB>, dialect: Dialect) {
  await migrateAllBut(db as unknown as Kysely<unknown>, dialect, FAILURES)
  for (const [status, attempts] of [
    ["pending", 7],
    ["claimed", 3],
    ["done", 2],
  ] as const)
    await sql`insert into outbox (topic, payload, status, attempts, available_at, created_at, due_at, in_turn)
      values ('t', '{}', ${status}, ${attempts}, ${PAST}, ${PAST}, ${PAST}, 1)`.execute(db)
  await migrateToLatest(db as unknown as Kysely<unknown>, dialect)
  const rows = (await sql<{ failures: number }>`select failures from outbox order by id`.execute(db)).rows
  expect(rows.map((row) => Number(row.failures))).toEqual([7, 2, 0])
}

describe("outbox claims on SQLite", () => {
  const folder = mkdtempSync(join(tmpdir(), "motcua-outbox-plan-"))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  /** A check of a migration on a SQLite file of its own. */
  const onFile = (name: string, check: typeof migratesTurns) => async () => {
    const { db } = openSqlite({ file: join(folder, `${name}.sqlite`), synchronous: "NORMAL" })
    try {
      await check(db as Kysely<DB>, "sqlite")
    } finally {
      await db.destroy()
    }
  }
  it("migration 2026-12-08-202 counts the open rows' past attempts as failed deliveries", onFile("f", migratesFailures))
  it("migration 2026-12-08-200 gives the open rows their turns", onFile("m", migratesTurns))

  it("each claim statement walks its own partial index; behind 20,000 rows of another topic and 10,000 waiting out their retries, the one-topic claim leases the three due dossiers' first rows", async () => {
    const { db, raw, q } = await migratedStore(folder, "p")
    try {
      const plan = (query: PreparedQuery<unknown>, bound = values) =>
        (
          raw.prepare(`explain query plan ${query.compiled.sql}`).all(bindParameters(query, bound)) as {
            detail: string
          }[]
        )
          .map((row) => row.detail)
          .join("\n")
      // the claim's two parts, each on its index: the rows whose lease ran out, then the ready ones
      expect(plan(q.claimTopic)).toMatch(
        /USING (COVERING )?INDEX outbox_leased [\s\S]*USING (COVERING )?INDEX outbox_ready_topic /,
      )
      expect(plan(q.claim)).toMatch(
        /USING (COVERING )?INDEX outbox_leased [\s\S]*USING (COVERING )?INDEX outbox_ready /,
      )
      expect(plan(q.anyUnsettled)).toMatch(/USING (COVERING )?INDEX outbox_unsettled\b/)
      expect(plan(q.settleTurns, { ...values, limit: 512 })).toMatch(/USING (COVERING )?INDEX outbox_unsettled\b/)
      raw.exec(
        backlogSql(
          20_000,
          10_000,
          (count) =>
            `(with recursive s(n) as (select 1 union all select n + 1 from s where n < ${count}) select n from s)`,
        ),
      )
      const claimed = raw.prepare(q.claimTopic.compiled.sql).all(bindParameters(q.claimTopic, values)) as {
        dossier_code: string
      }[]
      expect(claimed.map((row) => row.dossier_code).sort()).toEqual(["D30001", "D30002", "D30003"])
      // every topic: the other topic's due rows come first (due as early, lower ids), up to the limit
      const any = raw.prepare(q.claim.compiled.sql).all(bindParameters(q.claim, values)) as { topic: string }[]
      expect(any.map((row) => row.topic)).toEqual(Array(16).fill("notify.sms"))
    } finally {
      await db.destroy()
    }
  })

  it("the backlog's counts read outbox_open_due alone, its oldest due row the index's front", async () => {
    const { db, raw, q } = await migratedStore(folder, "b")
    try {
      const plan = (text: string, parameters: unknown[]) =>
        (raw.prepare(`explain query plan ${text}`).all(parameters) as { detail: string }[])
          .map((row) => row.detail)
          .join("\n")
      expect(plan(q.openCounts.compiled.sql, bindParameters(q.openCounts, {}))).toMatch(
        /USING COVERING INDEX outbox_open_due/,
      )
      const oldest = plan(q.oldestDue.compiled.sql, bindParameters(q.oldestDue, { now: NOW }))
      expect(oldest.match(/USING COVERING INDEX outbox_open_due \(status=\? AND due_at<\?\)/g)).toHaveLength(2)
      const insert = raw.prepare(
        "insert into outbox (topic, payload, status, attempts, available_at, created_at, due_at) values ('t', '{}', ?, 0, ?, ?, ?)",
      )
      // done rows (the delivery record), then open ones: the newest due first in id order, so that the oldest is
      // not simply the first
      for (const [status, due] of [
        ["done", "2026-12-01T00:00:00.000Z"],
        ["pending", "2026-12-04T12:00:00.000Z"],
        ["claimed", "2026-12-04T06:00:00.000Z"],
        ["pending", "2026-12-04T09:00:00.000Z"],
        ["pending", LATER],
      ] as const)
        insert.run(status, due, PAST, due)
      const read = (query: PreparedQuery<unknown>, bound: Record<string, unknown>) =>
        raw.prepare(query.compiled.sql).all(bindParameters(query, bound))
      expect(read(q.oldestDue, { now: NOW })).toEqual([{ oldest: "2026-12-04T06:00:00.000Z" }])
      expect(read(q.openCounts, {})).toEqual(
        expect.arrayContaining([
          { status: "pending", n: 3 },
          { status: "claimed", n: 1 },
        ]),
      )
      // nothing due yet: no lag
      expect(read(q.oldestDue, { now: "2026-12-04T00:00:00.000Z" })).toEqual([{ oldest: null }])
    } finally {
      await db.destroy()
    }
  })

  it("settles new rows' turns in id order: a key's first row is in turn, the rows behind it wait, a row without a key never does", async () => {
    const { db, raw, q } = await migratedStore(folder, "s")
    try {
      const insert = raw.prepare(
        "insert into outbox (topic, payload, status, attempts, available_at, created_at, ordering_key, due_at) values ('t', '{}', ?, 0, ?, ?, ?, ?)",
      )
      // a done row of key a (delivered before), then a, a, b, none, b
      for (const [status, key] of [
        ["done", "a"],
        ["pending", "a"],
        ["pending", "a"],
        ["pending", "b"],
        ["pending", null],
        ["pending", "b"],
      ] as const)
        insert.run(status, PAST, PAST, key, PAST)
      raw.prepare(q.settleTurns.compiled.sql).run(bindParameters(q.settleTurns, { limit: 512 }))
      const turns = raw.prepare("select id, in_turn from outbox order by id").all() as { id: number; in_turn: number }[]
      expect(turns.map((row) => row.in_turn)).toEqual([null, 1, 0, 1, 1, 0])
    } finally {
      await db.destroy()
    }
  })
})

describeOnPostgres("outbox claims on PostgreSQL", (adminUrl) => {
  /** A check of a migration on a database of its own. */
  const onDatabase = (prefix: string, check: typeof migratesTurns) => async () => {
    const database = await freshPostgresDatabase(adminUrl, prefix)
    const { db } = openPostgres({ url: database.url, maxConnections: 2 })
    try {
      await check(db as Kysely<DB>, "postgres")
    } finally {
      await db.destroy()
      await database.drop()
    }
  }
  it(
    "migration 2026-12-08-202 counts the open rows' past attempts as failed deliveries",
    onDatabase("motcua_failures_migration", migratesFailures),
  )
  it("migration 2026-12-08-200 gives the open rows their turns", onDatabase("motcua_turns_migration", migratesTurns))

  it("a one-topic claim behind 20,000 rows of another topic and 10,000 waiting out their retries reads outbox_ready_topic and leases the due dossiers' first rows", async () => {
    const database = await freshPostgresDatabase(adminUrl, "motcua_plan")
    const { db } = openPostgres({ url: database.url, maxConnections: 2 })
    const client = new pg.Client({ connectionString: database.url })
    try {
      await migrateToLatest(db as unknown as Kysely<unknown>, "postgres")
      await sql.raw(backlogSql(20_000, 10_000, (count) => `generate_series(1, ${count}) as n`)).execute(db)
      await sql`analyze outbox`.execute(db)
      const q = prepareOutboxQueries(db as Kysely<DB>, "postgres")
      await client.connect()
      const explained = await client.query(`explain ${q.claimTopic.compiled.sql}`, bindParameters(q.claimTopic, values))
      const plan = explained.rows.map((row: { "QUERY PLAN": string }) => row["QUERY PLAN"]).join("\n")
      expect(plan).toMatch(/outbox_ready_topic/)
      const claimed = await client.query(q.claimTopic.compiled.sql, bindParameters(q.claimTopic, values))
      expect(claimed.rows.map((row: { dossier_code: string }) => row.dossier_code).sort()).toEqual([
        "D30001",
        "D30002",
        "D30003",
      ])
    } finally {
      await client.end()
      await db.destroy()
      await database.drop()
    }
  })

  it("a relay settling a row's turn while another completes the row before it: the row gets its turn whichever goes first", async () => {
    const database = await freshPostgresDatabase(adminUrl, "motcua_turns")
    const { db } = openPostgres({ url: database.url, maxConnections: 2 })
    const completing = new pg.Client({ connectionString: database.url })
    const settling = new pg.Client({ connectionString: database.url })
    try {
      await migrateToLatest(db as unknown as Kysely<unknown>, "postgres")
      const q = prepareOutboxQueries(db as Kysely<DB>, "postgres")
      await completing.connect()
      await settling.connect()
      const run = (c: pg.Client, query: PreparedQuery<unknown>, bound: Record<string, unknown>) =>
        c.query(query.compiled.sql, bindParameters(query, bound))
      /** Row 1 of a key claimed by relay-1, row 2 of the key just written (unsettled); answers their ids. */
      const twoRows = async (key: string) => {
        const inserted = await client(db).query(
          `insert into outbox (topic, payload, status, attempts, available_at, created_at, ordering_key, due_at, in_turn, claimed_by, lease_until)
           values ('portal.sync', '{}', 'claimed', 1, '${PAST}', '${PAST}', '${key}', '${PAST}', 1, 'relay-1', '${LATER}'),
                  ('portal.sync', '{}', 'pending', 0, '${PAST}', '${PAST}', '${key}', '${PAST}', null, null, null)
           returning id`,
        )
        return inserted.rows.map((row) => Number(row.id)) as [number, number]
      }
      const turnOf = async (id: number) =>
        (await client(db).query(`select in_turn from outbox where id = ${id}`)).rows[0]?.in_turn
      const complete = async (id: number) => {
        await run(completing, q.complete, { id, worker: "relay-1", now: NOW })
        await run(completing, q.handOverTurn, { id })
      }

      // the completion first: its hand-over holds row 2, the settling skips it (SKIP LOCKED)
      const [first, second] = await twoRows("portal.sync:A")
      await completing.query("begin")
      await complete(first)
      await settling.query("begin")
      await run(settling, q.settleTurns, { limit: 512 })
      await settling.query("commit")
      await completing.query("commit")
      expect(await turnOf(second)).toBe(1)

      // the settling first: it reads row 1 as not done and holds row 2 (0); the hand-over waits for it, then gives
      // row 2 its turn
      const [third, fourth] = await twoRows("portal.sync:B")
      await settling.query("begin")
      await run(settling, q.settleTurns, { limit: 512 })
      await completing.query("begin")
      await run(completing, q.complete, { id: third, worker: "relay-1", now: NOW })
      const handOver = run(completing, q.handOverTurn, { id: third })
      await new Promise((resolve) => setTimeout(resolve, 100))
      await settling.query("commit")
      await handOver
      await completing.query("commit")
      expect(await turnOf(fourth)).toBe(1)
    } finally {
      await completing.end()
      await settling.end()
      await db.destroy()
      await database.drop()
    }
  })
})

/** Plain SQL on the test's own pool (kysely's raw query), answering pg-like rows. */
const client = (db: Kysely<DB>) => ({
  query: async (text: string) => ({ rows: (await sql.raw(text).execute(db)).rows as Record<string, unknown>[] }),
})
