import { defineConfig } from "vitest/config"

// Property tests send hundreds of requests through the whole app; on a busy two-core machine the default 5 s timed
// out with nothing wrong.
export default defineConfig({ test: { name: "api", include: ["src/**/*.test.ts"], testTimeout: 30_000 } })
