// The Notifier port by Zalo ZNS (Zalo Notification Service): a template message, registered by the province's Zalo
// Official Account for each kind of notice, sent to the citizen's phone number.
// - Authentication: the OA's access token, obtained and renewed from the refresh token through Zalo's OAuth endpoint
//   (`secret_key` header, form body with app_id, refresh_token, grant_type=refresh_token). Zalo issues a NEW refresh
//   token with each access token and the old one stops working, so each pair is handed to `tokens.save` (the
//   deployment keeps it: fileTokenStore, or its own secret store) before it is used. The token is renewed when it is
//   about to expire and once more when the API says it is invalid; one renewal at a time.
// - A notice kind without a registered template, a number that is not a mobile number, or a ZNS refusal (error code
//   other than 0) is a permanent failure with Zalo's message; 5xx, timeouts and network errors are temporary.
// - The notification id is the tracking id, so Zalo's delivery reports can be matched to the outbox row.
// - Errors name the dossier and the notification id, never the number.
import { chmodSync, readFileSync, writeFileSync } from "node:fs"
import { DeliveryRefused, ExternalServiceFailed, type Notification, type NotifierShape } from "@motcua/application"
import { parseVietnamMobile, vietnamDateTime } from "@motcua/domain"
import { Effect, Result } from "effect"

export const ZALO_OAUTH_URL = "https://oauth.zaloapp.com/v4/oa/access_token"
export const ZALO_ZNS_URL = "https://business.openapi.zalo.me/message/template"

export interface ZaloTokens {
  readonly accessToken: string
  readonly refreshToken: string
  /** Epoch milliseconds. */
  readonly expiresAt: number
}

export interface ZaloTokenStore {
  readonly load: () => Promise<ZaloTokens | undefined>
  readonly save: (tokens: ZaloTokens) => Promise<void>
}

export interface ZaloSettings {
  readonly appId: string
  readonly secretKey: string
  /** The first refresh token (from the OA's authorisation); later ones come from Zalo and go to `tokens`. */
  readonly refreshToken: string
  /** Template id per kind of notice (`receipt`, `supplementation-request`, `result-ready`, …). */
  readonly templates: Readonly<Record<string, string>>
  readonly tokens?: ZaloTokenStore
  readonly oauthUrl?: string
  readonly znsUrl?: string
  readonly timeoutMs?: number
  readonly now?: () => number
}

/** The channel's refusal: the application's one DeliveryRefused (permanent or not, with the channel's code). */
export const ZaloRefused = DeliveryRefused
export type ZaloRefused = DeliveryRefused

/** ZNS error codes meaning the access token is not (or no longer) valid. */
const TOKEN_ERRORS = new Set([-124, -216])
/** Renew this long before the token's announced expiry. */
const MARGIN_MS = 5 * 60_000

/** Keeps the token pair in a JSON file readable by its owner only. */
export function fileTokenStore(path: string): ZaloTokenStore {
  return {
    load: async () => {
      try {
        return JSON.parse(readFileSync(path, "utf8")) as ZaloTokens
      } catch {
        return undefined
      }
    },
    save: async (tokens) => {
      writeFileSync(path, JSON.stringify(tokens), { mode: 0o600 })
      chmodSync(path, 0o600)
    },
  }
}

const text = (data: Notification["data"], key: string): string => {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return ""
  const value = (data as Record<string, unknown>)[key]
  return typeof value === "string" ? value : ""
}

async function postOrFail(url: string, init: RequestInit, timeoutMs: number, what: string): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
  } catch (error) {
    throw new ZaloRefused(`${what}: Zalo không trả lời (unreachable): ${String(error)}`, false)
  }
  const body = await response.text()
  if (!response.ok) throw new ZaloRefused(`${what}: Zalo trả lời ${response.status}: ${body.slice(0, 200)}`, false)
  try {
    return JSON.parse(body)
  } catch {
    throw new ZaloRefused(`${what}: Zalo trả lời không phải JSON: ${body.slice(0, 200)}`, false)
  }
}

