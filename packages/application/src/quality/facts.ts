// Keeping the index's facts up to date: every dossier whose stored version is newer than its facts (or that has none)
// is read, its facts computed by the domain (`dossierFacts`, on the deployment's calendar) and saved. Reports run it
// first, so they count the dossiers as stored; the facts are a cache the store can always rebuild from snapshots.
// Beside them it keeps what the dossier report counts of each dossier (reportFactsOf), which the store counts too.
import { type DossierContext, dossierFacts } from "@motcua/domain"
import { Effect } from "effect"
import { CatalogStore } from "../ports/catalog-store.ts"
import { type DossierReportFacts, IndicatorStore } from "../ports/quality.ts"
import { reportFactsOf } from "../reports/report-facts.ts"

export interface FactsRefresh {
  /** Dossiers whose facts were (re)computed. */
  readonly refreshed: number
  /** Dossiers whose snapshot could not be read as a dossier (kept out of the counts, and logged). */
  readonly unreadable: ReadonlyArray<string>
}

const PAGE = 500

export const refreshIndicatorFacts = Effect.fnUntraced(function* (pageSize: number = PAGE) {
  const store = yield* IndicatorStore
  const { calendar } = yield* CatalogStore
  let after = ""
  let refreshed = 0
  const unreadable: string[] = []
  for (;;) {
    const page = yield* store.stale(after, pageSize)
    const rows: Array<{ version: number; facts: ReturnType<typeof dossierFacts>; report: DossierReportFacts }> = []
    for (const stale of page) {
      const context = (stale.snapshot as { context?: DossierContext } | null)?.context
      try {
        if (context === undefined) throw new Error("no context in the snapshot")
        rows.push({
          version: stale.version,
          facts: dossierFacts(context, calendar),
          report: reportFactsOf(stale.statusCode, context),
        })
      } catch (error) {
        unreadable.push(stale.code)
        yield* Effect.logWarning("indicator facts: a stored snapshot could not be read", {
          code: stale.code,
          error: error instanceof Error ? error.message : String(error),
        })
      }
    }
    if (rows.length > 0) yield* store.saveFacts(rows)
    refreshed += rows.length
    const last = page.at(-1)
    if (last === undefined || page.length < pageSize) break
    after = last.code
  }
  return { refreshed, unreadable } satisfies FactsRefresh
})
