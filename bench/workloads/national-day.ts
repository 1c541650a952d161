// The national working day (issue 13 §3): N dossiers filed across the province's units and every procedure of the
// sample catalogue through the application's use cases, as `motcua simulate` drives them (apps/cli's simulation
// driver: online, counter and post channels, supplementation rounds, payments, approvals, signing, return), by C
// concurrent clients — shards, each with its own simulated clock and seed — over ONE storage: SQLite at
// synchronous=FULL with group commit on, or PostgreSQL. The dossiers are not marked simulated, so every change
// writes its portal push to the outbox, and the outbox relay (relayOnce, continuous, as the server runs it) delivers
// them meanwhile to the portal simulator (apps/portal-sim) in a process of its own.
//
// Afterwards every row is checked: the dossier count and each dossier's stored state against the driver's, the
// audit chain (verifyChain), the portal rows all delivered (no backlog, none dead) and the simulator holding a
// record for every dossier. Printed: transitions/s, p50/p99 per action, the outbox lag when the clients finish,
// peak RSS, the load average.
import { mkdtempSync, rmSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import {
  AuditLog,
  CatalogStore,
  Clock,
  DossierStore,
  Ids,
  IssuedResultStore,
  Outbox,
  PortalSync,
  relayOnce,
  topics,
  WalletStore,
} from "@motcua/application"
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { type SimulatedDossier, simulateDossiers, simulationStandIns } from "@motcua/cli"
import { makePortalSync } from "@motcua/portal-dvcqg"
import { SqlStorage } from "@motcua/storage-sql"
import { freshPostgresDatabase } from "@motcua/storage-sql/testing"
import { Effect, Fiber, Layer, ManagedRuntime, Result } from "effect"
import { startSimProcess } from "./portal-relay.ts"

export interface NationalDayOptions {
  readonly dossiers: number
  readonly clients: number
  readonly storage: "sqlite" | "pg"
  /** PostgreSQL server (admin URL) for `storage: "pg"`: a fresh database is made on it and dropped after. */
  readonly pgUrl?: string
  /** Group commit on SQLite: most transactions per batch. */
  readonly batch: number
  /** Relay deliveries at once. */
  readonly relayConcurrency: number
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
}

export class DayCheckFailed extends Error {}

const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")

const percentile = (sorted: Float64Array, q: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number)

export async function runNationalDay(options: NationalDayOptions): Promise<NationalDayResult> {
  const log = options.log ?? console.log
  const data = Result.getOrThrow(loadQuangNinh())
  // in the past: the relay runs on the real clock, and a row is due from the (simulated) instant it was written
  const start = options.start ?? "2025-07-01"
  const folder = mkdtempSync(join(tmpdir(), "motcua-bench-day-"))
  const sim = await startSimProcess()
  let pg: { url: string; drop: () => Promise<void> } | undefined
  if (options.storage === "pg") {
    if (options.pgUrl === undefined) throw new Error("--storage pg needs MOTCUA_TEST_PG_URL (a PostgreSQL server)")
    pg = await freshPostgresDatabase(options.pgUrl, "motcua_day")
  }
  const storage =
    pg === undefined
      ? SqlStorage.layerSqlite({
          file: join(folder, "day.sqlite"),
          documentsDir: join(folder, "documents"),
          synchronous: "FULL",
          groupCommit: { maxBatch: options.batch, maxWaitMs: 0 },
        })
      : SqlStorage.layerPostgres({ url: pg.url, documentsDir: join(folder, "documents") })
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
      storage,
      CatalogStore.layerFromData({
        catalogue: data.catalogue,
        jurisdiction: data.jurisdiction,
        ...(data.holidays === undefined ? {} : { holidays: data.holidays }),
      }),
      Ids.layer,
      IssuedResultStore.layerMemory,
      simulationStandIns,
      WalletStore.layerMemory,
      Layer.succeed(PortalSync, PortalSync.of(portal)),
    ),
  )
  // peak RSS sampled every 200 ms (the process's own: clients, relay and storage; the simulator is apart)
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
    // the relay: continuous passes over the portal topic, while the clients work and until the outbox is drained
    const relay = Effect.gen(function* () {
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

    log(
      `national day: ${options.dossiers} dossiers, ${shares.length} clients, ${options.storage === "pg" ? "PostgreSQL" : `SQLite FULL, group commit ≤ ${options.batch}`}, relay ×${options.relayConcurrency} → ${sim.url}; load ${loadNow()}`,
    )
    const startedAt = performance.now()
    let progress = 0
    // every dossier as its life ends, for the checks afterwards (the driver's result keeps counts only)
    const ended: SimulatedDossier[] = []
    const results = await runtime.runPromise(
      Effect.gen(function* () {
        const relayFiber = yield* Effect.forkChild(relay)
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
                    `  ${progress}/${options.dossiers} dossiers done, ${((performance.now() - startedAt) / 1000).toFixed(0)} s, load ${loadNow()}, RSS ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MB`,
                  )
              },
            }).pipe(Effect.provide(Clock.layerTest(`${start}T01:00:00.000Z`))),
          { concurrency: "unbounded" },
        )
        clientsEndedAt = performance.now()
        const deliveredBefore = delivered
        clientsDone = true
        yield* Fiber.join(relayFiber)
        lagRows = delivered - deliveredBefore
        return { shardResults, delivered }
      }),
    )
    const endedAt = performance.now()
    const transitions = results.shardResults.reduce((n, r) => n + r.transitions, 0)
    const seconds = (clientsEndedAt - startedAt) / 1000
    await checkDay(runtime, sim.url, ended, transitions, results.delivered)
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
      load: loadNow(),
      byChannel: tally(ended.map((d) => d.channel)),
      byFinalState: tally(ended.map((d) => d.finalState)),
    }
  } finally {
    clearInterval(sampler)
    await runtime.dispose()
    sim.child.kill("SIGTERM")
    await pg?.drop()
    rmSync(folder, { recursive: true, force: true })
  }
}

