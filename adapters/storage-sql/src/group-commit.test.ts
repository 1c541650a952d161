// Group commit on SQLite (connection.ts) and on PostgreSQL (postgres-group-commit.ts): the whole storage contract
// with it on, and what is particular to it — one COMMIT for the operations of a batch, a failed operation undone
// alone, every result given only once the batch's COMMIT has returned (another connection already sees what was
// acknowledged), bounded batches, and the settings refused with their reason.
import { mkdtempSync } from "node:fs"
import { rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DossierStore, type DossierSummary, type NewDossier, UnitOfWork } from "@motcua/application"
import Database from "better-sqlite3"
import { Effect, ManagedRuntime } from "effect"
import pg from "pg"
import { afterAll, describe, expect, it } from "vitest"
import { type ContractTarget, storageContract } from "./contract.test-support.ts"
import { DatabaseUrlError, parseDatabaseUrl } from "./database-url.ts"
import { checkGroupCommit, type GroupCommit } from "./group-commit.ts"
import { SqlStorage } from "./layers.ts"
import { qualityContract } from "./quality-contract.test-support.ts"
import { openSqlTarget } from "./sql-target.test-support.ts"
import { describeOnPostgres, freshPostgresDatabase } from "./testing.ts"

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

/** A storage with group commit on a fresh database, and a way to count its dossiers from another connection. */
interface GroupTarget {
  readonly runtime: ManagedRuntime.ManagedRuntime<DossierStore | UnitOfWork, unknown>
  readonly peek: () => Promise<number>
  /** Whether a batch is open with work in it, not yet committed. */
  readonly batchOpen: () => Promise<boolean>
  readonly close: () => Promise<void>
}

/** SQLite: a fresh file, looked at with a second, plain better-sqlite3 connection. */
async function openSqlite(group: GroupCommit): Promise<GroupTarget> {
  const folder = tempFolder()
  const file = join(folder, "motcua.sqlite")
  const runtime = ManagedRuntime.make(
    SqlStorage.layerSqlite({ file, documentsDir: join(folder, "documents"), synchronous: "FULL", groupCommit: group }),
  )
  const peek = async () => {
    const db = new Database(file, { readonly: true })
    try {
      return (db.prepare("select count(*) as n from dossier").get() as { n: number }).n
    } finally {
      db.close()
    }
  }
  // an operation runs synchronously once it has its turn: one turn of the event loop and it is in the batch
  const batchOpen = () => new Promise<boolean>((resolve) => setImmediate(() => resolve(true)))
  return { runtime, peek, batchOpen, close: async () => {} }
}

/** PostgreSQL: a fresh database on the test server, looked at with a pg client of its own. */
const openPostgres =
  (adminUrl: string) =>
  async (group: GroupCommit): Promise<GroupTarget> => {
    const database = await freshPostgresDatabase(adminUrl, "motcua_g")
    const runtime = ManagedRuntime.make(
      SqlStorage.layerPostgres({ url: database.url, documentsDir: tempFolder(), groupCommit: group }),
    )
    const ask = async (query: string) => {
      const client = new pg.Client({ connectionString: database.url })
      await client.connect()
      try {
        return Number((await client.query(query)).rows[0].n)
      } finally {
        await client.end()
      }
    }
    const peek = () => ask("select count(*) as n from dossier")
    // the batch's connection waits, its transaction open, for the batch's time to be up
    const batchOpen = async () =>
      (await ask(
        "select count(*) as n from pg_stat_activity where datname = current_database() and state = 'idle in transaction'",
      )) > 0
    return { runtime, peek, batchOpen, close: () => database.drop() }
  }

