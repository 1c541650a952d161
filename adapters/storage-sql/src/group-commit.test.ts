// Group commit on SQLite (connection.ts): the whole storage contract with it on, and what is particular to it — one
// COMMIT for the operations of a batch, a failed operation undone alone, every result given only once the batch's
// COMMIT has returned (another connection already sees what was acknowledged), bounded batches, and the settings
// refused with their reason.
import { mkdtempSync } from "node:fs"
import { rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DossierStore, type DossierSummary, type NewDossier, UnitOfWork } from "@motcua/application"
import Database from "better-sqlite3"
import { Effect, ManagedRuntime } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { checkGroupCommit, type GroupCommit } from "./connection.ts"
import { type ContractTarget, storageContract } from "./contract.test-support.ts"
import { DatabaseUrlError, parseDatabaseUrl } from "./database-url.ts"
import { SqlStorage } from "./layers.ts"
import { qualityContract } from "./quality-contract.test-support.ts"
import { openSqlTarget } from "./sql-target.test-support.ts"

const folders: string[] = []
const tempFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), "motcua-group-"))
  folders.push(folder)
  return folder
}
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true })
})

const groupTarget: ContractTarget = {
  name: "SQLite with group commit (batches of 8, 1 ms)",
  open: async ({ maxDocumentBytes }) => {
    const folder = tempFolder()
    const options = {
      file: join(folder, "motcua.sqlite"),
      documentsDir: join(folder, "documents"),
      synchronous: "FULL",
      maxDocumentBytes,
      groupCommit: { maxBatch: 8, maxWaitMs: 1 },
    } as const
    const opened = await openSqlTarget(SqlStorage.layerSqlite(options), SqlStorage.layerSqlite(options), async () => {})
    // "Two instances" share this one: a second connection in the same process would wait for the open batch's
    // write lock synchronously (busy_timeout), blocking the event loop that is to commit the batch. Separate
    // processes (the deployments) wait at most the batch's time; sqlite.test.ts runs the two-instance cases.
    return { ...opened, second: opened.runtime }
  },
}
storageContract(groupTarget)
qualityContract(groupTarget)

const AGENCY = "000.00.22.H49"
const T0 = "2026-11-23T01:00:00.000Z"
const summary: DossierSummary = {
  statusCode: 2,
  state: "received",
  procedureCode: "1.004222",
  agencyCode: AGENCY,
  unitCode: null,
  currentRole: "reception",
  dueAt: null,
  appointmentAt: null,
  feeTotal: 0,
}
const code = (n: number) => `${AGENCY}-261123-${String(n).padStart(4, "0")}`
const dossier = (n: number): NewDossier => ({
  code: code(n),
  snapshot: { value: "received", n },
  summary,
  at: T0,
  audit: [{ at: T0, actor: "officer-1", action: "dossier.filed", detail: { n } }],
  outbox: [{ topic: "portal.sync", payload: { n } }],
})

/** A storage on a fresh file with group commit, and a second, plain connection to look at the file with. */
function open(group: GroupCommit) {
  const folder = tempFolder()
  const file = join(folder, "motcua.sqlite")
  const runtime = ManagedRuntime.make(
    SqlStorage.layerSqlite({ file, documentsDir: join(folder, "documents"), synchronous: "FULL", groupCommit: group }),
  )
  const peek = () => {
    const db = new Database(file, { readonly: true })
    try {
      return (db.prepare("select count(*) as n from dossier").get() as { n: number }).n
    } finally {
      db.close()
    }
  }
  return { runtime, peek, file }
}

/** Counts the COMMITs better-sqlite3 executes while `body` runs. */
async function countCommits<A>(body: () => Promise<A>): Promise<{ result: A; commits: number }> {
  const probe = new Database(":memory:")
  const proto = Object.getPrototypeOf(probe.prepare("select 1")) as { run: (...args: unknown[]) => unknown }
  probe.close()
  const original = proto.run
  let commits = 0
  proto.run = function (this: { source: string }, ...args: unknown[]) {
    if (this.source.trim().toLowerCase() === "commit") commits += 1
    return original.apply(this, args)
  }
  try {
    return { result: await body(), commits }
  } finally {
    proto.run = original
  }
}

