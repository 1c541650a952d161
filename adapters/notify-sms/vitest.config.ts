import { defineConfig } from "vitest/config"

// A local HTTP stub of the SMS gateway runs inside each test file on a free loopback port and checks each request.
export default defineConfig({ test: { name: "notify-sms", include: ["src/**/*.test.ts"], testTimeout: 30_000 } })
