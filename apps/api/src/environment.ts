// The server's settings that come from the environment, read in one place so that `node src/main.ts`, `motcua
// serve` and scripts/start.sh honour the same variables. startServer reads them for every setting its caller did
// not give; a value that is not usable stops the start with every bad variable named (ConfigurationError).
// docs/configuration.md lists them all.

import { existsSync } from "node:fs"
import { DEFAULT_STAGED_BYTES_PER_PRINCIPAL, DEFAULT_WALLET_QUOTA, type WalletQuota } from "@motcua/application"
import type { PopulationHttpSettings } from "@motcua/population-http"
import type { X509SignerSettings } from "@motcua/signature-x509"
import { checkRevocationFolder, readTrustedRoots } from "@motcua/signature-x509/pem"
import { DEFAULT_ASSISTANT_PER_MINUTE } from "./assistant.ts"
import {
  DEFAULT_MAINTENANCE,
  DEFAULT_ORPHAN_DOCUMENT_AGE_MS,
  DEFAULT_RELAY,
  DEFAULT_RELAY_TRAFFIC,
  DEFAULT_SLA,
  type MaintenanceSettings,
  type RelaySettings,
  type SlaSettings,
} from "./background.ts"
import { type NotificationSettings, notificationSettings } from "./notifications.ts"
import { type PortalSettings, portalSettings } from "./portal.ts"
import { DEFAULT_SIGN_IN_THROTTLE, type SignInThrottleSettings } from "./sign-in-throttle.ts"

export type Environment = Readonly<Record<string, string | undefined>>

/** Unusable environment variables: each with what was expected. */
export class ConfigurationError extends Error {
  readonly problems: ReadonlyArray<{ readonly variable: string; readonly message: string }>
  constructor(problems: ReadonlyArray<{ readonly variable: string; readonly message: string }>) {
    super(
      `cấu hình không hợp lệ (invalid configuration): ${problems.map((p) => `${p.variable}: ${p.message}`).join("; ")}`,
    )
    this.name = "ConfigurationError"
    this.problems = problems
  }
}

