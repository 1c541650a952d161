/**
 * The façade the application layer (and the testkit) uses: `open` a dossier from a filing, then `decide` each
 * event. Both are pure and total: for any input they return either the next snapshot with the named actions to
 * carry out, or a typed reason (`Refusal`); they never throw and never return an unchanged snapshot as "ok".
 *
 * ```ts
 * const machine = Result.getOrThrow(createDossierMachine({ procedure, calendar }))
 * const filed = open(machine, fileEvent)                 // { ok: true, snapshot, actions } | { ok: false, reason }
 * if (filed.ok) {
 *   const stored = JSON.stringify(filed.snapshot)        // plain JSON: keep it with a version number
 *   const next = decide(machine, JSON.parse(stored), acceptEvent)
 * }
 * ```
 *
 * Events are given in their JSON form and decoded with the schemas of `events.ts`; a bad event is refused with
 * `InvalidEvent { problems }`, each problem with its path. Snapshots may be live xstate snapshots or their JSON.
 */
import { type AnyActorLogic, type AnyActorScope, createActor, type SnapshotFrom } from "xstate"
import { decodeAll, type Problem } from "../shared/decode.ts"
import type { DossierContext } from "./context.ts"
import type { DossierAction } from "./effects.ts"
import type { DossierEnv } from "./env.ts"
import * as Events from "./events.ts"
import { checkEvent, unknownDocuments } from "./guards.ts"
import { type DossierMachine, dossierEnv } from "./machine.ts"
import { filingActorRefusal } from "./permissions.ts"
import { withPrechecked } from "./prechecked.ts"
import type { Refusal } from "./refusals.ts"
import { type DossierStateName, dossierStateNames, stateOf } from "./status.ts"

export type DossierSnapshot = SnapshotFrom<DossierMachine>

/** A snapshot as storage keeps it: `JSON.parse(JSON.stringify(snapshot))`. */
export interface PersistedDossier {
  readonly value: DossierStateName
  readonly context: DossierContext
}

export type Decision =
  | { readonly ok: true; readonly snapshot: DossierSnapshot; readonly actions: ReadonlyArray<DossierAction> }
  | { readonly ok: false; readonly reason: Refusal }

const refuse = (reason: Refusal): Decision => ({ ok: false, reason })
const invalid = (problems: ReadonlyArray<Problem>): Decision => refuse({ _tag: "InvalidEvent", problems })

const schemaOfType: Readonly<Record<Events.DossierEventType, (typeof Events.DossierEvent.members)[number]>> = {
  accept: Events.AcceptAtIntake,
  refuse: Events.RefuseAtIntake,
  requestSupplementation: Events.RequestSupplementation,
  supplementReceived: Events.SupplementReceived,
  supplementationDeadlinePassed: Events.SupplementationDeadlinePassed,
  requestFinancialObligation: Events.RequestFinancialObligation,
  paymentConfirmed: Events.PaymentConfirmed,
  completeStep: Events.CompleteStep,
  transfer: Events.TransferToAgency,
  approve: Events.Approve,
  reject: Events.Reject,
  sign: Events.Sign,
  replaceResult: Events.ReplaceResult,
  resultReady: Events.ResultReady,
  returnResult: Events.ReturnResult,
  withdraw: Events.Withdraw,
  stop: Events.StopProcessing,
  extendWithApology: Events.ExtendWithApology,
  correct: Events.CorrectReturned,
}

/**
 * Decodes an event from its JSON form. The `type` is read first, so that the problems reported are those of that
 * event's schema (not of every member of the union).
 */
export function decodeEvent(
  input: unknown,
): { readonly ok: true; readonly event: Events.DossierEvent } | { readonly ok: false; readonly problems: Problem[] } {
  const type = typeof input === "object" && input !== null ? (input as { type?: unknown }).type : undefined
  if (typeof type !== "string" || !Object.hasOwn(schemaOfType, type)) {
    return {
      ok: false,
      problems: [
        {
          path: "type",
          message: `expected one of ${[...Events.dossierEventTypes, "file"].join(", ")} (got ${JSON.stringify(type) ?? "nothing"})`,
        },
      ],
    }
  }
  const decoded = decodeAll(schemaOfType[type as Events.DossierEventType], input, "event")
  return decoded._tag === "Success"
    ? { ok: true, event: decoded.success as Events.DossierEvent }
    : { ok: false, problems: [...decoded.failure.problems] }
}

