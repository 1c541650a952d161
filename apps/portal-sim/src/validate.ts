// What the simulated portal checks in every object it is sent, as a strict portal would (dvcqg-contract.md,
// "Values" and the two services): every scalar a string, dates `yyyyMMddHHmmss` (a day that exists) or "", codes
// from their lists, booleans "True"/"False", the summary at most 1,000 characters, the dates each status needs.
// Each problem is one line `field: what is wrong`; the answer lists them all.
import { acceptedStatusTransitions, type NationalStatusCode } from "@motcua/domain"

const INSTANT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/u

/** A `yyyyMMddHHmmss` text naming an instant that exists (no 31 February, no 25 o'clock). */
export function isPortalInstant(text: string): boolean {
  const m = INSTANT.exec(text)
  if (m === null) return false
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number]
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s))
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s
  )
}

type Problems = string[]
type Item = Readonly<Record<string, unknown>>

const BOOL = new Set(["True", "False"])

function requireText(item: Item, field: string, problems: Problems, optional = false): string | undefined {
  const value = item[field]
  if (value === undefined && optional) return undefined
  if (typeof value !== "string") {
    problems.push(`${field}: phải là chuỗi (must be a string), nhận ${JSON.stringify(value) ?? "undefined"}`)
    return undefined
  }
  if (!optional && value.trim() === "") problems.push(`${field}: bắt buộc (required)`)
  return value
}

function requireDate(item: Item, field: string, problems: Problems, required: boolean): void {
  const value = requireText(item, field, problems, true)
  if (value === undefined) {
    if (required) problems.push(`${field}: bắt buộc (required)`)
    return
  }
  if (value === "") {
    if (required) problems.push(`${field}: bắt buộc ở trạng thái này (required in this status)`)
    return
  }
  if (!isPortalInstant(value)) problems.push(`${field}: không phải yyyyMMddHHmmss (not yyyyMMddHHmmss): "${value}"`)
}

function requireOneOf(
  item: Item,
  field: string,
  allowed: ReadonlyArray<string>,
  problems: Problems,
): string | undefined {
  const value = requireText(item, field, problems)
  if (value !== undefined && value !== "" && !allowed.includes(value))
    problems.push(`${field}: "${value}" không thuộc (not one of) ${allowed.join(", ")}`)
  return value
}

function requireList(item: Item, field: string, problems: Problems, check?: (entry: Item, path: string) => void): void {
  const value = item[field]
  if (value === undefined) return
  if (!Array.isArray(value)) {
    problems.push(`${field}: phải là danh sách (must be a list)`)
    return
  }
  value.forEach((entry, i) => {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      problems.push(`${field}[${i}]: phải là đối tượng (must be an object)`)
      return
    }
    for (const [key, v] of Object.entries(entry))
      if (typeof v !== "string" && !Array.isArray(v))
        problems.push(`${field}[${i}].${key}: phải là chuỗi (must be a string), nhận ${JSON.stringify(v)}`)
    check?.(entry as Item, `${field}[${i}]`)
  })
}

const STATUSES = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]

