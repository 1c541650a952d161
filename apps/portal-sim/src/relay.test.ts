// The outbox relay delivering to the simulator through the portal adapter, with faults on 30% of the calls (5xx,
// timeouts, answers lost after applying, malformed answers, expired sessions): in the end the simulator holds every
// dossier's record in its final status and every progress update exactly once, in order per dossier, and no row
// is dead. The in-memory outbox here (one process); apps/cli's relay test runs the same over SQLite and PostgreSQL
// with relay processes killed along the way.
import {
  MemoryDatabase,
  PortalSync,
  PortalSyncPayload,
  relayOnce,
  standardHandlers,
  TestClock,
  topics,
} from "@motcua/application"
import { runTest } from "@motcua/application/testing"
import { makePortalSync, toDossierRecord, toProgressItems } from "@motcua/portal-dvcqg"
import { Effect, Schema } from "effect"
import { afterAll, beforeAll, expect, it } from "vitest"
import { type RunningSim, startPortalSim } from "./server.ts"
import { lifecycle } from "./test-support/walks.ts"

let sim: RunningSim
beforeAll(async () => {
  // the simulator runs in this process: on a loaded machine an answer can be slow to come, so the client's timeout is
  // generous (an injected timeout holds the call longer still) and a row may take many attempts before it is dead
  sim = await startPortalSim({ faults: { failRate: 0.3, hangMs: 1_500 } })
})
afterAll(() => sim.close())

it("delivers 30 lifecycles through 30% faults: every record final, every progress item once and in order", async () => {
  const sync = makePortalSync({
    baseUrl: sim.url,
    username: "motcua",
    password: "motcua",
    unitCode: "000.00.00.H49",
    dstcode: "H49",
    timeoutMs: 1_000,
  })
  const outcome = await runTest(
    Effect.gen(function* () {
      const codes: string[] = []
      for (let i = 0; i < 30; i++) codes.push(yield* lifecycle(`relay-${i}`))
      const handlers = yield* Effect.provideService(standardHandlers, PortalSync, sync)
      const clock = yield* TestClock
      const db = yield* MemoryDatabase
      const undelivered = () =>
        [...db.state.outbox.values()].filter((r) => r.topic === topics.portalSync && r.status !== "done").length
      let passes = 0
      while (undelivered() > 0 && passes < 2_000) {
        passes++
        yield* relayOnce(handlers, {
          concurrency: 16,
          limit: 200,
          retryBaseMs: 10,
          retryCeilingMs: 200,
          maxAttempts: 100,
        }).pipe(Effect.provideService(PortalSync, sync))
        yield* clock.advance(1_000)
      }
      const rows = [...db.state.outbox.values()]
        .filter((r) => r.topic === topics.portalSync)
        .sort((a, b) => a.id - b.id)
      return { codes, rows, passes }
    }),
  )
  expect(outcome.rows.every((r) => r.status === "done")).toBe(true)
  // faults really happened, of every kind, and retries with them
  expect(Object.values(sim.state.stats.faults).every((n) => n > 0)).toBe(true)
  expect(outcome.rows.some((r) => r.attempts > 1)).toBe(true)
  for (const code of outcome.codes) {
    const views = outcome.rows
      .filter((r) => r.dossierCode === code)
      .map((r) => Schema.decodeUnknownSync(PortalSyncPayload)(r.payload))
    const records = views.flatMap((v) => (v.kind === "record" ? [v.record] : []))
    const expected = views.flatMap((v) => (v.kind === "progress" ? toProgressItems(v.progress) : []))
    const held = sim.state.dossiers.get(code)
    expect(held?.record, code).toEqual(
      JSON.parse(JSON.stringify(toDossierRecord(records.at(-1) as (typeof records)[number]))),
    )
    expect(held?.record.TrangThaiHoSo).toBe("10")
    expect(held?.progress, code).toEqual(JSON.parse(JSON.stringify(expected)))
  }
}, 120_000)
