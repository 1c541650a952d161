// A real OpenID provider for tests and demos (oidc-provider, the certified Node implementation) on a free loopback
// port, with a VNeID-like claim set: personal_id (12-digit CCCD number), name, birthdate, identity_level. The
// provider's login page is replaced by an automatic one: whoever the test names in `signInNext` "types" their
// credentials, and consent to the requested scopes is given; everything else (codes, PKCE, tokens, keys, userinfo)
// is the provider's own. `Browser` follows redirects with a cookie jar, as a browser would.
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import Provider, { type Configuration } from "oidc-provider"

export interface TestCitizen {
  readonly personal_id: string
  readonly name: string
  readonly birthdate?: string
  readonly identity_level: number
}

export interface TestClient {
  readonly clientId: string
  readonly clientSecret: string
  readonly redirectUri: string
}

export interface TestProvider {
  readonly issuer: string
  readonly provider: Provider
  /** The account the next visit to the provider's login page signs in (by its subject). */
  signInNext: (subject: string) => void
  readonly close: () => Promise<void>
}

export async function startTestProvider(options: {
  readonly citizens: Readonly<Record<string, TestCitizen>>
  readonly clients: ReadonlyArray<TestClient>
  /** ID token lifetime in seconds (3600 by default). */
  readonly idTokenTtl?: number
}): Promise<TestProvider> {
  let next: string | undefined
  let provider: Provider | undefined
  const server: Server = createServer((req, res) => {
    if (provider === undefined) {
      res.statusCode = 503
      res.end()
      return
    }
    const p = provider
    if (req.method === "GET" && req.url?.startsWith("/interaction/")) {
      void (async () => {
        try {
          const details = await p.interactionDetails(req, res)
          const accountId = next
          if (accountId === undefined || options.citizens[accountId] === undefined) {
            await p.interactionFinished(req, res, { error: "access_denied", error_description: "no such citizen" })
            return
          }
          const clientId = String(details.params.client_id)
          const grant = new p.Grant({ accountId, clientId })
          grant.addOIDCScope(String(details.params.scope))
          const grantId = await grant.save()
          await p.interactionFinished(req, res, { login: { accountId }, consent: { grantId } })
        } catch (error) {
          res.statusCode = 500
          res.end(String(error))
        }
      })()
      return
    }
    p.callback()(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const configuration: Configuration = {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: [c.redirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    claims: {
      openid: ["sub"],
      profile: ["name", "birthdate", "personal_id", "identity_level"],
    },
    findAccount: (_ctx, id) => {
      const citizen = options.citizens[id]
      if (citizen === undefined) return undefined
      return { accountId: id, claims: () => ({ sub: id, ...citizen }) }
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    ttl: { IdToken: options.idTokenTtl ?? 3600, AccessToken: 600, AuthorizationCode: 60, Session: 600, Grant: 600 },
    cookies: { keys: ["test-cookie-key-motcua"] },
  }
  provider = new Provider(issuer, configuration)
  // the provider logs interaction and token problems to stderr by its own events; the tests read the answers instead
  return {
    issuer,
    provider,
    signInNext: (subject) => {
      next = subject
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Follows redirects like a browser with a cookie jar, until a URL starting with `stopAt`; answers that URL. */
export class Browser {
  private readonly jar = new Map<string, Map<string, string>>()

  async visitUntil(start: string, stopAt: string, maxHops = 20): Promise<string> {
    let url = start
    for (let hop = 0; hop < maxHops; hop++) {
      if (url.startsWith(stopAt)) return url
      const target = new URL(url)
      const cookies = this.jar.get(target.host)
      const response = await fetch(url, {
        redirect: "manual",
        headers: cookies === undefined ? {} : { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
      })
      for (const line of response.headers.getSetCookie()) {
        const [pair = ""] = line.split(";")
        const eq = pair.indexOf("=")
        const jar = this.jar.get(target.host) ?? new Map<string, string>()
        jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim())
        this.jar.set(target.host, jar)
      }
      const location = response.headers.get("location")
      if (location === null)
        throw new Error(`the provider answered ${response.status} at ${url}: ${(await response.text()).slice(0, 300)}`)
      url = new URL(location, url).href
    }
    throw new Error(`more than ${maxHops} redirects from ${start}`)
  }
}

/** The cookies a response sets, as `name=value` (attributes left out), to send back on the next request. */
export const cookiesOf = (response: Response): string[] =>
  response.headers.getSetCookie().map((c) => c.split(";")[0] ?? "")
