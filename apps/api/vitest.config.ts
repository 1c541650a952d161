import { defineConfig } from "vitest/config"

// Property tests over HTTP and the servers the tests start take seconds; on a loaded shared machine they pass
// vitest's 5 s default, so they get a minute (a timeout is not what these tests check).
export default defineConfig({ test: { name: "api", include: ["src/**/*.test.ts"], testTimeout: 60_000 } })
