import { Result } from "effect"
import { describe, expect, it } from "vitest"
import {
  applyTrackingUpdate,
  type PostalOrder,
  type PostalTariff,
  quotePostalCharge,
  type TrackingUpdate,
} from "./postal.ts"

const tariff: PostalTariff = {
  pickup: { sameUnit: 15_000, sameProvince: 22_000, otherProvince: 35_000, includedGrams: 500, perExtra500g: 3_000 },
  delivery: { sameUnit: 16_000, sameProvince: 24_000, otherProvince: 38_000, includedGrams: 500, perExtra500g: 3_500 },
  source: "bảng giá mẫu",
}

describe("quotePostalCharge", () => {
  const centre = { centreUnitCode: "06685", centreProvinceCode: "22" }
  it("charges by zone and by each started 500 g over the included weight", () => {
    expect(
      quotePostalCharge(tariff, { kind: "pickup", ...centre, address: { unitCode: "06685", provinceCode: "22" } }),
    ).toMatchObject({ amount: 15_000, zone: "same-unit" })
    expect(
      quotePostalCharge(tariff, { kind: "delivery", ...centre, address: { unitCode: "06688", provinceCode: "22" } }),
    ).toMatchObject({ amount: 24_000, zone: "same-province" })
    const heavy = quotePostalCharge(tariff, {
      kind: "delivery",
      ...centre,
      address: { provinceCode: "01" },
      weightGrams: 1_200,
    })
    expect(heavy).toMatchObject({ amount: 38_000 + 2 * 3_500, zone: "other-province" })
    expect(heavy.basis).toContain("ngoài tỉnh")
    expect(
      quotePostalCharge(tariff, { kind: "pickup", ...centre, address: { provinceCode: "22" }, weightGrams: 500 })
        .amount,
    ).toBe(22_000)
  })
})

const order = (overrides: Partial<PostalOrder> = {}): PostalOrder => ({
  id: "postal-1",
  dossierCode: "000.11.50.H49-251006-0001",
  kind: "delivery",
  address: {
    recipientName: "Nguyễn Văn An",
    phone: "0912345678",
    line: "Tổ 5, khu 3",
    unitCode: "06685",
    provinceCode: "22",
  },
  charge: 16_000,
  chargeBasis: "",
  status: "accepted",
  trackingNumber: "EB123456789VN",
  createdAt: "2025-10-10T02:00:00.000Z",
  updates: [],
  ...overrides,
})
const update = (
  updateId: string,
  status: TrackingUpdate["status"],
  extra: Partial<TrackingUpdate> = {},
): TrackingUpdate => ({
  updateId,
  status,
  at: "2025-10-11T03:00:00.000Z",
  ...extra,
})
const apply = (o: PostalOrder, u: TrackingUpdate) => {
  const r = applyTrackingUpdate(o, u)
  if (Result.isFailure(r)) throw r.failure
  return r.success
}
const refusal = (o: PostalOrder, u: TrackingUpdate) => {
  const r = applyTrackingUpdate(o, u)
  return Result.isFailure(r) ? r.failure.reason : "accepted"
}

describe("applyTrackingUpdate", () => {
  it("moves forward, records who received it, and ignores a repeated update", () => {
    const transit = apply(order(), update("u1", "in-transit"))
    const delivered = apply(transit, update("u2", "delivered", { receivedBy: " Nguyễn Văn An " }))
    expect(delivered.status).toBe("delivered")
    expect(delivered.handover).toEqual({ receivedBy: "Nguyễn Văn An", at: "2025-10-11T03:00:00.000Z" })
    expect(apply(delivered, update("u2", "delivered", { receivedBy: "x" }))).toBe(delivered)
  })

  it("never moves back on a late, older update, but keeps it in the history", () => {
    const transit = apply(order(), update("u1", "in-transit"))
    const late = apply(transit, update("u0", "picked-up"))
    expect(late.status).toBe("in-transit")
    expect(late.updates.map((u) => u.updateId)).toEqual(["u1", "u0"])
  })

  it("a failed delivery may be retried and delivered, or returned to the centre", () => {
    const failed = apply(order(), update("u1", "failed", { reason: "không có người nhận" }))
    expect(failed.failure).toEqual({ reason: "không có người nhận", at: "2025-10-11T03:00:00.000Z" })
    expect(apply(failed, update("u2", "delivered", { receivedBy: "Trần Thị Bình" })).status).toBe("delivered")
    expect(apply(failed, update("u3", "returned")).status).toBe("returned")
  })

  it("refuses a delivery without a recipient, a return that did not fail, and anything after the end", () => {
    expect(refusal(order(), update("u1", "delivered"))).toMatch(/người nhận/)
    expect(refusal(order(), update("u1", "returned"))).toMatch(/chỉ hoàn trả/)
    expect(refusal(order({ status: "delivered" }), update("u9", "failed"))).toMatch(/đã kết thúc/)
    expect(refusal(order(), update("u1", "in-transit", { at: "yesterday" }))).toMatch(/thời điểm/)
  })
})
