import { type AuditEntryInput, auditHash, canonicalJson, GENESIS_HASH, type Json } from "@motcua/application"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { auditHashOf } from "./audit-hash.ts"

const json: fc.Arbitrary<Json> = fc.jsonValue() as fc.Arbitrary<Json>

describe("auditHashOf (the chain hash from an already canonical detail)", () => {
  it("is the chain's hash (audit-chain.ts) for any entry", () => {
    fc.assert(
      fc.property(
        fc.record({ at: fc.string(), actor: fc.string(), action: fc.string(), detail: json }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.option(fc.string(), { nil: null }),
        fc.oneof(fc.constant(GENESIS_HASH), fc.stringMatching(/^[0-9a-f]{64}$/)),
        (input: AuditEntryInput, seq, dossierCode, prevHash) => {
          expect(auditHashOf(prevHash, seq, dossierCode, input, canonicalJson(input.detail))).toBe(
            auditHash(prevHash, { ...input, seq, dossierCode }),
          )
        },
      ),
      { numRuns: 2000 },
    )
  })

  it("covers keys in any order, unicode and escapes the same way", () => {
    const input: AuditEntryInput = {
      at: "2026-11-23T01:00:00.000Z",
      actor: 'cán bộ "một cửa"\n',
      action: "dossier.accepted",
      detail: { z: [1, { b: 2, a: "\u2028" }], a: null, é: -0.5 },
    }
    expect(auditHashOf(GENESIS_HASH, 3, "000.00.22.H49-261123-0001", input, canonicalJson(input.detail))).toBe(
      auditHash(GENESIS_HASH, { ...input, seq: 3, dossierCode: "000.00.22.H49-261123-0001" }),
    )
  })
})
