import { defineConfig } from "vitest/config"

// A real OpenID provider (oidc-provider) runs inside each test file on a free loopback port, with a VNeID-like claim set.
export default defineConfig({ test: { name: "identity-oidc", include: ["src/**/*.test.ts"], testTimeout: 30_000 } })
