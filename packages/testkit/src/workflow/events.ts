// Concrete events from abstract intents: an intent says which event type, what is wrong with it (nothing, the
// role, the account's scope, the instant, the payload, or its very shape) and how much time passed; the builder
// reads the reference model to make it concrete (who holds the dossier, what is owed, the appointment). Built at
// run time from the model, the same intents stay meaningful when fast-check shrinks the list around them.
import { addWorkingDays, type Calendar, type DossierEventType, dossierEventTypes, type Role } from "@motcua/domain"
import fc from "fast-check"
import { applyGap, arbTimeGap, instantText, type TimeGap } from "../arbitraries/time.ts"
import { type DossierModel, grants, type ModelEvent, stepBound } from "./model.ts"
import { actorOf, allRoles } from "./world.ts"

/** What is wrong with an event: `none` is a plausible event; the others each break one rule. */
export type Flaw = "none" | "wrong-role" | "out-of-scope" | "back-in-time" | "bad-payload" | "malformed"
export const flaws: ReadonlyArray<Flaw> = [
  "none",
  "wrong-role",
  "out-of-scope",
  "back-in-time",
  "bad-payload",
  "malformed",
]

export interface EventIntent {
  /**
   * `direct`: this event type with this flaw. `progress`: the plausible event that moves the dossier furthest
   * towards its result, as the model sees it. `random`: any plausible event the model expects to be taken.
   */
  readonly mode: "direct" | "progress" | "random"
  readonly type: DossierEventType
  readonly flaw: Flaw
  readonly gap: TimeGap
  /** Drives every other choice (which role among several, which document, which amount …). */
  readonly pick: number
  /** Write instants in UTC (`Z`) rather than Vietnam time. */
  readonly utc: boolean
  /** Send the snapshot as storage keeps it (JSON) rather than the live one. */
  readonly persisted: boolean
}

/**
 * A plain intent: `type` itself with no flaw, two working hours after the last event, pick 1, Vietnam time, the live
 * snapshot; `over` changes any of that.
 */
export const plainIntent = (type: DossierEventType, over: Partial<EventIntent> = {}): EventIntent => ({
  mode: "direct",
  type,
  flaw: "none",
  gap: { kind: "hours", amount: 2 },
  pick: 1,
  utc: false,
  persisted: false,
  ...over,
})

export const arbEventIntent: fc.Arbitrary<EventIntent> = fc.record({
  mode: fc.constantFrom("direct", "direct", "progress", "progress", "progress", "random", "random"),
  type: fc.constantFrom(...dossierEventTypes),
  flaw: fc.oneof(
    { weight: 5, arbitrary: fc.constant<Flaw>("none") },
    { weight: 5, arbitrary: fc.constantFrom(...flaws) },
  ),
  gap: arbTimeGap,
  pick: fc.nat(9999),
  utc: fc.boolean(),
  persisted: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
})

/** An event made concrete: its JSON form and what the model reads of it. */
export interface BuiltEvent {
  readonly input: Record<string, unknown>
  readonly read: ModelEvent | "malformed"
}

const HOUR = 3_600_000
const DAY = 24 * HOUR
const at = (ms: number, utc: boolean) => instantText(ms, utc)

/** The roles that may send `type` now, with the account scopes that make it plausible. */
function rolesFor(model: DossierModel, type: string, method: string): ReadonlyArray<Role> {
  if (stepBound[type] !== undefined) {
    const holder = model.holderRole()
    return holder === undefined ? ["counter-officer"] : [holder]
  }
  const list = grants[type === "returnResult" ? `returnResult:${method}` : type] ?? []
  const post = model.setup.channel === "post"
  return list
    .filter(([role, scope]) => post || !(role === "post-office-agent" && scope === "intake-point"))
    .map(([r]) => r)
}

const choose = <A>(xs: ReadonlyArray<A>, pick: number): A => xs[pick % xs.length] as A

/** What a payment would have to be to settle what is due now. */
function dueNow(model: DossierModel): number {
  const stage =
    model.state === "filed" || model.state === "awaitingIntakeSupplement"
      ? model.owed("at-intake")
      : model.state === "accepted"
        ? model.owed("before-processing")
        : model.state === "awaitingPayment"
          ? model.owedForObligations()
          : model.owed("before-result")
  return stage - model.paid
}

