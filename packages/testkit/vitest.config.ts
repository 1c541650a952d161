import { defineConfig } from "vitest/config"

// Graph searches and model-based runs are CPU-bound: seconds on a quiet machine, several times that on a busy one.
export default defineConfig({
  test: { name: "testkit", include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 30_000 },
})
