import { Context, type Effect } from "effect"
import type { ChainReport } from "./audit-chain.ts"
import type { StoreUnavailable } from "./errors.ts"
import type { AuditEntry, AuditEntryInput } from "./records.ts"

export interface AuditQuery {
  /** Only this dossier's entries. */
  readonly dossierCode?: string
  /** Only entries by this actor (an account id, or "system"). */
  readonly actor?: string
  /** Only entries whose action starts with this (`read.`: the reads of personal data). */
  readonly actionPrefix?: string
  /** Entries after this sequence number (for paging). */
  readonly afterSeq?: number
  readonly limit: number
}

export interface AuditLogShape {
  /**
   * Entries in chain order, up to the chain's head: an entry beyond it was not appended by the store (which moves the
   * head with every append) and is not shown; verifyChain reports it. The log is append-only: a dossier's changes
   * are written by DossierStore.create/commit, in their transaction; `append` writes the rest (reads of personal
   * data).
   */
  readonly read: (query: AuditQuery) => Effect.Effect<ReadonlyArray<AuditEntry>, StoreUnavailable>
  /**
   * Recomputes the whole chain: Intact, or the first broken entry and why (see audit-chain.ts). Every stored entry
   * counts, those beyond the head too (a "head-mismatch" at the first of them).
   */
  /**
   * Appends entries to the chain on their own (in the current transaction if there is one): what is not a dossier
   * change but must be as tamper-evident as one (a staff read of a dossier's applicant data, documents or a
   * wallet). `dossierCode` null for entries about no dossier.
   */
  readonly append: (
    dossierCode: string | null,
    entries: ReadonlyArray<AuditEntryInput>,
  ) => Effect.Effect<void, StoreUnavailable>
  readonly verifyChain: () => Effect.Effect<ChainReport, StoreUnavailable>
}

export class AuditLog extends Context.Service<AuditLog, AuditLogShape>()("@motcua/application/AuditLog") {}
