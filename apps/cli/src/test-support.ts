// Test helpers: a temporary data folder per test file, and the CLI run in-process with its output collected.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { runCli } from "./cli.ts"
import { memoryIo } from "./io.ts"

export function tempDir(label: string): { readonly path: string; readonly remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `motcua-cli-${label}-`))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

/** Runs `motcua …` in-process on SQLite (DATABASE_URL unset); answers the exit code and what was printed. */
export async function cli(argv: ReadonlyArray<string>, options: { cwd?: string; env?: Record<string, string> } = {}) {
  const io = memoryIo({ env: options.env ?? {}, ...(options.cwd === undefined ? {} : { cwd: options.cwd }) })
  const code = await runCli(argv, io)
  return { code, stdout: io.stdout.join("\n"), stderr: io.stderr.join("\n"), lines: io.stdout }
}
