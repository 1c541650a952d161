import { existsSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { openDatabase } from "./database.ts"
import { parseDatabaseUrl } from "./settings.ts"
import { cli, tempDir } from "./test-support.ts"

describe("motcua migrate", () => {
  const data = tempDir("migrate")
  afterAll(() => data.remove())

  it("creates the schema in <data>/motcua.sqlite, and a second run applies nothing", async () => {
    const first = await cli(["migrate", "--data", data.path])
    expect(first.code).toBe(0)
    expect(first.lines.filter((l) => l.startsWith("đã chạy migration")).length).toBeGreaterThanOrEqual(2)
    expect(existsSync(join(data.path, "motcua.sqlite"))).toBe(true)

    const second = await cli(["migrate", "--data", data.path])
    expect(second.code).toBe(0)
    expect(second.stdout).toContain("không có migration nào để chạy")
    expect(second.stdout).not.toContain("đã chạy migration")

    const open = openDatabase(parseDatabaseUrl(join(data.path, "motcua.sqlite"), data.path))
    try {
      const done = await open.db
        .selectFrom("kysely_migration" as never)
        .select("name" as never)
        .execute()
      expect(done.length).toBe(first.lines.filter((l) => l.startsWith("đã chạy migration")).length)
    } finally {
      await open.close()
    }
  })

  it("honours DATABASE_URL (sqlite:<path>?synchronous=NORMAL)", async () => {
    const file = join(data.path, "other.sqlite")
    const run = await cli(["migrate", "--data", data.path], {
      env: { DATABASE_URL: `sqlite:${file}?synchronous=normal` },
    })
    expect(run.code).toBe(0)
    expect(run.stderr).toContain("synchronous=NORMAL")
    expect(existsSync(file)).toBe(true)
  })

  it("answers usage errors with exit code 2 and help with 0", async () => {
    expect((await cli(["migrate", "extra"])).code).toBe(2)
    expect((await cli(["migrate", "--nope"])).code).toBe(2)
    const bad = await cli(["migrate", "--data", data.path], { env: { DATABASE_URL: "sqlite:x.db?synchronous=OFF" } })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("NORMAL hoặc FULL")
    const help = await cli(["migrate", "--help"])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain("Cách dùng (usage): motcua migrate")
    expect((await cli([])).code).toBe(2)
    expect((await cli(["nope"])).code).toBe(2)
    expect((await cli(["--help"])).stdout).toContain("simulate")
  })
})

describe("motcua migrate, with migrations developed side by side", () => {
  const data = tempDir("migrate-unordered")
  afterAll(() => data.remove())

  it("runs a migration whose name sorts before one the database already ran (the layer's runner does too)", async () => {
    expect((await cli(["migrate", "--data", data.path])).code).toBe(0)
    // As if the accounts migration had been merged after the database ran the later-named document one.
    const open = openDatabase(parseDatabaseUrl(join(data.path, "motcua.sqlite"), data.path))
    try {
      for (const table of ["account_session", "api_key", "account"]) await open.db.schema.dropTable(table).execute()
      await open.db
        .deleteFrom("kysely_migration" as never)
        .where("name" as never, "=", "2026-11-24-001-accounts" as never)
        .execute()
    } finally {
      await open.close()
    }
    const run = await cli(["migrate", "--data", data.path])
    expect(run.stderr).not.toContain("Lỗi")
    expect(run.code).toBe(0)
    expect(run.stdout).toContain("2026-11-24-001-accounts")
  })
})
