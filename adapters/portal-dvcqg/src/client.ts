// The transport of the national portal's API (dvcqg-contract.md, "Transport"):
// - authentication: a POST of the deployment's credentials returns a token (`session`); it is kept and shared by
//   every call (concurrent calls wait for one sign-in), renewed when its lifetime runs out or on the first "session
//   invalid" answer (HTTP 401, or a refusal whose message speaks of the session), never per call;
// - every call a POST with `Content-Type: application/json`, `Charset: utf-8` and the `dstcode` header, in the
//   envelope style (`{ session, madonvi, service, isUpdating, data }` to one endpoint) or the bare style (a local
//   gateway: `<servicePath>/<service>?madonvi=…&isUpdating=…`, the token as a bearer, the bare array as the body);
// - a timeout on every call (sign-in and downloads included): the whole exchange, from connecting to the last byte
//   of the answer, within `timeoutMs`.
// The calls go through node:http (node:https for an https base URL) with a keep-alive agent per client, and a plain
// timer per call: fetch's machinery (web streams, a Request and Response per call, the AbortSignal.timeout and its
// DOMException) was the relay's largest cost per row after SQLite (docs/performance.md, "Relay to the national
// portal").
// Answers are untrusted input: anything but a JSON object with an `error_code` (string or number) is a
// PortalUnavailable naming what was wrong and the start of the body (an HTML error page from a proxy, truncated
// JSON, wrong types), never a crash and never taken for a success.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http"
import { Agent as HttpsAgent, request as httpsRequest } from "node:https"
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
  const agents = keepAliveAgents()
  let token: { readonly value: string; readonly until: number } | undefined
  let signingIn: Promise<string> | undefined
  let signIns = 0

  /** A POST with the timeout; network failures and timeouts become PortalUnavailable. */
  const post = async (url: string, body: unknown, extra: Record<string, string> = {}) => {
    const payload = Buffer.from(JSON.stringify(body), "utf8")
    try {
      const got = await exchange(agents, url, "POST", { ...headers, ...extra }, payload, timeoutMs)
      return { status: got.status, contentType: got.contentType, text: got.bytes.toString("utf8") }
    } catch (error) {
      if (!(error instanceof ExchangeFailed)) throw error
      throw new PortalUnavailable(
        error.kind === "timeout"
          ? `Cổng DVCQG không trả lời trong ${timeoutMs} ms (no answer within ${timeoutMs} ms)`
          : error.kind === "cut-short"
            ? `câu trả lời của Cổng DVCQG bị cắt ngang (answer cut short): ${error.message}`
            : `không kết nối được Cổng DVCQG (portal unreachable): ${error.message}`,
        error.status,
      )
    }
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
      let got: Exchange
      try {
        got = await exchange(
          agents,
          absolute,
          "GET",
          { authorization: `Bearer ${session}`, dstcode: settings.dstcode },
          undefined,
          timeoutMs,
        )
      } catch (error) {
        if (!(error instanceof ExchangeFailed)) throw error
        throw new PortalUnavailable(
          error.kind === "cut-short"
            ? `tệp tải từ Cổng DVCQG bị cắt ngang (download cut short): ${error.message}`
            : error.kind === "timeout"
              ? `không tải được tệp từ Cổng DVCQG trong ${timeoutMs} ms (download failed: no answer within ${timeoutMs} ms)`
              : `không tải được tệp từ Cổng DVCQG (download failed): ${error.message}`,
          error.status,
        )
      }
      if (got.status < 200 || got.status > 299)
        throw new PortalUnavailable(`tải tệp từ Cổng DVCQG: HTTP ${got.status} (download failed)`, got.status)
      const bytes = new Uint8Array(got.bytes.buffer, got.bytes.byteOffset, got.bytes.byteLength)
      const mediaType = got.contentType.split(";")[0]?.trim()
      return { bytes, mediaType: mediaType === "" ? undefined : mediaType }
    },
  }
}

