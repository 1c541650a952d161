// The IssuedResultStore contract, the same on memory, SQLite and PostgreSQL: a record read back whole, a dossier's
// results newest first, revocation once (a second revocation and an unknown id change nothing).
import {
  type IssuedResult,
  IssuedResultStore,
  type IssuedResultStoreShape,
  makeMemoryIssuedResultStore,
} from "@motcua/application"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { SqlIssuedResultStore } from "./issued-results.ts"
import { contractOnEveryStorage } from "./store-contract.test-support.ts"

const result = (id: string, overrides: Partial<IssuedResult> = {}): IssuedResult => ({
  id,
  dossierCode: "000.11.50.H49-251006-0001",
  procedureCode: "1.004222",
  procedureName: "Đăng ký thường trú",
  agencyCode: "000.11.50.H49",
  title: "Thông báo kết quả giải quyết thủ tục đăng ký cư trú",
  documentId: `doc-${id}`,
  sha256: "a".repeat(64),
  signatureId: `x509-01AB-${id}`,
  algorithm: "PAdES RSA-SHA256",
  certificate: {
    serialNumber: "01AB",
    commonName: "Trần Văn Lãnh Đạo",
    subject: "CN=Trần Văn Lãnh Đạo, C=VN",
    issuer: "CN=motcua Development Signing CA",
    validFrom: "2025-01-01T00:00:00.000Z",
    validTo: "2028-01-01T00:00:00.000Z",
  },
  signedBy: "ld-hg-01",
  signedAt: "2025-10-10T07:00:00.000Z",
  status: "valid",
  ...overrides,
})

function contract(name: string, open: () => Promise<{ store: IssuedResultStoreShape; close: () => Promise<void> }>) {
  describe(`IssuedResultStore — ${name}`, () => {
    let store: IssuedResultStoreShape
    let close: () => Promise<void>
    const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)
    beforeAll(async () => {
      ;({ store, close } = await open())
    })
    afterAll(() => close())

    it("reads a record back whole; an unknown id is undefined", async () => {
      await run(store.record(result("AAAAAAAAAAAAAAAA")))
      expect(await run(store.find("AAAAAAAAAAAAAAAA"))).toEqual(result("AAAAAAAAAAAAAAAA"))
      expect(await run(store.find("ZZZZZZZZZZZZZZZZ"))).toBeUndefined()
    })

    it("lists a dossier's results newest first", async () => {
      await run(store.record(result("BBBBBBBBBBBBBBBB", { dossierCode: "X-1", signedAt: "2025-10-10T07:00:00.000Z" })))
      await run(store.record(result("CCCCCCCCCCCCCCCC", { dossierCode: "X-1", signedAt: "2025-10-11T07:00:00.000Z" })))
      expect((await run(store.ofDossier("X-1"))).map((r) => r.id)).toEqual(["CCCCCCCCCCCCCCCC", "BBBBBBBBBBBBBBBB"])
      expect(await run(store.ofDossier("X-2"))).toEqual([])
    })

    it("revokes once, keeping when, who and why", async () => {
      await run(store.record(result("DDDDDDDDDDDDDDDD")))
      const revocation = { at: "2025-10-12T01:00:00.000Z", by: "ld-hg-01", reason: "Cấp nhầm" }
      expect(await run(store.revoke("DDDDDDDDDDDDDDDD", revocation))).toBe(true)
      expect(await run(store.revoke("DDDDDDDDDDDDDDDD", { ...revocation, reason: "again" }))).toBe(false)
      expect(await run(store.revoke("EEEEEEEEEEEEEEEE", revocation))).toBe(false)
      expect(await run(store.find("DDDDDDDDDDDDDDDD"))).toEqual({
        ...result("DDDDDDDDDDDDDDDD"),
        status: "revoked",
        revokedAt: revocation.at,
        revokedBy: "ld-hg-01",
        revocationReason: "Cấp nhầm",
      })
    })
  })
}

contractOnEveryStorage(
  {
    port: "IssuedResultStore",
    slug: "results",
    memory: makeMemoryIssuedResultStore,
    sqlLayer: SqlIssuedResultStore.layer,
    read: IssuedResultStore.useSync((s) => s),
  },
  contract,
)
