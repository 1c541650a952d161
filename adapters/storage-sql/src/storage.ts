// The storage ports over one Kysely<DB>, for both dialects: this file only wires the concepts together, one per file
// — dossiers.ts, audit-chain.ts, outbox.ts, document-store.ts, idempotency.ts, and the quality work's
// indicators.ts, feedback.ts, sla.ts (accounts.ts builds on the layer). The
// dialect differences are few and named where they occur: row locks (`FOR UPDATE`, `SKIP LOCKED`) exist only on
// PostgreSQL; on SQLite a transaction holds the database's single write lock from its start (BEGIN IMMEDIATE, see
// connection.ts), which gives the same guarantees.
//
// Transactions: UnitOfWork.transaction starts one transaction (connection.ts) and puts its executor in the fiber's
// context (storage-context.ts); every port method of the same storage called inside it runs on that transaction, and
// methods that need atomicity on their own (create, commit, remember) start one when called outside.
//
// Queries are built with kysely and compiled; the hot paths (create, commit, get, claim, remember, sequences,
// documents) are compiled once at start-up (prepared.ts), by each concept's `prepare…Queries`.
import type {
  AuditLogShape,
  DigitisedPaperStoreShape,
  DocumentStoreShape,
  DossierListingShape,
  DossierStoreShape,
  FeedbackStoreShape,
  IdempotencyStoreShape,
  IndicatorStoreShape,
  OutboxShape,
  PaymentStoreShape,
  SlaStoreShape,
  UnitOfWorkShape,
} from "@motcua/application"
import type { Kysely } from "kysely"
import { makeAuditLog, prepareAuditQueries } from "./audit-chain.ts"
import type { Connection } from "./connection.ts"
import { makeDigitisedPaperStore } from "./digitised-papers.ts"
import { makeDocumentStore, prepareDocumentQueries } from "./document-store.ts"
import { makeDossierListing } from "./dossier-listing.ts"
import { makeDossierStore, prepareDossierQueries } from "./dossiers.ts"
import { makeFeedbackStore } from "./feedback.ts"
import { makeIdempotencyStore, prepareIdempotencyQueries } from "./idempotency.ts"
import { makeIndicatorStore } from "./indicators.ts"
import { makeOutbox, prepareOutboxQueries } from "./outbox.ts"
import { makePaymentStore } from "./payments.ts"
import type { DB, Dialect } from "./schema.ts"
import { makeSlaStore } from "./sla.ts"
import { makeStorageContext } from "./storage-context.ts"

export interface SqlStorageConfig {
  readonly dialect: Dialect
  /** Folder for document files. */
  readonly documentsDir: string
  readonly maxDocumentBytes: number
}

export interface SqlStoragePorts {
  readonly unitOfWork: UnitOfWorkShape
  readonly dossierStore: DossierStoreShape
  readonly idempotencyStore: IdempotencyStoreShape
  readonly auditLog: AuditLogShape
  readonly outbox: OutboxShape
  readonly documentStore: DocumentStoreShape
  readonly digitisedPaperStore: DigitisedPaperStoreShape
  readonly dossierListing: DossierListingShape
  readonly paymentStore: PaymentStoreShape
  readonly indicatorStore: IndicatorStoreShape
  readonly feedbackStore: FeedbackStoreShape
  readonly slaStore: SlaStoreShape
}

/**
 * The ports over one database. `db` is owned by the caller (the layer closes it); `connection` runs the queries
 * (connection.ts: the pg pool and its clients directly on PostgreSQL, better-sqlite3 statements directly on SQLite).
 */
export function makeSqlStorage(db: Kysely<DB>, connection: Connection, config: SqlStorageConfig): SqlStoragePorts {
  const ctx = makeStorageContext(db, connection, config.dialect)
  const documents = prepareDocumentQueries(db)
  const audit = prepareAuditQueries(db, config.dialect)
  const outbox = prepareOutboxQueries(db, config.dialect)
  return {
    unitOfWork: { transaction: (effect) => ctx.inTransaction("transaction", () => effect) },
    dossierStore: makeDossierStore(ctx, { dossiers: prepareDossierQueries(db), documents, audit, outbox }),
    idempotencyStore: makeIdempotencyStore(ctx, prepareIdempotencyQueries(db)),
    auditLog: makeAuditLog(ctx, audit),
    outbox: makeOutbox(ctx, outbox),
    documentStore: makeDocumentStore(ctx, documents, config),
    digitisedPaperStore: makeDigitisedPaperStore(ctx),
    dossierListing: makeDossierListing(ctx),
    paymentStore: makePaymentStore(ctx),
    indicatorStore: makeIndicatorStore(ctx),
    feedbackStore: makeFeedbackStore(ctx),
    slaStore: makeSlaStore(ctx),
  }
}
