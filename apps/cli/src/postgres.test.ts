// The CLI on PostgreSQL (DATABASE_URL=postgres://…): migrate, simulate and report on a database of its own on the
// test server that scripts/test.sh starts (MOTCUA_TEST_PG_URL). Skipped without it on a developer's machine; fails
// under CI, so that CI cannot pass without having run it.
import { AuditLog } from "@motcua/application"
import { SqlStorage } from "@motcua/storage-sql"
import { describeOnPostgres, freshPostgresDatabase } from "@motcua/storage-sql/testing"
import { Effect } from "effect"
import { afterAll, beforeAll, expect, it } from "vitest"
import type { Report } from "./report/compute.ts"
import { cli, tempDir } from "./test-support.ts"

describeOnPostgres("motcua on PostgreSQL", (adminUrl) => {
  const data = tempDir("postgres")
  let url = ""
  let drop = async () => {}
  beforeAll(async () => {
    const database = await freshPostgresDatabase(adminUrl, "motcua_cli")
    url = database.url
    drop = database.drop
  })
  afterAll(async () => {
    await drop()
    data.remove()
  })

  it("migrates once, simulates 20 dossiers through the use cases and reports them", async () => {
    const env = { DATABASE_URL: url }
    const first = await cli(["migrate", "--data", data.path], { env })
    expect(first.code).toBe(0)
    expect(first.stdout).toContain("đã chạy migration")
    const second = await cli(["migrate", "--data", data.path], { env })
    expect(second.stdout).toContain("không có migration nào để chạy")

    const run = await cli(
      ["simulate", "--data", data.path, "--database", url, "--count", "20", "--seed", "pg", "--json"],
      { env },
    )
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
