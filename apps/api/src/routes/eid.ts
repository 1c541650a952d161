// Citizens sign in with the national e-ID (VNeID) through its OpenID provider (adapters/identity-oidc):
// GET /api/v1/auth/eid/start sends the browser to the provider with a fresh state, nonce and PKCE challenge, kept in a
// short-lived HttpOnly cookie scoped to these two paths; GET /api/v1/auth/eid/callback checks the state against the
// cookie, has the code exchanged and the ID token validated, opens a session like an officer's (the same cookies and
// CSRF token) and sends the browser back to the page it came from. Any failure is 401 with the reason — or, for a
// browser (which asks for HTML) when the server serves the web pages, a redirect to the pages' own account of it
// (`/dang-nhap/that-bai?ly-do=…`, Vietnamese first, with the way back to sign in): eidFailureRedirect.
import {
  CitizenSignIn,
  DEFAULT_SESSION_MS,
  type EidAuthorization,
  EidSignInRefused,
  ExternalServiceFailed,
  signInCitizen,
} from "@motcua/application"
import { Effect, Result, Schema } from "effect"
import { sessionCookies } from "../auth.ts"
import type { ApiDeps } from "../deps.ts"
import { defineOperation } from "../operation.ts"
import { ApiProblem } from "../problem.ts"
import { runUseCase } from "./run.ts"

const operation = defineOperation<ApiDeps>()

export const EID_COOKIE = "motcua_eid"
const EID_PATH = "/api/v1/auth/eid"
const FLOW_SECONDS = 600

