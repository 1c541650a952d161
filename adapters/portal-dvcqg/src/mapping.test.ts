// The mapping table against real portal views: a dossier taken through the application's use cases (in memory, the
// Quảng Ninh data), its outbox rows decoded and mapped as the adapter sends them.
import { readFileSync } from "node:fs"
import {
  accept,
  completeStep,
  fileOnline,
  MemoryDatabase,
  PortalSyncPayload,
  requestSupplementation,
} from "@motcua/application"
import { advance, HOUR, principals as p, residenceFiling, runTest, withPapers } from "@motcua/application/testing"
import { Effect, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { fromPortalBool, fromPortalInstant, portalInstant } from "./format.ts"
import { progressTable, recordTable, toDossierRecord, toProgressItems } from "./mapping.ts"

/** Both documents declared digitised and taken from the data store: the records, not this, give the flags. */
const declared = residenceFiling({
  documents: [
    { id: "ct01", digitised: true, fromEWallet: true },
    { id: "cho-o-hop-phap", digitised: true, fromEWallet: true },
  ],
})

const { payloads, declaredOnly } = await runTest(
  Effect.gen(function* () {
    // ct01 uploaded as a paper, the proof of residence taken from the citizen's e-wallet
    const papers = yield* withPapers(p.citizen, declared, { scanned: ["ct01"], fromWallet: ["cho-o-hop-phap"] })
    const filed = yield* fileOnline(p.citizen, papers, "k")
    // the same declarations without any paper behind them
    const bare = yield* fileOnline(p.citizen, declared, "k-declared")
    yield* advance(HOUR)
    yield* accept(p.counter, filed.code, {})
    yield* advance(HOUR)
    yield* completeStep(p.counter, filed.code, { assigneeId: p.specialist.id })
    yield* advance(HOUR)
    yield* requestSupplementation(p.specialist, filed.code, {
      missing: [{ documentId: "cho-o-hop-phap", description: "Hợp đồng thuê nhà chưa công chứng" }],
      applicantDeadline: "2025-10-17T10:00:00.000Z",
    })
    const db = yield* MemoryDatabase
    const sync = [...db.state.outbox.values()]
      .filter((row) => row.topic === "portal.sync")
      .map((row) => Schema.decodeUnknownSync(PortalSyncPayload)(row.payload))
    const of = (code: string) =>
      sync.filter((x) => (x.kind === "record" ? x.record.dossierCode : x.progress.dossierCode) === code)
    return { payloads: of(filed.code), declaredOnly: of(bare.code) }
  }),
)
const records = payloads.flatMap((x) => (x.kind === "record" ? [x.record] : []))
const progress = payloads.flatMap((x) => (x.kind === "progress" ? [x.progress] : []))

describe("portal instants and flags", () => {
  it("writes instants as yyyyMMddHHmmss in Vietnam time and reads them back", () => {
    expect(portalInstant("2025-10-06T01:00:00.000Z")).toBe("20251006080000")
    expect(portalInstant("2025-12-31T23:30:00+07:00")).toBe("20251231233000")
    expect(portalInstant("2025-12-31T17:30:05Z")).toBe("20260101003005")
    expect(portalInstant(null)).toBe("")
    expect(fromPortalInstant("20251006080000")).toBe("2025-10-06T08:00:00+07:00")
    expect(fromPortalInstant("20250231080000")).toBeUndefined()
    expect(fromPortalInstant("2025-10-06")).toBeUndefined()
    expect([fromPortalBool("True"), fromPortalBool("false"), fromPortalBool("1"), fromPortalBool("yes")]).toEqual([
      true,
      false,
      true,
      undefined,
    ])
  })
})

describe("toDossierRecord", () => {
  it("maps every field of the contract, codes and dates as strings", () => {
    const statuses = records.map((r) => toDossierRecord(r).TrangThaiHoSo)
    // filed, accepted, processing (the hand-over to the specialist), supplementation
    expect(statuses).toEqual(["1", "2", "4", "5"])
    const latest = records.at(-1)
    if (latest === undefined) throw new Error("no record")
    const last = toDossierRecord(latest, { documentBaseUrl: "https://motcua.example/docs" })
    expect(Object.keys(last)).toEqual(recordTable.map((r) => r.field))
    expect(last).toMatchObject({
      MaTTHC: "1.004222",
      KenhThucHien: "2",
      SoGiayToChuHoSo: "022090001234",
      ChuHoSo: "Nguyễn Văn An",
      LoaiDoiTuong: "1",
      MaDoiTuong: "",
      SoDienThoai: "0912345678",
      NgayNopHoSo: "20251006080000",
      NgayTiepNhan: "20251006090000",
      HoSoCoThanhPhanSoHoa: "True",
      TaiKhoanDuocXacThucVoiVNeID: "False",
      DuocThanhToanTrucTuyen: "False",
      HinhThuc: "0",
      NoiNopHoSo: "Cổng Dịch vụ công quốc gia",
      DinhDanhCHS: [{ LoaiDinhDanh: "1", SoDinhDanh: "022090001234" }],
    })
    expect(last.NgayHenTra).toMatch(/^\d{14}$/u)
    expect(last.DonViXuLy).toBe("Công an phường Hồng Gai")
    expect(last.TaiLieuNop).toEqual([
      expect.objectContaining({
        MaThanhPhanHoSo: "ct01",
        DuocSoHoa: "True",
        DuocTaiSuDung: "False",
        DuocLayTuKhoDMQG: "False",
        IsDeleted: "False",
      }),
      expect.objectContaining({ MaThanhPhanHoSo: "cho-o-hop-phap", DuocSoHoa: "True", DuocLayTuKhoDMQG: "True" }),
    ])
    expect(last.DanhSachHoSoBoSung).toEqual([
      expect.objectContaining({
        NoiDungBoSung: "Hợp đồng thuê nhà chưa công chứng",
        NgayBoSung: "20251006110000",
        NgayTiepNhanBoSung: "",
        TrangThaiBoSung: "0",
      }),
    ])
    expect(last.DanhSachLePhi).toEqual([
      expect.objectContaining({ Gia: expect.stringMatching(/^\d+$/u), LoaiPhiLePhi: expect.stringMatching(/^[12]$/u) }),
    ])
    // every value is a string or a list: nothing travels as a number or a boolean
    for (const value of Object.values(last)) expect(typeof value === "string" || Array.isArray(value)).toBe(true)
  })

  it("says a document is digitised or taken from the data store only when a record of its paper says so", () => {
    const bare = declaredOnly.flatMap((x) => (x.kind === "record" ? [x.record] : []))
    expect(bare.length).toBeGreaterThan(0)
    for (const record of bare) {
      const mapped = toDossierRecord(record, { documentBaseUrl: "https://motcua.example/docs" })
      expect(mapped.HoSoCoThanhPhanSoHoa).toBe("False")
      expect(mapped.TaiLieuNop).toEqual([
        expect.objectContaining({ MaThanhPhanHoSo: "ct01", DuocSoHoa: "False", DuocLayTuKhoDMQG: "False" }),
        expect.objectContaining({ MaThanhPhanHoSo: "cho-o-hop-phap", DuocSoHoa: "False", DuocLayTuKhoDMQG: "False" }),
      ])
    }
  })

  it("cuts the summary at 1,000 characters and uses the deployment's channel codes", () => {
    const first = records[0]
    if (first === undefined) throw new Error("no record")
    const view = { ...first, summary: "ư".repeat(1500), channel: "counter" as const }
    const record = toDossierRecord(view, { channelCodes: { online: "2", counter: "5", post: "6" } })
    expect([...String(record.TrichYeuHoSo)]).toHaveLength(1000)
    expect(record.KenhThucHien).toBe("5")
  })
})

describe("toProgressItems", () => {
  it("gives one item per status entered, in order, with the handler's title and never a citizen's name", () => {
    const items = progress.flatMap((v) => toProgressItems(v))
    expect(items.map((i) => [i.TrangThai, i.NoiDungXuLy])).toEqual([
      ["1", "Nộp hồ sơ"],
      ["2", "Tiếp nhận hồ sơ"],
      ["4", expect.stringMatching(/^Chuyển bước xử lý: /u)],
      ["5", "Yêu cầu bổ sung hồ sơ"],
    ])
    expect(Object.keys(items[0] ?? {})).toEqual(progressTable.map((r) => r.field))
    expect(items[0]).toMatchObject({ NguoiXuLy: "Công dân", ChucDanh: "Công dân", ThoiDiemXuLy: "20251006080000" })
    expect(items[1]).toMatchObject({ ChucDanh: "Công chức Bộ phận Một cửa", ThoiDiemXuLy: "20251006090000" })
    expect(items[1]?.NgayKetThucTheoQuyDinh).toMatch(/^\d{14}$/u)
    for (const item of items) expect(JSON.stringify(item)).not.toContain("022090001234")
  })
})

describe("docs/integrations/portal.md", () => {
  it("prints the same mapping table as the code", () => {
    const doc = readFileSync(new URL("../../../docs/integrations/portal.md", import.meta.url), "utf8")
    for (const rule of [...recordTable, ...progressTable]) expect(doc).toContain(`| \`${rule.field}\` | ${rule.from} |`)
  })
})
