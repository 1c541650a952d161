// checkWorkflow: a model-based test of one catalogue entry. fast-check generates a filing and a list of event
// intents (fc.commands), runs them against the procedure's dossier machine and the reference model side by side,
// then judges the whole trace with the invariants; on failure it shrinks the list and reports the smallest one.
import { type Calendar, makeCalendar, type Procedure } from "@motcua/domain"
import fc from "fast-check"
import { checkTrace, describeViolations, type Invariant, invariants } from "../invariants.ts"
import { arbEventIntent, type EventIntent } from "./events.ts"
import {
  appliedProcedure,
  arbFilingPlan,
  dossierSetup,
  type FilingPlan,
  filingOf,
  type Run,
  startRun,
} from "./filing.ts"
import type { DossierModel } from "./model.ts"
import { runStep } from "./run-step.ts"
import type { DossierTrace } from "./trace.ts"
import { defaultWorld, type World } from "./world.ts"

export interface WorkflowOptions {
  /** The handling centre's calendar (with the province's holiday overrides); default `makeCalendar({})`. */
  readonly calendar?: Calendar
  /** Generated sequences (default 100). */
  readonly numRuns?: number
  /** fast-check seed, to replay a run. */
  readonly seed?: number
  /** The variant of the procedure to test; default the base procedure. */
  readonly variantId?: string
  /** The longest event list generated (default 25). */
  readonly maxCommands?: number
  /** Codes and accounts the generated dossiers use; default {@link defaultWorld}. */
  readonly world?: World
  /** The invariants to judge each trace with; default all of {@link invariants}. */
  readonly invariants?: ReadonlyArray<Invariant>
  /** Passed to the machine (land procedures pause the clock while a financial obligation is paid). */
  readonly pauseForFinancialObligation?: boolean
  /** Years the filings fall in (around Tết); default 2025 and 2026. */
  readonly years?: ReadonlyArray<number>
  /** Called with every trace that kept the invariants (statistics, coverage). */
  readonly onTrace?: (trace: DossierTrace) => void
}

export interface Counterexample {
  /** The filing the failing run started from. */
  readonly filing: unknown
  /** The shrunk list of events, one line each with what the machine did. */
  readonly commands: ReadonlyArray<string>
  /** What went wrong: a broken invariant or a disagreement between machine and model. */
  readonly violation: string
}

export interface WorkflowReport {
  readonly ok: boolean
  readonly procedureCode: string
  readonly variantId?: string
  /** Sequences generated and run (not counting shrinking). */
  readonly runs: number
  readonly seed: number
  readonly counterexample?: Counterexample
}

/** One generated event: an intent, run against the model and the machine. */
class EventCommand implements fc.Command<DossierModel, Run> {
  readonly intent: EventIntent
  /** What happened the last time this command ran (shown in counterexamples). */
  private outcome: string | undefined

  constructor(intent: EventIntent) {
    this.intent = intent
  }

  /** Once the dossier has ended, most commands are skipped: a few events still check that it stays closed. */
  check(model: Readonly<DossierModel>): boolean {
    return !(model.closed || model.state === "returned") || this.intent.pick % 4 === 0
  }

  run(_model: DossierModel, run: Run): void {
    this.outcome = undefined
    try {
      this.outcome = runStep(run, this.intent)
    } catch (error) {
      this.outcome = `${this.intent.type} (${this.intent.mode}, ${this.intent.flaw}) → FAILED`
      throw error
    }
  }

  toString(): string {
    return this.outcome ?? `${this.intent.mode} ${this.intent.type} (${this.intent.flaw})`
  }
}

/** The fast-check commands of a model run: any number of event intents. */
export const arbDossierCommands = (maxCommands = 25) =>
  fc.commands([arbEventIntent.map((intent) => new EventCommand(intent))], { maxCommands, size: "max" })

/**
 * Runs the model-based test on one procedure (a deployer's own catalogue entry). Never throws for a failing
 * workflow: the report says what failed, with the shrunk sequence. See {@link assertWorkflow} for tests.
 */
