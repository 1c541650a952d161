// The application's services for the HTTP edge: storage (SQL by DATABASE_URL, or in memory), accounts, the
// province's catalogue, the clock, ids, the citizens' identity provider and the outside services. Until their real
// adapters exist, the payment gateway, signer, national portal, notifier and counter devices are the application's
// *development* adapters (packages/application/src/dev): they reach nothing outside, log one line per call without
// personal data, keep only the last calls, and sign with development keys. Fine for development and demos, not
// production (docs/configuration.md lists them).

import {
  AccountStore,
  CallbackRejected,
  CatalogStore,
  CitizenSignIn,
  Clock,
  type DevelopmentCall,
  type DevelopmentCalls,
  type DevelopmentKeys,
  DocumentRenderer,
  DossierNotFound,
  DossierStore,
  ExternalServiceFailed,
  generateDevelopmentKeys,
  type IdCardReader,
  IdentityProvider,
  Ids,
  IssuedResultStore,
  instantOf,
  layerDevelopmentOutside,
  layerMemoryStorage,
  NotificationStore,
  Notifier,
  type NotifierShape,
  type PaymentGateway,
  PaymentSettings,
  PopulationRegistry,
  PortalInbound,
  PortalSync,
  PostalOperator,
  PostalOperatorFailed,
  PostalStore,
  PostalTariffs,
  type Principal,
  PublicPages,
  QualityConfig,
  type Scanner,
  Signer,
  SignInFailureStore,
  type StoragePorts,
  TransferNotices,
  type WalletQuota,
  WalletStore,
  WebhookStore,
  type WebhookTransport,
  walletQuotaLayer,
} from "@motcua/application"
import { BankStatementHttp, type BankStatementHttpSettings } from "@motcua/bank-statement-http"
import { loadQuangNinh, type QuangNinhData } from "@motcua/catalog-quangninh"
import { EInvoiceHttp, type EInvoiceHttpSettings } from "@motcua/einvoice-http"
import { OidcSignIn, type OidcSignInConfig } from "@motcua/identity-oidc"
import { type GatewaySettings, PaymentGatewayHttp } from "@motcua/payment-gateway"
import { type TransferNoticeSettings, TransferNoticesHttp } from "@motcua/payment-vietqr"
import { PopulationHttp, type PopulationHttpSettings } from "@motcua/population-http"
import { makePortalInbound, makePortalSync, portalClient } from "@motcua/portal-dvcqg"
import { PostalHttp, type PostalHttpSettings } from "@motcua/postal-http"
import type { X509SignerSettings } from "@motcua/signature-x509"
import {
  type DatabaseTarget,
  isPostgresUrl,
  parseDatabaseUrl,
  SqlAccountStore,
  SqlIssuedResultStore,
  SqlNotificationStore,
  SqlPostalStore,
  SqlSignInFailureStore,
  SqlStorage,
  SqlWalletStore,
  SqlWebhookStore,
} from "@motcua/storage-sql"
import { HttpWebhookTransport } from "@motcua/webhook-http"
import { Effect, Clock as EffectClock, Layer, ManagedRuntime, Result } from "effect"
import { demoCitizens } from "./demo.ts"
import { loadDevelopmentKeys } from "./development-keys.ts"
import { lazyLayer } from "./lazy.ts"
import { effectLoggerLayer, jsonLogger, type Logger } from "./logging.ts"
import type { PortalSettings } from "./portal.ts"
import type { UpdateCounts } from "./sign-in-throttle.ts"

