// The reference model: a few plain fields (where the dossier stands, which step holds it, how many supplementation
// requests, which payment ids, decided/signed, the appointment) and the rules of the domain reference written
// again, plainly, to predict whether the machine takes each event and where it goes. A model run fails as soon as
// the machine and the model disagree. Deadlines are the exception: the model copies the appointment from the
// machine (the invariants judge it) because computing it would mean writing the calendar a second time. The model
// does ask the calendar whether a day is a working day (to predict `AppointmentOnDayOff`): that is the calendar's
// own question, not the machine's guard.
import {
  type Actor,
  type Calendar,
  type Channel,
  type DossierContext,
  type DossierStateName,
  isWorkingDay,
  type Procedure,
  type Refusal,
  type Role,
} from "@motcua/domain"
import type { World } from "./world.ts"

export type RefusalTag = Refusal["_tag"]
export type Prediction =
  | { readonly ok: true; readonly to: DossierStateName }
  | { readonly ok: false; readonly tag: RefusalTag }

/** The civil date (YYYY-MM-DD) in Vietnam (UTC+7, no daylight saving) of an instant: what the citizen reads. */
const dateInVietnam = (ms: number): string => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10)

type Scope = "none" | "applicant" | "intake" | "agency" | "intake-point"

// The tables below (grants, stepBound, START_PROCESSING) say again what the domain's permissions.ts and guards.ts
// say, on purpose: the model predicts the machine's decisions, so importing the machine's own tables would make a
// wrong entry agree with itself. Keep them written out, from the domain reference.

/** Roles and scopes of the events that are not bound to the current step (domain reference: who acts). */
export const grants: Readonly<Record<string, ReadonlyArray<readonly [Role, Scope]>>> = {
  accept: [["counter-officer", "intake"]],
  refuse: [["counter-officer", "intake"]],
  supplementReceived: [
    ["citizen", "applicant"],
    ["counter-officer", "intake"],
    ["post-office-agent", "intake-point"],
  ],
  supplementationDeadlinePassed: [["system", "none"]],
  paymentConfirmed: [
    ["system", "none"],
    ["counter-officer", "intake"],
  ],
  withdraw: [
    ["citizen", "applicant"],
    ["counter-officer", "intake"],
  ],
  extendWithApology: [
    ["specialist", "agency"],
    ["unit-leader", "agency"],
    ["authority-leader", "agency"],
  ],
  replaceResult: [
    ["unit-leader", "agency"],
    ["authority-leader", "agency"],
  ],
  correct: [
    ["counter-officer", "intake"],
    ["specialist", "agency"],
    ["clerk", "agency"],
    ["unit-leader", "agency"],
    ["authority-leader", "agency"],
  ],
  "returnResult:counter": [["counter-officer", "intake"]],
  "returnResult:post": [["post-office-agent", "none"]],
  "returnResult:e-wallet": [
    ["system", "none"],
    ["counter-officer", "intake"],
  ],
}

/** Step-bound events that, before intake (no step yet), a role sends instead: the counter officer asks to supplement. */
export const beforeIntake: Readonly<Record<string, readonly [Role, Scope]>> = {
  requestSupplementation: ["counter-officer", "intake"],
}

/** Events only the holder of the current step sends; a list restricts the step roles they may be sent at. */
export const stepBound: Readonly<Record<string, ReadonlyArray<Role> | "any">> = {
  completeStep: "any",
  transfer: "any",
  requestSupplementation: "any",
  requestFinancialObligation: "any",
  resultReady: "any",
  stop: "any",
  approve: ["unit-leader", "authority-leader"],
  reject: ["unit-leader", "authority-leader"],
  sign: ["authority-leader", "unit-leader"],
}

const PROCESSING = [
  "completeStep",
  "transfer",
  "approve",
  "reject",
  "sign",
  "replaceResult",
  "requestSupplementation",
  "requestFinancialObligation",
  "resultReady",
  "stop",
  "withdraw",
  "extendWithApology",
  "paymentConfirmed",
]

