// The harness every benchmark shares: ABBA rounds with a full GC before each timed half, the median of the
// per-round ratios, and the modes (storage dialects) run one after another. The floor is measured in the same run;
// only ratios are compared with targets (docs/performance.md).
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"

export type Mode = "sqlite-normal" | "sqlite-full" | "pg"

export interface ModeResult {
  readonly mode: Mode
  readonly label: string
  readonly target: number
  readonly lifecyclesPerRound: number
  readonly adapter: number
  readonly raw: number
  readonly ratios: ReadonlyArray<number>
  readonly ratio: number
  readonly lifecycles: number
}

/**
 * A full garbage collection before each timed batch, so that neither side pays for collecting the other's garbage
 * (the adapter makes more of it); each still pays for its own.
 */
export const collectGarbage: () => void = (() => {
  setFlagsFromString("--expose-gc")
  return runInNewContext("gc") as () => void
})()

export const median = (xs: ReadonlyArray<number>) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

export const LABELS: Record<Mode, { label: string; target: number }> = {
  "sqlite-normal": { label: "SQLite, synchronous=NORMAL", target: 0.75 },
  "sqlite-full": { label: "SQLite, synchronous=FULL", target: 0.9 },
  pg: { label: "PostgreSQL", target: 0.85 },
}

/** Runs `runMode` for each mode in turn (modes share the machine: never in parallel). */
export async function runModes(
  modes: ReadonlyArray<Mode>,
  runMode: (mode: Mode) => Promise<ModeResult>,
): Promise<ModeResult[]> {
  const results: ModeResult[] = []
  for (const mode of modes) results.push(await runMode(mode))
  return results
}

/** One side of an ABBA measurement: runs a part of a batch (timed). */
export type TimedSide<T> = (part: ReadonlyArray<T>) => Promise<void>

export interface AbbaMeasurement<T> {
  readonly mode: Mode
  readonly rounds: number
  readonly roundMs: number
  /** How the measured side is named in the log ("adapter", "use cases"). */
  readonly sideName: string
  readonly measured: TimedSide<T>
  readonly raw: TimedSide<T>
  /** Plans `count` lifecycles after the `done` already run (outside timing). */
  readonly prepare: (done: number, count: number) => Promise<ReadonlyArray<T>>
  /** Work before a batch that neither side is timed for (e.g. staging the floor's documents). */
  readonly beforeBatch?: (batch: ReadonlyArray<T>) => Promise<void>
  /** Checks both databases after `done` lifecycles; throws RowsLost when rows are missing. */
  readonly check: (done: number) => Promise<void>
  readonly warmCount: number
  readonly log: (line: string) => void
}

/**
 * Measures two sides in rounds. A round runs the batch in two halves, in the order measured, raw, raw, measured
 * (ABBA): each side runs once right after the other one and once right after itself, so whatever the side that runs
 * second inherits from the first (on this machine's disk, the side that runs first after a switch is up to 15%
 * slower at synchronous=FULL, even raw against raw) is shared equally, and so is any drift during the round. The
 * batch size is set from a warm-up so that the raw side's round takes about `roundMs`.
 */
