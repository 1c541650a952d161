// The pages as a person meets them: built with Vite into a temporary folder and served by a real API server over a
// fresh SQLite database with the demo accounts (and the demo citizens) seeded, and a stand-in of the postal
// operator's API (it answers each order with a tracking number) for home pick-up and delivery.
import { mkdtempSync, rmSync } from "node:fs"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { DEMO_PASSWORD, memoryLogger, type RunningServer, seedDemoAccounts, startServer } from "@motcua/api"
import { freePort, sessionHeaders } from "@motcua/api/testing"
import { build } from "vite"

/**
 * More of the server's environment, made once the site's address is known (before the server starts): an e-ID
 * provider's redirect URI and a gateway's return URL name it. With it, the server listens on a port chosen first.
 */
export type SiteEnvironment = (url: string) => Promise<Record<string, string>> | Record<string, string>

export interface Site {
  readonly url: string
  readonly outDir: string
  readonly server: RunningServer
  readonly close: () => Promise<void>
}

const WEB_ROOT = fileURLToPath(new URL("..", import.meta.url))

/**
 * The production build, as `pnpm --filter @motcua/web build` makes it. Vitest runs with NODE_ENV=test, which Vite
 * would carry into the bundle (React's development build, half as heavy again): the build runs under "production".
 */
export async function buildPages(outDir: string): Promise<void> {
  const before = process.env.NODE_ENV
  process.env.NODE_ENV = "production"
  try {
    await build({ root: WEB_ROOT, logLevel: "warn", mode: "production", build: { outDir, emptyOutDir: true } })
  } finally {
    process.env.NODE_ENV = before
  }
}

/** The postal operator's order API, as postal-http calls it: each order gets a tracking number. */
async function startPostalOperator(): Promise<Server> {
  let orders = 0
  const operator = createServer((req, res) => {
    req.resume()
    req.on("end", () => {
      orders += 1
      res.writeHead(201, { "content-type": "application/json" })
      res.end(JSON.stringify({ trackingNumber: `EB${String(orders).padStart(7, "0")}VN` }))
    })
  })
  await new Promise<void>((resolve) => operator.listen(0, "127.0.0.1", resolve))
  return operator
}

export interface SiteOptions {
  /** The server's clock (a test moves it); the system clock by default. */
  readonly now?: () => Date
  /** More settings for the server (e.g. MOTCUA_VIETQR_NOTICE_SECRET for signed bank notices). */
  readonly env?: Readonly<Record<string, string>>
  /** More settings made once the site's address is known (the server then listens on a port chosen before it starts). */
  readonly environment?: SiteEnvironment
}

export async function startSite(options: SiteOptions = {}): Promise<Site> {
  const environment = options.environment
  const dir = mkdtempSync(join(tmpdir(), "motcua-web-test-"))
  const operator = await startPostalOperator()
  const outDir = join(dir, "pages")
  await buildPages(outDir)
  const port = environment === undefined ? 0 : await freePort()
  const more = environment === undefined ? {} : await environment(`http://127.0.0.1:${port}`)
  const server = await startServer({
    port,
    hostname: "127.0.0.1",
    logger: memoryLogger(),
    databaseUrl: `sqlite:${join(dir, "motcua.sqlite")}`,
    documentsDir: join(dir, "documents"),
    secureCookies: false,
    env: {
      MOTCUA_DEMO_CITIZENS: "1",
      MOTCUA_POSTAL_URL: `http://127.0.0.1:${(operator.address() as AddressInfo).port}/api`,
      MOTCUA_POSTAL_API_KEY: "web-test-postal-key",
      MOTCUA_POSTAL_CALLBACK_SECRET: "web-test-postal-callback-secret-0123456789",
      ...more,
      ...options.env,
    },
    ...(options.now === undefined ? {} : { now: options.now }),
    // the relay runs when the test asks (server.relayNow): the payment request of a filing, with its QR payload
    relay: { intervalMs: 3_600_000 },
    maintenance: { intervalMs: 0 },
    webRoot: outDir,
  })
  await seedDemoAccounts(server.runtime, { cost: { N: 1024, r: 8, p: 1 } })
  return {
    url: `http://127.0.0.1:${server.port}`,
    outDir,
    server,
    close: async () => {
      await server.close()
      await new Promise<void>((resolve) => operator.close(() => resolve()))
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The demo accounts' password (seedDemoAccounts). */
export { DEMO_PASSWORD }

/** A demo officer's session over the API, outside the browser: its cookie and CSRF token as request headers. */
export const officerHeaders = (site: Site, username: string): Promise<Record<string, string>> =>
  sessionHeaders(site.url, username)
