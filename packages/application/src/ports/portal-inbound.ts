// Dossiers filed on the national public service portal (DVCQG): since 1 July 2025 it is the only place where
// citizens file online, and the provincial system receives those filings from it. An adapter fetches the filings
// waiting for the province (adapters/portal-dvcqg), downloads their attachments and tells the portal which were
// taken in; the use case (use-cases/portal-inbound.ts) files each one once, whatever the number of deliveries.
import type { Applicant } from "@motcua/domain"
import { Context, type Effect } from "effect"
import type { ExternalServiceFailed } from "./external-errors.ts"

export interface InboundAttachment {
  /** The portal's file id. */
  readonly id: string
  readonly name: string
  /** Where to download it (the portal's link). */
  readonly url: string
}

export interface InboundDocument {
  /** The procedure's required-document id (MaThanhPhanHoSo). */
  readonly code: string
  readonly digitised: boolean
  readonly reused: boolean
  /** Taken from the citizen's data store (kho dữ liệu) rather than uploaded. */
  readonly fromDataStore: boolean
  readonly attachments: ReadonlyArray<InboundAttachment>
}

/** One filing as the portal delivers it, already decoded and checked by the adapter. */
export interface InboundFiling {
  /** The portal's own id of the dossier: the idempotency key of the filing. */
  readonly portalDossierId: string
  readonly procedureCode: string
  readonly applicant: Applicant
  /** The portal's id of the applicant's account (MaDoiTuong). */
  readonly portalApplicantId?: string
  readonly vneidVerified: boolean
  /** The applicant's residence (province code, and the commune-level unit when in this province). */
  readonly residence: { readonly provinceCode: string; readonly unitCode?: string }
  readonly subjectUnitCode?: string
  readonly summary?: string
  /** When the citizen filed it on the portal (ISO-8601). */
  readonly filedAt: string
  readonly documents: ReadonlyArray<InboundDocument>
}

export interface InboundBatch {
  readonly filings: ReadonlyArray<InboundFiling>
  /** Deliveries that could not be read (wrong types, missing fields), with the portal's id when it had one. */
  readonly malformed: ReadonlyArray<{ readonly portalDossierId: string | null; readonly problem: string }>
}

/** What the province tells the portal about one filing: taken in as a dossier, or refused with the reason. */
export type InboundAcknowledgement =
  | { readonly portalDossierId: string; readonly dossierCode: string }
  | { readonly portalDossierId: string; readonly refused: string }

export interface PortalInboundShape {
  /** Up to `limit` filings waiting for the province (a filing may come again until it is acknowledged). */
  readonly fetchFilings: (limit: number) => Effect.Effect<InboundBatch, ExternalServiceFailed>
  /** The bytes of one attachment and the media type the portal gave for it. */
  readonly download: (
    attachment: InboundAttachment,
  ) => Effect.Effect<{ readonly bytes: Uint8Array; readonly mediaType: string }, ExternalServiceFailed>
  readonly acknowledge: (ack: InboundAcknowledgement) => Effect.Effect<void, ExternalServiceFailed>
}

export class PortalInbound extends Context.Service<PortalInbound, PortalInboundShape>()(
  "@motcua/application/PortalInbound",
) {}