/** Problems of one dossier record (DongBoHoSoMC); empty when it is acceptable. */
export function recordProblems(item: unknown): Problems {
  const problems: Problems = []
  if (typeof item !== "object" || item === null || Array.isArray(item))
    return ["hồ sơ phải là đối tượng (must be an object)"]
  const r = item as Item
  for (const field of [
    "MaHoSo",
    "MaTTHC",
    "TenTTHC",
    "MaLinhVuc",
    "TenLinhVuc",
    "SoGiayToChuHoSo",
    "ChuHoSo",
    "TrichYeuHoSo",
    "DonViXuLy",
  ])
    requireText(r, field, problems)
  for (const field of [
    "MaDoiTuong",
    "ThongTinKhac",
    "Email",
    "Fax",
    "SoDienThoai",
    "ThongTinTra",
    "GhiChu",
    "NoiNopHoSo",
  ])
    requireText(r, field, problems, true)
  requireOneOf(r, "KenhThucHien", ["1", "2", "3"], problems)
  requireOneOf(r, "LoaiDoiTuong", ["1", "2", "3", "4"], problems)
  requireOneOf(r, "HinhThuc", ["0", "1"], problems)
  const status = Number(requireOneOf(r, "TrangThaiHoSo", STATUSES, problems))
  for (const field of ["HoSoCoThanhPhanSoHoa", "TaiKhoanDuocXacThucVoiVNeID", "DuocThanhToanTrucTuyen"]) {
    const value = requireText(r, field, problems)
    if (value !== undefined && !BOOL.has(value)) problems.push(`${field}: phải là "True" hoặc "False", nhận "${value}"`)
  }
  const summary = r.TrichYeuHoSo
  if (typeof summary === "string" && [...summary].length > 1000)
    problems.push("TrichYeuHoSo: quá 1.000 ký tự (over 1,000 characters)")
  const accepted = [2, 4, 5, 6, 9, 10].includes(status)
  requireDate(r, "NgayNopHoSo", problems, true)
  requireDate(r, "NgayTiepNhan", problems, accepted)
  requireDate(r, "NgayHenTra", problems, accepted)
  requireDate(r, "NgayTra", problems, status === 10)
  requireDate(r, "NgayKetThucXuLy", problems, status === 9 || status === 10)
  requireDate(r, "NgayTuChoi", problems, status === 3)
  if (r.MaDoiTuong !== undefined && r.MaDoiTuong !== "" && r.KenhThucHien !== "2")
    problems.push("MaDoiTuong: chỉ gửi cho hồ sơ nộp trực tuyến (online filings only)")
  requireList(r, "TaiLieuNop", problems, (doc, path) => {
    if (typeof doc.MaThanhPhanHoSo !== "string" || doc.MaThanhPhanHoSo === "")
      problems.push(`${path}.MaThanhPhanHoSo: bắt buộc (required)`)
    for (const field of ["DuocSoHoa", "DuocTaiSuDung", "DuocLayTuKhoDMQG", "IsDeleted"])
      if (doc[field] !== undefined && !BOOL.has(String(doc[field])))
        problems.push(`${path}.${field}: phải là "True" hoặc "False"`)
  })
  requireList(r, "DanhSachGiayToKetQua", problems)
  requireList(r, "DanhSachLePhi", problems, (fee, path) => {
    if (typeof fee.Gia === "string" && !/^\d+$/u.test(fee.Gia))
      problems.push(`${path}.Gia: số tiền nguyên đồng (whole đồng)`)
  })
  requireList(r, "DanhSachTepDinhKemKhac", problems)
  requireList(r, "DanhSachHoSoBoSung", problems, (round, path) => {
    for (const field of ["NgayBoSung", "NgayTiepNhanBoSung"])
      if (typeof round[field] === "string" && round[field] !== "" && !isPortalInstant(round[field] as string))
        problems.push(`${path}.${field}: không phải yyyyMMddHHmmss`)
  })
  requireList(r, "DinhDanhCHS", problems, (id, path) => {
    const ok =
      (id.LoaiDinhDanh === "1" && /^\d{12}$/u.test(String(id.SoDinhDanh))) ||
      (id.LoaiDinhDanh === "2" && /^\d{9}$/u.test(String(id.SoDinhDanh)))
    if (!ok) problems.push(`${path}: LoaiDinhDanh 1 cần 12 chữ số, 2 cần 9 chữ số (type 1 = 12 digits, 2 = 9 digits)`)
  })
  requireList(r, "DSKetNoiCSDL", problems)
  return problems
}

/** Problems of one progress item (CapNhatTienDoHoSoMC). */
export function progressProblems(item: unknown): Problems {
  const problems: Problems = []
  if (typeof item !== "object" || item === null || Array.isArray(item))
    return ["tiến độ phải là đối tượng (must be an object)"]
  const p = item as Item
  for (const field of ["MaHoSo", "NguoiXuLy", "ChucDanh", "NoiDungXuLy"]) requireText(p, field, problems)
  requireText(p, "PhongBanXuLy", problems, true)
  requireOneOf(p, "TrangThai", ["0", ...STATUSES], problems)
  requireDate(p, "ThoiDiemXuLy", problems, true)
  requireDate(p, "NgayBatDau", problems, false)
  requireDate(p, "NgayKetThucTheoQuyDinh", problems, false)
  return problems
}

/** Whether status `next` may follow `previous` (the same status, or a path of accepted transitions). */
export function statusMayFollow(previous: number, next: number): boolean {
  if (previous === next) return true
  const seen = new Set<number>([previous])
  const queue = [previous]
  while (queue.length > 0) {
    const current = queue.shift() as NationalStatusCode
    for (const following of acceptedStatusTransitions[current] ?? []) {
      if (following === next) return true
      if (!seen.has(following)) {
        seen.add(following)
        queue.push(following)
      }
    }
  }
  return false
}
