import { Layer } from "effect"
import { AuditLog } from "./audit-log.ts"
import { DigitisedPaperStore } from "./digitised-papers.ts"
import { DocumentStore } from "./document-store.ts"
import { DossierListing } from "./dossier-listing.ts"
import { DossierStore } from "./dossier-store.ts"
import { IdempotencyStore } from "./idempotency-store.ts"
import {
  MemoryDatabase,
  makeMemoryAuditLog,
  makeMemoryDigitisedPaperStore,
  makeMemoryDocumentStore,
  makeMemoryDossierListing,
  makeMemoryDossierStore,
  makeMemoryIdempotencyStore,
  makeMemoryOutbox,
  makeMemoryPaymentStore,
  makeMemoryUnitOfWork,
} from "./memory.ts"
import { makeMemoryFeedbackStore, makeMemoryIndicatorStore, makeMemorySlaStore } from "./memory-quality.ts"
import { Outbox } from "./outbox.ts"
import { PaymentStore } from "./payment-store.ts"
import { FeedbackStore, IndicatorStore, SlaStore } from "./quality.ts"
import { UnitOfWork } from "./unit-of-work.ts"

/** Every storage port: what a storage adapter's layer provides. */
export type StoragePorts =
  | UnitOfWork
  | DossierStore
  | IdempotencyStore
  | AuditLog
  | Outbox
  | DocumentStore
  | DigitisedPaperStore
  | DossierListing
  | PaymentStore
  | IndicatorStore
  | FeedbackStore
  | SlaStore

/** All storage ports over one MemoryDatabase, which is provided too (tests may tamper with its state). */
export const layerMemoryStorage = (options: { readonly maxDocumentBytes?: number } = {}) =>
  Layer.mergeAll(
    Layer.effect(UnitOfWork, MemoryDatabase.useSync(makeMemoryUnitOfWork)),
    Layer.effect(DossierStore, MemoryDatabase.useSync(makeMemoryDossierStore)),
    Layer.effect(IdempotencyStore, MemoryDatabase.useSync(makeMemoryIdempotencyStore)),
    Layer.effect(AuditLog, MemoryDatabase.useSync(makeMemoryAuditLog)),
    Layer.effect(Outbox, MemoryDatabase.useSync(makeMemoryOutbox)),
    Layer.effect(DocumentStore, MemoryDatabase.useSync(makeMemoryDocumentStore)),
    Layer.effect(DigitisedPaperStore, MemoryDatabase.useSync(makeMemoryDigitisedPaperStore)),
    Layer.effect(DossierListing, MemoryDatabase.useSync(makeMemoryDossierListing)),
    Layer.effect(PaymentStore, MemoryDatabase.useSync(makeMemoryPaymentStore)),
    Layer.effect(IndicatorStore, MemoryDatabase.useSync(makeMemoryIndicatorStore)),
    Layer.effect(FeedbackStore, MemoryDatabase.useSync(makeMemoryFeedbackStore)),
    Layer.effect(SlaStore, MemoryDatabase.useSync(makeMemorySlaStore)),
  ).pipe(Layer.provideMerge(Layer.sync(MemoryDatabase, () => MemoryDatabase.make(options))))