export interface EnvironmentSettings {
  readonly relay: RelaySettings
  readonly maintenance: MaintenanceSettings
  /** The SLA sweep (MOTCUA_SLA_INTERVAL_MS; 0 = this instance does not sweep). */
  readonly sla: SlaSettings
  readonly signInThrottle: SignInThrottleSettings | false
  readonly trustProxy: boolean
  readonly developmentKeysDir: string | undefined
  readonly recentCallsCapacity: number | undefined
  /** Largest document upload, bytes (MOTCUA_DOCUMENT_LIMIT); undefined = the default 10 MiB. */
  readonly documentLimit: number | undefined
  /** Most bytes one principal may have uploaded and not yet attached (MOTCUA_STAGED_BYTES_PER_PRINCIPAL). */
  readonly stagedBytesPerPrincipal: number
  /** What one citizen may keep in their e-wallet (MOTCUA_WALLET_MAX_ENTRIES, MOTCUA_WALLET_MAX_BYTES). */
  readonly walletQuota: WalletQuota
  /**
   * The development identity provider's fixed, public citizen tokens (`demo-citizen-…`), MOTCUA_DEMO_CITIZENS=1:
   * off unless asked for, since anyone who read the docs could otherwise act as those citizens on a real server.
   */
  readonly demoCitizens: boolean
  /** The built web pages to serve (MOTCUA_WEB_ROOT; "off" serves none); undefined = apps/web/dist when built. */
  readonly webRoot: string | false | undefined
  /** Webhook receivers may be plain http:// (MOTCUA_WEBHOOK_ALLOW_HTTP; development only). */
  readonly allowHttpWebhooks: boolean
  /** Milliseconds before a webhook delivery is abandoned (MOTCUA_WEBHOOK_TIMEOUT_MS). */
  readonly webhookTimeoutMs: number
  /** X.509 signing of results (MOTCUA_SIGNER_*); none = the development signer. */
  readonly signer: X509SignerSettings | undefined
  /** MOTCUA_PUBLIC_URL: the base of the verification pages printed in QR codes. */
  readonly publicUrl: string | undefined
  /**
   * The e-invoice provider (MOTCUA_EINVOICE_URL, _USERNAME, _PASSWORD, _TAX_CODE); none = e-receipts are not sent to
   * the tax authority.
   */
  readonly einvoice:
    | {
        readonly baseUrl: string
        readonly username: string
        readonly password: string
        readonly supplierTaxCode: string
      }
    | undefined
  /** The postal operator's API (MOTCUA_POSTAL_URL, _API_KEY, _CALLBACK_SECRET); none = postal orders not configured. */
  readonly postal: { readonly baseUrl: string; readonly apiKey: string; readonly callbackSecret: string } | undefined
  /** The national population database's gateway (MOTCUA_POPULATION_URL, _TOKEN, _TIMEOUT_MS); none = not configured. */
  readonly population: PopulationHttpSettings | undefined
  /** Real notification channels (MOTCUA_SMTP_URL, MOTCUA_SMS_*, MOTCUA_ZALO_*); none = the development notifier. */
  readonly notifications: NotificationSettings
  /** The national portal (MOTCUA_PORTAL_*); none = the development stand-in, nothing fetched. */
  readonly portal: PortalSettings | undefined
  /** Pause between fetches of filings made on the portal (MOTCUA_PORTAL_INBOUND_INTERVAL_MS; 0 = off). */
  readonly portalInboundIntervalMs: number
  /** The national e-ID's OpenID provider (MOTCUA_EID_*); none = citizens cannot sign in (besides demo tokens). */
  readonly eid: EidSettings | undefined
  /** Questions per minute per client address for the citizen assistant (MOTCUA_ASSISTANT_PER_MINUTE, 0 = no limit). */
  readonly assistantPerMinute: number | false
  /** The payment gateway (MOTCUA_GATEWAY_*); none = the development gateway, no gateway payment requests. */
  readonly gateway:
    | {
        readonly payUrl: string
        readonly queryUrl: string
        readonly merchantCode: string
        readonly secret: string
        readonly returnUrl: string
        readonly hash: "sha512" | "sha256"
      }
    | undefined
  /** How the bank signs transfer notices (MOTCUA_VIETQR_NOTICE_*); none = the notice route answers 503. */
  readonly transferNotices:
    | {
        readonly secret: string
        readonly algorithm: "sha256" | "sha512"
        readonly encoding: "hex" | "base64"
        readonly signed: "timestamp.body" | "body"
      }
    | undefined
  /** Pause between re-checks of pending gateway payments and expiries (MOTCUA_PAYMENT_RECHECK_INTERVAL_MS; 0 = off). */
  readonly paymentRecheckIntervalMs: number
  /** The banks' statement API (MOTCUA_BANK_STATEMENT_URL, _TOKEN); none = the centres' accounts are not polled. */
  readonly bankStatements: { readonly baseUrl: string; readonly token: string } | undefined
  /** Pause between polls of the statement API (MOTCUA_BANK_STATEMENT_INTERVAL_MS, default 5 minutes; 0 = off). */
  readonly bankStatementIntervalMs: number
  /** The channel of the payment request a filing asks for (MOTCUA_PAYMENT_CHANNEL): vietqr, or gateway. */
  readonly paymentChannel: "vietqr" | "gateway"
  /** How the gateway's IPN is answered (MOTCUA_GATEWAY_IPN_ANSWER): HTTP status codes, or VNPay's 200 + RspCode. */
  readonly gatewayIpnAnswer: "status" | "rspcode"
  /** The OpenAI-compatible model that rephrases the assistant's answers (MOTCUA_ASSISTANT_MODEL_*); none when unset. */
  readonly assistantModel:
    | { readonly url: string; readonly apiKey?: string; readonly model: string; readonly timeoutMs: number }
    | undefined
}

