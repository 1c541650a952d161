import { defineConfig } from "vitest/config"

// Node tests: the client's types match the API, the translations are complete, and the browser test (test/) that
// builds the pages, serves them from the API and drives Debian's Chromium through playwright-core.
export default defineConfig({
  test: { name: "web", include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 120_000 },
})