/**
 * A new appointment after `base`, as an officer might set it: mostly a few working days later, but one time in
 * five on the next day off (a Sunday, a holiday of the calendar) and one in five during Tết, at any hour, so that the
 * machine's refusal of an appointment on a day off (`AppointmentOnDayOff`) is exercised. The model predicts the
 * refusal on its own from the calendar; which way each proposal goes is not decided here.
 */
function laterAppointment(calendar: Calendar, base: number, pick: number): number {
  const hour = Math.floor(pick / 25) % 24
  switch (Math.floor(pick / 5) % 5) {
    case 0:
      return applyGap(calendar, base, { kind: "day-off", hour })
    case 1:
      return applyGap(calendar, base, { kind: "across-tet", offset: pick % 3, hour })
    default:
      return Date.parse(addWorkingDays(calendar, at(base, false), 1 + (pick % 5)))
  }
}

/** The concrete event for an intent of mode `direct` (or a candidate of the other modes). */
export function buildEvent(model: DossierModel, calendar: Calendar, intent: EventIntent): BuiltEvent {
  const { type, flaw, pick, utc } = intent
  const p = model.procedure
  const world = model.setup.world
  const time =
    flaw === "back-in-time" ? model.lastAt - (1 + (pick % 4320)) * 60_000 : applyGap(calendar, model.lastAt, intent.gap)
  const methods = p.result.form === "paper" ? ["counter", "post"] : ["counter", "post", "e-wallet"]
  const method = type === "returnResult" && flaw === "bad-payload" ? "e-wallet" : choose(methods, pick)
  const allowed = rolesFor(model, type, method)
  const role =
    flaw === "wrong-role"
      ? choose(
          allRoles.filter((r) => !allowed.includes(r)),
          pick,
        )
      : choose(allowed, pick)
  const actor = actorOf(world, role, flaw !== "out-of-scope")
  const docIds = p.documents.map((d) => d.id)
  const bad = flaw === "bad-payload"
  let eventAt = time
  const body: Record<string, unknown> = {}
  const read: { -readonly [K in keyof ModelEvent]?: ModelEvent[K] } = {}

  switch (type) {
    case "accept": {
      const missing = p.documents.filter((d) => d.mandatory && !model.documents.has(d.id)).map((d) => d.id)
      const ids = bad ? ["khong-co-giay-to"] : pick % 7 === 0 ? [] : missing
      // as the application hands them to the machine: without flags (a paper scanned at the counter is recorded as
      // a digitised paper, which flags it; a flag the officer declares is checked against the records and dropped)
      body.documents = ids.map((id) => ({ id }))
      read.documentIds = ids
      break
    }
    case "refuse":
      body.reasons = ["Hồ sơ không thuộc thẩm quyền giải quyết"]
      break
    case "requestSupplementation": {
      const documentId = bad && pick % 2 === 0 ? "khong-co-giay-to" : choose(docIds, pick)
      const deadline = bad && pick % 2 === 1 ? time - HOUR : time + (5 + (pick % 10)) * DAY
      body.missing = [{ documentId, description: "Bản sao có chứng thực còn thiếu" }]
      body.applicantDeadline = at(deadline, utc)
      read.documentIds = [documentId]
      read.applicantDeadline = deadline
      break
    }
    case "supplementReceived": {
      const id = bad ? "khong-co-giay-to" : choose(docIds, pick)
      body.documents = [{ id }]
      read.documentIds = [id]
      break
    }
    case "supplementationDeadlinePassed":
      if (!bad && model.supplementDeadline !== undefined) eventAt = Math.max(time, model.supplementDeadline)
      break
    case "requestFinancialObligation": {
      const amount = 50_000 * (1 + (pick % 5))
      // a bad one asks again for one of the dossier's own fees (refused: it is owed once, since filing)
      const name = bad && model.setup.fees.length > 0 ? choose(model.setup.fees, pick).name : "Lệ phí trước bạ"
      body.items = [{ name, amount }]
      read.obligation = amount
      read.obligationName = name
      break
    }
    case "paymentConfirmed": {
      const reuse = bad && model.paymentIds.length > 0
      const paymentId = reuse ? choose(model.paymentIds, pick) : `gd-${model.accepted}-${model.refused}-${pick}`
      const owed = dueNow(model)
      const amount = owed <= 0 ? 10_000 : pick % 3 === 0 ? Math.max(1000, Math.floor(owed / 2)) : owed
      body.paymentId = paymentId
      body.amount = amount
      read.paymentId = paymentId
      read.amount = amount
      break
    }
    case "completeStep":
      body.note = "Chuyển bước tiếp theo"
      break
    case "transfer": {
      const agencyCode = bad ? world.agencyCode : pick % 5 === 0 ? "000.77.77.H49" : world.partnerAgencyCode
      body.agencyCode = agencyCode
      read.agencyCode = agencyCode
      break
    }
    case "approve":
      body.note = "Đồng ý"
      break
    case "reject":
      body.reasons = ["Không đủ điều kiện theo quy định"]
      break
    case "sign":
      body.signatureId = `ky-${pick}`
      break
    case "replaceResult":
      body.signatureId = `ky-thay-${model.replaced}-${pick}`
      body.reason = "Sai thông tin trên kết quả đã ký"
      break
    case "resultReady":
      body.resultDocumentIds = ["ket-qua-1"]
      break
    case "returnResult":
      body.method = method
      read.method = method
      break
    case "withdraw":
      body.reason = "Công dân xin rút hồ sơ"
      break
    case "stop":
      body.reasons = ["Có văn bản đề nghị dừng giải quyết"]
      break
    case "extendWithApology": {
      const base = Math.max(model.appointment ?? time, time)
      const newAppointment = bad
        ? (model.appointment ?? time) - (pick % 2 === 0 ? DAY : 0)
        : laterAppointment(calendar, base, pick)
      body.newAppointment = at(newAppointment, utc)
      body.reason = "Cần thêm thời gian xác minh"
      read.newAppointment = newAppointment
      break
    }
    case "correct":
      body.changes = [{ field: "applicant.address", to: "Tổ 6, phường Hồng Gai" }]
      body.reason = "Sai địa chỉ trên kết quả"
      break
  }
  const input: Record<string, unknown> = { type, actor, at: at(eventAt, utc), ...body }
  if (flaw === "malformed") return { input: malformed(input, pick), read: "malformed" }
  return { input, read: { ...read, type, actor, at: eventAt } }
}

