// Serving the API: build the runtime (database by URL, data, services), the hono app over it, listen, and run the
// background work (the outbox relay, the clean-up of expired sessions and staged documents). What the CLI's `serve`
// and main.ts call; tests start main.ts as a child process for the crash tests. Settings the caller does not give
// come from the environment (environment.ts), so every way of starting the server honours the same variables.
// Citizens: a server accepts the development provider's public demo tokens only with MOTCUA_DEMO_CITIZENS=1 (or the
// citizens its caller gives); otherwise no citizen can authenticate until the national e-ID adapter exists.
import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { type ServerType, serve } from "@hono/node-server"
import type { NotifierShape, RelayReport } from "@motcua/application"
import { openAiCompatiblePhraser } from "@motcua/assistant-openai"
import { createApp, DEFAULT_BODY_LIMIT } from "./app.ts"
import { assistantsFor } from "./assistant.ts"
import {
  type InboundSettings,
  type MaintenanceSettings,
  type RelaySettings,
  type SlaSettings,
  startMaintenance,
  startPaymentRecheck,
  startPortalInbound,
  startRelay,
  startSlaSweep,
  startStatementPoll,
} from "./background.ts"
import { demoCitizens } from "./demo.ts"
import { type Environment, settingsFromEnvironment } from "./environment.ts"
import type { Logger } from "./logging.ts"
import { configuredNotifier, type NotificationSettings } from "./notifications.ts"
import type { PeriodicTask } from "./periodic.ts"
import { type ApiRuntime, createRuntime, type RuntimeOptions } from "./runtime.ts"
import type { SignInThrottleSettings } from "./sign-in-throttle.ts"

export interface ServerOptions extends RuntimeOptions {
  /** 0 picks a free port (read it from the answer). */
  readonly port: number
  /** Interface to listen on (all by default). */
  readonly hostname?: string
  readonly logger: Logger
  /** Largest JSON body, in bytes (1 MiB by default). */
  readonly bodyLimit?: number
  /** Mark session cookies `Secure` (default true: set false only for plain-HTTP development). */
  readonly secureCookies?: boolean
  /** The outbox relay (MOTCUA_RELAY_INTERVAL_MS, MOTCUA_RELAY_BATCH; interval 0 = this instance does not relay). */
  readonly relay?: Partial<RelaySettings>
  /** Clean-up of expired sessions and staged documents (MOTCUA_CLEANUP_INTERVAL_MS; 0 = off). */
  readonly maintenance?: Partial<MaintenanceSettings>
  /** The SLA sweep: due-soon and overdue notices (MOTCUA_SLA_INTERVAL_MS; 0 = off). */
  readonly sla?: Partial<SlaSettings>
  /** Failed sign-in limits (MOTCUA_SIGNIN_*); false turns them off. */
  readonly signInThrottle?: SignInThrottleSettings | false
  /** Client addresses from X-Forwarded-For (MOTCUA_TRUST_PROXY). */
  readonly trustProxy?: boolean
  /** Where unset settings are read from (process.env by default). */
  readonly env?: Environment
  /** The built web pages to serve (apps/web/dist); false serves none. Default: MOTCUA_WEB_ROOT, else the build if any. */
  readonly webRoot?: string | false
  /** Called after each relay pass (tests, metrics). */
  readonly onRelayPass?: (report: RelayReport) => void
  /** Fetching filings made on the national portal (MOTCUA_PORTAL_INBOUND_INTERVAL_MS; only with a portal). */
  readonly portalInbound?: Partial<InboundSettings>
  /** Pause between payments re-checks (MOTCUA_PAYMENT_RECHECK_INTERVAL_MS; 0 = off). */
  readonly paymentRecheckIntervalMs?: number
}

