// Composition root: loads the Quảng Ninh data, builds the app and serves it on PORT (8080 by default).
// A data problem stops the start with every problem listed, rather than serving a half-loaded catalogue.
import { serve } from "@hono/node-server"
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { Result } from "effect"
import { createApp, DEFAULT_BODY_LIMIT } from "./app.ts"
import { jsonLogger } from "./logging.ts"

const logger = jsonLogger((line) => process.stdout.write(`${line}\n`))

/** A positive whole number from the environment, or the fallback when unset; anything else stops the start. */
function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === "") return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value <= 0) {
    logger.log("error", `${name} phải là số nguyên dương (must be a positive integer), nhận được "${raw}"`)
    process.exit(1)
  }
  return value
}

const data = loadQuangNinh(process.env.MOTCUA_DATA_DIR || undefined)
if (Result.isFailure(data)) {
  logger.log("error", "không tải được dữ liệu (data failed to load)", { problems: data.failure.problems })
  process.exit(1)
}
const app = createApp({
  catalogue: data.success.catalogue,
  jurisdiction: data.success.jurisdiction,
  logger,
  bodyLimit: numberFromEnv("MOTCUA_BODY_LIMIT", DEFAULT_BODY_LIMIT),
})
const port = numberFromEnv("PORT", 8080)
serve({ fetch: app.fetch, port }, (address) => logger.log("info", "listening", { port: address.port }))
