import { Context, type Effect } from "effect"
import type { StoreUnavailable } from "./errors.ts"

export interface UnitOfWorkShape {
  /**
   * Runs `effect` in one database transaction: every storage port called inside it (DossierStore, IdempotencyStore,
   * Outbox, DocumentStore, AuditLog of the same storage) joins that transaction. It commits when `effect` succeeds
   * and rolls back when it fails, dies or is interrupted. Nested calls join the outer transaction.
   */
  readonly transaction: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | StoreUnavailable, R>
}

/** Transaction boundary of the storage ports. */
export class UnitOfWork extends Context.Service<UnitOfWork, UnitOfWorkShape>()("@motcua/application/UnitOfWork") {}
