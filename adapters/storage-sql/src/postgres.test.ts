// The contract suite against a real PostgreSQL server. scripts/test.sh starts one (scripts/postgres.sh) and exports
// MOTCUA_TEST_PG_URL. Without it these tests are skipped on a developer's machine, and FAIL when CI is set, so
// that CI can never pass without having run them. Each test file gets a database of its own.
import { randomBytes } from "node:crypto"
import { mkdtempSync } from "node:fs"
import { rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Outbox } from "@motcua/application"
import { ManagedRuntime } from "effect"
import pg from "pg"
import { describe, expect, it } from "vitest"
import { storageContract } from "./contract.test-support.ts"
import { SqlDatabase, SqlStorage } from "./layers.ts"
import { openSqlTarget } from "./sql-target.test-support.ts"

const adminUrl = process.env.MOTCUA_TEST_PG_URL

/** Creates a database of its own for this file on the test server; returns its URL and how to drop it. */
async function freshDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `motcua_t_${randomBytes(6).toString("hex")}`
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

if (adminUrl === undefined || adminUrl === "") {
  if (process.env.CI) {
    describe("storage contract: PostgreSQL", () => {
      it("needs MOTCUA_TEST_PG_URL (CI must run the PostgreSQL tests: use scripts/test.sh)", () => {
        expect.fail("MOTCUA_TEST_PG_URL is not set while CI is: start a server with scripts/postgres.sh")
      })
    })
  } else {
    describe.skip("storage contract: PostgreSQL (MOTCUA_TEST_PG_URL not set: run scripts/test.sh)", () => {
      it("is skipped", () => {})
    })
  }
} else {
  storageContract({
    name: "PostgreSQL (pg, real server)",
    open: async ({ maxDocumentBytes }) => {
      const database = await freshDatabase(adminUrl)
      const documentsDir = join(mkdtempSync(join(tmpdir(), "motcua-pg-docs-")), "documents")
      const options = { url: database.url, documentsDir, maxDocumentBytes, maxConnections: 8 }
      // Two pools on one server: two API instances (or two relays) sharing the database.
      return openSqlTarget(SqlStorage.layerPostgres(options), SqlStorage.layerPostgres(options), async () => {
        await database.drop()
        await rm(join(documentsDir, ".."), { recursive: true, force: true })
      })
    },
  })

  describe("PostgreSQL specifics", () => {
    it("claims outbox rows with FOR UPDATE SKIP LOCKED", async () => {
      const database = await freshDatabase(adminUrl)
      const runtime = ManagedRuntime.make(SqlStorage.layerFromUrl(database.url, { documentsDir: tmpdir() }))
      try {
        const { dialect, db } = await runtime.runPromise(SqlDatabase.useSync((d) => d))
        expect(dialect).toBe("postgres")
        const statements: string[] = []
        // The claim is compiled once; its SQL text is what the server runs.
        const original = db.executeQuery.bind(db)
        db.executeQuery = ((query: Parameters<typeof original>[0]) => {
          if ("sql" in query) statements.push(query.sql)
          return original(query)
        }) as typeof db.executeQuery
        await runtime.runPromise(Outbox.use((o) => o.claim("relay", 5, 1000)))
        expect(statements.some((s) => /for update skip locked/i.test(s))).toBe(true)
      } finally {
        await runtime.dispose()
        await database.drop()
      }
    })
  })
}
