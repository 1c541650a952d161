import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import type { Notification } from "../ports/notifier.ts"
import { noticeText } from "./notice-text.ts"
import { routedNotifier } from "./routing.ts"

const notice = (overrides: Partial<Notification> = {}): Notification => ({
  about: "supplementation-request",
  channel: "sms",
  recipient: "0912345678",
  dossierCode: "000.11.50.H49-251006-0001",
  notificationId: "outbox-1",
  data: { procedureName: "Đăng ký khai sinh", appointmentAt: "2025-10-15T02:30:00.000Z" },
  ...overrides,
})

describe("noticeText", () => {
  it("says what happened in Vietnamese, then English, with the appointment in Vietnam time", () => {
    const text = noticeText(notice())
    expect(text.subject).toBe(
      "Hồ sơ 000.11.50.H49-251006-0001 cần bổ sung giấy tờ / Dossier 000.11.50.H49-251006-0001 needs more documents",
    )
    expect(text.text.split("\n\n")[0]).toBe(
      "Hồ sơ 000.11.50.H49-251006-0001 (Đăng ký khai sinh) cần bổ sung giấy tờ. Ngày hẹn trả kết quả: 15/10/2025 09:30." +
        " Tra cứu tại Cổng dịch vụ công hoặc bộ phận một cửa với mã 000.11.50.H49-251006-0001.",
    )
    expect(text.text).toContain("Appointment: 15/10/2025 09:30 (Vietnam time).")
    expect(text.short).toBe("Ho so 000.11.50.H49-251006-0001: can bo sung giay to. Hen tra: 15/10/2025 09:30.")
    expect(text.short.length).toBeLessThanOrEqual(160)
    expect(/^[\x20-\x7e]*$/.test(text.short)).toBe(true)
  })

  it("has wording for every kind of notice the machine sends, and a plain one for any other", () => {
    for (const about of ["filed", "receipt", "refusal", "stop-notice", "apology", "payment-request", "result-ready"])
      expect(noticeText(notice({ about })).subject).not.toContain("cập nhật mới")
    expect(noticeText(notice({ about: "something-new", data: null })).subject).toContain("có cập nhật mới")
  })
})

describe("routedNotifier", () => {
  it("hands each notice to its channel's sender and fails, naming it, a channel without one", async () => {
    const sent: string[] = []
    const notifier = routedNotifier({
      sms: {
        send: (n) =>
          Effect.sync(() => {
            sent.push(`sms:${n.notificationId}`)
            return { messageId: "s1" }
          }),
      },
    })
    expect(await Effect.runPromise(notifier.send(notice()))).toEqual({ messageId: "s1" })
    expect(sent).toEqual(["sms:outbox-1"])
    const failed = await Effect.runPromise(Effect.flip(notifier.send(notice({ channel: "email" }))))
    expect(failed.message).toContain("no sender configured for channel email")
  })
})
