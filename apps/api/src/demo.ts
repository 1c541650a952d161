// Demo accounts for development, the simulator and the tests, in the ward of Hồng Gai (Hạ Long, Quảng Ninh):
// officers with local accounts (the `seed` command of the CLI writes them with `seedDemoAccounts`), the payment
// gateway's API key, and citizens known to the development identity provider. Never seed these in production:
// their passwords and keys are public.
import {
  type AppRole,
  issueApiKey,
  type Principal,
  type PrincipalScope,
  SCRYPT_DEFAULTS,
  type ScryptCost,
  saveStaffAccount,
} from "@motcua/application"
import { Effect, Result } from "effect"
import type { ApiRuntime } from "./runtime.ts"

/** Công an phường Hồng Gai: decides permanent residence registration (1.004222) for the ward. */
export const DEMO_AGENCY = "000.11.50.H49"
export const DEMO_OTHER_AGENCY = "000.11.51.H49"
/** Ủy ban nhân dân phường Hồng Gai: decides the ward's civil-status procedures (birth registration 1.001193, …). */
export const DEMO_COMMITTEE = "000.00.50.H49"
export const DEMO_UNIT = "06685"
export const DEMO_INTAKE_POINT = "ttphcc-06685"
/** Bưu điện tỉnh Quảng Ninh's central office in Hạ Long, a post-office agent taking in dossiers for the ward. */
export const DEMO_POST_OFFICE = "po-quangninh"

/** The password of every demo account unless the caller chooses another. */
export const DEMO_PASSWORD = "motcua-demo-2025"
/** The payment gateway's demo API key. */
export const DEMO_GATEWAY_KEY = "mck_demo-payment-gateway-0000000000000000"

const staff = (scope: { agencyCodes?: string[]; unitCodes?: string[]; intakePointIds?: string[] }): PrincipalScope => ({
  _tag: "Staff",
  level: "commune",
  agencyCodes: scope.agencyCodes ?? [],
  unitCodes: scope.unitCodes ?? [],
  intakePointIds: scope.intakePointIds ?? [],
})

export interface DemoAccount {
  readonly id: string
  readonly username: string
  readonly displayName: string
  readonly roles: ReadonlyArray<AppRole>
  readonly scope: PrincipalScope
}

export const DEMO_ACCOUNTS: ReadonlyArray<DemoAccount> = [
  {
    id: "cb-hg-01",
    username: "cb-hg-01",
    displayName: "Công chức một cửa 01, phường Hồng Gai",
    roles: ["counter-officer"],
    scope: staff({ unitCodes: [DEMO_UNIT], intakePointIds: [DEMO_INTAKE_POINT] }),
  },
  {
    id: "cb-hg-02",
    username: "cb-hg-02",
    displayName: "Công chức một cửa 02, phường Hồng Gai",
    roles: ["counter-officer"],
    scope: staff({ unitCodes: [DEMO_UNIT], intakePointIds: [DEMO_INTAKE_POINT] }),
  },
  {
    id: "cb-hh-01",
    username: "cb-hh-01",
    displayName: "Công chức một cửa, phường Hạ Long",
    roles: ["counter-officer"],
    scope: staff({ unitCodes: ["06688"], intakePointIds: ["ttphcc-06688"] }),
  },
  {
    id: "cv-hg-01",
    username: "cv-hg-01",
    displayName: "Chuyên viên thụ lý, Công an phường Hồng Gai",
    roles: ["specialist"],
    scope: staff({ agencyCodes: [DEMO_AGENCY] }),
  },
  {
    id: "cv-hh-01",
    username: "cv-hh-01",
    displayName: "Chuyên viên thụ lý, Công an phường Hạ Long",
    roles: ["specialist"],
    scope: staff({ agencyCodes: [DEMO_OTHER_AGENCY] }),
  },
  {
    id: "ld-hg-01",
    username: "ld-hg-01",
    displayName: "Lãnh đạo Công an phường Hồng Gai",
    roles: ["authority-leader"],
    scope: staff({ agencyCodes: [DEMO_AGENCY] }),
  },
  {
    id: "vt-hg-01",
    username: "vt-hg-01",
    displayName: "Văn thư, Công an phường Hồng Gai",
    roles: ["clerk"],
    scope: staff({ agencyCodes: [DEMO_AGENCY] }),
  },
  {
    id: "cv-ubhg-01",
    username: "cv-ubhg-01",
    displayName: "Công chức Tư pháp - Hộ tịch, UBND phường Hồng Gai",
    roles: ["specialist"],
    scope: staff({ agencyCodes: [DEMO_COMMITTEE] }),
  },
  {
    id: "ld-ubhg-01",
    username: "ld-ubhg-01",
    displayName: "Chủ tịch UBND phường Hồng Gai",
    roles: ["authority-leader"],
    scope: staff({ agencyCodes: [DEMO_COMMITTEE] }),
  },
  {
    id: "vt-ubhg-01",
    username: "vt-ubhg-01",
    displayName: "Văn thư, Văn phòng HĐND và UBND phường Hồng Gai",
    roles: ["clerk"],
    scope: staff({ agencyCodes: [DEMO_COMMITTEE] }),
  },
  {
    id: "bd-hg-01",
    username: "bd-hg-01",
    displayName: "Nhân viên Bưu điện tỉnh Quảng Ninh (Bưu cục trung tâm Hạ Long)",
    roles: ["post-office-agent"],
    scope: staff({ intakePointIds: [DEMO_POST_OFFICE] }),
  },
  {
    id: "tt-01",
    username: "tt-01",
    displayName: "Thanh tra viên",
    roles: ["auditor"],
    scope: staff({ agencyCodes: [DEMO_AGENCY] }),
  },
  {
    id: "qt-hg-01",
    username: "qt-hg-01",
    displayName: "Quản trị Trung tâm phường Hồng Gai",
    roles: ["centre-admin"],
    scope: staff({ unitCodes: [DEMO_UNIT], intakePointIds: [DEMO_INTAKE_POINT] }),
  },
  {
    id: "qt-tinh-01",
    username: "qt-tinh-01",
    displayName: "Quản trị hệ thống cấp tỉnh (hàng đợi gửi đi, đồng bộ Cổng DVCQG)",
    roles: ["province-admin"],
    scope: { _tag: "Staff", level: "province", agencyCodes: [], unitCodes: [], intakePointIds: [] },
  },
]

