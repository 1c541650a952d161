import { defineConfig } from "vitest/config"

// The simulator over real HTTP on loopback, and the portal adapter (adapters/portal-dvcqg) against it.
export default defineConfig({ test: { name: "portal-sim", include: ["src/**/*.test.ts"], testTimeout: 60_000 } })
