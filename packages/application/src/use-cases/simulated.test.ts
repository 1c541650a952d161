// A dossier filed under SimulationRun (motcua simulate) is marked `simulated` and never enqueues an outbox row, at
// filing or at any later action, so no relay sends it to the portal, an applicant or a payment gateway — while the
// same walk without the mark does.
import { Effect } from "effect"
import { expect, it } from "vitest"
import { CallLog } from "../ports/call-log.ts"
import { MemoryDatabase } from "../ports/memory.ts"
import { relayOnce, standardHandlers } from "../relay/relay.ts"
import { layerSimulationRun } from "../simulation/simulation-run.ts"
import { advance, DAY, HOUR, principals as p, residenceFiling, runTest } from "../test-support/harness.ts"
import { fileOnline } from "./filing.ts"
import * as L from "./lifecycle.ts"
import { getDossier } from "./queries.ts"

const walk = Effect.gen(function* () {
  const filed = yield* fileOnline(p.citizen, residenceFiling(), "k1")
  yield* advance(HOUR)
  yield* L.accept(p.counter, filed.code, { expectedVersion: filed.version })
  yield* advance(HOUR)
  yield* L.completeStep(p.counter, filed.code, { assigneeId: p.specialist.id })
  yield* advance(DAY)
  yield* L.requestSupplementation(p.specialist, filed.code, {
    missing: [{ documentId: "cho-o-hop-phap", description: "Hợp đồng thuê nhà chưa công chứng" }],
    applicantDeadline: "2025-10-17T10:00:00.000Z",
  })
  yield* advance(30 * DAY)
  const relayed = yield* relayOnce(yield* standardHandlers)
  const dossier = yield* getDossier(p.citizen, filed.code)
  return {
    simulated: dossier.context.simulated,
    rows: [...(yield* MemoryDatabase).state.outbox.values()].length,
    relayed: relayed.claimed,
    calls: (yield* CallLog).calls.length,
  }
})

it("a simulated dossier enqueues nothing and reaches no outside service; a real one does", async () => {
  const simulated = await runTest(walk.pipe(Effect.provide(layerSimulationRun)))
  expect(simulated).toEqual({ simulated: true, rows: 0, relayed: 0, calls: 0 })
  const real = await runTest(walk)
  expect(real.simulated).toBeUndefined()
  expect(real.rows).toBeGreaterThan(0)
  expect(real.calls).toBeGreaterThan(0)
})
