// Officers sign in with a local account: the answer sets the HttpOnly session cookie and gives the CSRF token
// (also in the readable `motcua_csrf` cookie) that unsafe requests must echo in `x-csrf-token`. See auth.ts.
import { DEFAULT_SESSION_MS, signIn, signOut, Unauthenticated } from "@motcua/application"
import { Effect, Result, Schema } from "effect"
import { clearedCookies, sessionCookies } from "../auth.ts"
import type { ApiDeps } from "../deps.ts"
import { defineOperation } from "../operation.ts"
import { tooManySignIns } from "../sign-in-throttle.ts"
import { runUseCase } from "./run.ts"

const operation = defineOperation<ApiDeps>()

const Text = (max: number) => Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(max))

export const SignInBody = Schema.Struct({
  username: Text(100).annotate({ description: "Tên đăng nhập" }),
  password: Text(1000).annotate({ description: "Mật khẩu" }),
}).annotate({ identifier: "SignIn" })

const PrincipalDocument = Schema.Struct({
  id: Schema.String,
  name: Schema.optionalKey(Schema.String),
  roles: Schema.Array(Schema.String),
  scope: Schema.Record(Schema.String, Schema.Unknown),
}).annotate({ identifier: "Principal", description: "Tài khoản đang đăng nhập, vai trò và phạm vi" })

const Session = Schema.Struct({
  principal: PrincipalDocument,
  csrfToken: Schema.String.annotate({ description: "Gửi lại trong tiêu đề x-csrf-token với POST (CSRF token)" }),
  expiresAt: Schema.String,
}).annotate({ identifier: "Session" })

const json = (body: unknown, status: number, cookies: ReadonlyArray<string>) => {
  const headers = new Headers({ "content-type": "application/json" })
  for (const c of cookies) headers.append("set-cookie", c)
  return new Response(JSON.stringify(body), { status, headers })
}

export const accountOperations = [
  operation({
    method: "post",
    path: "/api/v1/session",
    operationId: "signIn",
    tag: "accounts",
    summary: "Cán bộ đăng nhập bằng tài khoản nội bộ",
    description:
      "An officer signs in with a local account. Sets the HttpOnly session cookie (SameSite=Lax) and returns the " +
      "CSRF token to send as `x-csrf-token` on every unsafe request authenticated by that cookie. After 5 failed " +
      "sign-ins of a username (or 20 from one address), further attempts are refused for 15 minutes: 429 with " +
      "Retry-After.",
    body: SignInBody,
    response: { status: 200, description: "Đã đăng nhập", schema: Session },
    problems: ["unauthenticated", "too-many-requests", "payload-too-large", "unsupported-media-type"],
    handle: async ({ body, clientAddress }, deps) => {
      const throttle = deps.signInThrottle
      const now = deps.now().getTime()
      // counted as a failure before the (slow) password check, so parallel guesses cannot all pass; locked: refused
      // before the password is even checked
      const wait = await throttle?.admit(body.username, clientAddress, now)
      if (wait !== undefined) return Result.succeed(tooManySignIns(wait, "/api/v1/session"))
      const signedIn = await runUseCase(deps, signIn(body))
      const settled = deps.now().getTime()
      if (Result.isSuccess(signedIn)) await throttle?.succeeded(body.username, clientAddress, settled)
      else if (!(signedIn.failure instanceof Unauthenticated))
        await throttle?.released(body.username, clientAddress, settled)
      return Result.map(signedIn, (s) =>
        json({ principal: s.principal, csrfToken: s.csrfToken, expiresAt: s.expiresAt }, 200, [
          ...sessionCookies(s.token, s.csrfToken, DEFAULT_SESSION_MS / 1000, { secure: deps.secureCookies }),
        ]),
      )
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/session",
    operationId: "currentPrincipal",
    tag: "accounts",
    summary: "Tài khoản đang gọi API",
    description: "Who the caller is: the principal of the session, API key or identity token.",
    auth: "required",
    response: { status: 200, description: "Tài khoản", schema: PrincipalDocument },
    problems: ["unauthenticated"],
    handle: ({ principal }) => Result.succeed(principal),
  }),
  operation({
    method: "post",
    path: "/api/v1/session/sign-out",
    operationId: "signOut",
    tag: "accounts",
    summary: "Đăng xuất",
    description: "Ends the session of the cookie and clears the cookies.",
    auth: "required",
    response: { status: 200, description: "Đã đăng xuất", schema: Schema.Struct({ signedOut: Schema.Boolean }) },
    problems: ["unauthenticated", "forbidden"],
    handle: async ({ sessionToken }, deps) => {
      const ended = await runUseCase(deps, sessionToken === undefined ? Effect.void : signOut(sessionToken))
      return Result.map(ended, () =>
        json({ signedOut: sessionToken !== undefined }, 200, clearedCookies({ secure: deps.secureCookies })),
      )
    },
  }),
]
