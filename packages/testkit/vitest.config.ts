import { defineConfig } from "vitest/config"

// checkWorkflow runs hundreds of model-based sequences and shrinks them: seconds on a loaded 2-core machine, and no
// timing is asserted, so the 5 s default is too tight (the adapters' configs do the same).
export default defineConfig({
  test: { name: "testkit", include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 30_000 },
})
