// The parts of a dossier's context (GET /api/v1/dossiers/{code} → context, the machine's own record) the pages show.
// The API documents the context as an open object; these are the domain's field names (packages/domain
// src/dossier/context.ts), read defensively: a missing list is an empty one.
export interface ActedBy {
  readonly id: string
  readonly role: string
}
export interface StepRecord {
  readonly stepId: string
  readonly index: number
  readonly role: string
  readonly unit: string
  readonly startedAt: string
  readonly dueAt: string
  readonly endedAt?: string
  readonly timeliness?: "early" | "on-time" | "late"
}
export interface MissingItem {
  readonly documentId?: string
  readonly description: string
}
export interface SupplementationRecord {
  readonly requestedAt: string
  readonly requestedBy: ActedBy
  readonly atIntake?: true
  readonly missing: ReadonlyArray<MissingItem>
  readonly applicantDeadline: string
  readonly receivedAt?: string
}
export interface PaymentRecord {
  readonly paymentId: string
  readonly amount: number
  readonly at: string
  readonly confirmedBy: ActedBy
}
export interface DossierContextView {
  readonly channel?: string
  /** The procedure's variant the dossier was filed under (its required documents may be the variant's own). */
  readonly variantId?: string
  readonly intakePointId?: string
  readonly applicant?: {
    readonly id: string
    readonly name: string
    readonly phone?: string
    readonly address?: string
  }
  readonly receivedAt?: string
  readonly appointment?: string
  readonly statusHistory: ReadonlyArray<{ readonly code: number; readonly at: string }>
  readonly steps: ReadonlyArray<StepRecord>
  readonly supplementations: ReadonlyArray<SupplementationRecord>
  readonly payments: ReadonlyArray<PaymentRecord>
  readonly obligations: ReadonlyArray<{ readonly name: string; readonly amount: number; readonly requestedAt: string }>
  readonly decision?: { readonly kind: "approved" | "rejected"; readonly at: string; readonly reasons?: string[] }
  readonly signature?: { readonly at: string }
  readonly extensions: ReadonlyArray<{ readonly at: string; readonly newAppointment: string; readonly reason: string }>
  readonly returned?: { readonly at: string; readonly method: string }
  readonly refusal?: { readonly at: string; readonly reasons: ReadonlyArray<string> }
  readonly withdrawal?: { readonly at: string }
  readonly stop?: { readonly at: string; readonly reasons: ReadonlyArray<string> }
}

const list = <T>(value: unknown): ReadonlyArray<T> => (Array.isArray(value) ? (value as T[]) : [])

export function contextView(context: Record<string, unknown>): DossierContextView {
  return {
    ...(context as object),
    statusHistory: list(context.statusHistory),
    steps: list(context.steps),
    supplementations: list(context.supplementations),
    payments: list(context.payments),
    obligations: list(context.obligations),
    extensions: list(context.extensions),
  } as DossierContextView
}

/** The supplementation request still waiting for its answer, if any. */
export const openSupplementation = (context: DossierContextView): SupplementationRecord | undefined => {
  const last = context.supplementations.at(-1)
  return last !== undefined && last.receivedAt === undefined ? last : undefined
}
