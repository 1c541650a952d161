import { defineConfig } from "vitest/config"

// Property tests over the whole app and sign-in lockouts (scrypt per attempt) take a few seconds on a quiet machine
// and several times that on a busy one: a generous timeout keeps them about behaviour, not about the machine's load.
export default defineConfig({ test: { name: "api", include: ["src/**/*.test.ts"], testTimeout: 30_000 } })
