// What each role is called where people read it: the portal's progress updates, the public lookup (the role holding
// a dossier, never a person), the printed forms, and the title under a result's signature. One table, here, so that
// a role is named the same everywhere.
import type { Role } from "./events.ts"

/** The Vietnamese title of each role. */
export const roleTitles: Readonly<Record<Role, string>> = {
  "counter-officer": "Công chức Bộ phận Một cửa",
  specialist: "Chuyên viên thụ lý",
  "unit-leader": "Lãnh đạo phòng chuyên môn",
  "authority-leader": "Lãnh đạo cơ quan có thẩm quyền",
  clerk: "Văn thư",
  "inter-agency": "Cơ quan phối hợp liên thông",
  "post-office-agent": "Nhân viên bưu chính",
  citizen: "Công dân",
  system: "Hệ thống",
}

/** A role's title; an unknown role (from outside the schema) is printed as it is. */
export const roleTitle = (role: string): string => (roleTitles as Readonly<Record<string, string>>)[role] ?? role

/**
 * The title printed above the signer's name on a result, followed by the authority's name ("Thủ trưởng cơ quan
 * Công an phường Hồng Gai"): the leaders who sign; anyone else signs as "Người ký".
 */
export const signerTitle = (role: string): string =>
  role === "authority-leader" ? "Thủ trưởng cơ quan" : role === "unit-leader" ? "Lãnh đạo đơn vị" : "Người ký"
