// `decide` and `open` compute each transition from the plain functions the machine is built from (the domain's
// step.ts), not by running xstate. Here both answer every step of generated model-based runs (property-generated
// event sequences over every procedure and variant of the sample catalogue, with wrong roles, out-of-scope actors,
// instants back in time, bad payloads and malformed events among them): the machine's pure `transition` and
// `initialTransition` must give the same next state, the same context and the same named actions as the trace
// recorded from `decide`/`open`, and must not move where `decide` refused.
import {
  createDossierMachine,
  type DossierAction,
  type DossierMachine,
  decodeAll,
  decodeEvent,
  FileDossier,
} from "@motcua/domain"
import { Result } from "effect"
import { describe, expect, test } from "vitest"
import { initialTransition, transition } from "xstate"
import { checkWorkflow, type DossierTrace } from "../src/index.ts"
import { calendar, pausesForPayment, units } from "./sample.ts"

const RUNS = 1_200
const perUnit = Math.ceil(RUNS / units.length)

const named = (actions: ReadonlyArray<{ readonly type: string; readonly params?: unknown }>): DossierAction[] =>
  actions.map((a) => ({ type: a.type, params: a.params }) as DossierAction)

interface Tally {
  taken: number
  refused: number
  undecodable: number
}

function compareTrace(machine: DossierMachine, trace: DossierTrace, tally: Tally) {
  const [filed, ...rest] = trace.steps
  if (filed === undefined) throw new Error("a trace without its filing")
  const filing = Result.getOrThrow(decodeAll(FileDossier, filed.event, "filing"))
  const [first, firstActions] = initialTransition(machine, filing)
  expect(first.value).toBe(filed.snapshot.value)
  expect(first.context).toStrictEqual(filed.snapshot.context)
  expect(named(firstActions)).toStrictEqual(filed.actions)
  let before = filed.snapshot
  for (const step of rest) {
    const decoded = decodeEvent(step.event)
    if (!decoded.ok) {
      // Refused before any transition, by the same decoding on both paths.
      expect(step.decision.ok ? "taken" : step.decision.reason._tag).toBe("InvalidEvent")
      tally.undecodable++
      before = step.snapshot
      continue
    }
    const live = machine.resolveState(JSON.parse(JSON.stringify(before)))
    const [next, actions] = transition(machine, live, decoded.event)
    if (step.decision.ok) {
      tally.taken++
      expect(next.value).toBe(step.snapshot.value)
      expect(next.context).toStrictEqual(step.snapshot.context)
      expect(named(actions)).toStrictEqual(step.actions)
    } else {
      tally.refused++
      // The machine does not move either (its guard runs the same checks).
      expect(next).toBe(live)
      expect(actions).toEqual([])
      expect(step.snapshot).toStrictEqual(before)
    }
    before = step.snapshot
  }
}

describe(`decide agrees with the machine on ${perUnit} generated sequences for each of ${units.length} procedures and variants`, () => {
  const tally: Tally = { taken: 0, refused: 0, undecodable: 0 }
  test.each(units.map((u) => [u.name, u] as const))("%s", (_name, unit) => {
    const options = {
      calendar,
      pauseForFinancialObligation: pausesForPayment(unit.procedure),
      ...(unit.variantId === undefined ? {} : { variantId: unit.variantId }),
    }
    // The same machine as the run's (same procedure, variant, calendar and options), built separately.
    const machine = Result.getOrThrow(createDossierMachine({ procedure: unit.procedure, ...options }))
    const report = checkWorkflow(unit.procedure, {
      ...options,
      numRuns: perUnit,
      maxCommands: 25,
      onTrace: (trace) => compareTrace(machine, trace, tally),
    })
    if (!report.ok) throw new Error(JSON.stringify(report.counterexample, null, 2))
  })

  test("the comparison covered taken, refused and undecodable events", () => {
    console.log(`machine agreement: ${JSON.stringify(tally)}`)
    expect(tally.taken).toBeGreaterThan(RUNS)
    expect(tally.refused).toBeGreaterThan(RUNS)
    expect(tally.undecodable).toBeGreaterThan(0)
  })
})
