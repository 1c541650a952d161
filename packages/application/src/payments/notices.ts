// Messages about payments from outside: bank transfer notices (VietQR) and gateway notices (IPN, the citizen's
// return, the re-check job's answers). Every one is recorded in the ledger's message log with what became of it:
// - unverifiable (bad signature, stale, malformed) → `rejected`, and refused (HTTP 401): the rejected log;
// - a repeat of a verified one (same channel and transaction id) → `duplicate`, nothing changes (HTTP 409);
// - verified but impossible (another dossier than its request's, an unknown request, an account of no centre)
//   → `rejected` (HTTP 422);
// - verified, but not exactly what a pending request asked at its centre's account → `held` for an officer with
//   the reason (HTTP 202): never credited by itself;
// - otherwise credited to the dossier with its confirmation and e-receipt → `confirmed`.
// A notice is credited at most once whatever arrives twice or at once: the message log takes one message per
// (channel, transaction id), the machine one payment id, the request leaves `pending` once — all in the transaction
// that credits it.
import { createHash } from "node:crypto"
import {
  centreOfAccount,
  checkAgainstRequest,
  describeRefusal,
  dossierRefused,
  type Hold,
  type MessageKind,
  type PaymentChannel,
  type PaymentMessage,
  type PaymentRequestRecord,
  type RejectReason,
  referenceInDescription,
  unknownReference,
} from "@motcua/domain"
import { Effect, Result } from "effect"
import { CatalogStore } from "../ports/catalog-store.ts"
import { Clock } from "../ports/clock.ts"
import { VersionConflict } from "../ports/errors.ts"
import { Ids } from "../ports/ids.ts"
import { PaymentGateway } from "../ports/payment-gateway.ts"
import { PaymentStore } from "../ports/payment-store.ts"
import { TransferNotices } from "../ports/transfer-notices.ts"
import { creditDossier, inTransaction, paymentsPrincipal } from "./credit.ts"
import { PaymentMessageRefused, PaymentsNotConfigured } from "./errors.ts"
import { PaymentSettings } from "./settings.ts"

/** What became of a notice that was taken (confirmed or held). */
export interface NoticeOutcome {
  readonly messageId: string
  readonly outcome: "confirmed" | "held" | "not-paid"
  readonly reason: string
  readonly detail: string
  readonly dossierCode?: string
  readonly requestId?: string
  readonly paymentId?: string
  readonly receiptId?: string
}

/** The raw message as the log keeps it: its hash and its first characters. */
export interface RawMessage {
  readonly bodyHash: string
  readonly excerpt: string
}

export const rawOf = (text: string): RawMessage => ({
  bodyHash: createHash("sha256").update(text).digest("hex"),
  excerpt: text.slice(0, 500),
})

/** Records a message refused before anything in it could be trusted (outside any transaction: it must stay). */
export const recordRejected = Effect.fnUntraced(function* (
  channel: PaymentChannel,
  kind: MessageKind,
  reason: RejectReason,
  detail: string,
  raw: RawMessage,
  about: Partial<Pick<PaymentMessage, "centreId" | "dossierCode" | "requestId" | "amount" | "key">> = {},
) {
  const id = yield* (yield* Ids).next("payment-message")
  const receivedAt = yield* (yield* Clock).now
  const message: PaymentMessage = {
    id,
    channel,
    kind,
    receivedAt,
    outcome: "rejected",
    reason,
    detail,
    ...raw,
    ...about,
  }
  // a verified message that names an unknown request keeps its key, so that its repeat is still told apart
  const added = yield* (yield* PaymentStore).addMessage(message)
  return added.recorded ? id : added.first.id
})

/** A verified payment, as the channels describe it. */
export interface Incoming {
  readonly channel: PaymentChannel
  readonly kind: MessageKind
  /** The bank's or gateway's transaction id. */
  readonly key: string
  readonly amount: number
  readonly paidAt: string
  /** The centre whose account was credited (bank notices); a gateway pays the request's centre. */
  readonly centreId?: string
  /** Where a bank notice's reference is. */
  readonly description?: string
  /** The request a gateway notice is about. */
  readonly requestId?: string
  /** The dossier a gateway notice names, when it names one. */
  readonly dossierCode?: string
  readonly raw: RawMessage
}

type Settled = NoticeOutcome | { readonly refused: PaymentMessageRefused }