/** The events each state takes (before any rule), from the lifecycle table of the documentation. */
export const eventsOfState: Readonly<Record<DossierStateName, ReadonlyArray<string>>> = {
  filed: ["accept", "refuse", "requestSupplementation", "withdraw", "paymentConfirmed"],
  awaitingIntakeSupplement: ["supplementReceived", "supplementationDeadlinePassed", "withdraw", "paymentConfirmed"],
  accepted: PROCESSING,
  working: PROCESSING,
  awaitingSupplement: [
    "supplementReceived",
    "supplementationDeadlinePassed",
    "stop",
    "withdraw",
    "extendWithApology",
    "paymentConfirmed",
  ],
  awaitingPayment: ["paymentConfirmed", "stop", "withdraw", "extendWithApology"],
  processed: ["completeStep", "replaceResult", "returnResult"],
  returned: ["correct", "replaceResult"],
  refused: [],
  withdrawn: [],
  stopped: [],
}

/** Events that, sent in `accepted`, start processing and so need the fees due before processing. */
const START_PROCESSING = new Set([
  "completeStep",
  "transfer",
  "requestSupplementation",
  "approve",
  "reject",
  "sign",
  "resultReady",
])

export interface ModelSetup {
  /** The procedure with the variant applied. */
  readonly procedure: Procedure
  readonly world: World
  /** The handling centre's calendar: an appointment must fall on one of its working days. */
  readonly calendar: Calendar
  readonly channel: Channel
  readonly intakePointId: string | undefined
  /** Who filed (their account id). */
  readonly filedById: string
  readonly fees: ReadonlyArray<{ readonly amount: number; readonly due: string; readonly name: string }>
  readonly documents: ReadonlyArray<string>
  readonly filedAt: number
}

/** A well-formed event as the model reads it (instants as epoch ms). */
export interface ModelEvent {
  readonly type: string
  readonly actor: Actor
  readonly at: number
  readonly documentIds?: ReadonlyArray<string>
  readonly applicantDeadline?: number
  readonly newAppointment?: number
  readonly agencyCode?: string
  readonly paymentId?: string
  readonly amount?: number
  readonly method?: string
  readonly obligation?: number
  /** The name of the obligation asked for. */
  readonly obligationName?: string
}

/** The reference model of one dossier. Mutable: fast-check's model runs update it in place. */
export class DossierModel {
  readonly setup: ModelSetup
  state: DossierStateName = "filed"
  step = -1
  /** The authority the current inter-agency step was transferred to. */
  transferredTo: string | undefined = undefined
  /** Supplementation requests made during processing (one asked at intake is not one: it marks nothing late). */
  supplementations = 0
  /** The applicant's deadline of the last supplementation request. */
  supplementDeadline: number | undefined = undefined
  paymentIds: string[] = []
  paid = 0
  obligations = 0
  decision: "approved" | "rejected" | undefined = undefined
  signed = false
  /** How many times a corrected result replaced the signed one. */
  replaced = 0
  /** Copied from the machine after each accepted event (see the module comment). */
  appointment: number | undefined = undefined
  lastAt: number
  documents: Set<string>
  accepted = 0
  refused = 0

  constructor(setup: ModelSetup) {
    this.setup = setup
    this.lastAt = setup.filedAt
    this.documents = new Set(setup.documents)
  }

  get procedure(): Procedure {
    return this.setup.procedure
  }

  /** What must be paid by a moment: fees due then or earlier, plus (from processing on) requested obligations. */
  owed(stage: "at-intake" | "before-processing" | "before-result"): number {
    const order: Record<string, number> = { "at-intake": 0, "before-processing": 1, "before-result": 2 }
    const fees = this.setup.fees
      .filter((f) => (order[f.due] ?? 0) <= (order[stage] ?? 0))
      .reduce((s, f) => s + f.amount, 0)
    return fees + (stage === "before-result" ? this.obligations : 0)
  }

