// Each invariant holds on real traces and catches the breach it is named for: a trace recorded from the machine is
// corrupted in one place and the invariant must report it (a check that cannot fail tests nothing).
import type { DossierContext, PersistedDossier } from "@motcua/domain"
import { describe, expect, test } from "vitest"
import { checkTrace, type DossierTrace, invariants, type TraceStep } from "../src/index.ts"
import { catalogue, intent, plainPlan, runStep, runToResult, sampleProcedure, setupOf, startRun } from "./sample.ts"

// A procedure with a fee and a signed result, run to its result; and a dossier that waited for a supplement.
const procedure = catalogue.find((p) => p.fees.length > 0 && p.result.signatureRequired) ?? sampleProcedure()
const returned = runToResult(startRun(setupOf(procedure), plainPlan(procedure))).trace
const paused = (() => {
  const run = startRun(setupOf(procedure), plainPlan(procedure))
  runStep(run, intent("accept", { mode: "progress" })) // pays the fee due at intake first when there is one
  runStep(run, intent("accept", { mode: "progress" }))
  runStep(run, intent("requestSupplementation"))
  runStep(run, intent("supplementReceived", { gap: { kind: "days", amount: 3, hour: 9 } }))
  return run.trace
})()

type Ctx = { -readonly [K in keyof DossierContext]: DossierContext[K] }
const clone = (t: DossierTrace): DossierTrace & { steps: TraceStep[] } => ({
  ...t,
  steps: JSON.parse(JSON.stringify(t.steps)) as TraceStep[],
})
const last = (t: { steps: TraceStep[] }) => t.steps[t.steps.length - 1] as TraceStep
const ctx = (s: TraceStep) => s.snapshot.context as Ctx
const names = (t: DossierTrace) => checkTrace(t).map((v) => v.invariant)

describe("invariants", () => {
  test("each has a name and a sentence, and the recorded traces keep them all", () => {
    expect(new Set(invariants.map((i) => i.name)).size).toBe(invariants.length)
    for (const i of invariants) expect(i.sentence).toMatch(/ \/ .+\.$/)
    expect(last(clone(returned)).snapshot.value).toBe("returned")
    expect(ctx(last(clone(paused))).supplementations[0]?.receivedAt).toBeDefined()
    expect(checkTrace(returned)).toEqual([])
    expect(checkTrace(paused)).toEqual([])
  })

  const breaches: ReadonlyArray<readonly [string, DossierTrace, (t: DossierTrace & { steps: TraceStep[] }) => void]> = [
    ["result-needs-approval-and-signature", returned, (t) => delete ctx(last(t)).signature],
    ["result-needs-approval-and-signature", returned, (t) => delete ctx(last(t)).decision],
    [
      "supplementation-once-or-late",
      paused,
      (t) => {
        const c = ctx(last(t))
        c.supplementations = [...c.supplementations, ...c.supplementations]
      },
    ],
    [
      "clock-stopped-during-supplementation",
      paused,
      (t) => {
        ctx(last(t)).appointment = t.steps[t.steps.length - 2]?.snapshot.context.appointment as string
      },
    ],
    [
      "appointment-never-earlier",
      returned,
      (t) => {
        ctx(last(t)).appointment = "2025-10-06T09:00:00+07:00"
      },
    ],
    [
      "deadlines-on-working-days",
      returned,
      (t) => {
        ctx(last(t)).appointment = "2030-02-03T09:00:00+07:00"
      },
    ],
    [
      "fee-totals-are-sums",
      returned,
      (t) => {
        const c = ctx(last(t))
        c.fees = c.fees.map((f) => ({ ...f, amount: -1000 }))
      },
    ],
    [
      "payment-accepted-once",
      returned,
      (t) => {
        const c = ctx(last(t))
        c.payments = [...c.payments, ...c.payments]
      },
    ],
    [
      "terminal-states-closed",
      returned,
      (t) => t.steps.push({ ...last(t), event: { type: "approve" }, decision: { ok: true }, actions: [] }),
    ],
    [
      "national-status-sequence",
      returned,
      (t) => {
        const c = ctx(last(t))
        c.statusHistory = [c.statusHistory[0] as Ctx["statusHistory"][number], { code: 9, at: c.lastEventAt }]
      },
    ],
    [
      "refusal-changes-nothing",
      returned,
      (t) => {
        const changed: PersistedDossier = { ...last(t).snapshot, context: { ...ctx(last(t)), summary: "khác" } }
        t.steps.push({
          event: { type: "approve" },
          decision: { ok: false, reason: { _tag: "NotAllowedInState", state: "returned", event: "approve" } },
          snapshot: changed,
          actions: [],
        })
      },
    ],
    [
      "time-moves-forward",
      returned,
      (t) => {
        const snapshot = { ...last(t).snapshot, context: { ...ctx(last(t)), lastEventAt: "2025-01-01T00:00:00+07:00" } }
        t.steps.push({ event: { type: "correct" }, decision: { ok: true }, snapshot, actions: [] })
      },
    ],
  ]

  test.each(breaches.map(([name, trace, breach], i) => [`${name} #${i}`, name, trace, breach] as const))(
    "%s catches its breach",
    (_label, name, trace, breach) => {
      const broken = clone(trace)
      breach(broken)
      expect(names(broken)).toContain(name)
    },
  )
})
