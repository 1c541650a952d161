import { defineConfig } from "vitest/config"

// One run over every workspace package: each package keeps its own vitest.config.ts (name, environment).
export default defineConfig({
  test: {
    projects: ["packages/*", "adapters/*", "apps/*", "scripts", "bench"],
  },
})
