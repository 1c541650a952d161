import { defineConfig } from "vitest/config"
import { BaseSequencer, type TestSpecification } from "vitest/node"

// The files that take minutes, longest first. They start before everything else, so that the rest of the suite runs
// beside them on the other worker instead of after them: on a fresh clone (as CI is) vitest has no timings of its
// own and would start them wherever their project's name falls.
const LONG_FILES = [
  // 2,000 lifecycles through a faulty portal (issue 8's bar), on each database in a file of its own: both start at once
  "apps/cli/src/portal-relay.sqlite.test.ts",
  "apps/cli/src/portal-relay.postgres.test.ts",
  "apps/web/test/officer.browser.test.ts",
  "apps/web/test/citizen.browser.test.ts",
  "apps/web/test/browser.test.ts",
  "apps/web/test/papers.browser.test.ts",
  "apps/api/src/crash.test.ts",
]

class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) =>
      LONG_FILES.findIndex((path) => spec.moduleId.replaceAll("\\", "/").endsWith(path))
    const sorted = await super.sort(files)
    const long = sorted.filter((spec) => rank(spec) >= 0).sort((a, b) => rank(a) - rank(b))
    return [...long, ...sorted.filter((spec) => rank(spec) < 0)]
  }
}

// One run over every workspace package: each package keeps its own vitest.config.ts (name, environment).
export default defineConfig({
  test: {
    projects: ["packages/*", "adapters/*", "apps/*", "scripts", "bench"],
    // (how many files run at a time is given on the command line by scripts/run-tests.ts: a project's own config
    // would not take it from here)
    sequence: { sequencer: LongFilesFirst },
  },
})
