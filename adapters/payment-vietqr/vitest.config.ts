import { defineConfig } from "vitest/config"

export default defineConfig({
  test: { name: "payment-vietqr", include: ["src/**/*.test.ts"], testTimeout: 30_000 },
})
