import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { procedureInForce } from "@motcua/domain"
import { Effect, Result } from "effect"
import { describe, expect, it } from "vitest"
import { makeCatalogStore } from "./catalog-store.ts"

const loaded = loadQuangNinh()
if (Result.isFailure(loaded)) throw new Error("the Quảng Ninh data does not load")
const data = loaded.success

describe("makeCatalogStore's procedureInForce (the versions of each code kept once)", () => {
  it("finds what the domain's procedureInForce finds over the whole catalogue, for every code, on several dates", () => {
    const store = makeCatalogStore({ catalogue: data.catalogue, jurisdiction: data.jurisdiction })
    const codes = [...new Set(data.catalogue.map((p) => p.code)), "9.999999", ""]
    const dates = [
      "2000-01-01",
      "2025-10-06",
      "2030-12-31",
      ...new Set(
        data.catalogue.flatMap((p) => [p.effectiveFrom, ...(p.effectiveTo === undefined ? [] : [p.effectiveTo])]),
      ),
    ].slice(0, 12)
    let found = 0
    for (const code of codes)
      for (const date of dates) {
        const expected = procedureInForce(data.catalogue, code, date)
        const actual = Effect.runSync(Effect.result(store.procedureInForce(code, date)))
        if (Result.isSuccess(expected)) {
          found += 1
          expect(Result.isSuccess(actual) && actual.success).toBe(expected.success)
        } else expect(Result.isFailure(actual) && actual.failure).toEqual(expected.failure)
      }
    expect(found).toBeGreaterThan(100)
  })
})
