import { defineConfig } from "vitest/config"

// The property runs and graph walks take seconds; on a loaded shared machine they pass vitest's 5 s default, so they
// get a minute (a timeout is not what these tests check).
export default defineConfig({
  test: { name: "testkit", include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 60_000 },
})
