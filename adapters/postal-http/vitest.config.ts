import { defineConfig } from "vitest/config"

// A local stub of the postal operator (node:http on a free loopback port) checks each request.
export default defineConfig({ test: { name: "postal-http", include: ["src/**/*.test.ts"], testTimeout: 30_000 } })
