// The API server of memory.bench.ts, in a process of its own started as the server is: its process settings applied
// first (apps/api process-settings.ts, by the same restart in place as `node apps/api/src/main.ts` and `motcua serve`),
// then startServer as http.bench.ts's API side starts it (SQLite at synchronous=NORMAL, the demo citizen's token
// accepted, a clock stepping 10 s per reading). Prints one JSON line with its port; SIGTERM closes it.
//   node bench/workloads/memory-server.ts FILE DOCUMENTS-FOLDER
import { join } from "node:path"
import { ensureServerProcess } from "@motcua/api/process-settings"

ensureServerProcess()

const [file, folder] = process.argv.slice(2)
if (file === undefined || folder === undefined) throw new Error("usage: memory-server.ts FILE DOCUMENTS-FOLDER")

const { jsonLogger, startServer } = await import("@motcua/api")
const { loadQuangNinh } = await import("@motcua/catalog-quangninh")
const { Result } = await import("effect")
const { steppingClock } = await import("./http-filing.ts")

const server = await startServer({
  port: 0,
  hostname: "127.0.0.1",
  databaseUrl: `sqlite:${file}?synchronous=NORMAL`,
  documentsDir: join(folder, "documents"),
  data: Result.getOrThrow(loadQuangNinh()),
  logger: jsonLogger(() => {}),
  secureCookies: false,
  now: steppingClock(),
  env: { ...process.env, MOTCUA_DEMO_CITIZENS: "1" },
})
console.log(JSON.stringify({ port: server.port, settings: process.execArgv }))
process.once("SIGTERM", () => {
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
})
