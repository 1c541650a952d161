import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { AuditLog } from "../ports/audit-log.ts"
import { DossierStore } from "../ports/dossier-store.ts"
import { IdempotencyKeyReused } from "../ports/errors.ts"
import { MemoryDatabase } from "../ports/memory.ts"
import { TEST_CALLBACK_SIGNATURE } from "../ports/payment-gateway.ts"
import { AGENCY, advance, HOUR, principals as p, residenceFiling, runTest } from "../test-support/harness.ts"
import { fileOnline } from "./filing.ts"
import * as L from "./lifecycle.ts"
import { confirmPayment, confirmPaymentCallback } from "./payments.ts"

const counts = Effect.gen(function* () {
  const db = yield* MemoryDatabase
  return {
    dossiers: db.state.dossiers.size,
    audit: db.state.audit.length,
    outbox: db.state.outbox.size,
    sequences: [...db.state.sequences.values()],
  }
})

describe("idempotent filing", () => {
  it("returns the first answer to a retry and writes nothing twice", async () => {
    const outcome = await runTest(
      Effect.gen(function* () {
        const first = yield* fileOnline(p.citizen, residenceFiling(), "filing-1")
        const afterFirst = yield* counts
        yield* advance(HOUR)
        const retry = yield* fileOnline(p.citizen, residenceFiling(), "filing-1")
        const afterRetry = yield* counts
        const other = yield* fileOnline(p.citizen, residenceFiling(), "filing-2")
        return { first, retry, afterFirst, afterRetry, other }
      }),
    )
    expect(outcome.retry).toEqual(outcome.first)
    expect(outcome.afterRetry).toEqual(outcome.afterFirst)
    expect(outcome.afterFirst.dossiers).toBe(1)
    // a new key is a new dossier, with the next number of the day
    expect(outcome.other.code).toBe(`${AGENCY}-251006-0002`)
  })

  it("refuses the same key with a different body (IdempotencyKeyReused), writing nothing", async () => {
    const outcome = await runTest(
      Effect.gen(function* () {
        yield* fileOnline(p.citizen, residenceFiling(), "filing-1")
        const before = yield* counts
        const reused = yield* Effect.flip(fileOnline(p.citizen, residenceFiling({ summary: "Khác" }), "filing-1"))
        return { reused, before, after: yield* counts }
      }),
    )
    expect(outcome.reused).toBeInstanceOf(IdempotencyKeyReused)
    expect(outcome.after).toEqual(outcome.before)
  })

  it("keeps keys apart per account: another citizen's key of the same name is another request", async () => {
    const outcome = await runTest(
      Effect.gen(function* () {
        const a = yield* fileOnline(p.citizen, residenceFiling(), "same-key")
        const b = yield* fileOnline(
          p.otherCitizen,
          residenceFiling({ applicant: { id: "022090009999", name: "Trần Thị Bình", kind: "citizen" } }),
          "same-key",
        )
        return { a, b }
      }),
    )
    expect(outcome.a.code).not.toBe(outcome.b.code)
  })
})

/** A dossier at the clerk's step, where the online fee (10,000đ, due before the result) is still owed. */
const awaitingFee = Effect.gen(function* () {
  const filed = yield* fileOnline(p.citizen, residenceFiling(), "k1")
  yield* advance(HOUR)
  yield* L.accept(p.counter, filed.code, {})
  return filed.code
})

describe("idempotent payment confirmation", () => {
  it("at the counter: a retry returns the first answer, records one payment, and another body is refused", async () => {
    const outcome = await runTest(
      Effect.gen(function* () {
        const code = yield* awaitingFee
        const first = yield* confirmPayment(p.counter, code, { paymentId: "cash-1", amount: 10000 }, "pay-key")
        const before = yield* counts
        yield* advance(HOUR)
        const retry = yield* confirmPayment(p.counter, code, { paymentId: "cash-1", amount: 10000 }, "pay-key")
        const after = yield* counts
        const reused = yield* Effect.flip(
          confirmPayment(p.counter, code, { paymentId: "cash-1", amount: 20000 }, "pay-key"),
        )
        const record = yield* (yield* DossierStore).get(code)
        return { first, retry, before, after, reused, record }
      }),
    )
    expect(outcome.retry).toEqual(outcome.first)
    expect(outcome.after).toEqual(outcome.before)
    expect(outcome.reused).toBeInstanceOf(IdempotencyKeyReused)
    expect(outcome.record.version).toBe(outcome.first.version)
    const payments = (outcome.record.snapshot as { context: { payments: unknown[] } }).context.payments
    expect(payments).toHaveLength(1)
  })

  it("from the gateway: a replayed callback changes nothing; a forged one is CallbackRejected", async () => {
    const outcome = await runTest(
      Effect.gen(function* () {
        const code = yield* awaitingFee
        const callback = {
          signature: TEST_CALLBACK_SIGNATURE,
          paymentId: "napas-9",
          dossierCode: code,
          amount: 10000,
          paidAt: "x",
        }
        const first = yield* confirmPaymentCallback(p.gateway, callback)
        const before = yield* counts
        const replay = yield* confirmPaymentCallback(p.gateway, callback)
        const after = yield* counts
        const forged = yield* Effect.flip(confirmPaymentCallback(p.gateway, { ...callback, signature: "forged" }))
        const audit = yield* (yield* AuditLog).read({ dossierCode: code, limit: 100 })
        return { first, replay, before, after, forged, audit }
      }),
    )
    expect(outcome.replay).toEqual(outcome.first)
    expect(outcome.after).toEqual(outcome.before)
    expect(outcome.forged._tag).toBe("CallbackRejected")
    expect(outcome.audit.filter((e) => e.action === "dossier.paymentConfirmed")).toHaveLength(1)
  })
})
