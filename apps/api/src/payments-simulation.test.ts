// The bar (issue 9): 1,000 dossiers whose fees are paid through VietQR notices and the gateway, with 10% of
// the messages sent twice and 5% forged, on a real server over SQLite. Every dossier is paid once, every repeat is
// refused as one (409), every forged message is refused (401) and is in the rejected log, and each centre's
// reconciliation against its bank statement (the bank's credits and the gateway's settlement lines) reports no
// difference at all.
import { PaymentStore, reconcileCentre } from "@motcua/application"
import { parseStatementCsv } from "@motcua/domain"
import { Effect } from "effect"
import { afterAll, beforeAll, expect, it } from "vitest"
import { citizen, residenceFiling } from "./dossier.test-support.ts"
import { accountOfCentre, notice, type PaymentsSystem, paymentsSystem } from "./payments.test-support.ts"

const DOSSIERS = 1_000
const UNITS = ["06685", "06688", "06673", "06652"]
const DAY = "2025-10-06"

let p: PaymentsSystem
beforeAll(async () => {
  p = await paymentsSystem("sqlite")
}, 60_000)
afterAll(async () => {
  await p?.close()
})

/** Runs `f` over `items`, `width` at a time. */
async function inBatches<T>(items: ReadonlyArray<T>, width: number, f: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(f))
}

it(`${DOSSIERS} dossiers paid by VietQR and the gateway, 10% of messages twice, 5% forged: nothing unexplained`, async () => {
  const app = p.system.app
  const statusCounts = new Map<number, number>()
  const count = (status: number) => statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1)
  /** The statement lines each centre's bank (and the gateway's settlement) will show. */
  const lines = new Map<string, string[]>()
  let forged = 0
  let repeats = 0
  await inBatches(
    Array.from({ length: DOSSIERS }, (_, i) => i),
    4,
    async (i) => {
      const unit = UNITS[i % UNITS.length] as string
      const centre = `ttphcc-${unit}`
      const account = accountOfCentre(centre).accountNumber
      const filing = residenceFiling({ residence: { provinceCode: "22", unitCode: unit }, subjectUnitCode: unit })
      const filed = await app.request("/api/v1/dossiers", {
        method: "POST",
        headers: { ...citizen().headers, "content-type": "application/json", "idempotency-key": `sim-${i}` },
        body: JSON.stringify(filing),
      })
      expect(filed.status).toBe(201)
      const { code } = (await filed.json()) as { code: string }
      const channel = i % 2 === 0 ? "vietqr" : "gateway"
      const asked = await app.request(`/api/v1/dossiers/${code}/payment-requests`, {
        method: "POST",
        headers: { ...citizen().headers, "content-type": "application/json" },
        body: JSON.stringify({ channel }),
      })
      expect(asked.status).toBe(201)
      const request = (await asked.json()) as { reference: string; payUrl?: string; amount: number }
      const forge = i % 20 === 1
      const twice = i % 10 === 0
      const statement = lines.get(centre) ?? []
      lines.set(centre, statement)
      if (channel === "vietqr") {
        const transactionId = `FT${String(i).padStart(8, "0")}`
        const n = notice(p.base, {
          transactionId,
          accountNumber: account,
          amount: request.amount,
          description: `NGUYEN VAN AN ${request.reference} NOP LE PHI`,
        })
        if (forge) {
          const fake = notice(
            p.base,
            { transactionId: `${transactionId}X`, accountNumber: account, description: request.reference },
            { secret: "an-attacker-s-guess-at-the-secret-0123" },
          )
          count((await fake.post()).status)
          forged++
        }
        count((await n.post()).status)
        if (twice) {
          count((await n.post()).status)
          repeats++
        }
        statement.push(`${transactionId},${DAY} 10:15:00,${account},${request.amount},${request.reference}`)
      } else {
        if (forge) {
          // the gateway's page would refuse an altered URL; a forged notice is sent to us directly instead
          const params = new URLSearchParams({
            vnp_TxnRef: "payment-forged",
            vnp_Amount: String(request.amount * 100),
            vnp_TransactionNo: `9${i}`,
            vnp_ResponseCode: "00",
            vnp_TransactionStatus: "00",
            vnp_SecureHash: "ab".repeat(64),
          })
          count((await fetch(`${p.base}/api/v1/payments/gateway/notice?${params}`)).status)
          forged++
        }
        const paid = await p.simulator.pay(request.payUrl ?? "")
        count(paid.ipnAnswer?.status ?? 0)
        const ipn = p.simulator.ipnsSent.find(
          (n) => n.vnp_TxnRef === new URL(request.payUrl ?? "").searchParams.get("vnp_TxnRef"),
        )
        if (twice && ipn !== undefined) {
          count((await fetch(`${p.base}/api/v1/payments/gateway/notice?${new URLSearchParams(ipn)}`)).status)
          repeats++
        }
        statement.push(`${ipn?.vnp_TransactionNo},${DAY} 23:00:00,${account},${request.amount},CONG TT SETTLEMENT`)
      }
    },
  )
  expect(Object.fromEntries(statusCounts)).toEqual({ 200: DOSSIERS, 409: repeats, 401: forged })
  expect(repeats).toBe(DOSSIERS / 10)
  expect(forged).toBe(DOSSIERS / 20)

  const ledger = await p.system.runtime.run(
    Effect.gen(function* () {
      const store = yield* PaymentStore
      return {
        confirmations: yield* store.confirmations({}),
        receipts: yield* store.receipts({}),
        rejected: yield* store.messages({ outcome: "rejected" }),
        duplicates: yield* store.messages({ outcome: "duplicate" }),
        held: yield* store.messages({ outcome: "held" }),
      }
    }),
  )
  if (ledger._tag === "Failure") throw ledger.failure
  const l = ledger.success
  expect(l.confirmations).toHaveLength(DOSSIERS)
  expect(l.receipts).toHaveLength(DOSSIERS)
  expect(l.duplicates).toHaveLength(repeats)
  expect(l.held).toEqual([])
  // every forged message is in the rejected log, as a bad signature
  expect(l.rejected.map((m) => m.reason)).toEqual(Array.from({ length: forged }, () => "bad-signature"))
  // receipts: numbered 1..n without gaps in each centre's series
  for (const unit of UNITS) {
    const numbers = l.receipts
      .filter((r) => r.centreId === `ttphcc-${unit}`)
      .map((r) => r.number)
      .sort((a, b) => a - b)
    expect(numbers).toEqual(Array.from({ length: DOSSIERS / UNITS.length }, (_, k) => k + 1))
  }

  // each centre's reconciliation against its statement (the use case the CLI and the officers' route run)
  const reports = await p.system.runtime.run(
    Effect.forEach(UNITS, (unit) =>
      Effect.gen(function* () {
        const csv = parseStatementCsv(
          ["transaction_id,booked_at,account,amount,description", ...(lines.get(`ttphcc-${unit}`) ?? [])].join("\n"),
        )
        if (!csv.ok) throw new Error(JSON.stringify(csv.problems))
        return yield* reconcileCentre({ date: DAY, centreId: `ttphcc-${unit}`, statement: csv.lines })
      }),
    ),
  )
  if (reports._tag === "Failure") throw reports.failure
  for (const report of reports.success) {
    expect(report.mismatches, report.centreId).toEqual([])
    expect(report.matched).toBe(DOSSIERS / UNITS.length)
  }
}, 600_000)
