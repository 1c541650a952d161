import { defineConfig } from "vitest/config"

export default defineConfig({
  test: { name: "signature-x509", include: ["src/**/*.test.ts"], testTimeout: 30_000 },
})
