// The outbox's claims walk the open rows of what they serve, on SQLite (where the claim is pinned to its index) and
// on PostgreSQL (where the planner chooses): a relay dedicated to one topic reads that topic's open rows only, so a
// backlog of another topic (its gateway down, or no relay for it) costs its claims nothing.
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
import { bindParameters } from "./prepared.ts"
import type { DB } from "./schema.ts"
import { openSqlite } from "./sqlite.ts"
import { describeOnPostgres, freshPostgresDatabase } from "./testing.ts"

const values = {
  worker: "relay-1",
  now: "2026-12-05T00:00:00.000Z",
  lease_until: "2026-12-05T00:01:00.000Z",
  limit: 16,
  max_attempts: 10,
  topic: "portal.sync",
}

/** Rows of another topic, open, ahead of (lower ids than) the few of the served topic. */
const backlogSql = (others: number) => `
  insert into outbox (topic, dossier_code, payload, status, attempts, available_at, created_at)
  select case when n <= ${others} then 'notify.sms' else 'portal.sync' end, null, '{}', 'pending', 0,
         '2026-12-04T00:00:00.000Z', '2026-12-04T00:00:00.000Z'
  from generate_series(1, ${others + 5}) as n`

describe("outbox claims on SQLite", () => {
  const folder = mkdtempSync(join(tmpdir(), "motcua-outbox-plan-"))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it("a one-topic claim walks outbox_open_topic, the every-topic claim outbox_open; both lease the right rows", async () => {
    const { db, raw } = openSqlite({ file: join(folder, "p.sqlite"), synchronous: "NORMAL" })
    try {
      await migrateToLatest(db as unknown as Kysely<unknown>, "sqlite")
      const q = prepareOutboxQueries(db as Kysely<DB>, "sqlite")
      const plan = (query: typeof q.claim) =>
        (
          raw.prepare(`explain query plan ${query.compiled.sql}`).all(bindParameters(query, values)) as {
            detail: string
          }[]
        )
          .map((row) => row.detail)
          .join("\n")
      expect(plan(q.claimTopic)).toMatch(/USING INDEX outbox_open_topic/)
      expect(plan(q.claim)).toMatch(/USING INDEX outbox_open\b/)
      const insert = raw.prepare(
        "insert into outbox (topic, payload, status, attempts, available_at, created_at) values (?, '{}', 'pending', 0, ?, ?)",
      )
      raw.transaction(() => {
        for (let n = 1; n <= 20_005; n++) insert.run(n <= 20_000 ? "notify.sms" : "portal.sync", values.now, values.now)
      })()
      const claimed = raw.prepare(q.claimTopic.compiled.sql).all(bindParameters(q.claimTopic, values)) as {
        topic: string
      }[]
      expect(claimed.map((row) => row.topic)).toEqual(Array(5).fill("portal.sync"))
      const any = raw.prepare(q.claim.compiled.sql).all(bindParameters(q.claim, values)) as { topic: string }[]
      expect(any.map((row) => row.topic)).toEqual(Array(16).fill("notify.sms"))
    } finally {
      await db.destroy()
    }
  })
})

describeOnPostgres("outbox claims on PostgreSQL", (adminUrl) => {
  it("a one-topic claim behind 20,000 open rows of another topic reads its own topic's rows (outbox_open_topic)", async () => {
    const database = await freshPostgresDatabase(adminUrl, "motcua_plan")
    const { db } = openPostgres({ url: database.url, maxConnections: 2 })
    const client = new pg.Client({ connectionString: database.url })
    try {
      await migrateToLatest(db as unknown as Kysely<unknown>, "postgres")
      await sql.raw(backlogSql(20_000)).execute(db)
      await sql`analyze outbox`.execute(db)
      const q = prepareOutboxQueries(db as Kysely<DB>, "postgres")
      await client.connect()
      const explained = await client.query(`explain ${q.claimTopic.compiled.sql}`, bindParameters(q.claimTopic, values))
      const plan = explained.rows.map((row: { "QUERY PLAN": string }) => row["QUERY PLAN"]).join("\n")
      expect(plan).toMatch(/outbox_open_topic/)
      const claimed = await client.query(q.claimTopic.compiled.sql, bindParameters(q.claimTopic, values))
      expect(claimed.rows.map((row: { topic: string }) => row.topic)).toEqual(Array(5).fill("portal.sync"))
    } finally {
      await client.end()
      await db.destroy()
      await database.drop()
    }
  })
})
