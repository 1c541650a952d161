#!/usr/bin/env node
// motcua: the command line (migrate, seed, catalogue, serve, simulate, report). `motcua --help` lists them.
import { runCli } from "./cli.ts"
import { processIo } from "./io.ts"

process.exitCode = await runCli(process.argv.slice(2), processIo())
