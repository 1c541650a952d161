#!/usr/bin/env node
// motcua: the command line (migrate, seed, catalogue, serve, simulate, report). `motcua --help` lists them.
// `motcua serve` is the API server: its process settings for memory come first, before the commands' modules load
// (a restart in place when they are missing: apps/api/src/process-settings.ts).
import { ensureServerProcess } from "@motcua/api/process-settings"

if (process.argv[2] === "serve") ensureServerProcess()
const { runCli } = await import("./cli.ts")
const { processIo } = await import("./io.ts")
process.exitCode = await runCli(process.argv.slice(2), processIo())
