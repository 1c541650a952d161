// The payment gateway's callback: an integration client (API key) relays the gateway's "paid" notice; the
// PaymentGateway port verifies it (401 when it does not) and the payment is confirmed once per gateway payment id
// (the use case's idempotency). An Idempotency-Key header, when sent, is honoured too: a retry with the same key
// and body gets the first answer, the same key with another body is 422.
import { confirmPaymentCallback, onceFor } from "@motcua/application"
import { Schema } from "effect"
import type { ApiDeps } from "../deps.ts"
import { defineOperation } from "../operation.ts"
import { DossierView } from "./dossiers.ts"
import { runUseCase } from "./run.ts"

const operation = defineOperation<ApiDeps>()

const Field = Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(500))

export const PaymentCallback = Schema.Struct({
  signature: Field.annotate({ description: "Chữ ký của cổng thanh toán trên thông báo" }),
  paymentId: Field.annotate({ description: "Mã giao dịch của cổng thanh toán (khóa chống lặp của xác nhận)" }),
  dossierCode: Field,
  amount: Schema.Number.check(Schema.isInt(), Schema.isGreaterThan(0)),
  paidAt: Field,
}).annotate({ identifier: "PaymentCallback" })

export const paymentOperations = [
  operation({
    method: "post",
    path: "/api/v1/payments/callback",
    operationId: "paymentCallback",
    tag: "payments",
    summary: "Cổng thanh toán báo đã thanh toán (hệ thống tích hợp, khóa API)",
    description:
      "The payment gateway's 'paid' callback, relayed by an integration client with an API key. Verified by the " +
      "PaymentGateway port; confirmed once per gateway payment id; an Idempotency-Key is honoured when sent.",
    auth: "api-key",
    idempotencyKey: "optional",
    body: PaymentCallback,
    response: { status: 200, description: "Hồ sơ sau xác nhận", schema: DossierView },
    problems: ["unauthenticated", "forbidden", "not-found", "conflict", "unprocessable", "unsupported-media-type"],
    handle: ({ principal, body, idempotencyKey }, deps) =>
      runUseCase(
        deps,
        idempotencyKey === undefined
          ? confirmPaymentCallback(principal, body)
          : onceFor(
              `payment.callback.key/${principal.id}`,
              idempotencyKey,
              body,
              confirmPaymentCallback(principal, body),
            ),
      ),
  }),
]
