// The national working day (issue 13 §3): N dossiers filed across the province's units and every procedure of the
// sample catalogue through the application's use cases, as `motcua simulate` drives them (apps/cli's simulation
// driver: online, counter and post channels, supplementation rounds, payments, approvals, signing, return), by C
// concurrent clients — shards, each with its own simulated clock and seed — over ONE storage: SQLite at
// synchronous=FULL with group commit on, or PostgreSQL. The dossiers are not marked simulated, so every change
// writes its portal push to the outbox, and the outbox relay delivers them meanwhile to the portal simulator
// (apps/portal-sim, a process of its own): by default relayOnce in the clients' process, as the server runs its own
// relay; with `relay: "process"`, `motcua outbox relay --topic portal.sync` in a process of its own over the same
// database, as a deployment may run it beside the server.
//
// Afterwards every row is checked: the dossier count and each dossier's stored state against the driver's, the
// audit chain (verifyChain), the portal rows all delivered (no backlog, none dead) and the simulator holding a
// record for every dossier. Printed: transitions/s, p50/p99 per action, the outbox lag when the clients finish,
// peak RSS, the load average, the batch sizes the group commit reached (a histogram) and the CPU time of each
// process (clients, relay, portal simulator).
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { CatalogStore, Clock, Ids, Outbox, PortalSync, relayOnce, topics } from "@motcua/application"
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { type SimulatedDossier, simulateDossiers, simulationStandIns } from "@motcua/cli"
import { makePortalSync } from "@motcua/portal-dvcqg"
import { SqlIssuedResultStore, SqlStorage, SqlWalletStore } from "@motcua/storage-sql"
import { freshPostgresDatabase } from "@motcua/storage-sql/testing"
import { Effect, Fiber, Layer, ManagedRuntime, Result } from "effect"
import { loadAverage } from "../harness/cli.ts"
import { checkDay, DayCheckFailed } from "./national-day-check.ts"
import { cpuNow, startRelayProcess } from "./national-day-processes.ts"
import { startSimProcess } from "./portal-relay.ts"

export interface NationalDayOptions {
  readonly dossiers: number
  readonly clients: number
  readonly storage: "sqlite" | "pg"
  /** PostgreSQL server (admin URL) for `storage: "pg"`: a fresh database is made on it and dropped after. */
  readonly pgUrl?: string
  /** Group commit on SQLite: most transactions per batch. */
  readonly batch: number
  /** Group commit on SQLite: longest a batch stays open, ms (0, the default: the next turn of the event loop). */
  readonly waitMs?: number
  /** Relay deliveries at once. */
  readonly relayConcurrency: number
  /**
   * Where the relay runs: "inline" (default) — relayOnce in the clients' process, as the server runs its own relay;
   * "process" — `motcua outbox relay --topic portal.sync` in a process of its own over the same database, as a
   * deployment may run it beside the server. On SQLite with group commit the latter starves the relay of the write
   * lock while the clients work, and has made the clients' writes fail with SQLITE_BUSY (docs/performance.md).
   */
  readonly relay?: "process" | "inline"
  /** First filing day (Vietnam), YYYY-MM-DD. */
  readonly start?: string
  readonly log?: (line: string) => void
}

export interface NationalDayResult {
  readonly dossiers: number
  readonly transitions: number
  readonly seconds: number
  readonly transitionsPerSecond: number
  /** label → [count, p50 ms, p99 ms] */
  readonly actions: ReadonlyArray<{
    readonly label: string
    readonly count: number
    readonly p50: number
    readonly p99: number
  }>
  /** Portal rows delivered after the last client finished (the lag then), and how long the relay took for them. */
  readonly lagRows: number
  readonly lagSeconds: number
  readonly portalRows: number
  readonly peakRssMb: number
  readonly load: string
  readonly byChannel: Readonly<Record<string, number>>
  readonly byFinalState: Readonly<Record<string, number>>
  /**
   * SQLite with group commit: operations per COMMIT (bucket upper bound → COMMITs) and the COMMITs' times, while the
   * clients worked.
   */
  readonly batches?: BatchStats
  /** CPU seconds of each process while the clients worked (and for the relay, until it had drained the outbox). */
  readonly cpu: {
    readonly clients: number
    readonly relay: number
    readonly portalSim: number
    /** Over the clients' wall time (2 cores: at most 2 × seconds). */
    readonly wallSeconds: number
  }
}