/** Every service a route may use. */
export type AppServices =
  | StoragePorts
  | AccountStore
  | CitizenSignIn
  | WalletStore
  | CatalogStore
  | Clock
  | Ids
  | IdentityProvider
  | PaymentGateway
  | Signer
  | PortalSync
  | PortalInbound
  | Notifier
  | IdCardReader
  | Scanner
  | DevelopmentCalls
  | WebhookStore
  | WebhookTransport
  | PostalStore
  | NotificationStore
  | PostalOperator
  | PostalTariffs
  | SignInFailureStore
  | PaymentSettings
  | TransferNotices
  | DocumentRenderer
  | IssuedResultStore
  | PublicPages

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
   * (demo.ts) here; startServer passes `{}` unless MOTCUA_DEMO_CITIZENS=1, as those tokens are public. Pass `{}` to
   * accept no citizen token. The national e-ID (OIDC) adapter replaces it later.
   */
  readonly citizens?: Readonly<Record<string, Principal>>
  /**
   * Keys of the development signer and payment gateway. When absent they are read from (or created in)
   * `developmentKeysDir`; without a folder, next to a SQLite file (`<file>.development-keys/`), else generated in
   * memory for this process only (signed callbacks then verify on this instance and only until it stops).
   */
  readonly developmentKeys?: DevelopmentKeys
  /** Folder of the development keys (MOTCUA_DEV_KEYS_DIR): give several instances the same one. */
  readonly developmentKeysDir?: string
  /** Where the development adapters' one line per call goes (the server's logger); nowhere by default. */
  readonly developmentLog?: (call: DevelopmentCall) => void
  /** How many development calls to keep for inspection (1000 by default). */
  readonly recentCallsCapacity?: number
  /**
   * Where Effect's own log calls go (the relay's warnings, …), masked: the server's logger; by default JSON lines on
   * standard error. Effect's default console logger is replaced, as it does not mask.
   */
  readonly logger?: Logger
  /** The postal operator's API (postal-http); without it postal orders answer 503 (not configured). */
  readonly postal?: PostalHttpSettings
  /**
   * The e-invoice provider that passes e-receipts on to the tax authority (einvoice-http); without it receipts are
   * not sent (no outbox row is written).
   */
  readonly einvoice?: EInvoiceHttpSettings
  /** The banks' statement API the centres' accounts are polled through (bank-statement-http); none = not polled. */
  readonly bankStatements?: BankStatementHttpSettings
  /**
   * The national population database (population-http): verifying applicants at the counter and at filing; without
   * it those lookups answer 503 (not configured). A test may give the port itself (`populationRegistry`).
   */
  readonly population?: PopulationHttpSettings
  readonly populationRegistry?: Layer.Layer<PopulationRegistry>
  /** The national e-ID's OpenID provider (identity-oidc); without it citizen sign-in answers 503 (not configured). */
  readonly eid?: OidcSignInConfig
  /** Milliseconds before a webhook delivery is abandoned (10 000 by default). */
  readonly webhookTimeoutMs?: number
  /** The real notifier (routed per channel, notifications.ts); the development notifier when undefined. */
  readonly notifier?: NotifierShape
  /**
   * The national portal (MOTCUA_PORTAL_*, portal.ts): PortalSync and PortalInbound over adapters/portal-dvcqg. When
   * undefined the development stand-in syncs (logs, sends nothing) and there are no filings to fetch.
   */
  readonly portal?: PortalSettings
  /** The payment gateway (MOTCUA_GATEWAY_*); without it, the development gateway and no gateway payment requests. */
  readonly gateway?: GatewaySettings
  /** How the bank signs transfer notices (MOTCUA_VIETQR_NOTICE_*); without it, the notice route answers 503. */
  readonly transferNotices?: TransferNoticeSettings
  /**
   * The channel of the payment request a filing asks for (MOTCUA_PAYMENT_CHANNEL): `vietqr` (the default: the
   * collecting centre's account) or `gateway` (when one is configured); see PaymentSettings.filingChannel.
   */
  readonly filingChannel?: "vietqr" | "gateway"
  /**
   * How the gateway's IPN route answers (MOTCUA_GATEWAY_IPN_ANSWER): `status` (the default: 4xx problems for refused
   * notices, as every other message route) or `rspcode` (VNPay's form: always HTTP 200 with `RspCode`, which VNPay's
   * acceptance tests check). The notice is recorded the same way either way.
   */
  readonly gatewayIpnAnswer?: "status" | "rspcode"
  /** How long payment requests stay open and when pending gateway ones are asked about (defaults in PaymentSettings). */
  readonly paymentTimes?: {
    readonly vietqrTtlMs?: number
    readonly gatewayTtlMs?: number
    readonly recheckAfterMs?: number
  }
  /**
   * X.509 signing of results (adapters/signature-x509: PKCS#12 files per officer or a remote signing service);
   * without it results are signed by the development signer (a development key that certifies nobody).
   */
  readonly signer?: X509SignerSettings
  /** The public base URL of the verification and lookup pages printed in QR codes (MOTCUA_PUBLIC_URL). */
  readonly publicUrl?: string
  /** What one citizen may keep in their e-wallet (MOTCUA_WALLET_MAX_*); the application's default without it. */
  readonly walletQuota?: WalletQuota
}

