// Starts the counter agent on the officer's PC: `node apps/counter-agent/src/main.ts` (or `pnpm --filter
// @motcua/counter-agent start`). Configuration: apps/counter-agent/README.md and docs/configuration.md.
import { serve } from "@hono/node-server"
import { makeSaneScanner } from "@motcua/device-scanner"
import { createAgent } from "./agent.ts"

const env = process.env
const apiBase = env.MOTCUA_AGENT_API
if (apiBase === undefined || !/^https?:\/\//.test(apiBase)) {
  console.error("MOTCUA_AGENT_API phải là địa chỉ máy chủ motcua, vd. https://motcua.example.gov.vn")
  process.exit(2)
}
const port = Number(env.MOTCUA_AGENT_PORT ?? "47100")
const { app } = createAgent({
  apiBase,
  ...(env.MOTCUA_AGENT_ORIGINS === undefined ? {} : { allowedOrigins: env.MOTCUA_AGENT_ORIGINS.split(",") }),
  scanner: makeSaneScanner({
    ...(env.MOTCUA_AGENT_SCANNER === undefined ? {} : { device: env.MOTCUA_AGENT_SCANNER }),
    ...(env.MOTCUA_AGENT_OCR === undefined || env.MOTCUA_AGENT_OCR === ""
      ? {}
      : { ocr: { languages: env.MOTCUA_AGENT_OCR } }),
  }),
})
serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, (info) =>
  console.log(`motcua counter agent: http://127.0.0.1:${info.port} (API ${apiBase}); chờ ghép nối`),
)
