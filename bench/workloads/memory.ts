// The runs of memory.bench.ts, each in a process of its own started as an operator starts it, its resident set
// sampled from outside (harness/rss.ts), its data checked afterwards:
// - `motcua simulate --count N`: the summary says N dossiers and none stuck; the simulation's database holds N
//   dossiers and at least one audit entry per transition the summary counts;
// - `motcua catalogue import` of a generated catalogue of N procedures (largeCatalogue): the imported folder holds
//   exactly the N procedures, with the generated codes;
// - the API server (workloads/memory-server.ts, its process settings applied as `motcua serve` applies them) under
//   the HTTP bench's filing load (workloads/http-load.ts) for a given time: every answer 201, and the database holds
//   one dossier and one idempotency row per 201.
// The runs strip NODE_OPTIONS and MOTCUA_PROCESS_SETTINGS so that each process runs with its own settings, not those of
// whoever runs the benchmark.
import { fork, spawn } from "node:child_process"
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { openSqlite } from "@motcua/storage-sql"
import { RowsLost } from "../harness/rows.ts"
import { type Growth, growthOf, runSampled, type SampledRun, sampleRss } from "../harness/rss.ts"
import { FILING_BODY, TOKEN } from "./http-filing.ts"
import type { LoadRequest, LoadResult } from "./http-load.ts"

const ROOT = join(import.meta.dirname, "..", "..")
const CLI = join(ROOT, "apps", "cli", "src", "main.ts")
const SAMPLE_DATA = join(ROOT, "packages", "catalog-quangninh", "data")

/** The environment of a process that must run with its own settings. */
const ownSettings = (): NodeJS.ProcessEnv => ({ ...process.env, NODE_OPTIONS: "", MOTCUA_PROCESS_SETTINGS: "" })

export interface MemoryRun {
  readonly part: string
  readonly n: number
  readonly seconds: number
  readonly peakMb: number
  readonly growth: Growth
  readonly load: readonly [number, number]
  /** What the row check found (printed with the figures). */
  readonly checked: string
  /** The V8 flags the measured process ran with (the API server's: its process settings applied). */
  readonly execArgv?: ReadonlyArray<string>
}

const failed = (what: string, run: SampledRun) =>
  new Error(`${what} failed (exit ${run.code}): ${run.stderr.slice(-3000)}${run.stdout.slice(-1000)}`)

/** One row of counts read from a run's SQLite file after the run has ended. */
function countRows<T>(file: string, query: string): T {
  const { raw } = openSqlite({ file, synchronous: "NORMAL" })
  try {
    return raw.prepare(query).get() as T
  } finally {
    raw.close()
  }
}

/** Where warm-up ends in a run to its end: a fifth of it (start-up, JIT, the first pages of the database). */
const warmupOf = (run: SampledRun) => (run.seconds * 1000) / 5

