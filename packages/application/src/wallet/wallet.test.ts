// The citizen's e-wallet: the owner keeps, lists, downloads and deletes papers within the quota; nobody else reads it
// (another citizen, an officer); a filing takes a paper from it (copied to the dossier, marked as taken from the
// store, the same bytes); a result returned by e-wallet lands in the applicant's wallet.
import { createHash } from "node:crypto"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { Forbidden } from "../errors.ts"
import { DocumentStore } from "../ports/document-store.ts"
import {
  advance,
  DAY,
  HOUR,
  principals as p,
  paidCallback,
  pdf,
  residenceFiling,
  runTest,
} from "../test-support/harness.ts"
import { fileOnline } from "../use-cases/filing.ts"
import * as L from "../use-cases/lifecycle.ts"
import { confirmPaymentCallback } from "../use-cases/payments.ts"
import { dossierDocument, getDossier } from "../use-cases/queries.ts"
import { sign } from "../use-cases/signing.ts"
import {
  DEFAULT_WALLET_QUOTA,
  deleteFromWallet,
  listWallet,
  saveToWallet,
  WalletQuotaConfig,
  walletDocument,
} from "./use-cases.ts"

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex")
const failureOf = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.flip(effect)

describe("the citizen's e-wallet", () => {
  it("is the owner's alone: kept, listed, downloaded, deleted; others are Forbidden", async () => {
    await runTest(
      Effect.gen(function* () {
        const paper = pdf("Hợp đồng thuê nhà có công chứng")
        const entry = yield* saveToWallet(
          p.citizen,
          { documentType: "cho-o-hop-phap", name: "Hợp đồng thuê nhà", validUntil: "2027-12-31" },
          paper,
        )
        expect(entry).toMatchObject({ ownerId: "022090001234", kind: "paper", sha256: sha(paper) })
        expect((yield* listWallet(p.citizen, "022090001234")).map((e) => e.id)).toEqual([entry.id])
        expect(sha((yield* walletDocument(p.citizen, "022090001234", entry.id)).bytes)).toBe(sha(paper))
        for (const who of [p.otherCitizen, p.counter, p.specialist, p.gateway])
          expect(yield* failureOf(listWallet(who, "022090001234"))).toBeInstanceOf(Forbidden)
        expect(yield* failureOf(walletDocument(p.otherCitizen, "022090001234", entry.id))).toBeInstanceOf(Forbidden)
        expect(yield* failureOf(deleteFromWallet(p.otherCitizen, entry.id))).toBeInstanceOf(Forbidden)
        yield* deleteFromWallet(p.citizen, entry.id)
        expect(yield* listWallet(p.citizen, "022090001234")).toEqual([])
        // only PDF, JPEG or PNG
        const refused = yield* failureOf(saveToWallet(p.citizen, { documentType: "x", name: "x" }, pdf("x").slice(1)))
        expect(refused).toMatchObject({ _tag: "DocumentRejected", reason: "unsupported-type" })
      }),
    )
  })

  it("keeps a citizen within the quota", async () => {
    await runTest(
      Effect.gen(function* () {
        const big = new Uint8Array(DEFAULT_WALLET_QUOTA.bytes / 2 + 1)
        big.set(pdf("lớn"))
        yield* saveToWallet(p.citizen, { documentType: "x", name: "1" }, big)
        const refused = yield* failureOf(saveToWallet(p.citizen, { documentType: "x", name: "2" }, big))
        expect(refused).toMatchObject({
          _tag: "DocumentRejected",
          reason: "quota-exceeded",
          quota: { ...DEFAULT_WALLET_QUOTA, usedEntries: 1, usedBytes: big.length },
        })
        // a deployment's own quota: 2 entries
        const small = { entries: 2, bytes: 10_000 }
        const inSmall = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
          Effect.provideService(effect, WalletQuotaConfig, small)
        yield* inSmall(saveToWallet(p.otherCitizen, { documentType: "x", name: "1" }, pdf("một")))
        yield* inSmall(saveToWallet(p.otherCitizen, { documentType: "x", name: "2" }, pdf("hai")))
        const third = yield* failureOf(
          inSmall(saveToWallet(p.otherCitizen, { documentType: "x", name: "3" }, pdf("ba"))),
        )
        expect(third).toMatchObject({ reason: "quota-exceeded", quota: { entries: 2, usedEntries: 2 } })
        expect((third as { detail: string }).detail).toContain("2 entries")
      }),
    )
  })

  it("gives a filing a paper taken from the store, and takes the result back by e-wallet", async () => {
    await runTest(
      Effect.gen(function* () {
        const paper = pdf("Hợp đồng thuê nhà có công chứng")
        const entry = yield* saveToWallet(p.citizen, { documentType: "cho-o-hop-phap", name: "Hợp đồng" }, paper)
        // someone else's entry cannot be taken
        const stolen = yield* failureOf(
          fileOnline(
            p.otherCitizen,
            residenceFiling({
              applicant: { id: "022090009999", name: "Trần Thị Bình", kind: "citizen" },
              documents: [{ id: "ct01" }],
              fromWallet: [{ documentId: "cho-o-hop-phap", walletEntryId: entry.id }],
            }),
            "steal-1",
          ),
        )
        expect(stolen._tag).toBe("Forbidden")
        const filed = yield* fileOnline(
          p.citizen,
          residenceFiling({
            documents: [{ id: "ct01" }],
            fromWallet: [{ documentId: "cho-o-hop-phap", walletEntryId: entry.id }],
          }),
          "wallet-1",
        )
        const dossier = yield* getDossier(p.citizen, filed.code)
        const context = dossier.context
        // the wallet's paper is recorded as digitised, taken from the citizen's store; ct01 brought no paper
        expect(context.documents).toEqual([
          { id: "ct01" },
          { id: "cho-o-hop-phap", digitised: true, fromEWallet: true },
        ])
        expect(dossier.documentIds).toHaveLength(1)
        const attached = yield* dossierDocument(p.counter, filed.code, dossier.documentIds[0] ?? "")
        expect(sha(attached.bytes)).toBe(sha(paper))

        // through to the result, returned by e-wallet
        const code = filed.code
        yield* L.accept(p.counter, code, {})
        yield* L.completeStep(p.counter, code, { assigneeId: p.specialist.id })
        yield* advance(DAY)
        yield* L.completeStep(p.specialist, code, {})
        yield* L.approve(p.leader, code, {})
        const result = yield* (yield* DocumentStore).put(pdf("Kết quả đăng ký thường trú (đã ký)"), "application/pdf")
        yield* sign(p.leader, code, { documentId: result.id })
        yield* L.completeStep(p.leader, code, {})
        yield* confirmPaymentCallback(p.gateway, paidCallback(code))
        yield* L.completeStep(p.clerk, code, {})
        yield* advance(HOUR)
        yield* L.markResultReady(p.counter, code, { resultDocumentIds: [result.id] })
        yield* L.returnResult(p.counter, code, { method: "e-wallet" })
        const wallet = yield* listWallet(p.citizen, "022090001234")
        const delivered = wallet.find((e) => e.kind === "result")
        expect(delivered).toMatchObject({ dossierCode: code, kind: "result" })
        const bytes = (yield* walletDocument(p.citizen, "022090001234", delivered?.id ?? "")).bytes
        expect(sha(bytes)).toBe(result.sha256)
      }),
    )
  })
})
