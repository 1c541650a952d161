// The simulation: N dossiers filed over a span of working days at random intake points of the province (online, at
// the counters of the centres, through the post offices), each then driven through its lifecycle by the officers
// who hold it, through the application's use cases on the chosen storage, exactly as the API would. A simulated
// clock (the application's TestClock) moves from one event to the next in time order; officers take a share of each
// step's allowance, applicants take days to bring a supplement. One seed, one history.
//
// Besides the dossiers' own lives, what the quality index counts (issue 15), in realistic shares: most records
// reach the national portal (a simulated dossier is never sent: the simulation's own database marks it synced, as
// the portal's acknowledgement would), a share of applicants rate their returned dossier (most of them liking it),
// and a few send a petition that the authority classifies, answers and publishes, late now and then, and that the
// sender may rate.
import {
  ActionRefused,
  accept,
  actOnPetition,
  approve,
  type CatalogStore,
  type Clock,
  completeStep,
  confirmPayment,
  confirmPaymentCallback,
  type DocumentRenderer,
  DocumentStore,
  type DossierView,
  extendWithApology,
  FilingRefused,
  Forbidden,
  fileOnline,
  IdempotencyKeyReused,
  type Ids,
  IndicatorStore,
  type IssuedResultStore,
  intakeAtCounter,
  loadDossier,
  markResultReady,
  type PaymentGateway,
  PetitionRefused,
  type Principal,
  type PublicPages,
  rateDossier,
  receiveSupplement,
  refuse,
  reject,
  requestPayment,
  requestSupplementation,
  returnResult,
  type Signer,
  type StoragePorts,
  type StoredPetition,
  saveToWallet,
  sendPetition,
  sign,
  supplementationDeadlinePassed,
  TEST_CALLBACK_SIGNATURE,
  TestClock,
  transfer,
  type WalletStore,
  withdraw,
} from "@motcua/application"
import {
  addWorkingDays,
  addWorkingHours,
  amountOwed,
  amountPaid,
  type Calendar,
  type Catalogue,
  type Channel,
  closedStates,
  DOSSIER_CODE_DAYS,
  type DossierContext,
  durationInHours,
  type IntakePoint,
  type Jurisdiction,
  leaderRoles,
  type Procedure,
  procedureInForce,
  quoteFees,
  type Refusal,
  type ReturnMethod,
  type StepRecord,
  workingTimeBetween,
} from "@motcua/domain"
import { Effect, Result } from "effect"
import { applicant as makeApplicant } from "./people.ts"
import { drawPlan, type Plan, type Scenario } from "./plan.ts"
import { Agenda } from "./queue.ts"
import { type Random, seededRandom } from "./random.ts"

export interface SimulationOptions {
  readonly count: number
  readonly seed: string
  /** First filing day, `YYYY-MM-DD` (Vietnam). */
  readonly start: string
  /**
   * Working days over which filings arrive; by default one for every 25 dossiers (at least 5), fewer when those would
   * run past the last day a dossier code can name (DOSSIER_CODE_DAYS), so that `--count 1000000` files at a higher
   * daily rate instead of failing in 2100.
   */
  readonly days?: number
  readonly catalogue: Catalogue
  readonly jurisdiction: Jurisdiction
  readonly calendar: Calendar
  /** Called when a dossier reaches the end of its simulated life (done of total). */
  readonly onProgress?: (done: number, total: number) => void
  /** Called with each dossier when its simulated life ends (the result keeps only counts, not the dossiers). */
  readonly onDossier?: (dossier: SimulatedDossier) => void
  /** Called after each committed use case with its name and wall time in ms (the national-day bench's p50/p99). */
  readonly onMove?: (label: string, ms: number) => void
}

export interface SimulatedDossier {
  readonly code: string
  readonly procedureCode: string
  readonly channel: Channel
  readonly intakePointId: string | undefined
  readonly scenario: Scenario
  /** State changes committed (filing included): one audit entry each. */
  readonly transitions: number
  readonly finalState: string
  /** Set when the driver found no action the machine would take (it should not happen). */
  readonly stuck?: string
}

/**
 * What a run did, as counts: the dossiers themselves are not kept (a run of a million dossiers holds only those still
 * in their lives), `onDossier` sees each one as it ends.
 */
