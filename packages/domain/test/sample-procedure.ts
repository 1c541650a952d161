// A small valid procedure for domain tests: permanent residence registration at commune level, with the residence
// charge that is cheaper online (Circular 75/2022/TT-BTC). Tests derive invalid variants from it.
import type { Procedure } from "../src/catalogue/schema.ts"

export const sampleProcedure = (): Procedure => ({
  code: "1.004222",
  name: "Đăng ký thường trú",
  nameEn: "Permanent residence registration",
  field: { code: "residence", name: "Cư trú", nameEn: "Residence" },
  levels: ["commune"],
  authority: {
    level: "commune",
    agencyKind: "commune-police",
    title: "Trưởng Công an cấp xã",
    territorialBasis: "applicant-residence",
    requiresResidenceInProvince: false,
  },
  statutoryTime: { amount: 7, unit: "working-days" },
  provincialTime: { amount: 5, unit: "working-days" },
  onlineService: "full",
  channels: ["counter", "online", "post"],
  boundaryFree: false,
  documents: [
    {
      id: "form-ct01",
      name: "Tờ khai thay đổi thông tin cư trú (CT01)",
      mandatory: true,
      originals: 1,
      copies: 0,
      fromEWallet: false,
    },
    {
      id: "proof-of-residence",
      name: "Giấy tờ chứng minh chỗ ở hợp pháp",
      mandatory: true,
      originals: 0,
      copies: 1,
      fromEWallet: true,
    },
  ],
  fees: [
    {
      id: "residence-charge",
      kind: "charge",
      name: "Lệ phí đăng ký cư trú",
      amount: { type: "flat", amount: 20000 },
      byChannel: [{ channel: "online", amount: { type: "flat", amount: 10000 } }],
      exemptions: [
        { category: "poor-household", reductionPercent: 100, legalBasis: "Thông tư 75/2022/TT-BTC, Điều 4" },
      ],
      due: "at-intake",
      refund: { onRefusal: true, onWithdrawal: false },
      legalBasis: "Thông tư 75/2022/TT-BTC",
    },
  ],
  process: [
    {
      id: "receive",
      name: "Tiếp nhận hồ sơ",
      role: "counter-officer",
      unit: "Bộ phận Một cửa",
      allowance: { amount: 4, unit: "working-hours" },
    },
    {
      id: "appraise",
      name: "Thẩm định hồ sơ",
      role: "specialist",
      unit: "Công an cấp xã",
      allowance: { amount: 3, unit: "working-days" },
    },
    {
      id: "approve",
      name: "Phê duyệt",
      role: "authority-leader",
      unit: "Công an cấp xã",
      allowance: { amount: 1, unit: "working-days" },
    },
    {
      id: "return",
      name: "Trả kết quả",
      role: "counter-officer",
      unit: "Bộ phận Một cửa",
      allowance: { amount: 4, unit: "working-hours" },
    },
  ],
  result: { name: "Thông báo kết quả đăng ký cư trú", form: "electronic", signatureRequired: true },
  variants: [],
  effectiveFrom: "2025-07-01",
  publishedBy: "Quyết định công bố TTHC (mẫu thử)",
  legalBasis: ["Luật Cư trú 2020", "Nghị định 154/2024/NĐ-CP"],
})
