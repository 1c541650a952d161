/**
 * Petitions (phản ánh, kiến nghị): what a citizen sends about a dossier or a procedure, and how the authority
 * handles it, with the deadlines indicator 5.2 scores (decision-766.md) counted in working days on the centre's
 * calendar from the day it was sent:
 * - handled (answered and published) within 15 working days;
 * - refused (not for this authority, not a petition) within 2;
 * - asked for more information within 5 (once);
 * - published within 2 working days of the answer.
 * The numbers are data (`PetitionDeadlines`), the defaults those of the description.
 *
 * Lifecycle: received → classified (kind and topic) → [awaiting-supplement → classified] → answered → published;
 * received or classified → refused. A published petition may be rated once by its sender (satisfied or not: 5.3);
 * a petition sent again about the same matter (`rePetitionOf`) marks the first one re-petitioned (5.3).
 *
 * Pure: `filePetition` and `decidePetition` take the instant and the actor, return the new petition or a typed
 * refusal, and never throw on data. Instants are kept as given (ISO-8601 with an offset); `petitionFacts` gives
 * what the index counts, in the stored form.
 */
import { Result, Schema } from "effect"
import { addWorkingDays, type Calendar } from "../calendar/index.ts"
import { ProcedureCode } from "../catalogue/schema.ts"
import { toVietnamTime } from "../dossier/time.ts"
import { DossierCode } from "../dossier-code/index.ts"
import { storedInstant } from "../indicators/facts.ts"
import type { PetitionFacts } from "../indicators/tally.ts"
import { type DecodeError, decodeAll } from "../shared/decode.ts"

const NonEmpty = Schema.String.check(Schema.isMinLength(1))
const Text = (max: number) => Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(max))

/** Phản ánh (feedback about conduct or handling) or kiến nghị (a recommendation about rules or procedures). */
export const PetitionKind = Schema.Literals(["feedback", "recommendation"])
export type PetitionKind = typeof PetitionKind.Type

/** What it is about, for the classification (5.1). */
export const PetitionTopic = Schema.Literals(["conduct", "delay", "procedure", "fees", "regulation", "other"])
export type PetitionTopic = typeof PetitionTopic.Type

export type PetitionStatus = "received" | "classified" | "awaiting-supplement" | "answered" | "published" | "refused"

export const PetitionDeadlines = Schema.Struct({
  handling: Schema.Number.check(Schema.isInt(), Schema.isGreaterThan(0)),
  refusal: Schema.Number.check(Schema.isInt(), Schema.isGreaterThan(0)),
  supplementationRequest: Schema.Number.check(Schema.isInt(), Schema.isGreaterThan(0)),
  publication: Schema.Number.check(Schema.isInt(), Schema.isGreaterThan(0)),
})
export type PetitionDeadlines = typeof PetitionDeadlines.Type

/** Working days: 15 to handle, 2 to refuse, 5 to ask for more, 2 to publish an answer. */
export const defaultPetitionDeadlines: PetitionDeadlines = {
  handling: 15,
  refusal: 2,
  supplementationRequest: 5,
  publication: 2,
}

export const PetitionSender = Schema.Struct({
  /** The citizen's id number (the account that sent it). */
  id: NonEmpty,
  name: Text(200),
  phone: Schema.optionalKey(Text(20)),
  email: Schema.optionalKey(Text(200)),
})
export type PetitionSender = typeof PetitionSender.Type

/** A petition as the citizen sends it; the application resolves the authority (from the dossier, or as given). */
export const PetitionFiling = Schema.Struct({
  dossierCode: Schema.optionalKey(DossierCode),
  procedureCode: Schema.optionalKey(ProcedureCode),
  content: Text(4000),
  /** The id of an earlier petition about the same matter. */
  rePetitionOf: Schema.optionalKey(Text(100)),
})
export type PetitionFiling = typeof PetitionFiling.Type

export const PetitionEvent = Schema.Union([
  Schema.Struct({ type: Schema.Literal("classify"), kind: PetitionKind, topic: PetitionTopic }),
  Schema.Struct({ type: Schema.Literal("refuse"), reason: Text(2000) }),
  Schema.Struct({ type: Schema.Literal("requestSupplement"), what: Text(2000) }),
  Schema.Struct({ type: Schema.Literal("supplementReceived"), addition: Text(4000) }),
  Schema.Struct({ type: Schema.Literal("answer"), text: Text(8000) }),
  Schema.Struct({ type: Schema.Literal("publish") }),
  Schema.Struct({ type: Schema.Literal("rate"), satisfied: Schema.Boolean }),
])
export type PetitionEvent = typeof PetitionEvent.Type
export type PetitionEventType = PetitionEvent["type"]

/** Decodes an event from JSON with every problem and its path. */
export const decodePetitionEvent = (input: unknown): Result.Result<PetitionEvent, DecodeError> =>
  decodeAll(PetitionEvent, input, "petition event", "", { unknownFields: "error" })

