import type { DecodeError } from "@motcua/domain"
import { Context, type Effect } from "effect"
import type {
  DocumentNotFound,
  DocumentNotOwned,
  DossierAlreadyExists,
  DossierNotFound,
  StoreUnavailable,
  VersionConflict,
} from "./errors.ts"
import type { DossierCommit, DossierQueueItem, DossierRecord, NewDossier, WorkQueueQuery } from "./records.ts"

export interface DossierStoreShape {
  /**
   * Stores a new dossier at version 1 with its audit entries, outbox rows and attached documents, in one
   * transaction (joining the caller's, if any).
   */
  readonly create: (
    dossier: NewDossier,
  ) => Effect.Effect<
    DossierRecord,
    DossierAlreadyExists | DocumentNotFound | DocumentNotOwned | DecodeError | StoreUnavailable
  >
  /**
   * Writes a state change if the stored version is still `expectedVersion` (optimistic check), bumping it by one,
   * with its audit entries, outbox rows and newly attached documents, all in one transaction. A stale version
   * fails with VersionConflict and writes nothing.
   */
  readonly commit: (
    change: DossierCommit,
  ) => Effect.Effect<
    DossierRecord,
    VersionConflict | DocumentNotFound | DocumentNotOwned | DecodeError | StoreUnavailable
  >
  readonly get: (code: string) => Effect.Effect<DossierRecord, DossierNotFound | StoreUnavailable>
  /** Dossiers waiting for `role` in the given agencies (and units), earliest due first (no due date last). */
  readonly workQueue: (query: WorkQueueQuery) => Effect.Effect<ReadonlyArray<DossierQueueItem>, StoreUnavailable>
  /** The dossiers `ownerId` was recorded as an owner of at creation (NewDossier.owners), newest first. */
  readonly ownedBy: (ownerId: string, limit: number) => Effect.Effect<ReadonlyArray<DossierQueueItem>, StoreUnavailable>
  /**
   * The next number of the agency's daily sequence (1, 2, 3, ...) for `day` (`YYYY-MM-DD`), atomically: two
   * concurrent callers never get the same number. Used for dossier codes.
   */
  readonly nextDailySequence: (agencyCode: string, day: string) => Effect.Effect<number, StoreUnavailable>
}

export class DossierStore extends Context.Service<DossierStore, DossierStoreShape>()(
  "@motcua/application/DossierStore",
) {}
