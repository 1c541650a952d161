// Builds small, valid procedures around the fee items a test is about.
import type { FeeItem, Procedure, Variant } from "../catalogue/schema.ts"

export function feeItem(overrides: Partial<FeeItem> & Pick<FeeItem, "id" | "amount">): FeeItem {
  return {
    kind: "charge",
    name: `Lệ phí ${overrides.id}`,
    exemptions: [],
    due: "at-intake",
    refund: { onRefusal: false, onWithdrawal: false },
    legalBasis: "Thông tư 85/2019/TT-BTC",
    ...overrides,
  }
}

export function procedureWithFees(
  fees: ReadonlyArray<FeeItem>,
  options: { channels?: Procedure["channels"]; variants?: ReadonlyArray<Variant> } = {},
): Procedure {
  return {
    code: "1.004222",
    name: "Đăng ký thường trú",
    field: { code: "residence", name: "Đăng ký, quản lý cư trú" },
    levels: ["commune"],
    authority: {
      level: "commune",
      agencyKind: "commune-police",
      title: "Trưởng Công an cấp xã",
      territorialBasis: "applicant-residence",
      requiresResidenceInProvince: false,
    },
    statutoryTime: { amount: 7, unit: "working-days" },
    provincialTime: { amount: 7, unit: "working-days" },
    onlineService: "full",
    channels: options.channels ?? ["counter", "online", "post"],
    boundaryFree: false,
    documents: [],
    fees,
    process: [
      {
        id: "s1",
        name: "Tiếp nhận",
        role: "counter-officer",
        unit: "Bộ phận Một cửa",
        allowance: { amount: 7, unit: "working-days" },
      },
    ],
    result: { name: "Thông báo", form: "electronic", signatureRequired: true },
    variants: options.variants ?? [],
    effectiveFrom: "2025-07-01",
    publishedBy: "Quyết định test",
    legalBasis: ["Luật Cư trú 2020"],
  }
}
