// Papers picked up at home and results delivered by post (the pilot's third channel, Decision 468/QĐ-TTg's
// "dịch vụ bưu chính công ích"): a postal order per pick-up or delivery, its charge quoted from the deployment's
// tariff (a separate item from the procedure's fees), and its life from the operator's tracking updates, down to who
// received it. Pure: the operator's HTTP API is an adapter; this module only says what an update means.
import { Data, Result, Schema } from "effect"

export type PostalKind = "pickup" | "delivery"

export interface PostalAddress {
  readonly recipientName: string
  readonly phone: string
  /** House number, street, hamlet… as the carrier reads it. */
  readonly line: string
  /** The commune-level unit (5 digits) when in a known province. */
  readonly unitCode?: string
  /** The province code (2 digits). */
  readonly provinceCode: string
}

const Dong = Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0))

/** The charge per zone for one kind of order, in whole đồng, up to `includedGrams`, plus a step per extra 500 g. */
export const PostalRates = Schema.Struct({
  sameUnit: Dong,
  sameProvince: Dong,
  otherProvince: Dong,
  includedGrams: Dong,
  perExtra500g: Dong,
})
export type PostalRates = typeof PostalRates.Type

/** The deployment's postal tariff (data the province publishes, e.g. catalog-quangninh's postal-tariff.json). */
export const PostalTariff = Schema.Struct({
  pickup: PostalRates,
  delivery: PostalRates,
  /** Where the tariff comes from (the operator's published price list, the province's decision). */
  source: Schema.String.check(Schema.isMinLength(1)),
  /** Set while the amounts are samples that could not be sourced. */
  unverified: Schema.optionalKey(Schema.String),
})
export type PostalTariff = typeof PostalTariff.Type

export type PostalZone = "same-unit" | "same-province" | "other-province"

export interface PostalQuote {
  readonly amount: number
  readonly zone: PostalZone
  /** Vietnamese, then English. */
  readonly basis: string
}

/** The charge of an order from the centre's unit to the address (or from the address to the centre). */
export function quotePostalCharge(
  tariff: PostalTariff,
  order: {
    readonly kind: PostalKind
    readonly centreUnitCode: string
    readonly centreProvinceCode: string
    readonly address: Pick<PostalAddress, "unitCode" | "provinceCode">
    readonly weightGrams?: number
  },
): PostalQuote {
  const rates = tariff[order.kind]
  const zone: PostalZone =
    order.address.provinceCode !== order.centreProvinceCode
      ? "other-province"
      : order.address.unitCode === order.centreUnitCode
        ? "same-unit"
        : "same-province"
  const base =
    zone === "same-unit" ? rates.sameUnit : zone === "same-province" ? rates.sameProvince : rates.otherProvince
  const extraSteps = Math.max(0, Math.ceil(((order.weightGrams ?? 0) - rates.includedGrams) / 500))
  const amount = base + extraSteps * rates.perExtra500g
  const zoneText = { "same-unit": "cùng xã, phường", "same-province": "trong tỉnh", "other-province": "ngoài tỉnh" }[
    zone
  ]
  return {
    amount,
    zone,
    basis:
      `Cước ${order.kind === "pickup" ? "thu gom hồ sơ" : "chuyển trả kết quả"} ${zoneText}: ${base} đồng` +
      (extraSteps > 0 ? ` + ${extraSteps} × ${rates.perExtra500g} đồng (mỗi 500 g vượt)` : "") +
      ` (${tariff.source}) / postal ${order.kind} charge, ${zone}`,
  }
}

export type PostalStatus = "created" | "accepted" | "picked-up" | "in-transit" | "delivered" | "failed" | "returned"

export interface TrackingUpdate {
  /** The operator's id of this update: the same update received twice changes nothing. */
  readonly updateId: string
  readonly status: Exclude<PostalStatus, "created">
  readonly at: string
  /** Who took the parcel (delivered): the name the carrier wrote down. */
  readonly receivedBy?: string
  /** Why it failed (nobody home, refused, wrong address…). */
  readonly reason?: string
}

export interface PostalOrder {
  readonly id: string
  readonly dossierCode: string
  readonly kind: PostalKind
  readonly address: PostalAddress
  readonly charge: number
  readonly chargeBasis: string
  readonly status: PostalStatus
  readonly trackingNumber: string | null
  readonly createdAt: string
  readonly updates: ReadonlyArray<TrackingUpdate>
  /** Who received it, and when (the hand-over the centre may have to prove). */
  readonly handover?: { readonly receivedBy: string; readonly at: string }
  readonly failure?: { readonly reason: string; readonly at: string }
}

export class PostalUpdateRefused extends Data.TaggedError("PostalUpdateRefused")<{
  readonly orderId: string
  readonly reason: string
}> {
  override get message(): string {
    return `cập nhật bưu chính không hợp lệ cho đơn ${this.orderId}: ${this.reason}`
  }
}

/** How far along each status is; an update never moves an order back. */
const RANK: Readonly<Record<PostalStatus, number>> = {
  created: 0,
  accepted: 1,
  "picked-up": 2,
  "in-transit": 3,
  delivered: 4,
  failed: 4,
  returned: 5,
}
const FINAL: ReadonlySet<PostalStatus> = new Set(["delivered", "returned"])

/**
 * The order after a tracking update: recorded once (by updateId); the status moves forward only (a late, older
 * update is kept in the history without moving it back); `delivered` needs who received it; after `delivered` or
 * `returned` nothing but a repeat is accepted; `returned` only after `failed`.
 */
export function applyTrackingUpdate(
  order: PostalOrder,
  update: TrackingUpdate,
): Result.Result<PostalOrder, PostalUpdateRefused> {
  const refuse = (reason: string) => Result.fail(new PostalUpdateRefused({ orderId: order.id, reason }))
  if (order.updates.some((u) => u.updateId === update.updateId)) return Result.succeed(order)
  if (FINAL.has(order.status)) return refuse(`đơn đã kết thúc (${order.status}) / the order has ended`)
  if (update.status === "delivered" && (update.receivedBy === undefined || update.receivedBy.trim() === ""))
    return refuse("giao thành công phải có người nhận (a delivery needs who received it)")
  if (update.status === "returned" && order.status !== "failed")
    return refuse("chỉ hoàn trả sau khi giao không thành công (returned only after a failed delivery)")
  if (Number.isNaN(Date.parse(update.at))) return refuse(`thời điểm không hợp lệ: ${update.at}`)
  const updates = [...order.updates, update]
  if (
    RANK[update.status] < RANK[order.status] ||
    (RANK[update.status] === RANK[order.status] && update.status !== order.status && order.status !== "failed")
  )
    return Result.succeed({ ...order, updates })
  return Result.succeed({
    ...order,
    updates,
    status: update.status,
    ...(update.status === "delivered"
      ? { handover: { receivedBy: (update.receivedBy ?? "").trim(), at: update.at } }
      : {}),
    ...(update.status === "failed"
      ? { failure: { reason: update.reason ?? "không rõ (unknown)", at: update.at } }
      : {}),
  })
}
