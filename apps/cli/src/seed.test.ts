import { readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { openDatabase } from "./database.ts"
import { parseDatabaseUrl } from "./settings.ts"
import { cli, tempDir } from "./test-support.ts"

async function counts(dataDir: string) {
  const open = openDatabase(parseDatabaseUrl(join(dataDir, "motcua.sqlite"), dataDir))
  try {
    const count = async (table: string) =>
      Number(
        (
          await open.db
            .selectFrom(table as never)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      )
    return { accounts: await count("account"), apiKeys: await count("api_key"), dossiers: await count("dossier") }
  } finally {
    await open.close()
  }
}

describe("motcua seed", () => {
  const data = tempDir("seed")
  afterAll(() => data.remove())

  it("copies the sample catalogue and writes demo accounts of several roles and units; a second run duplicates nothing", async () => {
    const first = await cli(["seed", "--data", data.path, "--json"])
    expect(first.code).toBe(0)
    const seeded = JSON.parse(first.stdout) as {
      accounts: Array<{ username: string; roles: string[]; scope: { unitCodes?: string[]; agencyCodes?: string[] } }>
      apiKeys: unknown[]
    }
    const roles = new Set(seeded.accounts.flatMap((a) => a.roles))
    expect(roles.size).toBeGreaterThanOrEqual(4)
    const units = new Set(
      seeded.accounts.flatMap((a) => [...(a.scope.unitCodes ?? []), ...(a.scope.agencyCodes ?? [])]),
    )
    expect(units.size).toBeGreaterThanOrEqual(2)
    const after1 = await counts(data.path)
    expect(after1.accounts).toBe(seeded.accounts.length)
    expect(after1.apiKeys).toBe(seeded.apiKeys.length)
    const units1 = readFileSync(join(data.path, "catalogue", "units.json"), "utf8")
    expect(JSON.parse(units1).units).toHaveLength(54)

    const second = await cli(["seed", "--data", data.path])
    expect(second.code).toBe(0)
    expect(second.stderr).toContain("giữ nguyên")
    expect(second.stdout).toContain("cb-hg-01")
    expect(await counts(data.path)).toEqual(after1)
    expect(readFileSync(join(data.path, "catalogue", "units.json"), "utf8")).toBe(units1)
  })
})
