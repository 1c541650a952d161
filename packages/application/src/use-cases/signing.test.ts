// The ids the signature makes: derived from the Ids port, so the same under the test ids on every storage (what the
// benchmarks' planners rely on) and as unguessable as the real ids (random UUIDs) otherwise.
import { describe, expect, it } from "vitest"
import { documentIdFrom, isDocumentId } from "../ports/document-store.ts"
import { isVerificationId, verificationIdFrom } from "./signing.ts"

describe("ids derived from the Ids port", () => {
  it("gives a verification id of the public shape, the same for the same seed, different for others", () => {
    const seeds = Array.from({ length: 2000 }, (_, i) => `verification-${String(i + 1).padStart(4, "0")}`)
    const ids = seeds.map(verificationIdFrom)
    expect(ids.every(isVerificationId)).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    expect(verificationIdFrom(seeds[0] ?? "")).toBe(ids[0])
    // every letter of the alphabet is used: the 5 bits taken from each byte spread over all 32
    expect(new Set(ids.join("")).size).toBe(32)
  })

  it("gives a document id of a UUID's shape, the same for the same seed", () => {
    const a = documentIdFrom("document-0001")
    expect(isDocumentId(a)).toBe(true)
    expect(documentIdFrom("document-0001")).toBe(a)
    expect(documentIdFrom("document-0002")).not.toBe(a)
    expect(isDocumentId(documentIdFrom(`document-${crypto.randomUUID()}`))).toBe(true)
  })
})