export function checkWorkflow(procedure: Procedure, options: WorkflowOptions = {}): WorkflowReport {
  const setup = dossierSetup(procedure, {
    calendar: options.calendar ?? makeCalendar({}),
    world: options.world ?? defaultWorld,
    ...(options.variantId === undefined ? {} : { variantId: options.variantId }),
    ...(options.pauseForFinancialObligation === undefined
      ? {}
      : { pauseForFinancialObligation: options.pauseForFinancialObligation }),
  })
  const among = options.invariants ?? invariants
  const property = fc.property(
    arbFilingPlan(appliedProcedure(setup), options.years),
    arbDossierCommands(options.maxCommands ?? 25),
    (plan, commands) => {
      const run = startRun(setup, plan)
      fc.modelRun(() => ({ model: run.model, real: run }), commands)
      const violations = checkTrace(run.trace, among)
      if (violations.length > 0) throw new Error(describeViolations(violations))
      options.onTrace?.(run.trace)
    },
  )
  const details = fc.check(property, {
    numRuns: options.numRuns ?? 100,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  })
  const base = {
    procedureCode: procedure.code,
    ...(options.variantId === undefined ? {} : { variantId: options.variantId }),
    runs: details.numRuns,
    seed: details.seed,
  }
  if (!details.failed) return { ok: true, ...base }
  const [plan, commands] = details.counterexample ?? []
  const replayed = plan === undefined ? undefined : replay(setup, plan, intentsOf(commands ?? []), among)
  const error = details.errorInstance
  return {
    ok: false,
    ...base,
    counterexample: {
      filing: plan === undefined ? undefined : filingOf(setup, plan).filing,
      commands: replayed?.lines ?? [],
      violation: replayed?.violation ?? (error instanceof Error ? error.message : String(error)),
    },
  }
}

/** The intents of a counterexample's commands (fast-check hands them back wrapped). */
function intentsOf(commands: Iterable<unknown>): EventIntent[] {
  return [...commands].flatMap((c) => {
    const command = (c as { cmd?: unknown }).cmd ?? c
    return command instanceof EventCommand ? [command.intent] : []
  })
}

/**
 * Runs a shrunk counterexample once more, alone, to report each event as it went in that very run (fast-check
 * does not run the final counterexample again, and commands are shared between the runs it tried).
 */
function replay(
  setup: ReturnType<typeof dossierSetup>,
  plan: FilingPlan,
  intents: ReadonlyArray<EventIntent>,
  among: ReadonlyArray<Invariant>,
): { lines: string[]; violation?: string } {
  const lines: string[] = []
  try {
    const run = startRun(setup, plan)
    for (const intent of intents) lines.push(runStep(run, intent))
    const violations = checkTrace(run.trace, among)
    return violations.length > 0 ? { lines, violation: describeViolations(violations) } : { lines }
  } catch (error) {
    lines.push("FAILED")
    return { lines, violation: error instanceof Error ? error.message : String(error) }
  }
}

/** A report as text: one line when it passed; the counterexample, numbered, when it failed. */
export function formatReport(report: WorkflowReport): string {
  const name = `${report.procedureCode}${report.variantId === undefined ? "" : `#${report.variantId}`}`
  if (report.ok || report.counterexample === undefined) return `${name}: ${report.runs} sequences, 0 violations`
  const c = report.counterexample
  return [
    `${name}: failed after ${report.runs} sequence(s) (seed ${report.seed})`,
    `violation: ${c.violation}`,
    `filing: ${JSON.stringify(c.filing)}`,
    "events (shrunk):",
    ...c.commands.map((line, i) => `  ${i + 1}. ${line}`),
  ].join("\n")
}

/** {@link checkWorkflow}, throwing an Error with {@link formatReport}'s text when a sequence fails (for tests). */
export function assertWorkflow(procedure: Procedure, options: WorkflowOptions = {}): WorkflowReport {
  const report = checkWorkflow(procedure, options)
  if (!report.ok) throw new Error(formatReport(report))
  return report
}
