// Webhooks for embedding systems: an integration client (its API key) or the province administrator subscribes a
// URL to event types, lists, removes and re-enables its subscriptions, reads the delivery attempts and asks for a
// test delivery. What is delivered is described in the OpenAPI document's `webhooks` section (WEBHOOK_DOCUMENTS).
import {
  enableWebhook,
  listWebhooks,
  removeWebhook,
  subscribeWebhook,
  testWebhook,
  webhookAttempts,
  webhookEventTypes,
} from "@motcua/application"
import { Effect, Schema } from "effect"
import type { ApiDeps } from "../deps.ts"
import { defineOperation } from "../operation.ts"
import { runUseCase } from "./run.ts"
import { asList, listOf } from "./shared.ts"

const operation = defineOperation<ApiDeps>()

const EventType = Schema.Literals([...webhookEventTypes, "*"])
const WebhookId = Schema.String.check(Schema.isPattern(/^webhook-[\w-]{1,80}$/))

const Subscribe = Schema.Struct({
  url: Schema.String.check(Schema.isMinLength(8), Schema.isMaxLength(2000)).annotate({
    description: "Địa chỉ https nhận sự kiện (the receiver's https URL)",
  }),
  eventTypes: Schema.Array(EventType)
    .check(Schema.isMinLength(1))
    .annotate({ description: "Loại sự kiện, hoặc * cho mọi loại (event types, or * for all)" }),
  secret: Schema.optionalKey(
    Schema.String.check(Schema.isMinLength(32), Schema.isMaxLength(200)).annotate({
      description: "Khóa ký HMAC; bỏ trống để hệ thống tạo (the HMAC secret; made up when absent)",
    }),
  ),
}).annotate({ identifier: "WebhookSubscribe" })

const SubscriptionView = Schema.Struct({
  id: Schema.String,
  ownerId: Schema.String,
  agencyCodes: Schema.optionalKey(Schema.Array(Schema.String)),
  url: Schema.String,
  eventTypes: Schema.Array(Schema.String),
  createdAt: Schema.String,
  consecutiveFailures: Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0)),
  disabledAt: Schema.NullOr(Schema.String),
}).annotate({ identifier: "WebhookSubscription" })

const Created = Schema.Struct({
  subscription: SubscriptionView,
  secret: Schema.String.annotate({ description: "Chỉ hiện một lần (shown once): keep it to verify deliveries" }),
}).annotate({ identifier: "WebhookCreated" })

const Attempt = Schema.Struct({
  eventId: Schema.String,
  eventType: Schema.String,
  at: Schema.String,
  ok: Schema.Boolean,
  status: Schema.NullOr(Schema.Number.check(Schema.isInt())),
  error: Schema.NullOr(Schema.String),
  durationMs: Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0)),
}).annotate({ identifier: "WebhookAttempt" })

const TestOutcome = Schema.Struct({
  ok: Schema.Boolean,
  status: Schema.NullOr(Schema.Number.check(Schema.isInt())),
  error: Schema.NullOr(Schema.String),
  disabled: Schema.Boolean,
}).annotate({ identifier: "WebhookTestOutcome" })

/** What a receiver gets (the `webhooks` section of the OpenAPI document). */
export const WebhookEventDocument = Schema.Struct({
  id: Schema.String.annotate({ description: "Mã sự kiện: nhận trùng thì bỏ qua (de-duplicate on it)" }),
  type: EventType,
  occurredAt: Schema.String,
  agencyCode: Schema.NullOr(Schema.String),
  data: Schema.Struct({
    dossierCode: Schema.String,
    procedureCode: Schema.String,
    from: Schema.String,
    to: Schema.String,
    statusCode: Schema.Number,
  }),
}).annotate({ identifier: "WebhookEvent" })

export const WEBHOOK_DOCUMENTS = [
  {
    name: "dossierEvent",
    summary: "Sự kiện hồ sơ gửi tới hệ thống đăng ký (a dossier event sent to a subscriber)",
    description:
      "POSTed as JSON to each subscription taking its type, at least once (de-duplicate on `id`). Header " +
      "`Motcua-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + '.' + body)>`: verify it over the raw " +
      "body and refuse a timestamp more than 5 minutes old (`verifyWebhookSignature` in @motcua/application does " +
      "both). Answer 2xx; anything else (redirects included) is retried with backoff, and 10 failures in a row " +
      "disable the subscription. Example check in Node: `const [t, v1] = header.split(',').map(p => p.split('=')[1]); " +
      "const ok = crypto.timingSafeEqual(Buffer.from(v1, 'hex'), crypto.createHmac('sha256', secret).update(t + '.' + body).digest()) " +
      "&& Math.abs(Date.now() / 1000 - Number(t)) < 300`.",
    schema: WebhookEventDocument,
  },
] as const

