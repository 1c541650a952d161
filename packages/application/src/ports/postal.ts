// Post offices at home: where postal orders are kept (PostalStore), the postal operator's API (PostalOperator: an
// adapter, adapters/postal-http), and the deployment's tariff (PostalTariffs: data the province publishes).
import type { PostalAddress, PostalKind, PostalOrder, PostalTariff, TrackingUpdate } from "@motcua/domain"
import { Context, Data, Effect, Layer } from "effect"
import type { StoreUnavailable } from "./errors.ts"

export interface PostalStoreShape {
  /** Creates the order, or replaces it (same id) with its new status and history. */
  readonly save: (order: PostalOrder) => Effect.Effect<void, StoreUnavailable>
  readonly find: (id: string) => Effect.Effect<PostalOrder | undefined, StoreUnavailable>
  readonly findByTracking: (trackingNumber: string) => Effect.Effect<PostalOrder | undefined, StoreUnavailable>
  readonly ofDossier: (dossierCode: string) => Effect.Effect<ReadonlyArray<PostalOrder>, StoreUnavailable>
  /** Orders still on their way (a tracking number, and not delivered or returned), oldest first, at most `limit`. */
  readonly underway: (limit: number) => Effect.Effect<ReadonlyArray<PostalOrder>, StoreUnavailable>
}

/** Where an order's journey ends: nothing more to track. */
export const POSTAL_FINAL_STATUSES: ReadonlyArray<PostalOrder["status"]> = ["delivered", "returned"]
const isUnderway = (o: PostalOrder) => o.trackingNumber !== null && !POSTAL_FINAL_STATUSES.includes(o.status)

export const makeMemoryPostalStore = (): PostalStoreShape => {
  const orders = new Map<string, PostalOrder>()
  return {
    save: (order) => Effect.sync(() => void orders.set(order.id, order)),
    find: (id) => Effect.sync(() => orders.get(id)),
    findByTracking: (n) => Effect.sync(() => [...orders.values()].find((o) => o.trackingNumber === n)),
    ofDossier: (code) =>
      Effect.sync(() =>
        [...orders.values()]
          .filter((o) => o.dossierCode === code)
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      ),
    underway: (limit) =>
      Effect.sync(() =>
        [...orders.values()]
          .filter(isUnderway)
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
          .slice(0, limit),
      ),
  }
}

export class PostalStore extends Context.Service<PostalStore, PostalStoreShape>()("@motcua/application/PostalStore") {
  static readonly layerMemory = Layer.sync(PostalStore, makeMemoryPostalStore)
}

/** The operator could not take the order, or a callback did not verify. */
export class PostalOperatorFailed extends Data.TaggedError("PostalOperatorFailed")<{
  readonly reason: string
  /** True when asking again cannot help (refused address, bad signature). */
  readonly permanent: boolean
}> {
  override get message(): string {
    return `bưu chính: ${this.reason}`
  }
}

export interface PostalOrderRequest {
  /** Our order id: the operator's idempotency key (a retried request creates one order). */
  readonly orderId: string
  readonly kind: PostalKind
  readonly dossierCode: string
  /** The centre the papers go to (pick-up) or come from (delivery). */
  readonly centre: { readonly name: string; readonly address: string }
  readonly address: PostalAddress
}

export interface PostalOperatorShape {
  /** Creates a pick-up or delivery order; answers the operator's tracking number. */
  readonly createOrder: (
    request: PostalOrderRequest,
  ) => Effect.Effect<{ readonly trackingNumber: string }, PostalOperatorFailed>
  /**
   * A tracking callback as received (raw body and headers): verified with the operator's scheme, then read.
   * Anything unverified or malformed fails permanently.
   */
  readonly readCallback: (
    body: string,
    headers: Readonly<Record<string, string | undefined>>,
  ) => Effect.Effect<{ readonly trackingNumber: string; readonly update: TrackingUpdate }, PostalOperatorFailed>
  /** The parcel's tracking history as the operator has it now, oldest first (polling, when callbacks are lost). */
  readonly trackingOf: (trackingNumber: string) => Effect.Effect<ReadonlyArray<TrackingUpdate>, PostalOperatorFailed>
}

export class PostalOperator extends Context.Service<PostalOperator, PostalOperatorShape>()(
  "@motcua/application/PostalOperator",
) {}

export interface PostalTariffsShape {
  readonly tariff: PostalTariff
  /** The province the centres are in (zones are counted from it). */
  readonly provinceCode: string
}

export class PostalTariffs extends Context.Service<PostalTariffs, PostalTariffsShape>()(
  "@motcua/application/PostalTariffs",
) {}
