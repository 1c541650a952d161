import { defineConfig } from "vitest/config"

// A local stub of the e-invoice provider (node:http on a free loopback port, src/testing.ts) checks each request.
export default defineConfig({ test: { name: "einvoice-http", include: ["src/**/*.test.ts"], testTimeout: 30_000 } })
