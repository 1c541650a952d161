import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { transition } from "xstate"
import { getShortestPaths } from "xstate/graph"
import { type Decision, decide, open } from "./decide.ts"
import type { DossierEvent } from "./events.ts"
import { calendar, expectOk, oct, onlineFiling, roundTrip } from "./fixtures.test-support.ts"
import { candidateEvents, graphProcedure, serializeDossier } from "./graph.test-support.ts"
import { createDossierMachine } from "./machine.ts"
import type { Refusal } from "./refusals.ts"
import { dossierStateNames, isAcceptedStatusSequence, nationalStatus, stateOf, statusSequence } from "./status.ts"

const procedure = graphProcedure()
const machine = Result.getOrThrow(createDossierMachine({ procedure, calendar, pauseForFinancialObligation: true }))
const filing = onlineFiling(oct(6, "08:00"))
const filed = expectOk(open(machine, filing)).snapshot

const paths = getShortestPaths(machine, {
  fromState: filed,
  events: (snapshot) => candidateEvents(snapshot.context, procedure.process),
  serializeState: (snapshot) => serializeDossier(snapshot),
})

const REFUSAL_TAGS: ReadonlySet<Refusal["_tag"]> = new Set([
  "InvalidEvent",
  "NotAllowedInState",
  "InstantBeforeLastEvent",
  "ActorNotAllowed",
  "OutOfScope",
  "ChannelNotOffered",
  "MissingMandatoryDocuments",
  "FeesUnpaid",
  "SignatureRequired",
  "AlreadySigned",
  "DecisionMissing",
  "DecisionAlreadyMade",
  "DuplicatePayment",
  "PaymentAmountWrong",
  "AppointmentNotLater",
  "NoNextStep",
  "WrongHandover",
  "DeadlineNotReached",
  "ReturnMethodUnavailable",
])

const checkDecision = (decision: Decision) => {
  if (decision.ok) {
    const ctx = decision.snapshot.context
    expect(isAcceptedStatusSequence(statusSequence(ctx))).toBe(true)
    expect(nationalStatus(decision.snapshot)).toBe(ctx.statusHistory[ctx.statusHistory.length - 1]?.code)
  } else {
    expect(REFUSAL_TAGS.has(decision.reason._tag)).toBe(true)
  }
}

describe("the machine's graph (getShortestPaths over a sample procedure with an inter-agency step)", () => {
  it("reaches every state of the machine", () => {
    const reached = new Set(paths.map((p) => stateOf(p.state)))
    expect([...reached].sort()).toEqual([...dossierStateNames].sort())
  })

  // The search tells dossiers apart by `serializeDossier`, so a path ends in a dossier of the same abstract state
  // (state, step, supplementations, decision, signature, payment, extension), not necessarily the same instants.
  it("exercises each path through decide, from the JSON of each snapshot, to the same abstract state", () => {
    for (const path of paths) {
      let snapshot = filed
      for (const step of path.steps) {
        if (step.event.type.startsWith("xstate.")) continue
        const decision = decide(machine, roundTrip(snapshot), step.event)
        checkDecision(decision)
        snapshot = expectOk(decision, `${step.event.type} on the path to ${serializeDossier(path.state)}`).snapshot
      }
      expect(serializeDossier(snapshot)).toBe(serializeDossier(path.state))
    }
  })

  it("is total: every event type in every reachable state is either taken or refused with a typed reason", () => {
    let taken = 0
    let refused = 0
    for (const path of paths) {
      const state = path.state
      const events: unknown[] = [
        ...candidateEvents(state.context, procedure.process),
        // the same events sent by someone without any right, and back in time
        ...candidateEvents(state.context, procedure.process).map((e) => ({
          ...e,
          actor: { ...e.actor, role: "citizen", id: "x" },
        })),
        ...candidateEvents(state.context, procedure.process).map((e) => ({ ...e, at: "2025-01-01T00:00:00+07:00" })),
        filing,
        { type: "nonsense" },
        null,
      ]
      for (const event of events) {
        const decision = decide(machine, state, event)
        checkDecision(decision)
        if (decision.ok) taken++
        else refused++
        // a refusal leaves no trace: the snapshot given is untouched and still usable
        if (!decision.ok) expect(stateOf(state)).toBe(stateOf(path.state))
      }
    }
    expect(taken).toBeGreaterThan(paths.length)
    expect(refused).toBeGreaterThan(paths.length)
  })

  // decide computes transitions without xstate (step.ts); the machine's pure `transition` must give the same answer:
  // the same next state, context and named actions, or no move where decide refuses.
  it("agrees with the machine: same next state, context and actions, or the same refusal", () => {
    let compared = 0
    for (const path of paths) {
      const candidates = candidateEvents(path.state.context, procedure.process) as DossierEvent[]
      const events: DossierEvent[] = [
        ...candidates,
        ...candidates.map((e) => ({ ...e, actor: { ...e.actor, role: "citizen" as const, id: "x" } })),
        ...candidates.map((e) => ({ ...e, at: "2025-01-01T00:00:00+07:00" }) as DossierEvent),
      ]
      for (const event of events) {
        const decision = decide(machine, roundTrip(path.state), event)
        const [next, actions] = transition(machine, path.state, event)
        if (decision.ok) {
          expect(decision.persisted.value).toBe(next.value)
          expect(decision.persisted.context).toStrictEqual(next.context)
          expect(decision.actions).toStrictEqual(actions.map((a) => ({ type: a.type, params: a.params })))
        } else {
          expect(next).toBe(path.state)
        }
        compared++
      }
    }
    expect(compared).toBeGreaterThan(paths.length)
  })
})
