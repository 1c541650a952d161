// Intake at the counter with the centre's devices: read the applicant from their ID card, scan paper documents into
// the document store (staged, to attach when the dossier is filed or accepted).
import type { Applicant } from "@motcua/domain"
import { Effect } from "effect"
import { authorize } from "../authorization/policy.ts"
import type { Principal } from "../authorization/principal.ts"
import { Forbidden } from "../errors.ts"
import { IdCardReader, Scanner } from "../ports/devices.ts"
import { DocumentStore } from "../ports/document-store.ts"

const mayTakeIn = (principal: Principal, intakePointId: string) => {
  const decision = authorize(principal, "dossier.intake", { intakePointId })
  return decision.allow
    ? Effect.void
    : Effect.fail(new Forbidden({ principalId: principal.id, action: "dossier.intake", reason: decision.reason }))
}

/** The applicant as read from their citizen ID card on the counter's reader. */
export const readApplicantCard = Effect.fnUntraced(function* (principal: Principal, intakePointId: string) {
  yield* mayTakeIn(principal, intakePointId)
  const reader = yield* IdCardReader
  const card = yield* reader.read()
  const applicant: Applicant = { id: card.id, name: card.fullName, kind: "citizen", address: card.permanentAddress }
  return applicant
})

/** Scans a paper document and stages it in the document store; returns its metadata (id to attach). */
export const scanDocument = Effect.fnUntraced(function* (principal: Principal, intakePointId: string, label: string) {
  yield* mayTakeIn(principal, intakePointId)
  const scanner = yield* Scanner
  const documents = yield* DocumentStore
  const scanned = yield* scanner.scan({ label })
  // recorded as the officer's upload: only they attach it (no staged-bytes limit on the counter's own scanner)
  return yield* documents.put(scanned.bytes, scanned.mediaType, { principalId: principal.id })
})
