// The application's services for the HTTP edge: storage (SQL by DATABASE_URL, or in memory), accounts, the
// province's catalogue, the clock, ids, the citizens' identity provider and the outside services. Until their real
// adapters exist, the payment gateway, signer, national portal, notifier and counter devices are the application's
// simulated ones (they accept and record every call in memory): fine for development and demos, not production.

import {
  AccountStore,
  CallLog,
  CatalogStore,
  Clock,
  DossierNotFound,
  DossierStore,
  IdCardReader,
  IdentityProvider,
  Ids,
  instantOf,
  layerMemoryStorage,
  Notifier,
  PaymentGateway,
  PortalSync,
  type Principal,
  Scanner,
  Signer,
  type StoragePorts,
} from "@motcua/application"
import { loadQuangNinh, type QuangNinhData } from "@motcua/catalog-quangninh"
import { SqlAccountStore, SqlStorage } from "@motcua/storage-sql"
import { Effect, Layer, ManagedRuntime, Result } from "effect"
import { demoCitizens } from "./demo.ts"

/** Every service a route may use. */
export type AppServices =
  | StoragePorts
  | AccountStore
  | CatalogStore
  | Clock
  | Ids
  | IdentityProvider
  | PaymentGateway
  | Signer
  | PortalSync
  | Notifier
  | IdCardReader
  | Scanner
  | CallLog

export interface RuntimeOptions {
  /**
   * `postgres://…` / `postgresql://…` → PostgreSQL; `sqlite:<path>` or a path → SQLite (storage-sql's layerFromUrl);
   * absent → everything in memory (tests, a quick look).
   */
  readonly databaseUrl?: string
  /** An edited copy of the Quảng Ninh data (catalog-quangninh's layout); the packaged data by default. */
  readonly dataDir?: string
  /** Already loaded data (tests load it once). Wins over `dataDir`. */
  readonly data?: QuangNinhData
  /** Folder for document files (storage-sql's default: next to the SQLite file, or ./data/documents). */
  readonly documentsDir?: string
  /** Largest document accepted, in bytes (storage-sql's default: 10 MiB). */
  readonly maxDocumentBytes?: number
  /** The clock (tests move it); the system clock by default. */
  readonly now?: () => Date
  /**
   * Development identity provider for citizens: bearer token → principal. Defaults to the demo citizens
   * (demo.ts). Pass `{}` to accept no citizen token. The national e-ID (OIDC) adapter replaces it later.
   */
  readonly citizens?: Readonly<Record<string, Principal>>
}

export type StorageKind = "memory" | "sqlite" | "postgres"

export interface ApiRuntime {
  readonly data: QuangNinhData
  readonly storage: StorageKind
  /** Runs a program over the services; a typed failure comes back as `Result` failure, a defect rejects. */
  readonly run: <A, E>(program: Effect.Effect<A, E, AppServices>) => Promise<Result.Result<A, E>>
  /** Readiness: the database answers a read. */
  readonly databaseReady: () => Promise<boolean>
  /** Closes the database (pool or file). */
  readonly dispose: () => Promise<void>
}

/** Thrown by createRuntime when the province's data does not load (every problem listed). */
export class DataLoadError extends Error {
  readonly problems: unknown
  constructor(problems: unknown) {
    super("không tải được dữ liệu (data failed to load)")
    this.problems = problems
  }
}

export const storageKindOf = (databaseUrl: string | undefined): StorageKind =>
  databaseUrl === undefined || databaseUrl === ""
    ? "memory"
    : /^postgres(ql)?:\/\//.test(databaseUrl)
      ? "postgres"
      : "sqlite"

function storageLayer(options: RuntimeOptions) {
  const url = options.databaseUrl
  if (url === undefined || url === "")
    return Layer.merge(
      layerMemoryStorage(options.maxDocumentBytes === undefined ? {} : { maxDocumentBytes: options.maxDocumentBytes }),
      AccountStore.layerTest,
    )
  const sql = SqlStorage.layerFromUrl(url, {
    ...(options.documentsDir === undefined ? {} : { documentsDir: options.documentsDir }),
    ...(options.maxDocumentBytes === undefined ? {} : { maxDocumentBytes: options.maxDocumentBytes }),
  })
  return Layer.provideMerge(SqlAccountStore.layer, sql)
}

function clockLayer(now: (() => Date) | undefined) {
  if (now === undefined) return Clock.layer
  return Layer.succeed(Clock, Clock.of({ now: Effect.sync(() => instantOf(now().getTime())) }))
}

/** Opens the database (running its migrations) and builds every service. */
export async function createRuntime(options: RuntimeOptions = {}): Promise<ApiRuntime> {
  let data = options.data
  if (data === undefined) {
    const loaded = loadQuangNinh(options.dataDir)
    if (Result.isFailure(loaded)) throw new DataLoadError(loaded.failure.problems)
    data = loaded.success
  }
  const outside = Layer.mergeAll(
    PortalSync.layerTest,
    Notifier.layerTest,
    PaymentGateway.layerTest,
    Signer.layerTest,
    IdCardReader.layerTest([]),
    Scanner.layerTest([]),
  ).pipe(Layer.provideMerge(CallLog.layer))
  const layer = Layer.mergeAll(
    storageLayer(options),
    CatalogStore.layerFromData({
      catalogue: data.catalogue,
      jurisdiction: data.jurisdiction,
      ...(data.holidays === undefined ? {} : { holidays: data.holidays }),
    }),
    clockLayer(options.now),
    Ids.layer,
    IdentityProvider.layerDevelopment(options.citizens ?? demoCitizens()),
    outside,
  )
  const managed = ManagedRuntime.make(layer)
  // Build now, so that a database that cannot be opened or migrated stops the start instead of the first request.
  await managed.runPromise(Effect.void)
  const run = <A, E>(program: Effect.Effect<A, E, AppServices>) => managed.runPromise(Effect.result(program))
  return {
    data,
    storage: storageKindOf(options.databaseUrl),
    run,
    databaseReady: async () => {
      // A read of a dossier that cannot exist: DossierNotFound means the database answered.
      const probe = await run(DossierStore.use((store) => store.get("readiness-probe")))
      return Result.isFailure(probe) && probe.failure instanceof DossierNotFound
    },
    dispose: () => managed.dispose(),
  }
}