/** `motcua simulate --count n` into a fresh data folder; its database checked afterwards. */
export async function simulateRun(n: number): Promise<MemoryRun> {
  const folder = mkdtempSync(join(tmpdir(), "motcua-bench-memory-simulate-"))
  try {
    const run = await runSampled(
      process.execPath,
      [CLI, "simulate", "--data", folder, "--count", String(n), "--seed", "memory", "--json"],
      { env: ownSettings() },
    )
    if (run.code !== 0) throw failed(`motcua simulate --count ${n}`, run)
    const summary = JSON.parse(run.stdout) as { dossiers: number; transitions: number; stuck: unknown[] }
    if (summary.dossiers !== n || summary.stuck.length > 0)
      throw new RowsLost(`simulate: ${summary.dossiers} of ${n} dossiers, ${summary.stuck.length} stuck`)
    const counts = countRows<{ dossiers: number; audit: number }>(
      join(folder, "simulation.sqlite"),
      "select (select count(*) from dossier) as dossiers, (select count(*) from audit_entry) as audit",
    )
    if (counts.dossiers !== n || counts.audit < summary.transitions)
      throw new RowsLost(
        `simulate: the database holds ${counts.dossiers} dossiers (expected ${n}) and ${counts.audit} audit entries (expected ≥ ${summary.transitions})`,
      )
    return {
      part: "motcua simulate",
      n,
      seconds: run.seconds,
      peakMb: run.peakMb,
      growth: growthOf(run.samples, warmupOf(run)),
      load: run.load,
      checked: `${counts.dossiers} dossiers, ${counts.audit} audit entries for ${summary.transitions} transitions`,
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

/** The generated procedure codes: `9.000000`, `9.000001`, … then `8.…` (the sample's codes start with 1 to 3). */
export const generatedCode = (i: number) => `${9 - Math.floor(i / 1_000_000)}.${String(i % 1_000_000).padStart(6, "0")}`
const PER_FILE = 1000

/**
 * Writes a catalogue bundle (what `catalogue export` writes) of the sample's units, agencies, centres and holidays
 * and `n` procedures, copies of the sample's in turn under generated codes, 1,000 per procedure file. Written as it
 * is generated, so that the generator's own memory does not grow with n. Answers the file's size in bytes.
 */
export async function largeCatalogue(file: string, n: number): Promise<number> {
  const read = (name: string) => JSON.parse(readFileSync(join(SAMPLE_DATA, name), "utf8")) as unknown
  const templates = readdirSync(join(SAMPLE_DATA, "procedures"))
    .sort()
    .flatMap((name) => read(`procedures/${name}`) as Array<Record<string, unknown>>)
  const out = createWriteStream(file)
  let failure: Error | undefined
  out.on("error", (error) => {
    failure = error
  })
  let bytes = 0
  const write = async (text: string) => {
    if (failure !== undefined) throw failure
    bytes += Buffer.byteLength(text)
    if (!out.write(text)) await new Promise<void>((resolve) => out.once("drain", () => resolve()))
  }
  await write('{"format":"motcua-catalogue","version":1,"files":{')
  for (const name of ["units.json", "agencies.json", "centres.json", "holidays.json"])
    await write(`${JSON.stringify(name)}:${JSON.stringify(read(name))},`)
  for (let file = 0; file * PER_FILE < n; file++) {
    await write(`${file === 0 ? "" : ","}"procedures/generated-${String(file).padStart(5, "0")}.json":[`)
    for (let i = file * PER_FILE; i < Math.min(n, (file + 1) * PER_FILE); i++) {
      const template = templates[i % templates.length] as Record<string, unknown>
      await write(`${i === file * PER_FILE ? "" : ","}${JSON.stringify({ ...template, code: generatedCode(i) })}`)
    }
    await write("]")
  }
  await write("}}\n")
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
  return bytes
}

/** `motcua catalogue import` of a generated catalogue of n procedures; the imported folder checked afterwards. */
export async function importRun(n: number): Promise<MemoryRun & { readonly fileMb: number }> {
  const folder = mkdtempSync(join(tmpdir(), "motcua-bench-memory-import-"))
  try {
    const bundle = join(folder, "catalogue.json")
    const bytes = await largeCatalogue(bundle, n)
    const data = join(folder, "data")
    const run = await runSampled(process.execPath, [CLI, "catalogue", "import", bundle, "--data", data], {
      env: ownSettings(),
    })
    if (run.code !== 0) throw failed(`motcua catalogue import (${n} procedures)`, run)
    // the imported folder, read back one procedure file at a time
    const proceduresDir = join(data, "catalogue", "procedures")
    let procedures = 0
    let wrongCodes = 0
    for (const name of readdirSync(proceduresDir)) {
      const list = JSON.parse(readFileSync(join(proceduresDir, name), "utf8")) as Array<{ code: string }>
      for (const p of list) {
        if (p.code !== generatedCode(procedures)) wrongCodes++
        procedures++
      }
    }
    if (procedures !== n || wrongCodes > 0)
      throw new RowsLost(`catalogue import: ${procedures} of ${n} procedures imported, ${wrongCodes} under other codes`)
    return {
      part: "motcua catalogue import",
      n,
      seconds: run.seconds,
      peakMb: run.peakMb,
      growth: growthOf(run.samples, warmupOf(run)),
      load: run.load,
      checked: `${procedures} procedures imported (${(bytes / 1024 / 1024).toFixed(0)} MB bundle)`,
      fileMb: bytes / 1024 / 1024,
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

/**
 * Settings to try on the measured server on top of its own (what it runs with is printed with the run): node flags
 * given as an operator gives them (NODE_OPTIONS, kept by the server's restart in place) and environment variables.
 */
export interface ServerTrial {
  readonly nodeOptions?: string
  readonly env?: Readonly<Record<string, string>>
  /** Another script in memory-server.ts's place (its arguments and its JSON line the same): e.g. a bundle of it. */
  readonly script?: string
}

/**
 * The API server (memory-server.ts) under the HTTP bench's filing load for `ms`: 16 keep-alive connections from a
 * load process, in batches of `batch` filings. Warm-up: the first `warmupMs`.
 */
export async function serverRun(
  ms: number,
  warmupMs: number,
  batch = 1000,
  trial: ServerTrial = {},
): Promise<MemoryRun> {
  const folder = mkdtempSync(join(tmpdir(), "motcua-bench-memory-server-"))
  const file = join(folder, "api.sqlite")
  const script = trial.script ?? join(import.meta.dirname, "memory-server.ts")
  const server = spawn(process.execPath, [script, file, folder], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...ownSettings(), NODE_OPTIONS: trial.nodeOptions ?? "", ...trial.env },
  })
  const exited = new Promise<number | null>((resolve) => server.on("close", resolve))
  const loader = fork(fileURLToPath(new URL("./http-load.ts", import.meta.url)), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  })
  try {
    const { port, settings } = await new Promise<{ port: number; settings: string[] }>((resolve, reject) => {
      let text = ""
      server.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
        text += chunk
        const line = text.split("\n").find((l) => l.startsWith("{"))
        if (line !== undefined) resolve(JSON.parse(line) as { port: number; settings: string[] })
      })
      server.on("close", (code) => reject(new Error(`the API server ended before listening (exit ${code})`)))
    })
    const pid = server.pid as number
    const load = (request: LoadRequest) =>
      new Promise<LoadResult>((resolve, reject) => {
        loader.once("message", (message: LoadResult | { error: string }) =>
          "error" in message ? reject(new Error(message.error)) : resolve(message),
        )
        loader.send(request)
      })
    const loadBefore = loadavg()[0] ?? 0
    const sampler = sampleRss(pid)
    const started = performance.now()
    let created = 0
    let sent = 0
    for (let key = 0; performance.now() - started < ms; key++) {
      const result = await load({
        url: `http://127.0.0.1:${port}/api/v1/dossiers`,
        token: TOKEN,
        body: FILING_BODY,
        requests: batch,
        concurrency: 16,
        keyPrefix: `m${key}`,
      })
      sent += batch
      created += result.statuses["201"] ?? 0
      if (created !== sent)
        throw new RowsLost(
          `API server: ${created} of ${sent} filings answered 201 (${JSON.stringify(result.statuses)}) ${result.sample ?? ""}`,
        )
    }
    const seconds = (performance.now() - started) / 1000
    const { samples, peakMb } = sampler.stop()
    const loadAfter = loadavg()[0] ?? 0
    server.kill("SIGTERM")
    await exited
    const counts = countRows<{ dossiers: number; keys: number }>(
      file,
      "select (select count(*) from dossier) as dossiers, (select count(*) from idempotency) as keys",
    )
    if (counts.dossiers !== created || counts.keys !== created)
      throw new RowsLost(
        `API server: ${created} filings answered 201, the database holds ${counts.dossiers} dossiers and ${counts.keys} idempotency rows`,
      )
    return {
      part: "API server, HTTP filing load",
      n: created,
      seconds,
      peakMb,
      growth: growthOf(samples, warmupMs),
      load: [loadBefore, loadAfter],
      checked: `${counts.dossiers} dossiers and idempotency rows for ${created} filings answered 201`,
      execArgv: [
        ...settings,
        ...(trial.nodeOptions ?? "").split(/\s+/).filter((f) => f !== ""),
        ...Object.entries(trial.env ?? {}).map(([k, v]) => `${k}=${v}`),
      ],
    }
  } finally {
    if (loader.connected) loader.send("exit")
    if (server.exitCode === null) server.kill("SIGTERM")
    await exited
    rmSync(folder, { recursive: true, force: true })
  }
}

/** One line of a run for the log: its figures and the load average it was taken at. */
export const describeRun = (r: MemoryRun) =>
  `${r.part}, N = ${r.n}: peak ${r.peakMb.toFixed(0)} MB, first sample ${r.growth.startMb.toFixed(0)} MB, after warm-up ${r.growth.warmMb.toFixed(0)} MB, at the end ${r.growth.endMb.toFixed(0)} MB, slope ${r.growth.slopeMbPerMin.toFixed(2)} MB/min, ${r.seconds.toFixed(0)} s, load ${r.load[0].toFixed(1)}→${r.load[1].toFixed(1)}; ${r.checked}${r.execArgv === undefined ? "" : `; settings: ${r.execArgv.join(" ")}`}`
