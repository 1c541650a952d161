// Delivering a notice through the citizen's chosen channels, with every outcome recorded (issue 8, notifications).
import { Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import { Clock } from "../ports/clock.ts"
import { DeliveryRefused, ExternalServiceFailed } from "../ports/external-errors.ts"
import { makeMemoryNotificationStore, NotificationStore } from "../ports/notification-store.ts"
import type { Notification, NotifierShape } from "../ports/notifier.ts"
import { channelsFor, deliverNotice, type NoticeToDeliver } from "./deliver.ts"

const notice: NoticeToDeliver = {
  notificationId: "outbox-7",
  dossierCode: "000.11.50.H49-251006-0001",
  about: "receipt",
  channel: "sms",
  recipient: "0912345678",
  applicantId: "022090001234",
  contacts: { sms: "0912345678", zalo: "0912345678", email: "an@example.vn", portal: "022090001234" },
  data: null,
}

/** A notifier whose channels answer as told: "ok", "refused" (for good) or "down" (for now). */
function notifier(answers: Partial<Record<string, "ok" | "refused" | "down">>) {
  const sent: Notification[] = []
  const shape: NotifierShape = {
    send: (n) => {
      sent.push(n)
      const answer = answers[n.channel] ?? "down"
      if (answer === "ok") return Effect.succeed({ messageId: `${n.channel}-msg-1` })
      const cause = new DeliveryRefused(`${n.channel} ${answer}`, answer === "refused", 400)
      return Effect.fail(new ExternalServiceFailed({ port: "Notifier", operation: "send", cause }))
    },
  }
  return { shape, sent }
}

const run = <A, E>(program: Effect.Effect<A, E, NotificationStore | Clock>, store = makeMemoryNotificationStore()) =>
  Effect.runPromise(
    Effect.result(program).pipe(
      Effect.provide(
        Layer.mergeAll(Layer.succeed(NotificationStore, store), Clock.layerTest("2025-10-06T01:00:00.000Z")),
      ),
    ),
  ).then((result) => ({ result, store }))

describe("deliverNotice", () => {
  it("without a choice, the plan's channel; with one, the citizen's order over the addresses given", () => {
    expect(channelsFor(notice, undefined)).toEqual([{ channel: "sms", recipient: "0912345678" }])
    expect(channelsFor(notice, ["zalo", "email"])).toEqual([
      { channel: "zalo", recipient: "0912345678" },
      { channel: "email", recipient: "an@example.vn" },
    ])
    const noEmail = { ...notice, contacts: { sms: "0912345678", portal: "022090001234" } }
    expect(channelsFor(noEmail, ["email", "portal"])).toEqual([{ channel: "portal", recipient: "022090001234" }])
    expect(channelsFor(noEmail, ["email"])).toEqual([{ channel: "sms", recipient: "0912345678" }])
  })

  it("follows the chosen order, moves on when a channel refuses for good, and records each outcome", async () => {
    const store = makeMemoryNotificationStore()
    await Effect.runPromise(store.setPreferences("022090001234", ["zalo", "email"], "2025-10-06T00:00:00.000Z"))
    const { shape, sent } = notifier({ zalo: "refused", email: "ok" })
    const { result } = await run(deliverNotice(shape, notice), store)
    expect(result._tag).toBe("Success")
    expect(sent.map((n) => [n.channel, n.recipient])).toEqual([
      ["zalo", "0912345678"],
      ["email", "an@example.vn"],
    ])
    const records = await Effect.runPromise(store.ofDossier(notice.dossierCode))
    expect(records.map((r) => [r.channel, r.status, r.attempts])).toEqual([
      ["zalo", "failed", 1],
      ["email", "sent", 1],
    ])
    expect(records[0]?.reason).toContain("zalo refused")
    // the provider's report marks it delivered
    const reported = await Effect.runPromise(
      store.report("email-msg-1", { status: "delivered", at: "2025-10-06T01:05:00.000Z" }),
    )
    expect(reported?.status).toBe("delivered")
  })

  it("a passing failure is retrying and fails the delivery (the relay tries again); all refused is permanent", async () => {
    const down = await run(deliverNotice(notifier({ sms: "down" }).shape, notice))
    expect(down.result._tag).toBe("Failure")
    const [record] = await Effect.runPromise(down.store.ofDossier(notice.dossierCode))
    expect(record).toMatchObject({ channel: "sms", status: "retrying", attempts: 1 })

    const refused = await run(deliverNotice(notifier({ sms: "refused" }).shape, notice))
    expect(refused.result._tag).toBe("Failure")
    if (refused.result._tag === "Failure") {
      const cause = (refused.result.failure as ExternalServiceFailed).cause
      expect(cause).toBeInstanceOf(DeliveryRefused)
      expect((cause as DeliveryRefused).permanent).toBe(true)
    }
  })
})
