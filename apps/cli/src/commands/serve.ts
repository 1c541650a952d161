// motcua serve: the HTTP API over the configured database and the data folder's catalogue, until Ctrl+C (SIGINT) or
// SIGTERM, which close the server and then the database.
import { DataLoadError, jsonLogger, startServer } from "@motcua/api"
import { commonOptions, EXIT_FAILURE, EXIT_OK, naturalNumber, parseCommandLine, UsageError } from "../args.ts"
import { COMMON_HELP, type Command } from "../command.ts"
import { loadDeployment } from "../deployment.ts"
import { type Io, say } from "../io.ts"
import { displayUrl, documentsDirOf, resolveSettings } from "../settings.ts"
import { untilStopSignal } from "../stop-signal.ts"

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"])

export const serve: Command = {
  name: "serve",
  summary: "chạy API HTTP (serve the HTTP API)",
  help: `Cách dùng (usage): motcua serve [--port N] [--host H] [--data <thư mục>]

Chạy API trên cơ sở dữ liệu đã cấu hình và danh mục trong thư mục dữ liệu (mẫu Quảng Ninh nếu chưa seed). Dừng bằng
Ctrl+C. (Serves the API; stop with Ctrl+C.)

  --port N   cổng (port), mặc định PORT hoặc 8080; 0 = cổng trống bất kỳ (any free port)
  --host H   giao diện lắng nghe (interface), mặc định 127.0.0.1; 0.0.0.0 để mở ra mạng (all interfaces)
Môi trường (environment): MOTCUA_SECURE_COOKIES=true|false (mặc định false trên 127.0.0.1, true nếu không),
MOTCUA_BODY_LIMIT (byte).${COMMON_HELP}`,
  async run(args: ReadonlyArray<string>, io: Io) {
    const { values, positionals } = parseCommandLine(args, {
      ...commonOptions,
      port: { type: "string", short: "p" },
      host: { type: "string" },
    })
    if (positionals.length > 0) throw new UsageError(`tham số thừa (unexpected argument): ${positionals.join(" ")}`)
    const port = naturalNumber("port", values.port ?? io.env.PORT, 8080)
    if (port > 65535) throw new UsageError(`--port phải ≤ 65535 (must be at most 65535), nhận ${port}`)
    const host = values.host ?? "127.0.0.1"
    const secureCookies =
      io.env.MOTCUA_SECURE_COOKIES === undefined ? !LOOPBACK.has(host) : io.env.MOTCUA_SECURE_COOKIES === "true"
    const bodyLimit =
      io.env.MOTCUA_BODY_LIMIT === undefined
        ? undefined
        : naturalNumber("MOTCUA_BODY_LIMIT", io.env.MOTCUA_BODY_LIMIT, 0)
    const settings = resolveSettings(values, io)
    const { dir, data } = loadDeployment(settings)
    const documentsDir = documentsDirOf(settings)
    let server: Awaited<ReturnType<typeof startServer>>
    try {
      server = await startServer({
        port,
        hostname: host,
        logger: jsonLogger(io.out),
        secureCookies,
        databaseUrl: settings.databaseUrl,
        data,
        ...(documentsDir === undefined ? {} : { documentsDir }),
        ...(bodyLimit === undefined || bodyLimit === 0 ? {} : { bodyLimit }),
      })
    } catch (error) {
      if (error instanceof DataLoadError) {
        io.err(say("Không tải được dữ liệu", "data failed to load"))
        io.err(JSON.stringify(error.problems, null, 2))
        return EXIT_FAILURE
      }
      throw error
    }
    const shownHost = LOOPBACK.has(host) || host === "0.0.0.0" || host === "::" ? "localhost" : host
    const base = `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${server.port}`
    const rows: ReadonlyArray<readonly [string, string]> = [
      ["API", `${base}/api/v1/procedures`],
      ["Tài liệu (docs)", `${base}/docs`],
      ["OpenAPI", `${base}/openapi.json`],
      ["Sức khỏe (health)", `${base}/healthz  ${base}/readyz`],
      ["Cơ sở dữ liệu (database)", displayUrl(settings.database)],
      ["Danh mục (catalogue)", dir],
    ]
    const width = Math.max(...rows.map(([label]) => label.length))
    io.err(say(`motcua đang chạy tại ${base}`, "motcua is serving"))
    for (const [label, value] of rows) io.err(`  ${label.padEnd(width)}  ${value}`)
    io.err(say("Dừng: Ctrl+C", "stop with Ctrl+C"))
    await untilStopSignal()
    io.err(say("Đang dừng…", "stopping"))
    await server.close()
    return EXIT_OK
  },
}
