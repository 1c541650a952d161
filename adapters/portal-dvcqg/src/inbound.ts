// The PortalInbound port over the national portal: the filings waiting for the province are fetched with one
// service, acknowledged with another, and their attachments downloaded from the links they carry. The contract says
// only that provincial systems receive those dossiers "with the portal's dossier id and the attachments' links": the
// service names and fields below are this adapter's assumption (in the portal's naming style), all settings, and
// docs/integrations/portal.md lists them. Each delivered filing is decoded on its own: one that does not decode is
// reported as malformed (with its id when it has one), the others go on.
import {
  ExternalServiceFailed,
  type InboundAcknowledgement,
  type InboundFiling,
  PortalInbound,
  type PortalInboundShape,
  PortalRefused,
} from "@motcua/application"
import { Effect, Layer, Schema } from "effect"
import { type DvcqgSettings, type PortalClient, portalClient } from "./client.ts"
import { fromPortalBool, fromPortalInstant } from "./format.ts"

export interface InboundServiceNames {
  /** Lists the filings waiting for the province. */
  readonly list: string
  /** Acknowledges one: taken in (with our dossier code) or refused (with the reason). */
  readonly acknowledge: string
}

export const DEFAULT_INBOUND_SERVICES: InboundServiceNames = {
  list: "LayDanhSachHoSoNopTrucTuyen",
  acknowledge: "XacNhanHoSoNopTrucTuyen",
}

export interface PortalInboundSettings extends DvcqgSettings {
  readonly inboundServices?: Partial<InboundServiceNames>
}

const Text = Schema.String.check(Schema.isMinLength(1))
const Flag = Schema.optionalKey(Schema.Union([Schema.String, Schema.Boolean]))

/** One filing as the portal delivers it. */
export const PortalFilingItem = Schema.Struct({
  MaHoSoQG: Text,
  MaTTHC: Text,
  ChuHoSo: Text,
  SoGiayToChuHoSo: Text,
  LoaiDoiTuong: Schema.Literals(["1", "2"]),
  MaDoiTuong: Schema.optionalKey(Schema.String),
  TaiKhoanDuocXacThucVoiVNeID: Flag,
  SoDienThoai: Schema.optionalKey(Schema.String),
  Email: Schema.optionalKey(Schema.String),
  DiaChiThuongTru: Schema.optionalKey(Schema.String),
  /** The applicant's province code, and commune-level unit code when in the province. */
  MaTinh: Text,
  MaXa: Schema.optionalKey(Schema.String),
  /** Where the subject is (land, building), for procedures decided there. */
  MaXaDoiTuong: Schema.optionalKey(Schema.String),
  TrichYeuHoSo: Schema.optionalKey(Schema.String),
  NgayNopHoSo: Schema.String,
  TaiLieuNop: Schema.Array(
    Schema.Struct({
      MaThanhPhanHoSo: Text,
      TepDinhKemId: Schema.optionalKey(Schema.String),
      TenTepDinhKem: Schema.optionalKey(Schema.String),
      DuongDanTaiTepTin: Schema.optionalKey(Schema.String),
      DuocSoHoa: Flag,
      DuocTaiSuDung: Flag,
      DuocLayTuKhoDMQG: Flag,
    }),
  ),
})
export type PortalFilingItem = typeof PortalFilingItem.Type

const decodeItem = Schema.decodeUnknownResult(PortalFilingItem)
const present = (value: string | undefined) => (value === undefined || value.trim() === "" ? undefined : value.trim())
const flag = (value: string | boolean | undefined) => fromPortalBool(value ?? false) === true

