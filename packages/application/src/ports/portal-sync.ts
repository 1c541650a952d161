// Synchronisation with the national public service portal (DVCQG): every dossier record and every progress update
// is pushed there (the sync rate is scored). The outbox relay calls this port; an adapter speaks the portal's API
// (adapters/portal-dvcqg). The payload is the portal view written with the change (portal/view.ts:
// PortalSyncPayload), so a push always says what was true when it happened.
import { Context, Effect, Layer } from "effect"
import { CallLog } from "./call-log.ts"
import { ExternalServiceFailed } from "./external-errors.ts"
import type { Json } from "./json.ts"

export interface PortalPush {
  /** `record`: the dossier record (create or update); `progress`: one progress update. */
  readonly kind: "record" | "progress"
  readonly dossierCode: string
  /** The outbox row's id (`outbox-<id>`): the same push sent again is the same push. */
  readonly pushId: string
  readonly payload: Json
  /** How many times the relay has tried this push, this time included (1 the first time). */
  readonly attempt?: number
}

/** What the portal holds of one dossier (TraCuuHoSo): nothing, or its record at some status. */
export type PortalHolding =
  | { readonly held: false }
  | {
      readonly held: true
      /** The status code (1–10) of the record the portal holds. */
      readonly status: number
    }

/**
 * The portal refused a push for a reason sending it again cannot change (a field it does not accept, an unknown
 * procedure code): the cause of ExternalServiceFailed, `permanent`, with the portal's own code and message. The relay
 * marks such a row dead at once (isPermanentFailure) for an operator to look at.
 */
export class PortalRefused extends Error {
  readonly permanent = true
  /** The portal's `error_code`. */
  readonly code: string
  constructor(message: string, code: string) {
    super(message)
    this.name = "PortalRefused"
    this.code = code
  }
}

export interface PortalSyncShape {
  readonly push: (message: PortalPush) => Effect.Effect<{ readonly reference: string }, ExternalServiceFailed>
  /** Asks the portal what it holds of a dossier (reconciliation). */
  readonly lookup: (dossierCode: string) => Effect.Effect<PortalHolding, ExternalServiceFailed>
}

export class PortalSync extends Context.Service<PortalSync, PortalSyncShape>()("@motcua/application/PortalSync") {
  static readonly layerTest = Layer.effect(
    PortalSync,
    Effect.gen(function* () {
      const log = yield* CallLog
      return PortalSync.of({
        push: (message) =>
          log.record("PortalSync", "push", message).pipe(
            Effect.mapError((cause) => new ExternalServiceFailed({ port: "PortalSync", operation: "push", cause })),
            Effect.as({ reference: `portal-${message.pushId}` }),
          ),
        lookup: (dossierCode) =>
          log.record("PortalSync", "lookup", { dossierCode }).pipe(
            Effect.mapError((cause) => new ExternalServiceFailed({ port: "PortalSync", operation: "lookup", cause })),
            Effect.as({ held: false } as const),
          ),
      })
    }),
  )
}
