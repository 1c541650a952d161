// Composition root (loaded by main.ts once the process settings are in place): serves the API on PORT (8080 by default) over the database of DATABASE_URL (in memory when
// unset). A data, configuration or database problem stops the start with what went wrong, rather than serving half
// a system. The relay, clean-up, sign-in limits and development keys are read from the environment by startServer
// (environment.ts); docs/configuration.md lists every variable.
import { DEFAULT_BODY_LIMIT } from "./app.ts"
import { ConfigurationError } from "./environment.ts"
import { jsonLogger } from "./logging.ts"
import { DataLoadError } from "./runtime.ts"
import { startServer } from "./server.ts"

const logger = jsonLogger((line) => process.stdout.write(`${line}\n`))

/** A whole number from the environment (at least `min`), or the fallback when unset; anything else stops the start. */
function numberFromEnv(name: string, fallback: number, min = 1): number {
  const raw = process.env[name]
  if (raw === undefined || raw === "") return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) {
    logger.log("error", `${name} phải là số nguyên ≥ ${min} (must be an integer ≥ ${min}), nhận được "${raw}"`)
    process.exit(1)
  }
  return value
}

const env = process.env
try {
  const server = await startServer({
    port: numberFromEnv("PORT", 8080, 0),
    ...(env.MOTCUA_HOST ? { hostname: env.MOTCUA_HOST } : {}),
    logger,
    bodyLimit: numberFromEnv("MOTCUA_BODY_LIMIT", DEFAULT_BODY_LIMIT),
    secureCookies: env.MOTCUA_SECURE_COOKIES !== "false",
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.MOTCUA_DATA_DIR ? { dataDir: env.MOTCUA_DATA_DIR } : {}),
    ...(env.MOTCUA_DOCUMENTS_DIR ? { documentsDir: env.MOTCUA_DOCUMENTS_DIR } : {}),
  })
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once("SIGTERM", stop)
  process.once("SIGINT", stop)
} catch (error) {
  if (error instanceof DataLoadError)
    logger.log("error", "không tải được dữ liệu (data failed to load)", { problems: error.problems })
  else if (error instanceof ConfigurationError)
    logger.log("error", "cấu hình không hợp lệ (invalid configuration)", { problems: error.problems })
  else logger.log("error", "không khởi động được (start failed)", { error })
  process.exit(1)
}