/** Breaks the shape of an event in one of several ways the schema must catch. */
function malformed(input: Record<string, unknown>, pick: number): Record<string, unknown> {
  switch (pick % 6) {
    case 0: {
      const { actor: _, ...rest } = input
      return rest
    }
    case 1:
      return { ...input, at: "hôm qua lúc 9 giờ" }
    case 2:
      return { ...input, at: "2025-02-30T09:00:00+07:00" }
    case 3:
      return { ...input, type: `${String(input.type)}Now` }
    case 4:
      return { ...input, actor: { ...(input.actor as object), role: "mayor" } }
    default:
      return input.type === "paymentConfirmed"
        ? { ...input, amount: -(pick + 1) }
        : { ...input, at: "2300-01-01T09:00:00+07:00" }
  }
}

const ENDING: ReadonlySet<string> = new Set(["refuse", "withdraw", "stop", "supplementationDeadlinePassed"])

/** Events the progress mode prefers, most advancing first. */
const PROGRESS: ReadonlyArray<DossierEventType> = [
  "accept",
  "supplementReceived",
  "approve",
  "sign",
  "resultReady",
  "returnResult",
  "paymentConfirmed",
  "completeStep",
  "transfer",
]

/**
 * The event an intent stands for, against the model as it is now. For `progress` and `random`, the plausible
 * candidates the model expects to be taken; when there is none (a closed dossier), the intent's own type.
 */
export function eventFor(model: DossierModel, calendar: Calendar, intent: EventIntent): BuiltEvent {
  if (intent.mode === "direct") return buildEvent(model, calendar, intent)
  const candidates = dossierEventTypes
    .map((type) => buildEvent(model, calendar, { ...intent, type, flaw: "none" }))
    .filter((b) => b.read !== "malformed" && model.predict(b.read).ok)
  if (candidates.length === 0) return buildEvent(model, calendar, { ...intent, flaw: "none" })
  if (intent.mode === "random") {
    // Events that end the dossier are one choice in five, so that most sequences go on to their result.
    const ongoing = candidates.filter((c) => !ENDING.has(String(c.input.type)))
    const pool = ongoing.length > 0 && intent.pick % 5 !== 0 ? ongoing : candidates
    return pool[intent.pick % pool.length] as BuiltEvent
  }
  const owes = dueNow(model) > 0 || model.owed("before-result") > model.paid
  for (const type of PROGRESS) {
    if (type === "paymentConfirmed" && !owes) continue
    const found = candidates.find((c) => c.input.type === type)
    if (found !== undefined) return found
  }
  return candidates[intent.pick % candidates.length] as BuiltEvent
}