const isLive = (snapshot: unknown): snapshot is DossierSnapshot =>
  typeof (snapshot as { can?: unknown }).can === "function"

/** A live snapshot from a live one or its JSON. Returns undefined when the JSON names no state of the machine. */
export function restoreSnapshot(
  machine: DossierMachine,
  snapshot: DossierSnapshot | PersistedDossier,
): DossierSnapshot | undefined {
  if (isLive(snapshot)) return snapshot
  if (typeof snapshot !== "object" || snapshot === null) return undefined
  if (!dossierStateNames.includes(snapshot.value) || typeof snapshot.context !== "object" || snapshot.context === null)
    return undefined
  return machine.resolveState({ value: snapshot.value, context: snapshot.context })
}

const toActions = (actions: ReadonlyArray<{ readonly type: string; readonly params?: unknown }>): DossierAction[] =>
  actions.map((a) => ({ type: a.type, params: a.params }) as DossierAction)

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : typeof error === "string" ? error : JSON.stringify(error)

function envOrProblem(machine: DossierMachine): DossierEnv | Decision {
  return (
    dossierEnv(machine) ??
    invalid([{ path: "", message: "the machine was not built by createDossierMachine / máy trạng thái không hợp lệ" }])
  )
}

/** Checks of a filing beyond its schema: channel, role and scope, intake point, document ids, fee assessment. */
export function filingRefusal(env: DossierEnv, event: Events.FileDossier): Refusal | undefined {
  if (!env.procedure.channels.includes(event.channel)) return { _tag: "ChannelNotOffered", channel: event.channel }
  const problems: Problem[] = []
  if (event.channel !== "online" && event.intakePointId === undefined) {
    problems.push({ path: "intakePointId", message: `required for the ${event.channel} channel / cần điểm tiếp nhận` })
  }
  problems.push(...unknownDocuments(env, event.documents, "documents"))
  const fees = new Map(env.procedure.fees.map((f) => [f.id, f]))
  const assessed = new Set<string>()
  ;(event.fees ?? []).forEach((f, i) => {
    if (!fees.has(f.feeId)) problems.push({ path: `fees[${i}].feeId`, message: `no fee "${f.feeId}" in the procedure` })
    assessed.add(f.feeId)
  })
  for (const fee of env.procedure.fees) {
    const amount = fee.byChannel?.find((c) => c.channel === event.channel)?.amount ?? fee.amount
    if (amount.type !== "flat" && !assessed.has(fee.id)) {
      problems.push({ path: "fees", message: `fee "${fee.id}" (${amount.type}) must be assessed / phí cần được tính` })
    }
  }
  return filingActorRefusal(event) ?? (problems.length > 0 ? { _tag: "InvalidEvent", problems } : undefined)
}

/**
 * xstate's pure `transition` / `initialTransition` build a throw-away actor for every call (an actor, its system, and
 * the machine's initial snapshot, whose context factory fails without a filing): most of the cost of a decision.
 * The dossier machine spawns and invokes nothing, so one inert scope per machine serves every call; each call only
 * swaps in its own action collector (calls are synchronous, so they never interleave).
 */
interface InertScope {
  readonly scope: AnyActorScope
  collected: Array<{ readonly type: string; readonly params?: unknown }>
}
const inertScopes = new WeakMap<DossierMachine, InertScope>()

function inertScopeOf(machine: DossierMachine): InertScope {
  const cached = inertScopes.get(machine)
  if (cached !== undefined) return cached
  const self = createActor(machine as AnyActorLogic)
  const entry: InertScope = {
    collected: [],
    scope: {
      self,
      defer: () => {},
      id: "",
      logger: () => {},
      sessionId: "",
      stopChild: () => {},
      system: self.system,
      emit: () => {},
      actionExecutor: (action) => {
        entry.collected.push(action as { readonly type: string; readonly params?: unknown })
      },
    } as AnyActorScope,
  }
  inertScopes.set(machine, entry)
  return entry
}

