// Starts the counter agent on the officer's PC: `node apps/counter-agent/src/main.ts` (or `pnpm --filter
// @motcua/counter-agent start`). Configuration: apps/counter-agent/README.md and docs/configuration.md.
import { serve } from "@hono/node-server"
import { openSerialCardReader, serialReaderConfigFromEnv } from "@motcua/device-card-reader"
import { makeSaneScanner } from "@motcua/device-scanner"
import { Result } from "effect"
import { createAgent } from "./agent.ts"

const env = process.env
const apiBase = env.MOTCUA_AGENT_API
if (apiBase === undefined || !/^https?:\/\//.test(apiBase)) {
  console.error("MOTCUA_AGENT_API phải là địa chỉ máy chủ motcua, vd. https://motcua.example.gov.vn")
  process.exit(2)
}
const port = Number(env.MOTCUA_AGENT_PORT ?? "47100")
// the ID-card reader in serial / USB-CDC mode, when MOTCUA_AGENT_CARD_PORT names its port
const cardReader = serialReaderConfigFromEnv(env)
if (Result.isFailure(cardReader)) {
  console.error(cardReader.failure.message)
  process.exit(2)
}
const readerConfig = cardReader.success
const { app } = createAgent({
  apiBase,
  ...(env.MOTCUA_AGENT_ORIGINS === undefined ? {} : { allowedOrigins: env.MOTCUA_AGENT_ORIGINS.split(",") }),
  scanner: makeSaneScanner({
    ...(env.MOTCUA_AGENT_SCANNER === undefined ? {} : { device: env.MOTCUA_AGENT_SCANNER }),
    ...(env.MOTCUA_AGENT_OCR === undefined || env.MOTCUA_AGENT_OCR === ""
      ? {}
      : { ocr: { languages: env.MOTCUA_AGENT_OCR } }),
  }),
  ...(readerConfig === undefined
    ? {}
    : {
        cardReader: (onEvent) =>
          openSerialCardReader(readerConfig, (event) => {
            if (event.kind === "status") console.log(`đầu đọc thẻ (card reader): ${event.status.detail}`)
            onEvent(event)
          }),
      }),
})
serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, (info) =>
  console.log(`motcua counter agent: http://127.0.0.1:${info.port} (API ${apiBase}); chờ ghép nối`),
)
