// Who is calling: an account with its roles and the scope it acts for. Resolved from a credential by the
// IdentityProvider port; every use case takes one and checks it against the policy (policy.ts) first.

/** Roles of the one-stop system (staff roles of the catalogue, plus the accounts around them). */
export const appRoles = [
  "citizen",
  "counter-officer", // công chức Bộ phận Một cửa
  "specialist", // chuyên viên thụ lý
  "unit-leader", // lãnh đạo phòng / đơn vị
  "authority-leader", // lãnh đạo cơ quan có thẩm quyền (người ký)
  "clerk", // văn thư: ký số, đóng dấu, vào sổ
  "inter-agency", // cán bộ cơ quan liên thông
  "post-office-agent", // nhân viên bưu điện (tiếp nhận, trả kết quả)
  "centre-admin", // quản trị Trung tâm Phục vụ hành chính công
  "province-admin", // quản trị cấp tỉnh
  "auditor", // thanh tra, kiểm tra
  "integration-client", // a system: payment gateway, national portal, scheduler
] as const
export type AppRole = (typeof appRoles)[number]

/** What a staff account acts for: its authorities, commune-level units and intake points (jurisdiction StaffScope). */
export interface StaffScopeOf {
  readonly _tag: "Staff"
  readonly level: "province" | "commune"
  readonly agencyCodes: ReadonlyArray<string>
  readonly unitCodes: ReadonlyArray<string>
  readonly intakePointIds: ReadonlyArray<string>
}

/** A citizen's own account: it acts for dossiers it filed or of which it is the applicant. */
export interface CitizenScopeOf {
  readonly _tag: "Citizen"
  /** The citizen's identification number (CCCD), also the account id. */
  readonly citizenId: string
}

/** A system calling in (gateway callback, scheduler): it acts for the listed authorities only. */
export interface IntegrationScopeOf {
  readonly _tag: "Integration"
  readonly clientId: string
  readonly agencyCodes: ReadonlyArray<string>
}

export type PrincipalScope = StaffScopeOf | CitizenScopeOf | IntegrationScopeOf

export interface Principal {
  readonly id: string
  readonly roles: ReadonlyArray<AppRole>
  readonly scope: PrincipalScope
  /** For display and logs. */
  readonly name?: string
}

/** The anonymous caller of the public lookup: no roles, so it is denied everything but public actions. */
export const anonymous: Principal = {
  id: "anonymous",
  roles: [],
  scope: { _tag: "Integration", clientId: "anonymous", agencyCodes: [] },
}
