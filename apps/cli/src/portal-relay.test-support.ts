// The bar of issue 8 for the relay: 2,000 dossiers' whole lifecycles (the simulator's walks through the use cases,
// not marked simulated, so every change enqueues its portal sync), delivered by `motcua outbox relay` processes to
// the portal simulator failing 30% of the calls (5xx, timeouts, answers lost after applying, malformed answers;
// sessions expiring), a relay process killed with SIGKILL five times along the way and replaced. At the end the
// simulator holds every dossier's record in its final status and every progress update exactly once, in the order
// the changes happened, and no row is dead. On SQLite with one relay at a time; on PostgreSQL with two relays
// working side by side, each in a file of its own (portal-relay.sqlite.test.ts, portal-relay.postgres.test.ts), so
// that the two run on the suite's two workers at once. (MOTCUA_PORTAL_RELAY_TEST_COUNT sets another count for a quicker local run;
// MOTCUA_PORTAL_RELAY_TEST_TRACE=1 shows where the time goes.)
import { type ChildProcess, fork, spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import { CatalogStore, Clock, Ids, IssuedResultStore, PortalSyncPayload, WalletStore } from "@motcua/application"
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { toDossierRecord, toProgressItems } from "@motcua/portal-dvcqg"
import { Effect, Layer, Result, Schema } from "effect"
import { sql } from "kysely"
import { afterAll, beforeAll, expect, it } from "vitest"
import { openDatabase, storageLayer } from "./database.ts"
import { memoryIo } from "./io.ts"
import { documentsDirOf, resolveSettings, type Settings } from "./settings.ts"
import { simulate } from "./simulation/driver.ts"
import { simulationStandIns } from "./simulation/stand-ins.ts"

const COUNT = Number(process.env.MOTCUA_PORTAL_RELAY_TEST_COUNT ?? 2000)
const KILLS = 5
// MOTCUA_PORTAL_RELAY_TEST_TRACE=1 prints the filing time and the delivery's progress each second (where the time goes)
const TRACE = process.env.MOTCUA_PORTAL_RELAY_TEST_TRACE === "1"
const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url))
const SIM = fileURLToPath(new URL("../../portal-sim/src/main.ts", import.meta.url))

interface Sim {
  readonly url: string
  readonly child: ChildProcess
}

/**
 * The simulator in a process of its own (as a portal is): this process's synchronous SQLite reads must not hold up
 * its answers.
 */
async function startSim(args: ReadonlyArray<string>): Promise<Sim> {
  const child = fork(SIM, ["--port", "0", ...args], { stdio: ["ignore", "pipe", "inherit", "ipc"] })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ""
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString()
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(out)
      if (found !== null) resolve(found[0])
    })
    child.once("exit", (code) => reject(new Error(`the simulator exited (${code}): ${out}`)))
  })
  return { url, child }
}

interface Held {
  readonly record: Record<string, unknown>
  readonly progress: ReadonlyArray<unknown>
}
const data = Result.getOrThrow(loadQuangNinh())
const decodePayload = Schema.decodeUnknownSync(PortalSyncPayload)

/** The dossiers' whole lives, through the use cases, into the database (every change enqueues its rows). */
async function fileLifecycles(settings: Settings, count: number) {
  const services = Layer.mergeAll(
    storageLayer(settings.database, documentsDirOf(settings)),
    CatalogStore.layerFromData({
      catalogue: data.catalogue,
      jurisdiction: data.jurisdiction,
      ...(data.holidays === undefined ? {} : { holidays: data.holidays }),
    }),
    Clock.layerTest("2025-07-01T01:00:00.000Z"),
    Ids.layer,
    WalletStore.layerMemory,
    IssuedResultStore.layerMemory,
    simulationStandIns,
  )
  const codes: string[] = []
  const result = await Effect.runPromise(
    Effect.provide(
      Effect.gen(function* () {
        const store = yield* CatalogStore
        return yield* simulate({
          count,
          seed: "portal-relay",
          start: "2025-07-01",
          catalogue: data.catalogue,
          jurisdiction: data.jurisdiction,
          calendar: store.calendar,
          onDossier: (d) => codes.push(d.code),
        })
      }),
      services,
    ),
  )
  expect(result.stuck).toEqual([])
  expect(codes).toHaveLength(result.dossiers)
  return codes
}

