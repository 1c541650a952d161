import { defineConfig } from "vitest/config"

// The mapping and the client's answer handling; the adapter against the portal simulator over real HTTP is tested in
// apps/portal-sim (an adapter may not import an app).
export default defineConfig({ test: { name: "portal-dvcqg", include: ["src/**/*.test.ts"], testTimeout: 30_000 } })
