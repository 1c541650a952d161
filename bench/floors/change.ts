// What a raw floor writes for one dossier change: the adapter's NewDossier/DossierCommit, with two shortcuts a
// hand-written store may take — an outbox payload already serialised (`payloadText`), and no Schema anywhere.
import type { AuditEntryInput, DossierSummary, Json } from "@motcua/application"

export interface FloorChange {
  readonly code: string
  readonly summary: DossierSummary
  readonly snapshot: unknown
  readonly at: string
  readonly audit: ReadonlyArray<AuditEntryInput>
  readonly outbox: ReadonlyArray<{
    readonly topic: string
    readonly payload?: Json
    readonly payloadText?: string
    readonly availableAt?: string
  }>
  readonly documentIds?: ReadonlyArray<string>
  readonly attachedBy?: string
  /** Who may see the new dossier as theirs (NewDossier.owners): the applicant, and the citizen who filed it. */
  readonly owners?: ReadonlyArray<string>
}

export interface FloorCommit extends FloorChange {
  readonly expectedVersion: number
}

export const summaryValues = (s: DossierSummary) =>
  [
    s.statusCode,
    s.state,
    s.procedureCode,
    s.agencyCode,
    s.unitCode,
    s.currentRole,
    s.dueAt,
    s.appointmentAt,
    s.feeTotal,
  ] as const

export const payloadOf = (message: FloorChange["outbox"][number]) =>
  message.payloadText ?? JSON.stringify(message.payload)
