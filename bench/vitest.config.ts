import { defineConfig } from "vitest/config"

// The smoke run of every benchmark's checks (smoke.test.ts): one lifecycle per side, no timing asserted.
export default defineConfig({ test: { name: "bench", include: ["*.test.ts"], testTimeout: 60_000 } })
