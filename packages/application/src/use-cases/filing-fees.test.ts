// Fee amounts at filing come from the catalogue's rules, not from the payer: the use case quotes them with the
// domain's quoteFees for the filing's channel and fee facts, and refuses a filing that brings its own amounts.
import { type Procedure, quoteFees } from "@motcua/domain"
import { Effect, Result } from "effect"
import { describe, expect, it } from "vitest"
import { FilingRefused } from "../errors.ts"
import { DocumentStore } from "../ports/document-store.ts"
import { data, INTAKE, principals as p, pdf, residenceFiling, runTest } from "../test-support/harness.ts"
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

  it("applies a proven exemption by the catalogue's rule (0 đ only where the rule says so), recording the proof", async () => {
    const { fees, exemptions } = await runTest(
      Effect.gen(function* () {
        const proof = yield* (yield* DocumentStore).put(pdf("Giấy chứng nhận hộ nghèo"), "application/pdf")
        const filing = residenceFiling({
          applicantCategories: ["poor-household"],
          attachmentIds: [proof.id],
          exemptionProofs: [{ category: "poor-household", attachmentId: proof.id }],
        })
        const filed = yield* fileOnline(p.citizen, filing, "k4")
        const context = (yield* getDossier(p.citizen, filed.code)).context as { exemptions?: unknown }
        return { fees: yield* feesOf(filed.code), exemptions: context.exemptions, proofId: proof.id }
      }),
    )
    expect(fees.map((f) => f.amount)).toEqual([0])
    expect(exemptions).toEqual([{ category: "poor-household", documentId: expect.any(String) }])
  })

  it("refuses a self-declared exemption without proof, or with a proof that is not there (issue 16)", async () => {
    const refusal = (filing: FilingInput, key: string) => runTest(Effect.flip(fileOnline(p.citizen, filing, key)))
    const declared = { applicantCategories: ["poor-household"] }
    expect(await refusal(residenceFiling(declared), "k4a")).toMatchObject({
      _tag: "FilingRefused",
      reason: "exemption-unproven",
      field: "applicantCategories[0]",
    })
    const notAttached = residenceFiling({
      ...declared,
      exemptionProofs: [{ category: "poor-household", attachmentId: "doc-not-attached" }],
    })
    expect(await refusal(notAttached, "k4b")).toMatchObject({ field: "exemptionProofs[0].attachmentId" })
    // online, nobody at a counter saw the original: the citizen cannot confirm it for themself
    const selfConfirmed = residenceFiling({
      ...declared,
      exemptionProofs: [{ category: "poor-household", confirmed: true }],
    })
    expect(await refusal(selfConfirmed, "k4c")).toMatchObject({ field: "exemptionProofs[0].confirmed" })
    const otherCategory = residenceFiling({ exemptionProofs: [{ category: "child", confirmed: true }] })
    expect(await refusal(otherCategory, "k4d")).toMatchObject({ field: "exemptionProofs[0].category" })
  })

  it("at the counter the officer's confirmation proves it, recorded with the officer's account", async () => {
    const exemptions = await runTest(
      Effect.gen(function* () {
        const filing = {
          ...residenceFiling({
            applicantCategories: ["poor-household"],
            exemptionProofs: [{ category: "poor-household", confirmed: true }],
          }),
          intakePointId: INTAKE,
        }
        const filed = yield* intakeAtCounter(p.counter, filing, "k4e")
        return ((yield* getDossier(p.counter, filed.code)).context as { exemptions?: unknown }).exemptions
      }),
    )
    expect(exemptions).toEqual([{ category: "poor-household", confirmedBy: p.counter.id }])
  })

  it("quotes a per-unit fee from the facts, and asks for the facts it lacks", async () => {
    const copies = procedure("2.000815")
    const base: FilingInput = {
      ...residenceFiling(),
      procedureCode: copies.code,
      documents: copies.documents.filter((d) => d.mandatory).map((d) => ({ id: d.id })),
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
