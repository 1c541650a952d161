// One Notifier over several channels: each notification goes to the sender configured for its channel (SMS
// gateway, SMTP, Zalo ZNS, the citizen's portal account). A channel with no sender configured fails the delivery
// with a clear reason: the relay keeps the row and retries it, and the operator sees why (nothing is silently lost).
import { Effect } from "effect"
import { ExternalServiceFailed } from "../ports/external-errors.ts"
import type { NotificationChannel, NotifierShape } from "../ports/notifier.ts"

export type ChannelSenders = Partial<Record<NotificationChannel, NotifierShape>>

export function routedNotifier(senders: ChannelSenders): NotifierShape {
  return {
    send: (notification) => {
      const sender = senders[notification.channel]
      if (sender === undefined)
        return Effect.fail(
          new ExternalServiceFailed({
            port: "Notifier",
            operation: "send",
            cause: new Error(
              `không có kênh gửi ${notification.channel} được cấu hình (no sender configured for channel ${notification.channel})`,
            ),
          }),
        )
      return sender.send(notification)
    },
  }
}
