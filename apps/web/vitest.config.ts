import { defineConfig } from "vitest/config"

// Node tests: the client's types match the API, the translations are complete, and the browser test (test/) that
// builds the pages, serves them from the API and drives Debian's Chromium through playwright-core. A page waits on
// the API and the browser: `expect.poll` gets 15 s instead of 1 s, so a busy machine makes it slower, not red.
export default defineConfig({
  test: {
    name: "web",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 15_000 } },
  },
})
