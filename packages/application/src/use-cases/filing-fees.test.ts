// Fee amounts at filing come from the catalogue's rules, not from the payer: the use case quotes them with the
// domain's quoteFees for the filing's channel and fee facts, and refuses a filing that brings its own amounts.
import { type Procedure, quoteFees } from "@motcua/domain"
import { Effect, Result } from "effect"
import { describe, expect, it } from "vitest"
import { FilingRefused } from "../errors.ts"
import { data, INTAKE, principals as p, residenceFiling, runTest } from "../test-support/harness.ts"
import { type FilingInput, fileOnline, intakeAtCounter } from "./filing.ts"
import { getDossier } from "./queries.ts"

/** A filing that also carries caller-assessed amounts, as an untyped caller (the API, a script) could send it. */
const withAmounts = (filing: FilingInput, fees: ReadonlyArray<{ feeId: string; amount: number }>) =>
  ({ ...filing, fees }) as FilingInput

const procedure = (code: string): Procedure => {
  const found = data.catalogue.find((x) => x.code === code)
  if (found === undefined) throw new Error(`no procedure ${code} in the Quảng Ninh data`)
  return found
}

const feesOf = (code: string) =>
  getDossier(p.citizen, code).pipe(
    Effect.map((d) => (d.context as { fees: ReadonlyArray<{ feeId: string; amount: number }> }).fees),
  )

describe("filing fees come from the catalogue", () => {
  it("refuses a citizen's own amount for a flat fee (the 0 đ probe), with the field at fault", async () => {
    const failure = await runTest(
      Effect.flip(fileOnline(p.citizen, withAmounts(residenceFiling(), [{ feeId: "le-phi", amount: 0 }]), "k1")),
    )
    expect(failure).toBeInstanceOf(FilingRefused)
    expect(failure).toMatchObject({ reason: "fee-amounts-not-accepted", field: "fees" })
    expect(failure.message).toContain("danh mục")
  })

  it("refuses amounts at the counter too: staff give the facts, the catalogue gives the amount", async () => {
    const filing = { ...withAmounts(residenceFiling(), [{ feeId: "le-phi", amount: 20000 }]), intakePointId: INTAKE }
    const failure = await runTest(Effect.flip(intakeAtCounter(p.counter, filing, "k2")))
    expect(failure).toMatchObject({ _tag: "FilingRefused", reason: "fee-amounts-not-accepted" })
  })

  it("charges the catalogue's online amount of 1.004222", async () => {
    const fees = await runTest(
      Effect.gen(function* () {
        const filed = yield* fileOnline(p.citizen, residenceFiling(), "k3")
        return yield* feesOf(filed.code)
      }),
    )
    const quote = Result.getOrThrow(quoteFees(procedure("1.004222"), { channel: "online" }))
    expect(quote.lines.map((l) => l.amount)).not.toContain(0)
    expect(fees.map((f) => ({ feeId: f.feeId, amount: f.amount }))).toEqual(
      quote.lines.map((l) => ({ feeId: l.itemId, amount: l.amount })),
    )
  })

  it("applies a declared exemption by the catalogue's rule (0 đ only where the rule says so)", async () => {
    const fees = await runTest(
      Effect.gen(function* () {
        const filed = yield* fileOnline(p.citizen, residenceFiling({ applicantCategories: ["poor-household"] }), "k4")
        return yield* feesOf(filed.code)
      }),
    )
    expect(fees.map((f) => f.amount)).toEqual([0])
  })

  it("quotes a per-unit fee from the facts, and asks for the facts it lacks", async () => {
    const copies = procedure("2.000815")
    const base: FilingInput = {
      ...residenceFiling(),
      procedureCode: copies.code,
      documents: copies.documents.filter((d) => d.mandatory).map((d) => ({ id: d.id, digitised: true })),
    }
    const missing = await runTest(Effect.flip(intakeAtCounter(p.counter, { ...base, intakePointId: INTAKE }, "k5")))
    expect(missing).toMatchObject({ _tag: "MissingFeeInput" })
    expect(JSON.stringify(missing)).toContain("quantities.page")

    const quantities = { copy: 2, page: 5 }
    const filedFees = await runTest(
      Effect.gen(function* () {
        const filed = yield* intakeAtCounter(p.counter, { ...base, quantities, intakePointId: INTAKE }, "k6")
        return (yield* getDossier(p.counter, filed.code)).context as { fees: ReadonlyArray<{ amount: number }> }
      }),
    )
    const quote = Result.getOrThrow(quoteFees(copies, { channel: "counter", quantities }))
    expect(quote.total).toBeGreaterThan(0)
    expect(filedFees.fees.map((f) => f.amount)).toEqual(quote.lines.map((l) => l.amount))
  })
})
