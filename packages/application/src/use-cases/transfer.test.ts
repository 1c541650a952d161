// transfer: the machine only knows the code differs from the dossier's agency; the use case refuses a code the
// deployment's jurisdiction does not list.
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { CatalogStore } from "../ports/catalog-store.ts"
import { AGENCY, advance, HOUR, principals as p, residenceFiling, runTest } from "../test-support/harness.ts"
import { fileOnline } from "./filing.ts"
import * as L from "./lifecycle.ts"

const transferTo = (agencyCode: string) =>
  runTest(
    Effect.gen(function* () {
      const filed = yield* fileOnline(p.citizen, residenceFiling(), "k1")
      yield* advance(HOUR)
      yield* L.accept(p.counter, filed.code, {})
      const known = (yield* CatalogStore).jurisdiction.agencies.map((a) => a.code)
      const refused = yield* Effect.flip(L.transfer(p.specialist, filed.code, { agencyCode }))
      return { refused, known }
    }),
  )

describe("transfer", () => {
  it("refuses an agency code that is not in the jurisdiction data", async () => {
    const { refused, known } = await transferTo("999.99.99.H99")
    expect(known).not.toContain("999.99.99.H99")
    expect(refused).toMatchObject({
      _tag: "ActionRefused",
      reason: { _tag: "InvalidEvent", problems: [{ path: "agencyCode" }] },
    })
  })

  it("lets a known agency code through to the machine (which decides the rest)", async () => {
    const other = await runTest(
      Effect.map(CatalogStore, (c) => c.jurisdiction.agencies.find((a) => a.code !== AGENCY)?.code),
    )
    if (other === undefined) throw new Error("the test jurisdiction has a single agency")
    const { refused } = await transferTo(other)
    // The machine's own refusal (this dossier is not at an inter-agency step), not the jurisdiction's.
    expect(refused._tag).toBe("ActionRefused")
    expect(refused._tag === "ActionRefused" && refused.reason._tag).not.toBe("InvalidEvent")
  })
})
