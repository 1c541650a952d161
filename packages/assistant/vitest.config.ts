import { defineConfig } from "vitest/config"

// Answering a whole evaluation set takes seconds on a loaded machine (the suite runs two files at a time).
export default defineConfig({
  test: { name: "assistant", include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 30_000 },
})
