// Development stand-in for the national public service portal (DVCQG): a push is acknowledged with a reference and
// recorded as one line (dossier code, kind, push id: no payload, which carries the applicant). The real adapter
// (adapters/portal-dvcqg) speaks the portal's API; the server uses it when MOTCUA_PORTAL_URL is set.
import { Effect, Layer } from "effect"
import { ExternalServiceFailed } from "../ports/external-errors.ts"
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
        lookup: () =>
          Effect.fail(
            new ExternalServiceFailed({
              port: "PortalSync",
              operation: "lookup",
              cause: new Error(
                "Cổng DVCQG phát triển không lưu hồ sơ để tra cứu; cấu hình MOTCUA_PORTAL_URL " +
                  "(the development portal keeps nothing to look up: configure MOTCUA_PORTAL_URL)",
              ),
            }),
          ),
      })
    }),
  ),
}
