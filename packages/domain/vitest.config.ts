import { defineConfig } from "vitest/config"

// The calendar must not depend on the host's time zone: run the domain tests far from UTC+7 (New York, with its
// daylight saving) so that any use of local-time Date getters shows up. Workers inherit this environment;
// src/calendar/timezone.test.ts checks that they really run under it.
process.env.TZ = "America/New_York"

export default defineConfig({
  // Graph walks and property runs take seconds on a loaded 2-core machine; no timing is asserted (30 s, as elsewhere).
  test: {
    name: "domain",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    env: { TZ: "America/New_York" },
    testTimeout: 30_000,
  },
})
