import { defineConfig } from "vitest/config"

// Use-case walks and property runs take seconds on a loaded 2-core machine; no timing is asserted (30 s, as elsewhere).
export default defineConfig({
  test: {
    name: "application",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    // files share their worker's process: no module state is shared between them, and a process per file costs ~1 s
    isolate: false,
  },
})
