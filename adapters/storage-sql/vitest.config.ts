import { defineConfig } from "vitest/config"

// One database per test file (a temp SQLite file, a fresh schema on the shared PostgreSQL server), so files may run
// in parallel; the tests inside a file share it and run one after another.
export default defineConfig({
  test: { name: "storage-sql", include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 30_000 },
})
