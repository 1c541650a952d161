import { defineConfig } from "vitest/config"

// The framing under fast-check, and the reader against a real pseudo-terminal pair made by socat (Debian `socat`).
export default defineConfig({
  test: { name: "device-card-reader", include: ["src/**/*.test.ts"], testTimeout: 30_000 },
})
