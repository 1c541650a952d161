#!/usr/bin/env node
// motcua: the command line (migrate, seed, catalogue, serve, simulate, report). `motcua --help` lists them.
// `motcua serve` is the API server: its process settings for memory come first, before the commands' modules load
// (a restart in place when they are missing: apps/api/src/process-settings.ts). The long runs over data take them
// too: `simulate` and `catalogue` (import of a large catalogue) — without them V8 sizes its young generation for a
// machine with much memory and a 1,000-dossier simulation peaked at 373 MB resident instead of 189 MB
// (docs/performance.md, "Memory").
import { ensureServerProcess } from "@motcua/api/process-settings"

const LONG_RUNS: ReadonlySet<string | undefined> = new Set(["serve", "simulate", "catalogue"])
if (LONG_RUNS.has(process.argv[2])) ensureServerProcess()
const { runCli } = await import("./cli.ts")
const { processIo } = await import("./io.ts")
process.exitCode = await runCli(process.argv.slice(2), processIo())