export interface PetitionActor {
  readonly id: string
  /** "citizen" for the sender; a staff role otherwise. */
  readonly role: string
}

export interface Petition {
  readonly id: string
  readonly sentAt: string
  readonly sender: PetitionSender
  readonly dossierCode?: string
  readonly procedureCode?: string
  /** The authority that must handle it, and its commune-level unit when it has one. */
  readonly agencyCode: string
  readonly unitCode?: string
  readonly content: string
  readonly rePetitionOf?: string
  readonly status: PetitionStatus
  readonly kind?: PetitionKind
  readonly topic?: PetitionTopic
  readonly classified?: { readonly at: string; readonly by: PetitionActor }
  readonly refusal?: { readonly at: string; readonly by: PetitionActor; readonly reason: string }
  readonly supplementation?: {
    readonly requestedAt: string
    readonly by: PetitionActor
    readonly what: string
    readonly receivedAt?: string
    readonly addition?: string
  }
  readonly answer?: { readonly at: string; readonly by: PetitionActor; readonly text: string }
  readonly published?: { readonly at: string; readonly by: PetitionActor }
  readonly rating?: { readonly at: string; readonly satisfied: boolean }
  /** Another petition was sent about the same matter after this one. */
  readonly rePetitioned: boolean
  /** Deadlines, fixed when it was sent (publication once answered). */
  readonly due: {
    readonly handling: string
    readonly refusal: string
    readonly supplementationRequest: string
    readonly publication?: string
  }
  readonly lastEventAt: string
}

export type PetitionRefusal =
  | { readonly _tag: "NotAllowedInPetitionState"; readonly status: PetitionStatus; readonly event: PetitionEventType }
  | { readonly _tag: "SupplementAlreadyRequested"; readonly at: string }
  | { readonly _tag: "AlreadyRated"; readonly at: string }
  | { readonly _tag: "NotTheSender"; readonly actorId: string }
  | { readonly _tag: "InstantBeforeLastEvent"; readonly at: string; readonly last: string }

/** The sentence to show for a refusal, Vietnamese first. */
export function describePetitionRefusal(r: PetitionRefusal): string {
  switch (r._tag) {
    case "NotAllowedInPetitionState":
      return `Phản ánh, kiến nghị đang ở trạng thái "${r.status}": không thể "${r.event}" / a petition in state ${r.status} does not take "${r.event}"`
    case "SupplementAlreadyRequested":
      return `Đã yêu cầu bổ sung thông tin lúc ${r.at}: chỉ được yêu cầu một lần / more information was already asked for at ${r.at}, once only`
    case "AlreadyRated":
      return `Đã đánh giá lúc ${r.at} / already rated at ${r.at}`
    case "NotTheSender":
      return `Chỉ người gửi được đánh giá (${r.actorId}) / only the sender may rate it`
    case "InstantBeforeLastEvent":
      return `Thời điểm ${r.at} trước sự kiện gần nhất ${r.last} / ${r.at} is before the last event ${r.last}`
  }
}

const allowedIn: Readonly<Record<PetitionEventType, ReadonlyArray<PetitionStatus>>> = {
  classify: ["received"],
  refuse: ["received", "classified"],
  requestSupplement: ["classified"],
  supplementReceived: ["awaiting-supplement"],
  answer: ["classified"],
  publish: ["answered"],
  rate: ["published"],
}

/** A new petition, received at `at`, with its deadlines counted on `calendar`. */
export function filePetition(input: {
  readonly id: string
  readonly at: string
  readonly sender: PetitionSender
  readonly filing: PetitionFiling
  readonly agencyCode: string
  readonly unitCode?: string
  readonly calendar: Calendar
  readonly deadlines?: PetitionDeadlines
}): Petition {
  const d = input.deadlines ?? defaultPetitionDeadlines
  const at = toVietnamTime(input.at)
  const { filing } = input
  return {
    id: input.id,
    sentAt: at,
    sender: input.sender,
    ...(filing.dossierCode === undefined ? {} : { dossierCode: filing.dossierCode }),
    ...(filing.procedureCode === undefined ? {} : { procedureCode: filing.procedureCode }),
    agencyCode: input.agencyCode,
    ...(input.unitCode === undefined ? {} : { unitCode: input.unitCode }),
    content: filing.content,
    ...(filing.rePetitionOf === undefined ? {} : { rePetitionOf: filing.rePetitionOf }),
    status: "received",
    rePetitioned: false,
    due: {
      handling: addWorkingDays(input.calendar, at, d.handling),
      refusal: addWorkingDays(input.calendar, at, d.refusal),
      supplementationRequest: addWorkingDays(input.calendar, at, d.supplementationRequest),
    },
    lastEventAt: at,
  }
}

/**
 * The petition after `event`, sent by `actor` at `at` (valid instants: the application decodes them), or why not.
 * Who may send which event (staff of the authority, the sender to rate) is the application's policy; the domain
 * checks only that the rating is the sender's.
 */
