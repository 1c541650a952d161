// The mapping from our portal views (application: PortalRecordView, PortalProgressView) to the portal's objects, in
// ONE table per service: each row is a portal field, where its value comes from (said in words, for the docs and
// for a province that must correct a field), and the function that computes it. docs/integrations/portal.md prints
// the same table (a test keeps the two together). Field names and value rules: ../../shared/docs/dvcqg-contract.md
// and its sources. Code lists the contract does not fix (channel codes for counter and post, fee collection and fee
// type codes) are settings with defaults.
import type { PortalProgressView, PortalRecordView } from "@motcua/application"
import { portalBool, portalInstant } from "./format.ts"

export interface MappingOptions {
  /** KenhThucHien per channel: online is "2" (contract); counter and post follow the province's code list. */
  readonly channelCodes?: Readonly<Record<"online" | "counter" | "post", string>>
  /** Where result documents are downloaded from: `${documentBaseUrl}/${documentId}`; "" links when absent. */
  readonly documentBaseUrl?: string
}

export const DEFAULT_CHANNEL_CODES = { online: "2", counter: "1", post: "3" } as const

type PortalValue = string | ReadonlyArray<Readonly<Record<string, unknown>>>

export interface FieldRule<V> {
  /** The portal's field. */
  readonly field: string
  /** Where it comes from, in words (docs/integrations/portal.md prints this column). */
  readonly from: string
  readonly value: (view: V, options: MappingOptions) => PortalValue
}

const text = (value: string | null | undefined): string => value ?? ""
const RETURN_METHODS = {
  counter: "Trả kết quả tại Bộ phận Một cửa",
  post: "Trả kết quả qua dịch vụ bưu chính công ích",
  "e-wallet": "Trả kết quả điện tử vào kho dữ liệu của công dân",
} as const

/** The owner's identity document: 12 digits a CCCD (1), 9 digits an old ID card (2); none for a business. */
function identities(view: PortalRecordView): ReadonlyArray<Record<string, string>> {
  if (view.owner.kind !== "citizen") return []
  if (/^\d{12}$/u.test(view.owner.id)) return [{ LoaiDinhDanh: "1", SoDinhDanh: view.owner.id }]
  if (/^\d{9}$/u.test(view.owner.id)) return [{ LoaiDinhDanh: "2", SoDinhDanh: view.owner.id }]
  return []
}

