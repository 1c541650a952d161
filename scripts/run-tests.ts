// Runs the whole vitest suite once over every workspace project and ends with one plain closing line,
// "tests: N passed, N failed, N skipped", so that CI can read the counts whatever vitest's own format.
import { spawnSync } from "node:child_process"
import { mkdirSync, readFileSync } from "node:fs"
import { join } from "node:path"

const root = join(import.meta.dirname, "..")
const report = join(root, ".tools", "vitest-report.json")
mkdirSync(join(root, ".tools"), { recursive: true })

const run = spawnSync(
  "pnpm",
  [
    "exec",
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
    // Two files at a time on CI's two cores (vitest's default is one fewer worker than cores: one): most long files
    // wait on other processes (the portal simulator and relays, PostgreSQL, Chromium), so the other worker has the
    // CPU meanwhile. Given here, not in vitest.config.ts: every project resolves its own default from its own config.
    `--maxWorkers=${process.env.MOTCUA_TEST_WORKERS ?? "2"}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: "inherit" },
)

interface JsonReport {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
  testResults?: ReadonlyArray<{ status: string; assertionResults: ReadonlyArray<{ status: string }> }>
}
let summary: JsonReport | undefined
try {
  summary = JSON.parse(readFileSync(report, "utf8")) as JsonReport
} catch {
  console.error("no test report was written: vitest did not finish")
}
if (summary) {
  // A file that failed outside its tests (a hook that timed out, an import that threw) leaves its tests "skipped" and
  // counts no failure of its own: those tests did not pass, so they are counted failed here (a file with none, one).
  let unrun = 0
  for (const file of summary.testResults ?? []) {
    if (file.status !== "failed") continue
    const notRun = file.assertionResults.filter((a) => a.status !== "passed" && a.status !== "failed").length
    if (file.assertionResults.some((a) => a.status === "failed")) continue
    unrun += Math.max(1, notRun)
  }
  const skipped = Math.max(0, summary.numPendingTests + summary.numTodoTests - unrun)
  console.log(`tests: ${summary.numPassedTests} passed, ${summary.numFailedTests + unrun} failed, ${skipped} skipped`)
}
process.exit(run.status ?? 1)
