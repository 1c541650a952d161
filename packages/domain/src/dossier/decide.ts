/**
 * The façade the application layer (and the testkit) uses: `open` a dossier from a filing, then `decide` each
 * event. Both are pure and total: for any input they return either the next snapshot with the named actions to
 * carry out, or a typed reason (`Refusal`); they never throw and never return an unchanged snapshot as "ok".
 *
 * ```ts
 * const machine = Result.getOrThrow(createDossierMachine({ procedure, calendar }))
 * const filed = open(machine, fileEvent)  // { ok: true, snapshot, persisted, actions } | { ok: false, reason }
 * if (filed.ok) {
 *   const stored = JSON.stringify(filed.persisted)       // plain JSON: keep it with a version number
 *   const next = decide(machine, JSON.parse(stored), acceptEvent)
 * }
 * ```
 *
 * Events are given in their JSON form and decoded with the schemas of `events.ts`; a bad event is refused with
 * `InvalidEvent { problems }`, each problem with its path. Snapshots may be live xstate snapshots or their JSON.
 */
import type { SnapshotFrom } from "xstate"
import { decodeAll, type Problem } from "../shared/decode.ts"
import type { DossierContext } from "./context.ts"
import type { DossierAction } from "./effects.ts"
import type { DossierEnv } from "./env.ts"
import * as Events from "./events.ts"
import { checkEvent, unknownDocuments } from "./guards.ts"
import { type DossierMachine, dossierEnv } from "./machine.ts"
import { filingActorRefusal } from "./permissions.ts"
import { plainlyValidEvent, plainlyValidFiling } from "./plain-events.ts"
import type { Refusal } from "./refusals.ts"
import { type DossierStateName, dossierStateNames, stateOf } from "./status.ts"
import { filedStep, type Step, stepOf } from "./step.ts"

export type DossierSnapshot = SnapshotFrom<DossierMachine>

/** A snapshot as storage keeps it: `JSON.parse(JSON.stringify(snapshot))`. */
export interface PersistedDossier {
  readonly value: DossierStateName
  readonly context: DossierContext
}

export type Decision =
  | {
      readonly ok: true
      readonly snapshot: DossierSnapshot
      readonly persisted: PersistedDossier
      readonly actions: ReadonlyArray<DossierAction>
    }
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
 * event's schema (not of every member of the union). A valid event is recognised by plain checks first
 * (plain-events.ts: the same value the Schema would give); anything they do not accept goes through the Schema.
 */
export function decodeEvent(
  input: unknown,
): { readonly ok: true; readonly event: Events.DossierEvent } | { readonly ok: false; readonly problems: Problem[] } {
  const plain = plainlyValidEvent(input)
  if (plain !== undefined) return { ok: true, event: plain }
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
 * An accepted answer. `persisted` is the next snapshot's JSON form (what storage keeps); `snapshot` is the live xstate
 * snapshot of the same state and context, built from it on first read (`machine.resolveState`): the transition itself
 * is computed without xstate (step.ts), so a caller that only stores the result never pays for a live snapshot.
 */
function accepted(machine: DossierMachine, step: Step): Decision {
  const persisted: PersistedDossier = { value: step.value, context: step.context }
  let live: DossierSnapshot | undefined
  return {
    ok: true,
    get snapshot() {
      live ??= machine.resolveState(persisted)
      return live
    },
    persisted,
    actions: step.actions,
  }
}

/** A filing through its Schema: the decoded filing, or the refusal naming every problem. */
function decodeFiling(filing: unknown): Events.FileDossier | Decision {
  const decoded = decodeAll(Events.FileDossier, filing, "filing")
  return decoded._tag === "Failure" ? invalid(decoded.failure.problems) : decoded.success
}

/** Starts a dossier from a filing (the machine's input), or says why the filing is refused. */
export function open(machine: DossierMachine, filing: unknown): Decision {
  const env = envOrProblem(machine)
  if ("ok" in env) return env
  const event = plainlyValidFiling(filing) ?? decodeFiling(filing)
  if ("ok" in event) return event
  const reason = filingRefusal(env, event)
  if (reason !== undefined) return refuse(reason)
  try {
    return accepted(machine, filedStep(env, event))
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

/** The state and context of a live snapshot or its JSON; undefined when the JSON names no state of the machine. */
function stateAndContext(
  snapshot: DossierSnapshot | PersistedDossier,
): { readonly state: DossierStateName; readonly context: DossierContext } | undefined {
  if (typeof snapshot !== "object" || snapshot === null) return undefined
  const state = snapshot.value as unknown
  const context = snapshot.context as unknown
  if (typeof state !== "string" || !dossierStateNames.includes(state as DossierStateName)) return undefined
  if (typeof context !== "object" || context === null) return undefined
  return { state: state as DossierStateName, context: context as DossierContext }
}

function decideUnsafe(machine: DossierMachine, snapshot: DossierSnapshot | PersistedDossier, input: unknown): Decision {
  const env = envOrProblem(machine)
  if ("ok" in env) return env
  const current = stateAndContext(snapshot)
  if (current === undefined) {
    return invalid([{ path: "snapshot", message: "not a snapshot of this machine / không phải trạng thái hồ sơ" }])
  }
  const { state, context } = current
  if (typeof input === "object" && input !== null && (input as { type?: unknown }).type === "file") {
    return refuse({ _tag: "NotAllowedInState", state, event: "file" })
  }
  const decoded = decodeEvent(input)
  if (!decoded.ok) return invalid(decoded.problems)
  const event = decoded.event
  const reason = checkEvent(env, state, context, event)
  if (reason !== undefined) return refuse(reason)
  try {
    const step = stepOf(env, state, context, event)
    // `checkEvent` refuses an event the state does not take, so a route is always found; if not, say so.
    if (step === undefined) return refuse({ _tag: "NotAllowedInState", state, event: event.type })
    return accepted(machine, step)
  } catch (error) {
    return invalid([{ path: "", message: messageOf(error) }])
  }
}

/** The JSON form of a snapshot, as storage keeps it. */
export const persist = (snapshot: DossierSnapshot): PersistedDossier => ({
  value: stateOf(snapshot),
  context: snapshot.context,
})