const settleOnce = (incoming: Incoming) =>
  inTransaction(
    Effect.gen(function* () {
      const store = yield* PaymentStore
      const id = yield* (yield* Ids).next("payment-message")
      const receivedAt = yield* (yield* Clock).now
      const base: PaymentMessage = {
        id,
        channel: incoming.channel,
        kind: incoming.kind,
        key: incoming.key,
        receivedAt,
        outcome: "held",
        reason: "matched",
        detail: "",
        amount: incoming.amount,
        paidAt: incoming.paidAt,
        ...(incoming.centreId === undefined ? {} : { centreId: incoming.centreId }),
        ...(incoming.description === undefined ? {} : { description: incoming.description }),
        ...(incoming.requestId === undefined ? {} : { requestId: incoming.requestId }),
        ...incoming.raw,
      }
      const added = yield* store.addMessage(base)
      if (!added.recorded) {
        // the repeat is logged too (without the key, which the first one holds)
        const { key: _, ...unkeyed } = base
        const detail = `Đã nhận thông báo này (${added.first.id}, ${added.first.outcome}) / a repeat of ${added.first.id}`
        yield* store.addMessage({ ...unkeyed, outcome: "duplicate", reason: "repeat", detail })
        return {
          refused: new PaymentMessageRefused({ messageId: id, outcome: "duplicate", reason: "repeat", detail }),
        } satisfies Settled
      }
      const finish = (message: PaymentMessage) => Effect.as(store.updateMessage(message), message)
      const reject = (reason: RejectReason, detail: string, about: Partial<PaymentMessage> = {}) =>
        Effect.map(
          finish({ ...base, ...about, outcome: "rejected", reason, detail }),
          (m): Settled => ({
            refused: new PaymentMessageRefused({ messageId: m.id, outcome: "rejected", reason, detail }),
          }),
        )
      const hold = (h: Hold, request: PaymentRequestRecord | undefined) =>
        Effect.map(
          finish({
            ...base,
            outcome: "held",
            reason: h.reason,
            detail: h.detail,
            ...(request === undefined
              ? {}
              : {
                  requestId: request.id,
                  dossierCode: request.dossierCode,
                  centreId: base.centreId ?? request.centreId,
                }),
          }),
          (m): Settled => ({
            messageId: m.id,
            outcome: "held",
            reason: h.reason,
            detail: h.detail,
            ...(m.dossierCode === undefined ? {} : { dossierCode: m.dossierCode }),
            ...(m.requestId === undefined ? {} : { requestId: m.requestId }),
          }),
        )
      let request: PaymentRequestRecord | undefined
      if (incoming.requestId !== undefined) {
        request = yield* store.request(incoming.requestId)
        if (request === undefined)
          return yield* reject(
            "unknown-request",
            `Không có yêu cầu thanh toán ${incoming.requestId} / no such payment request`,
          )
        if (incoming.dossierCode !== undefined && incoming.dossierCode !== request.dossierCode)
          return yield* reject(
            "wrong-dossier",
            `Thông báo ghi hồ sơ ${incoming.dossierCode}, yêu cầu ${request.id} thuộc hồ sơ ${request.dossierCode} / the notice names another dossier`,
            { centreId: request.centreId, requestId: request.id },
          )
      } else {
        const found = referenceInDescription(incoming.description ?? "")
        if ("hold" in found) return yield* hold(found.hold, undefined)
        request = yield* store.requestByReference(found.reference)
        if (request === undefined) return yield* hold(unknownReference(found.reference), undefined)
      }
      const centreId = incoming.centreId ?? request.centreId
      const mismatch = checkAgainstRequest(request, { amount: incoming.amount, centreId })
      if (mismatch !== undefined) return yield* hold(mismatch, request)
      const catalog = yield* CatalogStore
      const paymentId = `${incoming.channel}:${incoming.key}`
      const credited = yield* Effect.result(
        creditDossier(
          paymentsPrincipal(catalog.jurisdiction.agencies.map((a) => a.code)),
          "dossier.confirmPaymentCallback",
          request.dossierCode,
          {
            paymentId,
            amount: incoming.amount,
            paidAt: incoming.paidAt,
            channel: incoming.channel,
            requestId: request.id,
            externalId: incoming.key,
            messageId: id,
          },
        ),
      )
      if (Result.isFailure(credited)) {
        const error = credited.failure
        if (error._tag === "ActionRefused") return yield* hold(dossierRefused(describeRefusal(error.reason)), request)
        return yield* Effect.fail(error)
      }
      const { receipt } = credited.success
      const detail = `Đã ghi nhận thanh toán cho hồ sơ ${request.dossierCode} / credited to ${request.dossierCode}`
      yield* finish({
        ...base,
        centreId,
        outcome: "confirmed",
        reason: "matched",
        detail,
        dossierCode: request.dossierCode,
        requestId: request.id,
      })
      return {
        messageId: id,
        outcome: "confirmed",
        reason: "matched",
        detail,
        dossierCode: request.dossierCode,
        requestId: request.id,
        paymentId,
        ...(receipt === undefined ? {} : { receiptId: receipt.id }),
      } satisfies Settled
    }),
  )

