// Home pick-up and delivery by post: a citizen (for a dossier of theirs), a counter officer or a post-office agent
// (in scope) asks for an order; the charge is quoted from the deployment's tariff, the operator creates the order,
// and it is kept with its tracking number. The operator's signed tracking callbacks move it on; a failed delivery
// tells the applicant that the result went back to the centre.
import {
  applyTrackingUpdate,
  type PostalAddress,
  type PostalKind,
  type PostalOrder,
  quotePostalCharge,
  type TrackingUpdate,
} from "@motcua/domain"
import { Data, Effect, Result } from "effect"
import type { Principal } from "../authorization/principal.ts"
import { authorizeOn, loadDossier } from "../dossier/engine.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { Clock } from "../ports/clock.ts"
import { Ids } from "../ports/ids.ts"
import { Notifier } from "../ports/notifier.ts"
import { PostalOperator, PostalStore, PostalTariffs } from "../ports/postal.ts"

/** A postal request that cannot be taken (HTTP 422). */
export class PostalRefused extends Data.TaggedError("PostalRefused")<{
  readonly field: string
  readonly detail: string
}> {
  override get message(): string {
    return `không tạo được đơn bưu chính (postal order refused): ${this.detail}`
  }
}

export interface PostalOrderInput {
  readonly kind: PostalKind
  readonly address: PostalAddress
  readonly weightGrams?: number
}

/** The centre an order is tied to: the dossier's intake point, else its unit's centre, else the provincial one. */
const centreOf = Effect.fnUntraced(function* (intakePointId: string | undefined, unitCode: string | undefined) {
  const points = (yield* CatalogStore).jurisdiction.intakePoints
  return (
    points.find((p) => p.id === intakePointId && p.kind !== "post-office") ??
    points.find((p) => p.kind === "commune-centre" && p.unitCode === unitCode) ??
    points.find((p) => p.kind === "provincial-centre") ??
    points[0]
  )
})

export const requestPostalOrder = Effect.fnUntraced(function* (
  principal: Principal,
  dossierCode: string,
  input: PostalOrderInput,
) {
  const loaded = yield* loadDossier(dossierCode)
  yield* authorizeOn(principal, "postal.request", loaded)
  const { context } = loaded
  if (input.kind === "pickup" && context.acceptedAt !== undefined)
    return yield* Effect.fail(
      new PostalRefused({ field: "kind", detail: "hồ sơ đã được tiếp nhận: không còn thu gom (already taken in)" }),
    )
  const store = yield* PostalStore
  const open = (yield* store.ofDossier(dossierCode)).find(
    (o) => o.kind === input.kind && o.status !== "failed" && o.status !== "returned",
  )
  if (open !== undefined)
    return yield* Effect.fail(
      new PostalRefused({
        field: "kind",
        detail: `đã có đơn ${input.kind} đang thực hiện: ${open.id} (one is under way)`,
      }),
    )
  const centre = yield* centreOf(context.intakePointId, context.unitCode)
  if (centre === undefined)
    return yield* Effect.fail(new PostalRefused({ field: "kind", detail: "không có trung tâm nào" }))
  const { tariff, provinceCode } = yield* PostalTariffs
  const quote = quotePostalCharge(tariff, {
    kind: input.kind,
    centreUnitCode: centre.unitCode,
    centreProvinceCode: provinceCode,
    address: input.address,
    ...(input.weightGrams === undefined ? {} : { weightGrams: input.weightGrams }),
  })
  const id = yield* (yield* Ids).next("postal")
  const created = yield* (yield* PostalOperator).createOrder({
    orderId: id,
    kind: input.kind,
    dossierCode,
    centre: { name: centre.name, address: centre.address },
    address: input.address,
  })
  const order: PostalOrder = {
    id,
    dossierCode,
    kind: input.kind,
    address: input.address,
    charge: quote.amount,
    chargeBasis: quote.basis,
    status: "accepted",
    trackingNumber: created.trackingNumber,
    createdAt: yield* (yield* Clock).now,
    updates: [],
  }
  yield* store.save(order)
  return order
})

/** The postal orders of a dossier, for whoever may read the dossier. */
export const postalOrdersOf = Effect.fnUntraced(function* (principal: Principal, dossierCode: string) {
  const loaded = yield* loadDossier(dossierCode)
  yield* authorizeOn(principal, "dossier.read", loaded)
  return yield* (yield* PostalStore).ofDossier(dossierCode)
})

/**
 * A tracking callback from the operator (verified by the PostalOperator port): the order moves on; a failed delivery
 * of a result notifies the applicant (again on a repeated callback, with the same notification id, so a notice that
 * failed to go out the first time is retried by the operator's retry).
 */
export const receivePostalCallback = Effect.fnUntraced(function* (
  body: string,
  headers: Readonly<Record<string, string | undefined>>,
) {
  const { trackingNumber, update } = yield* (yield* PostalOperator).readCallback(body, headers)
  const order = yield* (yield* PostalStore).findByTracking(trackingNumber)
  if (order === undefined)
    return yield* Effect.fail(
      new PostalRefused({
        field: "trackingNumber",
        detail: `không có đơn với số hiệu ${trackingNumber} (no such order)`,
      }),
    )
  return yield* applyUpdate(order, update, { renotify: true })
})

/**
 * Asks the operator for the journey of every order still underway and applies what is new, the way a callback
 * would (callbacks get lost: polling makes sure every order ends). An update the domain refuses (backwards, a
 * delivery without a recipient) is the operator's error: it is skipped and the rest applied; an operator that does
 * not answer leaves the order for the next poll. Answers how many orders moved.
 */
export const pollPostalOrders = Effect.fnUntraced(function* (limit = 200) {
  const operator = yield* PostalOperator
  const orders = yield* (yield* PostalStore).underway(limit)
  let moved = 0
  for (const order of orders) {
    if (order.trackingNumber === null) continue
    const journey = yield* Effect.result(operator.trackingOf(order.trackingNumber))
    if (journey._tag === "Failure") {
      yield* Effect.logWarning("postal: tracking not available", { orderId: order.id, reason: journey.failure.reason })
      continue
    }
    let current = order
    for (const update of journey.success) {
      const applied = yield* Effect.result(applyUpdate(current, update, { renotify: false }))
      if (applied._tag === "Success") current = applied.success
      else yield* Effect.logWarning("postal: update skipped", { orderId: order.id, updateId: update.updateId })
    }
    if (current !== order) moved += 1
  }
  return moved
})

/**
 * One tracking update applied to an order, saved when it changes; a failed delivery of a result is notified — again
 * for a repeated callback (`renotify`: the operator's retry retries a notice that did not go out; same notification
 * id), but not for an update a poll finds already applied.
 */
const applyUpdate = (order: PostalOrder, update: TrackingUpdate, options: { readonly renotify: boolean }) =>
  Effect.gen(function* () {
    const store = yield* PostalStore
    const next = applyTrackingUpdate(order, update)
    if (Result.isFailure(next))
      return yield* Effect.fail(new PostalRefused({ field: "status", detail: next.failure.reason }))
    if (next.success !== order) yield* store.save(next.success)
    if (update.status === "failed" && order.kind === "delivery" && (options.renotify || next.success !== order)) {
      const loaded = yield* loadDossier(order.dossierCode)
      yield* (yield* Notifier).send({
        about: "postal-delivery-failed",
        channel: "sms",
        recipient: order.address.phone,
        dossierCode: order.dossierCode,
        notificationId: `postal-${order.id}-${update.updateId}`,
        data: { procedureName: loaded.procedure.name, reason: update.reason ?? null },
      })
    }
    return next.success
  })