export interface SimulationResult {
  readonly dossiers: number
  readonly byChannel: Readonly<Record<string, number>>
  readonly byScenario: Readonly<Record<string, number>>
  readonly byFinalState: Readonly<Record<string, number>>
  /** The dossiers the driver found no move for (it should not happen). */
  readonly stuck: ReadonlyArray<{ readonly code: string; readonly why: string }>
  readonly transitions: number
  /** Dossiers marked synced to the national portal (in the simulation's database only). */
  readonly synced: number
  readonly ratings: number
  readonly petitions: number
  readonly startedAt: string
  readonly endedAt: string
}

const MINUTE = 60_000
// Where a simulated dossier's life ends and who decides: the domain's (closedStates: the final states and returned).
const FINAL_STATES: ReadonlySet<string> = closedStates
const LEADERS: ReadonlySet<string> = new Set(leaderRoles)
const CHANNEL_WEIGHTS: Readonly<Record<Channel, number>> = { online: 45, counter: 45, post: 10 }
/** Shares of what the index counts besides the dossiers' lives (see the module comment). */
const SHARES = {
  synced: 0.96,
  rated: 0.55,
  liked: 0.9,
  petition: 0.03,
  petitionLate: 0.1,
  petitionRated: 0.6,
  petitionSatisfied: 0.8,
} as const

/** One dossier as the simulation follows it. */
interface Sim {
  readonly index: number
  readonly random: Random
  readonly plan: Plan
  /** The procedure version the dossier is handled under (refreshed from the stored dossier at each move). */
  procedure: Procedure
  readonly channel: Channel
  readonly intakePoint: IntakePoint | undefined
  readonly citizen: Principal
  code: string
  transitions: number
  moves: number
  payments: number
  supplementRequested: boolean
  supplementDeadline: number | undefined
  obligationRequested: boolean
  apologised: boolean
  finalState: string
  stuck?: string
  done: boolean
}

/** A filing as drawn: what, where, by which channel and for whom. */
interface Draw {
  readonly procedure: Procedure
  readonly channel: Channel
  readonly intakePoint: IntakePoint | undefined
  readonly residenceUnit: string
  readonly subjectUnit: string
}

const staffPrefix: Readonly<Record<string, string>> = {
  "counter-officer": "motcua",
  specialist: "chuyenvien",
  "unit-leader": "truongphong",
  "authority-leader": "lanhdao",
  clerk: "vanthu",
  "inter-agency": "lienthong",
  "post-office-agent": "buudien",
}

/** An officer in `role` acting for the dossier's authority, unit and intake point (and the step's other authority). */
function officer(role: Principal["roles"][number], context: DossierContext, extraAgency?: string): Principal {
  const where = extraAgency ?? context.unitCode ?? context.agencyCode
  return {
    id: `${staffPrefix[role] ?? role}.${where}`,
    roles: [role],
    scope: {
      _tag: "Staff",
      level: context.unitCode === undefined ? "province" : "commune",
      agencyCodes: extraAgency === undefined ? [context.agencyCode] : [context.agencyCode, extraAgency],
      unitCodes: context.unitCode === undefined ? [] : [context.unitCode],
      intakePointIds: context.intakePointId === undefined ? [] : [context.intakePointId],
    },
  }
}

const gateway = (context: DossierContext): Principal => ({
  id: "client:payment-gateway",
  roles: ["integration-client"],
  scope: { _tag: "Integration", clientId: "payment-gateway", agencyCodes: [context.agencyCode] },
})

const scheduler = (context: DossierContext): Principal => ({
  id: "client:scheduler",
  roles: ["integration-client"],
  scope: { _tag: "Integration", clientId: "scheduler", agencyCodes: [context.agencyCode] },
})

const iso = (ms: number) => new Date(ms).toISOString()

/** A move: a use case to try; refused by the machine → the next candidate is tried. */
type Move = { readonly label: string; readonly run: () => Effect.Effect<DossierView, unknown, SimulationServices> }

/** The services the simulation's use cases need: storage, catalogue, clock, ids, signer, payment gateway. */
export type SimulationServices =
  | StoragePorts
  | CatalogStore
  | Clock
  | TestClock
  | Ids
  | Signer
  | PaymentGateway
  | WalletStore
  | DocumentRenderer
  | IssuedResultStore
  | PublicPages

/** The default span of filings: 25 dossiers a working day, at least five days. */
const filingDays = (count: number): number => Math.max(5, Math.ceil(count / 25))

/**
 * The working hours filings arrive over, from `startAt` (the start day's 08:00): `options.days` working days, or the
 * default, within the working days from the start to the last day a dossier code can name (yymmdd reads 20yy: a
 * filing after 2099-12-31 would have no code).
 */