/**
 * Settles a verified payment (see the module's comment). A dossier changed by someone else meanwhile (a version
 * conflict) is tried again, a few times.
 */
export const settle = (incoming: Incoming) =>
  settleOnce(incoming).pipe(
    Effect.retry({ times: 4, while: (e) => e instanceof VersionConflict }),
    Effect.flatMap((s) => ("refused" in s ? Effect.fail(s.refused) : Effect.succeed(s))),
  )

/** A bank's transfer notice, as received: verified by TransferNotices, then settled against its reference. */
export const receiveTransferNotice = Effect.fnUntraced(function* (
  body: string,
  headers: Readonly<Record<string, string | undefined>>,
) {
  const raw = rawOf(body)
  const read = yield* Effect.result((yield* TransferNotices).read(body, headers))
  if (Result.isFailure(read)) {
    const e = read.failure
    yield* recordRejected("vietqr", "transfer-notice", e.code ?? "bad-signature", e.reason, raw)
    return yield* Effect.fail(e)
  }
  const notice = read.success
  const { accounts } = yield* PaymentSettings
  if (accounts === undefined) return yield* Effect.fail(new PaymentsNotConfigured({ what: "no centre accounts" }))
  const centre = centreOfAccount(accounts, notice.accountNumber, notice.bankBin)
  if (centre === undefined) {
    const detail = `Tài khoản ${notice.accountNumber} không phải tài khoản thu của trung tâm nào / not a centre's account`
    const messageId = yield* recordRejected("vietqr", "transfer-notice", "unknown-account", detail, raw, {
      amount: notice.amount,
      key: notice.transactionId,
    })
    return yield* Effect.fail(
      new PaymentMessageRefused({ messageId, outcome: "rejected", reason: "unknown-account", detail }),
    )
  }
  return yield* settle({
    channel: "vietqr",
    kind: "transfer-notice",
    key: notice.transactionId,
    amount: notice.amount,
    paidAt: notice.creditedAt,
    centreId: centre.centreId,
    description: notice.description,
    raw,
  })
})

/**
 * A gateway's notice (`gateway-notice`: the server-to-server IPN; `gateway-return`: the citizen's browser coming
 * back), as its parameters: verified by the PaymentGateway port, then settled against its request. A notice of a
 * payment that did not go through marks the request failed and credits nothing.
 */
export const receiveGatewayNotice = Effect.fnUntraced(function* (
  params: Readonly<Record<string, string>>,
  kind: "gateway-notice" | "gateway-return",
) {
  const raw = rawOf(new URLSearchParams(Object.entries(params)).toString())
  const read = yield* Effect.result((yield* PaymentGateway).readNotice(params))
  if (Result.isFailure(read)) {
    const e = read.failure
    yield* recordRejected("gateway", kind, e.code ?? "bad-signature", e.reason, raw)
    return yield* Effect.fail(e)
  }
  const notice = read.success
  if (!notice.paid) {
    const store = yield* PaymentStore
    const request = yield* store.request(notice.requestId)
    const detail = `Giao dịch không thành công (mã ${notice.gatewayCode ?? "?"}) / the payment did not go through`
    const messageId = yield* recordRejected("gateway", kind, "not-paid", detail, raw, {
      key: notice.transactionId,
      amount: notice.amount,
      requestId: notice.requestId,
      ...(request === undefined ? {} : { centreId: request.centreId, dossierCode: request.dossierCode }),
    })
    if (request?.status === "pending")
      yield* store.updateRequest({ ...request, status: "failed", closedReason: detail }, "pending")
    return {
      messageId,
      outcome: "not-paid",
      reason: "not-paid",
      detail,
      requestId: notice.requestId,
      ...(request === undefined ? {} : { dossierCode: request.dossierCode }),
    } satisfies NoticeOutcome
  }
  return yield* settle({
    channel: "gateway",
    kind,
    key: notice.transactionId,
    amount: notice.amount,
    paidAt: notice.paidAt,
    requestId: notice.requestId,
    ...(notice.dossierCode === undefined ? {} : { dossierCode: notice.dossierCode }),
    raw,
  })
})
