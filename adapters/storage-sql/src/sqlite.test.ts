import { mkdtempSync } from "node:fs"
import { mkdir, readdir, rm, utimes, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DocumentStore, DossierStore } from "@motcua/application"
import Database from "better-sqlite3"
import { Effect, ManagedRuntime } from "effect"
import { CompiledQuery } from "kysely"
import { afterAll, describe, expect, it } from "vitest"
import { type ContractTarget, storageContract } from "./contract.test-support.ts"
import { parseDatabaseUrl } from "./database-url.ts"
import { SqlDatabase, SqlStorage } from "./layers.ts"
import { qualityContract } from "./quality-contract.test-support.ts"
import { reportContract } from "./report-contract.test-support.ts"
import { openSqlTarget } from "./sql-target.test-support.ts"
import { openSqlite } from "./sqlite.ts"

const folders: string[] = []
const tempFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), "motcua-sqlite-"))
  folders.push(folder)
  return folder
}
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true })
})

const sqliteTarget: ContractTarget = {
  name: "SQLite (better-sqlite3, temp file)",
  open: async ({ maxDocumentBytes }) => {
    const folder = tempFolder()
    const options = {
      file: join(folder, "motcua.sqlite"),
      documentsDir: join(folder, "documents"),
      synchronous: "NORMAL",
      maxDocumentBytes,
    } as const
    // The second runtime is another connection to the same file, as a second process would have.
    return openSqlTarget(SqlStorage.layerSqlite(options), SqlStorage.layerSqlite(options), async () => {})
  },
}
storageContract(sqliteTarget)
qualityContract(sqliteTarget)
reportContract(sqliteTarget)

describe("SQLite specifics", () => {
  it("opens in WAL mode with the synchronous level asked for, and refuses an unknown level", () => {
    const folder = tempFolder()
    for (const [level, expected] of [
      ["NORMAL", 1],
      ["FULL", 2],
    ] as const) {
      const { db, raw } = openSqlite({ file: join(folder, `${level}.sqlite`), synchronous: level })
      expect(raw.pragma("journal_mode", { simple: true })).toBe("wal")
      expect(raw.pragma("synchronous", { simple: true })).toBe(expected)
      expect(raw.pragma("busy_timeout", { simple: true })).toBe(5000)
      void db.destroy()
    }
    expect(() => openSqlite({ file: join(folder, "x.sqlite"), synchronous: "OFF" as "FULL" })).toThrow(/NORMAL or FULL/)
  })

  it("prepares each SQL text once: repeated operations reuse cached statements", async () => {
    const folder = tempFolder()
    const file = join(folder, "cache.sqlite")
    const prepared: string[] = []
    const original = Database.prototype.prepare
    const runtime = ManagedRuntime.make(SqlStorage.layerSqlite({ file, documentsDir: join(folder, "docs") }))
    try {
      await runtime.runPromise(SqlDatabase.useSync((d) => d))
      Database.prototype.prepare = function (this: Database.Database, source: string) {
        prepared.push(source)
        return original.call(this, source)
      } as typeof original
      const next = DossierStore.use((s) => s.nextDailySequence("000.00.22.H49", "2026-11-23"))
      for (let i = 0; i < 5; i += 1) await runtime.runPromise(next)
      expect(prepared.filter((s) => s.includes("daily_sequence"))).toHaveLength(1)
    } finally {
      Database.prototype.prepare = original
      await runtime.dispose()
    }
  })

  it("sweeps files left without a row by an interrupted put, and keeps recent ones", async () => {
    const folder = tempFolder()
    const documentsDir = join(folder, "docs")
    const runtime = ManagedRuntime.make(SqlStorage.layerSqlite({ file: join(folder, "s.sqlite"), documentsDir }))
    try {
      const kept = await runtime.runPromise(
        DocumentStore.use((d) => d.put(new TextEncoder().encode("%PDF-1.4 kept"), "application/pdf")),
      )
      await mkdir(join(documentsDir, "ab"), { recursive: true })
      const stray = join(documentsDir, "ab", "abandoned-after-crash")
      await writeFile(stray, "%PDF-1.4 no row")
      const old = new Date(Date.now() - 2 * 60 * 60_000)
      await utimes(stray, old, old)
      const recent = join(documentsDir, "ab", "recent-write.tmp-0123")
      await writeFile(recent, "partial")
      expect(await runtime.runPromise(DocumentStore.use((d) => d.sweepOrphans(60 * 60_000)))).toBe(1)
      expect((await readdir(join(documentsDir, "ab"))).sort()).toEqual(["recent-write.tmp-0123"])
      expect((await runtime.runPromise(DocumentStore.use((d) => d.get(kept.id)))).meta.size).toBe(13)
    } finally {
      await runtime.dispose()
    }
  })

  it("chooses SQLite from a DATABASE_URL and reads its synchronous level", async () => {
    const folder = tempFolder()
    const runtime = ManagedRuntime.make(
      SqlStorage.layerFromUrl(`sqlite:${join(folder, "url.sqlite")}?synchronous=normal`, {
        documentsDir: join(folder, "docs"),
      }),
    )
    try {
      const { dialect, db } = await runtime.runPromise(SqlDatabase.useSync((d) => d))
      expect(dialect).toBe("sqlite")
      const { rows } = await db.executeQuery(
        CompiledQuery.raw("pragma synchronous") as CompiledQuery<{ synchronous: number }>,
      )
      expect(rows[0]?.synchronous).toBe(1)
    } finally {
      await runtime.dispose()
    }
    const bad = ManagedRuntime.make(SqlStorage.layerFromUrl("sqlite:/tmp/x.sqlite?synchronous=off"))
    const error = await bad.runPromise(Effect.void).catch((e: unknown) => e)
    expect(String(error)).toMatch(/NORMAL or FULL/)
    await bad.dispose()
  })

  it("sets the page cache from the URL (cache_kib), else from the caller's default, else keeps the build's", async () => {
    const folder = tempFolder()
    const cacheOf = async (url: string, sqliteCacheKib?: number) => {
      const runtime = ManagedRuntime.make(
        SqlStorage.layerFromUrl(url, {
          documentsDir: join(folder, "docs"),
          ...(sqliteCacheKib === undefined ? {} : { sqliteCacheKib }),
        }),
      )
      try {
        const { db } = await runtime.runPromise(SqlDatabase.useSync((d) => d))
        const { rows } = await db.executeQuery(
          CompiledQuery.raw("pragma cache_size") as CompiledQuery<{ cache_size: number }>,
        )
        return rows[0]?.cache_size
      } finally {
        await runtime.dispose()
      }
    }
    const file = `sqlite:${join(folder, "cache.sqlite")}`
    expect(await cacheOf(`${file}?cache_kib=2048`, 4096)).toBe(-2048)
    expect(await cacheOf(file, 4096)).toBe(-4096)
    expect(await cacheOf(file)).toBe(-16000) // better-sqlite3's build default
    for (const bad of ["abc", "100", "-5", "1.5"]) {
      expect(() => parseDatabaseUrl(`${file}?cache_kib=${bad}`)).toThrow(
        new RegExp(`cache_kib .*nhận "${bad.replace(".", "\\.")}".*in sqlite:`),
      )
    }
    expect(() => openSqlite({ file: join(folder, "y.sqlite"), cacheKib: 10 })).toThrow(/cache_kib/)
  })
})
