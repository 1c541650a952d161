// The report reads dossiers through the DossierListing port, whatever the storage: here the in-memory one, with
// more dossiers than a page.
import { DossierStore, layerMemoryStorage } from "@motcua/application"
import { Effect } from "effect"
import { expect, test } from "vitest"
import { readDossiers } from "./read.ts"

test("reads every dossier through the port, page after page, in code order", async () => {
  const code = (n: number) => `000.00.22.H49-261123-${String(n).padStart(4, "0")}`
  const program = Effect.gen(function* () {
    const store = yield* DossierStore
    for (let n = 1200; n >= 1; n -= 1)
      yield* store.create({
        code: code(n),
        snapshot: { value: "filed", context: { dossierCode: code(n) } },
        summary: {
          statusCode: 1 + (n % 10),
          state: "filed",
          procedureCode: "1.004222",
          agencyCode: "000.00.22.H49",
          unitCode: null,
          currentRole: null,
          dueAt: null,
          appointmentAt: null,
          feeTotal: 0,
        },
        at: "2026-11-23T01:00:00.000Z",
        audit: [],
        outbox: [],
      })
    return yield* readDossiers
  })
  const dossiers = await Effect.runPromise(Effect.provide(program, layerMemoryStorage()))
  expect(dossiers).toHaveLength(1200)
  expect(dossiers[0]).toEqual({ code: code(1), statusCode: 2, context: { dossierCode: code(1) } })
  expect(dossiers.map((d) => d.code)).toEqual(Array.from({ length: 1200 }, (_, i) => code(i + 1)))
})