/** xstate's `transition(machine, snapshot, event)` on the machine's shared inert scope. */
function transition(machine: DossierMachine, snapshot: DossierSnapshot, event: Events.DossierEvent) {
  const entry = inertScopeOf(machine)
  const collected: InertScope["collected"] = []
  entry.collected = collected
  try {
    return [machine.transition(snapshot, event, entry.scope), collected] as const
  } finally {
    entry.collected = []
  }
}

/** xstate's `initialTransition(machine, input)` on the machine's shared inert scope. */
function initialTransition(machine: DossierMachine, input: Events.FileDossier) {
  const entry = inertScopeOf(machine)
  const collected: InertScope["collected"] = []
  entry.collected = collected
  try {
    return [machine.getInitialSnapshot(entry.scope, input), collected] as const
  } finally {
    entry.collected = []
  }
}

/** Starts a dossier from a filing (the machine's input), or says why the filing is refused. */
export function open(machine: DossierMachine, filing: unknown): Decision {
  const env = envOrProblem(machine)
  if ("ok" in env) return env
  const decoded = decodeAll(Events.FileDossier, filing, "filing")
  if (decoded._tag === "Failure") return invalid(decoded.failure.problems)
  const event = decoded.success
  const reason = filingRefusal(env, event)
  if (reason !== undefined) return refuse(reason)
  try {
    const [snapshot, actions] = initialTransition(machine, event)
    if (snapshot.status === "error") return invalid([{ path: "", message: messageOf(snapshot.error) }])
    return { ok: true, snapshot, actions: toActions(actions) }
  } catch (error) {
    return invalid([{ path: "", message: messageOf(error) }])
  }
}

/**
 * The machine's answer to one event: the next snapshot and the named actions, or the typed reason it is refused.
 * Filing is not an event here (use {@link open}): a `file` event is refused with `NotAllowedInState`.
 */
export function decide(
  machine: DossierMachine,
  snapshot: DossierSnapshot | PersistedDossier,
  input: unknown,
): Decision {
  // A snapshot read back from storage may have been damaged outside the machine: whatever it holds, answer.
  try {
    return decideUnsafe(machine, snapshot, input)
  } catch (error) {
    return invalid([{ path: "snapshot", message: messageOf(error) }])
  }
}

function decideUnsafe(machine: DossierMachine, snapshot: DossierSnapshot | PersistedDossier, input: unknown): Decision {
  const env = envOrProblem(machine)
  if ("ok" in env) return env
  const live = restoreSnapshot(machine, snapshot)
  const state = live === undefined ? undefined : stateOf(live)
  if (live === undefined || state === undefined) {
    return invalid([{ path: "snapshot", message: "not a snapshot of this machine / không phải trạng thái hồ sơ" }])
  }
  if (typeof input === "object" && input !== null && (input as { type?: unknown }).type === "file") {
    return refuse({ _tag: "NotAllowedInState", state, event: "file" })
  }
  const decoded = decodeEvent(input)
  if (!decoded.ok) return invalid(decoded.problems)
  const event = decoded.event
  const reason = checkEvent(env, state, live.context, event)
  if (reason !== undefined) return refuse(reason)
  try {
    const [next, actions] = withPrechecked(event, state, live.context, () => transition(machine, live, event))
    if (next.status === "error") return invalid([{ path: "", message: messageOf(next.error) }])
    // The guard runs the same checks, so the machine always moves here; if it did not, say so rather than pass.
    if (next === live) return refuse({ _tag: "NotAllowedInState", state, event: event.type })
    return { ok: true, snapshot: next, actions: toActions(actions) }
  } catch (error) {
    return invalid([{ path: "", message: messageOf(error) }])
  }
}

/** The JSON form of a snapshot, as storage keeps it. */
export const persist = (snapshot: DossierSnapshot): PersistedDossier => ({
  value: stateOf(snapshot),
  context: snapshot.context,
})
