// A connection that dies while a pooled client is held (the backend terminated by an administrator or a server
// restart). pg then emits 'error' on the client object; with no listener that is an uncaught exception, which ends
// the process in production and fails the whole vitest run. The storage must answer StoreUnavailable for the
// operation under way, not reuse the broken client, and go on serving on fresh connections. With group commit, every
// operation of the batch on the lost connection fails and none of them is written.
import { StoreUnavailable } from "@motcua/application"
import { Effect } from "effect"
import { type Kysely, sql } from "kysely"
import pg from "pg"
import { afterAll, beforeAll, expect, it } from "vitest"
import { postgresConnection } from "./connection.ts"
import { openPostgres } from "./postgres.ts"
import { postgresGroupCommitted } from "./postgres-group-commit.ts"
import { param, prepare } from "./prepared.ts"
import { failed, ok } from "./program.ts"
import type { DB } from "./schema.ts"
import { describeOnPostgres, freshPostgresDatabase } from "./testing.ts"

describeOnPostgres("PostgreSQL: a connection lost while a client is held", (adminUrl) => {
  let database: { url: string; drop: () => Promise<void> }
  let admin: pg.Client
  let db: Kysely<DB>
  let pool: pg.Pool
  /** The clients the pool has handed out, in order, and those it has discarded (ended and dropped). */
  const acquired: pg.PoolClient[] = []
  const removed = new Set<pg.PoolClient>()
  /** Resolves once the pool has discarded `client` (the pool ends a client before it says so). */
  const discarded = (client: pg.PoolClient | undefined) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (client !== undefined && removed.has(client)) {
          pool.removeListener("remove", check)
          resolve()
        }
      }
      pool.on("remove", check)
      check()
    })

  beforeAll(async () => {
    database = await freshPostgresDatabase(adminUrl, "motcua_loss")
    admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    ;({ db, pool } = openPostgres({ url: database.url, maxConnections: 2 }))
    pool.on("acquire", (client) => acquired.push(client))
    pool.on("remove", (client) => {
      removed.add(client as pg.PoolClient)
    })
  })

  afterAll(async () => {
    await db?.destroy()
    await admin?.end()
    await database?.drop()
  })

  const alive = async () => (await sql<{ one: number }>`select 1 as one`.execute(db)).rows[0]?.one

  it("a kysely transaction whose backend is terminated between two queries fails, and the pool goes on", async () => {
    let held: pg.PoolClient | undefined
    const attempt = db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)
      const client = acquired[acquired.length - 1]
      if (client === undefined) throw new Error("the pool handed out no client")
      held = client
      // Held by kysely, outside any query: the moment the listener matters most.
      expect(client.listenerCount("error")).toBeGreaterThan(0)
      // Not events.once: it rejects on the 'error' event, which is exactly what comes first here.
      const ended = new Promise((resolve) => client.once("end", resolve))
      await admin.query("select pg_terminate_backend($1)", [rows[0]?.pid])
      await ended
      await sql`select 2`.execute(trx)
    })
    // The query after the loss fails on the broken client (not an assertion of the callback).
    await expect(attempt).rejects.toThrow(/connection error/)
    // Kysely gives the client back without an error, but pg-pool does not keep one that is no longer queryable:
    // the next query runs on another client (the pool hands out the client released last first).
    expect(await alive()).toBe(1)
    expect(acquired[acquired.length - 1]).not.toBe(held)
    await discarded(held)
  })

  it("a program in a transaction of its own whose backend dies mid-query fails with StoreUnavailable", async () => {
    const connection = postgresConnection(pool)
    const terminateSelf = prepare(sql`select pg_terminate_backend(pg_backend_pid())`.compile(db))
    const error = await Effect.runPromise(
      Effect.flip(
        connection.run("terminate itself", true, function* () {
          yield { query: terminateSelf, values: {} }
          return ok("unreachable")
        }),
      ),
    )
    expect(error).toBeInstanceOf(StoreUnavailable)
    expect(String((error as StoreUnavailable).cause)).toMatch(/terminating connection/)
    // The client went back with its error: discarded, not handed out again.
    const broken = acquired[acquired.length - 1]
    const again = await Effect.runPromise(
      connection.run("after the loss", true, function* () {
        const result = yield { query: prepare(sql`select 1 as one`.compile(db)), values: {} }
        return result.rows.length === 1 ? ok(result.rows[0]) : failed("no row")
      }),
    )
    expect(again).toEqual({ one: 1 })
    expect(acquired[acquired.length - 1]).not.toBe(broken)
    await discarded(broken)
  })

  it("a storage transaction (UnitOfWork) whose backend is terminated between two queries fails with StoreUnavailable, and the next one works", async () => {
    const connection = postgresConnection(pool)
    const pidOf = prepare(sql`select pg_backend_pid() as pid`.compile(db))
    const one = prepare(sql`select 1 as one`.compile(db))
    let held: pg.PoolClient | undefined
    const error = await Effect.runPromise(
      Effect.flip(
        connection.transaction("lose the connection", (x) =>
          Effect.gen(function* () {
            const { rows } = yield* x.query("backend", pidOf.compiled)
            held = acquired[acquired.length - 1]
            const ended = new Promise((resolve) => held?.once("end", resolve))
            yield* Effect.promise(async () => {
              await admin.query("select pg_terminate_backend($1)", [(rows[0] as { pid: number }).pid])
              await ended
            })
            return yield* x.query("after the loss", one.compiled)
          }),
        ),
      ),
    )
    expect(error).toBeInstanceOf(StoreUnavailable)
    expect((error as StoreUnavailable).operation).toBe("after the loss")
    // The rollback failed too: the client went back with its error and the pool dropped it.
    await discarded(held)
    const again = await Effect.runPromise(connection.transaction("after", (x) => x.query("one", one.compiled)))
    expect(again.rows).toEqual([{ one: 1 }])
    expect(acquired[acquired.length - 1]).not.toBe(held)
  })

  it("with group commit, a batch whose connection dies fails every operation in it, writes none, and the next batch works", async () => {
    await sql`create table loss_probe (n integer not null)`.execute(db)
    const connection = postgresGroupCommitted(pool, { maxBatch: 8, maxWaitMs: 50 })
    const insert = prepare(sql`insert into loss_probe (n) values (${param("n")})`.compile(db))
    const terminateSelf = prepare(sql`select pg_terminate_backend(pg_backend_pid())`.compile(db))
    const inserting = (n: number, thenDie: boolean) =>
      connection.run(`insert ${n}`, true, function* () {
        yield { query: insert, values: { n } }
        if (thenDie) yield { query: terminateSelf, values: {} }
        return ok(n)
      })
    // the first is done and waits for the batch's COMMIT when the second kills the batch's connection
    const results = await Effect.runPromise(
      Effect.all([Effect.flip(inserting(1, false)), Effect.flip(inserting(2, true))], { concurrency: "unbounded" }),
    )
    for (const error of results) expect(error).toBeInstanceOf(StoreUnavailable)
    expect(String((results[0] as StoreUnavailable).operation)).toMatch(/insert 1 \(group commit\)/)
    const rows = async () => (await sql<{ n: number }>`select n from loss_probe order by n`.execute(db)).rows
    expect(await rows()).toEqual([])
    expect(await Effect.runPromise(inserting(3, false))).toBe(3)
    expect(await rows()).toEqual([{ n: 3 }])
  })
})