export interface EidSettings {
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret?: string
  readonly redirectUri: string
  readonly scopes: ReadonlyArray<string>
  readonly minimumLevel: number
  readonly claims: {
    readonly personalId: string
    readonly fullName: string
    readonly birthDate: string
    readonly identityLevel: string
  }
  readonly allowHttpLoopback: boolean
}

/** Reads the server's variables; unset ones take their defaults. Throws ConfigurationError listing every bad one. */
export function settingsFromEnvironment(env: Environment): EnvironmentSettings {
  const problems: Array<{ variable: string; message: string }> = []
  const whole = (variable: string, fallback: number, min: number): number => {
    const raw = env[variable]
    if (raw === undefined || raw.trim() === "") return fallback
    const value = Number(raw)
    if (Number.isSafeInteger(value) && value >= min) return value
    problems.push({ variable, message: `phải là số nguyên ≥ ${min} (must be an integer ≥ ${min}), nhận "${raw}"` })
    return fallback
  }
  const flag = (variable: string, fallback: boolean): boolean => {
    const raw = env[variable]?.trim().toLowerCase()
    if (raw === undefined || raw === "") return fallback
    if (raw === "true" || raw === "1") return true
    if (raw === "false" || raw === "0") return false
    problems.push({ variable, message: `phải là true hoặc false (must be true or false), nhận "${env[variable]}"` })
    return fallback
  }
  const relayInterval = whole("MOTCUA_RELAY_INTERVAL_MS", DEFAULT_RELAY.intervalMs, 0)
  const relayBatch = whole("MOTCUA_RELAY_BATCH", DEFAULT_RELAY.batch, 1)
  const relayLease = whole("MOTCUA_RELAY_LEASE_MS", 60_000, 1_000)
  const retryBaseMs = whole("MOTCUA_RELAY_RETRY_BASE_MS", DEFAULT_RELAY_TRAFFIC.retryBaseMs, 1)
  const retryCeilingMs = whole("MOTCUA_RELAY_RETRY_CEILING_MS", DEFAULT_RELAY_TRAFFIC.retryCeilingMs, 1)
  const jitterPercent = whole("MOTCUA_RELAY_JITTER_PERCENT", DEFAULT_RELAY_TRAFFIC.jitter * 100, 0)
  if (jitterPercent > 100)
    problems.push({ variable: "MOTCUA_RELAY_JITTER_PERCENT", message: "phải từ 0 đến 100 (must be 0–100)" })
  const concurrency = whole("MOTCUA_RELAY_CONCURRENCY", DEFAULT_RELAY_TRAFFIC.concurrency, 1)
  const maxAttempts = whole("MOTCUA_RELAY_MAX_ATTEMPTS", DEFAULT_RELAY_TRAFFIC.maxAttempts, 1)
  const lagWarnMs = whole("MOTCUA_RELAY_LAG_WARN_MS", DEFAULT_RELAY_TRAFFIC.lagWarnMs, 0)
  const portal = portalSettings(env, problems)
  const inboundInterval = whole("MOTCUA_PORTAL_INBOUND_INTERVAL_MS", 60_000, 0)
  const cleanupInterval = whole("MOTCUA_CLEANUP_INTERVAL_MS", DEFAULT_MAINTENANCE.intervalMs, 0)
  const slaInterval = whole("MOTCUA_SLA_INTERVAL_MS", DEFAULT_SLA.intervalMs, 0)
  const orphanAge = whole("MOTCUA_ORPHAN_DOCUMENT_AGE_MS", DEFAULT_ORPHAN_DOCUMENT_AGE_MS, 60_000)
  const throttleOn = flag("MOTCUA_SIGNIN_THROTTLE", true)
  const maxFailures = whole("MOTCUA_SIGNIN_MAX_FAILURES", DEFAULT_SIGN_IN_THROTTLE.maxFailures, 1)
  const maxPerAddress = whole(
    "MOTCUA_SIGNIN_MAX_FAILURES_PER_ADDRESS",
    DEFAULT_SIGN_IN_THROTTLE.maxFailuresPerAddress,
    1,
  )
  const lockout = whole("MOTCUA_SIGNIN_LOCKOUT_MS", DEFAULT_SIGN_IN_THROTTLE.lockoutMs, 1_000)
  const trustProxy = flag("MOTCUA_TRUST_PROXY", false)
  const demoCitizens = flag("MOTCUA_DEMO_CITIZENS", false)
  const webRoot = env.MOTCUA_WEB_ROOT?.trim()
  const recent = env.MOTCUA_RECENT_CALLS === undefined ? undefined : whole("MOTCUA_RECENT_CALLS", 1000, 1)
  const documentLimit =
    env.MOTCUA_DOCUMENT_LIMIT === undefined || env.MOTCUA_DOCUMENT_LIMIT === ""
      ? undefined
      : whole("MOTCUA_DOCUMENT_LIMIT", 0, 1)
  const stagedBytesPerPrincipal = whole("MOTCUA_STAGED_BYTES_PER_PRINCIPAL", DEFAULT_STAGED_BYTES_PER_PRINCIPAL, 1)
  const walletQuota: WalletQuota = {
    entries: whole("MOTCUA_WALLET_MAX_ENTRIES", DEFAULT_WALLET_QUOTA.entries, 1),
    bytes: whole("MOTCUA_WALLET_MAX_BYTES", DEFAULT_WALLET_QUOTA.bytes, 1),
  }
  const allowHttpWebhooks = flag("MOTCUA_WEBHOOK_ALLOW_HTTP", false)
  const webhookTimeoutMs = whole("MOTCUA_WEBHOOK_TIMEOUT_MS", 10_000, 100)
  const notifications = notificationSettings(env, problems)
  const signer = signerSettings(env, problems)
  const publicUrl = env.MOTCUA_PUBLIC_URL?.trim() ?? ""
  if (publicUrl !== "" && !/^https?:\/\/[^/]+/.test(publicUrl))
    problems.push({ variable: "MOTCUA_PUBLIC_URL", message: "phải là URL http(s) (must be an http(s) URL)" })
  const postalUrl = env.MOTCUA_POSTAL_URL?.trim() ?? ""
  const postalKey = env.MOTCUA_POSTAL_API_KEY?.trim() ?? ""
  const postalSecret = env.MOTCUA_POSTAL_CALLBACK_SECRET?.trim() ?? ""
  if (postalUrl !== "" && !/^https?:\/\//.test(postalUrl))
    problems.push({ variable: "MOTCUA_POSTAL_URL", message: "phải là URL http(s) (must be an http(s) URL)" })
  if (postalUrl !== "")
    for (const [variable, value] of [
      ["MOTCUA_POSTAL_API_KEY", postalKey],
      ["MOTCUA_POSTAL_CALLBACK_SECRET", postalSecret],
    ] as const)
      if (value.length < (variable === "MOTCUA_POSTAL_CALLBACK_SECRET" ? 32 : 1))
        problems.push({
          variable,
          message: "bắt buộc khi có MOTCUA_POSTAL_URL (required with MOTCUA_POSTAL_URL; the secret ≥ 32 characters)",
        })
  const einvoiceUrl = env.MOTCUA_EINVOICE_URL?.trim() ?? ""
  const einvoiceUser = env.MOTCUA_EINVOICE_USERNAME?.trim() ?? ""
  const einvoicePassword = env.MOTCUA_EINVOICE_PASSWORD ?? ""
  const einvoiceTaxCode = env.MOTCUA_EINVOICE_TAX_CODE?.trim() ?? ""
  if (einvoiceUrl !== "" && !/^https?:\/\//.test(einvoiceUrl))
    problems.push({ variable: "MOTCUA_EINVOICE_URL", message: "phải là URL http(s) (must be an http(s) URL)" })
  if (einvoiceUrl !== "") {
    for (const [variable, value] of [
      ["MOTCUA_EINVOICE_USERNAME", einvoiceUser],
      ["MOTCUA_EINVOICE_PASSWORD", einvoicePassword],
    ] as const)
      if (value === "")
        problems.push({ variable, message: "bắt buộc khi có MOTCUA_EINVOICE_URL (required with MOTCUA_EINVOICE_URL)" })
    // a Vietnamese tax code: 10 digits, or 10 digits, a hyphen and 3 for a branch
    if (!/^\d{10}(-\d{3})?$/.test(einvoiceTaxCode))
      problems.push({
        variable: "MOTCUA_EINVOICE_TAX_CODE",
        message:
          "mã số thuế 10 chữ số (hoặc 10-3) của đơn vị thu, bắt buộc khi có MOTCUA_EINVOICE_URL (the collecting organisation's tax code)",
      })
  }
  const populationUrl = env.MOTCUA_POPULATION_URL?.trim() ?? ""
  const populationToken = env.MOTCUA_POPULATION_TOKEN?.trim() ?? ""
  const populationTimeout = env.MOTCUA_POPULATION_TIMEOUT_MS?.trim() ?? ""
  if (populationUrl !== "" && !/^https?:\/\//.test(populationUrl))
    problems.push({ variable: "MOTCUA_POPULATION_URL", message: "phải là URL http(s) (must be an http(s) URL)" })
  if (populationUrl !== "" && populationToken === "")
    problems.push({
      variable: "MOTCUA_POPULATION_TOKEN",
      message: "bắt buộc khi có MOTCUA_POPULATION_URL (required with MOTCUA_POPULATION_URL)",
    })
  if (populationTimeout !== "" && !/^[1-9]\d{0,5}$/.test(populationTimeout))
    problems.push({
      variable: "MOTCUA_POPULATION_TIMEOUT_MS",
      message: `phải là số mili giây từ 1 đến 999999 (milliseconds, 1–999999), nhận "${populationTimeout}"`,
    })
  const oneOf = <T extends string>(variable: string, allowed: ReadonlyArray<T>): T => {
    const raw = env[variable]?.trim() ?? ""
    if (raw === "") return allowed[0] as T
    if ((allowed as ReadonlyArray<string>).includes(raw)) return raw as T
    problems.push({ variable, message: `phải là một trong ${allowed.join(", ")} (must be one of them), nhận "${raw}"` })
    return allowed[0] as T
  }
  const gatewayVars = {
    payUrl: env.MOTCUA_GATEWAY_PAY_URL?.trim() ?? "",
    queryUrl: env.MOTCUA_GATEWAY_QUERY_URL?.trim() ?? "",
    merchantCode: env.MOTCUA_GATEWAY_MERCHANT?.trim() ?? "",
    secret: env.MOTCUA_GATEWAY_SECRET?.trim() ?? "",
    returnUrl: env.MOTCUA_GATEWAY_RETURN_URL?.trim() ?? "",
  }
  const gatewayHash = oneOf("MOTCUA_GATEWAY_HASH", ["sha512", "sha256"] as const)
  const gatewayNames = {
    payUrl: "MOTCUA_GATEWAY_PAY_URL",
    queryUrl: "MOTCUA_GATEWAY_QUERY_URL",
    merchantCode: "MOTCUA_GATEWAY_MERCHANT",
    secret: "MOTCUA_GATEWAY_SECRET",
    returnUrl: "MOTCUA_GATEWAY_RETURN_URL",
  } as const
  const gatewayOn = Object.values(gatewayVars).some((v) => v !== "")
  if (gatewayOn)
    for (const [key, variable] of Object.entries(gatewayNames) as Array<[keyof typeof gatewayVars, string]>) {
      const value = gatewayVars[key]
      if (value === "")
        problems.push({
          variable,
          message: "bắt buộc khi cấu hình cổng thanh toán (required with the other MOTCUA_GATEWAY_*)",
        })
      else if (key.endsWith("Url") && !/^https?:\/\//.test(value))
        problems.push({ variable, message: "phải là URL http(s) (must be an http(s) URL)" })
      else if (key === "secret" && value.length < 16)
        problems.push({ variable, message: "ít nhất 16 ký tự (at least 16 characters)" })
    }
  const noticeSecret = env.MOTCUA_VIETQR_NOTICE_SECRET?.trim() ?? ""
  if (noticeSecret !== "" && noticeSecret.length < 32)
    problems.push({ variable: "MOTCUA_VIETQR_NOTICE_SECRET", message: "ít nhất 32 ký tự (at least 32 characters)" })
  const noticeHash = oneOf("MOTCUA_VIETQR_NOTICE_HASH", ["sha256", "sha512"] as const)
  const noticeEncoding = oneOf("MOTCUA_VIETQR_NOTICE_ENCODING", ["hex", "base64"] as const)
  const noticeSigned = oneOf("MOTCUA_VIETQR_NOTICE_SIGNED", ["timestamp.body", "body"] as const)
  const paymentRecheckIntervalMs = whole("MOTCUA_PAYMENT_RECHECK_INTERVAL_MS", 60_000, 0)
  const bankStatementIntervalMs = whole("MOTCUA_BANK_STATEMENT_INTERVAL_MS", 300_000, 0)
  const statementUrl = env.MOTCUA_BANK_STATEMENT_URL?.trim() ?? ""
  const statementToken = env.MOTCUA_BANK_STATEMENT_TOKEN?.trim() ?? ""
  if (statementUrl !== "" && !/^https?:\/\//.test(statementUrl))
    problems.push({ variable: "MOTCUA_BANK_STATEMENT_URL", message: "phải là URL http(s) (must be an http(s) URL)" })
  if (statementUrl !== "" && statementToken === "")
    problems.push({
      variable: "MOTCUA_BANK_STATEMENT_TOKEN",
      message: "bắt buộc khi có MOTCUA_BANK_STATEMENT_URL (required with MOTCUA_BANK_STATEMENT_URL)",
    })
  const paymentChannel = oneOf("MOTCUA_PAYMENT_CHANNEL", ["vietqr", "gateway"] as const)
  const gatewayIpnAnswer = oneOf("MOTCUA_GATEWAY_IPN_ANSWER", ["status", "rspcode"] as const)
  if (paymentChannel === "gateway" && !gatewayOn)
    problems.push({
      variable: "MOTCUA_PAYMENT_CHANNEL",
      message: "gateway cần cấu hình cổng thanh toán MOTCUA_GATEWAY_* (gateway needs the gateway configured)",
    })
  const assistantPerMinute = whole("MOTCUA_ASSISTANT_PER_MINUTE", DEFAULT_ASSISTANT_PER_MINUTE, 0)
  const modelUrl = env.MOTCUA_ASSISTANT_MODEL_URL?.trim() ?? ""
  const modelKey = env.MOTCUA_ASSISTANT_MODEL_KEY?.trim() ?? ""
  const modelName = env.MOTCUA_ASSISTANT_MODEL_NAME?.trim() ?? ""
  const modelTimeout = whole("MOTCUA_ASSISTANT_MODEL_TIMEOUT_MS", 8_000, 100)
  if (modelUrl !== "" && !/^https?:\/\//u.test(modelUrl))
    problems.push({ variable: "MOTCUA_ASSISTANT_MODEL_URL", message: "phải là URL http(s) (must be an http(s) URL)" })
  if (modelUrl !== "" && modelName === "")
    problems.push({
      variable: "MOTCUA_ASSISTANT_MODEL_NAME",
      message: "bắt buộc khi có MOTCUA_ASSISTANT_MODEL_URL (required with the URL)",
    })
  const eid = eidSettings(env, problems, whole, flag)
  if (problems.length > 0) throw new ConfigurationError(problems)
  const keysDir = env.MOTCUA_DEV_KEYS_DIR
  return {
    relay: {
      intervalMs: relayInterval,
      batch: relayBatch,
      leaseMs: relayLease,
      retryBaseMs,
      retryCeilingMs,
      jitter: Math.min(100, jitterPercent) / 100,
      concurrency,
      maxAttempts,
      lagWarnMs,
    },
    portal,
    portalInboundIntervalMs: inboundInterval,
    maintenance: { intervalMs: cleanupInterval, orphanDocumentAgeMs: orphanAge },
    sla: { intervalMs: slaInterval },
    signInThrottle: throttleOn ? { maxFailures, maxFailuresPerAddress: maxPerAddress, lockoutMs: lockout } : false,
    trustProxy,
    developmentKeysDir: keysDir === undefined || keysDir === "" ? undefined : keysDir,
    recentCallsCapacity: recent,
    documentLimit,
    stagedBytesPerPrincipal,
    walletQuota,
    demoCitizens,
    webRoot: webRoot === undefined || webRoot === "" ? undefined : webRoot === "off" ? false : webRoot,
    notifications,
    postal: postalUrl === "" ? undefined : { baseUrl: postalUrl, apiKey: postalKey, callbackSecret: postalSecret },
    einvoice:
      einvoiceUrl === ""
        ? undefined
        : {
            baseUrl: einvoiceUrl,
            username: einvoiceUser,
            password: einvoicePassword,
            supplierTaxCode: einvoiceTaxCode,
          },
    population:
      populationUrl === ""
        ? undefined
        : {
            baseUrl: populationUrl,
            token: populationToken,
            ...(populationTimeout === "" ? {} : { timeoutMs: Number(populationTimeout) }),
          },
    signer,
    publicUrl: publicUrl === "" ? undefined : publicUrl,
    allowHttpWebhooks,
    webhookTimeoutMs,
    gateway: gatewayOn ? { ...gatewayVars, hash: gatewayHash } : undefined,
    transferNotices:
      noticeSecret === ""
        ? undefined
        : { secret: noticeSecret, algorithm: noticeHash, encoding: noticeEncoding, signed: noticeSigned },
    paymentRecheckIntervalMs,
    bankStatements: statementUrl === "" ? undefined : { baseUrl: statementUrl, token: statementToken },
    bankStatementIntervalMs,
    paymentChannel,
    gatewayIpnAnswer,
    assistantPerMinute: assistantPerMinute === 0 ? false : assistantPerMinute,
    eid,
    assistantModel:
      modelUrl === ""
        ? undefined
        : {
            url: modelUrl,
            model: modelName,
            timeoutMs: modelTimeout,
            ...(modelKey === "" ? {} : { apiKey: modelKey }),
          },
  }
}

/** MOTCUA_EID_*: all of issuer, client id and redirect URI, or none (e-ID sign-in off). */
function eidSettings(
  env: Environment,
  problems: Array<{ variable: string; message: string }>,
  whole: (variable: string, fallback: number, min: number) => number,
  flag: (variable: string, fallback: boolean) => boolean,
): EidSettings | undefined {
  const read = (name: string) => env[name]?.trim() ?? ""
  const issuer = read("MOTCUA_EID_ISSUER")
  const clientId = read("MOTCUA_EID_CLIENT_ID")
  const redirectUri = read("MOTCUA_EID_REDIRECT_URI")
  const minimumLevel = whole("MOTCUA_EID_MIN_LEVEL", 2, 0)
  const allowHttpLoopback = flag("MOTCUA_EID_ALLOW_HTTP_LOOPBACK", false)
  if (issuer === "" && clientId === "" && redirectUri === "") return undefined
  for (const [variable, value] of [
    ["MOTCUA_EID_ISSUER", issuer],
    ["MOTCUA_EID_REDIRECT_URI", redirectUri],
  ] as const)
    if (!/^https?:\/\//u.test(value))
      problems.push({ variable, message: "phải là URL http(s), bắt buộc khi bật đăng nhập VNeID (an http(s) URL)" })
  if (clientId === "")
    problems.push({ variable: "MOTCUA_EID_CLIENT_ID", message: "bắt buộc khi có MOTCUA_EID_ISSUER (required)" })
  const secret = read("MOTCUA_EID_CLIENT_SECRET")
  const scopes = read("MOTCUA_EID_SCOPES")
  return {
    issuer,
    clientId,
    ...(secret === "" ? {} : { clientSecret: secret }),
    redirectUri,
    scopes: scopes === "" ? ["profile"] : scopes.split(/[\s,]+/u).filter((s) => s !== ""),
    minimumLevel,
    claims: {
      personalId: read("MOTCUA_EID_CLAIM_PERSONAL_ID") || "personal_id",
      fullName: read("MOTCUA_EID_CLAIM_NAME") || "name",
      birthDate: read("MOTCUA_EID_CLAIM_BIRTHDATE") || "birthdate",
      identityLevel: read("MOTCUA_EID_CLAIM_LEVEL") || "identity_level",
    },
    allowHttpLoopback,
  }
}

/**
 * The X.509 signer from MOTCUA_SIGNER_P12_DIR (+ _P12_PASSWORD) and/or MOTCUA_SIGNER_REMOTE_URL (+ _REMOTE_TOKEN),
 * with MOTCUA_SIGNER_TRUST_ROOTS (required with either), MOTCUA_SIGNER_LOCATION, MOTCUA_TSA_URL and
 * MOTCUA_SIGNER_CRL_DIR.
 */
function signerSettings(
  env: Environment,
  problems: Array<{ variable: string; message: string }>,
): X509SignerSettings | undefined {
  const value = (name: string) => {
    const raw = env[name]?.trim() ?? ""
    return raw === "" ? undefined : raw
  }
  const p12Dir = value("MOTCUA_SIGNER_P12_DIR")
  const remoteUrl = value("MOTCUA_SIGNER_REMOTE_URL")
  if (p12Dir === undefined && remoteUrl === undefined) return undefined
  const rootsFile = value("MOTCUA_SIGNER_TRUST_ROOTS")
  let trustedRootsPem = ""
  if (rootsFile === undefined)
    problems.push({
      variable: "MOTCUA_SIGNER_TRUST_ROOTS",
      message: "bắt buộc khi ký số X.509 (required with X.509 signing): a PEM file of the trusted root certificates",
    })
  else
    try {
      trustedRootsPem = readTrustedRoots(rootsFile)
    } catch (error) {
      problems.push({ variable: "MOTCUA_SIGNER_TRUST_ROOTS", message: String(error) })
    }
  if (p12Dir !== undefined && !existsSync(p12Dir))
    problems.push({ variable: "MOTCUA_SIGNER_P12_DIR", message: `thư mục không tồn tại (no such folder): ${p12Dir}` })
  for (const name of ["MOTCUA_SIGNER_REMOTE_URL", "MOTCUA_TSA_URL"])
    if (value(name) !== undefined && !/^https?:\/\//.test(value(name) ?? ""))
      problems.push({ variable: name, message: "phải là URL http(s) (must be an http(s) URL)" })
  const crlDir = value("MOTCUA_SIGNER_CRL_DIR")
  if (crlDir !== undefined)
    if (!existsSync(crlDir))
      problems.push({ variable: "MOTCUA_SIGNER_CRL_DIR", message: `thư mục không tồn tại (no such folder): ${crlDir}` })
    else
      try {
        checkRevocationFolder(crlDir)
      } catch (error) {
        problems.push({ variable: "MOTCUA_SIGNER_CRL_DIR", message: String(error) })
      }
  const password = value("MOTCUA_SIGNER_P12_PASSWORD")
  const token = value("MOTCUA_SIGNER_REMOTE_TOKEN")
  const tsaUrl = value("MOTCUA_TSA_URL")
  return {
    ...(p12Dir === undefined ? {} : { p12Dir }),
    ...(password === undefined ? {} : { p12Password: password }),
    ...(remoteUrl === undefined ? {} : { remote: { url: remoteUrl, ...(token === undefined ? {} : { token }) } }),
    trustedRootsPem,
    location: value("MOTCUA_SIGNER_LOCATION") ?? "Việt Nam",
    ...(tsaUrl === undefined ? {} : { tsaUrl }),
    ...(crlDir === undefined ? {} : { crlDir }),
  }
}
