// Issuing and verifying results against the in-memory ports (the renderer and signer are the test stand-ins; the
// real PDF and X.509 behaviour is tested in their adapters and over HTTP in the API).
import { Effect, Layer, Result } from "effect"
import { describe, expect, it } from "vitest"
import { CallLog } from "../ports/call-log.ts"
import { DocumentStore } from "../ports/document-store.ts"
import { IssuedResultStore } from "../ports/issued-results.ts"
import { Signer, SigningRefused } from "../ports/signer.ts"
import {
  advance,
  DAY,
  HOUR,
  principals as p,
  pdf,
  residenceFiling,
  runTest,
  testLayer,
} from "../test-support/harness.ts"
import { fileOnline } from "./filing.ts"
import * as L from "./lifecycle.ts"
import { getDossier } from "./queries.ts"
import { checkResultFile, dossierResults, resultFile, revokeResult, verifyResult } from "./results.ts"
import { sign } from "./signing.ts"

/** A dossier filed, accepted, appraised and approved: ready for the leader's signature. */
const approved = Effect.gen(function* () {
  const filed = yield* fileOnline(p.citizen, residenceFiling(), `key-${Math.random()}`)
  yield* advance(HOUR)
  yield* L.accept(p.counter, filed.code, {})
  yield* L.completeStep(p.counter, filed.code, { assigneeId: p.specialist.id })
  yield* advance(DAY)
  yield* L.completeStep(p.specialist, filed.code, {})
  yield* L.approve(p.leader, filed.code, { note: "Đồng ý" })
  return filed.code
})

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8")

describe("issuing a result", () => {
  it("without an upload: the result document is rendered with its QR URL, signed, stored and registered", async () => {
    const out = await runTest(
      Effect.gen(function* () {
        const code = yield* approved
        yield* sign(p.leader, code, {})
        const dossier = yield* getDossier(p.citizen, code)
        const document = dossier.context.signature?.document
        if (document === undefined) throw new Error("no signed document")
        const verification = yield* verifyResult(document.verificationId)
        const file = yield* resultFile(p.citizen, document.verificationId)
        const listed = yield* dossierResults(p.citizen, code)
        return { code, document, verification, file, listed }
      }),
    )
    expect(text(out.file.bytes)).toContain(`result|Thông báo kết quả`)
    expect(text(out.file.bytes)).toContain(`https://motcua.test/verify/${out.document.verificationId}`)
    expect(out.verification).toMatchObject({
      status: "valid",
      dossierCode: out.code,
      procedureCode: "1.004222",
      url: `https://motcua.test/verify/${out.document.verificationId}`,
      sha256: out.document.sha256,
      agency: { code: "000.11.50.H49", name: expect.stringContaining("Hồng Gai") },
    })
    // nothing personal on the public answer
    expect(JSON.stringify(out.verification)).not.toContain("022090001234")
    expect(JSON.stringify(out.verification)).not.toContain("Nguyễn Văn An")
    expect(out.listed.map((r) => r.verificationId)).toEqual([out.document.verificationId])
  })

  it("an upload that is not a PDF is refused with the reason, and nothing is signed or committed", async () => {
    const out = await runTest(
      Effect.gen(function* () {
        const code = yield* approved
        const documents = yield* DocumentStore
        const png = yield* documents.put(
          new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]),
          "image/png",
        )
        const refused = yield* Effect.result(sign(p.leader, code, { documentId: png.id }))
        const dossier = yield* getDossier(p.leader, code)
        const calls = (yield* CallLog).calls.filter((c) => c.port === "Signer")
        return { refused, dossier, calls }
      }),
    )
    expect(Result.isFailure(out.refused) && out.refused.failure).toBeInstanceOf(SigningRefused)
    expect(Result.isFailure(out.refused) && (out.refused.failure as SigningRefused).reason).toBe("not-pdf")
    expect(out.dossier.context.signature).toBeUndefined()
    expect(out.calls).toEqual([])
  })

  it("a signer refusing (an expired certificate) fails the action with its reason; the dossier stays unsigned", async () => {
    const expired = Layer.succeed(
      Signer,
      Signer.of({
        sign: () =>
          Effect.fail(new SigningRefused({ reason: "certificate-expired", detail: "chứng thư số đã hết hạn" })),
        verify: () => Effect.die("unused"),
      }),
    )
    const program = Effect.gen(function* () {
      const code = yield* approved
      const refused = yield* Effect.result(sign(p.leader, code, {}))
      return { refused, dossier: yield* getDossier(p.leader, code) }
    })
    const out = await Effect.runPromise(
      Effect.provide(program, Layer.merge(testLayer(), expired)) as Effect.Effect<
        Effect.Success<typeof program>,
        never,
        never
      >,
    )
    expect(Result.isFailure(out.refused) && (out.refused.failure as SigningRefused).reason).toBe("certificate-expired")
    expect(out.dossier.context.signature).toBeUndefined()
  })
})

