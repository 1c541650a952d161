// Notifications as people see them: the notices of a dossier with what became of each (for whoever may read the
// dossier), a citizen's chosen channels, and a provider's delivery report (an integration client relays it).
import { Data, Effect } from "effect"
import type { Principal } from "../authorization/principal.ts"
import { authorizeOn, loadDossier } from "../dossier/engine.ts"
import { Forbidden } from "../errors.ts"
import { Clock } from "../ports/clock.ts"
import { NotificationStore } from "../ports/notification-store.ts"
import type { NotificationChannel } from "../ports/notifier.ts"

/** A delivery report names a message nobody sent (HTTP 404). */
export class MessageNotFound extends Data.TaggedError("MessageNotFound")<{ readonly messageId: string }> {
  override get message(): string {
    return `không có thông báo nào mang mã ${this.messageId} (no notice was sent with this message id)`
  }
}

/** The notices of a dossier, each with its channel and status (sent, delivered, retrying, failed with the reason). */
export const notificationsOf = Effect.fnUntraced(function* (principal: Principal, dossierCode: string) {
  const loaded = yield* loadDossier(dossierCode)
  yield* authorizeOn(principal, "dossier.read", loaded)
  return yield* (yield* NotificationStore).ofDossier(dossierCode)
})

const citizenOnly = (principal: Principal, action: string) =>
  principal.scope._tag === "Citizen"
    ? Effect.succeed(principal.scope.citizenId)
    : Effect.fail(
        new Forbidden({
          principalId: principal.id,
          action,
          reason: "chỉ công dân chọn kênh nhận thông báo của mình (citizens choose their own channels)",
        }),
      )

/** The signed-in citizen's channels, in order; empty when never chosen (the notice goes where the dossier says). */
export const myNotificationChannels = Effect.fnUntraced(function* (principal: Principal) {
  const citizenId = yield* citizenOnly(principal, "notifications.preferences")
  return (yield* (yield* NotificationStore).preferencesOf(citizenId)) ?? []
})

/** Sets the signed-in citizen's channels (each once, in the order given); they apply to every later notice. */
export const setMyNotificationChannels = Effect.fnUntraced(function* (
  principal: Principal,
  channels: ReadonlyArray<NotificationChannel>,
) {
  const citizenId = yield* citizenOnly(principal, "notifications.preferences")
  const unique = [...new Set(channels)]
  yield* (yield* NotificationStore).setPreferences(citizenId, unique, yield* (yield* Clock).now)
  return unique
})

/** A provider's delivery report, relayed by an integration client: the message delivered, or failed with why. */
export const reportDelivery = Effect.fnUntraced(function* (
  principal: Principal,
  report: { readonly messageId: string; readonly status: "delivered" | "failed"; readonly reason?: string },
) {
  if (principal.scope._tag !== "Integration")
    return yield* Effect.fail(
      new Forbidden({
        principalId: principal.id,
        action: "notifications.report",
        reason: "báo cáo chuyển phát do hệ thống tích hợp gửi (integration clients only)",
      }),
    )
  const updated = yield* (yield* NotificationStore).report(report.messageId, {
    status: report.status,
    ...(report.reason === undefined ? {} : { reason: report.reason }),
    at: yield* (yield* Clock).now,
  })
  if (updated === undefined) return yield* Effect.fail(new MessageNotFound({ messageId: report.messageId }))
  return updated
})