/** The base URL printed in QR codes when none is configured. */
export const DEFAULT_PUBLIC_URL = "http://localhost:8080"

export type StorageKind = "memory" | "sqlite" | "postgres"

export interface ApiRuntime {
  readonly data: QuangNinhData
  readonly storage: StorageKind
  /** The development adapters' keys: the signer's public key verifies its signatures; the secret signs callbacks. */
  readonly developmentKeys: DevelopmentKeys
  /** Where the development keys are kept, or undefined when they live in memory only. */
  readonly developmentKeysDir: string | undefined
  /** Runs a program over the services; a typed failure comes back as `Result` failure, a defect rejects. */
  readonly run: <A, E>(program: Effect.Effect<A, E, AppServices>) => Promise<Result.Result<A, E>>
  /** Readiness: the database answers a read. */
  readonly databaseReady: () => Promise<boolean>
  /** Closes the database (pool or file). */
  readonly dispose: () => Promise<void>
  /** Failed sign-in counts, in the runtime's SignInFailureStore (the database: every instance on it shares them). */
  readonly signInFailures: UpdateCounts
  /** Which payment channels are configured: VietQR (the centres' accounts, the bank's notices) and the gateway. */
  readonly payments: {
    readonly vietqr: boolean
    readonly vietqrNotices: boolean
    readonly gateway: boolean
    /** How the gateway's IPN is answered (RuntimeOptions.gatewayIpnAnswer). */
    readonly gatewayIpnAnswer: "status" | "rspcode"
  }
  /** Whether citizens may sign in with a development token (the demo citizens, or those the caller passed). */
  readonly citizenTokens: boolean
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
  databaseUrl === undefined || databaseUrl === "" ? "memory" : isPostgresUrl(databaseUrl) ? "postgres" : "sqlite"

/**
 * The SQLite page cache of the API server, in KiB, unless DATABASE_URL names one (`?cache_kib=`): 4 MiB instead of
 * better-sqlite3's 16 MiB. A year's index report scans a year of dossiers; with 16 MiB the cache filled and the sorter
 * held as much again, ~+17 MB resident over 50,000 dossiers against ~+6 MB with 4 MiB (docs/performance.md), and
 * those pages are the operating system's file cache anyway.
 */
export const SERVER_SQLITE_CACHE_KIB = 4096

function storageLayer(options: RuntimeOptions) {
  const url = options.databaseUrl
  if (url === undefined || url === "")
    return Layer.mergeAll(
      layerMemoryStorage(options.maxDocumentBytes === undefined ? {} : { maxDocumentBytes: options.maxDocumentBytes }),
      AccountStore.layerMemory,
      SignInFailureStore.layerMemory,
      WebhookStore.layerMemory,
      PostalStore.layerMemory,
      NotificationStore.layerMemory,
      WalletStore.layerMemory,
      IssuedResultStore.layerMemory,
    )
  const sql = SqlStorage.layerFromUrl(url, {
    sqliteCacheKib: SERVER_SQLITE_CACHE_KIB,
    ...(options.documentsDir === undefined ? {} : { documentsDir: options.documentsDir }),
    ...(options.maxDocumentBytes === undefined ? {} : { maxDocumentBytes: options.maxDocumentBytes }),
  })
  return Layer.provideMerge(
    Layer.mergeAll(
      SqlAccountStore.layer,
      SqlSignInFailureStore.layer,
      SqlWebhookStore.layer,
      SqlPostalStore.layer,
      SqlNotificationStore.layer,
      SqlWalletStore.layer,
      SqlIssuedResultStore.layer,
    ),
    sql,
  )
}

/**
 * The application's Clock, and, when the caller gives a clock, effect's Clock too: the storage reads effect's clock
 * (outbox due times, leases, document ages), so a moved test clock must move both. Sleeping stays real.
 */
function clockLayer(now: (() => Date) | undefined) {
  if (now === undefined) return Clock.layer
  const system = EffectClock.Clock.defaultValue()
  const millis = () => now().getTime()
  // The system clock's methods (sleep among them) live on its prototype: a spread would drop them, and every
  // Effect.sleep or timeout would then fail, so the copy keeps the prototype.
  const effectClock: EffectClock.Clock = Object.assign(Object.create(Object.getPrototypeOf(system)), system, {
    currentTimeMillisUnsafe: millis,
    currentTimeMillis: Effect.sync(millis),
    currentTimeNanosUnsafe: () => BigInt(millis()) * 1_000_000n,
    currentTimeNanos: Effect.sync(() => BigInt(millis()) * 1_000_000n),
  })
  return Layer.merge(
    Layer.succeed(Clock, Clock.of({ now: Effect.sync(() => instantOf(millis())) })),
    Layer.succeed(EffectClock.Clock, effectClock),
  )
}

/** The folder of the development keys: the one given, else next to a SQLite file, else none (in memory). */
export function developmentKeysDirOf(options: RuntimeOptions): string | undefined {
  if (options.developmentKeysDir !== undefined && options.developmentKeysDir !== "") return options.developmentKeysDir
  if (storageKindOf(options.databaseUrl) !== "sqlite" || options.databaseUrl === undefined) return undefined
  let target: DatabaseTarget
  try {
    target = parseDatabaseUrl(options.databaseUrl)
  } catch {
    return undefined // the storage layer refuses the URL with its reason
  }
  if (target.dialect !== "sqlite" || target.file === ":memory:") return undefined
  return `${target.file}.development-keys`
}

/** Opens the database (running its migrations) and builds every service. */
export async function createRuntime(options: RuntimeOptions = {}): Promise<ApiRuntime> {
  let data = options.data
  if (data === undefined) {
    const loaded = loadQuangNinh(options.dataDir)
    if (Result.isFailure(loaded)) throw new DataLoadError(loaded.failure.problems)
    data = loaded.success
  }
  const keysDir = options.developmentKeys === undefined ? developmentKeysDirOf(options) : undefined
  const developmentKeys =
    options.developmentKeys ?? (keysDir === undefined ? generateDevelopmentKeys() : loadDevelopmentKeys(keysDir))
  const outside = layerDevelopmentOutside({
    keys: developmentKeys,
    ...(options.developmentLog === undefined ? {} : { sink: options.developmentLog }),
    ...(options.recentCallsCapacity === undefined ? {} : { capacity: options.recentCallsCapacity }),
  })
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
    HttpWebhookTransport.layer(options.webhookTimeoutMs === undefined ? {} : { timeoutMs: options.webhookTimeoutMs }),
    postalLayer(options, data),
    options.populationRegistry ??
      (options.population === undefined
        ? PopulationRegistry.layerNotConfigured
        : PopulationHttp.layer(options.population)),
    paymentsLayer(options, data),
    eidLayer(options.eid),
    // the deployment's quality settings (quality.json): scoring rules, imported counts, SLA window, petition deadlines
    ...(data.quality === undefined ? [] : [Layer.succeed(QualityConfig, data.quality)]),
    ...(options.walletQuota === undefined ? [] : [walletQuotaLayer(options.walletQuota)]),
    effectLoggerLayer(options.logger ?? jsonLogger((line) => console.error(line))),
    // rendering and signing load their libraries on first use (lazy.ts): most requests never need them
    lazyLayer(DocumentRenderer, () => import("@motcua/render-pdf").then((m) => m.PdfRenderer.layer), {
      renderResult: true,
      markForVerification: true,
      renderForm: true,
      renderReceipt: true,
      previewPage: true,
    }),
    PublicPages.layer({ baseUrl: options.publicUrl ?? DEFAULT_PUBLIC_URL, place: data.jurisdiction.province.name }),
    // after the development adapters: a configured X.509 signer replaces the development one
    ...(options.signer === undefined ? [] : [x509SignerLayer(options.signer, options.now)]),
    // after the development adapters: a configured notifier, portal and gateway replace their stand-ins
    ...(options.notifier === undefined ? [] : [Layer.succeed(Notifier, Notifier.of(options.notifier))]),
    portalLayer(options.portal),
    ...(options.gateway === undefined ? [] : [PaymentGatewayHttp.layer(options.gateway)]),
    ...(options.einvoice === undefined ? [] : [EInvoiceHttp.layer(options.einvoice)]),
    ...(options.bankStatements === undefined ? [] : [BankStatementHttp.layer(options.bankStatements)]),
  )
  const managed = ManagedRuntime.make(layer)
  // Build now, so that a database that cannot be opened or migrated stops the start instead of the first request.
  await managed.runPromise(Effect.void)
  const run = <A, E>(program: Effect.Effect<A, E, AppServices>) => managed.runPromise(Effect.result(program))
  return {
    data,
    storage: storageKindOf(options.databaseUrl),
    developmentKeys,
    developmentKeysDir: keysDir,
    run,
    databaseReady: async () => {
      // A read of a dossier that cannot exist: DossierNotFound means the database answered.
      const probe = await run(DossierStore.use((store) => store.get("readiness-probe")))
      return Result.isFailure(probe) && probe.failure instanceof DossierNotFound
    },
    dispose: () => managed.dispose(),
    citizenTokens: Object.keys(options.citizens ?? demoCitizens()).length > 0,
    payments: {
      vietqr: data.paymentAccounts !== undefined,
      vietqrNotices: data.paymentAccounts !== undefined && options.transferNotices !== undefined,
      gateway: options.gateway !== undefined,
      gatewayIpnAnswer: options.gatewayIpnAnswer ?? "status",
    },
    signInFailures: async (keys, change) => {
      const updated = await run(SignInFailureStore.use((store) => store.update(keys, change)))
      if (Result.isFailure(updated)) throw updated.failure
      return updated.success
    },
  }
}