  /** Fees due before processing plus obligations: what a payment must cover to end a wait for payment. */
  owedForObligations(): number {
    return this.owed("before-processing") + this.obligations
  }

  /** The role of the step that holds the dossier, if any. */
  holderRole(): Role | undefined {
    return this.procedure.process[this.step]?.role
  }

  private inScope(actor: Actor, scope: Scope): boolean {
    const w = this.setup.world
    const agency = { agencyCode: w.agencyCode, unitCode: w.unitCode, intakePointId: undefined as string | undefined }
    const target =
      scope === "agency"
        ? agency
        : scope === "intake"
          ? { ...agency, intakePointId: this.setup.intakePointId }
          : scope === "intake-point"
            ? { intakePointId: this.setup.intakePointId }
            : undefined
    if (scope === "none") return true
    if (scope === "applicant") return actor.id === this.setup.filedById || actor.id === w.applicantId
    const t = target as { agencyCode?: string; unitCode?: string; intakePointId?: string | undefined }
    return (
      (t.agencyCode !== undefined && actor.agencyCodes.includes(t.agencyCode)) ||
      (t.unitCode !== undefined && actor.unitCodes.includes(t.unitCode)) ||
      (t.intakePointId !== undefined && actor.intakePointIds.includes(t.intakePointId))
    )
  }

  /** The scope the holder of the current step acts for. */
  private holderScope(actor: Actor): boolean {
    const role = this.holderRole()
    if (role === "inter-agency" && this.transferredTo !== undefined)
      return actor.agencyCodes.includes(this.transferredTo)
    return this.inScope(actor, role === "counter-officer" ? "intake" : "agency")
  }

  /** Who may send the event: undefined, or the refusal's tag. */
  private actorRefusal(e: ModelEvent): RefusalTag | undefined {
    const bound = stepBound[e.type]
    const intake = this.step < 0 ? beforeIntake[e.type] : undefined
    if (intake !== undefined) {
      if (e.actor.role !== intake[0]) return "ActorNotAllowed"
      return this.inScope(e.actor, intake[1]) ? undefined : "OutOfScope"
    }
    if (bound !== undefined) {
      const role = this.holderRole()
      if (role === undefined) return "ActorNotAllowed"
      if (bound !== "any" && !bound.includes(role)) return "ActorNotAllowed"
      if (e.actor.role !== role) return "ActorNotAllowed"
      return this.holderScope(e.actor) ? undefined : "OutOfScope"
    }
    const list = grants[e.type === "returnResult" ? `returnResult:${e.method}` : e.type] ?? []
    const grant = list.find(([role]) => role === e.actor.role)
    if (grant === undefined) return "ActorNotAllowed"
    return this.inScope(e.actor, grant[1]) ? undefined : "OutOfScope"
  }

  private payloadInvalid(e: ModelEvent): boolean {
    const known = new Set(this.procedure.documents.map((d) => d.id))
    if ((e.documentIds ?? []).some((id) => !known.has(id))) return true
    if (e.applicantDeadline !== undefined && e.applicantDeadline <= e.at) return true
    if (e.newAppointment !== undefined && e.newAppointment <= e.at) return true
    // an obligation named like one of the dossier's own fees would make it owed twice (exact name: the generator's)
    if (e.obligationName !== undefined && this.setup.fees.some((f) => f.name === e.obligationName)) return true
    return e.type === "transfer" && e.agencyCode === this.setup.world.agencyCode
  }

