// Test helpers for the packages that test against a real PostgreSQL server (`@motcua/storage-sql/testing`).
// scripts/test.sh starts one (scripts/postgres.sh) and exports its URL as MOTCUA_TEST_PG_URL. Without it the
// PostgreSQL tests are skipped on a developer's machine, and FAIL when CI is set, so that CI can never pass without
// having run them. Each test file makes a database of its own on that server.
import { randomBytes } from "node:crypto"
import type { Kysely } from "kysely"
import { Migrator } from "kysely/migration"
import pg from "pg"
import { describe, expect, it } from "vitest"
import { migrations } from "./migrations.ts"
import type { Dialect } from "./schema.ts"

/** The test server's URL (MOTCUA_TEST_PG_URL), or undefined when it is not set (an empty value counts as unset). */
export function testPostgresUrl(): string | undefined {
  const url = process.env.MOTCUA_TEST_PG_URL
  return url === undefined || url === "" ? undefined : url
}

/** A fresh database on the server at `url`, named `<prefix>_<random hex>`: its URL and how to drop it. */
export async function freshPostgresDatabase(
  url: string,
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  const target = new URL(url)
  target.pathname = `/${name}`
  return {
    url: target.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await client.query(`drop database if exists ${name} with (force)`)
      } finally {
        await client.end()
      }
    },
  }
}

/**
 * Declares `body` under `title` with the test server's URL when MOTCUA_TEST_PG_URL is set; otherwise declares in its
 * place a test that is skipped on a developer's machine and fails when CI is set.
 */
export function describeOnPostgres(title: string, body: (adminUrl: string) => void): void {
  const adminUrl = testPostgresUrl()
  if (adminUrl !== undefined) describe(title, () => body(adminUrl))
  else if (process.env.CI)
    describe(title, () => {
      it("needs MOTCUA_TEST_PG_URL (CI must run the PostgreSQL tests: use scripts/test.sh)", () => {
        expect.fail("MOTCUA_TEST_PG_URL is not set while CI is: start a server with scripts/postgres.sh")
      })
    })
  else
    describe.skip(`${title} (MOTCUA_TEST_PG_URL not set: run scripts/test.sh)`, () => {
      it("is skipped", () => {})
    })
}

/** Runs every migration but `skipped`: the schema as it was before it, for a test of that migration on data. */
export async function migrateAllBut(db: Kysely<unknown>, dialect: Dialect, skipped: string): Promise<void> {
  const earlier = Object.fromEntries(Object.entries(migrations(dialect)).filter(([name]) => name !== skipped))
  const migrated = await new Migrator({
    db,
    provider: { getMigrations: async () => earlier },
    allowUnorderedMigrations: true,
  }).migrateToLatest()
  if (migrated.error !== undefined) throw migrated.error
}
