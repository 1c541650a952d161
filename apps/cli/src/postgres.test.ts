// The CLI on PostgreSQL (DATABASE_URL=postgres://…): migrate, simulate and report on a database of its own on the
// test server that scripts/test.sh starts (MOTCUA_TEST_PG_URL). Skipped without it on a developer's machine; fails
// under CI, so that CI cannot pass without having run it.
import { randomBytes } from "node:crypto"
import { AuditLog } from "@motcua/application"
import { SqlStorage } from "@motcua/storage-sql"
import { Effect } from "effect"
import { sql } from "kysely"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { withDatabase } from "./database.ts"
import type { Report } from "./report/compute.ts"
import { cli, tempDir } from "./test-support.ts"

const adminUrl = process.env.MOTCUA_TEST_PG_URL

if (adminUrl === undefined) {
  it.runIf(process.env.CI !== undefined)("needs MOTCUA_TEST_PG_URL under CI (scripts/test.sh starts a server)", () => {
    expect(adminUrl, "MOTCUA_TEST_PG_URL").toBeDefined()
  })
}

describe.runIf(adminUrl !== undefined)("motcua on PostgreSQL", () => {
  const name = `motcua_cli_${randomBytes(6).toString("hex")}`
  const data = tempDir("postgres")
  let url = ""
  const admin = { dialect: "postgres", url: adminUrl ?? "" } as const
  beforeAll(async () => {
    await withDatabase(admin, (open) => sql.raw(`create database ${name}`).execute(open.db))
    const target = new URL(adminUrl ?? "")
    target.pathname = `/${name}`
    url = target.toString()
  })
  afterAll(async () => {
    await withDatabase(admin, (open) => sql.raw(`drop database if exists ${name} with (force)`).execute(open.db))
    data.remove()
  })

  it("migrates once, simulates 20 dossiers through the use cases and reports them", async () => {
    const env = { DATABASE_URL: url }
    const first = await cli(["migrate", "--data", data.path], { env })
    expect(first.code).toBe(0)
    expect(first.stdout).toContain("đã chạy migration")
    const second = await cli(["migrate", "--data", data.path], { env })
    expect(second.stdout).toContain("không có migration nào để chạy")

    const run = await cli(["simulate", "--data", data.path, "--count", "20", "--seed", "pg", "--json"], { env })
    expect(run.stderr).not.toContain("Lỗi")
    expect(run.code).toBe(0)
    const summary = JSON.parse(run.stdout) as { dossiers: number; transitions: number }
    expect(summary.dossiers).toBe(20)

    const chain = await Effect.runPromise(
      Effect.provide(
        AuditLog.use((log) => log.verifyChain()),
        SqlStorage.layerPostgres({ url, documentsDir: data.path }),
      ),
    )
    expect(chain).toMatchObject({ _tag: "Intact", entries: summary.transitions })

    const report = JSON.parse(
      (await cli(["report", "--data", data.path, "--format", "json"], { env })).stdout,
    ) as Report
    expect(report.total).toBe(20)
    expect(report.byStatus.reduce((s, x) => s + x.count, 0)).toBe(20)
  })
})
