// The one path every state change takes: read the dossier (snapshot + version), check the policy, build (or reuse)
// the machine of its procedure version, ask the machine, then commit snapshot, summary, audit entries and outbox
// rows in one transaction with the version that was read. A stale version is a VersionConflict; nothing is lost.

import {
  type Actor,
  type Decision,
  type DossierContext,
  type DossierEventInput,
  type DossierMachine,
  decide,
  type PersistedDossier,
  type Procedure,
  type Role,
  stateOf,
  vietnamDate,
} from "@motcua/domain"
import { Context, Effect } from "effect"
import { type AppAction, authorize } from "../authorization/policy.ts"
import type { Principal } from "../authorization/principal.ts"
import { ActionRefused, CorruptDossier, FilingRefused, Forbidden } from "../errors.ts"
import { CatalogStore, type CatalogStoreShape } from "../ports/catalog-store.ts"
import { Clock } from "../ports/clock.ts"
import { DossierStore, type DossierStoreShape } from "../ports/dossier-store.ts"
import { VersionConflict } from "../ports/errors.ts"
import { Ids } from "../ports/ids.ts"
import type { Json } from "../ports/json.ts"
import type { DossierCommit, DossierRecord, DossierSummary, Instant } from "../ports/records.ts"
import { machineOf } from "./machines.ts"
import { paymentRequestsIn, planOf } from "./plan.ts"
import { shownSummary, summarize } from "./summary.ts"
import { actorOf, machineRole, targetOf } from "./target.ts"

/** What a use case answers after a state change: JSON, so that idempotent answers can be stored. */
export type DossierView = {
  readonly code: string
  readonly version: number
  readonly summary: DossierSummary
}

export const viewOf = (record: DossierRecord): DossierView => ({
  code: record.code,
  version: record.version,
  summary: shownSummary(record.summary),
})

/** A dossier as read, with what deciding on it needs. */
export interface LoadedDossier {
  readonly record: DossierRecord
  readonly dossier: PersistedDossier
  readonly context: DossierContext
  readonly procedure: Procedure
}

const isPersisted = (snapshot: Json): snapshot is Json & PersistedDossier =>
  typeof snapshot === "object" &&
  snapshot !== null &&
  !Array.isArray(snapshot) &&
  typeof (snapshot as { value?: unknown }).value === "string" &&
  typeof (snapshot as { context?: unknown }).context === "object"

/** The procedure version a dossier is handled under: the one in force on the day it was received (Vietnam time). */
export const procedureOf = (catalog: CatalogStoreShape, code: string, context: DossierContext) =>
  catalog
    .procedureInForce(context.procedureCode, vietnamDate(context.receivedAt))
    .pipe(Effect.mapError((e) => new CorruptDossier({ code, detail: e.message })))

/** A stored record as a loaded dossier, once its procedure version is known; CorruptDossier when it is not one. */
function loadedOf(catalog: CatalogStoreShape, record: DossierRecord) {
  const snapshot = record.snapshot
  if (!isPersisted(snapshot)) {
    return Effect.fail(
      new CorruptDossier({ code: record.code, detail: "the stored snapshot is not a dossier snapshot" }),
    )
  }
  const dossier = snapshot as PersistedDossier
  return Effect.map(
    procedureOf(catalog, record.code, dossier.context),
    (procedure): LoadedDossier => ({ record, dossier, context: dossier.context, procedure }),
  )
}

/** Reads a dossier and the procedure version it is handled under. */
export const loadDossier = (code: string) =>
  Effect.contextWith((services: Context.Context<DossierStore | CatalogStore>) => {
    const catalog = Context.get(services, CatalogStore)
    return Effect.flatMap(Context.get(services, DossierStore).get(code), (record) => loadedOf(catalog, record))
  })

/** Checks the policy for an action on a loaded dossier; the role of the step holding it is tried first. */
export function authorizeOn(principal: Principal, action: AppAction, loaded: LoadedDossier) {
  const role = authorizedRole(principal, action, loaded)
  return role instanceof Forbidden ? Effect.fail(role) : Effect.succeed(role)
}

