// Event sequences as plain data: a filing and the events that follow, each marked taken or refused (with the
// reason's tag), for deployers who want to replay generated sequences against their own system (API, storage).
// Sequences are driven through the machine and the reference model as they are generated, so the marks are both
// the machine's answer and the model's prediction: a sequence where they disagree throws while generating.
import { type Calendar, makeCalendar, type PersistedDossier, type Procedure } from "@motcua/domain"
import fc from "fast-check"
import { arbEventIntent } from "./events.ts"
import { appliedProcedure, arbFilingPlan, dossierSetup, startRun } from "./filing.ts"
import { runStep } from "./run-step.ts"
import { persisted } from "./trace.ts"
import { defaultWorld, type World } from "./world.ts"

export interface EventSequence {
  readonly filing: unknown
  readonly events: ReadonlyArray<{ readonly event: unknown; readonly taken: boolean; readonly refusal?: string }>
}

export interface SequenceOptions {
  readonly calendar?: Calendar
  readonly variantId?: string
  readonly world?: World
  /** Only plausible events, each taken by the machine (default false: plausible and implausible mixed). */
  readonly valid?: boolean
  readonly maxLength?: number
}

/** Intents of plausible events only (progress or random, no flaw): the machine takes each. */
const validIntent = arbEventIntent.map((i) => ({
  ...i,
  mode: i.mode === "direct" ? ("progress" as const) : i.mode,
  flaw: "none" as const,
}))

/** Event sequences for one procedure: valid ones (every event taken) or a mix of valid and invalid events. */
export function arbEventSequence(procedure: Procedure, options: SequenceOptions = {}): fc.Arbitrary<EventSequence> {
  const setup = dossierSetup(procedure, {
    calendar: options.calendar ?? makeCalendar({}),
    world: options.world ?? defaultWorld,
    ...(options.variantId === undefined ? {} : { variantId: options.variantId }),
  })
  const intent = options.valid ? validIntent : arbEventIntent
  return fc
    .tuple(arbFilingPlan(appliedProcedure(setup)), fc.array(intent, { maxLength: options.maxLength ?? 25 }))
    .map(([plan, intents]) => {
      const run = startRun(setup, plan)
      for (const i of intents) {
        if (options.valid && run.model.closed) break
        runStep(run, i)
      }
      const [filing, ...rest] = run.trace.steps
      return {
        filing: filing?.event,
        events: rest.map((s) =>
          s.decision.ok
            ? { event: s.event, taken: true }
            : { event: s.event, taken: false, refusal: s.decision.reason._tag },
        ),
      }
    })
}

/**
 * Dossiers as a store keeps them: the persisted snapshot a generated sequence of valid events leaves the dossier in
 * (filed only, in work, waiting for the applicant, ended every way), for tests of what is computed from stored
 * dossiers (storage, reports). The same options as arbEventSequence; `valid` is implied.
 */
export function arbDossierSnapshot(
  procedure: Procedure,
  options: Omit<SequenceOptions, "valid"> = {},
): fc.Arbitrary<PersistedDossier> {
  const setup = dossierSetup(procedure, {
    calendar: options.calendar ?? makeCalendar({}),
    world: options.world ?? defaultWorld,
    ...(options.variantId === undefined ? {} : { variantId: options.variantId }),
  })
  return fc
    .tuple(arbFilingPlan(appliedProcedure(setup)), fc.array(validIntent, { maxLength: options.maxLength ?? 25 }))
    .map(([plan, intents]) => {
      const run = startRun(setup, plan)
      for (const i of intents) {
        if (run.model.closed) break
        runStep(run, i)
      }
      return persisted(run.snapshot)
    })
}
