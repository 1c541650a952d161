import { defineConfig } from "vitest/config"

export default defineConfig({
  test: { name: "render-pdf", include: ["src/**/*.test.ts"], testTimeout: 30_000 },
})
