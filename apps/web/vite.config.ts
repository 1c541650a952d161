import react from "@vitejs/plugin-react"
import { defineConfig } from "vite"

// Built into dist/ and served by the API process on the same origin (session cookie and CSRF token as for any
// client). `pnpm --filter @motcua/web dev` serves it with hot reload and forwards the API to a running server.
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  server: { proxy: { "/api": "http://localhost:8080", "/verify": "http://localhost:8080" } },
})
