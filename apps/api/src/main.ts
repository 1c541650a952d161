// The API server's entry point (`node src/main.ts`): first the process settings that keep its memory low
// (process-settings.ts: a restart in place when they are missing, before anything else is loaded), then the server
// itself (run-server.ts).
import { ensureServerProcess } from "./process-settings.ts"

ensureServerProcess()
await import("./run-server.ts")