/** Counts the COMMITs better-sqlite3 executes while `body` runs. */
async function countSqliteCommits<A>(body: () => Promise<A>): Promise<{ result: A; commits: number }> {
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

/**
 * What group commit promises, on one dialect. `countCommits` counts the COMMIT statements run while its body runs
 * (SQLite: better-sqlite3's statements; elsewhere only the batches told to onCommit are counted).
 */
function groupCommitBehaviour(
  title: string,
  open: (group: GroupCommit) => Promise<GroupTarget>,
  countCommits?: <A>(body: () => Promise<A>) => Promise<{ result: A; commits: number }>,
) {
  describe(title, () => {
    it("commits concurrent operations together, and answers each only after the batch's COMMIT", async () => {
      const batches: number[] = []
      const { runtime, peek, close } = await open({
        maxBatch: 16,
        maxWaitMs: 20,
        onCommit: (operations, commitMs) => {
          expect(commitMs).toBeGreaterThanOrEqual(0)
          batches.push(operations)
        },
      })
      try {
        await runtime.runPromise(Effect.void)
        const seen: Promise<number>[] = []
        const all = () =>
          Promise.all(
            Array.from({ length: 40 }, (_, i) =>
              runtime
                .runPromise(DossierStore.use((s) => s.create(dossier(i + 1))))
                // whatever was acknowledged is committed, for any other connection to see
                .then(() => {
                  seen.push(peek())
                }),
            ),
          )
        if (countCommits === undefined) await all()
        else {
          const { commits } = await countCommits(all)
          expect(commits).toBe(3)
        }
        const counts = await Promise.all(seen)
        expect(counts).toHaveLength(40)
        expect(Math.min(...counts)).toBeGreaterThanOrEqual(16)
        // 40 operations in batches of at most 16: 3 COMMITs (16, 16, 8), not 40, each told to onCommit with its size
        expect(batches).toEqual([16, 16, 8])
        expect(await peek()).toBe(40)
      } finally {
        await runtime.dispose()
        await close()
      }
    })

    it("undoes a failed operation alone: the others of its batch are committed", async () => {
      const batches: number[] = []
      const { runtime, peek, close } = await open({
        maxBatch: 64,
        maxWaitMs: 20,
        onCommit: (operations) => batches.push(operations),
      })
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
        // the five shared one batch (the first dossier had one of its own)
        expect(batches).toEqual([1, 5])
        expect(await peek()).toBe(3)
        const versions = await runtime.runPromise(
          Effect.forEach([1, 2, 3], (n) => DossierStore.use((s) => s.get(code(n)))),
        )
        expect(versions.map((d) => d.version)).toEqual([1, 1, 1])
        expect(await runtime.runPromise(Effect.flip(DossierStore.use((s) => s.get(code(4)))))).toMatchObject({
          _tag: "DossierNotFound",
        })
      } finally {
        await runtime.dispose()
        await close()
      }
    })

    it("commits a lone operation after the wait, and what is open when the storage closes", async () => {
      const { runtime, peek, batchOpen, close } = await open({ maxBatch: 1000, maxWaitMs: 400 })
      try {
        await runtime.runPromise(DossierStore.use((s) => s.create(dossier(1))))
        expect(await peek()).toBe(1)
        // not awaited: the batch is still open when the runtime is disposed (which interrupts the operation's fiber,
        // waiting for its answer: what matters is that its work is committed)
        const pending = runtime.runPromise(DossierStore.use((s) => s.create(dossier(2)))).catch(() => undefined)
        let open = false
        for (let i = 0; i < 100 && !open; i++) open = await batchOpen()
        expect(open).toBe(true)
        expect(await peek()).toBe(1)
        await runtime.dispose()
        expect(await peek()).toBe(2)
        await pending
      } finally {
        await close()
      }
    })
  })
}

groupCommitBehaviour("group commit on SQLite", openSqlite, countSqliteCommits)
describeOnPostgres("group commit on PostgreSQL", (adminUrl) => {
  const postgresGroupTarget: ContractTarget = {
    name: "PostgreSQL with group commit (batches of 8, 1 ms), two instances",
    open: async ({ maxDocumentBytes }) => {
      const database = await freshPostgresDatabase(adminUrl, "motcua_t")
      const documentsDir = join(tempFolder(), "documents")
      const options = {
        url: database.url,
        documentsDir,
        maxDocumentBytes,
        maxConnections: 8,
        groupCommit: { maxBatch: 8, maxWaitMs: 1 },
      }
      // two pools on one server, each with its group commit: two API instances sharing the database
      return openSqlTarget(SqlStorage.layerPostgres(options), SqlStorage.layerPostgres(options), () => database.drop())
    },
  }
  storageContract(postgresGroupTarget)
  qualityContract(postgresGroupTarget)
  groupCommitBehaviour("the batches", openPostgres(adminUrl))
})

describe("group commit settings", () => {
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
    // PostgreSQL: the same parameters, taken out of the URL the driver gets; the driver's own ones stay
    expect(parseDatabaseUrl("postgres://u@db.example:5432/motcua?sslmode=require&group_commit=32")).toEqual({
      dialect: "postgres",
      url: "postgres://u@db.example:5432/motcua?sslmode=require",
      groupCommit: { maxBatch: 32, maxWaitMs: 0 },
    })
    expect(parseDatabaseUrl("postgresql://u@h/m?group_commit=8&group_commit_wait_ms=2")).toMatchObject({
      url: "postgresql://u@h/m",
      groupCommit: { maxBatch: 8, maxWaitMs: 2 },
    })
    expect(parseDatabaseUrl("postgres://u@h/m?sslmode=disable")).toEqual({
      dialect: "postgres",
      url: "postgres://u@h/m?sslmode=disable",
    })
    expect(() => parseDatabaseUrl("postgres://u@h/m?group_commit=1")).toThrow(/maxBatch must be an integer 2…10000/)
    expect(() => parseDatabaseUrl("postgres://u@h/m?group_commit_wait_ms=3")).toThrow(/needs group_commit/)
  })
})
