// The contract suite against a real PostgreSQL server. scripts/test.sh starts one (scripts/postgres.sh) and exports
// MOTCUA_TEST_PG_URL. Without it these tests are skipped on a developer's machine, and FAIL when CI is set, so
// that CI can never pass without having run them. Each test file gets a database of its own.
import { mkdtempSync } from "node:fs"
import { rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Outbox } from "@motcua/application"
import { ManagedRuntime } from "effect"
import pg from "pg"
import { describe, expect, it, vi } from "vitest"
import { type ContractTarget, storageContract } from "./contract.test-support.ts"
import { SqlDatabase, SqlStorage } from "./layers.ts"
import { qualityContract } from "./quality-contract.test-support.ts"
import { reportContract } from "./report-contract.test-support.ts"
import { openSqlTarget } from "./sql-target.test-support.ts"
import { describeOnPostgres, freshPostgresDatabase } from "./testing.ts"

describeOnPostgres("storage contract: PostgreSQL", (adminUrl) => {
  const postgresTarget: ContractTarget = {
    name: "PostgreSQL (pg, real server)",
    open: async ({ maxDocumentBytes }) => {
      const database = await freshPostgresDatabase(adminUrl, "motcua_t")
      const documentsDir = join(mkdtempSync(join(tmpdir(), "motcua-pg-docs-")), "documents")
      const options = { url: database.url, documentsDir, maxDocumentBytes, maxConnections: 8 }
      // Two pools on one server: two API instances (or two relays) sharing the database.
      return openSqlTarget(SqlStorage.layerPostgres(options), SqlStorage.layerPostgres(options), async () => {
        await database.drop()
        await rm(join(documentsDir, ".."), { recursive: true, force: true })
      })
    },
  }
  storageContract(postgresTarget)
  qualityContract(postgresTarget)
  reportContract(postgresTarget)

  describe("PostgreSQL specifics", () => {
    it("claims outbox rows with FOR UPDATE SKIP LOCKED", async () => {
      const database = await freshPostgresDatabase(adminUrl, "motcua_t")
      const runtime = ManagedRuntime.make(SqlStorage.layerFromUrl(database.url, { documentsDir: tmpdir() }))
      try {
        const { dialect } = await runtime.runPromise(SqlDatabase.useSync((d) => d))
        expect(dialect).toBe("postgres")
        // The claim is compiled once; its SQL text is what the pool's clients send the server.
        const query = vi.spyOn(pg.Client.prototype, "query")
        await runtime.runPromise(Outbox.use((o) => o.claim("relay", 5, 1000)))
        const statements = query.mock.calls.map((call) => {
          const config: unknown = call[0]
          return typeof config === "string" ? config : (config as { readonly text: string }).text
        })
        query.mockRestore()
        expect(statements.some((s) => /for update skip locked/i.test(s))).toBe(true)
      } finally {
        await runtime.dispose()
        await database.drop()
      }
    })
  })
})
