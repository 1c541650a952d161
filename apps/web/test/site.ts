// The pages as a person meets them: built with Vite into a temporary folder and served by a real API server over a
// fresh SQLite database with the demo accounts (and the demo citizens) seeded.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { memoryLogger, type RunningServer, seedDemoAccounts, startServer } from "@motcua/api"
import { build } from "vite"

export interface Site {
  readonly url: string
  readonly outDir: string
  readonly server: RunningServer
  readonly close: () => Promise<void>
}

const WEB_ROOT = fileURLToPath(new URL("..", import.meta.url))

export async function buildPages(outDir: string): Promise<void> {
  await build({ root: WEB_ROOT, logLevel: "warn", build: { outDir, emptyOutDir: true } })
}

export async function startSite(): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), "motcua-web-test-"))
  const outDir = join(dir, "pages")
  await buildPages(outDir)
  const server = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    logger: memoryLogger(),
    databaseUrl: `sqlite:${join(dir, "motcua.sqlite")}`,
    documentsDir: join(dir, "documents"),
    secureCookies: false,
    env: { MOTCUA_DEMO_CITIZENS: "1" },
    relay: { intervalMs: 0 },
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
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
