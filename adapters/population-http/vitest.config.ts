import { defineConfig } from "vitest/config"

// A local stub of the registry's gateway (node:http on a free loopback port) checks each request and answers.
export default defineConfig({ test: { name: "population-http", include: ["src/**/*.test.ts"], testTimeout: 30_000 } })
