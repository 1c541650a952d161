import { Context, type Effect, Layer } from "effect"
import type { StoreUnavailable } from "./errors.ts"
import { MemoryDatabase, makeMemoryOutbox } from "./memory.ts"
import type { Instant, OutboxMessage } from "./records.ts"

export interface OutboxShape {
  /**
   * Leases up to `limit` due messages to `workerId` for `leaseMs`, oldest first. Rows are written with the state
   * change (DossierStore.create/commit), so a message exists exactly when its change committed. Several relays
   * (processes sharing one database) may claim at once: a row is leased to one of them only (PostgreSQL:
   * FOR UPDATE SKIP LOCKED). A lease that runs out without complete/fail makes the row claimable again, so delivery
   * is at least once: handlers must be idempotent.
   */
  readonly claim: (
    workerId: string,
    limit: number,
    leaseMs: number,
  ) => Effect.Effect<ReadonlyArray<OutboxMessage>, StoreUnavailable>
  /** The message was delivered: it is never claimed again. */
  readonly complete: (id: number) => Effect.Effect<void, StoreUnavailable>
  /** Delivery failed: keep `error` and offer the message again from `retryAt`. */
  readonly fail: (id: number, error: string, retryAt: Instant) => Effect.Effect<void, StoreUnavailable>
}

export class Outbox extends Context.Service<Outbox, OutboxShape>()("@motcua/application/Outbox") {
  static readonly layerTest = Layer.effect(Outbox, MemoryDatabase.useSync(makeMemoryOutbox)).pipe(
    Layer.provide(MemoryDatabase.layer),
  )
}
