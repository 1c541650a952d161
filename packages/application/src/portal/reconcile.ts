// Reconciliation with the national portal (motcua portal reconcile --from --to): every dossier filed in the period
// (its filing day in Vietnam) is looked up on the portal (PortalSync.lookup, TraCuuHoSo); one the portal does not
// hold, or holds in another status than ours (the portal can only be behind), gets its current record queued again,
// in the dossier's order behind anything still waiting. Simulated dossiers are never sent, so never looked up.
// A lookup that fails is reported and changes nothing.
import { type DossierContext, type DossierStateName, vietnamDate } from "@motcua/domain"
import { Effect } from "effect"
import { loadDossier } from "../dossier/engine.ts"
import { topics } from "../dossier/plan.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { DossierListing } from "../ports/dossier-listing.ts"
import type { Json } from "../ports/json.ts"
import { Outbox } from "../ports/outbox.ts"
import { PortalSync } from "../ports/portal-sync.ts"
import { portalRecordView } from "./view.ts"

export interface ReconcileReport {
  readonly from: string
  readonly to: string
  /** Dossiers of the period looked up. */
  readonly checked: number
  /** Held by the portal in our status. */
  readonly inSync: number
  readonly missing: ReadonlyArray<string>
  readonly stale: ReadonlyArray<{ readonly code: string; readonly ours: number; readonly portal: number }>
  /** Dossiers whose record was queued again (missing and stale ones). */
  readonly requeued: ReadonlyArray<string>
  readonly failed: ReadonlyArray<{ readonly code: string; readonly error: string }>
}

interface Persisted {
  readonly value?: unknown
  readonly context?: DossierContext
}

/** Looks up every dossier filed between `from` and `to` (civil dates in Vietnam, both included). */
export const reconcilePortal = Effect.fnUntraced(function* (period: { readonly from: string; readonly to: string }) {
  const listing = yield* DossierListing
  const portal = yield* PortalSync
  const outbox = yield* Outbox
  const catalog = yield* CatalogStore
  let checked = 0
  let inSync = 0
  const missing: string[] = []
  const stale: Array<{ code: string; ours: number; portal: number }> = []
  const requeued: string[] = []
  const failed: Array<{ code: string; error: string }> = []
  let after = ""
  for (;;) {
    const page = yield* listing.page(after, 200)
    if (page.length === 0) break
    after = page[page.length - 1]?.code ?? after
    for (const listed of page) {
      const context = (listed.snapshot as Persisted).context
      if (context === undefined || context.simulated === true) continue
      const day = vietnamDate(context.receivedAt)
      if (day < period.from || day > period.to) continue
      checked++
      const held = yield* Effect.result(portal.lookup(listed.code))
      if (held._tag === "Failure") {
        failed.push({ code: listed.code, error: held.failure.message })
        continue
      }
      const holding = held.success
      if (holding.held && holding.status === listed.statusCode) {
        inSync++
        continue
      }
      if (holding.held) stale.push({ code: listed.code, ours: listed.statusCode, portal: holding.status })
      else missing.push(listed.code)
      const loaded = yield* Effect.result(loadDossier(listed.code))
      if (loaded._tag === "Failure") {
        failed.push({ code: listed.code, error: String((loaded.failure as { message?: unknown }).message) })
        continue
      }
      const { dossier, procedure } = loaded.success
      const record = portalRecordView(
        dossier.context,
        dossier.value as DossierStateName,
        procedure,
        catalog.jurisdiction,
      )
      yield* outbox.enqueue(listed.code, [
        {
          topic: topics.portalSync,
          payload: { kind: "record", record: record as unknown as Json },
          orderingKey: `${topics.portalSync}:${listed.code}`,
        },
      ])
      requeued.push(listed.code)
    }
  }
  return {
    from: period.from,
    to: period.to,
    checked,
    inSync,
    missing,
    stale,
    requeued,
    failed,
  } satisfies ReconcileReport
})
