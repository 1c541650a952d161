// The outbox for the province administrator: which messages wait, which were given up on (dead) and why, retrying
// them once the cause is fixed, and the relay's backlog. The same as `motcua outbox list|retry`. Rows come without
// their payload (it may carry the applicant's personal data).
import { listOutbox, outboxBacklog, outboxStatuses, retryOutbox } from "@motcua/application"
import { Effect, Schema } from "effect"
import type { ApiDeps } from "../deps.ts"
import { defineOperation } from "../operation.ts"
import { runUseCase } from "./run.ts"

const operation = defineOperation<ApiDeps>()

const Status = Schema.Literals(outboxStatuses)
const RowId = Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(1))

const OutboxRow = Schema.Struct({
  id: RowId,
  topic: Schema.String,
  dossierCode: Schema.NullOr(Schema.String),
  status: Status,
  attempts: Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0)),
  lastError: Schema.NullOr(Schema.String),
  createdAt: Schema.String,
  availableAt: Schema.String,
  completedAt: Schema.NullOr(Schema.String),
  claimedBy: Schema.NullOr(Schema.String),
  orderingKey: Schema.NullOr(Schema.String),
}).annotate({ identifier: "OutboxRow" })

const Backlog = Schema.Struct({
  lagMs: Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0)),
  oldestDueAt: Schema.NullOr(Schema.String),
  pending: Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0)),
  claimed: Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0)),
  dead: Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0)),
}).annotate({ identifier: "OutboxBacklog" })

const Listing = Schema.Struct({
  total: Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0)),
  items: Schema.Array(OutboxRow),
  backlog: Backlog,
}).annotate({ identifier: "OutboxListing" })

const Retry = Schema.Union([
  Schema.Struct({ ids: Schema.Array(RowId).check(Schema.isMinLength(1), Schema.isMaxLength(1000)) }),
  Schema.Struct({ allDead: Schema.Literal(true) }),
]).annotate({
  identifier: "OutboxRetry",
  description: "Các hàng cần gửi lại, hoặc mọi hàng đã bỏ cuộc (ids, or all dead)",
})

export const outboxOperations = [
  operation({
    method: "get",
    path: "/api/v1/admin/outbox",
    operationId: "listOutbox",
    tag: "operations",
    summary: "Hàng đợi gửi đi: đồng bộ Cổng DVCQG, thông báo, thanh toán (quản trị tỉnh)",
    description:
      "Outbox rows by id (status, topic, dossier filters; `after` the last id of the previous page), with their " +
      "attempts and last error but never their payload, and the relay's backlog and lag. Province administrator only.",
    auth: "required",
    query: Schema.Struct({
      status: Schema.optionalKey(Status),
      topic: Schema.optionalKey(Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(100))),
      dossierCode: Schema.optionalKey(Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(100))),
      after: Schema.optionalKey(Schema.NumberFromString.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0))),
      limit: Schema.optionalKey(
        Schema.NumberFromString.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 500 })),
      ),
    }),
    response: { status: 200, description: "Các hàng", schema: Listing },
    problems: ["unauthenticated", "forbidden"],
    handle: ({ principal, query }, deps) =>
      runUseCase(
        deps,
        Effect.gen(function* () {
          const items = yield* listOutbox(principal, {
            limit: query.limit ?? 100,
            ...(query.status === undefined ? {} : { status: query.status }),
            ...(query.topic === undefined ? {} : { topic: query.topic }),
            ...(query.dossierCode === undefined ? {} : { dossierCode: query.dossierCode }),
            ...(query.after === undefined ? {} : { afterId: query.after }),
          })
          const backlog = yield* outboxBacklog(principal)
          return { total: items.length, items: [...items], backlog }
        }),
      ),
  }),
  operation({
    method: "post",
    path: "/api/v1/admin/outbox/retry",
    operationId: "retryOutbox",
    tag: "operations",
    summary: "Gửi lại các hàng đã bỏ cuộc (quản trị tỉnh)",
    description:
      "Offers dead rows again from now, attempts counted from zero: the ids given (rows that are not dead are left " +
      "alone), or every dead row with `allDead: true`. Answers the ids retried.",
    auth: "required",
    body: Retry,
    response: {
      status: 200,
      description: "Đã đưa lại vào hàng đợi",
      schema: Schema.Struct({ retried: Schema.Array(RowId) }).annotate({ identifier: "OutboxRetried" }),
    },
    problems: ["unauthenticated", "forbidden", "unprocessable"],
    handle: ({ principal, body }, deps) =>
      runUseCase(
        deps,
        Effect.map(retryOutbox(principal, "ids" in body ? body.ids : "all"), (retried) => ({ retried: [...retried] })),
      ),
  }),
]