describe("group commit", () => {
  it("commits concurrent operations together, and answers each only after the batch's COMMIT", async () => {
    const batches: number[] = []
    const { runtime, peek } = open({
      maxBatch: 16,
      maxWaitMs: 20,
      onCommit: (operations, commitMs) => {
        expect(commitMs).toBeGreaterThanOrEqual(0)
        batches.push(operations)
      },
    })
    try {
      await runtime.runPromise(Effect.void)
      const seen: number[] = []
      const { commits } = await countCommits(() =>
        Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            runtime
              .runPromise(DossierStore.use((s) => s.create(dossier(i + 1))))
              // whatever was acknowledged is on disk for any other connection
              .then(() => seen.push(peek())),
          ),
        ),
      )
      expect(seen).toHaveLength(40)
      expect(Math.min(...seen)).toBeGreaterThanOrEqual(16)
      // 40 operations in batches of at most 16: 3 COMMITs (16, 16, 8), not 40, each told to onCommit with its size
      expect(commits).toBe(3)
      expect(batches).toEqual([16, 16, 8])
      expect(peek()).toBe(40)
    } finally {
      await runtime.dispose()
    }
  })

  it("undoes a failed operation alone: the others of its batch are committed", async () => {
    const { runtime, peek } = open({ maxBatch: 64, maxWaitMs: 20 })
    try {
      await runtime.runPromise(DossierStore.use((s) => s.create(dossier(1))))
      const stale = { ...dossier(1), expectedVersion: 5 }
      const results = await Promise.all([
        runtime.runPromise(Effect.result(DossierStore.use((s) => s.create(dossier(2))))),
        runtime.runPromise(Effect.flip(DossierStore.use((s) => s.commit(stale)))),
        // a duplicate code: refused inside the batch, rolled back to its savepoint
        runtime.runPromise(Effect.flip(DossierStore.use((s) => s.create(dossier(1))))),
        runtime.runPromise(Effect.result(DossierStore.use((s) => s.create(dossier(3))))),
        // a UnitOfWork whose body fails after writing: its writes are undone, the batch is not
        runtime.runPromise(
          Effect.flip(
            UnitOfWork.use((u) =>
              u.transaction(
                Effect.andThen(
                  DossierStore.use((s) => s.create(dossier(4))),
                  Effect.fail("changed my mind" as const),
                ),
              ),
            ),
          ),
        ),
      ])
      expect(results[1]).toMatchObject({ _tag: "VersionConflict" })
      expect(results[2]).toMatchObject({ _tag: "DossierAlreadyExists" })
      expect(results[4]).toBe("changed my mind")
      expect(peek()).toBe(3)
      const versions = await runtime.runPromise(
        Effect.forEach([1, 2, 3], (n) => DossierStore.use((s) => s.get(code(n)))),
      )
      expect(versions.map((d) => d.version)).toEqual([1, 1, 1])
      expect(await runtime.runPromise(Effect.flip(DossierStore.use((s) => s.get(code(4)))))).toMatchObject({
        _tag: "DossierNotFound",
      })
    } finally {
      await runtime.dispose()
    }
  })

  it("commits a lone operation after the wait, and what is open when the storage closes", async () => {
    const { runtime, peek } = open({ maxBatch: 1000, maxWaitMs: 30 })
    await runtime.runPromise(DossierStore.use((s) => s.create(dossier(1))))
    expect(peek()).toBe(1)
    // not awaited: the batch is still open when the runtime is disposed
    const pending = runtime.runPromise(DossierStore.use((s) => s.create(dossier(2))))
    await new Promise((resolve) => setImmediate(resolve))
    await runtime.dispose()
    expect(peek()).toBe(2)
    await pending.catch(() => undefined)
  })

  it("refuses batch sizes and waits out of bounds, in code and in the database URL", () => {
    expect(() => checkGroupCommit({ maxBatch: 1, maxWaitMs: 2 })).toThrow(/maxBatch must be an integer 2…10000/)
    expect(() => checkGroupCommit({ maxBatch: 8, maxWaitMs: -1 })).toThrow(/maxWaitMs must be 0…1000/)
    expect(parseDatabaseUrl("sqlite:/tmp/x.sqlite?group_commit=32&group_commit_wait_ms=5")).toEqual({
      dialect: "sqlite",
      file: "/tmp/x.sqlite",
      synchronous: "FULL",
      groupCommit: { maxBatch: 32, maxWaitMs: 5 },
    })
    expect(parseDatabaseUrl("sqlite:/tmp/x.sqlite?group_commit=32")).toMatchObject({
      groupCommit: { maxBatch: 32, maxWaitMs: 0 },
    })
    expect(() => parseDatabaseUrl("sqlite:/tmp/x.sqlite?group_commit=many")).toThrow(DatabaseUrlError)
    expect(() => parseDatabaseUrl("sqlite:/tmp/x.sqlite?group_commit_wait_ms=5")).toThrow(/needs group_commit/)
    expect(() => parseDatabaseUrl("sqlite:/tmp/x.sqlite?group_commit=8&group_commit_wait_ms=5000")).toThrow(
      /maxWaitMs must be 0…1000/,
    )
  })
})
