// xstate/graph shortest paths through the machine of every sample procedure: they reach every state, and each
// path is exercised through `decide` from the stored (JSON) form of each snapshot, its trace judged by the invariants.
import { decide, dossierStateNames, stateOf } from "@motcua/domain"
import { describe, expect, test } from "vitest"
import {
  abstractDossier,
  checkTrace,
  type DossierTrace,
  describeViolations,
  filingOf,
  persisted,
  shortestDossierPaths,
} from "../src/index.ts"
import { catalogue, plainPlan, setupOf, suiteInvariants } from "./sample.ts"

describe("shortest paths through each sample procedure's machine", () => {
  test.each(catalogue.map((p) => [p.code, p] as const))("%s: every state reached, every path exercised", (_c, p) => {
    const setup = setupOf(p)
    const { filing } = filingOf(setup, plainPlan(p))
    const paths = shortestDossierPaths(setup, filing)
    expect(new Set(paths.map((path) => stateOf(path.state)))).toEqual(new Set(dossierStateNames))

    for (const path of paths) {
      // steps[0] is the filed dossier the search started from (event xstate.init)
      const first = path.steps[0]
      if (first === undefined) continue
      let snapshot = first.state
      const trace: DossierTrace & { steps: DossierTrace["steps"][number][] } = {
        procedure: p,
        calendar: setup.calendar,
        steps: [{ event: filing, decision: { ok: true }, snapshot: persisted(snapshot), actions: [] }],
      }
      for (const step of path.steps.slice(1)) {
        const decision = decide(setup.machine, JSON.parse(JSON.stringify(persisted(snapshot))), step.event)
        if (!decision.ok) throw new Error(`${step.event.type} refused on the path to ${abstractDossier(path.state)}`)
        snapshot = decision.snapshot
        trace.steps.push({ event: step.event, decision, snapshot: persisted(snapshot), actions: decision.actions })
      }
      expect(abstractDossier(snapshot)).toBe(abstractDossier(path.state))
      const violations = checkTrace(trace, suiteInvariants)
      if (violations.length > 0) throw new Error(describeViolations(violations))
    }
  })
})
