import { defineConfig } from "vitest/config"

export default defineConfig({ test: { name: "assistant-openai", include: ["src/**/*.test.ts"] } })