const Params = Schema.Struct({ id: WebhookId })
const MANAGE_PROBLEMS = ["unauthenticated", "forbidden", "not-found"] as const

export const webhookOperations = [
  operation({
    method: "post",
    path: "/api/v1/webhooks",
    operationId: "subscribeWebhook",
    tag: "webhooks",
    summary: "Đăng ký nhận sự kiện qua webhook (hệ thống tích hợp, quản trị tỉnh)",
    description:
      "Subscribes an https URL to event types. An integration client receives only its own authorities' " +
      "events; the province administrator receives all. The answer carries the signing secret, shown only once.",
    auth: "required",
    body: Subscribe,
    response: { status: 201, description: "Đã đăng ký", schema: Created },
    problems: ["unauthenticated", "forbidden", "unprocessable"],
    handle: ({ principal, body }, deps) =>
      runUseCase(
        deps,
        Effect.map(subscribeWebhook(principal, body, deps.webhooks), ({ secret, ...subscription }) => ({
          subscription,
          secret,
        })),
      ),
  }),
  operation({
    method: "get",
    path: "/api/v1/webhooks",
    operationId: "listWebhooks",
    tag: "webhooks",
    summary: "Danh sách đăng ký webhook",
    description: "The caller's subscriptions (all of them for the province administrator), without their secrets.",
    auth: "required",
    response: { status: 200, description: "Danh sách", schema: listOf(SubscriptionView, "WebhookSubscriptions") },
    problems: ["unauthenticated", "forbidden"],
    handle: ({ principal }, deps) => runUseCase(deps, Effect.map(listWebhooks(principal), asList)),
  }),
  operation({
    method: "post",
    path: "/api/v1/webhooks/{id}/delete",
    operationId: "removeWebhook",
    tag: "webhooks",
    summary: "Hủy đăng ký webhook",
    description: "Removes the subscription and its delivery record.",
    auth: "required",
    params: Params,
    response: { status: 200, description: "Đã hủy", schema: Schema.Struct({ removed: Schema.Boolean }) },
    problems: MANAGE_PROBLEMS,
    handle: ({ principal, params }, deps) =>
      runUseCase(deps, Effect.as(removeWebhook(principal, params.id), { removed: true })),
  }),
  operation({
    method: "post",
    path: "/api/v1/webhooks/{id}/enable",
    operationId: "enableWebhook",
    tag: "webhooks",
    summary: "Bật lại webhook đã bị tắt do lỗi liên tiếp",
    description: "Re-enables a subscription disabled after repeated failures; its failure count starts from zero.",
    auth: "required",
    params: Params,
    response: { status: 200, description: "Đã bật", schema: SubscriptionView },
    problems: MANAGE_PROBLEMS,
    handle: ({ principal, params }, deps) => runUseCase(deps, enableWebhook(principal, params.id)),
  }),
  operation({
    method: "get",
    path: "/api/v1/webhooks/{id}/attempts",
    operationId: "webhookAttempts",
    tag: "webhooks",
    summary: "Các lần gửi webhook gần nhất",
    description: "The latest 50 delivery attempts, newest first: status, error and duration of each.",
    auth: "required",
    params: Params,
    response: { status: 200, description: "Các lần gửi", schema: listOf(Attempt, "WebhookAttempts") },
    problems: MANAGE_PROBLEMS,
    handle: ({ principal, params }, deps) =>
      runUseCase(
        deps,
        Effect.map(webhookAttempts(principal, params.id), (attempts) => ({
          total: attempts.length,
          items: attempts.map(({ subscriptionId: _s, ...a }) => a),
        })),
      ),
  }),
  operation({
    method: "post",
    path: "/api/v1/webhooks/{id}/test",
    operationId: "testWebhook",
    tag: "webhooks",
    summary: "Gửi thử một sự kiện webhook",
    description: "Sends a `webhook.test` event to the subscription now (also when disabled) and answers how it went.",
    auth: "required",
    params: Params,
    response: { status: 200, description: "Kết quả gửi thử", schema: TestOutcome },
    problems: MANAGE_PROBLEMS,
    handle: ({ principal, params }, deps) =>
      runUseCase(
        deps,
        Effect.map(testWebhook(principal, params.id), ({ ok, status, error, disabled }) => ({
          ok,
          status,
          error,
          disabled,
        })),
      ),
  }),
]
