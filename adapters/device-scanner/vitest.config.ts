import { defineConfig } from "vitest/config"

// SANE's own `test` backend through the real scanimage (Debian sane-utils), and Tesseract for the OCR tests.
export default defineConfig({ test: { name: "device-scanner", include: ["src/**/*.test.ts"], testTimeout: 60_000 } })
