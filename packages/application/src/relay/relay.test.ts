// The relay against the in-memory outbox: what it reports when a row's lease was taken over while it delivered it,
// and when a row reaches the most attempts.
import { Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import { Clock } from "../ports/clock.ts"
import { MemoryDatabase, type MemoryOutboxRow } from "../ports/memory.ts"
import { Outbox } from "../ports/outbox.ts"
import { layerMemoryStorage } from "../ports/storage.ts"
import { relayOnce } from "./relay.ts"

const row = (id: number, topic: string): MemoryOutboxRow => ({
  id,
  topic,
  dossierCode: null,
  payload: { id },
  status: "pending",
  attempts: 0,
  availableAt: "2000-01-01T00:00:00.000Z",
  claimedBy: null,
  leaseUntil: null,
  lastError: null,
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
