// The e-wallet's quota is the deployment's (MOTCUA_WALLET_MAX_ENTRIES, MOTCUA_WALLET_MAX_BYTES → the runtime's
// walletQuota): a paper beyond it is 413 whose problem states the limit and what the citizen uses now, and nothing
// is kept; a bad setting stops the start naming the variable.
import { DEFAULT_WALLET_QUOTA } from "@motcua/application"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { citizen, pdf, type TestSystem, testSystem } from "./dossier.test-support.ts"
import { settingsFromEnvironment } from "./environment.ts"
import { readProblem } from "./testing.test-support.ts"

const QUOTA = { entries: 2, bytes: 2_000 }
let system: TestSystem
beforeAll(async () => {
  system = await testSystem("memory", { runtime: { walletQuota: QUOTA } })
})
afterAll(async () => system?.close())

const save = (who: ReturnType<typeof citizen>, bytes: Uint8Array, name: string) =>
  system.app.request(`/api/v1/me/wallet?documentType=cho-o-hop-phap&name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { ...who.headers, "content-type": "application/pdf" },
    body: bytes,
  })

const list = async (who: ReturnType<typeof citizen>, ownerId: string) =>
  (
    (await (await system.app.request(`/api/v1/wallets/${ownerId}`, { headers: who.headers })).json()) as {
      items?: unknown[]
    }
  ).items ?? []

describe("the e-wallet's quota, as configured", () => {
  it("refuses a paper beyond the number of entries with 413 stating the limit and the use", async () => {
    const me = citizen()
    expect((await save(me, pdf("một"), "1")).status).toBe(201)
    expect((await save(me, pdf("hai"), "2")).status).toBe(201)
    const third = await save(me, pdf("ba"), "3")
    expect(third.status).toBe(413)
    const problem = await readProblem(third)
    expect(problem.reason).toMatchObject({
      _tag: "DocumentRejected",
      reason: "quota-exceeded",
      quota: { entries: 2, bytes: 2_000, usedEntries: 2 },
    })
    expect(problem.detail).toContain("2 entries")
    expect(problem.detail).toContain("2000 bytes")
    expect(await list(me, "022090001234")).toHaveLength(2)
  })

  it("refuses a paper beyond the bytes, counting what is kept already", async () => {
    const other = citizen("022090009999")
    const kept = new Uint8Array(1_500)
    kept.set(pdf("lớn"))
    expect((await save(other, kept, "lớn")).status).toBe(201)
    const more = new Uint8Array(600)
    more.set(pdf("thêm"))
    const refused = await save(other, more, "thêm")
    expect(refused.status).toBe(413)
    expect((await readProblem(refused)).reason).toMatchObject({
      quota: { bytes: 2_000, usedEntries: 1, usedBytes: 1_500 },
    })
    expect(await list(other, "022090009999")).toHaveLength(1)
  })

  it("is read from the environment, the default without it, a bad value refused by name", () => {
    expect(settingsFromEnvironment({}).walletQuota).toEqual(DEFAULT_WALLET_QUOTA)
    expect(
      settingsFromEnvironment({ MOTCUA_WALLET_MAX_ENTRIES: "50", MOTCUA_WALLET_MAX_BYTES: "1048576" }).walletQuota,
    ).toEqual({ entries: 50, bytes: 1_048_576 })
    expect(() => settingsFromEnvironment({ MOTCUA_WALLET_MAX_ENTRIES: "0" })).toThrow(/MOTCUA_WALLET_MAX_ENTRIES/)
    expect(() => settingsFromEnvironment({ MOTCUA_WALLET_MAX_BYTES: "lots" })).toThrow(/MOTCUA_WALLET_MAX_BYTES/)
  })
})