export const DEMO_GATEWAY: Principal = {
  id: "client:payment-gateway",
  name: "Cổng thanh toán (mô phỏng)",
  roles: ["integration-client"],
  scope: { _tag: "Integration", clientId: "payment-gateway", agencyCodes: [DEMO_AGENCY] },
}

const citizen = (citizenId: string, name: string): Principal => ({
  id: citizenId,
  name,
  roles: ["citizen"],
  scope: { _tag: "Citizen", citizenId },
})

/** Bearer tokens of the development identity provider → citizens (stand-ins for the national e-ID). */
export const demoCitizens = (): Record<string, Principal> => ({
  "demo-citizen-022090001234": citizen("022090001234", "Nguyễn Văn An"),
  "demo-citizen-022090009999": citizen("022090009999", "Trần Thị Bình"),
})

export interface SeedOptions {
  /** The password of every demo account (DEMO_PASSWORD by default). */
  readonly password?: string
  /** The gateway's API key (DEMO_GATEWAY_KEY by default). */
  readonly gatewayKey?: string
  /** scrypt cost (tests may lower it to stay fast; the default is the production cost). */
  readonly cost?: ScryptCost
}

export interface SeededDemo {
  readonly accounts: ReadonlyArray<DemoAccount & { readonly password: string }>
  readonly apiKeys: ReadonlyArray<{ readonly principalId: string; readonly key: string }>
  readonly citizenTokens: ReadonlyArray<{ readonly citizenId: string; readonly token: string }>
}

/** Writes the demo accounts and the gateway's API key (repeatable: existing ones are replaced). */
export async function seedDemoAccounts(runtime: ApiRuntime, options: SeedOptions = {}): Promise<SeededDemo> {
  const password = options.password ?? DEMO_PASSWORD
  const key = options.gatewayKey ?? DEMO_GATEWAY_KEY
  const result = await runtime.run(
    Effect.gen(function* () {
      for (const account of DEMO_ACCOUNTS)
        yield* saveStaffAccount({ ...account, password }, options.cost ?? SCRYPT_DEFAULTS)
      yield* issueApiKey({
        principalId: DEMO_GATEWAY.id,
        displayName: DEMO_GATEWAY.name ?? DEMO_GATEWAY.id,
        roles: DEMO_GATEWAY.roles,
        scope: DEMO_GATEWAY.scope,
        key,
      })
    }),
  )
  if (Result.isFailure(result)) throw result.failure
  return {
    accounts: DEMO_ACCOUNTS.map((a) => ({ ...a, password })),
    apiKeys: [{ principalId: DEMO_GATEWAY.id, key }],
    citizenTokens: Object.entries(demoCitizens()).map(([token, p]) => ({ citizenId: p.id, token })),
  }
}
