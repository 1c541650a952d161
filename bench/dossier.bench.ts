// Benchmark: what one decision of the dossier machine costs (decode the event, restore the snapshot, run every
// guard, the xstate transition, the reducers and the named actions), and a whole lifecycle from filing to the
// returned result, each against a plain object update of the same context measured in the same run (the floor a
// hand-written `{ ...context, … }` reducer costs). Rounds are interleaved; the table shows the median of the
// rounds and the ratio to the floor. No test asserts on these numbers. Run: node bench/dossier.bench.ts
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { type DossierSnapshot, decide, makeCalendar, open, persist } from "@motcua/domain"
import { defaultWorld, dossierSetup, plainIntent, startRun } from "@motcua/testkit"
import { runStep } from "../packages/testkit/src/workflow/run-step.ts"
import { report } from "./harness/table.ts"

const ROUNDS = 7
const ROUND_MS = 300

// A civil-status procedure of the sample catalogue, its dossier driven by the testkit from filing to the result.
const data = loadQuangNinh()
if (data._tag === "Failure") throw data.failure
const { catalogue, holidays } = data.success
const calendar = makeCalendar(holidays === undefined ? {} : { holidayOverrides: holidays })
const procedure = catalogue.find((p) => p.result.signatureRequired && p.process.length >= 5) ?? catalogue[0]
if (procedure === undefined) throw new Error("the sample catalogue is empty")
const setup = dossierSetup(procedure, { calendar, world: defaultWorld })
const progress = plainIntent("accept", { mode: "progress", gap: { kind: "hours", amount: 3 } })
const run = startRun(setup, {
  channelPick: 0,
  at: Date.parse("2025-10-06T08:00:00+07:00"),
  documents: procedure.documents.map(() => "submitted"),
  categories: [],
  applicantName: "Nguyễn Văn An",
  applicantKind: "citizen",
  quantity: 1,
  declaredValue: 0,
  area: 1,
  utc: false,
})
for (let i = 0; i < 40 && run.model.state !== "returned"; i++) runStep(run, progress)
if (run.model.state !== "returned") throw new Error("the lifecycle did not reach the result")
const [filingStep, ...eventSteps] = run.trace.steps
const filing = filingStep?.event
const events = eventSteps.map((s) => s.event)

// One decision: the hand-over from the specialist's step (a dossier in `working`).
const handover = run.trace.steps.findIndex((s, i) => i > 1 && (s.event as { type?: string }).type === "completeStep")
const before = run.trace.steps[handover - 1]?.snapshot
const handoverEvent = run.trace.steps[handover]?.event
if (before === undefined || handoverEvent === undefined) throw new Error("no hand-over in the lifecycle")
const live = setup.machine.resolveState({ value: before.value, context: before.context }) as DossierSnapshot

type Context = typeof before.context
const at = "2025-10-08T09:00:00+07:00"
/** The floor: what a hand-written reducer does for a hand-over — copy the context, end one step, start the next. */
const plainUpdate = (c: Context): Context => {
  const steps = c.steps.map((s, i) => (i === c.steps.length - 1 ? { ...s, endedAt: at } : s))
  return {
    ...c,
    currentStep: c.currentStep + 1,
    lastEventAt: at,
    steps: [...steps, { ...(steps[steps.length - 1] as Context["steps"][number]), startedAt: at }],
  }
}

const decideOnce = () => decide(setup.machine, live, handoverEvent)
const decideFromJson = () => decide(setup.machine, persist(live), handoverEvent)
const plainOnce = () => plainUpdate(before.context)
const lifecycle = () => {
  const opened = open(setup.machine, filing)
  if (!opened.ok) throw new Error("filing refused")
  let snapshot = opened.snapshot
  for (const event of events) {
    const next = decide(setup.machine, snapshot, event)
    if (!next.ok) throw new Error(`refused: ${JSON.stringify(next.reason)}`)
    snapshot = next.snapshot
  }
  return snapshot
}
const plainLifecycle = () => {
  let c = before.context
  for (let i = 0; i <= events.length; i++) c = plainUpdate(c)
  return c
}

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
