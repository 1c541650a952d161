import { defineConfig } from "vitest/config"

export default defineConfig({ test: { name: "catalog-quangninh", include: ["src/**/*.test.ts", "test/**/*.test.ts"] } })
