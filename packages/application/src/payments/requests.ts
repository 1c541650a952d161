// Payment requests: what a dossier owes, asked of the citizen as a VietQR transfer to the collecting centre's own
// account (the payload carries the request's reference as bill number and purpose) or as a payment on a gateway's
// page. One open request per dossier, channel and amount: asking again while it is open gives it back.
import { createHash } from "node:crypto"
import {
  accountOf,
  amountOutstanding,
  buildVietQr,
  collectingCentre,
  describeRefusal,
  notAllowedInState,
  type PaymentChannel,
  type PaymentRequestRecord,
  paymentReferenceFrom,
  stateOf,
} from "@motcua/domain"
import { Effect, Result } from "effect"
import type { PolicyTarget } from "../authorization/policy.ts"
import { authorize } from "../authorization/policy.ts"
import type { Principal } from "../authorization/principal.ts"
import { authorizeOn, type LoadedDossier, loadDossier } from "../dossier/engine.ts"
import { targetOf } from "../dossier/target.ts"
import { Forbidden } from "../errors.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { Clock } from "../ports/clock.ts"
import { Ids } from "../ports/ids.ts"
import { PaymentGateway } from "../ports/payment-gateway.ts"
import { PaymentStore } from "../ports/payment-store.ts"
import { owedItems } from "./credit.ts"
import { PaymentRefused, PaymentsNotConfigured } from "./errors.ts"
import { PaymentSettings, type PaymentSettingsShape } from "./settings.ts"

/** The collecting centre of a loaded dossier (accounts.ts's rule), or a refusal when the deployment has none. */
export const centreOfDossier = Effect.fnUntraced(function* (loaded: LoadedDossier) {
  const catalog = yield* CatalogStore
  const centre = collectingCentre(catalog.jurisdiction, loaded.context)
  if (centre === undefined)
    return yield* Effect.fail(new PaymentsNotConfigured({ what: "no centre collects payments" }))
  return centre
})

/** The policy target of money at a centre for a dossier: the dossier's, with the collecting centre as intake point. */
export const moneyTarget = (loaded: LoadedDossier, centreId: string): PolicyTarget => ({
  ...targetOf(loaded.context),
  intakePointId: centreId,
})

/** The policy target of a centre's own ledger (held money, reconciliation). */
export const centreTarget = (centreId: string): PolicyTarget => ({ intakePointId: centreId })

export const authorizeTarget = (
  principal: Principal,
  action: Parameters<typeof authorize>[1],
  target: PolicyTarget,
) => {
  const decision = authorize(principal, action, target)
  return decision.allow
    ? Effect.succeed(decision.role)
    : Effect.fail(new Forbidden({ principalId: principal.id, action, reason: decision.reason }))
}

/** The reference of request `id`: derived from it (tries again, with a counter, if another request has it). */
const referenceFor = (id: string, attempt: number) =>
  paymentReferenceFrom(new Uint8Array(createHash("sha256").update(`${id}:${attempt}`).digest()))

/** The purpose a banking app copies into the transfer's description: the reference first (printable ASCII, ≤ 25). */
const purposeOf = (reference: string) => `${reference} NOP PHI`

export interface OpenPaymentRequestInput {
  readonly channel: PaymentChannel
}

/**
 * The channel of the payment request a filing asks for (the outbox's `payment.request`): the gateway when the
 * deployment chose it (MOTCUA_PAYMENT_CHANNEL=gateway) and one is configured; otherwise a VietQR transfer when the
 * collecting centre has an account; otherwise the gateway when one is configured; otherwise none (the dossier then
 * shows only what is owed, and the citizen pays at the counter).
 */
export const filingChannelFor = (settings: PaymentSettingsShape, centreId: string): PaymentChannel | undefined => {
  const vietqr = settings.accounts !== undefined && accountOf(settings.accounts, centreId) !== undefined
  if (settings.filingChannel === "gateway" && settings.gateway) return "gateway"
  if (vietqr) return "vietqr"
  return settings.gateway ? "gateway" : undefined
}

/**
 * A payment request for everything the loaded dossier still owes, on `channel`, to its collecting centre's account;
 * with `id` when given (the filing's request id), else a new one. An open request of the same channel and amount is
 * given back instead of a second one.
 */
