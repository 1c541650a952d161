import { Context, type Effect } from "effect"
import type { ChainReport } from "./audit-chain.ts"
import type { StoreUnavailable } from "./errors.ts"
import type { AuditEntry } from "./records.ts"

export interface AuditQuery {
  /** Only this dossier's entries. */
  readonly dossierCode?: string
  /** Entries after this sequence number (for paging). */
  readonly afterSeq?: number
  readonly limit: number
}

export interface AuditLogShape {
  /**
   * Entries in chain order, up to the chain's head: an entry beyond it was not appended by the store (which moves the
   * head with every append) and is not shown; verifyChain reports it. The log is append-only: entries are written by
   * DossierStore.create/commit only.
   */
  readonly read: (query: AuditQuery) => Effect.Effect<ReadonlyArray<AuditEntry>, StoreUnavailable>
  /**
   * Recomputes the whole chain: Intact, or the first broken entry and why (see audit-chain.ts). Every stored entry
   * counts, those beyond the head too (a "head-mismatch" at the first of them).
   */
  readonly verifyChain: () => Effect.Effect<ChainReport, StoreUnavailable>
}

export class AuditLog extends Context.Service<AuditLog, AuditLogShape>()("@motcua/application/AuditLog") {}
