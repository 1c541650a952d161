// The workload of dossier.bench.ts: one decision of the dossier machine (a hand-over) and a whole lifecycle from
// filing to the returned result, beside the plain object updates that are their floor. `dossierWorkload` drives the
// lifecycle once through the testkit and checks it reaches the result, and that every decision replays (the smoke
// test runs that check alone).
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { type DossierSnapshot, decide, makeCalendar, open, persist } from "@motcua/domain"
import { defaultWorld, dossierSetup, plainIntent, startRun } from "@motcua/testkit"
import { runStep } from "../../packages/testkit/src/workflow/run-step.ts"

export function dossierWorkload() {
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
    sequence: 1,
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
    // As the engine does: each decision from the JSON form the last one gave (no live xstate snapshot is built).
    let snapshot = opened.persisted
    for (const event of events) {
      const next = decide(setup.machine, snapshot, event)
      if (!next.ok) throw new Error(`refused: ${JSON.stringify(next.reason)}`)
      snapshot = next.persisted
    }
    return snapshot
  }
  const plainLifecycle = () => {
    let c = before.context
    for (let i = 0; i <= events.length; i++) c = plainUpdate(c)
    return c
  }

  // the replay must be accepted from end to end, or the benchmark would time refusals
  lifecycle()
  return { procedure, events, plainOnce, decideOnce, decideFromJson, plainLifecycle, lifecycle }
}