  private ruleRefusal(e: ModelEvent): RefusalTag | undefined {
    const unpaidBefore =
      this.state === "accepted" && START_PROCESSING.has(e.type) && this.owed("before-processing") > this.paid
        ? "FeesUnpaid"
        : undefined
    switch (e.type) {
      case "accept": {
        const all = new Set([...this.documents, ...(e.documentIds ?? [])])
        if (this.procedure.documents.some((d) => d.mandatory && !all.has(d.id))) return "MissingMandatoryDocuments"
        return this.owed("at-intake") > this.paid ? "FeesUnpaid" : undefined
      }
      case "completeStep":
      case "transfer": {
        const next = this.procedure.process[this.step + 1]
        if (this.procedure.process[this.step] === undefined || next === undefined) return "NoNextStep"
        if ((next.role === "inter-agency") !== (e.type === "transfer")) return "WrongHandover"
        return unpaidBefore
      }
      case "approve":
      case "reject":
        return this.decision !== undefined ? "DecisionAlreadyMade" : unpaidBefore
      case "sign":
        if (this.decision === undefined) return "DecisionMissing"
        return this.signed ? "AlreadySigned" : unpaidBefore
      case "replaceResult":
        // a corrected result replaces a signed one: nothing to replace before the first signature
        if (this.decision === undefined) return "DecisionMissing"
        return this.signed ? undefined : "SignatureRequired"
      case "resultReady":
        if (this.decision === undefined) return "DecisionMissing"
        if (this.procedure.result.signatureRequired && !this.signed) return "SignatureRequired"
        return unpaidBefore ?? (this.owed("before-result") > this.paid ? "FeesUnpaid" : undefined)
      case "returnResult":
        if (e.method === "e-wallet" && this.procedure.result.form === "paper") return "ReturnMethodUnavailable"
        return this.procedure.result.signatureRequired && !this.signed ? "SignatureRequired" : undefined
      case "paymentConfirmed": {
        if (this.paymentIds.includes(e.paymentId ?? "")) return "DuplicatePayment"
        // at least what is due now, at most everything still owed (fees once, plus obligations)
        const amount = e.amount ?? 0
        const outstanding = this.owed("before-result") - this.paid
        const dueBy =
          this.state === "filed" || this.state === "awaitingIntakeSupplement"
            ? this.owed("at-intake")
            : this.state === "accepted"
              ? this.owed("before-processing")
              : this.state === "awaitingPayment"
                ? this.owedForObligations()
                : this.owed("before-result")
        const dueNow = Math.max(0, dueBy - this.paid)
        const settles = amount === outstanding || (dueNow > 0 && amount === dueNow)
        return outstanding <= 0 || !settles ? "PaymentAmountWrong" : undefined
      }
      case "extendWithApology": {
        const requested = e.newAppointment ?? 0
        if (this.appointment !== undefined && requested <= this.appointment) return "AppointmentNotLater"
        return isWorkingDay(this.setup.calendar, dateInVietnam(requested)) ? undefined : "AppointmentOnDayOff"
      }
      case "supplementationDeadlinePassed":
        return this.supplementDeadline !== undefined && e.at < this.supplementDeadline
          ? "DeadlineNotReached"
          : undefined
      case "requestSupplementation":
        return unpaidBefore
      default:
        return undefined
    }
  }

  /** Where the machine goes if it takes the event. */
  private target(e: ModelEvent): DossierStateName {
    const s = this.state
    switch (e.type) {
      case "accept":
        return "accepted"
      case "refuse":
        return "refused"
      case "withdraw":
        return "withdrawn"
      case "stop":
        return "stopped"
      case "supplementationDeadlinePassed":
        // asked at intake: never received, so not received (3) rather than stopped (8)
        return s === "awaitingIntakeSupplement" ? "refused" : "stopped"
      case "requestSupplementation":
        return s === "filed" ? "awaitingIntakeSupplement" : "awaitingSupplement"
      case "requestFinancialObligation":
        return "awaitingPayment"
      case "supplementReceived":
        return s === "awaitingIntakeSupplement" ? "filed" : "working"
      case "resultReady":
        return "processed"
      case "returnResult":
        return "returned"
      case "paymentConfirmed":
        return s === "awaitingPayment" && this.paid + (e.amount ?? 0) >= this.owedForObligations() ? "working" : s
      case "extendWithApology":
      case "correct":
      case "replaceResult":
        return s
      default:
        // completeStep, transfer, approve, reject, sign: processing goes on (from `processed`, the result moves on)
        return s === "processed" ? "processed" : "working"
    }
  }

