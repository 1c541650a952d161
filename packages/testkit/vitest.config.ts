import { defineConfig } from "vitest/config"

// The graph and property tests walk every path of each sample procedure's machine: seconds of CPU each, many more on
// a busy two-core machine (the default 5 s timed out there with nothing wrong).
export default defineConfig({
  test: { name: "testkit", include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 60_000 },
})
