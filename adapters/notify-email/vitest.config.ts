import { defineConfig } from "vitest/config"

// A real SMTP server (smtp-server) runs inside each test file on a free loopback port and keeps what it receives.
export default defineConfig({ test: { name: "notify-email", include: ["src/**/*.test.ts"], testTimeout: 30_000 } })
