// The relay against the in-memory outbox: what it reports when a row's lease was taken over while it delivered it,
// and when a row reaches the most attempts.
import { Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import { Clock } from "../ports/clock.ts"
import { MemoryDatabase, type MemoryOutboxRow } from "../ports/memory.ts"
import { Outbox } from "../ports/outbox.ts"
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY } from "../ports/records.ts"
import { layerMemoryStorage } from "../ports/storage.ts"
import { outboxLag, relayOnce, retryDelay } from "./relay.ts"

const row = (id: number, topic: string): MemoryOutboxRow => ({
  id,
  topic,
  dossierCode: null,
  payload: { id },
  status: "pending",
  attempts: 0,
  failures: 0,
  availableAt: "2000-01-01T00:00:00.000Z",
  claimedBy: null,
  leaseUntil: null,
  lastError: null,
  createdAt: "2000-01-01T00:00:00.000Z",
  dueAt: "2000-01-01T00:00:00.000Z",
  completedAt: null,
  orderingKey: null,
})

const run = <A, E>(effect: Effect.Effect<A, E, MemoryDatabase | Outbox | Clock>) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const db = yield* MemoryDatabase
      db.state.outbox.set(1, row(1, "ok"))
      db.state.outbox.set(2, row(2, "broken"))
      db.state.nextOutboxId = 3
      return yield* effect
    }).pipe(Effect.provide(Layer.merge(layerMemoryStorage(), Clock.layer))),
  )

describe("relayOnce", () => {
  it("reports a lost lease instead of settling a row another relay took over", async () => {
    const report = await run(
      Effect.gen(function* () {
        const outbox = yield* Outbox
        // While this relay delivers (its lease is 0 ms), another relay takes both rows over.
        const takeOver = () => outbox.claim("other", 10, 60_000).pipe(Effect.asVoid)
        const report = yield* relayOnce(
          { ok: takeOver, broken: () => Effect.fail("portal down") },
          { workerId: "late", leaseMs: 0 },
        )
        const db = yield* MemoryDatabase
        return { report, rows: [...db.state.outbox.values()] }
      }),
    )
    expect(report.report.delivered).toEqual([])
    expect(report.report.failed).toEqual([])
    expect(report.report.lostLeases).toEqual([1, 2])
    // Both rows are still the other relay's: neither done nor offered again.
    expect(report.rows.map((r) => [r.id, r.status, r.claimedBy])).toEqual([
      [1, "claimed", "other"],
      [2, "claimed", "other"],
    ])
  })

  it("gives up on a row after maxAttempts failed deliveries", async () => {
    const reports = await run(
      Effect.gen(function* () {
        const handlers = { ok: () => Effect.void, broken: () => Effect.fail("portal down") }
        const options = { maxAttempts: 2, retryBaseMs: 0 }
        return [yield* relayOnce(handlers, options), yield* relayOnce(handlers, options), yield* relayOnce(handlers)]
      }),
    )
    expect(reports.map((r) => [r.claimed, r.failed.map((f) => f.id), r.dead])).toEqual([
      [2, [2], []],
      [1, [2], [2]],
      [0, [], []],
    ])
  })
})

describe("retryDelay", () => {
  it("doubles from the base up to the ceiling, less up to the jitter's share at random", () => {
    const none = () => 0
    expect([1, 2, 3, 4, 5, 30].map((n) => retryDelay(n, 1_000, 10_000, 0.5, none))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ])
    // the largest draw takes off half: every delay lies in [½, 1] of the exponential one
    expect(retryDelay(3, 1_000, 10_000, 0.5, () => 0.999_999)).toBe(2_000)
    expect(retryDelay(3, 1_000, 10_000, 0.2, () => 0.5)).toBe(3_600)
    // without jitter the delay is exact
    expect(retryDelay(2, 500, 60_000, 0)).toBe(1_000)
  })
})

