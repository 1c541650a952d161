// Filings: a random but valid filing of a procedure (channel it offers, the account that files through that
// channel, a random set of documents, fees assessed by the fee module from random facts), and the dossier it opens.
import {
  applyVariant,
  type Calendar,
  createDossierMachine,
  type DigitisedPaperFact,
  type DossierMachine,
  type DossierSnapshot,
  describeRefusal,
  digitisedDocuments,
  type FeeQuote,
  type FileDossierInput,
  formatDossierCode,
  MAX_DAILY_SEQUENCE,
  open,
  type Procedure,
  quoteFees,
} from "@motcua/domain"
import { Result } from "effect"
import fc from "fast-check"
import { arbApplicant } from "../arbitraries/applicant.ts"
import { arbFilingInstant, instantText } from "../arbitraries/time.ts"
import { DossierModel, type ModelSetup } from "./model.ts"
import { type DossierTrace, persisted, type TraceStep } from "./trace.ts"
import { actorOf, intakePointOf, type World } from "./world.ts"

/** The random facts of one filing. */
export interface FilingPlan {
  readonly channelPick: number
  readonly at: number
  /**
   * For each document of the procedure: left out, submitted (a paper scanned or uploaded), or taken from the e-wallet;
   * each one brought is recorded as a digitised paper, which alone flags it (domain digitisedDocuments).
   */
  readonly documents: ReadonlyArray<"left-out" | "submitted" | "e-wallet">
  readonly categories: ReadonlyArray<string>
  readonly applicantName: string
  readonly applicantKind: "citizen" | "business"
  readonly quantity: number
  readonly declaredValue: number
  readonly area: number
  readonly utc: boolean
  /** The dossier's daily sequence, the last part of its code. */
  readonly sequence: number
}

export const arbFilingPlan = (procedure: Procedure, years?: ReadonlyArray<number>): fc.Arbitrary<FilingPlan> =>
  fc.record({
    channelPick: fc.nat(99),
    at: arbFilingInstant(years),
    documents: fc.tuple(
      ...procedure.documents.map((d) =>
        fc.oneof(
          { weight: d.mandatory ? 1 : 4, arbitrary: fc.constant("left-out" as const) },
          { weight: 6, arbitrary: fc.constant("submitted" as const) },
          { weight: d.fromEWallet ? 3 : 1, arbitrary: fc.constant("e-wallet" as const) },
        ),
      ),
    ),
    categories: arbApplicant("22", []).map((a) => a.categories),
    applicantName: fc.constantFrom("Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Hộ kinh doanh Hạ Long"),
    applicantKind: fc.constantFrom("citizen" as const, "citizen" as const, "business" as const),
    quantity: fc.integer({ min: 1, max: 5 }),
    declaredValue: fc.integer({ min: 0, max: 5_000 }).map((m) => m * 1_000_000),
    area: fc.integer({ min: 1, max: 2_000 }),
    utc: fc.boolean(),
    // the first and the last of the day's numbers as well as any between (the code's zero-padding at both ends)
    sequence: fc.oneof(fc.constantFrom(1, MAX_DAILY_SEQUENCE), fc.integer({ min: 1, max: MAX_DAILY_SEQUENCE })),
  })

/** What a dossier under test is: the procedure as filed, the machine, and the world its accounts live in. */
export interface DossierSetup {
  /** The procedure as in the catalogue (variants not applied). */
  readonly procedure: Procedure
  readonly variantId?: string
  readonly calendar: Calendar
  readonly world: World
  readonly machine: DossierMachine
}

export function dossierSetup(
  procedure: Procedure,
  options: {
    readonly calendar: Calendar
    readonly world: World
    readonly variantId?: string
    readonly pauseForFinancialObligation?: boolean
  },
): DossierSetup {
  const machine = createDossierMachine({
    procedure,
    calendar: options.calendar,
    ...(options.variantId === undefined ? {} : { variantId: options.variantId }),
    ...(options.pauseForFinancialObligation === undefined
      ? {}
      : { pauseForFinancialObligation: options.pauseForFinancialObligation }),
  })
  if (Result.isFailure(machine)) throw new Error(`no variant "${options.variantId}" in ${procedure.code}`)
  return {
    procedure,
    ...(options.variantId === undefined ? {} : { variantId: options.variantId }),
    calendar: options.calendar,
    world: options.world,
    machine: machine.success,
  }
}

/** The procedure with the setup's variant applied. */
export const appliedProcedure = (setup: DossierSetup): Procedure =>
  Result.getOrThrow(applyVariant(setup.procedure, setup.variantId))