export function zaloNotifier(settings: ZaloSettings): NotifierShape {
  const now = settings.now ?? Date.now
  const timeout = settings.timeoutMs ?? 10_000
  let current: ZaloTokens | undefined
  let renewing: Promise<ZaloTokens> | undefined

  const renew = (): Promise<ZaloTokens> => {
    renewing ??= (async () => {
      const stored = current ?? (await settings.tokens?.load())
      const refreshToken = stored?.refreshToken ?? settings.refreshToken
      const answer = (await postOrFail(
        settings.oauthUrl ?? ZALO_OAUTH_URL,
        {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", secret_key: settings.secretKey },
          body: new URLSearchParams({
            app_id: settings.appId,
            refresh_token: refreshToken,
            grant_type: "refresh_token",
          }),
        },
        timeout,
        "gia hạn mã truy cập Zalo OA (access token refresh)",
      )) as Record<string, unknown>
      const accessToken = answer.access_token
      const nextRefresh = answer.refresh_token
      const expiresIn = Number(answer.expires_in)
      if (typeof accessToken !== "string" || typeof nextRefresh !== "string" || !Number.isFinite(expiresIn))
        throw new ZaloRefused(
          `gia hạn mã truy cập Zalo OA bị từ chối (refresh refused): ${String(answer.error_description ?? answer.message ?? JSON.stringify(answer)).slice(0, 200)}`,
          false,
        )
      const tokens = { accessToken, refreshToken: nextRefresh, expiresAt: now() + expiresIn * 1000 }
      // the old refresh token is spent: keep the new pair before using it
      await settings.tokens?.save(tokens)
      current = tokens
      return tokens
    })().finally(() => {
      renewing = undefined
    })
    return renewing
  }

  const validToken = async (): Promise<ZaloTokens> => {
    current ??= await settings.tokens?.load()
    if (current !== undefined && current.expiresAt - MARGIN_MS > now()) return current
    return renew()
  }

  const deliver = async (notification: Notification): Promise<{ messageId: string }> => {
    const which = `hồ sơ ${notification.dossierCode} (${notification.notificationId})`
    const template = settings.templates[notification.about]
    if (template === undefined)
      throw new ZaloRefused(
        `chưa đăng ký mẫu ZNS cho thông báo "${notification.about}" (no ZNS template) — ${which}`,
        true,
      )
    const phone = parseVietnamMobile(notification.recipient)
    if (Result.isFailure(phone)) throw new ZaloRefused(`tin ZNS cho ${which}: ${phone.failure.message}`, true)
    const appointment = text(notification.data, "appointmentAt")
    const body = JSON.stringify({
      phone: phone.success.international,
      template_id: template,
      template_data: {
        dossier_code: notification.dossierCode,
        procedure_name: text(notification.data, "procedureName"),
        appointment: appointment === "" ? "" : vietnamDateTime(appointment),
      },
      tracking_id: notification.notificationId,
    })
    const send = async (token: ZaloTokens) =>
      (await postOrFail(
        settings.znsUrl ?? ZALO_ZNS_URL,
        { method: "POST", headers: { "content-type": "application/json", access_token: token.accessToken }, body },
        timeout,
        `tin ZNS cho ${which}`,
      )) as { error?: unknown; message?: unknown; data?: { msg_id?: unknown } }
    const used = await validToken()
    let answer = await send(used)
    // another send may have renewed meanwhile: renew only when the refused token is still the current one
    if (TOKEN_ERRORS.has(Number(answer.error)))
      answer = await send(current !== undefined && current.accessToken !== used.accessToken ? current : await renew())
    const code = Number(answer.error)
    if (code !== 0)
      throw new ZaloRefused(
        `Zalo từ chối tin ZNS cho ${which}: ${String(answer.message)} (${code})`,
        !TOKEN_ERRORS.has(code),
        code,
      )
    const id = answer.data?.msg_id
    if (typeof id !== "string" && typeof id !== "number")
      throw new ZaloRefused(`Zalo không trả mã tin (msg_id) cho ${which}`, false)
    return { messageId: String(id) }
  }

  return {
    send: (notification) =>
      Effect.tryPromise({
        try: () => deliver(notification),
        catch: (cause) => new ExternalServiceFailed({ port: "Notifier", operation: "send.zalo", cause }),
      }),
  }
}
