// The resident memory of another process, as the kernel counts it (Linux: /proc/<pid>/status): VmRSS sampled every
// `intervalMs`, and VmHWM, the kernel's own high-water mark, so that a peak between two samples is not missed. Used by
// memory.bench.ts on the processes it starts (the CLI's long runs, the API server under load). Linux only: anywhere
// else the first read fails with a clear message.
import { spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { loadavg } from "node:os"

export interface ProcMemory {
  /** Resident set now (VmRSS), MB. */
  readonly rssMb: number
  /** The resident set's high-water mark since the process (image) started (VmHWM), MB. */
  readonly hwmMb: number
}

const field = (status: string, name: string) => {
  const found = new RegExp(`^${name}:\\s+(\\d+) kB$`, "m").exec(status)
  return found?.[1] === undefined ? undefined : Number(found[1]) / 1024
}

/** The process's memory now; undefined once it has ended (or become a zombie, which has no memory left). */
export function procMemory(pid: number): ProcMemory | undefined {
  let status: string
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8")
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      if (process.platform !== "linux") throw new Error("the resident set is read from /proc: Linux only")
      return undefined
    }
    throw error
  }
  const rssMb = field(status, "VmRSS")
  const hwmMb = field(status, "VmHWM")
  return rssMb === undefined || hwmMb === undefined ? undefined : { rssMb, hwmMb }
}

export interface RssSample {
  /** Since sampling began. */
  readonly ms: number
  readonly rssMb: number
}

export interface Sampler {
  /** Stops sampling; the samples so far and the highest VmHWM read (the peak, up to the last sample). */
  readonly stop: () => { readonly samples: ReadonlyArray<RssSample>; readonly peakMb: number }
}

/** Samples `pid` every `intervalMs` (250 by default) until stopped or until the process has ended. */
export function sampleRss(pid: number, intervalMs = 250): Sampler {
  const started = performance.now()
  const samples: RssSample[] = []
  let peakMb = 0
  const take = () => {
    const now = procMemory(pid)
    if (now === undefined) return
    samples.push({ ms: performance.now() - started, rssMb: now.rssMb })
    peakMb = Math.max(peakMb, now.hwmMb, now.rssMb)
  }
  take()
  const timer = setInterval(take, intervalMs)
  return {
    stop: () => {
      clearInterval(timer)
      take()
      return { samples, peakMb }
    },
  }
}

export interface SampledRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  readonly seconds: number
  readonly peakMb: number
  readonly samples: ReadonlyArray<RssSample>
  /** The 1-minute load average when the run started and when it ended. */
  readonly load: readonly [number, number]
}

/** Runs a command to its end while sampling its resident set (see sampleRss). */
export function runSampled(
  command: string,
  args: ReadonlyArray<string>,
  options: { readonly env?: NodeJS.ProcessEnv; readonly cwd?: string; readonly intervalMs?: number } = {},
): Promise<SampledRun> {
  const loadBefore = loadavg()[0] ?? 0
  const started = performance.now()
  const child = spawn(command, args, {
    stdio: ["ignore", "pipe", "pipe"],
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  })
  if (child.pid === undefined) return Promise.reject(new Error(`${command} did not start`))
  const sampler = sampleRss(child.pid, options.intervalMs)
  let stdout = ""
  let stderr = ""
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk
  })
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    // the tail is enough to say why a run failed
    stderr = (stderr + chunk).slice(-20_000)
  })
  return new Promise((resolve, reject) => {
    child.on("error", reject)
    child.on("close", (code) => {
      const { samples, peakMb } = sampler.stop()
      resolve({
        code,
        stdout,
        stderr,
        seconds: (performance.now() - started) / 1000,
        peakMb,
        samples,
        load: [loadBefore, loadavg()[0] ?? 0],
      })
    })
  })
}

export interface Growth {
  /** The first sample's resident set (a server: at rest after start-up, before the load), MB. */
  readonly startMb: number
  /** The resident set when warm-up ended (the median of the samples of the second after it), MB. */
  readonly warmMb: number
  /** The resident set at the end (the median of the last second's samples), MB. */
  readonly endMb: number
  /** The least-squares slope of the resident set after warm-up, MB per minute. */
  readonly slopeMbPerMin: number
}

const medianOf = (xs: ReadonlyArray<number>) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0 ? Number.NaN : ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2
}

/** How the resident set moved after `warmupMs` (samples before it are start-up and JIT, not growth). */
export function growthOf(samples: ReadonlyArray<RssSample>, warmupMs: number): Growth {
  const startMb = samples[0]?.rssMb ?? Number.NaN
  const after = samples.filter((s) => s.ms >= warmupMs)
  if (after.length < 2) return { startMb, warmMb: Number.NaN, endMb: Number.NaN, slopeMbPerMin: Number.NaN }
  const first = after[0] as RssSample
  const last = after[after.length - 1] as RssSample
  const warmMb = medianOf(after.filter((s) => s.ms <= first.ms + 1000).map((s) => s.rssMb))
  const endMb = medianOf(after.filter((s) => s.ms >= last.ms - 1000).map((s) => s.rssMb))
  const n = after.length
  const mx = after.reduce((sum, s) => sum + s.ms, 0) / n
  const my = after.reduce((sum, s) => sum + s.rssMb, 0) / n
  let sxy = 0
  let sxx = 0
  for (const s of after) {
    sxy += (s.ms - mx) * (s.rssMb - my)
    sxx += (s.ms - mx) ** 2
  }
  return { startMb, warmMb, endMb, slopeMbPerMin: sxx === 0 ? 0 : (sxy / sxx) * 60_000 }
}