/** Our InboundFiling of a decoded portal filing; a problem text when a value is unusable. */
export function toInboundFiling(item: PortalFilingItem): InboundFiling | string {
  const filedAt = fromPortalInstant(item.NgayNopHoSo)
  if (filedAt === undefined) return `NgayNopHoSo: not a yyyyMMddHHmmss instant: ${JSON.stringify(item.NgayNopHoSo)}`
  const byCode = new Map<
    string,
    {
      digitised: boolean
      reused: boolean
      fromDataStore: boolean
      files: InboundFiling["documents"][number]["attachments"][number][]
    }
  >()
  for (const doc of item.TaiLieuNop) {
    const entry = byCode.get(doc.MaThanhPhanHoSo) ?? {
      digitised: false,
      reused: false,
      fromDataStore: false,
      files: [],
    }
    entry.digitised ||= flag(doc.DuocSoHoa)
    entry.reused ||= flag(doc.DuocTaiSuDung)
    entry.fromDataStore ||= flag(doc.DuocLayTuKhoDMQG)
    const url = present(doc.DuongDanTaiTepTin)
    if (url !== undefined)
      entry.files.push({
        id: present(doc.TepDinhKemId) ?? url,
        name: present(doc.TenTepDinhKem) ?? doc.MaThanhPhanHoSo,
        url,
      })
    byCode.set(doc.MaThanhPhanHoSo, entry)
  }
  const phone = present(item.SoDienThoai)
  const email = present(item.Email)
  const address = present(item.DiaChiThuongTru)
  const unit = present(item.MaXa)
  const subject = present(item.MaXaDoiTuong)
  const summary = present(item.TrichYeuHoSo)
  const applicantId = present(item.MaDoiTuong)
  return {
    portalDossierId: item.MaHoSoQG,
    procedureCode: item.MaTTHC,
    applicant: {
      id: item.SoGiayToChuHoSo,
      name: item.ChuHoSo,
      kind: item.LoaiDoiTuong === "1" ? "citizen" : "business",
      ...(address === undefined ? {} : { address }),
      ...(phone === undefined ? {} : { phone }),
      ...(email === undefined ? {} : { email }),
    },
    ...(applicantId === undefined ? {} : { portalApplicantId: applicantId }),
    vneidVerified: flag(item.TaiKhoanDuocXacThucVoiVNeID),
    residence: { provinceCode: item.MaTinh, ...(unit === undefined ? {} : { unitCode: unit }) },
    ...(subject === undefined ? {} : { subjectUnitCode: subject }),
    ...(summary === undefined ? {} : { summary }),
    filedAt,
    documents: [...byCode].map(([code, d]) => ({
      code,
      digitised: d.digitised,
      reused: d.reused,
      fromDataStore: d.fromDataStore,
      attachments: d.files,
    })),
  }
}

const MEDIA_BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
}

export function makePortalInbound(
  settings: PortalInboundSettings,
  client: PortalClient = portalClient(settings),
): PortalInboundShape {
  const services = { ...DEFAULT_INBOUND_SERVICES, ...settings.inboundServices }
  const failed = (operation: string) => (cause: unknown) =>
    new ExternalServiceFailed({ port: "PortalInbound", operation, cause })
  return {
    fetchFilings: (limit) =>
      Effect.tryPromise({
        try: async () => {
          const answer = await client.call(services.list, [{ SoLuong: String(limit) }])
          if (answer.code !== "0")
            throw new PortalRefused(
              `Cổng DVCQG từ chối ${services.list} (error_code ${answer.code}): ${answer.message}`,
              answer.code,
            )
          const items = answer.data === undefined || answer.data === null ? [] : answer.data
          if (!Array.isArray(items))
            throw new PortalRefused(`Cổng DVCQG trả ${services.list} không phải danh sách (data is not a list)`, "data")
          const filings: InboundFiling[] = []
          const malformed: Array<{ portalDossierId: string | null; problem: string }> = []
          for (const item of items) {
            const id =
              typeof item === "object" && item !== null && typeof (item as { MaHoSoQG?: unknown }).MaHoSoQG === "string"
                ? (item as { MaHoSoQG: string }).MaHoSoQG
                : null
            const decoded = decodeItem(item)
            if (decoded._tag === "Failure") {
              malformed.push({
                portalDossierId: id,
                problem: String(decoded.failure.message).split("\n").slice(0, 3).join(" "),
              })
              continue
            }
            const filing = toInboundFiling(decoded.success)
            if (typeof filing === "string") malformed.push({ portalDossierId: id, problem: filing })
            else filings.push(filing)
          }
          return { filings, malformed }
        },
        catch: failed("fetchFilings"),
      }),
    download: (attachment) =>
      Effect.tryPromise({
        try: async () => {
          const got = await client.download(attachment.url)
          const extension = attachment.name.split(".").pop()?.toLowerCase() ?? ""
          return {
            bytes: got.bytes,
            mediaType: got.mediaType ?? MEDIA_BY_EXTENSION[extension] ?? "application/octet-stream",
          }
        },
        catch: failed("download"),
      }),
    acknowledge: (ack: InboundAcknowledgement) =>
      Effect.tryPromise({
        try: async () => {
          const answer = await client.call(services.acknowledge, [
            "dossierCode" in ack
              ? { MaHoSoQG: ack.portalDossierId, MaHoSo: ack.dossierCode, TrangThai: "1", LyDo: "" }
              : { MaHoSoQG: ack.portalDossierId, MaHoSo: "", TrangThai: "0", LyDo: ack.refused.slice(0, 1000) },
          ])
          if (answer.code !== "0")
            throw new PortalRefused(
              `Cổng DVCQG từ chối ${services.acknowledge} (error_code ${answer.code}): ${answer.message}`,
              answer.code,
            )
        },
        catch: failed("acknowledge"),
      }),
  }
}

export const PortalDvcqgInbound = {
  layer: (settings: PortalInboundSettings, client?: PortalClient) =>
    Layer.succeed(PortalInbound, PortalInbound.of(makePortalInbound(settings, client))),
}
