import { defineConfig } from "vitest/config"

// The simulations the tests run in their hooks take seconds, more on a loaded machine: hooks get a minute too.
export default defineConfig({
  test: { name: "cli", include: ["src/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 },
})