export interface RunningServer {
  /** The port actually listened on. */
  readonly port: number
  readonly runtime: ApiRuntime
  /** Runs a relay pass now (undefined when this instance does not relay). */
  readonly relayNow: (() => Promise<void>) | undefined
  /** Fetches the filings made on the national portal now (undefined without a portal or when turned off). */
  readonly portalInboundNow: (() => Promise<void>) | undefined
  /** Runs the clean-up now (undefined when turned off). */
  readonly cleanUpNow: (() => Promise<void>) | undefined
  /** Runs an SLA sweep now (undefined when turned off). */
  readonly slaSweepNow: (() => Promise<void>) | undefined
  /** Stops the background work (waiting for a pass in flight), stops accepting connections, closes the database. */
  readonly close: () => Promise<void>
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  // read before opening anything: a bad variable stops the start with nothing to undo
  const env = settingsFromEnvironment(options.env ?? process.env)
  const logger = options.logger
  const maxDocumentBytes = options.maxDocumentBytes ?? env.documentLimit
  // A server knows citizens only when told: the caller's, or the public demo tokens when MOTCUA_DEMO_CITIZENS=1.
  const citizens = options.citizens ?? (env.demoCitizens ? demoCitizens() : {})
  if (options.citizens === undefined && !env.demoCitizens && env.eid === undefined)
    logger.log("warn", "citizen sign-in is not configured: no citizen can authenticate", {
      reason:
        "set MOTCUA_EID_ISSUER, _CLIENT_ID and _REDIRECT_URI (national e-ID); MOTCUA_DEMO_CITIZENS=1 enables demo tokens",
    })
  else if (options.citizens === undefined)
    logger.log("warn", "demo citizen tokens are enabled (MOTCUA_DEMO_CITIZENS=1): never on a real deployment", {
      reason: "the tokens are public: anyone can act as those citizens",
    })
  const runtime = await createRuntime({
    ...options,
    citizens,
    ...(maxDocumentBytes === undefined ? {} : { maxDocumentBytes }),
    ...(options.developmentKeysDir === undefined && env.developmentKeysDir !== undefined
      ? { developmentKeysDir: env.developmentKeysDir }
      : {}),
    ...(options.recentCallsCapacity === undefined && env.recentCallsCapacity !== undefined
      ? { recentCallsCapacity: env.recentCallsCapacity }
      : {}),
    ...(options.notifier === undefined ? notifierOption(env.notifications, logger) : {}),
    ...portalOption(options.portal ?? env.portal, logger),
    webhookTimeoutMs: options.webhookTimeoutMs ?? env.webhookTimeoutMs,
    ...(options.postal === undefined && env.postal === undefined ? {} : { postal: options.postal ?? env.postal }),
    ...(options.bankStatements === undefined && env.bankStatements === undefined
      ? {}
      : { bankStatements: options.bankStatements ?? env.bankStatements }),
    ...(options.einvoice === undefined && env.einvoice === undefined
      ? {}
      : { einvoice: options.einvoice ?? env.einvoice }),
    ...(options.population === undefined && env.population === undefined
      ? {}
      : { population: options.population ?? env.population }),
    ...(options.gateway === undefined && env.gateway === undefined ? {} : { gateway: options.gateway ?? env.gateway }),
    filingChannel: options.filingChannel ?? env.paymentChannel,
    walletQuota: options.walletQuota ?? env.walletQuota,
    gatewayIpnAnswer: options.gatewayIpnAnswer ?? env.gatewayIpnAnswer,
    ...(options.transferNotices === undefined && env.transferNotices === undefined
      ? {}
      : { transferNotices: options.transferNotices ?? env.transferNotices }),
    ...(env.eid === undefined ? {} : { eid: env.eid }),
    ...signerOption(options.signer ?? env.signer, logger),
    ...(options.publicUrl === undefined && env.publicUrl === undefined
      ? {}
      : { publicUrl: options.publicUrl ?? env.publicUrl }),
    developmentLog:
      options.developmentLog ??
      ((call) => logger.log("info", `development ${call.port}.${call.operation}`, { development: call.fields })),
  })
  if (runtime.developmentKeysDir === undefined && runtime.storage === "postgres")
    logger.log("warn", "development keys are in memory: set MOTCUA_DEV_KEYS_DIR to a folder shared by the instances", {
      reason: "payment callbacks signed for this instance are refused by the others and after a restart",
    })
  const app = createApp({
    catalogue: runtime.data.catalogue,
    jurisdiction: runtime.data.jurisdiction,
    logger,
    runtime,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    secureCookies: options.secureCookies ?? true,
    signInThrottle: options.signInThrottle ?? env.signInThrottle,
    trustProxy: options.trustProxy ?? env.trustProxy,
    allowHttpWebhooks: env.allowHttpWebhooks,
    stagedBytesPerPrincipal: env.stagedBytesPerPrincipal,
    assistantPerMinute: env.assistantPerMinute,
    ...(env.eid === undefined ? {} : { eid: { redirectUri: env.eid.redirectUri, minimumLevel: env.eid.minimumLevel } }),
    ...(env.assistantModel === undefined
      ? {}
      : {
          assistantModel: {
            phraser: openAiCompatiblePhraser(env.assistantModel),
            timeoutMs: env.assistantModel.timeoutMs,
          },
        }),
    assistant: assistantsFor({
      catalogue: runtime.data.catalogue,
      jurisdiction: runtime.data.jurisdiction,
      ...(runtime.data.holidays === undefined ? {} : { holidays: runtime.data.holidays }),
      ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    }),
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(maxDocumentBytes === undefined ? {} : { documentLimit: maxDocumentBytes }),
    ...webRootOption(options.webRoot ?? env.webRoot),
  })
  let server: ServerType | undefined
  let port: number
  try {
    port = await new Promise<number>((resolve, reject) => {
      server = serve(
        {
          fetch: app.fetch,
          port: options.port,
          ...(options.hostname === undefined ? {} : { hostname: options.hostname }),
        },
        (info) => resolve(info.port),
      )
      server.once("error", reject)
    })
  } catch (error) {
    await runtime.dispose()
    throw error
  }
  const relay: PeriodicTask | undefined = startRelay(runtime, { ...env.relay, ...options.relay }, logger, (report) =>
    options.onRelayPass?.(report),
  )
  const portalConfigured = (options.portal ?? env.portal) !== undefined
  const inbound = portalConfigured
    ? startPortalInbound(runtime, { intervalMs: env.portalInboundIntervalMs, ...options.portalInbound }, logger)
    : undefined
  const throttle = options.signInThrottle ?? env.signInThrottle
  const maintenance = startMaintenance(
    runtime,
    {
      ...env.maintenance,
      ...(throttle === false ? {} : { signInWindowMs: throttle.lockoutMs }),
      ...options.maintenance,
    },
    logger,
  )
  const recheck = startPaymentRecheck(runtime, options.paymentRecheckIntervalMs ?? env.paymentRecheckIntervalMs, logger)
  const statements =
    options.bankStatements === undefined && env.bankStatements === undefined
      ? undefined
      : startStatementPoll(runtime, env.bankStatementIntervalMs, logger)
  const sla = startSlaSweep(runtime, { ...env.sla, ...options.sla }, logger)
  logger.log("info", "listening", {
    port,
    storage: runtime.storage,
    relay: relay !== undefined,
    portal: portalConfigured ? "dvcqg" : "development",
    cleanUp: maintenance !== undefined,
    slaSweep: sla !== undefined,
  })
  let closing: Promise<void> | undefined
  return {
    port,
    runtime,
    relayNow: relay?.runNow,
    portalInboundNow: inbound?.runNow,
    cleanUpNow: maintenance?.runNow,
    slaSweepNow: sla?.runNow,
    close: () => {
      closing ??= (async () => {
        await Promise.all([
          relay?.stop(),
          maintenance?.stop(),
          inbound?.stop(),
          recheck?.stop(),
          statements?.stop(),
          sla?.stop(),
        ])
        await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())))
        await runtime.dispose()
      })()
      return closing
    },
  }
}

