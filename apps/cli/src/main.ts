#!/usr/bin/env node
// motcua: the command line (migrate, seed, catalogue, serve, simulate, report). `motcua --help` lists them.
// `motcua serve` is the API server: its process settings for memory come first, before the commands' modules load
// (a restart in place when they are missing: apps/api/src/process-settings.ts). The long runs over data take them
// too: `simulate` and `catalogue` (import of a large catalogue) — without them V8 sizes its young generation for a
// machine with much memory and a 1,000-dossier simulation peaked at 373 MB resident instead of 189 MB
// (docs/performance.md, "Memory"). `motcua outbox relay` loads its own command only (run.ts).
// Then the commands run from the bundle built ahead (`pnpm run build:server`) when it matches the sources, else from
// the sources (server-bundle.ts; MOTCUA_BUNDLE=on|off forces either); `serve` says which on standard error.
import { pathToFileURL } from "node:url"
import { ensureServerProcess } from "@motcua/api/process-settings"
import { chooseServerBundle } from "./server-bundle.ts"

const LONG_RUNS: ReadonlySet<string | undefined> = new Set(["serve", "simulate", "catalogue"])
if (LONG_RUNS.has(process.argv[2])) ensureServerProcess()
const choice = chooseServerBundle(process.env)
if (process.argv[2] === "serve" || process.env.MOTCUA_BUNDLE !== undefined)
  process.stderr.write(
    choice.run === "bundle"
      ? `motcua: chạy bản dựng sẵn (running the bundle) ${choice.entry} — ${choice.why}\n`
      : `motcua: chạy từ mã nguồn (running the sources) — ${choice.why}\n`,
  )
if (choice.run === "bundle") await import(pathToFileURL(choice.entry).href)
else await import("./run.ts")
