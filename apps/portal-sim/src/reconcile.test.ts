// Reconciliation against the simulator: dossiers the portal lacks or holds in an older status get their record
// queued again, and once the relay delivers them the portal agrees with us; the others are left alone.
import {
  MemoryDatabase,
  PortalSync,
  reconcilePortal,
  relayOnce,
  standardHandlers,
  TestClock,
  topics,
} from "@motcua/application"
import { runTest } from "@motcua/application/testing"
import { makePortalSync } from "@motcua/portal-dvcqg"
import { Effect } from "effect"
import { afterAll, beforeAll, expect, it } from "vitest"
import { type RunningSim, startPortalSim } from "./server.ts"
import { lifecycle } from "./test-support/walks.ts"

let sim: RunningSim
beforeAll(async () => {
  sim = await startPortalSim()
})
afterAll(() => sim.close())

it("re-queues the missing and the stale, reports the table, and the relay brings the portal in line", async () => {
  const sync = makePortalSync({ baseUrl: sim.url, username: "motcua", password: "motcua", unitCode: "x", dstcode: "x" })
  const outcome = await runTest(
    Effect.gen(function* () {
      const codes = [yield* lifecycle("a"), yield* lifecycle("b"), yield* lifecycle("c")]
      const handlers = yield* Effect.provideService(standardHandlers, PortalSync, sync)
      const db = yield* MemoryDatabase
      const clock = yield* TestClock
      const drain = Effect.gen(function* () {
        for (let i = 0; i < 100; i++) {
          const pass = yield* relayOnce(handlers, { concurrency: 8 })
          if (pass.claimed === 0) return
          yield* clock.advance(1_000)
        }
      })
      yield* drain
      // the portal lost dossier c, and holds b at an older status
      const [, b, c] = codes as [string, string, string]
      sim.state.dossiers.delete(c)
      const heldB = sim.state.dossiers.get(b)
      if (heldB !== undefined) heldB.record = { ...heldB.record, TrangThaiHoSo: "4" }
      const report = yield* reconcilePortal({ from: "2025-10-01", to: "2025-12-31" }).pipe(
        Effect.provideService(PortalSync, sync),
      )
      const outside = yield* reconcilePortal({ from: "2024-01-01", to: "2024-12-31" }).pipe(
        Effect.provideService(PortalSync, sync),
      )
      const queued = [...db.state.outbox.values()].filter(
        (r) => r.topic === topics.portalSync && r.status === "pending",
      )
      yield* drain
      return { codes, report, outside, queued: queued.map((r) => r.dossierCode) }
    }),
  )
  const [a, b, c] = outcome.codes
  expect(outcome.report).toMatchObject({
    checked: 3,
    inSync: 1,
    missing: [c],
    stale: [{ code: b, ours: 10, portal: 4 }],
    failed: [],
  })
  expect([...outcome.report.requeued].sort()).toEqual([b, c].sort())
  expect(outcome.queued.sort()).toEqual([b, c].sort())
  expect(outcome.outside.checked).toBe(0)
  for (const code of [a, b, c]) expect(sim.state.dossiers.get(code ?? "")?.record.TrangThaiHoSo, code).toBe("10")
})
