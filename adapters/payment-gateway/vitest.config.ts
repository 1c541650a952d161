import { defineConfig } from "vitest/config"

// A local implementation of the gateway's protocol (node:http on a free loopback port, its own signing code) plays
// the gateway: pay page, IPN to a local receiver, status query.
export default defineConfig({ test: { name: "payment-gateway", include: ["src/**/*.test.ts"], testTimeout: 30_000 } })