export async function measureAbba<T>(m: AbbaMeasurement<T>): Promise<ModeResult> {
  let done = 0
  const timed = async (side: TimedSide<T>, part: ReadonlyArray<T>) => {
    collectGarbage()
    const start = performance.now()
    await side(part)
    return performance.now() - start
  }
  const both = async (batch: ReadonlyArray<T>) => {
    await m.beforeBatch?.(batch)
    const middle = Math.ceil(batch.length / 2)
    const [first, second] = [batch.slice(0, middle), batch.slice(middle)]
    let measuredMs = await timed(m.measured, first)
    let rawMs = await timed(m.raw, first)
    rawMs += await timed(m.raw, second)
    measuredMs += await timed(m.measured, second)
    done += batch.length
    await m.check(done)
    return { measuredMs, rawMs }
  }

  const warm = await m.prepare(done, m.warmCount)
  const warmTimes = await both(warm)
  const perLifecycleMs = Math.max(warmTimes.rawMs, 1e-3) / warm.length
  const batchSize = Math.max(20, Math.round(m.roundMs / perLifecycleMs))
  const { label, target } = LABELS[m.mode]
  m.log(`${label}: ${m.rounds} ABBA rounds of ${batchSize} lifecycles per side (${m.sideName})`)
  const measuredRates: number[] = []
  const rawRates: number[] = []
  const ratios: number[] = []
  for (let round = 0; round < m.rounds; round += 1) {
    const batch = await m.prepare(done, batchSize)
    const { measuredMs, rawMs } = await both(batch)
    const a = (batch.length * 1000) / measuredMs
    const r = (batch.length * 1000) / rawMs
    measuredRates.push(a)
    rawRates.push(r)
    ratios.push(a / r)
    m.log(`  round ${round + 1}: ${m.sideName} ${a.toFixed(0)}/s, raw ${r.toFixed(0)}/s, ratio ${(a / r).toFixed(3)}`)
  }
  return {
    mode: m.mode,
    label,
    target,
    lifecyclesPerRound: batchSize,
    adapter: median(measuredRates),
    raw: median(rawRates),
    ratios,
    ratio: median(ratios),
    lifecycles: done,
  }
}

/** Runs `work` after a full garbage collection; answers its wall-clock time in ms. */
export async function timed(work: () => Promise<void>): Promise<number> {
  collectGarbage()
  const begin = performance.now()
  await work()
  return performance.now() - begin
}

export interface RateRounds {
  readonly rounds: number
  readonly roundMs: number
  /** Items of the warm-up round (not counted). */
  readonly warmSize: number
  /** Fewest items a counted round runs, however slow the floor. */
  readonly minSize: number
  /** Units of the rates per item (a dossier is several pushes; 1 when the rate counts items). */
  readonly unitsPerItem?: number
  /** One ABBA round of `size` items (the caller times each half with `timed`): both sides' rates in units/s. */
  readonly round: (size: number) => Promise<{ readonly measured: number; readonly floor: number }>
  /** How the log names the sides, the rate's unit and the items ("adapter", "openssl", "results/s", "results"). */
  readonly names: { readonly measured: string; readonly floor: string; readonly unit: string; readonly items: string }
  readonly log: (line: string) => void
}

export interface RateResult {
  readonly measured: number
  readonly floor: number
  readonly ratio: number
  readonly ratios: ReadonlyArray<number>
}

/**
 * Rounds of a two-sided rate measurement whose rounds the caller runs in ABBA order (the portal relay and the signing
 * benches: their halves need set-up between them that `measureAbba` has no place for). A warm-up round sets the size
 * so that the floor's round takes about `roundMs`; the medians of the rates and of the per-round ratios are the result.
 */
export async function measureRateRounds(r: RateRounds): Promise<RateResult> {
  const unitsPerItem = r.unitsPerItem ?? 1
  const warm = await r.round(r.warmSize)
  const size = Math.max(r.minSize, Math.round(((r.roundMs / 1000) * warm.floor) / unitsPerItem))
  r.log(`${r.rounds} ABBA rounds of ${size} ${r.names.items} per side`)
  const measuredRates: number[] = []
  const floorRates: number[] = []
  const ratios: number[] = []
  const digits = (rate: number) => rate.toFixed(rate >= 100 ? 0 : 1)
  for (let round = 0; round < r.rounds; round += 1) {
    const { measured, floor } = await r.round(size)
    measuredRates.push(measured)
    floorRates.push(floor)
    ratios.push(measured / floor)
    r.log(
      `  round ${round + 1}: ${r.names.measured} ${digits(measured)} ${r.names.unit}, ${r.names.floor} ${digits(floor)} ${r.names.unit}, ratio ${(measured / floor).toFixed(3)}`,
    )
  }
  const result = { measured: median(measuredRates), floor: median(floorRates), ratio: median(ratios), ratios }
  r.log(
    `${r.names.measured} ${digits(result.measured)} ${r.names.unit}, ${r.names.floor} ${digits(result.floor)} ${r.names.unit}, ratio ${result.ratio.toFixed(3)}×`,
  )
  return result
}
