// Citizen sign-in against a real OpenID provider (oidc-provider) started here on a loopback port: the whole code flow
// with PKCE, and the refusals that protect it — a tampered state, a replayed code, an ID token for another client
// (wrong audience), an expired ID token, a code issued to another client.
import { type EidIdentity, EidSignInRefused } from "@motcua/application"
import { Effect, Exit } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeOidcSignIn, type OidcSignInConfig } from "./oidc-sign-in.ts"
import { Browser, startTestProvider, type TestProvider } from "./testing.ts"

const REDIRECT = "http://127.0.0.1:1/api/v1/auth/eid/callback"
const OURS = { clientId: "motcua", clientSecret: "motcua-secret-0123456789", redirectUri: REDIRECT }
const OTHER = { clientId: "other-app", clientSecret: "other-secret-0123456789", redirectUri: REDIRECT }

let idp: TestProvider
beforeAll(async () => {
  idp = await startTestProvider({
    clients: [OURS, OTHER],
    citizens: {
      "sub-an": { personal_id: "022090001234", name: "Nguyễn Văn An", birthdate: "1990-03-15", identity_level: 2 },
    },
  })
  idp.signInNext("sub-an")
})
afterAll(() => idp?.close())

const adapter = (overrides: Partial<OidcSignInConfig> = {}) =>
  makeOidcSignIn({
    issuer: idp.issuer,
    clientId: OURS.clientId,
    clientSecret: OURS.clientSecret,
    redirectUri: REDIRECT,
    allowHttpLoopback: true,
    ...overrides,
  })

/** The citizen's round trip: our authorisation request, the provider's pages, back at our callback URL. */
async function roundTrip(signIn = adapter()) {
  const started = await Effect.runPromise(signIn.begin())
  const callback = await new Browser().visitUntil(started.url, REDIRECT)
  return { started, callback, kept: { state: started.state, nonce: started.nonce, codeVerifier: started.codeVerifier } }
}

const refusal = async (effect: Effect.Effect<EidIdentity, unknown>) => {
  const exit = await Effect.runPromiseExit(effect)
  if (Exit.isSuccess(exit)) throw new Error("expected a refusal, got a sign-in")
  const error = exit.cause.reasons.find((r) => r._tag === "Fail")?.error
  expect(error).toBeInstanceOf(EidSignInRefused)
  return (error as EidSignInRefused).reason
}

describe("e-ID sign-in over OpenID Connect", () => {
  it("asks with PKCE (S256), state and nonce, and maps the citizen's claims", async () => {
    const signIn = adapter()
    const { started, callback, kept } = await roundTrip(signIn)
    const asked = new URL(started.url)
    expect(asked.origin).toBe(idp.issuer)
    expect(asked.searchParams.get("code_challenge_method")).toBe("S256")
    expect(asked.searchParams.get("code_challenge")).not.toBe(started.codeVerifier)
    expect(asked.searchParams.get("state")).toBe(started.state)
    expect(asked.searchParams.get("nonce")).toBe(started.nonce)
    expect(asked.searchParams.get("client_id")).toBe("motcua")
    expect(new URL(callback).searchParams.get("code")).toBeTruthy()
    const identity = await Effect.runPromise(signIn.complete(callback, kept))
    expect(identity).toEqual({
      subject: "sub-an",
      personalId: "022090001234",
      fullName: "Nguyễn Văn An",
      birthDate: "1990-03-15",
      identityLevel: 2,
    })
  })

  it("refuses a tampered state", async () => {
    const { callback, kept } = await roundTrip()
    const tampered = new URL(callback)
    tampered.searchParams.set("state", `${kept.state}x`)
    expect(await refusal(adapter().complete(tampered.href, kept))).toMatch(/state/)
    // and the state kept by another sign-in does not fit this callback either
    const other = await roundTrip()
    expect(await refusal(adapter().complete(callback, other.kept))).toMatch(/state/)
  })

  it("refuses a replayed code", async () => {
    const signIn = adapter()
    const { callback, kept } = await roundTrip(signIn)
    await Effect.runPromise(signIn.complete(callback, kept))
    expect(await refusal(signIn.complete(callback, kept))).toMatch(/invalid_grant/)
  })

  it("refuses a wrong PKCE verifier", async () => {
    const { callback, kept } = await roundTrip()
    expect(await refusal(adapter().complete(callback, { ...kept, codeVerifier: `${kept.codeVerifier}A` }))).toMatch(
      /invalid_grant/,
    )
  })

  it("refuses a code issued to another client", async () => {
    const { callback, kept } = await roundTrip(adapter({ clientId: OTHER.clientId, clientSecret: OTHER.clientSecret }))
    expect(await refusal(adapter().complete(callback, kept))).toMatch(/invalid_grant/)
  })

  it("refuses an ID token whose audience is another client", async () => {
    // the other client's own sign-in, whose token answer reaches our client: the provider issues a real ID token
    // for `other-app` (the token request goes out with other-app's credentials), and our validation must refuse it
    const basic = (c: typeof OTHER) =>
      `Basic ${Buffer.from(`${encodeURIComponent(c.clientId)}:${encodeURIComponent(c.clientSecret)}`).toString("base64")}`
    const asOther: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers)
      if (String(input instanceof Request ? input.url : input).endsWith("/token"))
        headers.set("authorization", basic(OTHER))
      return fetch(input, { ...init, headers })
    }
    const { callback, kept } = await roundTrip(adapter({ clientId: OTHER.clientId, clientSecret: OTHER.clientSecret }))
    expect(await refusal(adapter({ fetch: asOther }).complete(callback, kept))).toMatch(/aud/)
  })

  it("refuses an expired ID token", async () => {
    // checked as if two hours later than it was issued (the provider's ID tokens last one hour)
    const { callback, kept } = await roundTrip()
    expect(await refusal(adapter({ clockSkewSeconds: 7200 }).complete(callback, kept))).toMatch(/exp|timestamp/i)
  })

  it("refuses plain http to a provider that is not on this machine", () => {
    expect(() => adapter({ issuer: "http://vneid.example/" })).toThrow(/https/)
  })
})
