import { defineConfig } from "vitest/config"

// A local HTTP receiver (node:http on a free loopback port) checks what is posted and answers as each test says.
export default defineConfig({ test: { name: "webhook-http", include: ["src/**/*.test.ts"], testTimeout: 30_000 } })
