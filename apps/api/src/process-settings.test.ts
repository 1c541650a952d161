// The server's process settings for memory (process-settings.ts): what a process lacks, what the operator gave is
// kept, the restart happens once; and `node src/main.ts` really runs with them (a child, restarted in place).
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { COMPILED_SOURCES_HOOK, cacheName, KEEP_DAYS, prepareCompiledSources } from "./compiled-sources.ts"
import {
  missingServerSettings,
  PROCESS_SETTINGS_VARIABLE,
  SERVER_ENVIRONMENT,
  SERVER_V8_FLAGS,
} from "./process-settings.ts"

describe("the server's process settings", () => {
  it("a bare process lacks every flag and variable", () => {
    expect(missingServerSettings([], {})).toEqual({ flags: SERVER_V8_FLAGS, environment: SERVER_ENVIRONMENT })
  })
  it("keeps what the operator gave, in flags, NODE_OPTIONS (any spelling, or turned off) or the environment", () => {
    expect(
      missingServerSettings(["--optimize-for-size", "--max-semi-space-size=4"], {
        MALLOC_ARENA_MAX: "4",
        MALLOC_TRIM_THRESHOLD_: "0",
        MALLOC_MMAP_THRESHOLD_: "0",
      }),
    ).toBeUndefined()
    expect(missingServerSettings([], { NODE_OPTIONS: "--max-old-space-size=512 --optimize_for_size" })).toEqual({
      flags: ["--max-semi-space-size=1"],
      environment: SERVER_ENVIRONMENT,
    })
    expect(missingServerSettings(["--no-optimize-for-size"], {})?.flags).toEqual(["--max-semi-space-size=1"])
    const { MALLOC_ARENA_MAX: _given, ...others } = SERVER_ENVIRONMENT
    expect(missingServerSettings(["--expose-gc"], { MALLOC_ARENA_MAX: "8" })).toEqual({
      flags: SERVER_V8_FLAGS,
      environment: others,
    })
  })
  it("asks for nothing once applied, or when turned off", () => {
    expect(missingServerSettings([], { [PROCESS_SETTINGS_VARIABLE]: "applied" })).toBeUndefined()
    expect(missingServerSettings([], { [PROCESS_SETTINGS_VARIABLE]: "off" })).toBeUndefined()
  })
  it("a process started bare restarts in place with them, keeping its own flags and arguments", () => {
    const script = [
      `import { ensureServerProcess } from ${JSON.stringify(join(import.meta.dirname, "process-settings.ts"))}`,
      "ensureServerProcess()",
      "console.log(JSON.stringify({ pid: process.pid, execArgv: process.execArgv, arena: process.env.MALLOC_ARENA_MAX, mark: process.env.MOTCUA_PROCESS_SETTINGS, argv: process.argv.slice(1), stripper: process.moduleLoadList.some((m) => m.includes('amaro')) }))",
    ].join("\n")
    const { MALLOC_ARENA_MAX: _unset, ...inherited } = process.env
    const env = { ...inherited, NODE_OPTIONS: "", [PROCESS_SETTINGS_VARIABLE]: "" }
    const child = spawnSync(process.execPath, ["--no-warnings", "--input-type=module", "-e", script, "--", "a1"], {
      encoding: "utf8",
      env,
    })
    expect(child.status, child.stderr).toBe(0)
    const seen = JSON.parse(child.stdout.trim()) as {
      execArgv: string[]
      arena: string
      mark: string
      argv: string[]
      stripper: boolean
    }
    expect(seen.execArgv).toEqual([
      ...SERVER_V8_FLAGS,
      `--import=${COMPILED_SOURCES_HOOK}`,
      "--no-warnings",
      "--input-type=module",
      "-e",
      script,
    ])
    expect(seen.arena).toBe(SERVER_ENVIRONMENT.MALLOC_ARENA_MAX)
    expect(seen.mark).toBe("applied")
    expect(seen.argv).toEqual(["a1"])
    // the .ts modules it loaded came from the stripped copies: Node's type stripper was never loaded
    expect(seen.stripper).toBe(false)
    // turned off: the process runs as started
    const off = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
      env: { ...env, [PROCESS_SETTINGS_VARIABLE]: "off" },
    })
    expect((JSON.parse(off.stdout.trim()) as { stripper: boolean }).stripper).toBe(true)
    expect((JSON.parse(off.stdout.trim()) as { execArgv: string[] }).execArgv).toEqual([
      "--input-type=module",
      "-e",
      script,
    ])
  })

  it("a .ts module changed since its copy was made runs as it is now (its new text is not in the cache)", () => {
    const dir = mkdtempSync(join(tmpdir(), "motcua-compiled-"))
    try {
      writeFileSync(join(dir, "package.json"), '{ "type": "module" }') // as every package of the repository
      const file = join(dir, "probe.ts")
      const write = (n: number) => writeFileSync(file, `const n: number = ${n}\nconsole.log(n)\n`)
      write(1)
      const cache = mkdtempSync(join(tmpdir(), "motcua-compiled-cache-"))
      // the cache of the first text, made as prepareCompiledSources makes it
      writeFileSync(join(cache, cacheName(readFileSync(file, "utf8"))), "console.log('from the cache')\n")
      const run = () =>
        spawnSync(process.execPath, ["--no-warnings", `--import=${COMPILED_SOURCES_HOOK}`, file], {
          encoding: "utf8",
          env: { ...process.env, NODE_OPTIONS: "", MOTCUA_JS_CACHE: cache },
        }).stdout.trim()
      expect(run()).toBe("from the cache")
      write(2)
      expect(run()).toBe("2")
      rmSync(cache, { recursive: true, force: true })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("keeps a copy while some checkout has its text, and removes the ones no one asked for in KEEP_DAYS", () => {
    const root = mkdtempSync(join(tmpdir(), "motcua-compiled-root-"))
    const cache = mkdtempSync(join(tmpdir(), "motcua-compiled-cache-"))
    try {
      mkdirSync(join(root, "packages"))
      const source = "export const n: number = 1\n"
      writeFileSync(join(root, "packages", "a.ts"), source)
      const now = new Date("2026-12-05T00:00:00Z")
      const longAgo = new Date(now.getTime() - (KEEP_DAYS + 1) * 86_400_000)
      const lately = new Date(now.getTime() - 86_400_000)
      // a.ts's copy, made long ago and still asked for; another text's copy, unused for too long; one used lately
      const own = join(cache, cacheName(source))
      const stale = join(cache, `${"0".repeat(64)}.js`)
      const recent = join(cache, `${"1".repeat(64)}.js`)
      for (const [path, at] of [
        [own, longAgo],
        [stale, longAgo],
        [recent, lately],
      ] as const) {
        writeFileSync(path, "export const n = 1\n")
        utimesSync(path, at, at)
      }
      expect(prepareCompiledSources({ root, folder: cache, now })).toBe(cache)
      expect(existsSync(own)).toBe(true)
      expect(statSync(own).mtimeMs).toBe(now.getTime())
      expect(existsSync(recent)).toBe(true)
      expect(existsSync(stale)).toBe(false)
    } finally {
      rmSync(root, { recursive: true, force: true })
      rmSync(cache, { recursive: true, force: true })
    }
  })
})
