// Delivering one notice (an outbox row of topic notify.applicant): through the channels the applicant chose, in
// their order, skipping those the applicant gave no address for; else through the channel the plan chose. A channel
// that refuses the notice for good (DeliveryRefused permanent: not a mobile number, no such mailbox) is recorded as
// failed and the next channel is tried; a passing failure is recorded as retrying and fails the delivery, so that
// the relay tries again later from the start of the order (a channel that already sent it is not sent twice: the
// notice id is each sender's idempotency key). Every outcome goes to the NotificationStore when one is provided.
import { Effect, Option } from "effect"
import { Clock } from "../ports/clock.ts"
import { DeliveryRefused, ExternalServiceFailed } from "../ports/external-errors.ts"
import type { Json } from "../ports/json.ts"
import { NOTIFICATION_CHANNELS, NotificationStore } from "../ports/notification-store.ts"
import type { NotificationChannel, NotifierShape } from "../ports/notifier.ts"

export interface NoticeToDeliver {
  readonly notificationId: string
  readonly dossierCode: string
  readonly about: string
  readonly form?: string
  /** The plan's choice. */
  readonly channel: NotificationChannel
  readonly recipient: string
  /** Whose channel choices apply, and every address the applicant gave (absent in rows written before). */
  readonly applicantId?: string
  readonly contacts?: Partial<Record<NotificationChannel, string>>
  readonly data: Json
}

/** The channels to try, in order, each with its address. */
export function channelsFor(
  notice: NoticeToDeliver,
  chosen: ReadonlyArray<NotificationChannel> | undefined,
): ReadonlyArray<{ readonly channel: NotificationChannel; readonly recipient: string }> {
  const fallback = [{ channel: notice.channel, recipient: notice.recipient }]
  if (chosen === undefined || chosen.length === 0 || notice.contacts === undefined) return fallback
  const reachable = chosen.flatMap((channel) => {
    const recipient = notice.contacts?.[channel]
    return recipient === undefined ? [] : [{ channel, recipient }]
  })
  return reachable.length === 0 ? fallback : reachable
}

const permanentOf = (error: ExternalServiceFailed) => error.cause instanceof DeliveryRefused && error.cause.permanent

const reasonOf = (error: ExternalServiceFailed) =>
  error.cause instanceof Error ? error.cause.message : String(error.cause)

export const deliverNotice = (notifier: NotifierShape, notice: NoticeToDeliver) =>
  Effect.gen(function* () {
    const store = Option.getOrUndefined(yield* Effect.serviceOption(NotificationStore))
    const chosen =
      store === undefined || notice.applicantId === undefined
        ? undefined
        : yield* store.preferencesOf(notice.applicantId)
    const clock = yield* Clock
    const route = channelsFor(notice, chosen)
    let last: ExternalServiceFailed | undefined
    for (const { channel, recipient } of route) {
      const sent = yield* Effect.result(
        notifier.send({
          about: notice.about,
          ...(notice.form === undefined ? {} : { form: notice.form }),
          channel,
          recipient,
          dossierCode: notice.dossierCode,
          notificationId: notice.notificationId,
          data: notice.data,
        }),
      )
      const base = {
        notificationId: notice.notificationId,
        channel,
        dossierCode: notice.dossierCode,
        about: notice.about,
      }
      if (sent._tag === "Success") {
        if (store !== undefined)
          yield* store.recordAttempt({
            ...base,
            status: "sent",
            messageId: sent.success.messageId,
            updatedAt: yield* clock.now,
          })
        return { channel, messageId: sent.success.messageId }
      }
      last = sent.failure
      const permanent = permanentOf(sent.failure)
      if (store !== undefined)
        yield* store.recordAttempt({
          ...base,
          status: permanent ? "failed" : "retrying",
          reason: reasonOf(sent.failure),
          updatedAt: yield* clock.now,
        })
      // a passing failure: try again later, from the first channel (the order is the citizen's)
      if (!permanent) return yield* Effect.fail(sent.failure)
    }
    return yield* Effect.fail(
      new ExternalServiceFailed({
        port: "Notifier",
        operation: "send",
        cause: new DeliveryRefused(
          `mọi kênh đã từ chối thông báo (every channel refused the notice: ${route.map((r) => r.channel).join(", ")})${last === undefined ? "" : `; ${reasonOf(last)}`}`,
          true,
        ),
      }),
    )
  })

/** Whether a value names a channel (for requests setting preferences). */
export const isNotificationChannel = (value: unknown): value is NotificationChannel =>
  typeof value === "string" && (NOTIFICATION_CHANNELS as ReadonlyArray<string>).includes(value)
