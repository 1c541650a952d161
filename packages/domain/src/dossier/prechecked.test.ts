import { describe, expect, it } from "vitest"
import { transition } from "xstate"
import type { DossierContext } from "./context.ts"
import { decide, open } from "./decide.ts"
import type { DossierEvent } from "./events.ts"
import { ev, expectOk, machineFor, oct, onlineFiling } from "./fixtures.test-support.ts"
import { isPrechecked, withPrechecked } from "./prechecked.ts"
import { stateOf } from "./status.ts"

// Identity is what matters here (the guard compares the very objects decide checked), so plain stand-ins will do.
const event = () => ({ type: "accept" }) as unknown as DossierEvent
const context = () => ({ currentStep: 0 }) as unknown as DossierContext

describe("prechecked events", () => {
  it("marks an event only for the state and the very context object it was checked on, only during the call", () => {
    const e = event()
    const c = context()
    expect(isPrechecked(e, "filed", c)).toBe(false)
    const seen = withPrechecked(e, "filed", c, () => ({
      same: isPrechecked(e, "filed", c),
      otherState: isPrechecked(e, "accepted", c),
      equalButOtherContext: isPrechecked(e, "filed", context()),
      otherEvent: isPrechecked(event(), "filed", c),
    }))
    expect(seen).toEqual({ same: true, otherState: false, equalButOtherContext: false, otherEvent: false })
    expect(isPrechecked(e, "filed", c)).toBe(false)
  })

  it("forgets the mark when the call throws", () => {
    const e = event()
    const c = context()
    expect(() =>
      withPrechecked(e, "filed", c, () => {
        throw new Error("boom")
      }),
    ).toThrow("boom")
    expect(isPrechecked(e, "filed", c)).toBe(false)
  })
})

describe("the machine's allowed guard outside decide", () => {
  it("still runs every check on a transition decide did not check", () => {
    const machine = machineFor()
    const filed = expectOk(open(machine, onlineFiling(oct(6, "08:00"))), "filing")
    const bare = (snapshot: typeof filed.snapshot, event: DossierEvent) =>
      stateOf(transition(machine, snapshot, event)[0])
    // A citizen may not accept their own dossier at intake (a permission check)…
    const byCitizen = ev("citizen", oct(6, "08:01"), { type: "accept" }) as DossierEvent
    expect(decide(machine, filed.snapshot, byCitizen).ok).toBe(false)
    expect(bare(filed.snapshot, byCitizen)).toBe("filed")
    // …nor the counter officer before the fee is paid (a rule check): refused by decide and by the bare machine alike.
    const byOfficer = ev("counter", oct(6, "09:00"), { type: "accept" }) as DossierEvent
    expect(decide(machine, filed.snapshot, byOfficer)).toMatchObject({ ok: false, reason: { _tag: "FeesUnpaid" } })
    expect(bare(filed.snapshot, byOfficer)).toBe("filed")
    // Once paid, the same event moves the dossier both ways.
    const paid = expectOk(
      decide(
        machine,
        filed.snapshot,
        ev("system", oct(6, "08:05"), { type: "paymentConfirmed", paymentId: "pay-1", amount: 10000 }),
      ),
    )
    expect(stateOf(expectOk(decide(machine, paid.snapshot, byOfficer)).snapshot)).toBe("accepted")
    expect(bare(paid.snapshot, byOfficer)).toBe("accepted")
  })
})
