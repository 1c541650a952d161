import { defineConfig } from "vitest/config"

// The calendar must not depend on the host's time zone: run the domain tests far from UTC+7 (New York, with its
// daylight saving) so that any use of local-time Date getters shows up. Workers inherit this environment;
// src/calendar/timezone.test.ts checks that they really run under it.
process.env.TZ = "America/New_York"

export default defineConfig({
  // property runs and graph walks take seconds: a minute each, so that a loaded machine does not fail them
  test: {
    name: "domain",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    env: { TZ: "America/New_York" },
    testTimeout: 60_000,
  },
})