interface Relay {
  readonly name: string
  readonly child: ChildProcess
  readonly exited: Promise<number | null>
  stderr: string
}

/** The portal's and the relay's settings for the relay processes. */
function relayEnvironment(settings: Settings, sim: Sim): Record<string, string> {
  return {
    ...(process.env as Record<string, string>),
    DATABASE_URL: settings.databaseUrl,
    MOTCUA_DATA: settings.dataDir,
    MOTCUA_PORTAL_URL: sim.url,
    MOTCUA_PORTAL_USERNAME: "motcua",
    MOTCUA_PORTAL_PASSWORD: "motcua",
    MOTCUA_PORTAL_UNIT_CODE: "000.00.00.H49",
    MOTCUA_PORTAL_DSTCODE: "H49",
    // a hundred times a call's few milliseconds, against a loaded machine (the simulator shares it); the injected
    // timeouts hold a call longer still (--hang-ms 600). A call that times out only costs a retry (pushes are
    // idempotent by their id), and every timed-out call holds a relay slot this long, which is most of the run's
    // time: at 1 s (and hangs of 1.5 s) delivering took ~56 s for 500 dossiers, at 400 ms ~31 s.
    MOTCUA_PORTAL_TIMEOUT_MS: "400",
    MOTCUA_RELAY_RETRY_BASE_MS: "20",
    MOTCUA_RELAY_RETRY_CEILING_MS: "1000",
    MOTCUA_RELAY_CONCURRENCY: "32",
    MOTCUA_RELAY_MAX_ATTEMPTS: "500",
    MOTCUA_RELAY_LAG_WARN_MS: "0",
  }
}