/** Where to go back after signing in: a path of this site only (`/ho-so/…`), never another origin. */
const ReturnTo = Schema.String.check(Schema.isMaxLength(500), Schema.isPattern(/^\/(?![/\\])[\w\-./~%?=&#]*$/u))

interface KeptFlow {
  readonly state: string
  readonly nonce: string
  readonly codeVerifier: string
  readonly returnTo: string
}

const flowCookie = (value: string, maxAge: number, secure: boolean) =>
  [
    `${EID_COOKIE}=${value}`,
    `Path=${EID_PATH}`,
    `Max-Age=${maxAge}`,
    "SameSite=Lax",
    "HttpOnly",
    ...(secure ? ["Secure"] : []),
  ].join("; ")

const encodeFlow = (flow: KeptFlow) => Buffer.from(JSON.stringify(flow)).toString("base64url")

function decodeFlow(cookieHeader: string | undefined): KeptFlow | undefined {
  const raw = cookieHeader
    ?.split(";")
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${EID_COOKIE}=`))
    ?.slice(EID_COOKIE.length + 1)
  if (raw === undefined || raw === "" || raw.length > 2000) return undefined
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Record<string, unknown>
    const text = (k: string) => (typeof parsed[k] === "string" ? (parsed[k] as string) : undefined)
    const [state, nonce, codeVerifier, returnTo] = [
      text("state"),
      text("nonce"),
      text("codeVerifier"),
      text("returnTo"),
    ]
    if (state === undefined || nonce === undefined || codeVerifier === undefined || returnTo === undefined)
      return undefined
    return { state, nonce, codeVerifier, returnTo: Schema.is(ReturnTo)(returnTo) ? returnTo : "/" }
  } catch {
    return undefined
  }
}

const redirect = (location: string, cookies: ReadonlyArray<string>) => {
  const headers = new Headers({ location, "cache-control": "no-store" })
  for (const c of cookies) headers.append("set-cookie", c)
  return new Response(null, { status: 302, headers })
}

/** The callback's path: a failure there is shown to a browser as a page (eidFailureRedirect). */
export const EID_CALLBACK_PATH = `${EID_PATH}/callback`

/** The web page that tells a citizen why the e-ID sign-in failed (apps/web: pages/sign-in-failed.tsx). */
export const EID_FAILURE_PAGE = "/dang-nhap/that-bai"

/**
 * Why an e-ID sign-in failed, as the page shows it: the sign-in was not in progress any more (no flow cookie: too
 * slow, or another tab), the citizen cancelled at the provider (it answered with `error`), the identity's level is too
 * low, the provider or the setting is unavailable, or the answer was refused (a tampered state, a replayed code, a
 * token that does not check). Only this word goes into the page's address: never a text of the request's.
 */
export type EidFailure = "expired" | "cancelled" | "level" | "unavailable" | "refused"

export function eidFailure(error: unknown, providerError: string | undefined): EidFailure {
  if (error instanceof ApiProblem) return error.kind === "unavailable" ? "unavailable" : "expired"
  if (error instanceof ExternalServiceFailed) return "unavailable"
  if (error instanceof EidSignInRefused && error.levelTooLow === true) return "level"
  if (providerError !== undefined && providerError !== "") return "cancelled"
  return "refused"
}

/** A browser's failed callback: to the pages' account of it (303), the flow's cookie cleared. */
export function eidFailureRedirect(failure: EidFailure, secure: boolean): Response {
  const headers = new Headers({ location: `${EID_FAILURE_PAGE}?ly-do=${failure}`, "cache-control": "no-store" })
  headers.append("set-cookie", flowCookie("", 0, secure))
  return new Response(null, { status: 303, headers })
}

const SignInOptions = Schema.Struct({
  eid: Schema.Boolean.annotate({ description: "Đăng nhập bằng VNeID đã được cấu hình (e-ID sign-in is configured)" }),
  citizenTokens: Schema.Boolean.annotate({
    description: "Nhận mã đăng nhập thử nghiệm của công dân (development tokens are accepted: demos only)",
  }),
}).annotate({ identifier: "SignInOptions" })

export const eidOperations = [
  operation({
    method: "get",
    path: "/api/v1/auth/options",
    operationId: "signInOptions",
    tag: "accounts",
    summary: "Các cách công dân đăng nhập được (công khai)",
    description:
      "How citizens may sign in on this server: with the national e-ID (MOTCUA_EID_*), and whether development " +
      "tokens are accepted (MOTCUA_DEMO_CITIZENS=1). The sign-in page offers only these.",
    response: { status: 200, description: "Các cách đăng nhập", schema: SignInOptions },
    problems: [],
    handle: (_input, deps) =>
      Result.succeed({ eid: deps.eid !== undefined, citizenTokens: deps.runtime?.citizenTokens ?? false }),
  }),
  operation({
    method: "get",
    path: "/api/v1/auth/eid/start",
    operationId: "startEidSignIn",
    tag: "accounts",
    summary: "Công dân đăng nhập bằng tài khoản định danh điện tử (VNeID)",
    description:
      "Redirects (302) the browser to the national e-ID's OpenID provider: authorization code flow with PKCE (S256), " +
      "a fresh state and nonce kept in a 10-minute HttpOnly cookie. `returnTo` is the page of this site to come back " +
      "to. 503 when e-ID sign-in is not configured (MOTCUA_EID_ISSUER).",
    query: Schema.Struct({ returnTo: Schema.optionalKey(ReturnTo) }),
    response: { status: 200, description: "Chuyển hướng (302) tới trang đăng nhập VNeID", mediaType: "text/html" },
    problems: ["unavailable"],
    handle: async ({ query }, deps) => {
      const started = await runUseCase(
        deps,
        CitizenSignIn.use((eid) => eid.begin()),
      )
      return Result.map(started, (s: EidAuthorization) =>
        redirect(s.url, [
          flowCookie(
            encodeFlow({
              state: s.state,
              nonce: s.nonce,
              codeVerifier: s.codeVerifier,
              returnTo: query.returnTo ?? "/",
            }),
            FLOW_SECONDS,
            deps.secureCookies,
          ),
        ]),
      )
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/auth/eid/callback",
    operationId: "completeEidSignIn",
    tag: "accounts",
    summary: "VNeID trả người dùng về sau khi đăng nhập",
    description:
      "The provider's redirect back. The state must match the cookie set by /start; the code is exchanged with the " +
      "PKCE verifier and the ID token validated (issuer, audience, expiry, nonce, signature). A citizen of the " +
      "required identification level (MOTCUA_EID_MIN_LEVEL, 2 by default) gets a session like an officer's (HttpOnly " +
      "session cookie and the CSRF cookie) and is redirected (302) to `returnTo`. A tampered state, a replayed code, " +
      "a token for another audience or an expired one: 401 with the reason — except to a browser (`Accept: text/html`) " +
      "when the server serves the web pages: it is sent (303) to the page `/dang-nhap/that-bai?ly-do=<why>` (why: " +
      "`expired`, `cancelled`, `level`, `unavailable` or `refused`), which says what went wrong and leads back to " +
      "sign in.",
    query: Schema.Struct({
      code: Schema.optionalKey(Schema.String.check(Schema.isMaxLength(2000))),
      state: Schema.optionalKey(Schema.String.check(Schema.isMaxLength(500))),
      error: Schema.optionalKey(Schema.String.check(Schema.isMaxLength(200))),
      error_description: Schema.optionalKey(Schema.String.check(Schema.isMaxLength(1000))),
      iss: Schema.optionalKey(Schema.String.check(Schema.isMaxLength(500))),
    }),
    response: { status: 200, description: "Chuyển hướng (302) về trang đã mở, đã đăng nhập", mediaType: "text/html" },
    problems: ["unauthenticated", "unavailable"],
    handle: async ({ query, header }, deps) => {
      const flow = decodeFlow(header("cookie"))
      const clear = flowCookie("", 0, deps.secureCookies)
      if (flow === undefined)
        return Result.fail(
          new ApiProblem({
            kind: "unauthenticated",
            detail: "Phiên đăng nhập VNeID không còn (no sign-in in progress: start again at /api/v1/auth/eid/start).",
          }),
        )
      if (deps.eid === undefined)
        return Result.fail(new ApiProblem({ kind: "unavailable", detail: "Đăng nhập VNeID chưa được cấu hình." }))
      const callback = new URL(deps.eid.redirectUri)
      for (const [k, v] of Object.entries(query)) if (typeof v === "string") callback.searchParams.set(k, v)
      const rules = { minimumLevel: deps.eid.minimumLevel }
      const signedIn = await runUseCase(
        deps,
        Effect.gen(function* () {
          const eid = yield* CitizenSignIn
          const identity = yield* eid.complete(callback.href, flow)
          return yield* signInCitizen(identity, rules)
        }),
      )
      if (Result.isFailure(signedIn)) return signedIn
      const s = signedIn.success
      return Result.succeed(
        redirect(flow.returnTo, [
          clear,
          ...sessionCookies(s.token, s.csrfToken, DEFAULT_SESSION_MS / 1000, { secure: deps.secureCookies }),
        ]),
      )
    },
  }),
]
