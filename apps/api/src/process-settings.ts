// The API server's process settings for memory (issue 15: the server stays under 150 MB resident, at rest and during
// a year's index report over 1,000,000 dossiers; docs/performance.md has the measurements). Both can only be given
// when a process starts:
// - V8's `--optimize-for-size`: on a machine with much memory V8 sizes the young generation up to 2 × 64 MB, and after
//   start-up's allocations it stayed at ~57 MB resident, nearly all of it empty; with this flag the young generation
//   stays at a few MB and the heap grows more sparingly (~-45 MB at rest, measured);
// - glibc's `MALLOC_ARENA_MAX=2`: otherwise each of V8's and SQLite's worker threads may get its own malloc arena, each
//   keeping what it freed (~-15 MB at rest, measured).
// - V8's `--max-semi-space-size=1` and glibc's `MALLOC_TRIM_THRESHOLD_`/`MALLOC_MMAP_THRESHOLD_` at 128 KiB (the
//   young generation kept at 1 MB; freed memory given back to the system rather than kept by malloc, and large blocks
//   not moved into the heap as glibc's dynamic threshold would): ~-3 to -14 MB under the filing load, measured with
//   two servers side by side (docs/performance.md, "Memory");
// - the sources as JavaScript stripped ahead (compiled-sources.ts), so that Node's type stripper is never loaded
//   (~-12 MB, measured).
// `ensureServerProcess()` restarts the process in place with what is missing (process.execve: the same process id,
// executable, script and arguments, so a supervisor sees nothing). What the operator gave is kept (their
// NODE_OPTIONS, flags or MALLOC_ARENA_MAX); MOTCUA_PROCESS_SETTINGS=off leaves the process as it was started.

import { COMPILED_SOURCES_HOOK, COMPILED_SOURCES_VARIABLE, prepareCompiledSources } from "./compiled-sources.ts"

/** V8 flags the server runs with. */
export const SERVER_V8_FLAGS: ReadonlyArray<string> = ["--optimize-for-size", "--max-semi-space-size=1"]
/** Environment variables the server runs with (read by the C library when the process starts). */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: "2",
  MALLOC_TRIM_THRESHOLD_: "131072",
  MALLOC_MMAP_THRESHOLD_: "131072",
}
/** Set to `off` to keep the process as started; the restart sets it to `applied` (so it happens once). */
export const PROCESS_SETTINGS_VARIABLE = "MOTCUA_PROCESS_SETTINGS"

export interface MissingSettings {
  readonly flags: ReadonlyArray<string>
  readonly environment: Readonly<Record<string, string>>
}

const flagName = (flag: string) => flag.replace(/^--/, "").split("=")[0]?.replace(/_/g, "-") ?? flag

/**
 * What of the server's settings a process started with `execArgv` and `env` lacks, or undefined when nothing (or when
 * the settings are turned off or were applied already). A flag counts as given when the operator named it in any
 * form (`--optimize-for-size`, `--optimize_for_size`, `--no-optimize-for-size`) in the node flags or NODE_OPTIONS.
 */
export function missingServerSettings(
  execArgv: ReadonlyArray<string>,
  env: Readonly<Record<string, string | undefined>>,
): MissingSettings | undefined {
  const mark = env[PROCESS_SETTINGS_VARIABLE]
  if (mark === "off" || mark === "applied") return undefined
  const given = new Set(
    [...execArgv, ...(env.NODE_OPTIONS ?? "").split(/\s+/)]
      .filter((f) => f.startsWith("--"))
      .map((f) => flagName(f).replace(/^no-/, "")),
  )
  const flags = SERVER_V8_FLAGS.filter((f) => !given.has(flagName(f)))
  const environment = Object.fromEntries(Object.entries(SERVER_ENVIRONMENT).filter(([name]) => env[name] === undefined))
  return flags.length === 0 && Object.keys(environment).length === 0 ? undefined : { flags, environment }
}

/**
 * Restarts this process in place with the server's settings when it lacks some (see the module comment); returns
 * only when nothing was missing or the platform cannot restart a process in place (then it runs as started).
 * Call it first thing, before the server's modules are loaded: the restart drops whatever was done before it.
 */
export function ensureServerProcess(): void {
  const missing = missingServerSettings(process.execArgv, process.env)
  if (missing === undefined || typeof process.execve !== "function") return
  const compiled = prepareCompiledSources()
  process.execve(
    process.execPath,
    [
      process.execPath,
      ...missing.flags,
      ...(compiled === undefined ? [] : [`--import=${COMPILED_SOURCES_HOOK}`]),
      ...process.execArgv,
      ...process.argv.slice(1),
    ],
    {
      ...process.env,
      ...missing.environment,
      ...(compiled === undefined ? {} : { [COMPILED_SOURCES_VARIABLE]: compiled }),
      [PROCESS_SETTINGS_VARIABLE]: "applied",
    },
  )
}