function startRelay(name: string, env: Record<string, string>): Relay {
  const child = spawn(
    process.execPath,
    [
      MAIN,
      "outbox",
      "relay",
      "--worker-id",
      name,
      "--interval-ms",
      "20",
      "--batch",
      "500",
      "--lease-ms",
      "6000",
      // relays dedicated to the portal sync: the other topics' rows (notices, webhooks, deadline checks) stay
      "--topic",
      "portal.sync",
    ],
    { env, stdio: ["ignore", "ignore", "pipe"] },
  )
  const relay: Relay = {
    name,
    child,
    stderr: "",
    exited: new Promise((resolve) => child.once("exit", (code) => resolve(code))),
  }
  child.stderr?.on("data", (chunk: Buffer) => {
    relay.stderr = (relay.stderr + chunk.toString()).slice(-4000)
  })
  return relay
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Reads one of the simulator's inspection routes, once more if the connection drops: on a loaded machine a pooled
 * keep-alive connection can be closed by the server just as it is reused ("other side closed"), which says nothing
 * about what the simulator holds.
 */
async function inspect(sim: Sim, path: string): Promise<unknown> {
  try {
    return await (await fetch(`${sim.url}${path}`)).json()
  } catch {
    return await (await fetch(`${sim.url}${path}`)).json()
  }
}

/** The bar test with `side` relays at a time over the database `target` names (inside a describe). */
export function relayRun(side: number, target: () => { url: string; dir: string }) {
  let sim: Sim
  let settings: Settings
  let codes: string[] = []

  beforeAll(async () => {
    // the mix (errors, timeouts, answers lost after applying) and malformed answers; sessions expire every
    // 20 s (a "session" fault on 6% of the calls kills the shared token for every call in flight, which the adapter
    // tests cover: here it would only slow the run down)
    sim = await startSim([
      "--fail-rate",
      "0.3",
      "--faults",
      "5xx,timeout,lost,malformed",
      "--hang-ms",
      "600",
      "--session-ttl-ms",
      "20000",
    ])
    const { url, dir } = target()
    settings = resolveSettings({ data: dir }, memoryIo({ env: { DATABASE_URL: url } }))
    const t0 = Date.now()
    codes = await fileLifecycles(settings, COUNT)
    if (TRACE) console.log(`relay test: filed in ${Date.now() - t0} ms`)
  }, 900_000)
  afterAll(() => {
    sim?.child.kill("SIGTERM")
  })

  it(`delivers ${COUNT} lifecycles through 30% faults and ${KILLS} SIGKILLs: every record final, every progress item once and in order`, async () => {
    const db = openDatabase(settings.database)
    const count = async (where: string) =>
      Number(
        (
          await sql
            .raw<{ n: number | string }>(`select count(*) as n from outbox where topic = 'portal.sync' and ${where}`)
            .execute(db.db)
        ).rows[0]?.n,
      )
    // the rows still to deliver, through the status index (the done rows are not read)
    const open = () => count("status in ('pending', 'claimed', 'dead')")
    try {
      const total = await count("1 = 1")
      expect(total).toBeGreaterThan(COUNT * 4)
      const env = relayEnvironment(settings, sim)
      let serial = 0
      const running: Relay[] = []
      const all: Relay[] = []
      const spawnOne = () => {
        const relay = startRelay(`relay-${++serial}`, env)
        running.push(relay)
        all.push(relay)
      }
      for (let i = 0; i < side; i++) spawnOne()
      let kills = 0
      const started = Date.now()
      for (;;) {
        const done = total - (await open())
        if (TRACE)
          console.log(
            `relay test: t=${((Date.now() - started) / 1000).toFixed(1)} done=${done}/${total} kills=${kills}`,
          )
        if (done === total) break
        if (Date.now() - started > 2_400_000) throw new Error(`not delivered in time: ${done}/${total} done`)
        for (const relay of running)
          if (relay.child.exitCode !== null)
            throw new Error(`${relay.name} stopped by itself (${relay.child.exitCode}): ${relay.stderr}`)
        // kill at evenly spread shares of the work, while rows are still flowing
        if (kills < KILLS && done >= (total * (kills + 1)) / (KILLS + 2)) {
          const victim = running.splice(Math.floor(Math.random() * running.length), 1)[0]
          victim?.child.kill("SIGKILL")
          await victim?.exited
          kills++
          spawnOne()
        }
        await sleep(1_000)
      }
      for (const relay of running) relay.child.kill("SIGTERM")
      await Promise.all(running.map((r) => r.exited))
      expect(kills).toBe(KILLS)
      expect(await count("status = 'dead'")).toBe(0)

      // faults of every kind really happened, and retries with them
      const stats = (await inspect(sim, "/sim/stats")) as { faults: Record<string, number> }
      for (const kind of ["5xx", "timeout", "lost", "malformed"])
        expect(stats.faults[kind], `${kind} faults: ${JSON.stringify(stats.faults)}`).toBeGreaterThan(0)
      expect(await count("attempts > 1")).toBeGreaterThan(0)

      // what the simulator holds is what the rows said, once each, in order
      const rows = (
        await sql
          .raw<{ dossier_code: string; payload: string }>(
            "select dossier_code, payload from outbox where topic = 'portal.sync' order by id",
          )
          .execute(db.db)
      ).rows
      const expected = new Map<string, { record: Record<string, unknown> | undefined; progress: unknown[] }>()
      for (const row of rows) {
        const view = decodePayload(JSON.parse(row.payload))
        const entry = expected.get(row.dossier_code) ?? { record: undefined, progress: [] }
        if (view.kind === "record") entry.record = toDossierRecord(view.record)
        else entry.progress.push(...toProgressItems(view.progress))
        expected.set(row.dossier_code, entry)
      }
      expect([...expected.keys()].sort()).toEqual([...codes].sort())
      const holding = (await inspect(sim, "/sim/dossiers?full=1")) as Record<string, Held>
      expect(Object.keys(holding).length).toBe(codes.length)
      const wrong: string[] = []
      for (const [code, want] of expected) {
        const held = holding[code]
        if (held === undefined) wrong.push(`${code}: not held`)
        else if (JSON.stringify(held.record) !== JSON.stringify(want.record)) wrong.push(`${code}: record differs`)
        else if (JSON.stringify(held.progress) !== JSON.stringify(want.progress))
          wrong.push(`${code}: progress ${held.progress.length} items, expected ${want.progress.length}`)
      }
      expect(wrong.slice(0, 10), `${wrong.length} dossiers differ`).toEqual([])
      // the final statuses are the dossiers' own
      const statuses = (
        await sql.raw<{ code: string; status_code: number }>("select code, status_code from dossier").execute(db.db)
      ).rows
      for (const d of statuses) expect(holding[d.code]?.record.TrangThaiHoSo, d.code).toBe(String(d.status_code))
      for (const relay of all)
        expect(relay.stderr, relay.name).not.toMatch(/TypeError|ReferenceError|Unhandled|uncaught/iu)
    } finally {
      await db.close()
    }
  }, 2_700_000)
}
