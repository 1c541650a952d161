/**
 * The indicators of the national service-quality index (Decision 766/QĐ-TTg, "Bộ chỉ số chỉ đạo, điều hành và đánh
 * giá chất lượng phục vụ người dân, doanh nghiệp"), their groups and names. The numbers are those of the formula
 * description; three have no number there and get one here:
 * - `3.5b` procedures with a fee whose dossiers were paid online (the portal scores it, 2 points, beside 3.5);
 * - `4.5a` / `4.5b` the two halves of 4.5 (procedures connected to population data; dossiers using it);
 * - `4.6` electronic certified copies (the portal scores it, 2 points; missing from the description).
 */

export const indicatorIds = [
  "1.1",
  "1.2",
  "1.3",
  "1.4",
  "2.1",
  "2.2",
  "3.1",
  "3.2",
  "3.3",
  "3.5",
  "3.5b",
  "3.6",
  "4.1",
  "4.2",
  "4.3",
  "4.4",
  "4.5a",
  "4.5b",
  "4.6",
  "5.1",
  "5.2",
  "5.3",
  "5.4",
] as const
export type IndicatorId = (typeof indicatorIds)[number]

export const groupIds = ["transparency", "progress", "online", "payment", "digitisation", "satisfaction"] as const
export type GroupId = (typeof groupIds)[number]

export interface GroupInfo {
  readonly id: GroupId
  /** Vietnamese first, as on the portal. */
  readonly name: string
  readonly nameEn: string
  readonly indicators: ReadonlyArray<IndicatorId>
}

export const indicatorGroups: ReadonlyArray<GroupInfo> = [
  {
    id: "transparency",
    name: "Công khai, minh bạch",
    nameEn: "Transparency",
    indicators: ["1.1", "1.2", "1.3", "1.4"],
  },
  { id: "progress", name: "Tiến độ giải quyết", nameEn: "Progress", indicators: ["2.1", "2.2"] },
  { id: "online", name: "Dịch vụ công trực tuyến", nameEn: "Online services", indicators: ["3.1", "3.2", "3.3"] },
  { id: "payment", name: "Thanh toán trực tuyến", nameEn: "Online payment", indicators: ["3.5", "3.5b", "3.6"] },
  {
    id: "digitisation",
    name: "Số hóa hồ sơ",
    nameEn: "Digitisation",
    indicators: ["4.1", "4.2", "4.3", "4.4", "4.5a", "4.5b", "4.6"],
  },
  { id: "satisfaction", name: "Mức độ hài lòng", nameEn: "Satisfaction", indicators: ["5.1", "5.2", "5.3", "5.4"] },
]

export const groupOf = (id: IndicatorId): GroupId =>
  (indicatorGroups.find((g) => g.indicators.includes(id)) as GroupInfo).id

/** What each indicator counts: numerator over denominator (Vietnamese first, then English). */
export const indicatorNames: Readonly<Record<IndicatorId, { readonly name: string; readonly nameEn: string }>> = {
  "1.1": {
    name: "Công bố, công khai TTHC đúng hạn",
    nameEn: "procedures published on time / procedures published",
  },
  "1.2": {
    name: "Cập nhật, công khai TTHC trên Cơ sở dữ liệu quốc gia đúng hạn",
    nameEn: "procedures updated in the national database on time / procedures to update",
  },
  "1.3": {
    name: "TTHC công khai đầy đủ các nội dung",
    nameEn: "procedures published with every required component / procedures published",
  },
  "1.4": {
    name: "Hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia",
    nameEn: "dossiers synced to the national portal / dossiers received",
  },
  "2.1": {
    name: "Hồ sơ giải quyết trước hạn, đúng hạn",
    nameEn: "dossiers handled early, on time or still within time / dossiers counted",
  },
  "2.2": {
    name: "Thời gian giải quyết trung bình (phút làm việc)",
    nameEn: "average handling time in working minutes: minutes / dossiers ended (tracked, not scored)",
  },
  "3.1": {
    name: "TTHC cung cấp dịch vụ công trực tuyến",
    nameEn: "procedures offered online (partially or fully) / procedures",
  },
  "3.2": {
    name: "Dịch vụ công trực tuyến có phát sinh hồ sơ trực tuyến",
    nameEn: "online services with at least one online dossier / online services",
  },
  "3.3": {
    name: "Hồ sơ nộp trực tuyến",
    nameEn: "online dossiers / dossiers received, times the sync ratio",
  },
  "3.5": {
    name: "TTHC có phí, lệ phí được tích hợp thanh toán trực tuyến",
    nameEn: "procedures with a fee whose synced dossiers carry fee data / procedures with a fee",
  },
  "3.5b": {
    name: "TTHC có phí, lệ phí phát sinh thanh toán trực tuyến",
    nameEn: "procedures with a fee with at least one dossier paid online / procedures with a fee",
  },
  "3.6": {
    name: "Hồ sơ thanh toán trực tuyến",
    nameEn: "dossiers paid online / dossiers with a financial obligation",
  },
  "4.1": { name: "Hồ sơ cấp kết quả điện tử", nameEn: "dossiers with an electronic result / dossiers received" },
  "4.2": { name: "Hồ sơ được số hóa", nameEn: "dossiers digitised / dossiers received" },
  "4.3": {
    name: "Hồ sơ khai thác, sử dụng lại dữ liệu số hóa",
    nameEn: "dossiers re-using digitised data / dossiers received",
  },
  "4.4": {
    name: "Hồ sơ số hóa được chia sẻ để tái sử dụng",
    nameEn: "synced dossiers with data from the citizen's store or result links / dossiers received",
  },
  "4.5a": {
    name: "TTHC kết nối, khai thác Cơ sở dữ liệu quốc gia về dân cư",
    nameEn: "procedures connected to population data / procedures for citizens",
  },
  "4.5b": {
    name: "Hồ sơ sử dụng tài khoản VNeID hoặc dữ liệu dân cư",
    nameEn: "synced dossiers with a VNeID-verified account or data from the store / dossiers received",
  },
  "4.6": {
    name: "Hồ sơ chứng thực bản sao điện tử",
    nameEn: "certification dossiers whose copies are issued electronically / certification dossiers",
  },
  "5.1": { name: "Phản ánh, kiến nghị được phân loại", nameEn: "petitions classified / petitions (tracked)" },
  "5.2": { name: "Phản ánh, kiến nghị được xử lý đúng hạn", nameEn: "petitions handled on time / petitions" },
  "5.3": {
    name: "Hài lòng với việc xử lý phản ánh, kiến nghị",
    nameEn: "petitions not answered 'not satisfied', not re-petitioned and not late / petitions",
  },
  "5.4": {
    name: "Hài lòng với việc giải quyết hồ sơ",
    nameEn: "100% − (late dossiers + dossiers with a petition or a dislike) / dossiers received",
  },
}
