// Who is calling, at the HTTP edge. Three ways in, tried in this order:
// 1. `Authorization: Bearer mck_…` — an integration client's API key (AccountStore, hashed at rest);
// 2. `Authorization: Bearer <token>` — a citizen's token from the IdentityProvider port (the development provider
//    now; the national e-ID's OIDC adapter later);
// 3. the `motcua_session` cookie — an officer's session from signing in with a local account.
// CSRF: a request authenticated by the cookie with an unsafe method must carry the session's CSRF token in the
// `x-csrf-token` header (synchronizer token pattern: the token is random per session, stored with the session
// server-side, given at sign-in in the answer and in the readable `motcua_csrf` cookie, and compared in constant
// time). A cross-site form can send the cookie but cannot read or set the header. Header-authenticated requests
// carry no ambient credential, so they need no token. SameSite=Lax on the cookie is a second line, not the first.
import {
  API_KEY_PREFIX,
  IdentityProvider,
  type Principal,
  resolveApiKey,
  resolveSession,
  sameSecret,
  Unauthenticated,
} from "@motcua/application"
import { Result } from "effect"
import type { Context } from "hono"
import { getCookie } from "hono/cookie"
import { ApiProblem } from "./problem.ts"
import type { ApiRuntime } from "./runtime.ts"

export const SESSION_COOKIE = "motcua_session"
export const CSRF_COOKIE = "motcua_csrf"
export const CSRF_HEADER = "x-csrf-token"

export interface Authenticated {
  readonly principal: Principal
  readonly via: "api-key" | "identity-provider" | "session"
  readonly sessionToken?: string
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"])
/** A credential is short and plain: anything else is refused before any lookup. */
const USABLE_CREDENTIAL = /^[\w.~+/=-]{8,512}$/

const unauthenticated = (reason: string) => Result.fail(new Unauthenticated({ reason }))

/** Resolves the caller; fails with Unauthenticated (401) or, for a cookie without its CSRF token, ApiProblem 403. */
export async function authenticate(
  c: Context,
  runtime: ApiRuntime,
): Promise<Result.Result<Authenticated, Unauthenticated | ApiProblem | unknown>> {
  const header = c.req.header("authorization")
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
    const credential = match?.[1]
    if (credential === undefined || !USABLE_CREDENTIAL.test(credential))
      return unauthenticated("tiêu đề Authorization không hợp lệ (expected `Bearer <token>`)")
    if (credential.startsWith(API_KEY_PREFIX)) {
      const principal = await runtime.run(resolveApiKey(credential))
      return Result.map(principal, (p) => ({ principal: p, via: "api-key" as const }))
    }
    const principal = await runtime.run(IdentityProvider.use((idp) => idp.resolve(credential)))
    return Result.map(principal, (p) => ({ principal: p, via: "identity-provider" as const }))
  }
  const token = getCookie(c, SESSION_COOKIE)
  if (token === undefined || token === "") return unauthenticated("chưa đăng nhập (no credential)")
  if (!USABLE_CREDENTIAL.test(token)) return unauthenticated("phiên không hợp lệ (malformed session cookie)")
  const session = await runtime.run(resolveSession(token))
  if (Result.isFailure(session)) return Result.fail(session.failure)
  if (!SAFE_METHODS.has(c.req.method)) {
    const sent = c.req.header(CSRF_HEADER)
    if (sent === undefined || !sameSecret(sent, session.success.csrfToken))
      return Result.fail(
        new ApiProblem({
          kind: "forbidden",
          detail: `Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF): gửi tiêu đề ${CSRF_HEADER} nhận được khi đăng nhập.`,
          errors: [{ path: `headers.${CSRF_HEADER}`, message: "thiếu hoặc không khớp (missing or wrong CSRF token)" }],
        }),
      )
  }
  return Result.succeed({ principal: session.success.principal, via: "session", sessionToken: token })
}

export interface CookieOptions {
  readonly secure: boolean
}

const cookie = (
  name: string,
  value: string,
  options: CookieOptions & { readonly httpOnly: boolean; readonly maxAge: number },
) =>
  [
    `${name}=${value}`,
    "Path=/",
    `Max-Age=${Math.max(0, Math.floor(options.maxAge))}`,
    "SameSite=Lax",
    ...(options.httpOnly ? ["HttpOnly"] : []),
    ...(options.secure ? ["Secure"] : []),
  ].join("; ")

/** The two cookies of a new session: the HttpOnly session token and the readable CSRF token. */
export const sessionCookies = (token: string, csrfToken: string, maxAgeSeconds: number, options: CookieOptions) => [
  cookie(SESSION_COOKIE, token, { ...options, httpOnly: true, maxAge: maxAgeSeconds }),
  cookie(CSRF_COOKIE, csrfToken, { ...options, httpOnly: false, maxAge: maxAgeSeconds }),
]

/** Cookies that remove the session's. */
export const clearedCookies = (options: CookieOptions) => [
  cookie(SESSION_COOKIE, "", { ...options, httpOnly: true, maxAge: 0 }),
  cookie(CSRF_COOKIE, "", { ...options, httpOnly: false, maxAge: 0 }),
]
