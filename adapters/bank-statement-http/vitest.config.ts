import { defineConfig } from "vitest/config"

// A local stub of the bank's statement API (node:http on a free loopback port, src/testing.ts).
export default defineConfig({
  test: { name: "bank-statement-http", include: ["src/**/*.test.ts"], testTimeout: 30_000 },
})
