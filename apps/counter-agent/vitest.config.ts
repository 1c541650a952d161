import { defineConfig } from "vitest/config"

// A real API server and SANE's test backend through scanimage: the agent pairs, scans and uploads over HTTP.
export default defineConfig({ test: { name: "counter-agent", include: ["src/**/*.test.ts"], testTimeout: 60_000 } })
