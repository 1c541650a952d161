// What citizens say about the service (issue 15, group 5 of the index): a rating of each returned dossier (once, by
// its applicant or the account that filed it), and petitions (phản ánh, kiến nghị) about a dossier or a procedure,
// handled by the authority's staff through the domain's petition lifecycle with 5.2's deadlines.
import {
  decidePetition,
  filePetition,
  type Petition,
  type PetitionEvent,
  type PetitionFiling,
  publishedView,
} from "@motcua/domain"
import { Effect, Schema } from "effect"
import { type AppAction, authorize, type PolicyTarget, rolesFor } from "../authorization/policy.ts"
import type { Principal } from "../authorization/principal.ts"
import { authorizeOn, loadDossier } from "../dossier/engine.ts"
import { FilingRefused, Forbidden, PetitionRefused, RatingRefused } from "../errors.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { Clock } from "../ports/clock.ts"
import { Ids } from "../ports/ids.ts"
import { type DossierRating, FeedbackStore, PetitionNotFound, type StoredPetition } from "../ports/quality.ts"
import { UnitOfWork } from "../ports/unit-of-work.ts"
import { QualityConfig } from "./settings.ts"

const Score = Schema.Number.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 5 }))

/** A rating as the citizen gives it: 1 (rất không hài lòng, very dissatisfied) to 5 (rất hài lòng) per aspect. */
export const RatingInput = Schema.Struct({
  access: Score,
  procedure: Score,
  officer: Score,
  result: Score,
  liked: Schema.Boolean,
  comment: Schema.optionalKey(Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(1000))),
})
export type RatingInput = typeof RatingInput.Type

/** The applicant rates a returned dossier, once. */
export const rateDossier = Effect.fnUntraced(function* (principal: Principal, code: string, input: RatingInput) {
  const loaded = yield* loadDossier(code)
  yield* authorizeOn(principal, "rating.submit", loaded)
  if (loaded.context.returned === undefined)
    return yield* Effect.fail(
      new RatingRefused({
        code,
        detail: "chỉ đánh giá được hồ sơ đã trả kết quả / only a dossier whose result was returned can be rated",
      }),
    )
  const at = yield* (yield* Clock).now
  const rating: DossierRating = { dossierCode: code, raterId: principal.id, at, ...input }
  yield* (yield* FeedbackStore).rate(rating)
  return rating
})

/** A dossier's rating, for whoever may read the dossier; undefined while it has none. */
export const dossierRating = Effect.fnUntraced(function* (principal: Principal, code: string) {
  const loaded = yield* loadDossier(code)
  yield* authorizeOn(principal, "dossier.read", loaded)
  return yield* (yield* FeedbackStore).ratingOf(code)
})

const petitionTarget = (p: Petition): PolicyTarget => ({
  agencyCode: p.agencyCode,
  ...(p.unitCode === undefined ? {} : { unitCode: p.unitCode }),
  ownerIds: [p.sender.id],
})

const allow = (principal: Principal, action: AppAction, target: PolicyTarget) => {
  const decision = authorize(principal, action, target)
  return decision.allow
    ? Effect.succeed(decision.role)
    : Effect.fail(new Forbidden({ principalId: principal.id, action, reason: decision.reason }))
}

/** A petition as sent over the API: about a dossier, or about a procedure at a unit (or a province-level one). */
export interface PetitionRequest extends PetitionFiling {
  /** For a petition about a commune-level procedure: the unit where it was (or would be) handled. */
  readonly unitCode?: string
}

const refused = (field: string, detail: string) => new FilingRefused({ reason: "petition", detail, field })

/**
 * A citizen sends a petition. About a dossier: it must be theirs, and goes to the dossier's authority. About a
 * procedure: to its province-level authority, or (commune level) to the authority of that kind in `unitCode`. A
 * petition again about an ended one of theirs (`rePetitionOf`) marks that one re-petitioned, in the same transaction.
 */
