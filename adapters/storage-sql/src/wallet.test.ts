// The WalletStore contract, the same on memory, SQLite and PostgreSQL: entries by owner newest first, the bytes
// returned as stored, usage counted for the quota, a result marked replaced by its corrected one, removal.
import { makeMemoryWalletStore, type WalletEntry, WalletStore, type WalletStoreShape } from "@motcua/application"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { contractOnEveryStorage } from "./store-contract.test-support.ts"
import { SqlWalletStore } from "./wallet.ts"

const bytes = (text: string) => new TextEncoder().encode(`%PDF-1.7\n% ${text}\n%%EOF\n`)

const entry = (id: string, ownerId: string, at: string, overrides: Partial<WalletEntry> = {}): WalletEntry => ({
  id,
  ownerId,
  kind: "paper",
  documentType: "cho-o-hop-phap",
  name: "Hợp đồng thuê nhà",
  mediaType: "application/pdf",
  size: bytes(id).length,
  sha256: "0".repeat(64),
  createdAt: at,
  ...overrides,
})

function contract(name: string, open: () => Promise<{ store: WalletStoreShape; close: () => Promise<void> }>) {
  describe(`WalletStore — ${name}`, () => {
    let store: WalletStoreShape
    let close: () => Promise<void>
    const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)
    beforeAll(async () => {
      ;({ store, close } = await open())
    })
    afterAll(() => close())

    it("keeps entries by owner, newest first, with their bytes", async () => {
      await run(
        store.add(entry("a1", "022090001234", "2025-10-06T01:00:00.000Z", { validUntil: "2027-12-31" }), bytes("a1")),
      )
      await run(
        store.add(
          entry("a2", "022090001234", "2025-10-07T01:00:00.000Z", {
            kind: "result",
            dossierCode: "000.11.50.H49-251006-0001",
          }),
          bytes("a2"),
        ),
      )
      await run(store.add(entry("b1", "022090009999", "2025-10-06T02:00:00.000Z"), bytes("b1")))
      const mine = await run(store.list("022090001234"))
      expect(mine.map((e) => e.id)).toEqual(["a2", "a1"])
      expect(mine[0]).toMatchObject({ kind: "result", dossierCode: "000.11.50.H49-251006-0001" })
      expect(mine[1]).toEqual(entry("a1", "022090001234", "2025-10-06T01:00:00.000Z", { validUntil: "2027-12-31" }))
      expect(await run(store.get("b1"))).toMatchObject({ ownerId: "022090009999" })
      expect(new TextDecoder().decode(await run(store.content("a1")))).toBe(new TextDecoder().decode(bytes("a1")))
      expect(await run(store.content("nope"))).toBeUndefined()
      expect(await run(store.usage("022090001234"))).toEqual({
        count: 2,
        bytes: bytes("a1").length + bytes("a2").length,
      })
      expect(await run(store.usage("nobody"))).toEqual({ count: 0, bytes: 0 })
    })

    it("marks a result replaced by the entry of its corrected one, and keeps it", async () => {
      await run(
        store.add(
          entry("a3", "022090001234", "2025-10-08T01:00:00.000Z", {
            kind: "result",
            dossierCode: "000.11.50.H49-251006-0001",
          }),
          bytes("a3"),
        ),
      )
      expect(await run(store.markReplaced("a2", "a3"))).toBe(true)
      expect(await run(store.markReplaced("nope", "a3"))).toBe(false)
      expect(await run(store.get("a2"))).toMatchObject({ id: "a2", replacedBy: "a3" })
      const listed = await run(store.list("022090001234"))
      expect(listed.find((e) => e.id === "a3")?.replacedBy).toBeUndefined()
      expect(listed.find((e) => e.id === "a2")?.replacedBy).toBe("a3")
      expect(await run(store.remove("a3"))).toBe(true)
    })

    it("removes an entry once", async () => {
      expect(await run(store.remove("a1"))).toBe(true)
      expect(await run(store.remove("a1"))).toBe(false)
      expect((await run(store.list("022090001234"))).map((e) => e.id)).toEqual(["a2"])
    })
  })
}

contractOnEveryStorage(
  {
    port: "WalletStore",
    slug: "wallet",
    memory: makeMemoryWalletStore,
    sqlLayer: SqlWalletStore.layer,
    read: WalletStore.useSync((s) => s),
  },
  contract,
)
