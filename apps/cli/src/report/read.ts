// Reads every stored dossier (status and snapshot context), in pages by code, for the report: through the
// application's DossierListing port, so the report knows nothing of the storage's tables.
import { DossierListing } from "@motcua/application"
import type { DossierContext } from "@motcua/domain"
import { Effect } from "effect"
import type { StoredDossier } from "./compute.ts"

const PAGE = 1000

export const readDossiers = Effect.gen(function* () {
  const listing = yield* DossierListing
  const out: StoredDossier[] = []
  let after = ""
  for (;;) {
    const page = yield* listing.page(after, PAGE)
    for (const dossier of page) {
      const snapshot = dossier.snapshot as unknown as { context: DossierContext }
      out.push({ code: dossier.code, statusCode: dossier.statusCode, context: snapshot.context })
    }
    const last = page.at(-1)
    if (last === undefined || page.length < PAGE) return out
    after = last.code
  }
})