export interface BatchStats {
  readonly commits: number
  readonly operations: number
  /** [upper bound of the bucket (1, 2, 4, 8, …), COMMITs with that many operations at most] */
  readonly histogram: ReadonlyArray<readonly [number, number]>
  readonly p50: number
  readonly p99: number
  readonly max: number
  readonly commitMsP50: number
  readonly commitMsP99: number
}

const percentile = (sorted: Float64Array, q: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number)

export async function runNationalDay(options: NationalDayOptions): Promise<NationalDayResult> {
  const log = options.log ?? console.log
  const data = Result.getOrThrow(loadQuangNinh())
  // in the past: the relay runs on the real clock, and a row is due from the (simulated) instant it was written
  const start = options.start ?? "2025-07-01"
  const folder = mkdtempSync(join(tmpdir(), "motcua-bench-day-"))
  const relayMode = options.relay ?? "inline"
  const batchSizes = batchRecorder()
  const sim = await startSimProcess()
  let pg: { url: string; drop: () => Promise<void> } | undefined
  if (options.storage === "pg") {
    if (options.pgUrl === undefined) throw new Error("--storage pg needs MOTCUA_TEST_PG_URL (a PostgreSQL server)")
    pg = await freshPostgresDatabase(options.pgUrl, "motcua_day")
  }
  // group commit on either dialect (on PostgreSQL it serves concurrent writers better: pg-commit.bench.ts)
  const groupCommit = { maxBatch: options.batch, maxWaitMs: options.waitMs ?? 0, onCommit: batchSizes.record }
  const storage =
    pg === undefined
      ? SqlStorage.layerSqlite({
          file: join(folder, "day.sqlite"),
          documentsDir: join(folder, "documents"),
          synchronous: "FULL",
          groupCommit,
        })
      : SqlStorage.layerPostgres({ url: pg.url, documentsDir: join(folder, "documents"), groupCommit })
  const portal = makePortalSync({
    baseUrl: sim.url,
    username: "motcua",
    password: "motcua",
    unitCode: "000.00.00.H49",
    dstcode: "H49",
    timeoutMs: 30_000,
  })
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(
      // the signed results and the e-wallets in the same database, as the server keeps them (in memory they grow
      // with the day)
      Layer.provideMerge(Layer.mergeAll(SqlIssuedResultStore.layer, SqlWalletStore.layer), storage),
      CatalogStore.layerFromData({
        catalogue: data.catalogue,
        jurisdiction: data.jurisdiction,
        ...(data.holidays === undefined ? {} : { holidays: data.holidays }),
      }),
      Ids.layer,
      simulationStandIns,
      Layer.succeed(PortalSync, PortalSync.of(portal)),
    ),
  )
  // peak RSS sampled every 200 ms (the process's own: clients, relay and storage; the simulator is apart)
  let killRelay: (() => void) | undefined
  let peakRss = process.memoryUsage.rss()
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss())
  }, 200)
  const timings = new Map<string, number[]>()
  const onMove = (label: string, ms: number) => {
    const list = timings.get(label)
    if (list === undefined) timings.set(label, [ms])
    else list.push(ms)
  }
  try {
    await runtime.runPromise(Effect.void)
    const shares = Array.from(
      { length: options.clients },
      (_, i) => Math.floor(options.dossiers / options.clients) + (i < options.dossiers % options.clients ? 1 : 0),
    ).filter((n) => n > 0)
    const catalog = await runtime.runPromise(CatalogStore.use((c) => Effect.succeed(c)))
    let clientsDone = false
    let delivered = 0
    let lagRows = 0
    let clientsEndedAt = 0
    // the relay inline: continuous passes over the portal topic, while the clients work and until the outbox is drained
    const relayInline = Effect.gen(function* () {
      const portalSync = yield* PortalSync
      const handlers = {
        [topics.portalSync]: (m: { id: number; dossierCode: string | null; payload: unknown; attempts: number }) =>
          portalSync.push({
            kind: (m.payload as { kind: "record" | "progress" }).kind,
            dossierCode: m.dossierCode ?? "",
            pushId: `outbox-${m.id}`,
            payload: m.payload as never,
            attempt: m.attempts,
          }),
      }
      for (;;) {
        const finished = clientsDone
        const pass = yield* relayOnce(handlers, {
          workerId: "day-relay",
          topic: topics.portalSync,
          limit: 2_000,
          concurrency: options.relayConcurrency,
          continuous: true,
          retryBaseMs: 10,
        })
        delivered += pass.claimed
        if (pass.failed.length > 0)
          log(`relay: ${pass.failed.length} failed (retried), e.g. ${JSON.stringify(pass.failed[0])}`)
        if (pass.claimed === 0) {
          if (finished) return
          yield* Effect.sleep("50 millis")
        }
      }
    }).pipe(Effect.provide(Clock.layer))
    // the relay in a process of its own: `motcua outbox relay` over the same database
    const relayChild =
      relayMode === "process"
        ? await startRelayProcess({
            databaseUrl: pg === undefined ? `sqlite:${join(folder, "day.sqlite")}?synchronous=FULL` : pg.url,
            dataDir: join(folder, "relay-data"),
            simUrl: sim.url,
            concurrency: options.relayConcurrency,
            log,
          })
        : undefined
    killRelay = () => relayChild?.child.kill("SIGKILL")

    log(
      `national day: ${options.dossiers} dossiers, ${shares.length} clients, ${options.storage === "pg" ? "PostgreSQL" : `SQLite FULL, group commit ≤ ${options.batch}, wait ${options.waitMs ?? 0} ms`}, relay ×${options.relayConcurrency} ${relayMode === "process" ? "in its own process" : "in the clients' process"} → ${sim.url}; load ${loadAverage()}`,
    )
    const cpuStart = cpuNow(sim.child.pid, relayChild?.child.pid)
    const startedAt = performance.now()
    let progress = 0
    // every dossier as its life ends, for the checks afterwards (the driver's result keeps counts only)
    const ended: SimulatedDossier[] = []
    let cpuClientsEnd = cpuStart
    let batchesWhileClients: BatchStats | undefined
    const results = await runtime.runPromise(
      Effect.gen(function* () {
        const relayFiber = relayMode === "inline" ? yield* Effect.forkChild(relayInline) : undefined
        const shardResults = yield* Effect.forEach(
          shares,
          (count, i) =>
            simulateDossiers({
              count,
              seed: `day-${i}`,
              start,
              // the whole day's arrivals in one working day per client (8 hours of simulated time)
              days: 1,
              catalogue: data.catalogue,
              jurisdiction: data.jurisdiction,
              calendar: catalog.calendar,
              onMove,
              onDossier: (dossier) => ended.push(dossier),
              onProgress: () => {
                progress++
                if (progress % Math.max(1, Math.floor(options.dossiers / 10)) === 0)
                  log(
                    `  ${progress}/${options.dossiers} dossiers done, ${((performance.now() - startedAt) / 1000).toFixed(0)} s, load ${loadAverage()}, RSS ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MB`,
                  )
              },
            }).pipe(Effect.provide(Clock.layerTest(`${start}T01:00:00.000Z`))),
          { concurrency: "unbounded" },
        )
        clientsEndedAt = performance.now()
        cpuClientsEnd = cpuNow(sim.child.pid, relayChild?.child.pid)
        // the batches of the clients' time (the relay's drain and the checks afterwards commit alone)
        batchesWhileClients = batchSizes.stats()
        // the outbox lag now: portal rows not yet delivered (counted in the outbox: a continuous relay pass reports
        // what it delivered only when it ends); then wait until the relay has drained them
        lagRows = yield* portalRowsLeft
        if (relayFiber !== undefined) {
          clientsDone = true
          yield* Fiber.join(relayFiber)
        } else {
          while ((yield* portalRowsLeft) > 0) {
            if (relayChild?.exited() === true)
              return yield* Effect.die(new DayCheckFailed(`the relay process ended early: ${relayChild.output()}`))
            yield* Effect.sleep("200 millis")
          }
          delivered = yield* portalRowsDone
        }
        return { shardResults, delivered }
      }),
    )
    const endedAt = performance.now()
    const cpuEnd = cpuNow(sim.child.pid, relayChild?.child.pid)
    if (relayChild !== undefined) await relayChild.stop()
    const transitions = results.shardResults.reduce((n, r) => n + r.transitions, 0)
    const seconds = (clientsEndedAt - startedAt) / 1000
    await checkDay(runtime, sim.url, ended, results.delivered)
    const actions = [...timings.entries()]
      .map(([label, list]) => {
        const sorted = Float64Array.from(list).sort()
        return { label, count: list.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) }
      })
      .sort((a, b) => b.count - a.count)
    const tally = (keys: ReadonlyArray<string>) => {
      const out: Record<string, number> = {}
      for (const k of keys) out[k] = (out[k] ?? 0) + 1
      return out
    }
    return {
      dossiers: ended.length,
      transitions,
      seconds,
      transitionsPerSecond: transitions / seconds,
      actions,
      lagRows,
      lagSeconds: (endedAt - clientsEndedAt) / 1000,
      portalRows: results.delivered,
      peakRssMb: peakRss / 2 ** 20,
      load: loadAverage(),
      byChannel: tally(ended.map((d) => d.channel)),
      byFinalState: tally(ended.map((d) => d.finalState)),
      ...(pg === undefined && batchesWhileClients !== undefined ? { batches: batchesWhileClients } : {}),
      cpu: {
        clients: cpuClientsEnd.self - cpuStart.self,
        relay:
          relayChild === undefined
            ? 0 // inline: counted in the clients' process
            : cpuEnd.relay - cpuStart.relay,
        portalSim: cpuEnd.sim - cpuStart.sim,
        wallSeconds: seconds,
      },
    }
  } finally {
    clearInterval(sampler)
    killRelay?.()
    await runtime.dispose()
    sim.child.kill("SIGTERM")
    await pg?.drop()
    rmSync(folder, { recursive: true, force: true })
  }
}

