import { Context, type Effect } from "effect"
import type { StoreUnavailable } from "./errors.ts"
import type { Json } from "./json.ts"

/** A stored dossier as reports read it: its code, national status and persisted machine snapshot. */
export interface ListedDossier {
  readonly code: string
  readonly statusCode: number
  readonly snapshot: Json
}

export interface DossierListingShape {
  /**
   * Every stored dossier, in pages ordered by code: the first `limit` whose code sorts after `afterCode` ("" for the
   * first page). For reports and exports that read the whole store without knowing its tables.
   */
  readonly page: (afterCode: string, limit: number) => Effect.Effect<ReadonlyArray<ListedDossier>, StoreUnavailable>
}

/** Reading every dossier, page by page (the CLI's report). */
export class DossierListing extends Context.Service<DossierListing, DossierListingShape>()(
  "@motcua/application/DossierListing",
) {}