/** The configured X.509 signer (adapters/signature-x509), loaded on the first signature or verification. */
function x509SignerLayer(settings: X509SignerSettings, now: (() => Date) | undefined) {
  const withClock = { ...settings, ...(now === undefined ? {} : { now }) }
  return lazyLayer(Signer, () => import("@motcua/signature-x509").then((m) => m.X509Signer.layer(withClock)), {
    sign: true,
    verify: true,
  })
}

/** Citizen sign-in with the national e-ID when configured (MOTCUA_EID_*); otherwise 503 (not configured). */
function eidLayer(eid: OidcSignInConfig | undefined) {
  if (eid !== undefined) return OidcSignIn.layer(eid)
  const notConfigured = Effect.fail(
    new ExternalServiceFailed({
      port: "CitizenSignIn",
      operation: "begin",
      cause: new Error("đăng nhập VNeID chưa được cấu hình (MOTCUA_EID_ISSUER not set)"),
    }),
  )
  return Layer.succeed(CitizenSignIn, CitizenSignIn.of({ begin: () => notConfigured, complete: () => notConfigured }))
}

/**
 * The payment settings (the centres' accounts from the deployment's data, whether a gateway is configured) and the
 * bank's transfer notices when configured; otherwise a TransferNotices that verifies nothing (every notice refused:
 * the route answers 503 before it is asked).
 */
