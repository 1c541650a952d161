// The CitizenSignIn port over OpenID Connect (openid-client): authorization code flow with PKCE (S256), a fresh state
// and nonce per sign-in, the code exchanged at the token endpoint and the ID token validated by openid-client
// (signature against the provider's JWKS, issuer, audience = our client id, expiry and issued-at with a small
// tolerance, nonce). The provider's metadata comes from its discovery document, fetched once and kept.
import {
  CitizenSignIn,
  type CitizenSignInShape,
  type EidIdentity,
  EidSignInRefused,
  ExternalServiceFailed,
} from "@motcua/application"
import { Effect, Layer } from "effect"
import * as client from "openid-client"

/** Which claims carry what (VNeID's claim names are the deployment's to set: they are agreed with the provider). */
export interface ClaimNames {
  readonly personalId: string
  readonly fullName: string
  readonly birthDate: string
  readonly identityLevel: string
}

export const DEFAULT_CLAIMS: ClaimNames = {
  personalId: "personal_id",
  fullName: "name",
  birthDate: "birthdate",
  identityLevel: "identity_level",
}

export interface OidcSignInConfig {
  /** The provider's issuer URL (its discovery document is at `<issuer>/.well-known/openid-configuration`). */
  readonly issuer: string
  readonly clientId: string
  /** A confidential client's secret (client_secret_basic); without it, a public client with PKCE only. */
  readonly clientSecret?: string
  /** Our callback, registered with the provider: `https://<host>/api/v1/auth/eid/callback`. */
  readonly redirectUri: string
  /** Scopes besides `openid`. */
  readonly scopes?: ReadonlyArray<string>
  readonly claims?: Partial<ClaimNames>
  /** Plain http to the provider: only for a provider on this machine (tests, demos); refused for any other host. */
  readonly allowHttpLoopback?: boolean
  /** Seconds to add to this machine's clock when checking token times (a known skew of the server's clock). */
  readonly clockSkewSeconds?: number
  /** The fetch to reach the provider with (an outbound proxy); the global fetch by default. */
  readonly fetch?: typeof fetch
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"])

const refused = (reason: string) => new EidSignInRefused({ reason })

/** Why openid-client refused, in words an operator can act on (the library's codes kept for the log). */
function reasonOf(error: unknown): string {
  if (error instanceof client.ResponseBodyError)
    return `nhà cung cấp từ chối: ${error.error}${error.error_description ? ` (${error.error_description})` : ""}`
  if (error instanceof client.AuthorizationResponseError)
    return `nhà cung cấp trả lỗi khi xác thực: ${error.error}${error.error_description ? ` (${error.error_description})` : ""}`
  const code = (error as { code?: unknown }).code
  // oauth4webapi names the claim that failed a little way down the cause chain
  let claim: unknown
  for (let e: unknown = error, depth = 0; e !== null && typeof e === "object" && depth < 4; depth++) {
    claim ??= (e as { claim?: unknown }).claim
    e = (e as { cause?: unknown }).cause
  }
  const message = `${error instanceof Error ? error.message : String(error)}${typeof claim === "string" ? ` (claim ${claim})` : ""}`
  return typeof code === "string" ? `${code}: ${message}` : message
}

/** A failure to reach the provider (network, 5xx, no discovery document) rather than a refusal. */
const unreachable = (error: unknown) =>
  error instanceof TypeError ||
  (error instanceof client.ClientError && /fetch|ECONNREFUSED|network/i.test(String(error.cause ?? error.message)))

const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined)