export const sendPetition = Effect.fnUntraced(function* (principal: Principal, request: PetitionRequest) {
  yield* allow(principal, "petition.file", {})
  if (principal.scope._tag !== "Citizen")
    return yield* Effect.fail(
      new Forbidden({ principalId: principal.id, action: "petition.file", reason: "citizens only / chỉ công dân" }),
    )
  const citizenId = principal.scope.citizenId
  const catalog = yield* CatalogStore
  const store = yield* FeedbackStore
  const now = yield* (yield* Clock).now
  let agencyCode: string
  let unitCode: string | undefined
  let procedureCode = request.procedureCode
  if (request.dossierCode !== undefined) {
    const loaded = yield* loadDossier(request.dossierCode)
    yield* authorizeOn(principal, "dossier.read", loaded)
    agencyCode = loaded.context.agencyCode
    unitCode = loaded.context.unitCode
    procedureCode = loaded.context.procedureCode
  } else if (request.procedureCode !== undefined) {
    const procedure = yield* catalog
      .procedureInForce(request.procedureCode, now.slice(0, 10))
      .pipe(Effect.mapError((e) => refused("procedureCode", e.message)))
    if (procedure.authority.level === "province") {
      if (procedure.authority.agencyCode === undefined)
        return yield* Effect.fail(
          refused("procedureCode", "thủ tục không nêu cơ quan / the procedure names no authority"),
        )
      agencyCode = procedure.authority.agencyCode
    } else {
      const agency = catalog.jurisdiction.agencies.find(
        (a) => a.unitCode === request.unitCode && a.kind === procedure.authority.agencyKind,
      )
      if (request.unitCode === undefined || agency === undefined)
        return yield* Effect.fail(
          refused(
            "unitCode",
            "thủ tục cấp xã: cho mã đơn vị hành chính nơi giải quyết / a commune-level procedure: give the unit code where it is handled",
          ),
        )
      agencyCode = agency.code
      unitCode = request.unitCode
    }
  } else
    return yield* Effect.fail(
      refused("dossierCode", "cho mã hồ sơ hoặc mã thủ tục / give a dossier code or a procedure code"),
    )
  const settings = yield* QualityConfig
  const id = yield* (yield* Ids).next("petition")
  const petition = filePetition({
    id,
    at: now,
    sender: { id: citizenId, name: principal.name ?? citizenId },
    filing: {
      content: request.content,
      ...(request.dossierCode === undefined ? {} : { dossierCode: request.dossierCode }),
      ...(procedureCode === undefined ? {} : { procedureCode }),
      ...(request.rePetitionOf === undefined ? {} : { rePetitionOf: request.rePetitionOf }),
    },
    agencyCode,
    ...(unitCode === undefined ? {} : { unitCode }),
    calendar: catalog.calendar,
    deadlines: settings.petitionDeadlines,
  })
  yield* (yield* UnitOfWork).transaction(
    Effect.gen(function* () {
      if (request.rePetitionOf !== undefined) {
        const earlier = yield* store.getPetition(request.rePetitionOf)
        if (earlier === undefined || earlier.petition.sender.id !== citizenId)
          return yield* Effect.fail(new PetitionNotFound({ id: request.rePetitionOf }))
        if (!earlier.petition.rePetitioned)
          yield* store.savePetition({ ...earlier.petition, rePetitioned: true }, earlier.version)
      }
      yield* store.createPetition(petition)
    }),
  )
  return { petition, version: 1 } satisfies StoredPetition
})

/** A staff action on a petition, or the sender's rating of it; `expectedVersion` when the caller saw one. */
export const actOnPetition = Effect.fnUntraced(function* (
  principal: Principal,
  id: string,
  event: PetitionEvent,
  expectedVersion?: number,
) {
  const store = yield* FeedbackStore
  const stored = yield* store.getPetition(id)
  if (stored === undefined) return yield* Effect.fail(new PetitionNotFound({ id }))
  const role = yield* allow(
    principal,
    event.type === "rate" ? "petition.rate" : "petition.handle",
    petitionTarget(stored.petition),
  )
  const catalog = yield* CatalogStore
  const settings = yield* QualityConfig
  const now = yield* (yield* Clock).now
  const actorId = principal.scope._tag === "Citizen" ? principal.scope.citizenId : principal.id
  const decided = decidePetition(
    catalog.calendar,
    stored.petition,
    event,
    now,
    { id: actorId, role },
    settings.petitionDeadlines,
  )
  if (decided._tag === "Failure") return yield* Effect.fail(new PetitionRefused({ id, reason: decided.failure }))
  const version = yield* store.savePetition(decided.success, expectedVersion ?? stored.version)
  return { petition: decided.success, version } satisfies StoredPetition
})

/** One petition, for its sender and the staff of its authority. */
export const getPetition = Effect.fnUntraced(function* (principal: Principal, id: string) {
  const stored = yield* (yield* FeedbackStore).getPetition(id)
  if (stored === undefined) return yield* Effect.fail(new PetitionNotFound({ id }))
  yield* allow(principal, "petition.read", petitionTarget(stored.petition))
  return stored
})

/** A citizen's own petitions, or the petitions of a staff account's authorities and units; newest first. */
export const listPetitions = Effect.fnUntraced(function* (
  principal: Principal,
  query: { readonly statuses?: ReadonlyArray<Petition["status"]>; readonly beforeId?: string; readonly limit?: number },
) {
  const store = yield* FeedbackStore
  const limit = Math.min(Math.max(1, Math.trunc(query.limit ?? 50)), 500)
  const paging = {
    limit,
    ...(query.statuses === undefined ? {} : { statuses: query.statuses }),
    ...(query.beforeId === undefined ? {} : { beforeId: query.beforeId }),
  }
  const scope = principal.scope
  if (scope._tag === "Citizen" && principal.roles.includes("citizen"))
    return yield* store.listPetitions({ ...paging, senderId: scope.citizenId })
  const staffReaders: ReadonlyArray<string> = rolesFor("petition.read").filter((r) => r !== "citizen")
  const readers = principal.roles.filter((r) => staffReaders.includes(r))
  if (scope._tag !== "Staff" || readers.length === 0)
    return yield* Effect.fail(
      new Forbidden({ principalId: principal.id, action: "petition.read", reason: "no role reads petitions" }),
    )
  const rows = yield* store.listPetitions({ ...paging, agencyCodes: scope.agencyCodes, unitCodes: scope.unitCodes })
  // the policy has the last word on each row (intake-scoped roles, for instance)
  return rows.filter((row) => authorize(principal, "petition.read", petitionTarget(row.petition)).allow)
})

/** Published petitions and their answers, for everyone (without the sender). */
export const publishedPetitions = Effect.fnUntraced(function* (query: {
  readonly agencyCode?: string
  readonly limit?: number
}) {
  const rows = yield* (yield* FeedbackStore).listPetitions({
    statuses: ["published"],
    limit: Math.min(Math.max(1, Math.trunc(query.limit ?? 50)), 500),
    ...(query.agencyCode === undefined ? {} : { agencyCodes: [query.agencyCode] }),
  })
  return rows.map((row) => publishedView(row.petition))
})