/** Every row afterwards: dossiers and their states, the audit chain, the outbox drained, the simulator's records. */
async function checkDay(
  runtime: ManagedRuntime.ManagedRuntime<DossierStore | AuditLog | Outbox, unknown>,
  simUrl: string,
  dossiers: ReadonlyArray<SimulatedDossier>,
  transitions: number,
  delivered: number,
): Promise<void> {
  const stuck = dossiers.filter((d) => d.stuck !== undefined)
  if (stuck.length > 0)
    throw new DayCheckFailed(`${stuck.length} dossiers stuck, e.g. ${stuck[0]?.code}: ${stuck[0]?.stuck}`)
  const codes = new Set(dossiers.map((d) => d.code))
  if (codes.size !== dossiers.length) throw new DayCheckFailed(`${dossiers.length - codes.size} dossier codes repeated`)
  await runtime.runPromise(
    Effect.gen(function* () {
      const store = yield* DossierStore
      for (const d of dossiers) {
        const record = yield* store.get(d.code)
        if (record.summary.state !== d.finalState)
          return yield* Effect.fail(
            new DayCheckFailed(
              `${d.code}: stored in state ${record.summary.state}, the client left it ${d.finalState}`,
            ),
          )
        if (record.version !== d.transitions)
          return yield* Effect.fail(
            new DayCheckFailed(
              `${d.code}: stored at version ${record.version}, ${d.transitions} transitions committed`,
            ),
          )
      }
      const chain = yield* (yield* AuditLog).verifyChain()
      if (chain._tag !== "Intact") return yield* Effect.fail(new DayCheckFailed(`audit chain: ${chain._tag}`))
      const backlog = yield* (yield* Outbox).backlog()
      if (backlog.dead > 0) return yield* Effect.fail(new DayCheckFailed(`${backlog.dead} outbox rows dead`))
      for (const status of ["pending", "claimed"] as const) {
        const left = yield* (yield* Outbox).list({ topic: topics.portalSync, status, limit: 5 })
        if (left.length > 0)
          return yield* Effect.fail(new DayCheckFailed(`portal rows left ${status}, e.g. outbox row ${left[0]?.id}`))
      }
    }),
  )
  const stats = (await (await fetch(`${simUrl}/sim/stats`)).json()) as { dossiers: number; progressItems: number }
  if (stats.dossiers !== dossiers.length)
    throw new DayCheckFailed(`the portal simulator holds ${stats.dossiers} dossiers, ${dossiers.length} were filed`)
  if (delivered < dossiers.length)
    throw new DayCheckFailed(
      `${delivered} portal pushes delivered for ${dossiers.length} dossiers (a record each at least)`,
    )
  void transitions
}
