// The sample deployment the tests run on: the Quảng Ninh catalogue and its calendar (holiday overrides from
// holidays.json), every procedure and variant as a unit of test, and the invariants as the suite applies them.
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { makeCalendar, type Procedure } from "@motcua/domain"
import { Result } from "effect"
import {
  defaultWorld,
  dossierSetup,
  type FilingPlan,
  type Invariant,
  invariants,
  plainIntent,
  startRun,
} from "../src/index.ts"
import type { Run } from "../src/workflow/filing.ts"
import { runStep } from "../src/workflow/run-step.ts"

export const data = Result.getOrThrow(loadQuangNinh())
export const calendar = makeCalendar(data.holidays === undefined ? {} : { holidayOverrides: data.holidays })
export const catalogue: ReadonlyArray<Procedure> = data.catalogue

/** The first procedure of the catalogue (for tests whose `find` found nothing better). */
export function sampleProcedure(): Procedure {
  const first = catalogue[0]
  if (first === undefined) throw new Error("the sample catalogue is empty")
  return first
}

/** Every procedure of the catalogue, and each of its variants. */
export const units = catalogue.flatMap((procedure) => [
  { procedure, variantId: undefined as string | undefined, name: procedure.code },
  ...procedure.variants.map((v) => ({
    procedure,
    variantId: v.id as string | undefined,
    name: `${procedure.code}#${v.id}`,
  })),
])

/** Land procedures leave the time taken to pay a financial obligation out of the processing time. */
export const pausesForPayment = (p: Procedure) => p.field.code === "land"

/** The invariants every suite here checks: all of them, strict. */
export const suiteInvariants: ReadonlyArray<Invariant> = invariants

export const setupOf = (procedure: Procedure, variantId?: string) =>
  dossierSetup(procedure, {
    calendar,
    world: defaultWorld,
    ...(variantId === undefined ? {} : { variantId }),
    pauseForFinancialObligation: pausesForPayment(procedure),
  })

/** A counter filing on Monday 6 October 2025 at 08:00 with every document. */
export const plainPlan = (procedure: Procedure): FilingPlan => ({
  channelPick: Math.max(0, procedure.channels.indexOf("counter")),
  at: Date.parse("2025-10-06T08:00:00+07:00"),
  documents: procedure.documents.map(() => "submitted"),
  categories: [],
  applicantName: "Nguyễn Văn An",
  applicantKind: "citizen",
  quantity: 1,
  declaredValue: 100_000_000,
  area: 100,
  utc: false,
  sequence: 1,
})

/** An event sent directly, two working hours after the last one (the testkit's plain intent). */
export const intent = plainIntent

/** Drives a dossier with `progress` events until it is returned (or `limit` events). */
export function runToResult(run: Run, limit = 40): Run {
  for (let i = 0; i < limit && run.model.state !== "returned"; i++) runStep(run, intent("accept", { mode: "progress" }))
  return run
}

export { runStep, startRun }