export function decidePetition(
  calendar: Calendar,
  petition: Petition,
  event: PetitionEvent,
  at: string,
  actor: PetitionActor,
  deadlines: PetitionDeadlines = defaultPetitionDeadlines,
): Result.Result<Petition, PetitionRefusal> {
  const when = toVietnamTime(at)
  if (Date.parse(when) < Date.parse(petition.lastEventAt))
    return Result.fail({ _tag: "InstantBeforeLastEvent", at: when, last: petition.lastEventAt })
  if (event.type === "rate" && petition.rating !== undefined)
    return Result.fail({ _tag: "AlreadyRated", at: petition.rating.at })
  if (!allowedIn[event.type].includes(petition.status))
    return Result.fail({ _tag: "NotAllowedInPetitionState", status: petition.status, event: event.type })
  const base = { ...petition, lastEventAt: when }
  switch (event.type) {
    case "classify":
      return Result.succeed({
        ...base,
        status: "classified",
        kind: event.kind,
        topic: event.topic,
        classified: { at: when, by: actor },
      })
    case "refuse":
      return Result.succeed({ ...base, status: "refused", refusal: { at: when, by: actor, reason: event.reason } })
    case "requestSupplement":
      if (petition.supplementation !== undefined)
        return Result.fail({ _tag: "SupplementAlreadyRequested", at: petition.supplementation.requestedAt })
      return Result.succeed({
        ...base,
        status: "awaiting-supplement",
        supplementation: { requestedAt: when, by: actor, what: event.what },
      })
    case "supplementReceived":
      return Result.succeed({
        ...base,
        status: "classified",
        supplementation: {
          ...(petition.supplementation as NonNullable<Petition["supplementation"]>),
          receivedAt: when,
          addition: event.addition,
        },
      })
    case "answer":
      return Result.succeed({
        ...base,
        status: "answered",
        answer: { at: when, by: actor, text: event.text },
        due: { ...petition.due, publication: addWorkingDays(calendar, when, deadlines.publication) },
      })
    case "publish":
      return Result.succeed({ ...base, status: "published", published: { at: when, by: actor } })
    case "rate":
      if (actor.id !== petition.sender.id) return Result.fail({ _tag: "NotTheSender", actorId: actor.id })
      return Result.succeed({ ...base, rating: { at: when, satisfied: event.satisfied } })
  }
}

const ms = (instant: string) => Date.parse(instant)

/**
 * The first deadline the petition missed, or undefined: refused after 2 working days, more information asked for
 * after 5, published after 15 or more than 2 after its answer.
 */
export function petitionLateAt(p: Petition): string | undefined {
  const missed: string[] = []
  const after = (event: string | undefined, due: string | undefined) => {
    if (event !== undefined && due !== undefined && ms(event) > ms(due)) missed.push(due)
  }
  after(p.refusal?.at, p.due.refusal)
  after(p.supplementation?.requestedAt, p.due.supplementationRequest)
  after(p.published?.at, p.due.handling)
  after(p.published?.at, p.due.publication)
  return missed.sort((a, b) => ms(a) - ms(b))[0]
}

/** When handling must end: the 15-day deadline, or the publication one once answered, whichever is first. */
export function petitionDueAt(p: Petition): string {
  const publication = p.due.publication
  return publication !== undefined && ms(publication) < ms(p.due.handling) ? publication : p.due.handling
}

/** Published or refused: handling ended. */
export const petitionEndedAt = (p: Petition): string | undefined => p.published?.at ?? p.refusal?.at

/** What the index counts of a petition (stored-form instants); `procedureCode` is the dossier's when known. */
export function petitionFacts(p: Petition, procedureCode?: string): PetitionFacts {
  const end = petitionEndedAt(p)
  const late = petitionLateAt(p)
  const procedure = p.procedureCode ?? procedureCode
  return {
    id: p.id,
    agencyCode: p.agencyCode,
    unitCode: p.unitCode ?? null,
    procedureCode: procedure ?? null,
    dossierCode: p.dossierCode ?? null,
    sentAt: storedInstant(p.sentAt),
    classified: p.kind !== undefined,
    endedAt: end === undefined ? null : storedInstant(end),
    dueAt: storedInstant(petitionDueAt(p)),
    lateAt: late === undefined ? null : storedInstant(late),
    notSatisfied: p.rating?.satisfied === false,
    rePetitioned: p.rePetitioned,
  }
}

/** What is shown publicly once published: the question and the answer, without the sender. */
export function publishedView(p: Petition) {
  return {
    id: p.id,
    sentAt: p.sentAt,
    ...(p.procedureCode === undefined ? {} : { procedureCode: p.procedureCode }),
    agencyCode: p.agencyCode,
    ...(p.kind === undefined ? {} : { kind: p.kind }),
    ...(p.topic === undefined ? {} : { topic: p.topic }),
    content: p.content,
    answer: p.answer?.text ?? "",
    answeredAt: p.answer?.at ?? "",
    publishedAt: p.published?.at ?? "",
  }
}
