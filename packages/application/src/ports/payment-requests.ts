// The payment requests the gateway made for each dossier. The relay records each one it creates (with the link or
// the QR payload the gateway answered), so that the dossier shows the citizen how to pay — before, the reference and
// link were only in the server's log (issue 16). Optional: where no store is provided the dossier shows only what is
// owed. The SQL implementation is in adapters/storage-sql (payment-requests.ts).
import { Context, Effect, Layer } from "effect"
import type { StoreUnavailable } from "./errors.ts"

export interface StoredPaymentRequest {
  readonly requestId: string
  readonly dossierCode: string
  /** Whole đồng: everything the dossier owed when the request was made. */
  readonly amount: number
  readonly items: ReadonlyArray<{ readonly name: string; readonly amount: number }>
  /** Where the citizen pays: the gateway's link, and/or the payload of a VietQR code. */
  readonly payUrl?: string
  readonly qrPayload?: string
  readonly createdAt: string
}

export interface PaymentRequestStoreShape {
  /** Records a request; recording the same request id again changes nothing (the relay may retry). */
  readonly record: (request: StoredPaymentRequest) => Effect.Effect<void, StoreUnavailable>
  /** The requests of a dossier, oldest first. */
  readonly ofDossier: (dossierCode: string) => Effect.Effect<ReadonlyArray<StoredPaymentRequest>, StoreUnavailable>
}

export const makeMemoryPaymentRequestStore = (): PaymentRequestStoreShape => {
  const byId = new Map<string, StoredPaymentRequest>()
  return {
    record: (request) =>
      Effect.sync(() => {
        if (!byId.has(request.requestId)) byId.set(request.requestId, request)
      }),
    ofDossier: (dossierCode) => Effect.sync(() => [...byId.values()].filter((r) => r.dossierCode === dossierCode)),
  }
}

export class PaymentRequestStore extends Context.Service<PaymentRequestStore, PaymentRequestStoreShape>()(
  "@motcua/application/PaymentRequestStore",
) {
  static readonly layerMemory = Layer.sync(PaymentRequestStore, makeMemoryPaymentRequestStore)
}