/** How long an idle connection is kept for the next call (less when the server's Keep-Alive header says less). */
const IDLE_CONNECTION_MS = 4_000

interface Agents {
  readonly http: HttpAgent
  readonly https: HttpsAgent
}

/**
 * One client's connections, kept open between calls (the portal is called for every row the relay delivers). An
 * idle connection is closed after IDLE_CONNECTION_MS, or a second before the server's own keep-alive timeout when it
 * announces one (node's agent reads the Keep-Alive header), so that a call seldom meets one the server has closed;
 * idle connections do not keep the process alive.
 */
const keepAliveAgents = (): Agents => ({
  http: new HttpAgent({ keepAlive: true, timeout: IDLE_CONNECTION_MS }),
  https: new HttpsAgent({ keepAlive: true, timeout: IDLE_CONNECTION_MS }),
})

/** A whole HTTP exchange: the answer's status, content type and bytes. */
interface Exchange {
  readonly status: number
  readonly contentType: string
  readonly bytes: Buffer
}

/**
 * Why an exchange failed: no answer within the time ("timeout"), no answer at all ("unreachable": refused, reset,
 * closed before the status line), or an answer whose body broke off ("cut-short", with its HTTP status).
 */
class ExchangeFailed extends Error {
  readonly kind: "timeout" | "unreachable" | "cut-short"
  readonly status: number | undefined
  constructor(kind: "timeout" | "unreachable" | "cut-short", message: string, status?: number) {
    super(message)
    this.name = "ExchangeFailed"
    this.kind = kind
    this.status = status
  }
}

/**
 * One request and its whole answer within `timeoutMs` (connecting, sending, the status line and every byte of the
 * body): past it the request is destroyed and the exchange fails with "timeout". A plain timer per call — node keeps
 * the timers of one duration in one list, so starting and clearing one costs little.
 */
function exchange(
  agents: Agents,
  url: string,
  method: "GET" | "POST",
  headers: Readonly<Record<string, string>>,
  body: Buffer | undefined,
  timeoutMs: number,
): Promise<Exchange> {
  return new Promise<Exchange>((resolve, reject) => {
    let target: URL
    try {
      target = new URL(url)
    } catch {
      reject(new ExchangeFailed("unreachable", `không phải địa chỉ URL (not a URL): ${url}`))
      return
    }
    const secure = target.protocol === "https:"
    if (!secure && target.protocol !== "http:") {
      reject(new ExchangeFailed("unreachable", `giao thức không hỗ trợ (unsupported protocol): ${target.protocol}`))
      return
    }
    let settled = false
    let response: IncomingMessage | undefined
    const settle = (outcome: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      outcome()
    }
    const fail = (kind: "timeout" | "unreachable" | "cut-short", message: string) =>
      settle(() => {
        request.destroy()
        reject(new ExchangeFailed(kind, message, response?.statusCode))
      })
    const options = {
      method,
      agent: secure ? agents.https : agents.http,
      headers: body === undefined ? headers : { ...headers, "content-length": String(body.length) },
    }
    const request = (secure ? httpsRequest : httpRequest)(target, options, (answer) => {
      response = answer
      const chunks: Buffer[] = []
      answer.on("data", (chunk: Buffer) => chunks.push(chunk))
      answer.on("end", () =>
        settle(() =>
          resolve({
            status: answer.statusCode ?? 0,
            contentType: String(answer.headers["content-type"] ?? ""),
            bytes: Buffer.concat(chunks),
          }),
        ),
      )
      answer.on("error", (error) => fail("cut-short", error.message))
      answer.on("aborted", () => fail("cut-short", "the connection closed before the end of the answer"))
    })
    const timer = setTimeout(() => fail("timeout", `no answer within ${timeoutMs} ms`), timeoutMs)
    request.on("error", (error) => fail(response === undefined ? "unreachable" : "cut-short", error.message))
    request.end(body)
  })
}
