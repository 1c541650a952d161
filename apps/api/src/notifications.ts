// Which real channels notify applicants, from the environment (docs/configuration.md, "Notifications"): e-mail over
// SMTP, brand-name SMS through a gateway, Zalo ZNS through the province's Official Account. With none configured the
// server keeps the development notifier (it logs each notice, sends nothing). With any configured, each notice goes
// to its channel's sender; a channel left unconfigured fails its notices with that reason, so they stay in the outbox
// for the operator (never silently dropped); `portal` notices are what the national portal shows from the sync.
import { readFileSync } from "node:fs"
import { type ChannelSenders, type NotifierShape, routedNotifier } from "@motcua/application"
import type { EmailSettings } from "@motcua/notify-email"
import { type SmsSettings, smsNotifier } from "@motcua/notify-sms"
import { fileTokenStore, type ZaloSettings, zaloNotifier } from "@motcua/notify-zalo"
import { Effect } from "effect"
import type { Environment } from "./environment.ts"

export interface NotificationSettings {
  readonly email?: EmailSettings
  readonly sms?: SmsSettings
  readonly zalo?: ZaloSettings
}

type Problems = Array<{ variable: string; message: string }>

function jsonObject(env: Environment, variable: string, problems: Problems): Record<string, string> | undefined {
  const raw = env[variable]?.trim()
  if (raw === undefined || raw === "") return undefined
  try {
    const value = JSON.parse(raw) as unknown
    if (
      typeof value === "object" &&
      value !== null &&
      !Array.isArray(value) &&
      Object.values(value).every((v) => typeof v === "string")
    )
      return value as Record<string, string>
  } catch {
    // reported below
  }
  problems.push({
    variable,
    message: 'phải là đối tượng JSON chuỗi → chuỗi (a JSON object of strings), vd. {"receipt":"101"}',
  })
  return undefined
}

function required(env: Environment, variables: ReadonlyArray<string>, problems: Problems): string[] | undefined {
  const values = variables.map((v) => env[v]?.trim() ?? "")
  const missing = variables.filter((_, i) => values[i] === "")
  if (missing.length === 0) return values
  for (const variable of missing)
    problems.push({ variable, message: "bắt buộc khi bật kênh này (required for this channel)" })
  return undefined
}

function smtpFrom(env: Environment, problems: Problems): EmailSettings | undefined {
  const raw = env.MOTCUA_SMTP_URL?.trim()
  if (raw === undefined || raw === "") return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    problems.push({
      variable: "MOTCUA_SMTP_URL",
      message: "không phải URL (not a URL): smtp://user:pass@host:587 hoặc smtps://…:465",
    })
    return undefined
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    problems.push({ variable: "MOTCUA_SMTP_URL", message: `giao thức phải là smtp: hoặc smtps: (got ${url.protocol})` })
    return undefined
  }
  const from = required(env, ["MOTCUA_MAIL_FROM"], problems)?.[0]
  const caFile = env.MOTCUA_SMTP_CA_FILE?.trim()
  let ca: string | undefined
  if (caFile !== undefined && caFile !== "")
    try {
      ca = readFileSync(caFile, "utf8")
    } catch (error) {
      problems.push({ variable: "MOTCUA_SMTP_CA_FILE", message: `không đọc được (cannot read): ${String(error)}` })
    }
  const byAgency = jsonObject(env, "MOTCUA_MAIL_FROM_BY_AGENCY", problems)
  if (from === undefined) return undefined
  const secure = url.protocol === "smtps:"
  return {
    smtp: {
      host: url.hostname,
      port: url.port === "" ? (secure ? 465 : 587) : Number(url.port),
      secure,
      // without smtps, STARTTLS is required unless the URL says ?starttls=false (a relay on localhost)
      requireTLS: !secure && url.searchParams.get("starttls") !== "false",
      ...(url.username === ""
        ? {}
        : { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }),
      ...(ca === undefined ? {} : { ca }),
    },
    from,
    ...(byAgency === undefined ? {} : { fromByAgency: byAgency }),
  }
}

/** Reads the notification variables; every unusable one is added to `problems`. */
export function notificationSettings(env: Environment, problems: Problems): NotificationSettings {
  const email = smtpFrom(env, problems)
  let sms: SmsSettings | undefined
  if ((env.MOTCUA_SMS_URL?.trim() ?? "") !== "") {
    const values = required(env, ["MOTCUA_SMS_URL", "MOTCUA_SMS_API_KEY", "MOTCUA_SMS_BRAND"], problems)
    const fields = jsonObject(env, "MOTCUA_SMS_FIELDS", problems)
    const header = env.MOTCUA_SMS_KEY_HEADER?.trim()
    if (values !== undefined) {
      const [url = "", apiKey = "", brandName = ""] = values
      sms = {
        url,
        apiKey,
        brandName,
        ...(header === undefined || header === "" ? {} : { apiKeyHeader: header }),
        ...(fields === undefined ? {} : { fields }),
      }
    }
  }
  let zalo: ZaloSettings | undefined
  if ((env.MOTCUA_ZALO_APP_ID?.trim() ?? "") !== "") {
    const values = required(
      env,
      ["MOTCUA_ZALO_APP_ID", "MOTCUA_ZALO_SECRET_KEY", "MOTCUA_ZALO_REFRESH_TOKEN", "MOTCUA_ZALO_TOKEN_FILE"],
      problems,
    )
    const templates = jsonObject(env, "MOTCUA_ZALO_TEMPLATES", problems)
    if (templates === undefined && problems.every((p) => p.variable !== "MOTCUA_ZALO_TEMPLATES"))
      problems.push({ variable: "MOTCUA_ZALO_TEMPLATES", message: "bắt buộc khi bật Zalo ZNS (required for Zalo ZNS)" })
    if (values !== undefined && templates !== undefined) {
      const [appId = "", secretKey = "", refreshToken = "", tokenFile = ""] = values
      zalo = { appId, secretKey, refreshToken, templates, tokens: fileTokenStore(tokenFile) }
    }
  }
  return {
    ...(email === undefined ? {} : { email }),
    ...(sms === undefined ? {} : { sms }),
    ...(zalo === undefined ? {} : { zalo }),
  }
}

/**
 * The e-mail channel, its adapter (and nodemailer's ~6 MB of code, resident for the server's life once loaded)
 * loaded on the first message rather than at start.
 */
function emailSender(settings: EmailSettings): NotifierShape {
  let sender: Promise<NotifierShape> | undefined
  const loaded = Effect.promise(() => {
    sender ??= import("@motcua/notify-email").then((m) => m.emailNotifier(settings))
    return sender
  })
  return { send: (notification) => Effect.flatMap(loaded, (s) => s.send(notification)) }
}

/** The routed notifier over the configured channels, or undefined when none is (the development notifier stays). */
export function configuredNotifier(settings: NotificationSettings): NotifierShape | undefined {
  if (settings.email === undefined && settings.sms === undefined && settings.zalo === undefined) return undefined
  const senders: ChannelSenders = {
    ...(settings.email === undefined ? {} : { email: emailSender(settings.email) }),
    ...(settings.sms === undefined ? {} : { sms: smsNotifier(settings.sms) }),
    ...(settings.zalo === undefined ? {} : { zalo: zaloNotifier(settings.zalo) }),
    // the citizen's portal account shows the dossier's progress from the national portal sync itself
    portal: { send: (n) => Effect.succeed({ messageId: `portal-${n.notificationId}` }) },
  }
  return routedNotifier(senders)
}
