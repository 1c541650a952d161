// Every use case checks the policy before it touches the machine: a principal with every role but acting for
// another authority, unit, intake point or citizen is Forbidden on every action, and nothing is written.
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { type AppAction, appActions, rolesFor } from "../authorization/policy.ts"
import { appRoles, type Principal } from "../authorization/principal.ts"
import { digitisePaper } from "../digitisation/use-cases.ts"
import { Forbidden } from "../errors.ts"
import { heldPayments } from "../payments/held.ts"
import { requestRefund } from "../payments/refunds.ts"
import { openPaymentRequest } from "../payments/requests.ts"
import { MemoryDatabase } from "../ports/memory.ts"
import { TEST_CALLBACK_SIGNATURE } from "../ports/payment-gateway.ts"
import { rateDossier } from "../quality/feedback.ts"
import { advance, HOUR, INTAKE, principals as p, residenceFiling, runTest } from "../test-support/harness.ts"
import { supplementationDeadlinePassed } from "./deadlines.ts"
import { fileOnline, intakeAtCounter } from "./filing.ts"
import * as L from "./lifecycle.ts"
import { confirmPayment, confirmPaymentCallback } from "./payments.ts"
import { dossierAudit, getDossier, publicLookup, workQueue } from "./queries.ts"
import { replaceResult, sign } from "./signing.ts"

/** Each action's use case, called on dossier `code` with a plausible body. */
const invoke = (
  principal: Principal,
  code: string,
): Record<AppAction, Effect.Effect<unknown, unknown, never> | null> => {
  const v = {}
  return {
    "dossier.fileOnline": fileOnline(principal, residenceFiling(), "k") as never,
    "dossier.intake": intakeAtCounter(principal, { ...residenceFiling(), intakePointId: INTAKE }, "k") as never,
    "dossier.accept": L.accept(principal, code, v) as never,
    "dossier.refuse": L.refuse(principal, code, { reasons: ["x"] }) as never,
    "dossier.requestSupplementation": L.requestSupplementation(principal, code, {
      missing: [{ description: "x" }],
      applicantDeadline: "2025-12-01T00:00:00.000Z",
    }) as never,
    "dossier.receiveSupplement": L.receiveSupplement(principal, code, { documents: [] }) as never,
    "dossier.requestPayment": L.requestPayment(principal, code, { items: [{ name: "Thuế", amount: 1000 }] }) as never,
    "dossier.confirmPayment": confirmPayment(principal, code, { paymentId: "x", amount: 1 }, "k") as never,
    "dossier.confirmPaymentCallback": confirmPaymentCallback(principal, {
      signature: TEST_CALLBACK_SIGNATURE,
      paymentId: "x",
      dossierCode: code,
      amount: 1,
      paidAt: "2025-10-08T04:00:00.000Z",
    }) as never,
    "dossier.completeStep": L.completeStep(principal, code, v) as never,
    "dossier.transfer": L.transfer(principal, code, { agencyCode: "000.00.12.H49" }) as never,
    "dossier.approve": L.approve(principal, code, v) as never,
    "dossier.reject": L.reject(principal, code, { reasons: ["x"] }) as never,
    "dossier.sign": sign(principal, code, { documentId: "none" }) as never,
    "dossier.replaceResult": replaceResult(principal, code, { documentId: "none", reason: "x" }) as never,
    "dossier.markResultReady": L.markResultReady(principal, code, v) as never,
    "dossier.returnResult": L.returnResult(principal, code, { method: "counter" }) as never,
    "dossier.withdraw": L.withdraw(principal, code, v) as never,
    "dossier.stop": L.stop(principal, code, { reasons: ["x"] }) as never,
    "dossier.extendWithApology": L.extendWithApology(principal, code, {
      newAppointment: "2025-12-01T00:00:00.000Z",
      reason: "x",
    }) as never,
    "dossier.correct": L.correct(principal, code, {
      changes: [{ field: "applicant.phone", to: "0" }],
      reason: "x",
    }) as never,
    "dossier.deadlinePassed": supplementationDeadlinePassed(principal, code, "k") as never,
    "dossier.read": getDossier(principal, code) as never,
    "dossier.readAudit": dossierAudit(principal, code) as never,
    "dossier.digitise": digitisePaper(principal, code, { documentId: "ct01", attachmentId: "x" }) as never,
    "queue.read": null, // a queue has no single target: covered below
    "lookup.public": null, // public by design
    "postal.request": null, // postal/postal.test.ts checks it with the postal ports
    "webhook.manage": null, // not about a dossier: the webhook use cases scope subscriptions to their owner
    "outbox.manage": null, // not about a dossier: relay/operator.test.ts checks who may
    "report.read": null, // many dossiers: each is counted only within scope (reports/dossier-report.test.ts)
    "payment.create": openPaymentRequest(principal, code, { channel: "vietqr" }) as never,
    "payment.ledger": heldPayments(principal, INTAKE) as never,
    "payment.resolve": null, // needs held money: payments/payments.test.ts checks it
    "refund.request": requestRefund(principal, code, { note: "x" }) as never,
    "refund.approve": null, // needs a refund: payments/payments.test.ts checks it
    "refund.pay": null, // needs an approved refund: payments/payments.test.ts checks it
    "receipt.replace": null, // needs a receipt: payments/payments.test.ts checks it
    "wallet.read": null, // not about a dossier: the owner only (wallet.test.ts)
    "wallet.manage": null, // not about a dossier: the owner only (wallet.test.ts)
    "rating.submit": rateDossier(principal, code, {
      access: 5,
      procedure: 5,
      officer: 5,
      result: 5,
      liked: true,
    }) as never,
    // petitions, reports and service-level notices are not about a dossier: quality/quality.test.ts checks them
    "petition.file": null,
    "petition.read": null,
    "petition.handle": null,
    "petition.rate": null,
    "sla.read": null,
  }
}