describe("verifying a result", () => {
  const issued = Effect.gen(function* () {
    const code = yield* approved
    const documents = yield* DocumentStore
    const upload = yield* documents.put(pdf("Quyết định"), "application/pdf", { principalId: p.leader.id })
    yield* advance(10 * 60_000)
    yield* sign(p.leader, code, { documentId: upload.id })
    const dossier = yield* getDossier(p.leader, code)
    const document = dossier.context.signature?.document
    if (document === undefined) throw new Error("no signed document")
    const file = yield* resultFile(p.leader, document.verificationId)
    return { code, id: document.verificationId, bytes: file.bytes }
  })

  it("the issued file matches; a changed one does not; an unknown or malformed id is ResultNotFound", async () => {
    const out = await runTest(
      Effect.gen(function* () {
        const { id, bytes } = yield* issued
        const same = yield* checkResultFile(id, bytes)
        const changed = new Uint8Array(bytes)
        const at = changed.length - 3
        changed[at] = (changed[at] ?? 0) ^ 1
        const other = yield* checkResultFile(id, changed)
        const unknown = yield* Effect.result(verifyResult("ABCDEFGHJKLMNPQR"))
        const malformed = yield* Effect.result(verifyResult("../../etc/passwd"))
        return { same, other, unknown, malformed }
      }),
    )
    expect(out.same).toMatchObject({ matchesIssued: true, authentic: true })
    expect(out.same.verdict).toContain("đúng là kết quả đã cấp")
    expect(out.other).toMatchObject({ matchesIssued: false, authentic: false })
    expect(out.other.verdict).toContain("không phải kết quả đã cấp")
    expect(Result.isFailure(out.unknown) && out.unknown.failure._tag).toBe("ResultNotFound")
    expect(Result.isFailure(out.malformed) && out.malformed.failure._tag).toBe("ResultNotFound")
  })

  it("a revoked result says so, with when and why; only a leader of the authority may revoke", async () => {
    const out = await runTest(
      Effect.gen(function* () {
        const { id, bytes } = yield* issued
        const byCounter = yield* Effect.result(revokeResult(p.counter, id, "nhầm"))
        yield* advance(DAY)
        const revoked = yield* revokeResult(p.leader, id, "Cấp nhầm đối tượng")
        const check = yield* checkResultFile(id, bytes)
        return { byCounter, revoked, check }
      }),
    )
    expect(Result.isFailure(out.byCounter) && out.byCounter.failure._tag).toBe("Forbidden")
    expect(out.revoked).toMatchObject({ status: "revoked", revocationReason: "Cấp nhầm đối tượng" })
    expect(out.revoked.statusLabel).toContain("đã bị thu hồi")
    expect(out.check).toMatchObject({ matchesIssued: true, authentic: false })
    expect(out.check.verdict).toContain("đã bị thu hồi")
  })

  it("a record whose signing was never committed is not a result", async () => {
    const out = await runTest(
      Effect.gen(function* () {
        const code = yield* approved
        const store = yield* IssuedResultStore
        yield* store.record({
          id: "QQQQQQQQQQQQQQQQ",
          dossierCode: code,
          procedureCode: "1.004222",
          procedureName: "x",
          agencyCode: "000.11.50.H49",
          title: "x",
          documentId: "doc",
          sha256: "0".repeat(64),
          signatureId: "sig-never-committed",
          algorithm: "test",
          signedBy: p.leader.id,
          signedAt: "2025-10-06T01:00:00.000Z",
          status: "valid",
        })
        return yield* Effect.result(verifyResult("QQQQQQQQQQQQQQQQ"))
      }),
    )
    expect(Result.isFailure(out) && out.failure._tag).toBe("ResultNotFound")
  })
})