/** The web build beside this package in the repository (apps/web/dist), used when nothing else is configured. */
const BUILT_WEB_PAGES = fileURLToPath(new URL("../../web/dist", import.meta.url))

function webRootOption(configured: string | false | undefined): { webRoot?: string } {
  if (configured === false) return {}
  if (configured !== undefined) return { webRoot: configured }
  return existsSync(`${BUILT_WEB_PAGES}/index.html`) ? { webRoot: BUILT_WEB_PAGES } : {}
}

/** The configured notification channels, said in the log (without addresses or keys). */
function notifierOption(settings: NotificationSettings, logger: Logger): { notifier?: NotifierShape } {
  const notifier = configuredNotifier(settings)
  const channels = Object.keys(settings)
  if (notifier === undefined)
    logger.log("info", "notification channels: development notifier (notices are logged, not sent)", {
      reason: "set MOTCUA_SMTP_URL, MOTCUA_SMS_URL or MOTCUA_ZALO_APP_ID to send them (docs/configuration.md)",
    })
  else logger.log("info", "notification channels", { channels: [...channels, "portal"] })
  return notifier === undefined ? {} : { notifier }
}

/** The X.509 signer when configured, said in the log (where the keys are, never a password or token). */
function signerOption(
  settings: RuntimeOptions["signer"],
  logger: Logger,
): { signer?: NonNullable<RuntimeOptions["signer"]> } {
  if (settings === undefined) {
    logger.log("info", "result signatures: development signer (Ed25519, certifies nobody)", {
      reason:
        "set MOTCUA_SIGNER_P12_DIR or MOTCUA_SIGNER_REMOTE_URL with MOTCUA_SIGNER_TRUST_ROOTS to sign with X.509 (docs/integrations/signatures.md)",
    })
    return {}
  }
  logger.log("info", "result signatures: X.509 (PAdES)", {
    ...(settings.p12Dir === undefined ? {} : { p12Dir: settings.p12Dir }),
    ...(settings.remote === undefined ? {} : { remoteUrl: settings.remote.url.replace(/\/\/[^@/]*@/, "//") }),
    ...(settings.tsaUrl === undefined ? {} : { tsaUrl: settings.tsaUrl }),
    location: settings.location,
  })
  return { signer: settings }
}

/** The national portal when configured, said in the log (without credentials). */
function portalOption(
  settings: RuntimeOptions["portal"],
  logger: Logger,
): { portal?: NonNullable<RuntimeOptions["portal"]> } {
  if (settings === undefined) {
    logger.log("info", "national portal: development stand-in (pushes are logged, not sent)", {
      reason: "set MOTCUA_PORTAL_URL and its credentials to sync with the portal (docs/integrations/portal.md)",
    })
    return {}
  }
  logger.log("info", "national portal: DVCQG", { url: settings.baseUrl, style: settings.style ?? "envelope" })
  return { portal: settings }
}
