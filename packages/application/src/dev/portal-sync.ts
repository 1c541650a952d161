// Development stand-in for the national public service portal (DVCQG): a push is acknowledged with a reference and
// recorded as one line (dossier code, kind, push id: no payload, which carries the applicant). The real adapter
// speaks the portal's API and comes with later work.
import { Effect, Layer } from "effect"
import { PortalSync } from "../ports/portal-sync.ts"
import { DevelopmentCalls } from "./recent-calls.ts"

export const PortalSyncDevelopment = {
  layer: Layer.effect(
    PortalSync,
    Effect.gen(function* () {
      const calls = yield* DevelopmentCalls
      return PortalSync.of({
        push: (message) => {
          const reference = `dev-portal-${message.pushId}`
          return calls
            .record({
              port: "PortalSync",
              operation: "push",
              fields: { dossierCode: message.dossierCode, kind: message.kind, pushId: message.pushId, reference },
            })
            .pipe(Effect.as({ reference }))
        },
      })
    }),
  ),
}
