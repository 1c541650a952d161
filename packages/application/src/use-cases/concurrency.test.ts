import { Deferred, Effect } from "effect"
import { describe, expect, it } from "vitest"
import { cachedMachineCount } from "../dossier/machines.ts"
import { AuditLog } from "../ports/audit-log.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { DossierStore } from "../ports/dossier-store.ts"
import { VersionConflict } from "../ports/errors.ts"
import { advance, HOUR, principals as p, residenceFiling, runTest } from "../test-support/harness.ts"
import { fileOnline } from "./filing.ts"
import * as L from "./lifecycle.ts"

/** Files, accepts and hands the dossier to the specialist step; returns its code. */
const inProcessing = Effect.gen(function* () {
  const filed = yield* fileOnline(p.citizen, residenceFiling(), "k1")
  yield* advance(HOUR)
  yield* L.accept(p.counter, filed.code, {})
  yield* L.completeStep(p.counter, filed.code, {})
  yield* advance(HOUR)
  return filed.code
})

describe("two officers acting on one dossier at the same version", () => {
  it("one succeeds, the other gets VersionConflict (they name the version they saw)", async () => {
    const outcome = await runTest(
      Effect.gen(function* () {
        const filed = yield* fileOnline(p.citizen, residenceFiling(), "k1")
        yield* advance(HOUR)
        const seen = filed.version
        const [a, b] = yield* Effect.all(
          [
            Effect.result(L.accept(p.counter, filed.code, { expectedVersion: seen })),
            Effect.result(
              L.refuse(p.counter2, filed.code, { expectedVersion: seen, reasons: ["Không thuộc thẩm quyền"] }),
            ),
          ],
          { concurrency: "unbounded" },
        )
        const record = yield* (yield* DossierStore).get(filed.code)
        const audit = yield* (yield* AuditLog).read({ dossierCode: filed.code, limit: 100 })
        return { a, b, record, audit }
      }),
    )
    const results = [outcome.a, outcome.b]
    expect(results.filter((r) => r._tag === "Success")).toHaveLength(1)
    const failure = results.find((r) => r._tag === "Failure")
    expect(failure?._tag === "Failure" && failure.failure).toBeInstanceOf(VersionConflict)
    expect(outcome.record.version).toBe(2)
    expect(outcome.audit).toHaveLength(2) // filing + the one change that won
  })

  it("one succeeds, the other gets VersionConflict when both read before either writes", async () => {
    const outcome = await runTest(
      Effect.gen(function* () {
        const code = yield* inProcessing
        const store = yield* DossierStore
        // Both use cases must have read the dossier before either commits: a barrier after `get`.
        const bothRead = yield* Deferred.make<void>()
        let reads = 0
        const racing = Effect.updateService(DossierStore, (s) => ({
          ...s,
          get: (c: string) =>
            s.get(c).pipe(
              Effect.tap(() => {
                reads += 1
                return reads === 2 ? Deferred.succeed(bothRead, undefined) : Effect.void
              }),
              Effect.tap(() => Deferred.await(bothRead)),
            ),
        }))
        const before = yield* store.get(code)
        const results = yield* Effect.all(
          [
            Effect.result(racing(L.completeStep(p.specialist, code, { note: "first" }))),
            Effect.result(
              racing(
                L.requestSupplementation(p.specialist, code, {
                  missing: [{ description: "Bản sao sổ hộ khẩu" }],
                  applicantDeadline: "2025-10-20T10:00:00.000Z",
                }),
              ),
            ),
          ],
          { concurrency: "unbounded" },
        )
        const after = yield* store.get(code)
        return { before, results, after }
      }),
    )
    expect(outcome.results.filter((r) => r._tag === "Success")).toHaveLength(1)
    const failure = outcome.results.find((r) => r._tag === "Failure")
    expect(failure?._tag === "Failure" && failure.failure).toMatchObject({
      _tag: "VersionConflict",
      expectedVersion: outcome.before.version,
      actualVersion: outcome.before.version + 1,
    })
    expect(outcome.after.version).toBe(outcome.before.version + 1)
  })

  it("a stale expected version is refused before the machine is asked, and nothing is written", async () => {
    const outcome = await runTest(
      Effect.gen(function* () {
        const code = yield* inProcessing
        const stale = yield* Effect.flip(L.completeStep(p.specialist, code, { expectedVersion: 1 }))
        const record = yield* (yield* DossierStore).get(code)
        return { stale, record }
      }),
    )
    expect(outcome.stale).toMatchObject({ _tag: "VersionConflict", expectedVersion: 1, actualVersion: 3 })
    expect(outcome.record.version).toBe(3)
  })
})

describe("machines", () => {
  it("are built once per procedure version and variant, and reused for every action", async () => {
    const count = await runTest(
      Effect.gen(function* () {
        yield* inProcessing
        yield* fileOnline(p.citizen, residenceFiling({ summary: "Hồ sơ thứ hai" }), "k2")
        return cachedMachineCount(yield* CatalogStore)
      }),
    )
    expect(count).toBe(1)
  })
})
