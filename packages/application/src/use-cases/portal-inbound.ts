// Filings from the national public service portal: fetch the ones waiting, download and check each attachment
// (type by its bytes, SHA-256, size: DocumentStore.put), file the dossier once per portal dossier id (fileFromPortal:
// routed to the competent authority like any filing), and tell the portal it was taken in, or refused and why.
// - A filing the province cannot take (unknown procedure, no competent authority, a document the procedure does not
//   know, an attachment that is not what it says) is acknowledged as refused, with the reason: delivering it again
//   cannot change the answer.
// - A passing failure (the portal or the database unreachable, a download cut short) leaves the filing
//   unacknowledged: the portal delivers it again and it is filed then, still once.
import { Effect } from "effect"
import { DocumentStore } from "../ports/document-store.ts"
import type { InboundFiling } from "../ports/portal-inbound.ts"
import { PortalInbound } from "../ports/portal-inbound.ts"
import { fileFromPortal } from "./filing.ts"

export interface InboundReport {
  /** Filings taken in (or found taken in already: a repeated delivery), with their dossier codes. */
  readonly filed: ReadonlyArray<{ readonly portalDossierId: string; readonly dossierCode: string }>
  /** Filings refused for good, acknowledged to the portal with the reason. */
  readonly refused: ReadonlyArray<{ readonly portalDossierId: string; readonly reason: string }>
  /** Filings left for a later delivery after a passing failure. */
  readonly failed: ReadonlyArray<{ readonly portalDossierId: string; readonly error: string }>
  /** Deliveries the adapter could not read. */
  readonly malformed: ReadonlyArray<{ readonly portalDossierId: string | null; readonly problem: string }>
}

const PERMANENT_TAGS = new Set([
  "FilingRefused",
  "ActionRefused",
  "MissingFeeInput",
  "DocumentRejected",
  "IdempotencyKeyReused",
  "DecodeError",
])

const describe = (error: unknown): string => {
  if (typeof error === "object" && error !== null && "message" in error) return String(error.message)
  return String(error)
}

/** Files one filing: attachments first (staged), then the dossier, then the acknowledgement. */
const receiveOne = (filing: InboundFiling) =>
  Effect.gen(function* () {
    const inbound = yield* PortalInbound
    const documents = yield* DocumentStore
    const uploader = `portal:${filing.portalApplicantId ?? filing.applicant.id}`
    const attachmentIds: string[] = []
    for (const document of filing.documents)
      for (const attachment of document.attachments) {
        const downloaded = yield* inbound.download(attachment)
        const meta = yield* documents.put(downloaded.bytes, downloaded.mediaType, { principalId: uploader })
        attachmentIds.push(meta.id)
      }
    const dossier = yield* fileFromPortal(
      {
        procedureCode: filing.procedureCode,
        applicant: filing.applicant,
        residence: filing.residence,
        ...(filing.subjectUnitCode === undefined ? {} : { subjectUnitCode: filing.subjectUnitCode }),
        ...(filing.summary === undefined ? {} : { summary: filing.summary }),
        documents: filing.documents.map((d) => ({
          id: d.code,
          digitised: d.digitised,
          reused: d.reused,
          fromEWallet: d.fromDataStore,
        })),
        ...(attachmentIds.length === 0 ? {} : { attachmentIds }),
      },
      {
        dossierId: filing.portalDossierId,
        ...(filing.portalApplicantId === undefined ? {} : { applicantId: filing.portalApplicantId }),
        vneidVerified: filing.vneidVerified,
      },
    )
    yield* inbound.acknowledge({ portalDossierId: filing.portalDossierId, dossierCode: dossier.code })
    return dossier.code
  })

/** One round: fetch up to `limit` waiting filings and receive each. */
export const receivePortalFilings = Effect.fnUntraced(function* (limit = 50) {
  const inbound = yield* PortalInbound
  const batch = yield* inbound.fetchFilings(limit)
  const filed: Array<{ portalDossierId: string; dossierCode: string }> = []
  const refused: Array<{ portalDossierId: string; reason: string }> = []
  const failed: Array<{ portalDossierId: string; error: string }> = []
  for (const filing of batch.filings) {
    const outcome = yield* Effect.result(receiveOne(filing))
    if (outcome._tag === "Success") {
      filed.push({ portalDossierId: filing.portalDossierId, dossierCode: outcome.success })
      continue
    }
    const error = outcome.failure as { readonly _tag?: string }
    if (error._tag !== undefined && PERMANENT_TAGS.has(error._tag)) {
      const reason = describe(error)
      refused.push({ portalDossierId: filing.portalDossierId, reason })
      // told once; if the acknowledgement itself fails, the filing comes again and is refused again
      yield* Effect.ignore(inbound.acknowledge({ portalDossierId: filing.portalDossierId, refused: reason }))
    } else {
      failed.push({ portalDossierId: filing.portalDossierId, error: describe(error) })
    }
  }
  if (failed.length + refused.length + batch.malformed.length > 0)
    yield* Effect.logWarning("portal inbound: filings not taken in", {
      refused: refused.map((r) => ({ portalDossierId: r.portalDossierId, reason: r.reason })),
      failed: failed.map((f) => ({ portalDossierId: f.portalDossierId, error: f.error })),
      malformed: batch.malformed.map((m) => ({ portalDossierId: m.portalDossierId, problem: m.problem })),
    })
  return { filed, refused, failed, malformed: batch.malformed } satisfies InboundReport
})
