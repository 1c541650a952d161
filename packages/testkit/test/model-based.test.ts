// Model-based tests over every procedure (and variant) of the Quảng Ninh sample catalogue, with its calendar:
// at least 10 000 generated event sequences per run (MOTCUA_SOAK_RUNS raises it; MOTCUA_SEED replays one run),
// each checked event by event against the reference model and as a whole against the invariants.
import { dossierStateNames } from "@motcua/domain"
import { describe, expect, test } from "vitest"
import { assertWorkflow } from "../src/index.ts"
import { calendar, pausesForPayment, suiteInvariants, units } from "./sample.ts"

const TOTAL = Math.max(10_000, Number(process.env.MOTCUA_SOAK_RUNS ?? 0) || 0)
const SEED = process.env.MOTCUA_SEED === undefined ? undefined : Number(process.env.MOTCUA_SEED)
const perUnit = Math.ceil(TOTAL / units.length)

let sequences = 0
let events = 0
const ended = new Set<string>()
/** How extensions with apology went: taken, or the tag of the refusal. */
const extensions = new Map<string, number>()

describe(`model-based: ${perUnit} sequences for each of ${units.length} procedures and variants`, () => {
  test.each(units.map((u) => [u.name, u] as const))("%s", (_name, unit) => {
    const report = assertWorkflow(unit.procedure, {
      calendar,
      numRuns: perUnit,
      maxCommands: 25,
      invariants: suiteInvariants,
      pauseForFinancialObligation: pausesForPayment(unit.procedure),
      ...(unit.variantId === undefined ? {} : { variantId: unit.variantId }),
      ...(SEED === undefined ? {} : { seed: SEED }),
      onTrace: (trace) => {
        events += trace.steps.length - 1
        ended.add(String(trace.steps[trace.steps.length - 1]?.snapshot.value))
        for (const step of trace.steps) {
          if ((step.event as { type?: unknown }).type !== "extendWithApology") continue
          const outcome = step.decision.ok ? "taken" : step.decision.reason._tag
          extensions.set(outcome, (extensions.get(outcome) ?? 0) + 1)
        }
      },
    })
    expect(report.ok).toBe(true)
    sequences += report.runs
  })

  test("the runs add up to the sequences promised and end in every state", () => {
    const procedures = new Set(units.map((u) => u.procedure.code)).size
    console.log(
      `model-based: ${sequences} sequences (${events} events) over ${procedures} procedures (${units.length} with variants), 0 violations`,
    )
    console.log(`model-based: extensions with apology ${JSON.stringify(Object.fromEntries(extensions))}`)
    expect(sequences).toBeGreaterThanOrEqual(TOTAL)
    expect([...ended].sort()).toEqual([...dossierStateNames].sort())
    // The generator proposes new appointments on days off too, and the model predicted the machine's refusal.
    expect(extensions.get("taken") ?? 0).toBeGreaterThan(0)
    expect(extensions.get("AppointmentOnDayOff") ?? 0).toBeGreaterThan(0)
  })
})
