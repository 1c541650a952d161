// The transport of the national portal's API (dvcqg-contract.md, "Transport"):
// - authentication: a POST of the deployment's credentials returns a token (`session`); it is kept and shared by
//   every call (concurrent calls wait for one sign-in), renewed when its lifetime runs out or on the first "session
//   invalid" answer (HTTP 401, or a refusal whose message speaks of the session), never per call;
// - every call a POST with `Content-Type: application/json`, `Charset: utf-8` and the `dstcode` header, in the
//   envelope style (`{ session, madonvi, service, isUpdating, data }` to one endpoint) or the bare style (a local
//   gateway: `<servicePath>/<service>?madonvi=…&isUpdating=…`, the token as a bearer, the bare array as the body);
// - a timeout on every call (sign-in included).
// Answers are untrusted input: anything but a JSON object with an `error_code` (string or number) is a
// PortalUnavailable naming what was wrong and the start of the body (an HTML error page from a proxy, truncated
// JSON, wrong types), never a crash and never taken for a success.
import { Schema } from "effect"

export interface DvcqgSettings {
  /** The portal's (or the local gateway's) base URL, e.g. https://api.dichvucong.gov.vn */
  readonly baseUrl: string
  /** Path of the authentication endpoint ("/auth" by default). */
  readonly authPath?: string
  /** Path of the integration endpoint ("/api" by default). */
  readonly servicePath?: string
  readonly username: string
  readonly password: string
  /** The province's unit code (madonvi). */
  readonly unitCode: string
  /** The destination code given to the province (dstcode header). */
  readonly dstcode: string
  /** "envelope" (default) or "bare" (a local gateway taking the bare array, see above). */
  readonly style?: "envelope" | "bare"
  /** Milliseconds before any call is abandoned (10 000 by default). */
  readonly timeoutMs?: number
  /** How long a token is used before it is renewed, when the sign-in answer gives no `expires_in` (50 min). */
  readonly tokenTtlMs?: number
  /** A refusal whose message matches this is a "session invalid" answer (renew and send again once). */
  readonly sessionInvalid?: RegExp
}

/** The portal could not be reached or answered something that is not an answer: worth trying again later. */
export class PortalUnavailable extends Error {
  readonly permanent = false
  readonly status: number | undefined
  constructor(message: string, status?: number) {
    super(message)
    this.name = "PortalUnavailable"
    this.status = status
  }
}

/** An answer of the portal: `error_code` "0" is success (codes travel as strings; numbers are accepted). */
export interface PortalAnswer {
  readonly code: string
  readonly message: string
  readonly data: unknown
  readonly httpStatus: number
}

const Answer = Schema.Struct({
  error_code: Schema.Union([Schema.String, Schema.Number]),
  message: Schema.optionalKey(Schema.NullOr(Schema.String)),
  data: Schema.optionalKey(Schema.Unknown),
})
const SignIn = Schema.Struct({
  session: Schema.String.check(Schema.isMinLength(1)),
  expires_in: Schema.optionalKey(Schema.Number.check(Schema.isGreaterThan(0))),
  error_code: Schema.optionalKey(Schema.Union([Schema.String, Schema.Number])),
  message: Schema.optionalKey(Schema.NullOr(Schema.String)),
})
const decodeAnswer = Schema.decodeUnknownResult(Answer)
const decodeSignIn = Schema.decodeUnknownResult(SignIn)

const DEFAULT_SESSION_INVALID = /session|phiên làm việc|phiên đăng nhập|token/iu
const excerpt = (body: string) => {
  const flat = body.replace(/\s+/gu, " ").trim()
  return flat.length > 160 ? `${flat.slice(0, 160)}…` : flat
}

export interface PortalClient {
  /** Calls a service; the answer whatever its code (the caller decides what a refusal means). */
  readonly call: (
    service: string,
    data: ReadonlyArray<unknown>,
    options?: { readonly isUpdating?: boolean },
  ) => Promise<PortalAnswer>
  /** GET of a file the portal links to (inbound attachments), with the token. */
  readonly download: (url: string) => Promise<{ readonly bytes: Uint8Array; readonly mediaType: string | undefined }>
  /** How many times the client signed in (tests: the token is kept, not fetched per call). */
  readonly signIns: () => number
}

