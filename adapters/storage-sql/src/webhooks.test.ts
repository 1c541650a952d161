// The WebhookStore contract, the same on memory, SQLite and PostgreSQL: subscriptions by owner and event type,
// attempts newest first, failures counted in a row and reset by a delivery, disabling at the limit (also under
// concurrent attempts), re-enabling, removal with its attempts.
import {
  makeMemoryWebhookStore,
  WebhookStore,
  type WebhookStoreShape,
  type WebhookSubscription,
} from "@motcua/application"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { contractOnEveryStorage } from "./store-contract.test-support.ts"
import { SqlWebhookStore } from "./webhooks.ts"

const subscription = (id: string, overrides: Partial<WebhookSubscription> = {}): WebhookSubscription => ({
  id,
  ownerId: "client:erp",
  agencyCodes: ["000.11.50.H49"],
  url: "https://erp.example.vn/hooks",
  eventTypes: ["dossier.accept", "dossier.returnResult"],
  secret: "s".repeat(40),
  createdAt: `2025-10-06T01:00:0${id.length % 10}.000Z`,
  consecutiveFailures: 0,
  disabledAt: null,
  ...overrides,
})

const attempt = (subscriptionId: string, eventId: string, ok: boolean, at = "2025-10-06T02:00:00.000Z") => ({
  subscriptionId,
  eventId,
  eventType: "dossier.accept",
  at,
  ok,
  status: ok ? 204 : 500,
  error: ok ? null : "the receiver answered 500",
  durationMs: 12,
})

function contract(name: string, open: () => Promise<{ store: WebhookStoreShape; close: () => Promise<void> }>) {
  describe(`WebhookStore — ${name}`, () => {
    let store: WebhookStoreShape
    let close: () => Promise<void>
    const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)
    beforeAll(async () => {
      ;({ store, close } = await open())
    })
    afterAll(() => close())

    it("keeps subscriptions by owner and finds the enabled ones for an event type", async () => {
      await run(store.create(subscription("w1")))
      await run(
        store.create(subscription("w2", { ownerId: "province-admin", agencyCodes: undefined, eventTypes: ["*"] })),
      )
      expect((await run(store.find("w1")))?.agencyCodes).toEqual(["000.11.50.H49"])
      expect((await run(store.find("w2")))?.agencyCodes).toBeUndefined()
      expect((await run(store.list("client:erp"))).map((s) => s.id)).toEqual(["w1"])
      expect((await run(store.list())).map((s) => s.id).sort()).toEqual(["w1", "w2"])
      expect((await run(store.activeFor("dossier.accept"))).map((s) => s.id).sort()).toEqual(["w1", "w2"])
      expect((await run(store.activeFor("dossier.file"))).map((s) => s.id)).toEqual(["w2"])
    })

    it("counts failures in a row, resets them on a delivery, and disables at the limit", async () => {
      expect(await run(store.recordAttempt(attempt("w1", "e1", false), 3))).toEqual({
        consecutiveFailures: 1,
        disabled: false,
      })
      expect(await run(store.recordAttempt(attempt("w1", "e1", true), 3))).toEqual({
        consecutiveFailures: 0,
        disabled: false,
      })
      expect(await run(store.delivered("w1", "e1"))).toBe(true)
      expect(await run(store.delivered("w1", "e2"))).toBe(false)
      for (const n of [1, 2]) await run(store.recordAttempt(attempt("w1", `f${n}`, false), 3))
      const third = await run(store.recordAttempt(attempt("w1", "f3", false, "2025-10-06T03:00:00.000Z"), 3))
      expect(third).toEqual({ consecutiveFailures: 3, disabled: true })
      expect((await run(store.find("w1")))?.disabledAt).toBe("2025-10-06T03:00:00.000Z")
      expect((await run(store.activeFor("dossier.accept"))).map((s) => s.id)).toEqual(["w2"])
      const latest = await run(store.attempts("w1", 2))
      expect(latest.map((a) => a.eventId)).toEqual(["f3", "f2"])
      expect(latest[0]).toMatchObject({ ok: false, status: 500, error: "the receiver answered 500", durationMs: 12 })
    })

    it("disables once under concurrent failed attempts, and re-enables from zero", async () => {
      await run(store.create(subscription("w3")))
      await Promise.all(Array.from({ length: 8 }, (_, i) => run(store.recordAttempt(attempt("w3", `c${i}`, false), 5))))
      const after = await run(store.find("w3"))
      expect(after?.consecutiveFailures).toBe(8)
      expect(after?.disabledAt).not.toBeNull()
      expect(await run(store.enable("w3"))).toBe(true)
      expect(await run(store.find("w3"))).toMatchObject({ consecutiveFailures: 0, disabledAt: null })
      expect(await run(store.enable("nope"))).toBe(false)
    })

    it("removes a subscription with its attempts", async () => {
      expect(await run(store.remove("w3"))).toBe(true)
      expect(await run(store.find("w3"))).toBeUndefined()
      expect(await run(store.attempts("w3", 10))).toEqual([])
      expect(await run(store.remove("w3"))).toBe(false)
    })
  })
}

contractOnEveryStorage(
  {
    port: "WebhookStore",
    slug: "webhooks",
    memory: makeMemoryWebhookStore,
    sqlLayer: SqlWebhookStore.layer,
    read: WebhookStore.useSync((s) => s),
  },
  contract,
)
