import { defineConfig } from "vitest/config"

// The calendar must not depend on the host's time zone: run the domain tests far from UTC+7 (New York, with its
// daylight saving) so that any use of local-time Date getters shows up. Workers inherit this environment;
// src/calendar/timezone.test.ts checks that they really run under it.
process.env.TZ = "America/New_York"

// Graph searches and model-based runs are CPU-bound: seconds on a quiet machine, several times that on a busy one.
export default defineConfig({
  test: {
    name: "domain",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    env: { TZ: "America/New_York" },
    testTimeout: 30_000,
    // one process per worker for all its files (no module state is shared between this package's tests): a fresh
    // process per file cost ~1 s of start-up each, a minute of the suite's time over its three isolated projects
    isolate: false,
  },
})
