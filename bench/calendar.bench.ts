// Benchmark: additions of 15 working days per second, the calendar module (per-year day tables cached in the
// calendar object) against a plain day-by-day loop that checks every day against a freshly computed holiday list,
// which is what a straightforward implementation does. Both run in the same process, interleaved, over the same
// start dates; the table reports the median of the rounds and the ratio. Run: node bench/calendar.bench.ts
import type { LocalDate } from "@motcua/domain"
import { report } from "./harness/table.ts"
import { calendarWorkload, DAYS } from "./workloads/calendar.ts"

const ROUNDS = 7
const ROUND_MS = 300

const { starts, ours, naive } = calendarWorkload()

const measure = (f: (start: LocalDate) => unknown): number => {
  let ops = 0
  let sink = 0
  const begin = performance.now()
  let elapsed = 0
  while (elapsed < ROUND_MS) {
    for (let i = 0; i < 100; i++) sink += String(f(starts[(ops + i) % starts.length] as LocalDate)).length
    ops += 100
    elapsed = performance.now() - begin
  }
  if (sink === -1) console.log(sink)
  return (ops * 1000) / elapsed
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] as number
}

measure(ours)
measure(naive) // warm-up
const oursRuns: number[] = []
const naiveRuns: number[] = []
for (let r = 0; r < ROUNDS; r++) {
  oursRuns.push(measure(ours))
  naiveRuns.push(measure(naive))
}
const fmt = (n: number) => Math.round(n).toLocaleString("en-US").padStart(14)
console.log(`addWorkingDays(calendar, date, ${DAYS}): median of ${ROUNDS} interleaved rounds of ${ROUND_MS} ms`)
console.log(`${"implementation".padEnd(36)}${"additions/s".padStart(14)}`)
console.log(`${"calendar module (cached year tables)".padEnd(36)}${fmt(median(oursRuns))}`)
console.log(`${"day-by-day loop, fresh holiday list".padEnd(36)}${fmt(median(naiveRuns))}`)
console.log(`${"ratio".padEnd(36)}${`${(median(oursRuns) / median(naiveRuns)).toFixed(1)}×`.padStart(14)}`)
report("Calendar", [
  {
    benchmark: "calendar: add 15 working days",
    mode: "in memory",
    unit: "additions/s",
    measured: median(oursRuns),
    floor: median(naiveRuns),
    ratio: median(oursRuns.map((o, i) => o / (naiveRuns[i] as number))),
    ratios: oursRuns.map((o, i) => o / (naiveRuns[i] as number)),
  },
])