/** DongBoHoSoMC: one dossier record. */
export const recordTable: ReadonlyArray<FieldRule<PortalRecordView>> = [
  { field: "MaHoSo", from: "dossier code", value: (v) => v.dossierCode },
  { field: "MaTTHC", from: "procedure code (national)", value: (v) => v.procedureCode },
  { field: "TenTTHC", from: "procedure name", value: (v) => v.procedureName },
  { field: "MaLinhVuc", from: "procedure field code", value: (v) => v.fieldCode },
  { field: "TenLinhVuc", from: "procedure field name", value: (v) => v.fieldName },
  {
    field: "KenhThucHien",
    from: "channel: online 2, counter 1, post 3 (settings: channelCodes)",
    value: (v, o) => (o.channelCodes ?? DEFAULT_CHANNEL_CODES)[v.channel],
  },
  { field: "SoGiayToChuHoSo", from: "applicant's id number (CCCD or enterprise code)", value: (v) => v.owner.id },
  { field: "ChuHoSo", from: "applicant's name", value: (v) => v.owner.name },
  {
    field: "LoaiDoiTuong",
    from: "applicant kind: citizen 1, business 2",
    value: (v) => (v.owner.kind === "citizen" ? "1" : "2"),
  },
  {
    field: "MaDoiTuong",
    from: "the portal's id of the applicant's account (dossiers filed on the portal only), else empty",
    value: (v) => (v.channel === "online" ? text(v.portalApplicantId) : ""),
  },
  { field: "ThongTinKhac", from: "empty", value: () => "" },
  { field: "Email", from: "applicant's e-mail, else empty", value: (v) => text(v.owner.email) },
  { field: "Fax", from: "empty", value: () => "" },
  { field: "SoDienThoai", from: "applicant's phone, else empty", value: (v) => text(v.owner.phone) },
  {
    field: "TrichYeuHoSo",
    from: "summary (procedure name when none), cut at 1,000 characters",
    // by code points, so that a cut never splits a character; most summaries are far shorter
    value: (v) => (v.summary.length <= 1000 ? v.summary : [...v.summary].slice(0, 1000).join("")),
  },
  { field: "NgayTiepNhan", from: "accepted at (empty before acceptance)", value: (v) => portalInstant(v.acceptedAt) },
  { field: "NgayHenTra", from: "appointment for the result", value: (v) => portalInstant(v.appointmentAt) },
  { field: "TrangThaiHoSo", from: "national status 1–10 (domain: statusOfState)", value: (v) => String(v.status) },
  { field: "NgayTra", from: "result returned at", value: (v) => portalInstant(v.returnedAt) },
  {
    field: "ThongTinTra",
    from: "how the result was returned, in words",
    value: (v) => (v.returnMethod === null ? "" : RETURN_METHODS[v.returnMethod]),
  },
  { field: "HinhThuc", from: "return by post 1, else 0", value: (v) => (v.returnMethod === "post" ? "1" : "0") },
  {
    field: "NgayKetThucXuLy",
    from: "processing ended: processed, else stopped, withdrawn or refused",
    value: (v) => portalInstant(v.endedAt),
  },
  {
    field: "DonViXuLy",
    from: "handling agency's name (its code when the name is unknown)",
    value: (v) => v.handlingAgencyName ?? v.handlingAgencyCode,
  },
  { field: "GhiChu", from: "refusal, stop or withdrawal reasons", value: (v) => text(v.note) },
  {
    field: "NoiNopHoSo",
    from: "intake point's name, or the national portal for online filings",
    value: (v) => text(v.filedWhere),
  },
  {
    field: "HoSoCoThanhPhanSoHoa",
    from: "some submitted document is digitised",
    value: (v) => portalBool(v.documents.some((d) => d.digitised)),
  },
  {
    field: "TaiKhoanDuocXacThucVoiVNeID",
    from: "the portal said the applicant's account is VNeID-verified (filed on the portal)",
    value: (v) => portalBool(v.vneidVerified),
  },
  {
    field: "DuocThanhToanTrucTuyen",
    from: "every payment confirmed by the payment gateway",
    value: (v) => portalBool(v.paidOnline),
  },
  { field: "NgayTuChoi", from: "refused at intake at", value: (v) => portalInstant(v.refusedAt) },
  { field: "NgayNopHoSo", from: "filed at", value: (v) => portalInstant(v.filedAt) },
  {
    field: "TaiLieuNop",
    from: "submitted documents: component code and name, digitised / re-used / from the data store flags",
    value: (v) =>
      v.documents.map((d) => ({
        TepDinhKemId: `${v.dossierCode}-${d.code}`,
        TenTepDinhKem: d.name,
        IsDeleted: "False",
        MaThanhPhanHoSo: d.code,
        DuongDanTaiTepTin: "",
        DuocSoHoa: portalBool(d.digitised),
        DuocTaiSuDung: portalBool(d.reused),
        DuocLayTuKhoDMQG: portalBool(d.fromDataStore),
        MaKetQuaThayThe: "",
      })),
  },
  {
    field: "DanhSachGiayToKetQua",
    from: "result documents with their download links (settings: documentBaseUrl)",
    value: (v, o) =>
      v.results.map((r) => ({
        TenGiayTo: r.name,
        MaThanhPhanHoSo: "",
        GiayToId: r.documentId,
        DuongDanTepTinKetQua: o.documentBaseUrl === undefined ? "" : `${o.documentBaseUrl}/${r.documentId}`,
        MaGiayToKetQua: "",
      })),
  },
  {
    field: "DanhSachLePhi",
    from: "fees: name, id, amount in đồng; kind fee 1, charge 2; collected online 2, else 1 (unverified codes)",
    value: (v) =>
      v.fees.map((f) => ({
        TenPhiLePhi: f.name,
        MaPhiLePhi: f.feeId,
        HinhThucThu: v.paidOnline ? "2" : "1",
        Gia: String(f.amount),
        LoaiPhiLePhi: f.kind === "fee" ? "1" : "2",
      })),
  },
  { field: "DanhSachTepDinhKemKhac", from: "empty", value: () => [] },
  {
    field: "DanhSachHoSoBoSung",
    from: "supplementation rounds: who asked, what, when, when received",
    value: (v) =>
      v.supplementations.map((s) => ({
        HoSoBoSungId: `${v.dossierCode}-BS${s.round}`,
        NguoiYeuCauBoSung: s.requestedBy,
        NoiDungBoSung: s.missing.join("; "),
        NgayBoSung: portalInstant(s.requestedAt),
        NguoiTiepNhanBoSung: "",
        ThongTinTiepNhan: "",
        NgayTiepNhanBoSung: portalInstant(s.receivedAt),
        TrangThaiBoSung: s.receivedAt === null ? "0" : "1",
        DanhSachGiayToBoSung: [],
        DanhSachLePhiBoSung: [],
        NgayHenTraTruoc: "",
        NgayHenTraMoi: "",
      })),
  },
  {
    field: "DinhDanhCHS",
    from: "citizen's id number: 12 digits type 1 (CCCD), 9 digits type 2 (old ID)",
    value: (v) => identities(v),
  },
  { field: "DSKetNoiCSDL", from: "empty (national databases consulted are not recorded)", value: () => [] },
]