const requestFor = Effect.fnUntraced(function* (loaded: LoadedDossier, channel: PaymentChannel, givenId?: string) {
  const code = loaded.record.code
  const settings = yield* PaymentSettings
  const store = yield* PaymentStore
  const state = stateOf(loaded.dossier)
  const closed = notAllowedInState(state, "paymentConfirmed")
  if (closed !== undefined)
    return yield* Effect.fail(new PaymentRefused({ reason: "state", detail: describeRefusal(closed) }))
  const amount = amountOutstanding(loaded.context)
  if (amount <= 0)
    return yield* Effect.fail(
      new PaymentRefused({ reason: "nothing-owed", detail: "Hồ sơ không còn khoản phải nộp / nothing is owed" }),
    )
  const centre = yield* centreOfDossier(loaded)
  const now = yield* (yield* Clock).now
  const open = (yield* store.requestsOf(code)).find(
    (r) =>
      r.status === "pending" &&
      r.channel === channel &&
      r.amount === amount &&
      r.centreId === centre.id &&
      Date.parse(r.expiresAt) > Date.parse(now),
  )
  if (open !== undefined) return open
  const id = givenId ?? (yield* (yield* Ids).next("payment"))
  let reference = referenceFor(id, 0)
  for (let attempt = 1; (yield* store.requestByReference(reference)) !== undefined; attempt++)
    reference = referenceFor(id, attempt)
  const items = owedItems(loaded.context)
  const ttl = channel === "vietqr" ? settings.vietqrTtlMs : settings.gatewayTtlMs
  const base = {
    id,
    reference,
    dossierCode: code,
    centreId: centre.id,
    channel,
    amount,
    items,
    status: "pending" as const,
    createdAt: now,
    expiresAt: new Date(Date.parse(now) + ttl).toISOString(),
  }
  let request: PaymentRequestRecord
  if (channel === "vietqr") {
    const account = settings.accounts === undefined ? undefined : accountOf(settings.accounts, centre.id)
    if (account === undefined)
      return yield* Effect.fail(new PaymentsNotConfigured({ what: `no account for centre ${centre.id}` }))
    const payload = buildVietQr({
      bankBin: account.bankBin,
      accountNumber: account.accountNumber,
      amount,
      billNumber: reference,
      purpose: purposeOf(reference),
    })
    if (Result.isFailure(payload))
      return yield* Effect.fail(new PaymentsNotConfigured({ what: `centre ${centre.id}: ${payload.failure.message}` }))
    request = { ...base, qrPayload: payload.success }
  } else {
    if (!settings.gateway) return yield* Effect.fail(new PaymentsNotConfigured({ what: "no payment gateway" }))
    const created = yield* (yield* PaymentGateway).createPaymentRequest({
      requestId: id,
      dossierCode: code,
      amount,
      items,
      description: `${loaded.procedure.name} - ${code}`,
      reference,
      createdAt: now,
      expiresAt: base.expiresAt,
    })
    request = { ...base, ...(created.payUrl === undefined ? {} : { payUrl: created.payUrl }) }
  }
  yield* store.addRequest(request)
  return request
})

/**
 * A payment request for everything the dossier still owes (the domain's amountOutstanding), to the collecting
 * centre's account. Refused when nothing is owed, or when the dossier's state takes no payment.
 */
export const openPaymentRequest = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  input: OpenPaymentRequestInput,
) {
  const loaded = yield* loadDossier(code)
  yield* authorizeOn(principal, "payment.create", loaded)
  return yield* requestFor(loaded, input.channel)
})

/**
 * The payment request a filing (or a financial obligation) asks for, made when the outbox relay delivers its
 * `payment.request` message: a ledger request with the message's request id, on the deployment's channel
 * (filingChannelFor). Delivered again, it finds the request it made. Nothing is made — and the message is done —
 * when no channel is configured, when the dossier owes nothing any more (paid at the counter meanwhile) or when its
 * state takes no payment; undefined then.
 */
export const openFiledPaymentRequest = Effect.fnUntraced(function* (code: string, requestId: string) {
  const store = yield* PaymentStore
  const made = yield* store.request(requestId)
  if (made !== undefined) return made
  const loaded = yield* loadDossier(code)
  const centre = collectingCentre((yield* CatalogStore).jurisdiction, loaded.context)
  if (centre === undefined) return undefined
  const channel = filingChannelFor(yield* PaymentSettings, centre.id)
  if (channel === undefined) return undefined
  return yield* requestFor(loaded, channel, requestId).pipe(
    Effect.catchTag("PaymentRefused", (refused) =>
      refused.reason === "state" || refused.reason === "nothing-owed" ? Effect.void : Effect.fail(refused),
    ),
  )
})

/** The payment requests of a dossier, for whoever may read it. */
export const paymentRequestsOf = Effect.fnUntraced(function* (principal: Principal, code: string) {
  const loaded = yield* loadDossier(code)
  yield* authorizeOn(principal, "dossier.read", loaded)
  return yield* (yield* PaymentStore).requestsOf(code)
})

/** One payment request of a dossier (its QR is drawn from it), for whoever may read the dossier. */
export const paymentRequestOf = Effect.fnUntraced(function* (principal: Principal, code: string, id: string) {
  const loaded = yield* loadDossier(code)
  yield* authorizeOn(principal, "dossier.read", loaded)
  const request = yield* (yield* PaymentStore).request(id)
  if (request === undefined || request.dossierCode !== code)
    return yield* Effect.fail(
      new PaymentRefused({
        reason: "not-found",
        detail: `Hồ sơ ${code} không có yêu cầu thanh toán ${id}`,
        field: "id",
      }),
    )
  return request
})
