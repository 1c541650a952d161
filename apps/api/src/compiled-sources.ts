// The server's TypeScript as JavaScript made ahead (docs/performance.md, "Memory"). Node runs the .ts sources by
// stripping their types as it loads them, with a WebAssembly build of swc (amaro) that stays in the process for its
// whole life: ~10–12 MB of the server's resident set, measured (its instance's memory, its bundled source). Before the
// server's restart in place (process-settings.ts), `prepareCompiledSources` strips the repository's sources into a
// cache folder, each under the SHA-256 of its text; the restarted process loads them through
// `compiled-sources-hook.js`, which hands Node the stripped text of a .ts file whose hash is in the cache (the same
// text Node would make: positions are kept, so stack traces point at the same lines) and leaves any other file to Node.
// A file changed since is simply not in the cache under its new hash, so nothing stale is ever run; the copies no
// checkout has asked for in KEEP_DAYS are removed (every preparation marks the ones it finds), so the folder does not
// grow with every edit for ever.
import { createHash } from "node:crypto"
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs"
import { stripTypeScriptTypes } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"

/** The variable naming the cache folder for the hook. */
export const COMPILED_SOURCES_VARIABLE = "MOTCUA_JS_CACHE"
/** The hook's module, for `--import`. */
export const COMPILED_SOURCES_HOOK = pathToFileURL(join(import.meta.dirname, "compiled-sources-hook.js")).href

/** The repository this file is in (the sources to strip; the server bundle's manifest names files relative to it). */
export const REPOSITORY = join(import.meta.dirname, "..", "..", "..")
const FOLDERS = ["packages", "adapters", "apps", "bench"]
/**
 * A copy no preparation has found for this many days is removed: the cache folder is shared by every checkout of
 * the user (worktrees, clones), so a copy is kept while any of them still has that text.
 */
export const KEEP_DAYS = 30

/** The project's hash of a source's text: SHA-256, hex (the compiled sources' cache, the server bundle's manifest). */
export const sourceHash = (source: string | Buffer): string => createHash("sha256").update(source).digest("hex")

/** The name a source is kept under: the SHA-256 of its text (the hook computes the same). */
export const cacheName = (source: string): string => `${sourceHash(source)}.js`

/** The cache folder of this user: private to them (a folder someone else could write is not used). */
function cacheFolder(): string | undefined {
  const uid = process.getuid?.() ?? "user"
  const dir = join(tmpdir(), `motcua-js-${uid}`)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const s = statSync(dir)
  if (process.getuid !== undefined && (s.uid !== process.getuid() || (s.mode & 0o022) !== 0)) return undefined
  return dir
}

/** Every .ts source of the repository that a process may load (tests and declarations left out). */
function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* sources(path)
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") && !entry.name.includes(".test.")) yield path
  }
}

/**
 * Brings the cache up to date with the repository's sources (only those not in it yet are stripped; the ones found
 * are marked as used now), removes the copies unused for KEEP_DAYS, and answers its folder; undefined when it cannot
 * be used (no private folder, a read-only disk), and the process then runs as before.
 */
export function prepareCompiledSources(
  options: { readonly root?: string; readonly folder?: string; readonly now?: Date } = {},
): string | undefined {
  try {
    const root = options.root ?? REPOSITORY
    const dir = options.folder ?? cacheFolder()
    if (dir === undefined) return undefined
    const now = options.now ?? new Date()
    for (const folder of FOLDERS) {
      if (!existsSync(join(root, folder))) continue
      for (const path of sources(join(root, folder))) {
        const source = readFileSync(path, "utf8")
        const target = join(dir, cacheName(source))
        if (markUsed(target, now)) continue
        let stripped: string
        try {
          stripped = quietly(() => stripTypeScriptTypes(source))
        } catch {
          continue // a file Node cannot strip either: left to Node, which gives the error where it is loaded
        }
        const temporary = `${target}.${process.pid}`
        writeFileSync(temporary, stripped, { mode: 0o600 })
        renameSync(temporary, target)
      }
    }
    removeUnused(dir, now.getTime() - KEEP_DAYS * 86_400_000)
    return dir
  } catch {
    return undefined
  }
}

/** Marks a cached copy as used at `now` (its modification time); false when there is none. */
function markUsed(target: string, now: Date): boolean {
  try {
    utimesSync(target, now, now)
    return true
  } catch {
    return false
  }
}

/** Removes the copies (and leftover temporary files) last marked before `before` (epoch ms). */
function removeUnused(dir: string, before: number): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    try {
      if (statSync(path).mtimeMs < before) rmSync(path, { force: true })
    } catch {
      // removed by another process meanwhile
    }
  }
}

/** Runs `f` without Node's "experimental feature" warning for stripTypeScriptTypes (the server uses it on purpose). */
function quietly<T>(f: () => T): T {
  const emit = process.emitWarning
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === "string" ? warning : warning.message
    if (!text.includes("stripTypeScriptTypes")) (emit as (...args: unknown[]) => void).call(process, warning, ...rest)
  }) as typeof process.emitWarning
  try {
    return f()
  } finally {
    process.emitWarning = emit
  }
}