// Every role at once, acting for another ward (its authority, unit, intake point), another citizen, another client.
const outsiders: Principal[] = [
  {
    id: "everything-elsewhere",
    roles: appRoles.filter((r) => r !== "citizen" && r !== "integration-client"),
    scope: {
      _tag: "Staff",
      level: "commune",
      agencyCodes: ["000.11.51.H49"],
      unitCodes: ["06688"],
      intakePointIds: ["ttphcc-06688"],
    },
  },
  { id: "022090009999", roles: ["citizen"], scope: { _tag: "Citizen", citizenId: "022090009999" } },
  {
    id: "client:elsewhere",
    roles: ["integration-client"],
    scope: { _tag: "Integration", clientId: "elsewhere", agencyCodes: ["000.11.51.H49"] },
  },
]

describe("use cases deny out-of-scope principals before touching the dossier", () => {
  const filedByOwner = new Set<AppAction>(["dossier.fileOnline"])
  // a refused read of personal data is recorded (issue 14: reads are audited like changes), and nothing else
  const auditedRefusals = new Map<AppAction, string>([["dossier.read", "read.dossier.denied"]])
  for (const outsider of outsiders) {
    for (const action of appActions) {
      const granted = outsider.roles.some((r) => rolesFor(action).includes(r))
      if (!granted || filedByOwner.has(action)) continue
      const recorded = auditedRefusals.get(action)
      it(`${outsider.id}: ${action} is Forbidden and writes ${recorded ?? "nothing"}`, async () => {
        const outcome = await runTest(
          Effect.gen(function* () {
            const filed = yield* fileOnline(p.citizen, residenceFiling(), "setup")
            yield* advance(HOUR)
            const db = yield* MemoryDatabase
            const before = {
              audit: db.state.audit.length,
              outbox: db.state.outbox.size,
              version: db.state.dossiers.get(filed.code)?.version,
            }
            const call = invoke(outsider, filed.code)[action]
            if (call === null) return null
            const error = yield* Effect.flip(call)
            const after = {
              audit: db.state.audit.length,
              outbox: db.state.outbox.size,
              version: db.state.dossiers.get(filed.code)?.version,
            }
            const added = db.state.audit.slice(before.audit).map((e) => [e.actor, e.action, e.dossierCode])
            return { error, before, after, added }
          }),
        )
        if (outcome === null) return
        expect(outcome.error).toBeInstanceOf(Forbidden)
        expect(outcome.added).toEqual(recorded === undefined ? [] : [[outsider.id, recorded, expect.any(String)]])
        expect(outcome.after).toEqual({ ...outcome.before, audit: outcome.before.audit + outcome.added.length })
      })
    }
  }

  it("roles without a grant are Forbidden too (a citizen cannot accept its own dossier)", async () => {
    const error = await runTest(
      Effect.gen(function* () {
        const filed = yield* fileOnline(p.citizen, residenceFiling(), "setup")
        return yield* Effect.flip(L.accept(p.citizen, filed.code, {}))
      }),
    )
    expect(error).toBeInstanceOf(Forbidden)
  })

  it("work queues show only dossiers in scope, and need the role asked for", async () => {
    const outcome = await runTest(
      Effect.gen(function* () {
        yield* fileOnline(p.citizen, residenceFiling(), "setup")
        const mine = yield* workQueue(p.counter, { role: "counter-officer" })
        const elsewhere = yield* workQueue(p.foreignCounter, { role: "counter-officer" })
        const wrongRole = yield* Effect.flip(workQueue(p.counter, { role: "specialist" }))
        return { mine, elsewhere, wrongRole }
      }),
    )
    expect(outcome.mine).toHaveLength(1)
    expect(outcome.elsewhere).toEqual([])
    expect(outcome.wrongRole).toBeInstanceOf(Forbidden)
  })

  it("an out-of-scope principal with a stale version is Forbidden, not told the version by a conflict", async () => {
    const outcome = await runTest(
      Effect.gen(function* () {
        const filed = yield* fileOnline(p.citizen, residenceFiling(), "setup")
        yield* advance(HOUR)
        yield* L.accept(p.counter, filed.code, { expectedVersion: filed.version })
        const stale = { expectedVersion: filed.version }
        const foreign = yield* Effect.flip(L.accept(p.foreignCounter, filed.code, stale))
        const otherCitizen = yield* Effect.flip(L.withdraw(p.otherCitizen, filed.code, stale))
        const insider = yield* Effect.flip(L.completeStep(p.counter, filed.code, stale))
        return { foreign, otherCitizen, insider }
      }),
    )
    expect(outcome.foreign).toBeInstanceOf(Forbidden)
    expect(outcome.otherCitizen).toBeInstanceOf(Forbidden)
    expect(JSON.stringify(outcome.foreign)).not.toContain("actualVersion")
    // A principal with access still gets the conflict, with the version to reload.
    expect(outcome.insider).toMatchObject({ _tag: "VersionConflict", actualVersion: 2 })
  })

  it("the public lookup needs no account; a callback from a client of another authority is Forbidden", async () => {
    const outcome = await runTest(
      Effect.gen(function* () {
        const filed = yield* fileOnline(p.citizen, residenceFiling(), "setup")
        const lookup = yield* publicLookup(filed.code)
        const unknown = yield* Effect.flip(publicLookup("000.11.50.H49-251006-0099"))
        const callback = {
          signature: TEST_CALLBACK_SIGNATURE,
          paymentId: "p1",
          dossierCode: filed.code,
          amount: 10000,
          paidAt: "x",
        }
        const foreign = yield* Effect.flip(confirmPaymentCallback(outsiders[2] as Principal, callback))
        return { lookup, unknown, foreign }
      }),
    )
    expect(outcome.lookup.statusCode).toBe(1)
    expect(outcome.unknown._tag).toBe("DossierNotFound")
    expect(outcome.foreign).toBeInstanceOf(Forbidden)
  })
})