  /** The model's answer to an event: malformed events are refused as invalid before anything else. */
  predict(e: ModelEvent | "malformed"): Prediction {
    if (e === "malformed") return { ok: false, tag: "InvalidEvent" }
    if (!eventsOfState[this.state].includes(e.type)) return { ok: false, tag: "NotAllowedInState" }
    if (e.at < this.lastAt) return { ok: false, tag: "InstantBeforeLastEvent" }
    const actor = this.actorRefusal(e)
    if (actor !== undefined) return { ok: false, tag: actor }
    if (this.payloadInvalid(e)) return { ok: false, tag: "InvalidEvent" }
    const rule = this.ruleRefusal(e)
    return rule === undefined ? { ok: true, to: this.target(e) } : { ok: false, tag: rule }
  }

  /** Takes an accepted event into the model. `appointment` is the machine's (see the module comment). */
  apply(e: ModelEvent, to: DossierStateName, appointment: number | undefined): void {
    this.accepted++
    this.lastAt = e.at
    this.appointment = appointment
    for (const id of e.documentIds ?? [])
      if (e.type === "accept" || e.type === "supplementReceived") this.documents.add(id)
    switch (e.type) {
      case "accept":
        this.step = 0
        break
      case "completeStep":
        this.step++
        this.transferredTo = undefined
        break
      case "transfer":
        this.step++
        this.transferredTo = e.agencyCode
        break
      case "requestSupplementation":
        if (this.state !== "filed") this.supplementations++
        this.supplementDeadline = e.applicantDeadline
        break
      case "requestFinancialObligation":
        this.obligations += e.obligation ?? 0
        break
      case "paymentConfirmed":
        this.paid += e.amount ?? 0
        this.paymentIds.push(e.paymentId ?? "")
        break
      case "approve":
        this.decision = "approved"
        break
      case "reject":
        this.decision = "rejected"
        break
      case "sign":
        this.signed = true
        break
      case "replaceResult":
        this.replaced++
        break
    }
    this.state = to
  }

  /**
   * A model standing where a machine snapshot stands (for graph searches that start from any snapshot). Reads the
   * machine's context, so it is a starting point for generating events, not a reference to judge the machine by.
   */
  static fromContext(setup: ModelSetup, state: DossierStateName, c: DossierContext): DossierModel {
    const m = new DossierModel({ ...setup, documents: c.documents.map((d) => d.id) })
    m.state = state
    m.step = c.currentStep
    m.transferredTo = c.steps[c.steps.length - 1]?.agencyCode
    m.supplementations = c.supplementations.filter((s) => s.atIntake !== true).length
    const open = c.supplementations[c.supplementations.length - 1]
    m.supplementDeadline = open === undefined ? undefined : Date.parse(open.applicantDeadline)
    m.paymentIds = c.payments.map((p) => p.paymentId)
    m.paid = c.payments.reduce((s, p) => s + p.amount, 0)
    m.obligations = c.obligations.reduce((s, o) => s + o.amount, 0)
    m.decision = c.decision?.kind
    m.signed = c.signature !== undefined
    m.replaced = c.replacedSignatures?.length ?? 0
    m.appointment = c.appointment === undefined ? undefined : Date.parse(c.appointment)
    m.lastAt = Date.parse(c.lastEventAt)
    m.accepted = c.payments.length
    return m
  }

  /** Whether the dossier can still change (the terminal states except a returned one, which takes corrections). */
  get closed(): boolean {
    return this.state === "refused" || this.state === "withdrawn" || this.state === "stopped"
  }
}
