// The final and closed states are named once (status.ts) and agree with the transition table the machine is built
// from: a final state accepts no event; `returned`, the one closed state that is not final, accepts only corrections
// (of the record, `correct`, or of the result, a corrected result replacing it, `replaceResult`).
import { describe, expect, it } from "vitest"
import { closedStates, dossierStateNames, finalStates } from "./status.ts"
import { acceptedEvents } from "./transitions.ts"

describe("final and closed states", () => {
  it("a state is final exactly when it accepts no event", () => {
    for (const state of dossierStateNames)
      expect(finalStates.has(state), state).toBe(acceptedEvents(state).length === 0)
  })

  it("closed = the final states and the states that accept only a correction", () => {
    const corrections: ReadonlySet<string> = new Set(["correct", "replaceResult"])
    for (const state of dossierStateNames) {
      const events = acceptedEvents(state)
      const onlyCorrections = events.length > 0 && events.every((e) => corrections.has(e))
      expect(closedStates.has(state), state).toBe(finalStates.has(state) || onlyCorrections)
    }
    expect(closedStates.has("returned")).toBe(true)
  })
})