/** The filing event of a plan, and the fee quote its amounts come from (when the fee module can quote). */
export function filingOf(setup: DossierSetup, plan: FilingPlan): { filing: FileDossierInput; quote?: FeeQuote } {
  const p = appliedProcedure(setup)
  const w = setup.world
  const channel = p.channels[plan.channelPick % p.channels.length] ?? "counter"
  const role = channel === "online" ? "citizen" : channel === "post" ? "post-office-agent" : "counter-officer"
  const quoted = quoteFees(setup.procedure, {
    channel,
    ...(setup.variantId === undefined ? {} : { variantId: setup.variantId }),
    applicantCategories: plan.categories,
    quantities: {
      copy: plan.quantity,
      page: plan.quantity,
      item: plan.quantity,
      certificate: plan.quantity,
      person: plan.quantity,
      vehicle: plan.quantity,
    },
    declaredValue: plan.declaredValue,
    area: plan.area,
  })
  const quote = Result.isSuccess(quoted) ? quoted.success : undefined
  const fees =
    quote === undefined
      ? p.fees.map((f) => ({ feeId: f.id, amount: f.amount.type === "flat" ? f.amount.amount : 10_000 }))
      : quote.lines.map((l) => ({ feeId: l.itemId, amount: l.amount }))
  // each document brought is a digitised paper (scanned at the intake point, uploaded online, or taken from the
  // citizen's e-wallet): its record, and the flags the domain's one rule gives the filing's documents from it
  const brought = p.documents.flatMap((d, i) => {
    const how = plan.documents[i] ?? "submitted"
    return how === "left-out" ? [] : [{ id: d.id, how }]
  })
  const papers = brought.map(
    ({ id, how }): DigitisedPaperFact => ({
      documentId: id,
      version: 1,
      source: how === "e-wallet" ? "e-wallet" : channel === "online" ? "citizen" : "officer",
    }),
  )
  const documents = digitisedDocuments(
    brought.map(({ id }) => ({ id })),
    papers,
    { portal: false },
  )
  // the day of receipt in Vietnam time (instantText writes +07:00 unless asked for UTC)
  const dossierCode = Result.getOrThrow(
    formatDossierCode({ agencyCode: w.agencyCode, date: instantText(plan.at).slice(0, 10), sequence: plan.sequence }),
  )
  const intakePointId = intakePointOf(w, channel)
  const filing: FileDossierInput = {
    type: "file",
    actor: actorOf(w, role),
    at: instantText(plan.at, plan.utc),
    dossierCode,
    channel,
    ...(intakePointId === undefined ? {} : { intakePointId }),
    agencyCode: w.agencyCode,
    unitCode: w.unitCode,
    applicant: { id: w.applicantId, name: plan.applicantName, kind: plan.applicantKind },
    summary: `Hồ sơ ${p.name}`.slice(0, 200),
    documents,
    fees,
  }
  return quote === undefined ? { filing } : { filing, quote }
}

/**
 * The model setup of a filing (who filed, through which channel, the fees assessed). `filedAt` defaults to the
 * filing's instant; a run started from a plan passes the plan's own milliseconds.
 */
export function modelSetupOf(
  setup: DossierSetup,
  filing: FileDossierInput,
  filedAt: number = Date.parse(filing.at),
): ModelSetup {
  const procedure = appliedProcedure(setup)
  return {
    procedure,
    world: setup.world,
    calendar: setup.calendar,
    channel: filing.channel,
    intakePointId: filing.intakePointId,
    filedById: filing.actor.id,
    fees: (filing.fees ?? []).map((f) => ({
      amount: f.amount,
      due: procedure.fees.find((item) => item.id === f.feeId)?.due ?? "at-intake",
      name: procedure.fees.find((item) => item.id === f.feeId)?.name ?? f.feeId,
    })),
    documents: filing.documents.map((d) => d.id),
    filedAt,
  }
}

/** A dossier being driven: the machine's snapshot, the trace so far and the model beside it. */
export interface Run {
  readonly setup: DossierSetup
  readonly model: DossierModel
  snapshot: DossierSnapshot
  readonly trace: DossierTrace & { readonly steps: TraceStep[] }
}

/** Opens a dossier from a plan. Throws when the machine refuses a filing the testkit built to be valid. */
export function startRun(setup: DossierSetup, plan: FilingPlan): Run {
  const { filing, quote } = filingOf(setup, plan)
  const opened = open(setup.machine, filing)
  if (!opened.ok)
    throw new Error(`the filing was refused: ${describeRefusal(opened.reason)}\n${JSON.stringify(filing)}`)
  const base = modelSetupOf(setup, filing, plan.at)
  const model = new DossierModel(base)
  const trace = {
    procedure: base.procedure,
    calendar: setup.calendar,
    steps: [{ event: filing, decision: { ok: true }, snapshot: persisted(opened.snapshot), actions: opened.actions }],
    ...(quote === undefined ? {} : { quote }),
  } satisfies DossierTrace
  return { setup, model, snapshot: opened.snapshot, trace }
}
