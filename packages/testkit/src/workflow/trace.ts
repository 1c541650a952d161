// A trace: what happened to one dossier, step by step — the event as sent, the machine's decision, the snapshot
// after it (as storage keeps it) and the named actions. The invariants judge traces, so a deployer can record
// traces from their own system (event log + stored snapshots) and check them with the same code.
import type {
  Calendar,
  DossierAction,
  DossierSnapshot,
  FeeQuote,
  PersistedDossier,
  Procedure,
  Refusal,
} from "@motcua/domain"

export type TraceDecision = { readonly ok: true } | { readonly ok: false; readonly reason: Refusal }

export interface TraceStep {
  /** The event as it was sent (its JSON form; for step 0, the filing). */
  readonly event: unknown
  readonly decision: TraceDecision
  /** The dossier after the event: the same as before it when the event was refused. */
  readonly snapshot: PersistedDossier
  /** The named actions the machine asked for (none when refused). */
  readonly actions: ReadonlyArray<DossierAction>
}

export interface DossierTrace {
  /** The procedure as it applies to the dossier (variant applied: `applyVariant`). */
  readonly procedure: Procedure
  /** The handling centre's working calendar. */
  readonly calendar: Calendar
  /** Step 0 is the filing; every later step one event. */
  readonly steps: ReadonlyArray<TraceStep>
  /** The fee quote the filing's fee lines were assessed from, when there was one. */
  readonly quote?: FeeQuote
}

/** One broken invariant: which, at which step of the trace, and what was seen. */
export interface Violation {
  readonly invariant: string
  readonly step: number
  readonly message: string
}

/** The JSON form of a snapshot (live xstate snapshots carry methods; the trace keeps what storage keeps). */
export const persisted = (snapshot: DossierSnapshot | PersistedDossier): PersistedDossier => ({
  value: snapshot.value as PersistedDossier["value"],
  context: snapshot.context,
})

/** The dossier before step `i` (the filing's snapshot for step 1); undefined for the filing itself. */
export const before = (trace: DossierTrace, i: number): PersistedDossier | undefined => trace.steps[i - 1]?.snapshot

/** The type of a step's event, when it has one. */
export const eventType = (step: TraceStep): string | undefined => {
  const e = step.event
  const type = typeof e === "object" && e !== null ? (e as { type?: unknown }).type : undefined
  return typeof type === "string" ? type : undefined
}

/** `YYYY-MM-DD` of an instant in Vietnam time. */
export const vnDateOf = (instant: string): string =>
  new Date(Date.parse(instant) + 7 * 3_600_000).toISOString().slice(0, 10)
