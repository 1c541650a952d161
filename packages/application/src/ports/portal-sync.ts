// Synchronisation with the national public service portal (DVCQG): every dossier record and every progress update
// is pushed there (the sync rate is scored). The outbox relay calls this port; an adapter speaks the portal's API.
import { Context, Effect, Layer } from "effect"
import { CallLog } from "./call-log.ts"
import { ExternalServiceFailed } from "./external-errors.ts"
import type { Json } from "./json.ts"

export interface PortalPush {
  /** `record`: the dossier record (create or update); `progress`: one progress update. */
  readonly kind: "record" | "progress"
  readonly dossierCode: string
  /** Idempotency key at the portal: the same push sent twice is applied once. */
  readonly pushId: string
  readonly payload: Json
}

export interface PortalSyncShape {
  readonly push: (message: PortalPush) => Effect.Effect<{ readonly reference: string }, ExternalServiceFailed>
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
      })
    }),
  )
}
