// Serving the API: build the runtime (database by URL, data, services), the hono app over it, and listen. What the
// CLI's `serve` and main.ts call; tests start main.ts as a child process for the crash tests.
import { type ServerType, serve } from "@hono/node-server"
import { createApp, DEFAULT_BODY_LIMIT } from "./app.ts"
import type { Logger } from "./logging.ts"
import { type ApiRuntime, createRuntime, type RuntimeOptions } from "./runtime.ts"

export interface ServerOptions extends RuntimeOptions {
  /** 0 picks a free port (read it from the answer). */
  readonly port: number
  /** Interface to listen on (all by default). */
  readonly hostname?: string
  readonly logger: Logger
  /** Largest JSON body, in bytes (1 MiB by default). */
  readonly bodyLimit?: number
  /** Mark session cookies `Secure` (default true: set false only for plain-HTTP development). */
  readonly secureCookies?: boolean
}

export interface RunningServer {
  /** The port actually listened on. */
  readonly port: number
  readonly runtime: ApiRuntime
  /** Stops accepting connections, then closes the database. */
  readonly close: () => Promise<void>
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const runtime = await createRuntime(options)
  const app = createApp({
    catalogue: runtime.data.catalogue,
    jurisdiction: runtime.data.jurisdiction,
    logger: options.logger,
    runtime,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    secureCookies: options.secureCookies ?? true,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.maxDocumentBytes === undefined ? {} : { documentLimit: options.maxDocumentBytes }),
  })
  let server: ServerType | undefined
  const port = await new Promise<number>((resolve, reject) => {
    server = serve(
      {
        fetch: app.fetch,
        port: options.port,
        ...(options.hostname === undefined ? {} : { hostname: options.hostname }),
      },
      (info) => resolve(info.port),
    )
    server.once("error", reject)
  })
  options.logger.log("info", "listening", { port, storage: runtime.storage })
  return {
    port,
    runtime,
    close: async () => {
      await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())))
      await runtime.dispose()
    },
  }
}
