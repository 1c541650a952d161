// Home pick-up and delivery by post: a citizen (their dossier), a counter officer or a post-office agent asks for a
// postal order; anyone who may read the dossier lists its orders; the operator's signed tracking callbacks move them.
import { postalOrdersOf, receivePostalCallback, requestPostalOrder } from "@motcua/application"
import { DossierCode } from "@motcua/domain"
import { Effect, Schema } from "effect"
import type { ApiDeps } from "../deps.ts"
import { defineOperation } from "../operation.ts"
import { runUseCase } from "./run.ts"
import { asList, listOf } from "./shared.ts"

const operation = defineOperation<ApiDeps>()

const Text = (max: number) => Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(max))

const Address = Schema.Struct({
  recipientName: Text(200),
  phone: Schema.String.check(Schema.isPattern(/^\+?[\d .-]{9,15}$/)).annotate({
    description: "Số điện thoại người nhận",
  }),
  line: Text(500).annotate({ description: "Số nhà, đường, thôn, tổ… (street address)" }),
  unitCode: Schema.optionalKey(Schema.String.check(Schema.isPattern(/^\d{5}$/))),
  provinceCode: Schema.String.check(Schema.isPattern(/^\d{2}$/)),
}).annotate({ identifier: "PostalAddress" })

const PostalOrderRequest = Schema.Struct({
  kind: Schema.Literals(["pickup", "delivery"]).annotate({
    description: "pickup: thu gom hồ sơ tại nhà; delivery: chuyển trả kết quả tại nhà",
  }),
  address: Address,
  weightGrams: Schema.optionalKey(
    Schema.Number.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 30_000 })),
  ),
}).annotate({ identifier: "PostalOrderRequest" })

const PostalOrderDocument = Schema.Struct({
  id: Schema.String,
  dossierCode: Schema.String,
  kind: Schema.String,
  address: Address,
  charge: Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0)).annotate({
    description: "Cước bưu chính (đồng): khoản riêng, ngoài phí, lệ phí của thủ tục",
  }),
  chargeBasis: Schema.String,
  status: Schema.Literals(["created", "accepted", "picked-up", "in-transit", "delivered", "failed", "returned"]),
  trackingNumber: Schema.NullOr(Schema.String),
  createdAt: Schema.String,
  updates: Schema.Array(Schema.Unknown),
  handover: Schema.optionalKey(Schema.Struct({ receivedBy: Schema.String, at: Schema.String })),
  failure: Schema.optionalKey(Schema.Struct({ reason: Schema.String, at: Schema.String })),
}).annotate({ identifier: "PostalOrder" })

const TrackingCallback = Schema.Struct({
  trackingNumber: Text(100),
  updateId: Text(200),
  status: Text(40),
  at: Text(40),
  receivedBy: Schema.optionalKey(Text(200)),
  reason: Schema.optionalKey(Text(500)),
}).annotate({ identifier: "PostalTrackingCallback" })

const Params = Schema.Struct({ code: DossierCode })

export const postalOperations = [
  operation({
    method: "post",
    path: "/api/v1/dossiers/{code}/postal-orders",
    operationId: "requestPostalOrder",
    tag: "postal",
    summary: "Đề nghị thu gom hồ sơ hoặc chuyển trả kết quả tại nhà qua bưu chính",
    description:
      "A pick-up (before intake) or delivery order for the dossier: the charge is quoted from the deployment's " +
      "postal tariff (a separate item, not a procedure fee) and the postal operator creates the order.",
    auth: "required",
    params: Params,
    body: PostalOrderRequest,
    response: { status: 201, description: "Đơn bưu chính", schema: PostalOrderDocument },
    problems: ["unauthenticated", "forbidden", "not-found", "unprocessable", "unavailable"],
    handle: ({ principal, params, body }, deps) => runUseCase(deps, requestPostalOrder(principal, params.code, body)),
  }),
  operation({
    method: "get",
    path: "/api/v1/dossiers/{code}/postal-orders",
    operationId: "postalOrdersOfDossier",
    tag: "postal",
    summary: "Các đơn bưu chính của hồ sơ, với hành trình và người nhận",
    description: "The dossier's postal orders with their tracking history and hand-over.",
    auth: "required",
    params: Params,
    response: { status: 200, description: "Các đơn", schema: listOf(PostalOrderDocument, "PostalOrders") },
    problems: ["unauthenticated", "forbidden", "not-found"],
    handle: ({ principal, params }, deps) =>
      runUseCase(deps, Effect.map(postalOrdersOf(principal, params.code), asList)),
  }),
  operation({
    method: "post",
    path: "/api/v1/postal/callback",
    operationId: "postalCallback",
    tag: "postal",
    summary: "Bưu chính báo hành trình bưu gửi (có chữ ký)",
    description:
      "The postal operator's tracking update, signed: `x-postal-timestamp` (unix seconds) and `x-postal-signature` " +
      "(hex HMAC-SHA256 of timestamp + '.' + the raw body with the callback secret). Unsigned, stale, altered or " +
      "unknown updates are refused and change nothing; a repeated one changes nothing.",
    body: TrackingCallback,
    response: {
      status: 200,
      description: "Đã ghi nhận",
      schema: Schema.Struct({ orderId: Schema.String, status: Schema.String }),
    },
    problems: ["unauthenticated", "unprocessable", "unavailable"],
    handle: ({ rawBody, header }, deps) =>
      runUseCase(
        deps,
        Effect.map(
          receivePostalCallback(rawBody ?? "", {
            "x-postal-timestamp": header("x-postal-timestamp"),
            "x-postal-signature": header("x-postal-signature"),
          }),
          (order) => ({ orderId: order.id, status: order.status }),
        ),
      ),
  }),
]