/** The progress item of one status (progressTable's `status` argument). */
export interface ProgressSource {
  readonly view: PortalProgressView
  readonly status: number
}

/** CapNhatTienDoHoSoMC: one item per status entered (one with the current status when none was). */
export const progressTable: ReadonlyArray<FieldRule<ProgressSource>> = [
  { field: "MaHoSo", from: "dossier code", value: ({ view }) => view.dossierCode },
  {
    field: "NguoiXuLy",
    from: "handling officer's name, else their title (never a citizen's name)",
    value: ({ view }) => view.handlerName ?? view.handlerTitle,
  },
  { field: "ChucDanh", from: "handler's role title", value: ({ view }) => view.handlerTitle },
  { field: "ThoiDiemXuLy", from: "when the event happened", value: ({ view }) => portalInstant(view.at) },
  { field: "PhongBanXuLy", from: "unit of the step open after the event", value: ({ view }) => text(view.department) },
  { field: "NoiDungXuLy", from: "what was done (event, with the step's name)", value: ({ view }) => view.content },
  { field: "TrangThai", from: "the status entered (or the current one)", value: ({ status }) => String(status) },
  {
    field: "NgayBatDau",
    from: "start of the step open after the event, else the event's instant",
    value: ({ view }) => portalInstant(view.stepStartedAt ?? view.at),
  },
  {
    field: "NgayKetThucTheoQuyDinh",
    from: "that step's due instant",
    value: ({ view }) => portalInstant(view.stepDueAt),
  },
]

const build = <V>(table: ReadonlyArray<FieldRule<V>>, source: V, options: MappingOptions) =>
  Object.fromEntries(table.map((rule) => [rule.field, rule.value(source, options)]))

/** The portal's dossier record (one element of DongBoHoSoMC's `data`). */
export const toDossierRecord = (view: PortalRecordView, options: MappingOptions = {}): Record<string, unknown> =>
  build(recordTable, view, options)

/** The portal's progress items of one event (elements of CapNhatTienDoHoSoMC's `data`), in order. */
export const toProgressItems = (
  view: PortalProgressView,
  options: MappingOptions = {},
): ReadonlyArray<Record<string, unknown>> =>
  (view.entered.length > 0 ? view.entered : [view.status]).map((status) =>
    build(progressTable, { view, status }, options),
  )
