// Notifications: what became of each notice of a dossier, a citizen's chosen channels, and the delivery reports an
// SMS / Zalo / e-mail provider sends back through an integration client.
import {
  myNotificationChannels,
  NOTIFICATION_CHANNELS,
  notificationsOf,
  reportDelivery,
  setMyNotificationChannels,
} from "@motcua/application"
import { DossierCode } from "@motcua/domain"
import { Effect, Schema } from "effect"
import type { ApiDeps } from "../deps.ts"
import { defineOperation } from "../operation.ts"
import { runUseCase } from "./run.ts"
import { asList, listOf } from "./shared.ts"

const operation = defineOperation<ApiDeps>()

const Channel = Schema.Literals(NOTIFICATION_CHANNELS as ["sms", "zalo", "email", "portal"]).annotate({
  description: "sms: tin nhắn; zalo: Zalo ZNS; email: thư điện tử; portal: tài khoản trên Cổng",
})

const Delivery = Schema.Struct({
  notificationId: Schema.String,
  channel: Schema.String,
  dossierCode: Schema.String,
  about: Schema.String,
  status: Schema.Literals(["sent", "delivered", "retrying", "failed"]).annotate({
    description:
      "sent: đã gửi; delivered: đã đến người nhận; retrying: lỗi tạm thời, sẽ gửi lại; failed: không gửi được",
  }),
  reason: Schema.optionalKey(Schema.String),
  messageId: Schema.optionalKey(Schema.String),
  attempts: Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(1)),
  updatedAt: Schema.String,
}).annotate({ identifier: "NotificationDelivery" })

const Channels = Schema.Struct({
  channels: Schema.Array(Channel).check(Schema.isMaxLength(4)),
}).annotate({ identifier: "NotificationChannels" })

const DeliveryReport = Schema.Struct({
  messageId: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200)),
  status: Schema.Literals(["delivered", "failed"]),
  reason: Schema.optionalKey(Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(500))),
}).annotate({ identifier: "DeliveryReport" })

export const notificationOperations = [
  operation({
    method: "get",
    path: "/api/v1/dossiers/{code}/notifications",
    operationId: "notificationsOfDossier",
    tag: "notifications",
    summary: "Thông báo đã gửi cho người nộp hồ sơ và tình trạng từng thông báo",
    description:
      "The notices of the dossier, per channel: sent (with the provider's message id), delivered, retrying or " +
      "failed with the reason. For whoever may read the dossier.",
    auth: "required",
    params: Schema.Struct({ code: DossierCode }),
    response: { status: 200, description: "Các thông báo", schema: listOf(Delivery, "NotificationDeliveries") },
    problems: ["unauthenticated", "forbidden", "not-found"],
    handle: ({ principal, params }, deps) =>
      runUseCase(deps, Effect.map(notificationsOf(principal, params.code), asList)),
  }),
  operation({
    method: "get",
    path: "/api/v1/me/notification-channels",
    operationId: "myNotificationChannels",
    tag: "notifications",
    summary: "Kênh nhận thông báo của tôi (công dân), theo thứ tự ưu tiên",
    description: "The signed-in citizen's channels in order; empty when never chosen (the dossier's contact is used).",
    auth: "required",
    response: { status: 200, description: "Các kênh", schema: Channels },
    problems: ["unauthenticated", "forbidden"],
    handle: ({ principal }, deps) =>
      runUseCase(
        deps,
        Effect.map(myNotificationChannels(principal), (channels) => ({ channels })),
      ),
  }),
  operation({
    method: "post",
    path: "/api/v1/me/notification-channels",
    operationId: "setMyNotificationChannels",
    tag: "notifications",
    summary: "Chọn kênh nhận thông báo (công dân), theo thứ tự ưu tiên",
    description:
      "Sets the signed-in citizen's channels in order (each once). Every later notice tries them in that order, " +
      "skipping those without an address on the dossier, and moves to the next when one refuses it for good.",
    auth: "required",
    body: Channels,
    response: { status: 200, description: "Các kênh đã lưu", schema: Channels },
    problems: ["unauthenticated", "forbidden", "unprocessable"],
    handle: ({ principal, body }, deps) =>
      runUseCase(
        deps,
        Effect.map(setMyNotificationChannels(principal, body.channels), (channels) => ({ channels })),
      ),
  }),
  operation({
    method: "post",
    path: "/api/v1/notifications/delivery-report",
    operationId: "notificationDeliveryReport",
    tag: "notifications",
    summary: "Nhà cung cấp báo kết quả chuyển phát một thông báo (qua hệ thống tích hợp)",
    description:
      "A provider's delivery report (SMS delivery receipt, ZNS status, bounce), relayed by an integration client " +
      "with its API key: the message delivered, or failed with the reason. An unknown message id is 404.",
    auth: "api-key",
    body: DeliveryReport,
    response: { status: 200, description: "Đã ghi nhận", schema: Delivery },
    problems: ["unauthenticated", "forbidden", "not-found", "unprocessable"],
    handle: ({ principal, body }, deps) => runUseCase(deps, reportDelivery(principal, body)),
  }),
]
