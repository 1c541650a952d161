import { defineConfig } from "vitest/config"

// Property tests over the whole app and sign-in lockouts (scrypt per attempt) take a few seconds on a quiet machine
// and several times that on a busy one: a generous timeout keeps them about behaviour, not about the machine's load.
// Files share their worker's process (isolate: false): each builds its own app, runtime and database, no module state is
// shared between them, and a fresh process per file cost ~1 s of start-up each over 54 files.
export default defineConfig({
  test: { name: "api", include: ["src/**/*.test.ts"], testTimeout: 30_000, isolate: false },
})