describe("the default attempts and retry delays", () => {
  /** How long a row fails before it is dead: the delays after each of its failed attempts but the last. */
  const tried = (draw: () => number) =>
    Array.from({ length: DEFAULT_MAX_ATTEMPTS - 1 }, (_, i) =>
      retryDelay(i + 1, DEFAULT_RETRY.baseMs, DEFAULT_RETRY.ceilingMs, DEFAULT_RETRY.jitter, draw),
    ).reduce((sum, ms) => sum + ms, 0)
  it("give a row between one and two days of trying before it is dead (a portal down overnight or for a weekend's maintenance)", () => {
    const hours = (ms: number) => ms / 3_600_000
    // every draw at its shortest (half of each delay) and at its longest (all of it): 24.0 and 48.1 hours
    expect(hours(tried(() => 0.999_999))).toBeGreaterThanOrEqual(24)
    expect(hours(tried(() => 0))).toBeLessThan(48.1)
  })
})

describe("relayOnce for real traffic", () => {
  const ordered = (id: number, key: string): MemoryOutboxRow => ({ ...row(id, "portal"), orderingKey: key })
  const withRows = <A, E>(
    rows: ReadonlyArray<MemoryOutboxRow>,
    effect: Effect.Effect<A, E, MemoryDatabase | Outbox | Clock>,
  ) =>
    Effect.runPromise(
      Effect.gen(function* () {
        const db = yield* MemoryDatabase
        for (const r of rows) db.state.outbox.set(r.id, r)
        db.state.nextOutboxId = rows.length + 1
        return yield* effect
      }).pipe(Effect.provide(Layer.merge(layerMemoryStorage(), Clock.layer))),
    )

  it("delivers the rows of one key in order and one at a time, while other keys go in parallel", async () => {
    const log: string[] = []
    let inFlight = 0
    let most = 0
    const rows = [ordered(1, "a"), ordered(2, "b"), ordered(3, "a"), ordered(4, "b"), ordered(5, "a")]
    const passes = await withRows(
      rows,
      Effect.gen(function* () {
        const handler = (m: { id: number }) =>
          Effect.gen(function* () {
            inFlight++
            most = Math.max(most, inFlight)
            yield* Effect.sleep("5 millis")
            log.push(`${rows[m.id - 1]?.orderingKey}${m.id}`)
            inFlight--
          })
        const reports = []
        for (let pass = 0; pass < 5; pass++) reports.push(yield* relayOnce({ portal: handler }, { concurrency: 8 }))
        return reports.map((r) => r.delivered)
      }),
    )
    expect(passes).toEqual([[1, 2], [3, 4], [5], [], []])
    expect(log.filter((l) => l.startsWith("a"))).toEqual(["a1", "a3", "a5"])
    expect(most).toBe(2)
  })

  it("continuous: takes the next row of a key as soon as the one before is done, all in one pass, in order", async () => {
    const log: string[] = []
    let inFlight = 0
    let most = 0
    const rows = [ordered(1, "a"), ordered(2, "b"), ordered(3, "a"), ordered(4, "b"), ordered(5, "a"), row(6, "portal")]
    const report = await withRows(
      rows,
      relayOnce(
        {
          portal: (m: { id: number }) =>
            Effect.gen(function* () {
              inFlight++
              most = Math.max(most, inFlight)
              yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, m.id === 1 ? 300 : 2)))
              log.push(`${rows[m.id - 1]?.orderingKey ?? "-"}${m.id}`)
              inFlight--
            }),
        },
        { concurrency: 3, continuous: true, limit: 100 },
      ),
    )
    expect(report.claimed).toBe(6)
    expect(report.delivered).toEqual([1, 2, 3, 4, 5, 6])
    expect(log.filter((l) => l.startsWith("a"))).toEqual(["a1", "a3", "a5"])
    expect(log.filter((l) => l.startsWith("b"))).toEqual(["b2", "b4"])
    // b's rows went on while a's first row was slow
    expect(log.indexOf("b4")).toBeLessThan(log.indexOf("a1"))
    expect(most).toBeLessThanOrEqual(3)
  })

  it("continuous: completes the delivered rows in the write of its next claim, not one write per row", async () => {
    const writes: Array<{ readonly call: string; readonly ids: ReadonlyArray<number> }> = []
    // the memory outbox, with its writes of completions recorded
    const counted = Effect.gen(function* () {
      const outbox = yield* Outbox
      return Outbox.of({
        ...outbox,
        complete: (id, worker) => {
          writes.push({ call: "complete", ids: [id] })
          return outbox.complete(id, worker)
        },
        completeMany: (ids, worker) => {
          writes.push({ call: "completeMany", ids })
          return outbox.completeMany(ids, worker)
        },
        completeAndClaim: (ids, worker, ...rest) => {
          writes.push({ call: "completeAndClaim", ids })
          return outbox.completeAndClaim(ids, worker, ...rest)
        },
      })
    })
    const rows = Array.from({ length: 24 }, (_, i) => ordered(i + 1, i % 2 === 0 ? "a" : "b"))
    const report = await withRows(
      rows,
      Effect.flatMap(counted, (outbox) =>
        relayOnce(
          { portal: () => Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 1))) },
          { concurrency: 4, continuous: true, limit: 100 },
        ).pipe(Effect.provideService(Outbox, outbox)),
      ),
    )
    expect(report.delivered).toEqual(rows.map((r) => r.id))
    // every row completed once, none on its own
    const completed = writes.flatMap((w) => w.ids).sort((x, y) => x - y)
    expect(completed).toEqual(rows.map((r) => r.id))
    expect(writes.filter((w) => w.call === "complete")).toEqual([])
    // two keys, one row of each out at a time: each claim takes the rows delivered before it (the next row of a key
    // is claimable only once its row before is done, which the same write does)
    const claims = writes.filter((w) => w.call === "completeAndClaim")
    expect(claims.length).toBeGreaterThan(1)
    expect(claims.slice(1).every((w) => w.ids.length > 0)).toBe(true)
  })

  it("continuous: never claims more than the limit", async () => {
    const report = await withRows(
      [row(1, "x"), row(2, "x"), row(3, "x"), row(4, "x"), row(5, "x")],
      relayOnce({ x: () => Effect.void }, { concurrency: 4, continuous: true, limit: 3 }),
    )
    expect(report.claimed).toBe(3)
  })

  it("buries a row refused for good at once, keeps what follows it waiting, and retries a passing failure", async () => {
    const refused = Object.assign(new Error("Mã thủ tục không tồn tại"), { permanent: true })
    const results = await withRows(
      [ordered(1, "a"), ordered(2, "a"), ordered(3, "b")],
      Effect.gen(function* () {
        const handlers = {
          portal: (m: { id: number }) =>
            m.id === 1
              ? Effect.fail({ _tag: "ExternalServiceFailed", message: "refused", cause: refused })
              : Effect.fail("503"),
        }
        const first = yield* relayOnce(handlers, { retryBaseMs: 0 })
        const second = yield* relayOnce(handlers, { retryBaseMs: 0 })
        const rows = yield* (yield* Outbox).list({ limit: 10 })
        return { first, second, rows }
      }),
    )
    expect(results.first.dead).toEqual([1])
    expect(results.first.failed.map((f) => f.id)).toEqual([1, 3])
    expect(results.first.failed[0]?.error).toBe("ExternalServiceFailed: refused")
    // row 2 waits behind the dead row 1; row 3 is retried
    expect(results.second.claimed).toBe(1)
    expect(results.rows.map((r) => [r.id, r.status, r.attempts])).toEqual([
      [1, "dead", 1],
      [2, "pending", 0],
      [3, "pending", 2],
    ])
  })

  it("abandons a delivery that outlives its time and retries it", async () => {
    const report = await withRows(
      [row(1, "slow")],
      relayOnce({ slow: () => Effect.never }, { leaseMs: 60_000, deliveryTimeoutMs: 20, retryBaseMs: 0 }),
    )
    expect(report.failed.map((f) => f.error)).toEqual([
      "DeliveryTimedOut: giao không xong trong 20 ms (delivery took longer than 20 ms)",
    ])
  })

  it("reports the lag of the oldest due undelivered row", async () => {
    const lag = await withRows([row(1, "x")], outboxLag)
    expect(lag.pending).toBe(1)
    expect(lag.oldestDueAt).toBe("2000-01-01T00:00:00.000Z")
    expect(lag.lagMs).toBeGreaterThan(0)
    expect(await withRows([], outboxLag)).toEqual({ pending: 0, claimed: 0, dead: 0, oldestDueAt: null, lagMs: 0 })
  })
})
