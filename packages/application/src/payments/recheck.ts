// The re-check job: a gateway request still pending some time after it was made (15 minutes by default) is asked
// about — the gateway's notice may have been lost — and credited, failed or left; any request past its expiry is
// expired (a payment that still arrives for it is held for an officer, never credited by itself).
import { Effect, Result } from "effect"
import { Clock } from "../ports/clock.ts"
import { PaymentGateway } from "../ports/payment-gateway.ts"
import { PaymentStore } from "../ports/payment-store.ts"
import { rawOf, settle } from "./notices.ts"
import { PaymentSettings } from "./settings.ts"

export interface RecheckReport {
  readonly checked: number
  readonly paid: number
  readonly failed: number
  readonly expired: number
  /** Requests the gateway could not be asked about (asked again next time). */
  readonly errors: ReadonlyArray<{ readonly requestId: string; readonly error: string }>
}

export const recheckPendingPayments = Effect.fnUntraced(function* (options: { readonly limit?: number } = {}) {
  const store = yield* PaymentStore
  const gateway = yield* PaymentGateway
  const settings = yield* PaymentSettings
  const now = yield* (yield* Clock).now
  const nowMs = Date.parse(now)
  const due = yield* store.pendingRequests({
    createdBefore: new Date(nowMs - settings.recheckAfterMs).toISOString(),
    limit: options.limit ?? 200,
  })
  let checked = 0
  let paid = 0
  let failed = 0
  let expired = 0
  const errors: Array<{ requestId: string; error: string }> = []
  for (const request of due) {
    const past = Date.parse(request.expiresAt) <= nowMs
    if (request.channel === "gateway") {
      checked++
      const status = yield* Effect.result(
        gateway.queryStatus({ requestId: request.id, createdAt: request.createdAt, amount: request.amount }),
      )
      if (Result.isFailure(status)) {
        errors.push({ requestId: request.id, error: status.failure.message })
        continue
      }
      const answer = status.success
      if (answer.status === "paid") {
        const settled = yield* Effect.result(
          settle({
            channel: "gateway",
            kind: "gateway-query",
            key: answer.transactionId,
            amount: answer.amount,
            paidAt: answer.paidAt,
            requestId: request.id,
            raw: rawOf(JSON.stringify({ requestId: request.id, ...answer })),
          }),
        )
        if (Result.isSuccess(settled) && settled.success.outcome === "confirmed") paid++
        else if (Result.isFailure(settled) && settled.failure._tag !== "PaymentMessageRefused")
          errors.push({ requestId: request.id, error: String(settled.failure) })
        continue
      }
      if (answer.status === "failed") {
        if (
          yield* store.updateRequest(
            { ...request, status: "failed", closedReason: answer.reason, checkedAt: now },
            "pending",
          )
        )
          failed++
        continue
      }
      if (!past) {
        yield* store.updateRequest({ ...request, checkedAt: now }, "pending")
        continue
      }
    }
    if (past) {
      const closedReason = "Hết hạn mà chưa thanh toán / expired unpaid"
      if (yield* store.updateRequest({ ...request, status: "expired", closedReason }, "pending")) expired++
    }
  }
  return { checked, paid, failed, expired, errors } satisfies RecheckReport
})