export const filingSpanHours = (
  calendar: Calendar,
  options: Pick<SimulationOptions, "count" | "start" | "days">,
  startAt: string,
) =>
  Effect.suspend(() => {
    const last = DOSSIER_CODE_DAYS.last
    if (options.start >= last)
      return Effect.fail(
        new Error(
          `ngày bắt đầu ${options.start} phải trước ${last} (the start must be before the last day a dossier code can name)`,
        ),
      )
    // working days in (start, last]: the span's end, that many working days after the start at the same hour, is
    // on or before `last`
    const room = workingTimeBetween(calendar, options.start, last).days
    if (options.days !== undefined && options.days > room)
      return Effect.fail(
        new Error(
          `${options.days} ngày làm việc từ ${options.start} vượt quá ${last}, ngày cuối cùng mã hồ sơ (yymmdd) ghi được: ` +
            `tối đa ${room} ngày (${options.days} working days from the start run past the last day a dossier code can name: at most ${room})`,
        ),
      )
    const days = options.days ?? Math.min(filingDays(options.count), room)
    return Effect.succeed(workingTimeBetween(calendar, startAt, addWorkingDays(calendar, startAt, days)).minutes / 60)
  })

export const simulate = Effect.fn("simulate")(function* (options: SimulationOptions) {
  const clock = yield* TestClock
  const documents = yield* DocumentStore
  const { calendar, jurisdiction } = options
  const root = seededRandom(options.seed)
  const startMs = Date.parse(`${options.start}T08:00:00+07:00`)
  yield* clock.set(iso(Math.max(startMs, Date.parse(clock.current()))))
  const startedAt = clock.current()

  // What may be filed: every procedure with a version in force on the first day.
  const codes = [...new Set(options.catalogue.map((p) => p.code))].sort()
  const procedures = codes.flatMap((code) => {
    const found = procedureInForce(options.catalogue, code, options.start)
    return Result.isSuccess(found) ? [found.success] : []
  })
  if (procedures.length === 0) return yield* Effect.fail(new Error(`no procedure in force on ${options.start}`))
  const centres = jurisdiction.intakePoints.filter((p) => p.kind !== "post-office")
  const posts = jurisdiction.intakePoints.filter((p) => p.kind === "post-office")
  const provincialCentres = centres.filter((p) => p.kind === "provincial-centre")
  const unitName = new Map(jurisdiction.units.map((u) => [u.code, u.name]))
  const units = jurisdiction.units.map((u) => u.code)

  type Item =
    | { kind: "file"; index: number }
    | { kind: "act"; sim: Sim }
    | { kind: "sync"; sim: Sim }
    | { kind: "rate"; sim: Sim }
    | { kind: "petition"; sim: Sim; step: number; stored?: StoredPetition }
  const agenda = new Agenda<Item>()
  let synced = 0
  let ratings = 0
  let petitions = 0
  const spanHours = yield* filingSpanHours(calendar, options, iso(startMs))
  // Filings arrive at `count` instants drawn uniformly over the span, drawn in time order one at a time (the order
  // statistics of uniform draws, each from the one before), so that the agenda holds one filing to come, not all.
  let filingPoint = 0
  const scheduleFiling = (index: number) => {
    if (index >= options.count) return
    filingPoint += (1 - filingPoint) * (1 - (1 - root.next()) ** (1 / (options.count - index)))
    const at = addWorkingHours(calendar, iso(startMs), filingPoint * spanHours)
    agenda.push(Date.parse(at), { kind: "file", index })
  }
  scheduleFiling(0)
  let done = 0
  let transitions = 0
  const byChannel: Record<string, number> = {}
  const byScenario: Record<string, number> = {}
  const byFinalState: Record<string, number> = {}
  const stuck: Array<{ code: string; why: string }> = []
  const tally = (counts: Record<string, number>, key: string) => {
    counts[key] = (counts[key] ?? 0) + 1
  }
  const finish = (sim: Sim) => {
    if (sim.done) return
    sim.done = true
    done++
    const dossier: SimulatedDossier = {
      code: sim.code,
      procedureCode: sim.procedure.code,
      channel: sim.channel,
      intakePointId: sim.intakePoint?.id,
      scenario: sim.plan.scenario,
      transitions: sim.transitions,
      finalState: sim.finalState,
      ...(sim.stuck === undefined ? {} : { stuck: sim.stuck }),
    }
    transitions += dossier.transitions
    tally(byChannel, dossier.channel)
    tally(byScenario, dossier.scenario)
    tally(byFinalState, dossier.finalState)
    if (dossier.stuck !== undefined) stuck.push({ code: dossier.code, why: dossier.stuck })
    options.onDossier?.(dossier)
    options.onProgress?.(done, options.count)
  }
  /** `hours` working hours after now, at least a minute later. */
  const later = (hours: number) => {
    const now = clock.current()
    return Math.max(Date.parse(addWorkingHours(calendar, now, hours)), Date.parse(now) + MINUTE)
  }

  const draw = (random: Random): Draw => {
    const procedure = random.pick(procedures)
    const offered = procedure.channels.filter((c) => c !== "online" || procedure.onlineService !== "none")
    const weights = Object.fromEntries(offered.map((c) => [c, CHANNEL_WEIGHTS[c]])) as Record<Channel, number>
    const channel = offered.length === 0 ? "counter" : random.weighted(weights)
    let intakePoint: IntakePoint | undefined
    if (channel === "post" && posts.length > 0) intakePoint = random.pick(posts)
    else if (channel !== "online") {
      intakePoint =
        procedure.authority.level === "province" && provincialCentres.length > 0 && random.chance(0.5)
          ? random.pick(provincialCentres)
          : random.pick(centres)
    }
    const residenceUnit = intakePoint !== undefined && random.chance(0.7) ? intakePoint.unitCode : random.pick(units)
    const subjectUnit = random.chance(0.8) ? residenceUnit : random.pick(units)
    return {
      procedure,
      channel: channel === "post" && intakePoint === undefined ? "counter" : channel,
      intakePoint,
      residenceUnit,
      subjectUnit,
    }
  }

  /**
   * The papers behind a filing's documents, brought the real way (the records are what flags a document digitised
   * or taken from the e-wallet): each scanned one a one-page PDF uploaded by `filer` (`papers`), each one taken from
   * the e-wallet (online only) kept in the citizen's wallet first (`fromWallet`).
   */
  const filingPapers = (
    filer: Principal,
    brought: ReadonlyArray<{ readonly id: string; readonly scanned: boolean; readonly wallet: boolean }>,
    online: boolean,
  ) =>
    Effect.gen(function* () {
      const paper = (id: string) => new TextEncoder().encode(`%PDF-1.7\n% ${id}\n%%EOF\n`)
      const papers: Array<{ documentId: string; attachmentId: string; pages: number }> = []
      const fromWallet: Array<{ documentId: string; walletEntryId: string }> = []
      for (const doc of brought) {
        if (online && doc.wallet) {
          const entry = yield* saveToWallet(filer, { documentType: doc.id, name: doc.id }, paper(doc.id))
          fromWallet.push({ documentId: doc.id, walletEntryId: entry.id })
        } else if (doc.scanned) {
          const staged = yield* documents.put(paper(doc.id), "application/pdf", { principalId: filer.id })
          papers.push({ documentId: doc.id, attachmentId: staged.id, pages: 1 })
        }
      }
      return {
        ...(papers.length === 0 ? {} : { papers }),
        ...(fromWallet.length === 0 ? {} : { fromWallet }),
      }
    })

  const seedReplayed = (what: string) =>
    new Error(
      `hạt giống ${options.seed} đã chạy trên cơ sở dữ liệu này (seed already simulated on this database: use another --seed or a fresh database); ${what}`,
    )

  const file = Effect.fn("simulate.file")(function* (index: number) {
    const random = root.fork(`dossier-${index}`)
    let lastProblem = ""
    for (let attempt = 0; attempt < 25; attempt++) {
      const d = draw(random)
      const person = makeApplicant(random, unitName.get(d.residenceUnit) ?? "tỉnh Quảng Ninh")
      const citizen: Principal = { id: person.id, roles: ["citizen"], scope: { _tag: "Citizen", citizenId: person.id } }
      // what each document brought is: a paper scanned or uploaded (most), one the citizen filing online takes from
      // their e-wallet (a document the data stores may give), or a paper nobody digitised
      const brought = d.procedure.documents
        .filter((doc) => doc.mandatory || random.chance(0.5))
        .map((doc) => ({
          id: doc.id,
          scanned: random.chance(0.85),
          wallet: doc.fromEWallet && random.chance(0.6),
        }))
      const input = {
        procedureCode: d.procedure.code,
        applicant: person,
        residence: { provinceCode: jurisdiction.province.code, unitCode: d.residenceUnit },
        subjectUnitCode: d.subjectUnit,
        summary: `${d.procedure.name} — ${person.name}`,
        documents: brought.map((doc) => ({ id: doc.id })),
      }
      // The fee facts only: the filing use case quotes the amounts from the catalogue itself.
      const fees = {
        quantities: { copy: random.int(1, 3), page: random.int(1, 20), item: 1, certificate: 1, person: 1, vehicle: 1 },
        declaredValue: 50_000_000 * random.int(2, 60),
        area: random.int(40, 400),
      }
      const quote = quoteFees(d.procedure, { channel: d.channel, ...fees })
      if (Result.isFailure(quote)) {
        lastProblem = quote.failure.message
        continue
      }
      const key = `simulate/${options.seed}/${index}/${attempt}`
      const filer =
        d.intakePoint === undefined
          ? citizen
          : officerAt(d.intakePoint, d.channel === "post" ? "post-office-agent" : "counter-officer")
      const papers = yield* filingPapers(filer, brought, d.intakePoint === undefined)
      const filed =
        d.intakePoint === undefined
          ? fileOnline(citizen, { ...input, ...fees, ...papers }, key)
          : intakeAtCounter(filer, { ...input, ...fees, ...papers, intakePointId: d.intakePoint.id }, key)
      const filedAt = performance.now()
      const outcome = yield* Effect.result(filed)
      if (Result.isSuccess(outcome)) options.onMove?.(`file(${d.channel})`, performance.now() - filedAt)
      if (Result.isFailure(outcome)) {
        if (outcome.failure instanceof FilingRefused || outcome.failure instanceof ActionRefused) {
          lastProblem = outcome.failure.message
          continue
        }
        // A key used before with other papers (their uploads have new ids): the seed ran on this database
        if (outcome.failure instanceof IdempotencyKeyReused) return yield* Effect.fail(seedReplayed(key))
        return yield* Effect.fail(outcome.failure)
      }
      const view = outcome.success
      // A key used before answers the first filing again (idempotency): the stored dossier has moved on since.
      const stored = yield* loadDossier(view.code)
      if (stored.record.version !== 1) return yield* Effect.fail(seedReplayed(view.code))
      const sim: Sim = {
        index,
        random,
        plan: drawPlan(random, d.procedure.process.length),
        procedure: d.procedure,
        channel: d.channel,
        intakePoint: d.intakePoint,
        citizen,
        code: view.code,
        transitions: 1,
        moves: 0,
        payments: 0,
        supplementRequested: false,
        supplementDeadline: undefined,
        obligationRequested: false,
        apologised: false,
        finalState: "filed",
        done: false,
      }
      const wait = d.channel === "online" ? random.between(0.5, 6) : random.between(0.1, 0.6)
      agenda.push(later(wait), { kind: "act", sim })
      const quality = random.fork("quality")
      if (quality.chance(SHARES.synced)) agenda.push(later(quality.between(0.05, 0.5)), { kind: "sync", sim })
      if (quality.chance(SHARES.petition))
        agenda.push(later(quality.between(8, 80)), { kind: "petition", sim, step: 0 })
      return
    }
    return yield* Effect.fail(new Error(`could not file dossier ${index} after 25 draws: ${lastProblem}`))
  })

  function officerAt(point: IntakePoint, role: "counter-officer" | "post-office-agent"): Principal {
    return {
      id: `${staffPrefix[role]}.${point.id}`,
      roles: [role],
      scope: {
        _tag: "Staff",
        level: "commune",
        agencyCodes: [],
        unitCodes: [point.unitCode],
        intakePointIds: [point.id],
      },
    }
  }

  /** The applicant's side (online) or the counter's (in person, by post) for withdrawals and supplements. */
  const applicantSide = (sim: Sim, context: DossierContext) =>
    sim.channel === "online" ? sim.citizen : officer("counter-officer", context)

  const pay = (sim: Sim, context: DossierContext, amount: number) => {
    sim.payments++
    const paymentId = `sim-${options.seed}-${sim.index}-${sim.payments}`
    // Online, the gateway's signed callback (the only way a system confirms a payment); otherwise cash at the counter.
    return sim.channel === "online"
      ? confirmPaymentCallback(gateway(context), {
          signature: TEST_CALLBACK_SIGNATURE,
          paymentId,
          dossierCode: sim.code,
          amount,
          paidAt: clock.current(),
        })
      : confirmPayment(officer("counter-officer", context), sim.code, { paymentId, amount }, paymentId)
  }

  const signedResult = (sim: Sim, holder: Principal) =>
    Effect.gen(function* () {
      const pdf = new TextEncoder().encode(`%PDF-1.7\n% ${sim.procedure.result.name} — ${sim.code}\n%%EOF\n`)
      const stored = yield* documents.put(pdf, "application/pdf")
      return yield* sign(holder, sim.code, { documentId: stored.id })
    })

  const returnMove = (sim: Sim, context: DossierContext): Move => {
    const form = sim.procedure.result.form
    const method: ReturnMethod =
      sim.channel === "post" ? "post" : sim.channel === "online" && form !== "paper" ? "e-wallet" : "counter"
    const by =
      method === "post" && sim.intakePoint !== undefined
        ? officerAt(sim.intakePoint, "post-office-agent")
        : officer("counter-officer", context)
    return { label: `returnResult(${method})`, run: () => returnResult(by, sim.code, { method }) }
  }

  /** The moves worth trying now, most fitting first. */
  const movesFor = (sim: Sim, state: string, context: DossierContext, step: StepRecord | undefined): Move[] => {
    const { scenario } = sim.plan
    const counter = officer("counter-officer", context)
    const now = clock.current()
    switch (state) {
      case "filed":
        if (scenario === "refused-at-intake") {
          return [
            {
              label: "refuse",
              run: () => refuse(counter, sim.code, { reasons: ["Hồ sơ không đủ thành phần theo quy định"] }),
            },
          ]
        }
        if (scenario === "withdrawn" && sim.random.chance(0.3)) {
          return [
            {
              label: "withdraw",
              run: () => withdraw(applicantSide(sim, context), sim.code, { reason: "Công dân xin rút hồ sơ" }),
            },
          ]
        }
        return [{ label: "accept", run: () => accept(counter, sim.code, {}) }]
      case "accepted":
      case "working": {
        if (step === undefined) return []
        const holder = officer(step.role, context, step.agencyCode)
        const moves: Move[] = []
        if (scenario === "withdrawn" && sim.moves >= 2) {
          moves.push({
            label: "withdraw",
            run: () => withdraw(applicantSide(sim, context), sim.code, { reason: "Công dân xin rút hồ sơ" }),
          })
        }
        const asks = step.role === "specialist" || step.role === "inter-agency"
        if ((scenario === "supplement" || scenario === "supplement-abandoned") && !sim.supplementRequested && asks) {
          const wanted = sim.procedure.documents[0]
          const deadline = Date.parse(addWorkingDays(calendar, now, 10))
          moves.push({
            label: "requestSupplementation",
            run: () => {
              sim.supplementRequested = true
              sim.supplementDeadline = deadline
              return requestSupplementation(holder, sim.code, {
                missing: [
                  {
                    ...(wanted === undefined ? {} : { documentId: wanted.id }),
                    description: "Bản sao có chứng thực còn thiếu",
                  },
                ],
                applicantDeadline: iso(deadline),
              })
            },
          })
        }
        if (scenario === "obligation" && !sim.obligationRequested && step.role === "specialist") {
          moves.push({
            label: "requestPayment",
            run: () => {
              sim.obligationRequested = true
              return requestPayment(holder, sim.code, {
                items: [
                  {
                    name: "Nghĩa vụ tài chính theo thông báo của cơ quan thuế",
                    amount: 50_000 * sim.random.int(1, 20),
                  },
                ],
              })
            },
          })
        }
        if (scenario === "apology" && !sim.apologised && (step.role === "specialist" || LEADERS.has(step.role))) {
          const appointment = context.appointment ?? now
          moves.push({
            label: "extendWithApology",
            run: () => {
              sim.apologised = true
              return extendWithApology(holder, sim.code, {
                newAppointment: iso(Date.parse(addWorkingDays(calendar, appointment, sim.random.int(2, 5)))),
                reason: "Cần thêm thời gian xác minh, lấy ý kiến cơ quan liên quan",
              })
            },
          })
        }
        if (LEADERS.has(step.role) && context.decision === undefined) {
          moves.push(
            scenario === "rejected"
              ? {
                  label: "reject",
                  run: () => reject(holder, sim.code, { reasons: ["Không đủ điều kiện theo quy định"] }),
                }
              : { label: "approve", run: () => approve(holder, sim.code, { note: "Đồng ý" }) },
          )
        }
        const laterLeader = sim.procedure.process
          .slice(context.currentStep + 1)
          .some((s) => s.role === "authority-leader")
        const signs = step.role === "authority-leader" || (step.role === "unit-leader" && !laterLeader)
        if (
          signs &&
          context.decision !== undefined &&
          context.signature === undefined &&
          sim.procedure.result.signatureRequired
        ) {
          moves.push({ label: "sign", run: () => signedResult(sim, holder) })
        }
        moves.push({ label: "completeStep", run: () => completeStep(holder, sim.code, {}) })
        const partner = transferPartner(context)
        if (partner !== undefined) {
          moves.push({
            label: "transfer",
            run: () => transfer(holder, sim.code, { agencyCode: partner, note: "Chuyển liên thông" }),
          })
        }
        moves.push({ label: "resultReady", run: () => markResultReady(holder, sim.code, {}) })
        return moves
      }
      case "awaitingSupplement":
        if (scenario === "supplement-abandoned") {
          return [
            {
              label: "supplementationDeadlinePassed",
              run: () =>
                supplementationDeadlinePassed(
                  scheduler(context),
                  sim.code,
                  `simulate/${options.seed}/${sim.index}/deadline`,
                ),
            },
          ]
        }
        return [
          {
            label: "receiveSupplement",
            run: () =>
              receiveSupplement(applicantSide(sim, context), sim.code, {
                documents: (context.supplementations.at(-1)?.missing ?? []).flatMap((m) =>
                  m.documentId === undefined ? [] : [{ id: m.documentId }],
                ),
              }),
          },
        ]
      case "awaitingPayment": {
        // what is still owed (fees paid earlier count): a payment of more than that is refused
        const owed = amountOwed(context, "obligations") - amountPaid(context)
        return owed > 0 ? [{ label: "pay", run: () => pay(sim, context, owed) }] : []
      }
      case "processed": {
        const moves: Move[] = []
        if (step !== undefined) {
          const holder = officer(step.role, context, step.agencyCode)
          moves.push({ label: "completeStep", run: () => completeStep(holder, sim.code, {}) })
        }
        moves.push(returnMove(sim, context))
        if (moves.at(-1)?.label !== "returnResult(counter)") {
          moves.push({
            label: "returnResult(counter)",
            run: () => returnResult(counter, sim.code, { method: "counter" }),
          })
        }
        return moves
      }
      default:
        return []
    }
  }

  /** Another authority for an inter-agency step: a provincial department other than the dossier's own. */
  const transferPartner = (context: DossierContext) =>
    jurisdiction.agencies.find((a) => a.code !== context.agencyCode && a.level === "province")?.code

  /** How long until the next move, from the state the dossier is in now. */
  const nextDelay = (sim: Sim, state: string, step: StepRecord | undefined): number => {
    const r = sim.random
    switch (state) {
      case "filed":
        return later(r.between(0.2, 4))
      case "accepted":
      case "working": {
        const allowance =
          step === undefined
            ? 4
            : durationInHours(sim.procedure.process[step.index]?.allowance ?? { amount: 4, unit: "working-hours" })
        const overrun = sim.plan.scenario === "late" && step?.index === sim.plan.lateStep
        const share = overrun ? sim.plan.lateFactor : r.between(0.05, 0.28)
        return later(allowance * share)
      }
      case "awaitingSupplement":
        if (sim.plan.scenario === "supplement-abandoned" && sim.supplementDeadline !== undefined) {
          return Math.max(sim.supplementDeadline + 30 * MINUTE, later(0))
        }
        return later(r.between(4, 40))
      case "awaitingPayment":
        return later(r.between(1, 16))
      case "processed":
        return later(sim.channel === "post" ? r.between(8, 24) : r.between(1, 12))
      default:
        return later(1)
    }
  }

  const feesRefusal = (reason: Refusal) => (reason._tag === "FeesUnpaid" ? reason.amount : undefined)

  const act = Effect.fn("simulate.act")(function* (sim: Sim) {
    const loaded = yield* loadDossier(sim.code)
    const state = loaded.dossier.value
    if (FINAL_STATES.has(state) || (sim.plan.scenario === "open" && sim.moves >= sim.plan.openAfter)) {
      sim.finalState = state
      return finish(sim)
    }
    sim.procedure = loaded.procedure
    const step = openStepOf(loaded.context)
    const refusals: string[] = []
    let moved = false
    for (const move of movesFor(sim, state, loaded.context, step)) {
      let movedAt = performance.now()
      let outcome = yield* Effect.result(move.run())
      if (Result.isFailure(outcome) && outcome.failure instanceof ActionRefused) {
        const owed = feesRefusal(outcome.failure.reason)
        if (owed !== undefined) {
          const paid = yield* Effect.result(pay(sim, loaded.context, owed))
          if (Result.isFailure(paid)) return yield* Effect.fail(paid.failure)
          sim.transitions++
          movedAt = performance.now()
          outcome = yield* Effect.result(move.run())
        }
      }
      if (Result.isSuccess(outcome)) {
        options.onMove?.(move.label, performance.now() - movedAt)
        sim.transitions++
        sim.moves++
        moved = true
        break
      }
      // Refused by the machine (not in this state, not at this step), or by the policy (the step's role may not
      // take this action): the next candidate is tried. Anything else is a failure of the system.
      if (outcome.failure instanceof ActionRefused) refusals.push(`${move.label}: ${outcome.failure.reason._tag}`)
      else if (outcome.failure instanceof Forbidden) refusals.push(`${move.label}: Forbidden`)
      else return yield* Effect.fail(outcome.failure)
    }
    if (!moved) {
      sim.finalState = state
      sim.stuck = refusals.length === 0 ? `no move in state ${state}` : refusals.join("; ")
      return finish(sim)
    }
    const after = yield* loadDossier(sim.code)
    sim.finalState = after.dossier.value
    if (after.dossier.value === "returned" && sim.random.chance(SHARES.rated))
      agenda.push(later(sim.random.between(2, 30)), { kind: "rate", sim })
    if (FINAL_STATES.has(after.dossier.value)) return finish(sim)
    agenda.push(nextDelay(sim, after.dossier.value, openStepOf(after.context)), { kind: "act", sim })
  })

  const indicators = yield* IndicatorStore
  /** A petition's life: sent, classified, answered (late now and then), published, perhaps rated by its sender. */
  const petitionStep = Effect.fn("simulate.petition")(function* (item: Extract<Item, { kind: "petition" }>) {
    const { sim } = item
    const r = sim.random
    if (item.step === 0) {
      const sent = yield* sendPetition(sim.citizen, {
        dossierCode: sim.code,
        content: "Đề nghị cho biết tiến độ giải quyết hồ sơ và lý do chậm trả kết quả",
      })
      petitions++
      agenda.push(later(r.between(1, 8)), { kind: "petition", sim, step: 1, stored: sent })
      return
    }
    const stored = item.stored as StoredPetition
    const loaded = yield* loadDossier(sim.code)
    const handler = officer("specialist", loaded.context)
    const [event, next, who] =
      item.step === 1
        ? ([
            { type: "classify", kind: "feedback", topic: "delay" },
            r.chance(SHARES.petitionLate) ? r.between(120, 200) : r.between(8, 80),
            handler,
          ] as const)
        : item.step === 2
          ? ([
              { type: "answer", text: "Đơn vị đã kiểm tra và thông báo tiến độ giải quyết hồ sơ." },
              r.between(1, 12),
              handler,
            ] as const)
          : item.step === 3
            ? ([{ type: "publish" }, r.between(4, 40), handler] as const)
            : ([{ type: "rate", satisfied: r.chance(SHARES.petitionSatisfied) }, 0, sim.citizen] as const)
    const outcome = yield* Effect.result(actOnPetition(who, stored.petition.id, event))
    if (Result.isFailure(outcome)) {
      if (outcome.failure instanceof PetitionRefused) return
      return yield* Effect.fail(outcome.failure)
    }
    if (item.step < 3 || (item.step === 3 && r.chance(SHARES.petitionRated)))
      agenda.push(later(next), { kind: "petition", sim, step: item.step + 1, stored: outcome.success })
  })

  for (let next = agenda.pop(); next !== undefined; next = agenda.pop()) {
    yield* clock.set(iso(Math.max(next.at, Date.parse(clock.current()))))
    const item = next.item
    switch (item.kind) {
      case "file":
        scheduleFiling(item.index + 1)
        yield* file(item.index)
        break
      case "act":
        yield* act(item.sim)
        break
      case "sync":
        yield* indicators.markSynced(item.sim.code, clock.current())
        synced++
        break
      case "rate": {
        const liked = item.sim.random.chance(SHARES.liked)
        const score = () => (liked ? item.sim.random.int(4, 5) : item.sim.random.int(1, 3))
        yield* rateDossier(item.sim.citizen, item.sim.code, {
          access: score(),
          procedure: score(),
          officer: score(),
          result: score(),
          liked,
        })
        ratings++
        break
      }
      case "petition":
        yield* petitionStep(item)
        break
    }
  }

  if (done !== options.count)
    return yield* Effect.fail(new Error(`${options.count - done} of ${options.count} dossiers did not end their lives`))
  return {
    dossiers: done,
    byChannel,
    byScenario,
    byFinalState,
    stuck,
    transitions,
    synced,
    ratings,
    petitions,
    startedAt,
    endedAt: clock.current(),
  } satisfies SimulationResult
})

const openStepOf = (context: DossierContext): StepRecord | undefined => {
  const last = context.steps[context.steps.length - 1]
  return last !== undefined && last.endedAt === undefined ? last : undefined
}
