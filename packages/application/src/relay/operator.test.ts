// Who may look at the outbox and retry dead rows: the province administrator only.
import { Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import type { Principal } from "../authorization/principal.ts"
import { Clock } from "../ports/clock.ts"
import { MemoryDatabase } from "../ports/memory.ts"
import { layerMemoryStorage } from "../ports/storage.ts"
import { principals } from "../test-support/harness.ts"
import { listOutbox, outboxBacklog, retryOutbox } from "./operator.ts"

const admin: Principal = {
  id: "qt-tinh",
  roles: ["province-admin"],
  scope: { _tag: "Staff", level: "province", agencyCodes: [], unitCodes: [], intakePointIds: [] },
}

const run = <A, E>(effect: Effect.Effect<A, E, MemoryDatabase | import("../ports/outbox.ts").Outbox | Clock>) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const db = yield* MemoryDatabase
      db.state.outbox.set(1, {
        id: 1,
        topic: "portal.sync",
        dossierCode: "000.11.50.H49-251006-0001",
        payload: { secret: "022090001234" },
        status: "dead",
        attempts: 3,
        failures: 3,
        availableAt: "2025-10-06T01:00:00.000Z",
        claimedBy: null,
        leaseUntil: null,
        lastError: "PortalRefused: Mã thủ tục không tồn tại",
        createdAt: "2025-10-06T01:00:00.000Z",
        dueAt: "2025-10-06T01:00:00.000Z",
        completedAt: null,
        orderingKey: "portal.sync:000.11.50.H49-251006-0001",
      })
      db.state.nextOutboxId = 2
      return yield* Effect.result(effect)
    }).pipe(Effect.provide(Layer.merge(layerMemoryStorage(), Clock.layer))),
  )

describe("the outbox operator's use cases", () => {
  it("let the province administrator list rows without their payload, see the backlog and retry dead rows", async () => {
    const listed = await run(listOutbox(admin, { status: "dead", limit: 10 }))
    expect(listed._tag).toBe("Success")
    if (listed._tag === "Success") {
      expect(listed.success.map((r) => [r.id, r.lastError])).toEqual([[1, "PortalRefused: Mã thủ tục không tồn tại"]])
      expect(JSON.stringify(listed.success)).not.toContain("022090001234")
    }
    const backlog = await run(outboxBacklog(admin))
    expect(backlog._tag === "Success" && backlog.success.dead).toBe(1)
    expect(await run(retryOutbox(admin, "all"))).toMatchObject({ _tag: "Success", success: [1] })
  })

  it("refuse everyone else", async () => {
    for (const principal of [principals.counter, principals.specialist, principals.citizen, principals.gateway]) {
      const outcome = await run(retryOutbox(principal, [1]))
      expect(outcome._tag).toBe("Failure")
      expect(outcome._tag === "Failure" && outcome.failure._tag).toBe("Forbidden")
    }
  })
})