/** {@link authorizeOn} as a plain function: the role the principal acts in, or why not. */
function authorizedRole(principal: Principal, action: AppAction, loaded: LoadedDossier) {
  const step = loaded.procedure.process[loaded.context.currentStep]
  const decision = authorize(principal, action, targetOf(loaded.context), step === undefined ? [] : [step.role])
  return decision.allow ? decision.role : new Forbidden({ principalId: principal.id, action, reason: decision.reason })
}

/** An event body without the actor and instant, which the engine adds. */
type WithoutCommon<E> = E extends unknown ? Omit<E, "actor" | "at"> : never
export type EventBody = WithoutCommon<DossierEventInput>

/** What a use case gives the engine to build its event once the dossier is loaded and the principal allowed. */
export interface BuildContext {
  readonly loaded: LoadedDossier
  readonly machine: DossierMachine
  readonly actor: Actor
  readonly at: Instant
}

export interface ActRequest<E, R> {
  readonly principal: Principal
  readonly action: AppAction
  readonly code: string
  /**
   * The version the caller saw; when given, any other stored version is a conflict, checked once the principal is
   * authorised (a conflict tells the stored version) and before anything else.
   */
  readonly expectedVersion?: number | undefined
  /**
   * The event: its body as it is, or, when it depends on the dossier, built once the dossier is loaded and the
   * principal allowed.
   */
  readonly event: EventBody | ((ctx: BuildContext) => Effect.Effect<EventBody, E, R>)
  /**
   * Staged documents (DocumentStore.put) to attach in the same transaction; a function is asked once the event is
   * built (a document the event builder stored itself, such as the signed result).
   */
  readonly documentIds?: ReadonlyArray<string> | (() => ReadonlyArray<string>)
}

/** Decides an event on a loaded dossier without writing anything: the machine's answer or ActionRefused. */
export const tryEvent = (ctx: BuildContext, body: EventBody) => {
  const decision = decisionOn(ctx, body)
  return decision instanceof ActionRefused ? Effect.fail(decision) : Effect.succeed(decision)
}

/** {@link tryEvent} as a plain function. */
function decisionOn(ctx: BuildContext, body: EventBody): Extract<Decision, { ok: true }> | ActionRefused {
  const decision = decide(ctx.machine, ctx.loaded.dossier, { ...body, actor: ctx.actor, at: ctx.at })
  return decision.ok ? decision : new ActionRefused({ code: ctx.loaded.record.code, reason: decision.reason })
}

/** The engine: one state change of an existing dossier, committed with its audit entries and outbox rows. */
export const act = <E = never, R = never>(request: ActRequest<E, R>) =>
  Effect.map(actAndTell(request), (done) => done.view)

/** What {@link actAndTell} tells: the answer, the dossier as it was read, and the snapshot committed. */
export interface Told {
  readonly view: DossierView
  readonly loaded: LoadedDossier
  readonly next: PersistedDossier
}

/** How the engine's own steps fail (besides the use case's event builder). */
type ActError =
  | Effect.Error<ReturnType<DossierStoreShape["get"]>>
  | Effect.Error<ReturnType<DossierStoreShape["commit"]>>
  | CorruptDossier
  | Forbidden
  | VersionConflict
  | FilingRefused
  | ActionRefused

/**
 * The engine, telling also the dossier as it was read (with its procedure) and the snapshot committed: for use cases
 * that write more in the same transaction (a payment's ledger entries) without reading the dossier again.
 *
 * Effect only at the edges: reading the dossier (and its procedure version), the clock, the use case's own event
 * builder when it has one (an `event` given as a body needs none), payment-request ids when the decision asks for a
 * payment, and the commit. Everything between — policy, version check, machine, decision, plan, summary — is plain
 * functions (`admit`, `machineOf`, `decisionOn`, `commitOf`).
 */
