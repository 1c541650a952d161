import { defineConfig } from "vitest/config"

// Property runs and real-database walks take seconds on a loaded 2-core machine: no timing is asserted, so a slow run
// must not fail for a 5 s default (the adapters' configs do the same).
export default defineConfig({ test: { name: "api", include: ["src/**/*.test.ts"], testTimeout: 30_000 } })