/** The CitizenSignIn port over the configured provider. Discovery happens at the first sign-in and is kept. */
export function makeOidcSignIn(config: OidcSignInConfig): CitizenSignInShape {
  const issuer = new URL(config.issuer)
  const insecure = issuer.protocol === "http:"
  if (insecure && !(config.allowHttpLoopback === true && LOOPBACK.has(issuer.hostname)))
    throw new Error(`identity-oidc: the issuer ${config.issuer} must use https (http only for a loopback provider)`)
  const claims: ClaimNames = { ...DEFAULT_CLAIMS, ...config.claims }
  const scope = ["openid", ...(config.scopes ?? ["profile"])].join(" ")
  // Node's fetch and openid-client's CustomFetch differ only in their declared body types (DOM lib or not)
  const customFetch = config.fetch as unknown as client.CustomFetch | undefined
  let discovered: Promise<client.Configuration> | undefined

  const configuration = () => {
    discovered ??= client
      .discovery(
        issuer,
        config.clientId,
        {
          redirect_uris: [config.redirectUri],
          response_types: ["code"],
          ...(config.clockSkewSeconds === undefined ? {} : { [client.clockSkew]: config.clockSkewSeconds }),
        },
        config.clientSecret === undefined ? client.None() : client.ClientSecretBasic(config.clientSecret),
        {
          ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
          ...(customFetch === undefined ? {} : { [client.customFetch]: customFetch }),
        },
      )
      .then((c) => {
        if (customFetch !== undefined) c[client.customFetch] = customFetch
        return c
      })
      .catch((error: unknown) => {
        discovered = undefined // try again at the next sign-in
        throw error
      })
    return discovered
  }

  const failedToReach = (operation: string) => (cause: unknown) =>
    new ExternalServiceFailed({ port: "CitizenSignIn", operation, cause })

  return {
    begin: () =>
      Effect.tryPromise({
        try: async () => {
          const c = await configuration()
          const codeVerifier = client.randomPKCECodeVerifier()
          const state = client.randomState()
          const nonce = client.randomNonce()
          const url = client.buildAuthorizationUrl(c, {
            redirect_uri: config.redirectUri,
            scope,
            code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
            code_challenge_method: "S256",
            state,
            nonce,
          })
          return { url: url.href, state, nonce, codeVerifier }
        },
        catch: failedToReach("begin"),
      }),

    complete: (callbackUrl, kept) =>
      Effect.gen(function* () {
        const c = yield* Effect.tryPromise({ try: configuration, catch: failedToReach("discovery") })
        const url = new URL(callbackUrl)
        // our own check first, so a tampered state never reaches the provider
        if (url.searchParams.get("state") !== kept.state)
          return yield* Effect.fail(refused("tham số state không khớp phiên đăng nhập (state mismatch)"))
        const tokens = yield* Effect.tryPromise({
          try: () =>
            client.authorizationCodeGrant(c, url, {
              pkceCodeVerifier: kept.codeVerifier,
              expectedState: kept.state,
              expectedNonce: kept.nonce,
              idTokenExpected: true,
            }),
          catch: (error) => (unreachable(error) ? failedToReach("token")(error) : refused(reasonOf(error))),
        })
        const idToken = tokens.claims()
        if (idToken === undefined) return yield* Effect.fail(refused("không có ID token (no ID token)"))
        // claims the ID token lacks are asked of the userinfo endpoint, for the same subject
        let all: Record<string, unknown> = { ...idToken }
        if (all[claims.personalId] === undefined && c.serverMetadata().userinfo_endpoint !== undefined) {
          const info = yield* Effect.tryPromise({
            try: () => client.fetchUserInfo(c, tokens.access_token, idToken.sub),
            catch: (error) => (unreachable(error) ? failedToReach("userinfo")(error) : refused(reasonOf(error))),
          })
          all = { ...info, ...all }
        }
        const personalId = text(all[claims.personalId])
        if (personalId === undefined)
          return yield* Effect.fail(refused(`thiếu số định danh cá nhân (claim ${claims.personalId})`))
        const level = Number(all[claims.identityLevel] ?? 0)
        const fullName = text(all[claims.fullName])
        const birthDate = text(all[claims.birthDate])
        const identity: EidIdentity = {
          subject: idToken.sub,
          personalId,
          ...(fullName === undefined ? {} : { fullName }),
          ...(birthDate === undefined ? {} : { birthDate }),
          identityLevel: Number.isInteger(level) && level >= 0 ? level : 0,
        }
        return identity
      }),
  }
}

/** The port as a layer. */
export const OidcSignIn = {
  layer: (config: OidcSignInConfig) => Layer.sync(CitizenSignIn, () => CitizenSignIn.of(makeOidcSignIn(config))),
}
