// Benchmark: what one decision of the dossier machine costs (decode the event, restore the snapshot, run every
// guard, the xstate transition, the reducers and the named actions), and a whole lifecycle from filing to the
// returned result, each against a plain object update of the same context measured in the same run (the floor a
// hand-written `{ ...context, … }` reducer costs). Rounds are interleaved; the table shows the median of the
// rounds and the ratio to the floor. No test asserts on these numbers. Run: node bench/dossier.bench.ts
import { report } from "./harness/table.ts"
import { dossierWorkload } from "./workloads/dossier-machine.ts"

const ROUNDS = 7
const ROUND_MS = 300

const { procedure, events, plainOnce, decideOnce, decideFromJson, plainLifecycle, lifecycle } = dossierWorkload()

/** Microseconds per call over one round. */
const measure = (f: () => unknown): number => {
  let calls = 0
  let sink = 0
  const begin = performance.now()
  let elapsed = 0
  while (elapsed < ROUND_MS) {
    for (let i = 0; i < 50; i++) sink += f() === undefined ? 0 : 1
    calls += 50
    elapsed = performance.now() - begin
  }
  if (sink === -1) console.log(sink)
  return (elapsed * 1000) / calls
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

const cases = [
  ["plain object update (floor)", plainOnce],
  ["decide: one hand-over", decideOnce],
  ["decide: one hand-over, snapshot from JSON", decideFromJson],
  [`plain updates ×${events.length + 1} (floor)`, plainLifecycle],
  [`lifecycle: open + ${events.length} decisions`, lifecycle],
] as const
for (const [, f] of cases) measure(f) // warm-up
const samples = cases.map(() => [] as number[])
for (let r = 0; r < ROUNDS; r++) {
  cases.forEach(([, f], i) => {
    samples[i]?.push(measure(f))
  })
}
const results = samples.map(median)

const floorOf = (i: number) => (i < 3 ? results[0] : results[3]) as number
console.log(
  `dossier machine (${procedure.code}, ${procedure.process.length} steps): median of ${ROUNDS} interleaved rounds of ${ROUND_MS} ms`,
)
console.log(`${"operation".padEnd(44)}${"µs/op".padStart(12)}${"× floor".padStart(10)}`)
cases.forEach(([name], i) => {
  const us = results[i] as number
  console.log(`${name.padEnd(44)}${us.toFixed(2).padStart(12)}${`${(us / floorOf(i)).toFixed(0)}×`.padStart(10)}`)
})
// For `pnpm bench`'s table: operations per second against the floor's (a floor is the fast side, so ratios < 1).
const perSecond = (us: number) => 1e6 / us
report(
  "Dossier machine",
  cases.flatMap(([name], i) => {
    if (i === 0 || i === 3) return []
    const floor = i < 3 ? 0 : 3
    const ratios = (samples[i] ?? []).map((us, r) => (samples[floor]?.[r] as number) / us)
    return [
      {
        benchmark: `dossier: ${name}`,
        mode: "in memory",
        unit: "ops/s",
        measured: perSecond(results[i] as number),
        floor: perSecond(results[floor] as number),
        ratio: median(ratios),
        ratios,
      },
    ]
  }),
)