/** Counts the portal topic's rows of the given statuses, a page at a time. */
const countPortalRows = (statuses: ReadonlyArray<"pending" | "claimed" | "done">) =>
  Effect.gen(function* () {
    const outbox = yield* Outbox
    let total = 0
    for (const status of statuses) {
      let afterId: number | undefined
      for (;;) {
        const page = yield* outbox.list({
          topic: topics.portalSync,
          status,
          limit: 5_000,
          ...(afterId === undefined ? {} : { afterId }),
        })
        total += page.length
        if (page.length < 5_000) break
        afterId = page[page.length - 1]?.id
      }
    }
    return total
  })
const portalRowsLeft = countPortalRows(["pending", "claimed"])
const portalRowsDone = countPortalRows(["done"])

/** Operations per COMMIT, in power-of-two buckets, and the COMMITs' times. */
function batchRecorder() {
  const sizes: number[] = []
  const commitMs: number[] = []
  return {
    record: (operations: number, ms: number) => {
      sizes.push(operations)
      commitMs.push(ms)
    },
    stats: (): BatchStats => {
      const sorted = Float64Array.from(sizes).sort()
      const times = Float64Array.from(commitMs).sort()
      const buckets = new Map<number, number>()
      for (const n of sizes) {
        let bound = 1
        while (bound < n) bound *= 2
        buckets.set(bound, (buckets.get(bound) ?? 0) + 1)
      }
      return {
        commits: sizes.length,
        operations: sizes.reduce((a, b) => a + b, 0),
        histogram: [...buckets.entries()].sort((a, b) => a[0] - b[0]),
        p50: percentile(sorted, 0.5),
        p99: percentile(sorted, 0.99),
        max: sorted.length === 0 ? 0 : (sorted[sorted.length - 1] as number),
        commitMsP50: percentile(times, 0.5),
        commitMsP99: percentile(times, 0.99),
      }
    },
  }
}
