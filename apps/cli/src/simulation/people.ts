// Made-up applicants: Vietnamese names and citizen ID numbers (CCCD: 3-digit province of birth registration, one
// digit for sex and century, 2 digits of the birth year, 6 random digits). Every number is generated, none real.
import type { Applicant } from "@motcua/domain"
import type { Random } from "./random.ts"

const SURNAMES = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Vũ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
  "Lý",
  "Đào",
  "Phan",
]
const MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Ngọc", "Quang", "Thanh", "Hồng", "Xuân", "Bảo"]
const GIVEN = [
  "An",
  "Bình",
  "Chi",
  "Dũng",
  "Giang",
  "Hà",
  "Hải",
  "Hạnh",
  "Hùng",
  "Lan",
  "Linh",
  "Long",
  "Mai",
  "Nam",
  "Phúc",
  "Quân",
  "Sơn",
  "Thảo",
  "Trang",
  "Tuấn",
  "Vy",
  "Yến",
]
/** Provinces of birth registration (Quảng Ninh 022 most often). */
const BIRTH_PROVINCES = ["022", "022", "022", "022", "001", "031", "030", "034", "036", "079"]

export function citizenId(random: Random): { id: string; female: boolean; birthYear: number } {
  const female = random.chance(0.5)
  const birthYear = random.int(1950, 2006)
  const century = birthYear >= 2000 ? 2 : 0
  const digit = century + (female ? 1 : 0)
  const serial = String(random.int(0, 999_999)).padStart(6, "0")
  return {
    id: `${random.pick(BIRTH_PROVINCES)}${digit}${String(birthYear % 100).padStart(2, "0")}${serial}`,
    female,
    birthYear,
  }
}

export function applicant(random: Random, unitName: string): Applicant {
  const { id, female } = citizenId(random)
  const middle = female
    ? random.pick(["Thị", "Thu", "Ngọc", "Hồng", "Thanh"])
    : random.pick(MIDDLE.filter((m) => m !== "Thị"))
  const phone = `09${String(random.int(0, 99_999_999)).padStart(8, "0")}`
  return {
    id,
    name: `${random.pick(SURNAMES)} ${middle} ${random.pick(GIVEN)}`,
    kind: "citizen",
    address: `Tổ ${random.int(1, 30)}, khu ${random.int(1, 12)}, ${unitName}`,
    phone,
  }
}
