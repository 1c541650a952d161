// Development stand-in for SMS, e-mail and portal notifications: nothing is sent; each notice is recorded as one
// line (what it is about, the form, the channel, the recipient reduced to its last 3 characters, no message data).
// Real channels (SMS brand name, e-mail, Zalo, VNeID) come with later work.
import { Effect, Layer } from "effect"
import { Notifier } from "../ports/notifier.ts"
import { DevelopmentCalls, maskedRecipient } from "./recent-calls.ts"

export const NotifierDevelopment = {
  layer: Layer.effect(
    Notifier,
    Effect.gen(function* () {
      const calls = yield* DevelopmentCalls
      return Notifier.of({
        send: (notification) => {
          const messageId = `dev-msg-${notification.notificationId}`
          return calls
            .record({
              port: "Notifier",
              operation: "send",
              fields: {
                dossierCode: notification.dossierCode,
                about: notification.about,
                form: notification.form ?? null,
                channel: notification.channel,
                recipient: maskedRecipient(notification.recipient),
                notificationId: notification.notificationId,
                messageId,
              },
            })
            .pipe(Effect.as({ messageId }))
        },
      })
    }),
  ),
}
