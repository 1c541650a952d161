// checkWorkflow reports a shrunk counterexample when an invariant fails; it runs on random procedures from the
// arbitraries; and event sequences come valid (every event taken) or mixed, with typed refusals.
import fc from "fast-check"
import { describe, expect, test } from "vitest"
import {
  arbEventSequence,
  arbProcedure,
  assertWorkflow,
  checkWorkflow,
  formatReport,
  type Invariant,
} from "../src/index.ts"
import { calendar, catalogue, sampleProcedure, suiteInvariants } from "./sample.ts"

const procedure = catalogue.find((p) => p.result.signatureRequired) ?? sampleProcedure()

// A deliberately wrong rule: "nothing is ever signed". Every dossier that gets signed breaks it.
const neverSigned: Invariant = {
  name: "never-signed",
  sentence: "Không hồ sơ nào được ký / nothing is ever signed (a rule made up to see the report).",
  check: (trace) =>
    trace.steps.some((s) => s.decision.ok && s.snapshot.context.signature !== undefined)
      ? "a dossier was signed"
      : undefined,
}

describe("checkWorkflow", () => {
  test("a broken invariant gives a shrunk counterexample that ends with the signature", () => {
    const report = checkWorkflow(procedure, { calendar, numRuns: 300, seed: 42, invariants: [neverSigned] })
    expect(report.ok).toBe(false)
    const c = report.counterexample
    expect(c?.violation).toContain("[never-signed]")
    // shrunk: the fewest events that get a dossier signed (accept, hand-overs to the leader, approve, sign, …)
    expect(c?.commands.length).toBeLessThanOrEqual(procedure.process.length + 5)
    expect(c?.commands.filter((line) => !line.includes("→ refused")).at(-1)).toMatch(/^sign by .* → working$/)
    expect(formatReport(report)).toContain("events (shrunk):")
    expect(() => assertWorkflow(procedure, { calendar, numRuns: 300, seed: 42, invariants: [neverSigned] })).toThrow(
      /never-signed/,
    )
    // 600 seeded runs and a shrink: seconds on a quiet machine, more on a busy one (the default 5 s is too tight)
  }, 60_000)

  test("the same seed gives the same report", () => {
    const a = checkWorkflow(procedure, { calendar, numRuns: 20, seed: 7 })
    const b = checkWorkflow(procedure, { calendar, numRuns: 20, seed: 7 })
    expect(a).toEqual(b)
    expect(a.runs).toBe(20)
  })

  test("random procedures and variants from the arbitraries keep every invariant", () => {
    fc.assert(
      fc.property(arbProcedure(), fc.nat(3), (p, v) => {
        const variantId = p.variants[v]?.id
        assertWorkflow(p, {
          calendar,
          numRuns: 15,
          invariants: suiteInvariants,
          ...(variantId === undefined ? {} : { variantId }),
        })
      }),
      { numRuns: 40 },
    )
  })
})

describe("arbEventSequence", () => {
  test("valid sequences: every event is taken", () => {
    fc.assert(
      fc.property(arbEventSequence(procedure, { calendar, valid: true }), (s) => {
        expect(s.events.every((e) => e.taken)).toBe(true)
      }),
      { numRuns: 100 },
    )
  })

  test("mixed sequences: refused events carry a typed reason, and some of each kind come up", () => {
    let taken = 0
    let refused = 0
    fc.assert(
      fc.property(arbEventSequence(procedure, { calendar }), (s) => {
        for (const e of s.events) {
          if (e.taken) taken++
          else {
            refused++
            expect(e.refusal).toMatch(/^[A-Z][A-Za-z]+$/)
          }
        }
      }),
      { numRuns: 100 },
    )
    expect(taken).toBeGreaterThan(0)
    expect(refused).toBeGreaterThan(0)
  })
})
