import { defineConfig } from "vitest/config"

// A local HTTP stub of the Zalo OAuth and ZNS API runs inside each test file on a free loopback port and checks each request.
export default defineConfig({ test: { name: "notify-zalo", include: ["src/**/*.test.ts"], testTimeout: 30_000 } })