function paymentsLayer(options: RuntimeOptions, data: QuangNinhData) {
  const settings = PaymentSettings.layer({
    accounts: data.paymentAccounts,
    gateway: options.gateway !== undefined,
    ...(options.filingChannel === undefined ? {} : { filingChannel: options.filingChannel }),
    ...options.paymentTimes,
  })
  const notices =
    options.transferNotices !== undefined
      ? TransferNoticesHttp.layer(options.transferNotices)
      : Layer.succeed(TransferNotices, {
          read: () =>
            Effect.fail(
              new CallbackRejected({
                port: "TransferNotices",
                reason: "chưa cấu hình khóa ký thông báo chuyển khoản (MOTCUA_VIETQR_NOTICE_SECRET not set)",
                code: "bad-signature",
              }),
            ),
        })
  return Layer.merge(settings, notices)
}

/**
 * The postal operator when configured (MOTCUA_POSTAL_*) and the deployment has a postal tariff; otherwise one that
 * answers that the service is not configured (503), so nothing is half-created.
 */
function postalLayer(options: RuntimeOptions, data: QuangNinhData) {
  const notConfigured = (what: string) =>
    Effect.fail(
      new PostalOperatorFailed({
        reason: `dịch vụ bưu chính chưa được cấu hình (postal service not configured: ${what})`,
        permanent: false,
      }),
    )
  const operator =
    options.postal !== undefined && data.postalTariff !== undefined
      ? PostalHttp.layer(options.postal)
      : Layer.succeed(PostalOperator, {
          createOrder: () =>
            notConfigured(data.postalTariff === undefined ? "no postal-tariff.json" : "MOTCUA_POSTAL_URL"),
          readCallback: () => notConfigured("MOTCUA_POSTAL_URL"),
          trackingOf: () => notConfigured("MOTCUA_POSTAL_URL"),
        })
  const tariffs = Layer.succeed(PostalTariffs, {
    provinceCode: data.jurisdiction.province.code,
    tariff: data.postalTariff ?? {
      source: "chưa cấu hình (not configured)",
      pickup: { sameUnit: 0, sameProvince: 0, otherProvince: 0, includedGrams: 0, perExtra500g: 0 },
      delivery: { sameUnit: 0, sameProvince: 0, otherProvince: 0, includedGrams: 0, perExtra500g: 0 },
    },
  })
  return Layer.merge(operator, tariffs)
}

/**
 * The national portal when configured (one client, so PortalSync and PortalInbound share the token); otherwise
 * no PortalSync (the development one stays) and a PortalInbound that says the portal is not configured.
 */
function portalLayer(settings: PortalSettings | undefined) {
  if (settings === undefined)
    return Layer.succeed(
      PortalInbound,
      PortalInbound.of({
        fetchFilings: () =>
          Effect.fail(
            new ExternalServiceFailed({
              port: "PortalInbound",
              operation: "fetchFilings",
              cause: new Error("Cổng DVCQG chưa được cấu hình (MOTCUA_PORTAL_URL not set)"),
            }),
          ),
        download: () =>
          Effect.fail(
            new ExternalServiceFailed({ port: "PortalInbound", operation: "download", cause: "not configured" }),
          ),
        acknowledge: () =>
          Effect.fail(
            new ExternalServiceFailed({ port: "PortalInbound", operation: "acknowledge", cause: "not configured" }),
          ),
      }),
    )
  const client = portalClient(settings)
  return Layer.merge(
    Layer.succeed(PortalSync, PortalSync.of(makePortalSync(settings, client))),
    Layer.succeed(PortalInbound, PortalInbound.of(makePortalInbound(settings, client))),
  )
}