export const actAndTell = <E = never, R = never>(
  request: ActRequest<E, R>,
): Effect.Effect<Told, E | ActError, R | CatalogStore | DossierStore | Clock | Ids> =>
  Effect.contextWith((services: Context.Context<CatalogStore | DossierStore | Clock | Ids>) => {
    const catalog = Context.get(services, CatalogStore)
    const store = Context.get(services, DossierStore)
    const clock = Context.get(services, Clock)
    const ids = Context.get(services, Ids)
    const decided = (loaded: LoadedDossier, ctx: BuildContext, body: EventBody): Effect.Effect<Told, ActError> => {
      const decision = decisionOn(ctx, body)
      if (decision instanceof ActionRefused) return Effect.fail(decision)
      const requests = paymentRequestsIn(decision.actions)
      const commit = (paymentRequestIds: ReadonlyArray<string>) =>
        Effect.map(
          // One port call: `commit` is a transaction of its own (joining the caller's, if any), so no UnitOfWork
          // around it (on SQLite the storage runs it as one synchronous program, without the lock's fiber steps).
          store.commit(commitOf(request, loaded, body, decision, paymentRequestIds, catalog, ctx.at)),
          (record) => ({ view: viewOf(record), loaded, next: decision.persisted }),
        )
      return requests === 0
        ? commit([])
        : Effect.flatMap(
            Effect.forEach(Array.from({ length: requests }), () => ids.next("payment-request")),
            commit,
          )
    }
    return Effect.flatMap(store.get(request.code), (record) =>
      Effect.flatMap(loadedOf(catalog, record), (loaded): Effect.Effect<Told, E | ActError, R> => {
        const asRole = admit(request, loaded)
        if (typeof asRole !== "string") return Effect.fail(asRole)
        const machine = machineOf(catalog, loaded.procedure, loaded.context.variantId)
        if (machine instanceof FilingRefused) return Effect.fail(machine)
        return Effect.flatMap(clock.now, (at) => {
          const ctx: BuildContext = { loaded, machine, actor: actorOf(request.principal, asRole), at }
          const event = request.event
          return typeof event === "function"
            ? Effect.flatMap(event(ctx), (body) => decided(loaded, ctx, body))
            : decided(loaded, ctx, event)
        })
      }),
    )
  })

/**
 * The policy of `act`, as one plain function: the principal allowed on the dossier (the role of the step holding it
 * tried first) in a role that acts on dossiers, then the version the caller saw. Authorisation comes first: a
 * conflict reports the stored version, which a caller without access must not learn.
 */
function admit<E, R>(request: ActRequest<E, R>, loaded: LoadedDossier): Role | Forbidden | VersionConflict {
  const role = authorizedRole(request.principal, request.action, loaded)
  if (role instanceof Forbidden) return role
  const asRole = machineRole(role)
  if (asRole === undefined) {
    return new Forbidden({
      principalId: request.principal.id,
      action: request.action,
      reason: `${role} does not act on dossiers`,
    })
  }
  if (request.expectedVersion !== undefined && request.expectedVersion !== loaded.record.version) {
    return new VersionConflict({
      code: request.code,
      expectedVersion: request.expectedVersion,
      actualVersion: loaded.record.version,
    })
  }
  return asRole
}

/** What `act` commits for an accepted decision: the next snapshot, its summary, audit entries and outbox rows. */
function commitOf<E, R>(
  request: ActRequest<E, R>,
  loaded: LoadedDossier,
  body: EventBody,
  decision: Extract<Decision, { ok: true }>,
  paymentRequestIds: ReadonlyArray<string>,
  catalog: CatalogStoreShape,
  at: Instant,
): DossierCommit {
  const next = decision.persisted
  const { type: _type, ...eventData } = body
  const plan = planOf({
    actions: decision.actions,
    context: next.context,
    state: stateOf(next),
    procedure: loaded.procedure,
    principalId: request.principal.id,
    principalName: request.principal.name,
    jurisdiction: catalog.jurisdiction,
    eventData: eventData as Json,
    paymentRequestIds,
  })
  const documentIds = typeof request.documentIds === "function" ? request.documentIds() : request.documentIds
  return {
    code: request.code,
    expectedVersion: loaded.record.version,
    snapshot: next as unknown as Json,
    summary: summarize(next, loaded.procedure),
    at,
    audit: plan.audit,
    outbox: plan.outbox,
    ...(documentIds === undefined || documentIds.length === 0 ? {} : { documentIds, attachedBy: request.principal.id }),
  }
}