export function portalClient(settings: DvcqgSettings): PortalClient {
  const base = settings.baseUrl.replace(/\/+$/u, "")
  const timeoutMs = settings.timeoutMs ?? 10_000
  const sessionInvalid = settings.sessionInvalid ?? DEFAULT_SESSION_INVALID
  const headers = { "content-type": "application/json", charset: "utf-8", dstcode: settings.dstcode }
  let token: { readonly value: string; readonly until: number } | undefined
  let signingIn: Promise<string> | undefined
  let signIns = 0

  /** A POST with the timeout; network failures and timeouts become PortalUnavailable. */
  const post = async (url: string, body: unknown, extra: Record<string, string> = {}) => {
    let response: Response
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { ...headers, ...extra },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")
      throw new PortalUnavailable(
        timedOut
          ? `Cổng DVCQG không trả lời trong ${timeoutMs} ms (no answer within ${timeoutMs} ms)`
          : `không kết nối được Cổng DVCQG (portal unreachable): ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`,
      )
    }
    let text: string
    try {
      text = await response.text()
    } catch (error) {
      throw new PortalUnavailable(
        `câu trả lời của Cổng DVCQG bị cắt ngang (answer cut short): ${error instanceof Error ? error.message : String(error)}`,
        response.status,
      )
    }
    return { status: response.status, contentType: response.headers.get("content-type") ?? "", text }
  }

  const parse = (what: string, got: { status: number; contentType: string; text: string }): unknown => {
    try {
      return JSON.parse(got.text) as unknown
    } catch {
      throw new PortalUnavailable(
        `Cổng DVCQG trả lời ${what} không phải JSON (not JSON; HTTP ${got.status}, ${got.contentType || "no content type"}): ${excerpt(got.text)}`,
        got.status,
      )
    }
  }

  const signIn = async (): Promise<string> => {
    signIns++
    const got = await post(`${base}${settings.authPath ?? "/auth"}`, {
      username: settings.username,
      password: settings.password,
    })
    if (got.status >= 500)
      throw new PortalUnavailable(
        `đăng nhập Cổng DVCQG: HTTP ${got.status} (sign-in failed): ${excerpt(got.text)}`,
        got.status,
      )
    const body = parse("khi đăng nhập (to the sign-in)", got)
    const decoded = decodeSignIn(body)
    if (decoded._tag === "Failure")
      throw new PortalUnavailable(
        `Cổng DVCQG từ chối đăng nhập hoặc trả lời sai định dạng (sign-in refused or malformed, HTTP ${got.status}): ${excerpt(got.text)}`,
        got.status,
      )
    const ttl =
      decoded.success.expires_in === undefined
        ? (settings.tokenTtlMs ?? 50 * 60_000)
        : decoded.success.expires_in * 1000
    // renewed a little before the portal forgets it
    token = { value: decoded.success.session, until: Date.now() + Math.max(1_000, ttl - 30_000) }
    return token.value
  }

  const currentToken = async (): Promise<string> => {
    if (token !== undefined && token.until > Date.now()) return token.value
    signingIn ??= signIn().finally(() => {
      signingIn = undefined
    })
    return signingIn
  }

  const send = async (session: string, service: string, data: ReadonlyArray<unknown>, isUpdating?: boolean) => {
    const bare = settings.style === "bare"
    const path = settings.servicePath ?? "/api"
    if (bare) {
      const query = new URLSearchParams({ madonvi: settings.unitCode })
      if (isUpdating !== undefined) query.set("isUpdating", isUpdating ? "True" : "False")
      return post(`${base}${path}/${encodeURIComponent(service)}?${query}`, data, {
        authorization: `Bearer ${session}`,
      })
    }
    return post(`${base}${path}`, {
      session,
      madonvi: settings.unitCode,
      service,
      ...(isUpdating === undefined ? {} : { isUpdating: isUpdating ? "True" : "False" }),
      data,
    })
  }

  const answerOf = (service: string, got: { status: number; contentType: string; text: string }): PortalAnswer => {
    if (got.status >= 500)
      throw new PortalUnavailable(
        `Cổng DVCQG lỗi máy chủ HTTP ${got.status} cho ${service} (server error): ${excerpt(got.text)}`,
        got.status,
      )
    const body = parse(`cho ${service}`, got)
    const decoded = decodeAnswer(body)
    if (decoded._tag === "Failure")
      throw new PortalUnavailable(
        `Cổng DVCQG trả lời ${service} sai định dạng (malformed answer, HTTP ${got.status}): ${String(decoded.failure.message).split("\n")[0]} — ${excerpt(got.text)}`,
        got.status,
      )
    return {
      code: String(decoded.success.error_code).trim(),
      message: decoded.success.message ?? "",
      data: decoded.success.data,
      httpStatus: got.status,
    }
  }

  const isSessionRefusal = (got: { status: number; text: string }, answer: PortalAnswer | undefined) =>
    got.status === 401 || (answer !== undefined && answer.code !== "0" && sessionInvalid.test(answer.message))

  return {
    signIns: () => signIns,
    call: async (service, data, options = {}) => {
      let session = await currentToken()
      let got = await send(session, service, data, options.isUpdating)
      let answer = got.status === 401 ? undefined : answerOf(service, got)
      if (isSessionRefusal(got, answer)) {
        // renew once (unless a concurrent call already did) and send again
        if (token?.value === session) token = undefined
        session = await currentToken()
        got = await send(session, service, data, options.isUpdating)
        if (got.status === 401)
          throw new PortalUnavailable(
            `Cổng DVCQG vẫn từ chối phiên sau khi đăng nhập lại (session refused after renewal)`,
            401,
          )
        answer = answerOf(service, got)
        if (isSessionRefusal(got, answer))
          throw new PortalUnavailable(
            `Cổng DVCQG vẫn từ chối phiên sau khi đăng nhập lại (session refused after renewal): ${answer.message}`,
            got.status,
          )
      }
      if (answer === undefined) throw new PortalUnavailable(`Cổng DVCQG: HTTP ${got.status}`, got.status)
      return answer
    },
    download: async (url) => {
      const session = await currentToken()
      const absolute = /^https?:\/\//u.test(url) ? url : `${base}${url.startsWith("/") ? "" : "/"}${url}`
      let response: Response
      try {
        response = await fetch(absolute, {
          headers: { authorization: `Bearer ${session}`, dstcode: settings.dstcode },
          signal: AbortSignal.timeout(timeoutMs),
        })
      } catch (error) {
        throw new PortalUnavailable(
          `không tải được tệp từ Cổng DVCQG (download failed): ${error instanceof Error ? error.message : String(error)}`,
        )
      }
      if (!response.ok)
        throw new PortalUnavailable(`tải tệp từ Cổng DVCQG: HTTP ${response.status} (download failed)`, response.status)
      let bytes: Uint8Array
      try {
        bytes = new Uint8Array(await response.arrayBuffer())
      } catch (error) {
        throw new PortalUnavailable(`tệp tải từ Cổng DVCQG bị cắt ngang (download cut short): ${String(error)}`)
      }
      const mediaType = response.headers.get("content-type")?.split(";")[0]?.trim()
      return { bytes, mediaType: mediaType === "" ? undefined : mediaType }
    },
  }
}
